package org.cathodekit.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.cathodekit.core.JsonOutput;
import org.cathodekit.diffraction.SyntheticPatterns;
import org.cathodekit.diffraction.SyntheticSpec;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code wh} and {@code lattice} run in-process through {@link Main#run}. */
class DiffractionCommandsTest {

    @TempDir
    static Path dir;
    static Path sample;
    static Path standard;

    @BeforeAll
    static void writePatterns() throws IOException {
        sample = dir.resolve("nc91.xye");
        standard = dir.resolve("lab6.xye");
        SyntheticSpec spec = SyntheticSpec.DEFAULTS.withSizeNm(100).withStrain(0.0020).withSeed(5);
        SyntheticPatterns.writeXye(SyntheticPatterns.generate(spec), sample);
        SyntheticPatterns.writeXye(SyntheticPatterns.generate(spec.asLab6Standard().withScan(15, 120, 7000).withSeed(6)), standard);
    }

    record Run(int code, String out, String err) {
        @SuppressWarnings("unchecked")
        Map<String, Object> json() {
            return (Map<String, Object>) JsonOutput.parse(out.trim());
        }
    }

    static Run run(String... args) {
        StringWriter o = new StringWriter();
        StringWriter e = new StringWriter();
        int code = Main.run(new PrintWriter(o), new PrintWriter(e), args);
        return new Run(code, o.toString(), e.toString());
    }

    @Test
    @SuppressWarnings("unchecked")
    void whPrintsTheIssueKeysAndRecoversPlantedStrain() {
        Run r = run("wh", "--input", sample.toString(), "--instrument", standard.toString(), "--json");
        assertEquals(0, r.code(), r.err());
        Map<String, Object> j = r.json();
        for (String k : List.of("size_nm", "strain", "r2", "intercept", "slope", "size_nm_stderr", "strain_stderr", "intercept_stderr",
                "slope_stderr", "peaks")) {
            assertTrue(j.containsKey(k), "missing key " + k);
        }
        double strain = (Double) j.get("strain");
        double se = (Double) j.get("strain_stderr");
        assertEquals(0.0020, strain, 3 * se, "planted eps 0.0020");
        List<Object> peaks = (List<Object>) j.get("peaks");
        assertTrue(peaks.size() >= 8);
        Map<String, Object> p0 = (Map<String, Object>) peaks.get(0);
        for (String k : List.of("two_theta_deg", "fwhm_deg", "beta_rad")) {
            assertTrue(p0.containsKey(k), "peak key " + k);
        }
        // the JSON follows eq. 4: strain = slope (not slope/4), size = 1/intercept, each peak on the paper's axes
        assertEquals((Double) j.get("slope"), strain, 0, "strain is the slope");
        assertEquals(1 / (Double) j.get("intercept") / 10, (Double) j.get("size_nm"), 1e-9 * (Double) j.get("size_nm"), "D = 1/intercept");
        double kl = 0.9 * (Double) j.get("wavelength_A");
        for (Object o : peaks) {
            Map<String, Object> pk = (Map<String, Object>) o;
            double th = Math.toRadians((Double) pk.get("two_theta_deg")) / 2;
            assertEquals(4 * Math.sin(th) / kl, (Double) pk.get("x_per_A"), 1e-12);
            assertEquals((Double) pk.get("beta_rad") * Math.cos(th) / kl, (Double) pk.get("y_per_A"), 1e-12);
            assertEquals(Math.toRadians((Double) pk.get("fwhm_deg")) - (Double) pk.get("beta_instrument_rad"), (Double) pk.get("beta_rad"),
                    1e-12, "Lorentzian: instrument removed linearly");
        }
        assertEquals("doublet", j.get("kalpha2"));
        assertEquals("LINEAR", j.get("instrument_correction"));
    }

    @Test
    void whWithExplicitPeaksAndWavelength() {
        Run r = run("wh", "--input", sample.toString(), "--wavelength-A", "1.540593", "--kalpha2-A", "1.544427", "--peaks",
                "18.75,44.45,48.64,58.71,68.19", "--k", "0.9", "--profile", "lorentzian", "--json");
        assertEquals(0, r.code(), r.err());
        assertEquals(5.0, r.json().get("n_peaks"));
        assertTrue(((String) r.json().get("wavelength_source")).contains("user"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void latticePrintsAcVolumeAndPeaks() {
        Run r = run("lattice", "--input", sample.toString(), "--a0", "2.87", "--c0", "14.2", "--json");
        assertEquals(0, r.code(), r.err());
        Map<String, Object> j = r.json();
        // planted lattice of the sample (SyntheticSpec.DEFAULTS); tolerances as in LatticeFitTest (a 5e-4 A, c 2e-3 A on one
        // noisy lab pattern), V = sqrt(3)/2 a^2 c propagated: dV/V = 2 da/a + dc/c
        SyntheticSpec planted = SyntheticSpec.DEFAULTS;
        double a = (Double) j.get("a_A");
        double c = (Double) j.get("c_A");
        assertEquals(planted.aA(), a, 5e-4);
        assertEquals(planted.cA(), c, 2e-3);
        double v = Math.sqrt(3) / 2 * planted.aA() * planted.aA() * planted.cA();
        assertEquals(v, (Double) j.get("volume_A3"), v * (2 * 5e-4 / planted.aA() + 2e-3 / planted.cA()));
        assertEquals(Math.sqrt(3) / 2 * a * a * c, (Double) j.get("volume_A3"), 1e-9, "V = sqrt(3)/2 a^2 c of the printed a, c");
        List<Object> peaks = (List<Object>) j.get("peaks");
        assertEquals("003", ((Map<String, Object>) peaks.get(0)).get("hkl"));
        assertEquals(planted.ratio003to104(), (Double) j.get("ratio_003_104"), 0.03 * planted.ratio003to104()); // 3 % as in LatticeFitTest
    }

    /**
     * The bad-input contract of the issue, one case at a time: exit 2, nothing on stdout, exactly one
     * stderr line naming the file, the location (line, element, option or peak list) and what was
     * expected; the input file byte-identical afterwards and no other file appearing next to it.
     */
    static void assertBadInput(Path file, String[] args, String... mustContain) throws IOException {
        Path folder = file.getParent();
        byte[] before = Files.readAllBytes(file);
        List<Path> listing;
        try (var s = Files.list(folder)) {
            listing = s.sorted().toList();
        }
        Run r = run(args);
        assertEquals(2, r.code(), "exit code; stderr: " + r.err());
        assertEquals("", r.out(), "nothing on stdout");
        List<String> lines = r.err().lines().toList();
        assertEquals(1, lines.size(), "one stderr line: " + r.err());
        assertTrue(lines.get(0).contains(file.getFileName().toString()), "names the file: " + lines.get(0));
        for (String m : mustContain) {
            assertTrue(lines.get(0).contains(m), "'" + m + "' in: " + lines.get(0));
        }
        assertArrayEquals(before, Files.readAllBytes(file), "input unchanged");
        try (var s = Files.list(folder)) {
            assertEquals(listing, s.sorted().toList(), "nothing written next to the input");
        }
    }

    /** A fresh folder holding one copy of the sample, so that the listing check sees only this case. */
    static Path own(String name, byte[] content) throws IOException {
        Path d = Files.createDirectories(dir.resolve("case-" + name));
        return Files.write(d.resolve(name), content);
    }

    @Test
    void missingWavelength() throws IOException {
        String noHeader = String.join("\n", Files.readAllLines(sample).stream().filter(l -> !l.startsWith("#")).toList());
        Path f = own("nowl.xy", noHeader.getBytes(StandardCharsets.UTF_8));
        assertBadInput(f, new String[] {"wh", "--input", f.toString(), "--json"}, "wavelength", "is unknown", "--wavelength-A");
        assertBadInput(f, new String[] {"lattice", "--input", f.toString(), "--json"}, "wavelength", "--wavelength-A");
    }

    @Test
    void unknownWavelength() throws IOException {
        Path f = own("badwl.xye", Files.readAllBytes(sample));
        assertBadInput(f, new String[] {"wh", "--input", f.toString(), "--wavelength-A", "0", "--json"}, "--wavelength-A", "0.05-5 A");
        assertBadInput(f, new String[] {"wh", "--input", f.toString(), "--wavelength-A", "1.5444", "--kalpha2-A", "1.5406", "--json"},
                "--kalpha2-A", "K-alpha2 must be longer");
        String xrdml = Files.readString(PatternReaderFixtures.path("handmade_peak.xrdml"));
        Path pm = own("pm.xrdml", xrdml.replace("<kAlpha1 unit=\"Angstrom\">1.5405980", "<kAlpha1 unit=\"pm\">154.05980")
                .getBytes(StandardCharsets.UTF_8));
        assertBadInput(pm, new String[] {"wh", "--input", pm.toString(), "--peaks", "44.4,44.5,44.6", "--json"},
                "<usedWavelength/kAlpha1 unit=\"pm\">", "expected Angstrom or nm");
        Path txt = own("txt.xrdml", xrdml.replace(">1.5405980<", ">Cu<").getBytes(StandardCharsets.UTF_8));
        assertBadInput(txt, new String[] {"lattice", "--input", txt.toString(), "--json"}, "<usedWavelength/kAlpha1>",
                "expected a number, found 'Cu'");
        Path comment = own("comment.xy", "# wavelength = 15.406 A\n10 5\n11 3\n12 4\n".getBytes(StandardCharsets.UTF_8));
        assertBadInput(comment, new String[] {"lattice", "--input", comment.toString(), "--json"}, "line 1", "unusable wavelength", "0.05-5");
        Path big = own("big.xrdml", xrdml.replace(">1.5405980<", ">15.405980<").replace(">1.5444260<", ">15.444260<")
                .getBytes(StandardCharsets.UTF_8));
        assertBadInput(big, new String[] {"lattice", "--input", big.toString(), "--json"}, "<usedWavelength>", "0.05-5 A");
    }

    @Test
    void fewerThanThreePeaks() throws IOException {
        Path f = own("few.xye", Files.readAllBytes(sample));
        assertBadInput(f, new String[] {"wh", "--input", f.toString(), "--peaks", "18.75,44.45", "--json"},
                "peaks [18.750, 44.450] deg", "at least 3");
    }

    @Test
    void windowWithoutAPeak() throws IOException {
        Path f = own("empty.xye", Files.readAllBytes(sample));
        assertBadInput(f, new String[] {"wh", "--input", f.toString(), "--peaks", "18.75,26.0,30.0", "--json"},
                "peaks [18.750, 26.000, 30.000] deg", "26.000 deg: NO_PEAK", "30.000 deg: NO_PEAK", "at least 3");
    }

    /** With enough good peaks a window without a peak is reported in failed_peaks and the W-H line is still fitted. */
    @Test
    @SuppressWarnings("unchecked")
    void windowWithoutAPeakAmongGoodOnesIsReportedNotFatal() {
        Run r = run("wh", "--input", sample.toString(), "--peaks", "18.75,26.0,44.45,48.64,58.71,68.19", "--json");
        assertEquals(0, r.code(), r.err());
        List<Object> failed = (List<Object>) r.json().get("failed_peaks");
        assertEquals(1, failed.size());
        assertEquals("NO_PEAK", ((Map<String, Object>) failed.get(0)).get("status"));
        assertEquals(5.0, r.json().get("n_peaks"));
    }

    /** A fit that does not converge is reported per peak; with none left the one line names each peak's status. */
    @Test
    void fitThatDoesNotConverge() throws IOException {
        Path f = own("slow.xye", Files.readAllBytes(sample));
        assertBadInput(f, new String[] {"wh", "--input", f.toString(), "--peaks", "18.75,44.45,64.5", "--max-iterations", "1", "--json"},
                "18.750 deg: NOT_CONVERGED", "44.450 deg: NOT_CONVERGED", "did not converge");
    }

    @Test
    void malformedXml() throws IOException {
        Path f = own("bad.xrdml", "<?xml version=\"1.0\"?>\n<xrdMeasurements><scan>".getBytes(StandardCharsets.UTF_8));
        assertBadInput(f, new String[] {"lattice", "--input", f.toString(), "--json"}, "line 2", "malformed XML");
        assertBadInput(f, new String[] {"wh", "--input", f.toString(), "--wavelength-A", "1.5406", "--json"}, "line 2", "malformed XML");
        Path g = own("bad_malformed.xrdml", Files.readAllBytes(PatternReaderFixtures.path("bad_malformed.xrdml")));
        assertBadInput(g, new String[] {"wh", "--input", g.toString(), "--json"}, "line ", "malformed XML");
    }

    @Test
    void negativeCounts() throws IOException {
        Path f = own("neg.xy", "# wavelength = 1.5406\n10 5\n11 -3\n12 4\n".getBytes(StandardCharsets.UTF_8));
        assertBadInput(f, new String[] {"lattice", "--input", f.toString(), "--json"}, "line 3", "negative", "expected counts >= 0");
        Path g = own("bad_negative_counts.xy", Files.readAllBytes(PatternReaderFixtures.path("bad_negative_counts.xy")));
        assertBadInput(g, new String[] {"wh", "--input", g.toString(), "--wavelength-A", "1.5406", "--json"}, "line 7", "negative");
    }

    @Test
    void otherBadOptions() throws IOException {
        Path f = own("opts.xye", Files.readAllBytes(sample));
        assertEquals(2, run("wh", "--input", f.toString(), "--profile", "voigt", "--json").code());
        Path missing = f.getParent().resolve("missing.xye");
        Run r = run("lattice", "--input", missing.toString(), "--json");
        assertEquals(2, r.code());
        assertEquals("", r.out());
        assertEquals(1, r.err().lines().count(), r.err());
        assertTrue(r.err().contains(missing.toString()) && r.err().contains("not found"), r.err());
        assertTrue(Files.notExists(missing), "nothing created");
    }

    /** In-process fixtures of the io tests. */
    static final class PatternReaderFixtures {
        static Path path(String name) {
            try {
                return Path.of(DiffractionCommandsTest.class.getResource("/org/cathodekit/io/xrd/" + name).toURI());
            } catch (java.net.URISyntaxException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** The real LaB6 through the CLI: cubic, zero shift; a within 0.0005 A of SRM 660c. */
    @Test
    void realLab6ThroughCli() {
        Path f = Path.of(System.getProperty("user.dir")).resolve("../../shared/reference-data/xrd/xrayutilities_LaB6_d500_si_psd.xye");
        Assumptions.assumeTrue(Files.isRegularFile(f), "skipped: real LaB6 fixture not found at " + f);
        Run r = run("lattice", "--input", f.toString(), "--wavelength-A", "1.540593", "--kalpha2-A", "1.544427", "--system", "cubic",
                "--a0", "4.1568", "--zero-shift", "--window-deg", "0.5", "--json");
        assertEquals(0, r.code(), r.err());
        assertEquals(4.156826, (Double) r.json().get("a_A"), 5e-4);
    }
}
