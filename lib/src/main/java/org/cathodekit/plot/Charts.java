package org.cathodekit.plot;

import java.awt.Color;
import java.awt.Font;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;

import javax.imageio.ImageIO;

import org.cathodekit.core.AtomicFiles;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.Styler;

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
        c.getStyler().setMarkerSize(4);
        c.getStyler().setDecimalPattern("#,##0.###");
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
