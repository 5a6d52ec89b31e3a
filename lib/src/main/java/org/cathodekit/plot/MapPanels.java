package org.cathodekit.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.cathodekit.xanes.VoxelMap;

/**
 * Side-by-side 2D map panels (XANES edge/white-line maps, difference maps) on ONE colour range,
 * with a title per panel, one colour bar with labelled "nice" ticks and the quantity's unit, a
 * scale bar from the pixel size, and a data-origin tag ("synthetic" / "real") in the figure title.
 * Non-finite pixels (masked background) are left white.
 *
 * <p>Colour range: {@link #range(double, double)} or, by default, the {@value #LOW_PERCENTILE}th to
 * {@value #HIGH_PERCENTILE}th percentile of the finite pixels of all panels together, widened to
 * the nearest nice ticks ({@link Ticks}); values outside are clamped to the end colours.
 * Colour map: viridis ({@link #VIRIDIS}), or a blue-white-red diverging map centred on 0
 * ({@link #diverging()}) for difference maps.
 */
public final class MapPanels implements Figure {
    /** Percentiles of the default shared colour range. */
    public static final double LOW_PERCENTILE = 2;
    public static final double HIGH_PERCENTILE = 98;

    /** Viridis anchor colours (matplotlib's viridis at 0, 1/8, ..., 1). */
    public static final Color[] VIRIDIS = {new Color(68, 1, 84), new Color(71, 44, 122), new Color(59, 81, 139),
        new Color(44, 113, 142), new Color(33, 144, 141), new Color(39, 173, 129), new Color(92, 200, 99),
        new Color(170, 220, 50), new Color(253, 231, 37)};
    /** Diverging blue-white-red anchors (ColorBrewer RdBu, reversed). */
    public static final Color[] DIVERGING = {new Color(33, 102, 172), new Color(103, 169, 207), new Color(209, 229, 240),
        new Color(247, 247, 247), new Color(253, 219, 199), new Color(239, 138, 98), new Color(178, 24, 43)};

    private record Panel(String title, float[][] values) {
    }

    private final String title;
    private final String quantity;
    private final String unit;
    private final List<Panel> panels = new ArrayList<>();
    private double pixelSizeNm = Double.NaN;
    private double lo = Double.NaN;
    private double hi = Double.NaN;
    private boolean diverging;
    private int panelPx = 220;

    private MapPanels(String title, String quantity, String unit) {
        this.title = title;
        this.quantity = quantity;
        this.unit = unit;
    }

    /**
     * @param title    figure title; say whether the data are synthetic or real
     * @param quantity colour-bar quantity, e.g. {@code "edge50"}
     * @param unit     its unit, e.g. {@code "eV"}
     */
    public static MapPanels of(String title, String quantity, String unit) {
        return new MapPanels(title, quantity, unit);
    }

    /** Adds a panel: {@code values[y][x]} (row 0 at the top), not copied; NaN = blank. */
    public MapPanels panel(String panelTitle, float[][] values) {
        if (values.length == 0 || values[0].length == 0) {
            throw new IllegalArgumentException("MapPanels.panel '" + panelTitle + "': empty map");
        }
        panels.add(new Panel(panelTitle, values));
        return this;
    }

    /** Adds slice {@code z} of a map. */
    public MapPanels panel(String panelTitle, VoxelMap map, int z) {
        return panel(panelTitle, map.slice(z));
    }

    /** Pixel size for the scale bar (no scale bar when never set). */
    public MapPanels pixelSizeNm(double nm) {
        if (!(nm > 0)) {
            throw new IllegalArgumentException("pixel size must be > 0 nm, got " + nm);
        }
        this.pixelSizeNm = nm;
        return this;
    }

    /** A fixed shared colour range. */
    public MapPanels range(double min, double max) {
        if (!(max > min)) {
            throw new IllegalArgumentException("colour range needs max > min, got " + min + ".." + max);
        }
        this.lo = min;
        this.hi = max;
        return this;
    }

    /** Blue-white-red map symmetric about 0 (for difference maps). */
    public MapPanels diverging() {
        this.diverging = true;
        return this;
    }

    /** Side of each panel in pixels (default 220). */
    public MapPanels panelSize(int px) {
        this.panelPx = px;
        return this;
    }

    /** The colour range used, {@code {min, max}}. */
    public double[] colourRange() {
        if (!Double.isNaN(lo)) {
            return new double[] {lo, hi};
        }
        List<Float> all = new ArrayList<>();
        for (Panel p : panels) {
            for (float[] row : p.values) {
                for (float v : row) {
                    if (Float.isFinite(v)) {
                        all.add(v);
                    }
                }
            }
        }
        if (all.isEmpty()) {
            return new double[] {0, 1};
        }
        double[] v = all.stream().mapToDouble(Float::doubleValue).sorted().toArray();
        double a = v[(int) Math.floor((v.length - 1) * LOW_PERCENTILE / 100)];
        double b = v[(int) Math.ceil((v.length - 1) * HIGH_PERCENTILE / 100)];
        if (diverging) {
            double m = Math.max(Math.abs(a), Math.abs(b));
            a = -m;
            b = m;
        }
        Ticks t = Ticks.of(a, b, 5);
        return new double[] {t.min(), t.max()};
    }

    private static final int MARGIN = 12;
    private static final int TITLE_H = 30;
    private static final int PANEL_TITLE_H = 20;
    private static final int BAR_W = 120;

    @Override
    public int width() {
        return MARGIN + panels.size() * (panelPx + MARGIN) + BAR_W;
    }

    @Override
    public int height() {
        return TITLE_H + PANEL_TITLE_H + panelPx + 34;
    }

