package org.cathodekit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.cathodekit.core.Json;
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
            return (Map<String, Object>) Json.parse(out.trim());
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
        assertEquals(2.872, (Double) j.get("a_A"), 5e-4);
        assertEquals(14.19, (Double) j.get("c_A"), 2e-3);
        assertEquals(Math.sqrt(3) / 2 * 2.872 * 2.872 * 14.19, (Double) j.get("volume_A3"), 0.05);
        List<Object> peaks = (List<Object>) j.get("peaks");
        assertEquals("003", ((Map<String, Object>) peaks.get(0)).get("hkl"));
        assertEquals(1.35, (Double) j.get("ratio_003_104"), 0.04);
    }

    @Test
    void badInputsExitWith2() throws IOException {
        Path noWl = dir.resolve("nowl.xy");
        Files.writeString(noWl, String.join("\n", Files.readAllLines(sample).stream().filter(l -> !l.startsWith("#")).toList()));
        Run r = run("wh", "--input", noWl.toString(), "--json");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("wavelength") && r.err().contains("nowl.xy"), r.err());
        assertEquals("", r.out());

        Run few = run("wh", "--input", sample.toString(), "--peaks", "18.75,44.45", "--json");
        assertEquals(2, few.code());
        assertTrue(few.err().contains("at least 3"), few.err());

        Run empty = run("wh", "--input", sample.toString(), "--peaks", "18.75,26.0,30.0", "--json");
        assertEquals(2, empty.code());
        assertTrue(empty.err().contains("NO_PEAK"), empty.err());

        Path bad = dir.resolve("bad.xrdml");
        Files.writeString(bad, "<?xml version=\"1.0\"?><xrdMeasurements><scan>");
        Run xml = run("lattice", "--input", bad.toString(), "--json");
        assertEquals(2, xml.code());
        assertTrue(xml.err().contains("malformed XML"), xml.err());

        Path neg = dir.resolve("neg.xy");
        Files.writeString(neg, "# wavelength = 1.5406\n10 5\n11 -3\n12 4\n");
        Run n = run("lattice", "--input", neg.toString(), "--json");
        assertEquals(2, n.code());
        assertTrue(n.err().contains("line 3") && n.err().contains("negative"), n.err());

        assertEquals(2, run("wh", "--input", sample.toString(), "--profile", "voigt", "--json").code());
        assertEquals(2, run("lattice", "--input", dir.resolve("missing.xye").toString(), "--json").code());
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
