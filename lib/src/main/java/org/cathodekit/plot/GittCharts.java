package org.cathodekit.plot;

import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.cathodekit.core.CyclerData;
import org.cathodekit.gitt.GittFlag;
import org.cathodekit.gitt.GittModel;
import org.cathodekit.gitt.GittPulse;
import org.cathodekit.gitt.GittResult;
import org.cathodekit.gitt.GittSimulation;
import org.cathodekit.gitt.PulseDirection;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** Charts of {@link org.cathodekit.gitt} results. */
public final class GittCharts {
    private GittCharts() {
    }

    /** Voltage vs time (h) of several cycler files. */
    public static XYChart profiles(String title, Map<String, CyclerData> data) {
        XYChart c = Charts.xy(title, "time (h)", "E (V)");
        data.forEach((name, d) -> {
            double[] t = d.timeS();
            for (int i = 0; i < t.length; i++) {
                t[i] /= 3600;
            }
            Charts.line(c, name, t, d.voltageV());
        });
        return Charts.legend(c, "SE");
    }

    /**
     * One pulse: E against sqrt(t - t_start) with the fitted line of slope dE/dsqrt(t) drawn through
     * the centroid of the points inside the fit window {@code [w1, w2]} (s^0.5), extended 5 s^0.5 each side.
     */
    public static XYChart sqrtFit(String title, CyclerData data, GittPulse p, double w1, double w2) {
        double[] tt = data.timeS();
        double[] vv = data.voltageV();
        int np = p.lastRow() - p.firstRow() + 1;
        double[] sx = new double[np];
        double[] sy = new double[np];
        double cx = 0, cy = 0;
        int cn = 0;
        for (int i = 0; i < np; i++) {
            sx[i] = Math.sqrt(tt[p.firstRow() + i] - p.startS());
            sy[i] = vv[p.firstRow() + i];
            if (sx[i] >= w1 && sx[i] <= w2) {
                cx += sx[i];
                cy += sy[i];
                cn++;
            }
        }
        cx /= cn;
        cy /= cn;
        XYChart c = Charts.xy(title, "sqrt(t - t_start) (s^0.5)", "E (V)");
        Charts.line(c, "measured", sx, sy);
        double a = w1 - 5, b = w2 + 5;
        Charts.dashed(c, String.format(java.util.Locale.ROOT, "fit %.0f-%.0f s^0.5: %.3f mV/s^0.5, R^2 %.4f", w1, w2,
                p.slopeVPerSqrtS() * 1e3, p.r2()), new double[] {a, b},
                new double[] {cy + p.slopeVPerSqrtS() * (a - cx), cy + p.slopeVPerSqrtS() * (b - cx)}, Color.RED);
        return Charts.legend(c, "SE");
    }

    /** log10 D (eq. 2) of the charge pulses against the relaxed potential. */
    public static XYChart logDVsVoltage(String title, Map<String, GittResult> results) {
        XYChart c = Charts.xy(title, "E after rest (V)", "log10 D (D in m^2/s)");
        results.forEach((name, r) -> {
            List<GittPulse> ch = r.pulses(PulseDirection.CHARGE);
            Charts.points(c, name + " eq. 2", ch.stream().mapToDouble(GittPulse::eAfterV).toArray(),
                    ch.stream().mapToDouble(q -> Math.log10(q.dM2PerS())).toArray());
        });
        return Charts.legend(c, "SW");
    }

    /** log10 D of the charge pulses against Li content x, with the planted D(x) of each simulation. */
    public static XYChart logDVsLiContent(String title, Map<String, GittResult> results, Map<String, GittSimulation> planted) {
        XYChart c = Charts.xy(title, "Li content x", "log10 D (D in m^2/s)");
        results.forEach((name, r) -> {
            List<GittPulse> ch = r.pulses(PulseDirection.CHARGE);
            Charts.points(c, name + " eq. 2 (charge)", ch.stream().mapToDouble(GittPulse::liContentAfter).toArray(),
                    ch.stream().mapToDouble(q -> Math.log10(q.dM2PerS())).toArray());
            GittSimulation s = planted.get(name);
            if (s != null) {
                int n = 80;
                double[] xs = new double[n];
                double[] ys = new double[n];
                for (int i = 0; i < n; i++) {
                    xs[i] = 0.15 + 0.82 * i / (n - 1.0);
                    ys[i] = Math.log10(s.options().diffusivity().at(xs[i]));
                }
                Charts.line(c, name + " planted D(x)", xs, ys);
            }
        });
        return Charts.legend(c, "S");
    }

    /**
     * Recovered (eq. 2) against planted D of every pulse, pulses flagged {@link GittFlag#OCV_NONLINEAR}
     * as crosses, the identity line and the first-order sphere bias D/(1+eps)^2
     * ({@link GittModel#firstOrderBias}).
     */
    public static XYChart recoveredVsPlanted(String title, Map<String, GittResult> results, Map<String, GittSimulation> planted,
            double radiusM, double w1, double w2) {
        XYChart c = Charts.xy(title, "log10 planted D (D in m^2/s)", "log10 recovered D (D in m^2/s)");
        double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
        for (var e : results.entrySet()) {
            double[] pl = planted.get(e.getKey()).plantedDM2PerS();
            List<GittPulse> ps = e.getValue().pulses();
            List<double[]> ok = new ArrayList<>();
            List<double[]> curved = new ArrayList<>();
            for (int k = 0; k < Math.min(pl.length, ps.size()); k++) {
                GittPulse q = ps.get(k);
                double[] pt = {Math.log10(pl[k]), Math.log10(q.dM2PerS())};
                (q.flags().contains(GittFlag.OCV_NONLINEAR) ? curved : ok).add(pt);
                lo = Math.min(lo, pt[0]);
                hi = Math.max(hi, pt[0]);
            }
            Charts.points(c, e.getKey(), col(ok, 0), col(ok, 1));
            if (!curved.isEmpty()) {
                Charts.points(c, e.getKey() + " flagged OCV_NONLINEAR", col(curved, 0), col(curved, 1)).setMarker(SeriesMarkers.CROSS);
            }
        }
        lo = Math.floor(lo * 2) / 2;
        hi = Math.ceil(hi * 2) / 2;
        Charts.dashed(c, "recovered = planted", new double[] {lo, hi}, new double[] {lo, hi}, Color.GRAY);
        int n = 11;
        double[] bx = new double[n];
        double[] by = new double[n];
        for (int i = 0; i < n; i++) {
            bx[i] = lo + (hi - lo) * i / (n - 1.0);
            double d = Math.pow(10, bx[i]);
            double eps = GittModel.firstOrderBias(d, radiusM, w1, w2);
            by[i] = Math.log10(d / ((1 + eps) * (1 + eps)));
        }
        Charts.line(c, "first-order sphere bias D/(1+eps)^2", bx, by);
        return Charts.legend(c, "SE");
    }

    private static double[] col(List<double[]> pts, int j) {
        return pts.stream().mapToDouble(p -> p[j]).toArray();
    }
}