    @Override
    public void paint(Graphics2D g, int w, int h) {
        double sx = w / (double) width();
        double sy = h / (double) height();
        g.scale(sx, sy);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width(), height());
        double[] range = colourRange();
        Font titleFont = new Font(Font.SANS_SERIF, Font.BOLD, 14);
        Font labelFont = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
        g.setColor(Color.BLACK);
        g.setFont(titleFont);
        g.drawString(title, MARGIN, 20);
        int top = TITLE_H + PANEL_TITLE_H;
        for (int k = 0; k < panels.size(); k++) {
            Panel p = panels.get(k);
            int x0 = MARGIN + k * (panelPx + MARGIN);
            int ny = p.values.length;
            int nx = p.values[0].length;
            double cell = panelPx / (double) Math.max(nx, ny);
            g.setFont(labelFont);
            g.setColor(Color.BLACK);
            g.drawString(p.title, x0, top - 6);
            Object aa = g.getRenderingHint(java.awt.RenderingHints.KEY_ANTIALIASING);
            g.setRenderingHint(java.awt.RenderingHints.KEY_ANTIALIASING, java.awt.RenderingHints.VALUE_ANTIALIAS_OFF);
            for (int y = 0; y < ny; y++) {
                for (int x = 0; x < nx; x++) {
                    float v = p.values[y][x];
                    if (!Float.isFinite(v)) {
                        continue;
                    }
                    g.setColor(colour((v - range[0]) / (range[1] - range[0])));
                    g.fill(new Rectangle2D.Double(x0 + x * cell, top + y * cell, cell + 0.05, cell + 0.05));
                }
            }
            if (aa != null) {
                g.setRenderingHint(java.awt.RenderingHints.KEY_ANTIALIASING, aa);
            }
            g.setColor(Color.GRAY);
            g.setStroke(new BasicStroke(0.8f));
            g.draw(new Rectangle2D.Double(x0, top, nx * cell, ny * cell));
            if (k == 0 && Double.isFinite(pixelSizeNm)) {
                scaleBar(g, x0, top + panelPx + 6, cell, nx, labelFont);
            }
        }
        colourBar(g, MARGIN + panels.size() * (panelPx + MARGIN) + 4, top, range, labelFont);
    }

    private void scaleBar(Graphics2D g, int x0, int y, double cellPx, int nx, Font font) {
        double widthNm = nx * pixelSizeNm;
        double target = widthNm / 4;
        double p = Math.pow(10, Math.floor(Math.log10(target)));
        double len = p;
        for (double m : new double[] {1, 2, 5}) {
            if (m * p <= target) {
                len = m * p;
            }
        }
        double px = len / pixelSizeNm * cellPx;
        g.setColor(Color.BLACK);
        g.fill(new Rectangle2D.Double(x0, y, px, 4));
        g.setFont(font);
        String label = len >= 1000 ? String.format(Locale.ROOT, "%s um", Ticks.of(0, len / 1000, 2).label(len / 1000).replaceAll("\\.0+$", ""))
                : String.format(Locale.ROOT, "%d nm", Math.round(len));
        g.drawString(label.replace("um", "\u00b5m"), (float) (x0 + px + 6), y + 8);
    }

    private void colourBar(Graphics2D g, int x, int top, double[] range, Font font) {
        int barW = 14;
        int n = 100;
        double step = panelPx / (double) n;
        Object aa = g.getRenderingHint(java.awt.RenderingHints.KEY_ANTIALIASING);
        g.setRenderingHint(java.awt.RenderingHints.KEY_ANTIALIASING, java.awt.RenderingHints.VALUE_ANTIALIAS_OFF);
        for (int i = 0; i < n; i++) {
            g.setColor(colour(1 - (i + 0.5) / n));
            g.fill(new Rectangle2D.Double(x, top + i * step, barW, step + 0.05));
        }
        if (aa != null) {
            g.setRenderingHint(java.awt.RenderingHints.KEY_ANTIALIASING, aa);
        }
        g.setColor(Color.GRAY);
        g.draw(new Rectangle2D.Double(x, top, barW, panelPx));
        Ticks t = Ticks.of(range[0], range[1], 5);
        g.setFont(font);
        FontMetrics fm = g.getFontMetrics();
        g.setColor(Color.BLACK);
        for (double v : t.values()) {
            if (v < range[0] - 1e-9 || v > range[1] + 1e-9) {
                continue;
            }
            double yy = top + (range[1] - v) / (range[1] - range[0]) * panelPx;
            g.draw(new java.awt.geom.Line2D.Double(x + barW, yy, x + barW + 4, yy));
            g.drawString(t.label(v), x + barW + 6, (float) (yy + fm.getAscent() / 2.0 - 1));
        }
        g.drawString(quantity + " (" + unit + ")", x - 2, top - 6);
    }

    /** The colour of a value scaled to [0, 1] (clamped). */
    Color colour(double f) {
        Color[] anchors = diverging ? DIVERGING : VIRIDIS;
        double c = Math.max(0, Math.min(1, f)) * (anchors.length - 1);
        int i = Math.min(anchors.length - 2, (int) Math.floor(c));
        double t = c - i;
        Color a = anchors[i];
        Color b = anchors[i + 1];
        return new Color((int) Math.round(a.getRed() + t * (b.getRed() - a.getRed())),
                (int) Math.round(a.getGreen() + t * (b.getGreen() - a.getGreen())),
                (int) Math.round(a.getBlue() + t * (b.getBlue() - a.getBlue())));
    }

    /** Panel titles in order (for tests). */
    public List<String> panelTitles() {
        return panels.stream().map(Panel::title).toList();
    }

    @Override
    public String toString() {
        return "MapPanels[" + title + ", " + panels.size() + " panels, range " + Arrays.toString(colourRange()) + "]";
    }
}
