package org.cathodekit.plot;

import java.awt.Color;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import org.cathodekit.core.DiffractionPattern;
import org.cathodekit.diffraction.PeakFitOptions;
import org.cathodekit.diffraction.PeakFitting;
import org.cathodekit.diffraction.PeakResult;
import org.cathodekit.diffraction.SeriesResult;
import org.cathodekit.diffraction.WhPoint;
import org.cathodekit.diffraction.WilliamsonHallResult;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** Charts of {@link org.cathodekit.diffraction} results: peak-fit overlays, Williamson-Hall, lattice series. */
public final class DiffractionCharts {
    private DiffractionCharts() {
    }

    /**
     * Measured points in {@code [lo, hi]} deg 2theta and the fitted K-alpha model, one red line per
     * fit window (the model is undefined between windows); failed fits are left out.
     */
    public static XYChart peakFits(String title, DiffractionPattern p, List<PeakResult> fits, PeakFitOptions options, double lo, double hi) {
        double[] x = p.twoThetaDeg();
        double[] y = p.intensity();
        double[] model = PeakFitting.modelCurve(x, fits, p.requireWavelength(), options);
        XYChart c = Charts.xy(title, "2theta (deg)", "intensity (counts)");
        List<Double> zx = new ArrayList<>();
        List<Double> zy = new ArrayList<>();
        for (int i = 0; i < x.length; i++) {
            if (x[i] >= lo && x[i] <= hi) {
                zx.add(x[i]);
                zy.add(y[i]);
            }
        }
        XYSeries data = c.addSeries("data", zx, zy);
        data.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        data.setMarker(SeriesMarkers.CIRCLE);
        TreeSet<Double> starts = new TreeSet<>();
        for (PeakResult r : fits) {
            if (Double.isFinite(r.background0()) && r.windowHiDeg() > lo && r.windowLoDeg() < hi) {
                starts.add(r.windowLoDeg());
            }
        }
        int w = 0;
        for (double start : starts) {
            double end = fits.stream().filter(r -> r.windowLoDeg() == start).mapToDouble(PeakResult::windowHiDeg).max().getAsDouble();
            List<Double> mx = new ArrayList<>();
            List<Double> my = new ArrayList<>();
            for (int i = 0; i < x.length; i++) {
                if (x[i] >= Math.max(lo, start) && x[i] <= Math.min(hi, end) && Double.isFinite(model[i])) {
                    mx.add(x[i]);
                    my.add(model[i]);
                }
            }
            if (mx.size() > 1) {
                XYSeries s = c.addSeries(w == 0 ? "fitted model" : "fitted model " + (w + 1), mx, my);
                s.setMarker(SeriesMarkers.NONE);
                s.setLineColor(Color.RED);
                s.setShowInLegend(w == 0);
                w++;
            }
        }
        c.getStyler().setMarkerSize(3);
        return Charts.xRange(c, lo, hi);
    }

    /** Williamson-Hall points and lines (paper C eq. 4) of several samples. */
    public static XYChart williamsonHall(String title, Map<String, WilliamsonHallResult> results) {
        XYChart c = Charts.xy(title, "4 sin(theta) / (K lambda) (1/A)", "beta cos(theta) / (K lambda) (1/A)");
        results.forEach((name, r) -> {
            double[] px = r.points().stream().mapToDouble(WhPoint::x).toArray();
            double[] py = r.points().stream().mapToDouble(WhPoint::y).toArray();
            Charts.points(c, name + " peaks", px, py);
            double xmax = Arrays.stream(px).max().orElse(1) * 1.05;
            Charts.line(c, name + String.format(java.util.Locale.ROOT, " fit: eps = %.4f", r.slope()), new double[] {0, xmax},
                    new double[] {r.intercept(), r.intercept() + r.slope() * xmax});
        });
        return Charts.legend(c, "NW");
    }

    /** Recovered (with standard errors) and planted values of a quantity against a variable. */
    public static XYChart recoveredAndPlanted(String title, String xTitle, String yTitle, double[] x, Map<String, double[][]> series) {
        XYChart c = Charts.xy(title, xTitle, yTitle);
        series.forEach((name, v) -> {
            Charts.points(c, name + " recovered", x, v[0], v[1]);
            Charts.line(c, name + " planted", x, v[2]);
        });
        return Charts.legend(c, "NW");
    }

    /** Relative change (%) of a, c and V from the first pattern against time (h) for several series. */
    public static XYChart latticeChange(String title, double[] timeH, Map<String, SeriesResult> results) {
        XYChart c = Charts.xy(title, "time (h)", "change from the first pattern (%)");
        results.forEach((name, r) -> {
            double[] cc = r.cOverC0();
            double[] vv = r.volume();
            double[] aa = r.a();
            int n = cc.length;
            double[] pc = new double[n];
            double[] pv = new double[n];
            double[] pa = new double[n];
            for (int i = 0; i < n; i++) {
                pc[i] = 100 * (cc[i] - 1);
                pv[i] = 100 * (vv[i] / vv[0] - 1);
                pa[i] = 100 * (aa[i] / aa[0] - 1);
            }
            c.addSeries(name + " c", timeH, pc).setMarker(SeriesMarkers.CIRCLE);
            c.addSeries(name + " a", timeH, pa).setMarker(SeriesMarkers.DIAMOND);
            c.addSeries(name + " V", timeH, pv).setMarker(SeriesMarkers.SQUARE);
        });
        return Charts.legend(c, "SW");
    }

    /** c/c0 against (a/a0)^2 with the isotropic line c/c0 = sqrt((a/a0)^2). */
    public static XYChart anisotropy(String title, Map<String, SeriesResult> results) {
        XYChart c = Charts.xy(title, "(a/a0)^2", "c/c0");
        double lo = 1, hi = 1;
        for (var e : results.entrySet()) {
            double[] xs = e.getValue().aOverA0Squared();
            Charts.points(c, e.getKey(), xs, e.getValue().cOverC0());
            for (double v : xs) {
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
        }
        double[] ix = new double[21];
        double[] iy = new double[21];
        for (int k = 0; k <= 20; k++) {
            ix[k] = lo + (hi - lo) * k / 20;
            iy[k] = SeriesResult.isotropicCOverC0(ix[k]);
        }
        Charts.dashed(c, "isotropic (c/c0 = a/a0)", ix, iy, Color.GRAY);
        return Charts.legend(c, "NW");
    }
}
