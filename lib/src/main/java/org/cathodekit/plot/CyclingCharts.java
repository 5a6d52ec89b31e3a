package org.cathodekit.plot;

import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.cathodekit.cycling.CycleStats;
import org.cathodekit.cycling.CycleSummary;
import org.cathodekit.cycling.DqdvCurve;
import org.cathodekit.cycling.DqdvPeak;
import org.cathodekit.cycling.DqdvResult;
import org.cathodekit.cycling.Direction;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** XChart views of {@link org.cathodekit.cycling} results (house style of {@link Charts}). */
public final class CyclingCharts {
    private CyclingCharts() {
    }

    /** Retention [%] vs cycle, one line per summary (incomplete cycles left out). */
    public static XYChart retention(String title, Map<String, CycleSummary> summaries) {
        XYChart c = Charts.xy(title, "cycle", "capacity retention vs reference cycle (%)");
        for (Map.Entry<String, CycleSummary> e : summaries.entrySet()) {
            line(c, e.getKey(), e.getValue(), CycleStats::retentionPct);
        }
        c.getStyler().setLegendPosition(Styler.LegendPosition.InsideSW);
        return c;
    }

    /** Onset discharge voltage [V] vs cycle, one line per summary. */
    public static XYChart onset(String title, Map<String, CycleSummary> summaries) {
        XYChart c = Charts.xy(title, "cycle", "onset discharge voltage (V)");
        for (Map.Entry<String, CycleSummary> e : summaries.entrySet()) {
            line(c, e.getKey(), e.getValue(), CycleStats::onsetDischargeV);
        }
        c.getStyler().setLegendPosition(Styler.LegendPosition.InsideSW);
        return c;
    }

    /** Discharge capacity [mAh/g] vs cycle. */
    public static XYChart dischargeCapacity(String title, Map<String, CycleSummary> summaries) {
        XYChart c = Charts.xy(title, "cycle", "discharge capacity (mAh/g)");
        for (Map.Entry<String, CycleSummary> e : summaries.entrySet()) {
            line(c, e.getKey(), e.getValue(), CycleStats::dischargeMAhPerG);
        }
        c.getStyler().setLegendPosition(Styler.LegendPosition.InsideSW);
        return c;
    }

    private static void line(XYChart c, String name, CycleSummary s, java.util.function.ToDoubleFunction<CycleStats> f) {
        List<Double> x = new ArrayList<>();
        List<Double> y = new ArrayList<>();
        for (CycleStats st : s.cycles()) {
            double v = f.applyAsDouble(st);
            if (Double.isFinite(v)) {
                x.add((double) st.cycle());
                y.add(v);
            }
        }
        if (x.isEmpty()) {
            return;
        }
        XYSeries ser = c.addSeries(name, x, y);
        ser.setMarker(SeriesMarkers.NONE);
    }

    /** Grouped bars: the paper's value beside the reproduced one, per sample (units in {@code yTitle}). */
    public static CategoryChart paperVsReproduced(String title, String yTitle, List<String> samples, List<Double> paper,
            List<Double> reproduced) {
        CategoryChart c = new CategoryChartBuilder().width(Charts.WIDTH).height(Charts.HEIGHT).title(title)
                .xAxisTitle("sample").yAxisTitle(yTitle).build();
        Styler s = c.getStyler();
        s.setChartBackgroundColor(Color.WHITE);
        s.setPlotBackgroundColor(Color.WHITE);
        s.setLegendPosition(Styler.LegendPosition.OutsideS);
        s.setAntiAlias(true);
        c.getStyler().setDecimalPattern("#0.0");
        c.addSeries("paper", samples, paper);
        c.addSeries("reproduced", samples, reproduced);
        return c;
    }

    /** dQ/dV of one cycle (charge positive, discharge negative) with the peaks marked. */
    public static XYChart dqdv(String title, DqdvResult r) {
        XYChart c = Charts.xy(title, "voltage (V)", "dQ/dV (mAh/V)");
        for (DqdvCurve curve : new DqdvCurve[] {r.charge(), r.discharge()}) {
            XYSeries s = c.addSeries(curve.direction().name().toLowerCase(java.util.Locale.ROOT), curve.voltageV(),
                    curve.dqdv());
            s.setMarker(SeriesMarkers.NONE);
        }
        for (Direction d : Direction.values()) {
            List<DqdvPeak> peaks = r.peaks(d);
            if (peaks.isEmpty()) {
                continue;
            }
            double sign = d == Direction.CHARGE ? 1 : -1;
            XYSeries p = c.addSeries(d.name().toLowerCase(java.util.Locale.ROOT) + " peaks",
                    peaks.stream().mapToDouble(DqdvPeak::voltageV).toArray(),
                    peaks.stream().mapToDouble(pk -> sign * pk.height()).toArray());
            p.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
            p.setMarker(SeriesMarkers.DIAMOND);
        }
        c.getStyler().setMarkerSize(8);
        c.getStyler().setLegendPosition(Styler.LegendPosition.InsideNW);
        return c;
    }
}
