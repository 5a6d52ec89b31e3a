package org.cathodekit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.cathodekit.core.JsonOutput;
import org.cathodekit.thermal.ChemicalFormula;
import org.cathodekit.thermal.SyntheticTga;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TgaCommandTest {
    static final Path ROD = Path.of("../data-samples/tga/rod_r1.csv");

    /**
     * The sample's mass noise is 0.0005 mg on 10 mg (0.005 % per point); Savitzky-Golay smoothing over the
     * 11-point (5 K) window leaves about 0.003 % at each of the two temperatures, so 0.02 % is about 5 sigma
     * of their difference. The temperature noise (0.02 K) times the slope at 150 and 290 C (< 0.01 %/K) adds
     * < 0.0002 %.
     */
    static final double MASS_LOSS_TOL_PCT = 0.02;

    record Run(int code, String out, String err) {
        @SuppressWarnings("unchecked")
        Map<String, Object> json() {
            return (Map<String, Object>) JsonOutput.parse(out.trim());
        }
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(new PrintWriter(out), new PrintWriter(err), args);
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void rodSampleGivesIssueKeys() {
        Run r = run("tga", "--input", ROD.toString(), "--formula", "Li0.3Ni0.8Mn0.1Co0.1O2", "--reference-temp-c", "150",
                "--at-temp-c", "290", "--json");
        assertEquals(0, r.code(), r.err());
        Map<String, Object> j = r.json();
        for (String k : new String[] {"onset_C", "onset_method", "dtg_peak_C", "mass_loss_pct", "delta_O_per_fu", "O_per_fu"}) {
            assertTrue(j.containsKey(k), k);
        }
        assertEquals(217.0, (Double) j.get("onset_C"), 1.0, "planted ISO onset of the synthetic rod");
        assertEquals("iso", j.get("onset_method"));
        assertEquals(233.0, (Double) j.get("dtg_peak_C"), 0.5, "planted step centre 217 + 2 x 8 K");
        double loss = (Double) j.get("mass_loss_pct");
        double delta = (Double) j.get("delta_O_per_fu");
        double m = ChemicalFormula.parse("Li0.3Ni0.8Mn0.1Co0.1O2").molarMassGPerMol();
        assertEquals(loss / 100 * m / 15.999, delta, 1e-9);
        assertEquals(2.0 - delta, (Double) j.get("O_per_fu"), 1e-12);
        // oracle: the generator's noise-free model, 100 (1 - M(290) / M(150))
        double expected = 100 * (1 - SyntheticTga.massPct(SyntheticTga.ROD, 290) / SyntheticTga.massPct(SyntheticTga.ROD, 150));
        assertEquals(expected, loss, MASS_LOSS_TOL_PCT, "rod mass loss between 150 and 290 C");
    }

    /** Help renders without picocli format warnings (a bare '%' in a description makes picocli warn on System.err). */
    @Test
    void helpHasNoFormatWarnings() {
        java.io.PrintStream old = System.err;
        java.io.ByteArrayOutputStream buf = new java.io.ByteArrayOutputStream();
        System.setErr(new java.io.PrintStream(buf, true, java.nio.charset.StandardCharsets.UTF_8));
        Run r;
        try {
            r = run("tga", "--help");
        } finally {
            System.setErr(old);
        }
        assertEquals(0, r.code());
        assertTrue(r.out().contains("--reference-temp-c") && r.out().contains("100 % mass"), r.out());
        assertFalse(buf.toString(java.nio.charset.StandardCharsets.UTF_8).contains("WARN"), buf.toString(java.nio.charset.StandardCharsets.UTF_8));
    }

    @Test
    void replicatesGiveMeanAndStd() {
        Run r = run("tga", "--input", "../data-samples/tga/gravel_r1.csv", "../data-samples/tga/gravel_r2.csv",
                "../data-samples/tga/gravel_r3.csv", "--formula", "Li0.3Ni0.8Mn0.1Co0.1O2", "--reference-temp-c", "150",
                "--json");
        assertEquals(0, r.code(), r.err());
        Map<String, Object> j = r.json();
        assertEquals(3.0, (Double) j.get("n"), 0);
        assertEquals(234.0, (Double) j.get("onset_C"), 1.0, "planted gravel onset");
        double std = (Double) j.get("onset_C_std");
        assertTrue(std > 0 && std < 1.0, "replicate spread " + std);
        java.util.List<?> each = (java.util.List<?>) j.get("replicates");
        double sum = 0;
        for (Object o : each) {
            sum += (Double) ((Map<?, ?>) o).get("onset_C");
        }
        assertEquals(sum / 3, (Double) j.get("onset_C"), 1e-9);
        Run bad = run("tga", "--input", "../data-samples/tga/gravel_r1.csv", "../data-samples/tga/gravel_r2.csv",
                "--curve-out", "x.csv", "--json");
        assertEquals(2, bad.code());
        assertTrue(bad.err().contains("--curve-out"), bad.err());
        assertFalse(Files.exists(Path.of("x.csv")), "no curve file for a rejected replicate run");
    }

    @Test
    void massLossOnsetAndCurveOut(@TempDir Path tmp) throws Exception {
        Path out = tmp.resolve("curve.csv");
        Run r = run("tga", "--input", ROD.toString(), "--formula", "Li0.3Ni0.8Mn0.1Co0.1O2", "--onset", "mass-loss:1",
                "--curve-out", out.toString(), "--json");
        assertEquals(0, r.code(), r.err());
        assertEquals("mass-loss:1", r.json().get("onset_method"));
        assertTrue(Files.readAllLines(out).get(0).startsWith("temperature (C),mass (%)"));
    }

    /** End to end on the hand-made NETZSCH Proteus fixture (semicolons, decimal commas, latin-1, mass in %):
     * the symmetric logistic step centred at 200 C gives its DTG peak at 200 C (symmetric SG window). */
    @Test
    void proteusFixtureEndToEnd() {
        Run r = run("tga", "--input", "src/test/resources/tga/netzsch_proteus.csv", "--onset", "dtg:0.2", "--json");
        assertEquals(0, r.code(), r.err());
        Map<String, Object> j = r.json();
        assertEquals("NETZSCH Proteus", j.get("format"));
        assertEquals("ISO-8859-1", j.get("encoding"));
        assertEquals("dtg:0.2", j.get("onset_method"));
        assertEquals(200.0, (Double) j.get("dtg_peak_C"), 1.0);
        assertEquals(5.0, (Double) j.get("mass_loss_pct"), 0.01, "5 % step, finished by 325 C");
        Run at = run("tga", "--input", "src/test/resources/tga/netzsch_proteus.csv", "--at-temp-c", "900", "--json");
        assertEquals(2, at.code());
        assertTrue(at.err().contains("--at-temp-c") && at.err().contains("outside"), at.err());
    }

    @Test
    void stepFreeCurveReportsNoOnset(@TempDir Path tmp) throws Exception {
        StringBuilder sb = new StringBuilder("Temperature (°C),Mass (mg)\n");
        java.util.Random rnd = new java.util.Random(1);
        for (int i = 0; i < 400; i++) {
            sb.append(25 + 0.5 * i).append(',').append(10 + 0.0005 * rnd.nextGaussian()).append('\n');
        }
        Path f = tmp.resolve("flat.csv");
        Files.writeString(f, sb.toString());
        Run r = run("tga", "--input", f.toString(), "--json");
        assertEquals(0, r.code(), r.err());
        Map<String, Object> j = r.json();
        assertNull(j.get("onset_C"));
        assertNull(j.get("dtg_peak_C"));
        assertEquals(Boolean.FALSE, j.get("onset_found"));
        assertTrue(((String) j.get("onset_note")).startsWith("no onset"));
    }

    /**
     * Issue 7's bad inputs, one case each: exit 2, nothing on stdout, one line on stderr naming the file
     * (or the option) and the offending column/row, and no --curve-out file.
     */
    @Test
    void everyBadInputOfTheIssueIsOneNamedLine(@TempDir Path tmp) {
        String res = "src/test/resources/tga/";
        String nmc = "Li0.3Ni0.8Mn0.1Co0.1O2";
        String[][] cases = {
            // input file, formula, expected fragments of the message
            {res + "bad_no_temperature.csv", nmc, "bad_no_temperature.csv", "header line 1", "no temperature column"},
            {res + "bad_no_mass.csv", nmc, "bad_no_mass.csv", "header line 1", "no mass column"},
            {res + "bad_non_monotonic_no_time.csv", nmc, "bad_non_monotonic_no_time.csv", "line 32",
                "column 'Temperature", "no time column"},
            {res + "bad_tg_change_no_sample_mass.txt", nmc, "bad_tg_change_no_sample_mass.txt", "column 'TG (mg)'",
                "no sample mass"},
            {ROD.toString(), "Li0.3Ni0.8Mn0.1Co0.1O2)", "malformed formula", "character 23", "unmatched ')'"},
            {ROD.toString(), "Li0.3Xx0.8O2", "malformed formula", "Xx"},
            {tmp.resolve("nope.csv").toString(), nmc, "nope.csv"},
        };
        for (String[] c : cases) {
            Path out = tmp.resolve("curve.csv");
            Run r = run("tga", "--input", c[0], "--formula", c[1], "--curve-out", out.toString(), "--json");
            String what = c[0] + " / " + c[1] + ": " + r.err();
            assertEquals(2, r.code(), what);
            assertEquals("", r.out(), "nothing on stdout: " + what);
            assertEquals(1, r.err().trim().split("\n").length, "one line: " + what);
            for (int k = 2; k < c.length; k++) {
                assertTrue(r.err().contains(c[k]), "'" + c[k] + "' in " + what);
            }
            assertFalse(Files.exists(out), "no curve file: " + what);
        }
    }

    @Test
    void badInputExitsTwoAndWritesNothing(@TempDir Path tmp) {
        Path out = tmp.resolve("never.csv");
        Run formula = run("tga", "--input", ROD.toString(), "--formula", "Li0.3Xx0.8O2", "--curve-out", out.toString(), "--json");
        assertEquals(2, formula.code());
        assertTrue(formula.err().contains("malformed formula"), formula.err());
        Run missing = run("tga", "--input", tmp.resolve("nope.csv").toString(), "--curve-out", out.toString(), "--json");
        assertEquals(2, missing.code());
        assertTrue(missing.err().contains("nope.csv"), missing.err());
        Run onset = run("tga", "--input", ROD.toString(), "--onset", "tangent", "--json");
        assertEquals(2, onset.code());
        assertTrue(onset.err().contains("--onset"), onset.err());
        Run noTemp = run("tga", "--input", "src/test/resources/tga/bad_no_temperature.csv", "--json");
        assertEquals(2, noTemp.code());
        assertTrue(noTemp.err().contains("no temperature column"), noTemp.err());
        Run mono = run("tga", "--input", "src/test/resources/tga/bad_non_monotonic_no_time.csv", "--curve-out",
                out.toString(), "--json");
        assertEquals(2, mono.code());
        Run ref = run("tga", "--input", ROD.toString(), "--reference-temp-c", "500", "--json");
        assertEquals(2, ref.code());
        assertTrue(ref.err().contains("outside"), ref.err());
        assertFalse(Files.exists(out), "nothing written on bad input");
        assertTrue(formula.out().isEmpty() && missing.out().isEmpty());
    }
}
