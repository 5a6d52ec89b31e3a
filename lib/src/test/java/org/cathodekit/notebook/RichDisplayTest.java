package org.cathodekit.notebook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.cathodekit.plot.Charts;
import org.cathodekit.plot.Figure;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

class RichDisplayTest {
    record Result(double tauS, String name, double[] raw) {
    }

    @Test
    void numbersAndEscaping() {
        assertEquals("2.12346", Html.number(2.123456789));
        assertEquals("1200", Html.number(1200));
        assertEquals("2e-16", Html.number(2e-16));
        assertEquals("8347.94", Html.number(8347.9351), "0.01 eV resolution for edge energies");
        assertEquals("", Html.number(Double.NaN), "NaN is an empty cell, never 'NaN'");
        assertEquals("a &lt;b&gt; &amp; &quot;c&quot;", Html.escape("a <b> & \"c\""));
    }

    @Test
    void tableAsHtmlWithPlainFallback() {
        Table t = Table.create("peaks <synthetic>", StringColumn.create("hkl", "003", "104"), DoubleColumn.create("fwhm_deg", 0.16, Double.NaN));
        Rich r = Html.table(t);
        assertTrue(r.html().startsWith("<table"), r.html());
        assertTrue(r.html().contains("<th") && r.html().contains("fwhm_deg") && r.html().contains("peaks &lt;synthetic&gt;"));
        assertFalse(r.html().contains("NaN"));
        assertTrue(r.plain().contains("hkl | fwhm_deg"), r.plain());
        assertTrue(r.plain().contains("003 | 0.16"), r.plain());
    }

    @Test
    void recordAsFieldValueTableWithoutObjectHashes() {
        Rich r = Html.record(new Result(1200, "p", new double[] {1, 2, 3}));
        assertTrue(r.plain().contains("tau_s | 1200"), r.plain());
        assertTrue(r.plain().contains("[3 values]"), r.plain());
        assertFalse(r.html().contains("[D@"), "no array hashes in the output");
    }

    @Test
    void comparisonIsOneTableWithOriginAndMetadataRows() {
        PaperComparison c = Nb.comparison();
        c.row("rod edge shift", "eV").paper("+1.2", "paper A, bulk XAS").synthetic("+1.15", "planted +1.16").key("rod_shift_eV", 1.149);
        c.row("NCA shift", "eV").paper("~+1", "xanespy README").real("+0.98", "xanespy NCA spectra");
        c.row("LaB6 a", "A").paper("4.156826", "NIST").notRun("no ../shared reference data");
        Rich r = c.rich();
        for (String h : List.of("quantity", "paper (source)", "reproduced", "origin")) {
            assertTrue(r.html().contains(">" + h + "</th>"), h);
        }
        assertEquals(1, r.html().split("<table", -1).length - 1, "one table");
        assertTrue(r.plain().contains("synthetic (planted +1.16)"), r.plain());
        assertTrue(r.plain().contains("real: xanespy NCA spectra"), r.plain());
        assertTrue(r.plain().contains("not run: no ../shared reference data"), r.plain());
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> rows = (List<Map<String, Object>>) ((Map<String, Object>) r.metadata().get("cathodekit")).get("comparison");
        assertEquals(3, rows.size());
        assertEquals("rod_shift_eV", rows.get(0).get("key"));
        assertEquals("1.149", rows.get(0).get("value"));
        assertEquals("synthetic", rows.get(0).get("origin"));
        assertEquals("real", rows.get(1).get("origin"));
        assertFalse(rows.get(1).containsKey("key"));
        PaperComparison bad = Nb.comparison();
        bad.row("no origin", "").paper("1", "x");
        assertThrows(NullPointerException.class, bad::rich);
    }

    @Test
    void outsideAKernelShowPrintsTheTextFallbackAndKeysStayInvisible() {
        assertEquals(Display.Kernel.NONE, Nb.setup());
        PrintStream real = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            Nb.show(Table.create("t", DoubleColumn.create("a_eV", 1.5)));
            Nb.key("x_eV", 1.23456, "%.3f", Origin.SYNTHETIC);
        } finally {
            System.setOut(real);
        }
        String s = out.toString(StandardCharsets.UTF_8);
        assertTrue(s.contains("a_eV") && s.contains("1.5"), s);
        assertFalse(s.contains("KEY"), "key numbers are not printed: " + s);
    }

    @Test
    void aFigureThatCannotBeSavedIsStillShown(@TempDir Path dir) throws Exception {
        Path notADir = Files.writeString(dir.resolve("file"), "x");
        var chart = Charts.xy("t", "x (s)", "y (V)");
        Charts.line(chart, "a", new double[] {0, 1}, new double[] {0, 1});
        PrintStream real = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        java.awt.image.BufferedImage img;
        try {
            img = Nb.figure(Figure.of(chart), "stem", notADir);
        } finally {
            System.setOut(real);
        }
        assertNotNull(img);
        assertEquals(Charts.WIDTH, img.getWidth());
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("not written"), out.toString(StandardCharsets.UTF_8));
    }
}
