package org.cathodekit.plot;

import java.awt.Color;
import java.util.Map;

import org.cathodekit.thermal.Onset;
import org.cathodekit.thermal.TgaResult;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** Charts of {@link org.cathodekit.thermal} results, temperatures in degrees Celsius. */
public final class TgaCharts {
    private TgaCharts() {
    }

    /**
     * Mass % curves with the ISO 11358-1 construction of each onset: the pre-step baseline (dashed)
     * from the baseline window to the inflection, the inflection tangent (dotted) and the onset at
     * their intersection (black diamond), plus optional reference onsets (e.g. the paper's) as
     * green circles on each curve's baseline.
     *
     * @param paperOnsetsC sample name -> onset temperature to mark (may be empty)
     */
    public static XYChart isoConstruction(String title, double referenceC, Map<String, TgaResult> results,
            Map<String, Double> paperOnsetsC, double tLoC, double tHiC) {
        XYChart c = Charts.xy(title, "temperature (" + Charts.DEG_C + ")",
                "mass (% of mass at " + Math.round(referenceC) + " " + Charts.DEG_C + ")");
        int k = 0;
        for (var e : results.entrySet()) {
            String s = e.getKey();
            TgaResult r = e.getValue();
            Color col = Charts.PALETTE[k++ % Charts.PALETTE.length];
            Charts.line(c, s + " (measured)", r.temperatureC(), r.rawMassPct()).setLineColor(col);
            Onset on = r.onset();
            double[] bx = {on.baselineStartC(), on.inflectionC()};
            Charts.dashed(c, s + " baseline", bx, new double[] {on.baselineAt(bx[0]), on.baselineAt(bx[1])}, col.darker());
            double[] ix = {on.temperatureC() - 8, on.inflectionC() + 12};
            XYSeries tan = Charts.dashed(c, s + " inflection tangent", ix,
                    new double[] {on.inflectionTangentAt(ix[0]), on.inflectionTangentAt(ix[1])}, col.darker());
            tan.setLineStyle(new java.awt.BasicStroke(1.4f, java.awt.BasicStroke.CAP_BUTT, java.awt.BasicStroke.JOIN_MITER, 10f,
                    new float[] {2f, 3f}, 0f));
            XYSeries mark = Charts.points(c, String.format(java.util.Locale.ROOT, "%s onset %.1f %s", s, on.temperatureC(), Charts.DEG_C),
                    new double[] {on.temperatureC()}, new double[] {on.baselineAt(on.temperatureC())});
            mark.setMarker(SeriesMarkers.DIAMOND);
            mark.setMarkerColor(Color.BLACK);
            Double paper = paperOnsetsC.get(s);
            if (paper != null) {
                XYSeries pm = Charts.points(c, String.format(java.util.Locale.ROOT, "%s paper onset %.0f %s", s, paper, Charts.DEG_C),
                        new double[] {paper}, new double[] {on.baselineAt(paper)});
                pm.setMarker(SeriesMarkers.CIRCLE);
                pm.setMarkerColor(new Color(0, 150, 0));
            }
        }
        c.getStyler().setMarkerSize(9);
        Charts.xRange(c, tLoC, tHiC);
        return Charts.legend(c, "SW");
    }

    /** DTG curves (%/K) with their extremum marked. */
    public static XYChart dtg(String title, Map<String, TgaResult> results, double tLoC, double tHiC) {
        XYChart c = Charts.xy(title, "temperature (" + Charts.DEG_C + ")", "d(mass %)/dT (%/K)");
        int k = 0;
        for (var e : results.entrySet()) {
            TgaResult r = e.getValue();
            Color col = Charts.PALETTE[k++ % Charts.PALETTE.length];
            Charts.line(c, e.getKey(), r.temperatureC(), r.dtgPctPerK()).setLineColor(col);
            Charts.points(c, String.format(java.util.Locale.ROOT, "%s peak %.1f %s", e.getKey(), r.dtgPeakC(), Charts.DEG_C),
                    new double[] {r.dtgPeakC()}, new double[] {r.dtgPeakPctPerK()}).setMarkerColor(col.darker());
        }
        c.getStyler().setMarkerSize(9);
        Charts.xRange(c, tLoC, tHiC);
        return Charts.legend(c, "SW");
    }

    /** Oxygen remaining per formula unit against temperature (one curve per sample). */
    public static XYChart oxygen(String title, Map<String, double[][]> curves) {
        XYChart c = Charts.xy(title, "temperature (" + Charts.DEG_C + ")", "O remaining per formula unit");
        curves.forEach((name, tc) -> Charts.line(c, name, tc[0], tc[1]));
        return Charts.legend(c, "SW");
    }
}
