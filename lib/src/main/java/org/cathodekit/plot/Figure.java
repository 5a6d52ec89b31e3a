package org.cathodekit.plot;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;

import org.knowm.xchart.internal.chartpart.Chart;

/**
 * Something that paints itself at a given pixel size: an XChart chart ({@link #of(Chart)}) or a
 * CathodeKit panel figure such as {@link MapPanels}. {@link Figures} turns it into an inline image
 * and into PNG/SVG/PDF files.
 */
public interface Figure {
    /** Width in pixels at scale 1. */
    int width();

    /** Height in pixels at scale 1. */
    int height();

    /** Paints the figure into {@code g} over {@code width x height} user units. */
    void paint(Graphics2D g, int width, int height);

    /** The XChart object behind this figure, or null (then the vector files are made by VectorGraphics2D). */
    default Chart<?, ?> chart() {
        return null;
    }

    /** Renders at {@code scale} times the pixel size on white. */
    default BufferedImage image(double scale) {
        int w = (int) Math.round(width() * scale);
        int h = (int) Math.round(height() * scale);
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, w, h);
            g.scale(scale, scale);
            paint(g, width(), height());
        } finally {
            g.dispose();
        }
        return img;
    }

    /** An XChart chart as a figure. */
    static Figure of(Chart<?, ?> chart) {
        return new Figure() {
            @Override
            public int width() {
                return chart.getWidth();
            }

            @Override
            public int height() {
                return chart.getHeight();
            }

            @Override
            public void paint(Graphics2D g, int w, int h) {
                chart.paint(g, w, h);
            }

            @Override
            public Chart<?, ?> chart() {
                return chart;
            }
        };
    }
}
