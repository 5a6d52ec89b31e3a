package org.cathodekit.plot;

import java.awt.Color;
import java.awt.Font;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;

import javax.imageio.ImageIO;

import java.awt.BasicStroke;
import java.util.Map;

import org.cathodekit.core.AtomicFiles;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * XChart adapters: a house style, conversion to {@link BufferedImage} (which every Java kernel shows
 * inline as PNG) and atomic PNG export. Analysis packages never depend on this package.
 */
public final class Charts {
    private Charts() {
    }

    /** Default figure size in pixels. */
    public static final int WIDTH = 720;
    public static final int HEIGHT = 440;

    /** A line/scatter chart with the house style; axis titles should carry units. */
    public static XYChart xy(String title, String xTitle, String yTitle) {
        XYChart c = new XYChartBuilder().width(WIDTH).height(HEIGHT).title(title).xAxisTitle(xTitle).yAxisTitle(yTitle).build();
        style(c);
        return c;
    }

    /** Applies the house style (white background, legend inside, DejaVu-friendly fonts). */
    public static void style(XYChart c) {
        Styler s = c.getStyler();
        s.setChartBackgroundColor(Color.WHITE);
        s.setPlotBackgroundColor(Color.WHITE);
        s.setLegendPosition(Styler.LegendPosition.InsideNE);
        s.setChartTitleFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
        s.setLegendFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        s.setAntiAlias(true);
        c.getStyler().setMarkerSize(5);
        c.getStyler().setDecimalPattern("0.###");
        c.getStyler().setSeriesColors(PALETTE);
        c.getStyler().setAxisTitleFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
        c.getStyler().setAxisTickLabelsFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        c.getStyler().setPlotGridLinesColor(new Color(225, 225, 225));
    }

    /** Okabe-Ito colour-blind-safe palette, in series order. */
    public static final Color[] PALETTE = {new Color(0, 114, 178), new Color(213, 94, 0), new Color(0, 158, 115),
        new Color(204, 121, 167), new Color(230, 159, 0), new Color(86, 180, 233), new Color(0, 0, 0), new Color(240, 228, 66)};

    /** The degree-Celsius unit as printed on axes. */
    public static final String DEG_C = "\u00b0C";

    /** A line without markers. */
    public static XYSeries line(XYChart c, String name, double[] x, double[] y) {
        XYSeries s = c.addSeries(name, x, y);
        s.setMarker(SeriesMarkers.NONE);
        return s;
    }

    /** Points without a connecting line. */
    public static XYSeries points(XYChart c, String name, double[] x, double[] y) {
        XYSeries s = c.addSeries(name, x, y);
        s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        return s;
    }

    /** Points with vertical error bars. */
    public static XYSeries points(XYChart c, String name, double[] x, double[] y, double[] err) {
        XYSeries s = c.addSeries(name, x, y, err);
        s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        return s;
    }

    /** A dashed line in {@code colour} (fits, references, constructions). */
    public static XYSeries dashed(XYChart c, String name, double[] x, double[] y, Color colour) {
        XYSeries s = line(c, name, x, y);
        s.setLineColor(colour);
        s.setLineStyle(new BasicStroke(1.8f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, new float[] {7f, 5f}, 0f));
        return s;
    }

    /** Where the legend goes: {@code "NW"}, {@code "NE"}, {@code "SW"}, {@code "SE"}, {@code "S"}, {@code "N"} or {@code "outside"}. */
    public static XYChart legend(XYChart c, String where) {
        Map<String, Styler.LegendPosition> m = Map.of("NW", Styler.LegendPosition.InsideNW, "NE", Styler.LegendPosition.InsideNE,
                "SW", Styler.LegendPosition.InsideSW, "SE", Styler.LegendPosition.InsideSE, "S", Styler.LegendPosition.InsideS,
                "N", Styler.LegendPosition.InsideN, "outside", Styler.LegendPosition.OutsideE);
        Styler.LegendPosition p = m.get(where);
        if (p == null) {
            throw new IllegalArgumentException("legend position must be one of " + m.keySet() + ", got '" + where + "'");
        }
        c.getStyler().setLegendPosition(p);
        return c;
    }

    /** Fixes the x range to {@code [lo, hi]} (choose round bounds; the tick labels follow {@link #nice}). */
    public static XYChart xRange(XYChart c, double lo, double hi) {
        c.getStyler().setXAxisMin(lo).setXAxisMax(hi);
        return c;
    }

