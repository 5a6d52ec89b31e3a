package org.cathodekit.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import javax.imageio.ImageIO;

import org.cathodekit.core.AtomicFiles;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Figures of the tomography notebook: quantities vs temperature with their binarisation bands, and
 * slice panels (grey-scale or diverging, with a shared colour bar carrying the unit, panel titles,
 * a scale bar from the voxel size and optional mask outlines).
 */
public final class TomoCharts {
    private TomoCharts() {
    }

    /** One curve vs temperature: values and symmetric error half-widths (NaN = none). */
    public record Curve(String label, double[] temperatureC, double[] value, double[] errorHalfWidth) {
    }

    /**
     * A quantity vs temperature, one series per curve, error bars where given; ticks at the
     * temperatures measured.
     */
    public static XYChart vsTemperature(String title, String yTitle, List<Curve> curves) {
        XYChart c = Charts.xy(title, "temperature (°C)", yTitle);
        for (Curve k : curves) {
            XYSeries s = k.errorHalfWidth() == null ? c.addSeries(k.label(), k.temperatureC(), k.value())
                    : c.addSeries(k.label(), k.temperatureC(), k.value(), k.errorHalfWidth());
            s.setMarker(SeriesMarkers.CIRCLE);
        }
        c.getStyler().setXAxisMin(0.0);
        c.getStyler().setXAxisMax(275.0);
        c.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.InsideSW);
        c.getStyler().setXAxisDecimalPattern("0");
        return c;
    }

    /**
     * One slice panel.
     *
     * @param title   panel title
     * @param values  {@code [y][x]} flat, NaN shown as white
     * @param ny      rows
     * @param nx      columns
     * @param outline a mask {@code [y][x]} whose boundary is drawn (e.g. the particle envelope), or null
     * @param voids   a mask drawn as a translucent red fill (voids and cracks), or null
     */
    public record Panel(String title, float[] values, int ny, int nx, byte[] outline, byte[] voids) {
    }

    /**
     * Panels side by side with one shared colour range [lo, hi] and one colour bar.
     *
     * @param diverging blue-white-red (for differences, centred on 0) instead of grey-scale
     * @param unit      the colour bar's label, e.g. {@code "attenuation (a.u.)"}
     * @param voxelNm   voxel size for the scale bar (NaN: none)
     */
    public static BufferedImage slicePanels(List<Panel> panels, double lo, double hi, boolean diverging, String unit,
            double voxelNm) {
        int cell = 240;
        int pad = 16;
        int titleH = 34;
        int barW = 110;
        int w = pad + panels.size() * (cell + pad) + barW;
        int h = titleH + cell + 2 * pad + 10;
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, w, h);
            Font font = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
            g.setFont(font);
            for (int p = 0; p < panels.size(); p++) {
                Panel pn = panels.get(p);
                int x0 = pad + p * (cell + pad);
                int y0 = titleH;
                double scale = Math.min((double) cell / pn.nx(), (double) cell / pn.ny());
                BufferedImage slice = new BufferedImage(pn.nx(), pn.ny(), BufferedImage.TYPE_INT_RGB);
                for (int y = 0; y < pn.ny(); y++) {
                    for (int x = 0; x < pn.nx(); x++) {
                        int i = y * pn.nx() + x;
                        Color col = colour(pn.values()[i], lo, hi, diverging);
                        if (pn.voids() != null && pn.voids()[i] != 0) {
                            col = blend(col, new Color(220, 30, 30), 0.55);
                        }
                        slice.setRGB(x, y, col.getRGB());
                    }
                }
                int dw = (int) Math.round(pn.nx() * scale);
                int dh = (int) Math.round(pn.ny() * scale);
                g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_NEAREST_NEIGHBOR);
                g.drawImage(slice, x0, y0, dw, dh, null);
                if (pn.outline() != null) {
                    g.setColor(new Color(255, 190, 0));
                    g.setStroke(new BasicStroke(1.5f));
                    for (int y = 0; y < pn.ny(); y++) {
                        for (int x = 0; x < pn.nx(); x++) {
                            int i = y * pn.nx() + x;
                            if (pn.outline()[i] == 0) {
                                continue;
                            }
                            boolean edge = x == 0 || y == 0 || x == pn.nx() - 1 || y == pn.ny() - 1
                                    || pn.outline()[i - 1] == 0 || pn.outline()[i + 1] == 0
                                    || pn.outline()[i - pn.nx()] == 0 || pn.outline()[i + pn.nx()] == 0;
                            if (edge) {
                                g.fillRect(x0 + (int) (x * scale), y0 + (int) (y * scale), Math.max(1, (int) scale),
                                        Math.max(1, (int) scale));
                            }
                        }
                    }
                }
                g.setColor(Color.BLACK);
                g.drawRect(x0, y0, dw, dh);
                drawCentred(g, pn.title(), x0 + dw / 2, titleH - 12);
                if (!Double.isNaN(voxelNm) && p == 0) {
                    double nicePx = niceScaleBarUm(pn.nx() * voxelNm / 1000 / 4);
                    int len = (int) Math.round(nicePx * 1000 / voxelNm * scale);
                    g.setColor(diverging ? Color.BLACK : Color.WHITE);
                    g.fillRect(x0 + 8, y0 + dh - 14, len, 4);
                    g.drawString(fmt(nicePx) + " µm", x0 + 8, y0 + dh - 18);
                }
            }
            // colour bar
            int bx = pad + panels.size() * (cell + pad) + 8;
            int by = titleH;
            int bh = cell;
            for (int k = 0; k < bh; k++) {
                double v = hi - (hi - lo) * k / (bh - 1.0);
                g.setColor(colour((float) v, lo, hi, diverging));
                g.fillRect(bx, by + k, 18, 1);
            }
            g.setColor(Color.BLACK);
            g.drawRect(bx, by, 18, bh);
            double[] ticks = niceTicks(lo, hi, 5);
            for (double t : ticks) {
                int ty = by + (int) Math.round((hi - t) / (hi - lo) * (bh - 1));
                g.drawLine(bx + 18, ty, bx + 23, ty);
                g.drawString(fmt(t), bx + 26, ty + 4);
            }
            Graphics2D gr = (Graphics2D) g.create();
            gr.rotate(-Math.PI / 2);
            gr.drawString(unit, -(by + bh / 2 + g.getFontMetrics().stringWidth(unit) / 2), bx + barW - 14);
            gr.dispose();
        } finally {
            g.dispose();
        }
        return img;
    }

    /** Writes an image as PNG atomically and returns it (for a cell that ends with the figure). */
    public static BufferedImage saved(BufferedImage img, Path file) {
        try {
            AtomicFiles.write(file, tmp -> ImageIO.write(img, "png", tmp.toFile()));
        } catch (IOException e) {
            System.err.println("figure not saved to " + file + ": " + e.getMessage());
        }
        return img;
    }

    /** "Nice" ticks (1, 2, 2.5, 5 x 10^k) inside [lo, hi]. */
    static double[] niceTicks(double lo, double hi, int target) {
        double span = hi - lo;
        double raw = span / Math.max(1, target);
        double mag = Math.pow(10, Math.floor(Math.log10(raw)));
        double step = mag;
        for (double m : new double[] {1, 2, 2.5, 5, 10}) {
            if (m * mag >= raw) {
                step = m * mag;
                break;
            }
        }
        double first = Math.ceil(lo / step - 1e-9) * step;
        int count = (int) Math.floor((hi - first) / step + 1e-9) + 1;
        double[] t = new double[Math.max(0, count)];
        for (int i = 0; i < t.length; i++) {
            t[i] = first + i * step;
            if (Math.abs(t[i]) < 1e-12 * step) {
                t[i] = 0;
            }
        }
        return t;
    }

    private static double niceScaleBarUm(double target) {
        double mag = Math.pow(10, Math.floor(Math.log10(target)));
        for (double m : new double[] {5, 2, 1}) {
            if (m * mag <= target) {
                return m * mag;
            }
        }
        return mag;
    }

    private static String fmt(double v) {
        if (v == Math.rint(v)) {
            return String.format(Locale.ROOT, "%.0f", v);
        }
        String s = String.format(Locale.ROOT, "%.3f", v);
        return s.replaceAll("0+$", "").replaceAll("\\.$", "");
    }

    private static void drawCentred(Graphics2D g, String s, int cx, int y) {
        FontMetrics fm = g.getFontMetrics();
        g.setColor(Color.BLACK);
        g.drawString(s, cx - fm.stringWidth(s) / 2, y);
    }

    private static Color colour(float v, double lo, double hi, boolean diverging) {
        if (Float.isNaN(v)) {
            return Color.WHITE;
        }
        double t = (v - lo) / (hi - lo);
        t = Math.max(0, Math.min(1, t));
        if (!diverging) {
            int c = (int) Math.round(255 * t);
            return new Color(c, c, c);
        }
        // blue (0) - white (0.5) - red (1)
        if (t < 0.5) {
            double u = t / 0.5;
            return new Color((int) (40 + 215 * u), (int) (70 + 185 * u), 255);
        }
        double u = (t - 0.5) / 0.5;
        return new Color(255, (int) (255 - 185 * u), (int) (255 - 215 * u));
    }

    private static Color blend(Color a, Color b, double f) {
        return new Color((int) (a.getRed() * (1 - f) + b.getRed() * f), (int) (a.getGreen() * (1 - f) + b.getGreen() * f),
                (int) (a.getBlue() * (1 - f) + b.getBlue() * f));
    }
}
