package org.cathodekit.plot;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageInputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knowm.xchart.XYChart;

class FiguresTest {
    @TempDir
    Path dir;

    static XYChart chart() {
        XYChart c = Charts.xy("test (synthetic)", "temperature (" + Charts.DEG_C + ")", "mass (%)");
        Charts.line(c, "a", new double[] {150, 157, 164, 171}, new double[] {0, 0.5, 1, 2.1});
        return c;
    }

    @Test
    void niceTicks() {
        Ticks t = Ticks.of(0, 2.1, 5);
        assertEquals(0.5, t.step());
        assertEquals(0, t.min());
        assertEquals(2.5, t.max());
        assertEquals(List.of(0.0, 0.5, 1.0, 1.5, 2.0, 2.5), t.values());
        assertEquals("2.0", t.label(2.0), "a tick at 2 never prints as 2.1");
        Ticks u = Ticks.of(150, 171, 6);
        assertEquals(5, u.step());
        assertEquals(150, u.min());
        assertEquals(175, u.max());
        assertEquals("0", u.decimalPattern());
        assertEquals(0.25, Ticks.of(0, 1.2, 5).step());
        assertEquals(2, Ticks.decimalsOf(0.25));
        assertThrows(IllegalArgumentException.class, () -> Ticks.of(Double.NaN, 1, 5));
    }

    @Test
    void niceAxesAreRoundedToTickMultiples() {
        XYChart c = Charts.nice(chart());
        assertEquals(150, c.getStyler().getXAxisMin());
        assertEquals(175, c.getStyler().getXAxisMax());
        assertEquals(0, c.getStyler().getYAxisMin());
        assertEquals(2.5, c.getStyler().getYAxisMax());
        assertTrue(c.getXAxisTitle().contains("\u00b0C"));
    }

    @Test
    void chartIsSavedAsPrintPngSvgAndPdf() throws Exception {
        List<Path> files = Figures.save(Figure.of(chart()), dir, "fig");
        assertEquals(List.of(dir.resolve("fig.png"), dir.resolve("fig.svg"), dir.resolve("fig.pdf")), files);
        checkFiles(Charts.WIDTH, Charts.HEIGHT);
    }

    @Test
    void mapPanelsAreSavedToo() throws Exception {
        MapPanels m = panels();
        Figures.save(m, dir, "fig");
        checkFiles(m.width(), m.height());
    }

    void checkFiles(int w, int h) throws Exception {
        BufferedImage png = ImageIO.read(dir.resolve("fig.png").toFile());
        assertEquals(w * Figures.PRINT_SCALE, png.getWidth());
        assertEquals(h * Figures.PRINT_SCALE, png.getHeight());
        try (ImageInputStream in = ImageIO.createImageInputStream(dir.resolve("fig.png").toFile())) {
            ImageReader r = ImageIO.getImageReaders(in).next();
            r.setInput(in);
            IIOMetadataNode root = (IIOMetadataNode) r.getImageMetadata(0).getAsTree("javax_imageio_png_1.0");
            IIOMetadataNode phys = (IIOMetadataNode) root.getElementsByTagName("pHYs").item(0);
            double dpi = Integer.parseInt(phys.getAttribute("pixelsPerUnitXAxis")) * 0.0254;
            assertEquals(Figures.PRINT_DPI, dpi, 0.5, "PNG records 300 dpi");
        }
        String svg = Files.readString(dir.resolve("fig.svg"), StandardCharsets.UTF_8);
        assertTrue(svg.contains("<svg"), svg.substring(0, Math.min(200, svg.length())));
        byte[] pdf = Files.readAllBytes(dir.resolve("fig.pdf"));
        assertArrayEquals("%PDF".getBytes(StandardCharsets.US_ASCII), java.util.Arrays.copyOf(pdf, 4));
        try (var s = Files.list(dir)) {
            assertEquals(3, s.count(), "no temporary files left");
        }
    }

    static MapPanels panels() {
        float[][] a = new float[10][10];
        float[][] b = new float[10][10];
        for (int y = 0; y < 10; y++) {
            for (int x = 0; x < 10; x++) {
                a[y][x] = 8343 + 0.01f * (y * 10 + x);
                b[y][x] = 8344 + 0.01f * (y * 10 + x);
            }
        }
        a[0][0] = Float.NaN;
        return MapPanels.of("maps (synthetic)", "edge50", "eV").pixelSizeNm(30).panel("rod", a).panel("gravel", b);
    }

    @Test
    void mapPanelsShareOneColourRange() {
        MapPanels m = panels();
        double[] r = m.colourRange();
        // 2nd..98th percentile of both panels together (8343.01..8344.99), widened to nice ticks
        assertTrue(r[0] <= 8343.05 && r[0] >= 8342.5, r[0] + "");
        assertTrue(r[1] >= 8344.95 && r[1] <= 8345.5, r[1] + "");
        assertEquals(List.of("rod", "gravel"), m.panelTitles());
        assertArrayEquals(new double[] {1, 2}, m.range(1, 2).colourRange());
        float[][] d = {{-0.5f, 0.2f}, {0.1f, Float.NaN}};
        double[] dr = MapPanels.of("diff", "difference", "eV").panel("d", d).diverging().colourRange();
        assertEquals(-dr[0], dr[1], 1e-12, "diverging range is symmetric about 0");
        BufferedImage img = m.image(1);
        assertEquals(m.width(), img.getWidth());
        assertThrows(IllegalArgumentException.class, () -> MapPanels.of("x", "q", "u").panel("empty", new float[0][0]));
    }
}