    /** Fixes the y range to {@code [lo, hi]}. */
    public static XYChart yRange(XYChart c, double lo, double hi) {
        c.getStyler().setYAxisMin(lo).setYAxisMax(hi);
        return c;
    }

    /**
     * "Nice" axes: each axis without a fixed range gets one rounded out to nice ticks ({@link Ticks})
     * around the finite data of all series, and both axes a decimal pattern that prints their ticks
     * exactly (no "2.1" for 2, no "157" for a tick at 150). Called by {@code Nb.figure}.
     */
    public static XYChart nice(XYChart c) {
        double xlo = Double.POSITIVE_INFINITY, xhi = Double.NEGATIVE_INFINITY;
        double ylo = Double.POSITIVE_INFINITY, yhi = Double.NEGATIVE_INFINITY;
        for (XYSeries s : c.getSeriesMap().values()) {
            double[] xs = s.getXData();
            double[] ys = s.getYData();
            double[] es = s.getExtraValues();
            for (int i = 0; i < xs.length; i++) {
                if (Double.isFinite(xs[i]) && Double.isFinite(ys[i])) {
                    xlo = Math.min(xlo, xs[i]);
                    xhi = Math.max(xhi, xs[i]);
                    double e = es != null && i < es.length && Double.isFinite(es[i]) ? es[i] : 0;
                    ylo = Math.min(ylo, ys[i] - e);
                    yhi = Math.max(yhi, ys[i] + e);
                }
            }
        }
        var st = c.getStyler();
        if (Double.isFinite(xlo)) {
            Ticks tx = Ticks.of(st.getXAxisMin() != null ? st.getXAxisMin() : xlo, st.getXAxisMax() != null ? st.getXAxisMax() : xhi, 6);
            if (st.getXAxisMin() == null) {
                st.setXAxisMin(tx.min());
            }
            if (st.getXAxisMax() == null) {
                st.setXAxisMax(tx.max());
            }
            st.setXAxisDecimalPattern(pattern(tx));
        }
        if (Double.isFinite(ylo)) {
            Ticks ty = Ticks.of(st.getYAxisMin() != null ? st.getYAxisMin() : ylo, st.getYAxisMax() != null ? st.getYAxisMax() : yhi, 6);
            if (st.getYAxisMin() == null) {
                st.setYAxisMin(ty.min());
            }
            if (st.getYAxisMax() == null) {
                st.setYAxisMax(ty.max());
            }
            st.setYAxisDecimalPattern(pattern(ty));
        }
        return c;
    }

    /** Optional decimals one finer than the nice step (XChart may halve the step), never trailing zeros. */
    static String pattern(Ticks t) {
        int d = t.decimals() + 1;
        double a = Math.max(Math.abs(t.min()), Math.abs(t.max()));
        if (a >= 1e5 || (a > 0 && a < 1e-3)) {
            return "0.##E0";
        }
        return "0." + "#".repeat(d);
    }

    /** Marks the data origin in the chart title: appends " (synthetic)" or " (real data)" unless already said. */
    public static XYChart origin(XYChart c, boolean synthetic) {
        String t = c.getTitle() == null ? "" : c.getTitle();
        String tag = synthetic ? "synthetic" : "real data";
        if (!t.contains(tag)) {
            c.setTitle(t.isEmpty() ? tag : t + " (" + tag + ")");
        }
        return c;
    }

    /** Renders a chart to an image (shown inline by IJava, JJava and rapaio when a cell ends with it). */
    public static BufferedImage image(Chart<?, ?> chart) {
        return BitmapEncoder.getBufferedImage(chart);
    }

    /** Renders a chart at {@code scale} times its pixel size (2 for print-quality files). */
    public static BufferedImage image(Chart<?, ?> chart, int scale) {
        if (scale == 1) {
            return image(chart);
        }
        int w = chart.getWidth();
        int h = chart.getHeight();
        BufferedImage img = new BufferedImage(w * scale, h * scale, BufferedImage.TYPE_INT_RGB);
        java.awt.Graphics2D g = img.createGraphics();
        try {
            g.scale(scale, scale);
            chart.paint(g, w, h);
        } finally {
            g.dispose();
        }
        return img;
    }

    /** Writes a chart as PNG at {@code scale}x resolution (2 for print), atomically. */
    public static Path savePng(Chart<?, ?> chart, Path file, int scale) throws IOException {
        BufferedImage img = image(chart, Math.max(1, scale));
        AtomicFiles.write(file, tmp -> ImageIO.write(img, "png", tmp.toFile()));
        return file;
    }
}
