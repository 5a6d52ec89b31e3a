package org.cathodekit.xanes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.cathodekit.cli.Main;
import org.cathodekit.core.JsonOutput;
import org.cathodekit.io.Hdf5MapFile;
import org.cathodekit.io.Hdf5XanesStackWriter;
import org.cathodekit.io.XanesLayout;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code cathodekit xanes ...} run in-process: JSON keys, exit codes. */
class XanesCliTest {
    @TempDir
    Path dir;

    /**
     * Recovery of the planted 1.2 eV edge shift between two 120-pixel particles (eV): edge50 interpolation on
     * the 1 eV grid differs by up to {@link XanesSpectrumTest#GRID_INTERPOLATION_EV} (0.02) between the two edge
     * positions, and 1 % noise gives a standard error of the difference of means of ~0.007 eV (4 SE = 0.03).
     */
    static final double PLANTED_SHIFT_EV = 0.05;

    record Result(int code, String out, String err) {
        @SuppressWarnings("unchecked")
        Map<String, Object> json() {
            return (Map<String, Object>) JsonOutput.parse(out.trim());
        }
    }

    static Result run(String... args) {
        StringWriter o = new StringWriter();
        StringWriter e = new StringWriter();
        int code = Main.run(new PrintWriter(o), new PrintWriter(e), args);
        return new Result(code, o.toString(), e.toString());
    }

    private Path stack(String name, double e0a, double e0b) throws Exception {
        double[] e = TestSpectra.grid();
        float[][][] s = TestSpectra.stack2d(e, 12, 14, e0a, e0b, 0.01, 42);
        float[][][][] v = new float[e.length][][][];
        for (int i = 0; i < e.length; i++) {
            v[i] = new float[][][] {s[i]};
        }
        Path f = dir.resolve(name);
        Hdf5XanesStackWriter.write(f, XanesLayout.NSLS2_FXI, e, v, false, 0);
        return f;
    }

    @Test
    @SuppressWarnings("unchecked")
    void mapHistDiffProduceTheDocumentedKeys() throws Exception {
        Path a = stack("a.h5", 8343.2, 8343.2);
        Path b = stack("b.h5", 8344.4, 8344.4);
        Path ma = dir.resolve("ma.h5");
        Path mb = dir.resolve("mb.h5");
        String[] win = {"--pre", "8250:8320", "--post", "8380:8600", "--edge", "8330:8365", "--whiteline", "8343:8357"};
        for (Path[] io : new Path[][] {{a, ma}, {b, mb}}) {
            String[] args = concat(new String[] {"xanes", "map", "--input", io[0].toString(), "--out", io[1].toString(), "--json"}, win);
            Result r = run(args);
            assertEquals(0, r.code(), r.err());
            Map<String, Object> j = r.json();
            for (String k : List.of("voxels", "valid", "edge50", "whiteline", "status_counts", "seconds", "layout")) {
                assertTrue(j.containsKey(k), k + " in " + r.out());
            }
            assertEquals(168.0, j.get("voxels"));
            assertEquals("NSLS2_FXI", j.get("layout"));
            Map<String, Object> e50 = (Map<String, Object>) j.get("edge50");
            for (String k : List.of("mean_eV", "median_eV", "std_eV", "count")) {
                assertTrue(e50.containsKey(k), k);
            }
            Map<String, Object> wl = (Map<String, Object>) j.get("whiteline");
            assertTrue(wl.containsKey("mean_eV"));
            Map<String, Object> sc = (Map<String, Object>) j.get("status_counts");
            assertEquals(2.0 * 14 + 2 * 10, sc.get("masked"), "background border masked");
            assertTrue(Files.exists(io[1]));
        }
        Result h = run("xanes", "hist", "--maps", ma.toString(), mb.toString(), "--labels", "pristine,charged", "--bin-width", "0.05", "--json");
        assertEquals(0, h.code(), h.err());
        List<Object> ds = (List<Object>) h.json().get("datasets");
        Map<String, Object> p = (Map<String, Object>) ds.get(0);
        Map<String, Object> c = (Map<String, Object>) ds.get(1);
        assertEquals("pristine", p.get("label"));
        double shift = (Double) c.get("mean_eV") - (Double) p.get("mean_eV");
        assertEquals(1.2, shift, PLANTED_SHIFT_EV);
        assertTrue(p.containsKey("fwhm_eV") && p.containsKey("counts"));
        assertTrue(h.json().containsKey("bin_edges"));
        Result v = run("xanes", "hist", "--maps", ma.toString(), "--valence", "8342:2,8345:3", "--json");
        assertEquals(0, v.code(), v.err());
        assertEquals("valence", v.json().get("unit"));
        // the calibration is linear, so the valence mean is the calibrated energy mean: v = 2 + (E - 8342) / 3
        Map<String, Object> pv = (Map<String, Object>) ((List<Object>) v.json().get("datasets")).get(0);
        assertEquals(2 + ((Double) p.get("mean_eV") - 8342) / 3, (Double) pv.get("mean_valence"), 1e-5);
        assertEquals((Double) p.get("std_eV") / 3, (Double) pv.get("std_valence"), 1e-5);

        Path d = dir.resolve("d.h5");
        Result df = run("xanes", "diff", "--a", ma.toString(), "--b", mb.toString(), "--dataset", "edge50", "--out", d.toString(), "--json");
        assertEquals(0, df.code(), df.err());
        assertEquals(1.2, (Double) df.json().get("mean_eV"), PLANTED_SHIFT_EV);
        assertTrue(Files.exists(d));
    }

    @Test
    @SuppressWarnings("unchecked")
    void volumeStacksAndExplicitDatasetPaths() throws Exception {
        double[] e = TestSpectra.grid();
        float[][][][] v = new float[e.length][3][][];
        for (int z = 0; z < 3; z++) {
            float[][][] s = TestSpectra.stack2d(e, 8, 9, 8343.2, 8344.4, 0.01, 10 + z);
            for (int i = 0; i < e.length; i++) {
                v[i][z] = s[i];
            }
        }
        Path f = dir.resolve("sandbox3d.h5");
        Hdf5XanesStackWriter.write(f, XanesLayout.TXM_SANDBOX_3D, e, v, true, 2);
        Path out = dir.resolve("m3.h5");
        Result r = run("xanes", "map", "--input", f.toString(), "--images", "/registration_results/reg_results/registered_xanes3D",
                "--energies", "/registration_results/reg_results/eng_list", "--whiteline", "8343:8357", "--whiteline-fit", "CUBIC",
                "--out", out.toString(), "--json");
        assertEquals(0, r.code(), r.err());
        Map<String, Object> j = r.json();
        assertEquals("CUSTOM", j.get("layout"));
        assertEquals(List.of(3.0, 8.0, 9.0), j.get("shape"));
        assertEquals(null, j.get("edge50"));
        assertEquals(3.0 * 8 * 9, (Double) ((Map<String, Object>) j.get("whiteline")).get("count") + (Double) ((Map<String, Object>) j.get("status_counts")).get("bad_fit"));
        assertEquals(3, Hdf5MapFile.readMap(out, "whiteline").depth());
    }

    @Test
    void spectrumCommandReadsTextAndReportsMetrics() throws Exception {
        double[] e = TestSpectra.grid();
        double[] mu = TestSpectra.spectrum(e, 8344.0, 1.0, 0.6, 8350.5, 0, null);
        StringBuilder sb = new StringBuilder("energy_keV\tmu\n");
        for (int i = 0; i < e.length; i++) {
            sb.append(e[i] / 1000).append('\t').append(mu[i]).append('\n');
        }
        Path f = dir.resolve("s.tsv");
        Files.writeString(f, sb.toString());
        Result r = run("xanes", "spectrum", "--input", f.toString(), "--pre", "8250:8320", "--post", "8380:8600", "--edge", "8330:8365",
                "--whiteline", "8346:8355", "--json");
        assertEquals(0, r.code(), r.err());
        Map<String, Object> j = r.json();
        assertEquals(Xanes.spectrum(e, mu, TestSpectra.OPTIONS.withWhiteline(new EnergyWindow(8346, 8355))).edge50Ev(),
                (Double) j.get("edge50_eV"), 1e-6);
        assertTrue(j.containsKey("whiteline_eV") && j.containsKey("edge_jump"));
        assertTrue(((String) j.get("note")).contains("keV -> eV"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void gaussianWhitelineAndConstantStepThroughTheCli() throws Exception {
        Path a = stack("g.h5", 8343.2, 8344.4);
        Path out = dir.resolve("g-map.h5");
        Result r = run("xanes", "map", "--input", a.toString(), "--pre", "8250:8320", "--post", "8380:8600", "--edge", "8330:8365",
                "--edge-reference", "8360", "--normalisation", "CONSTANT_STEP", "--whiteline", "8343:8357", "--whiteline-fit", "GAUSSIAN",
                "--out", out.toString(), "--json");
        assertEquals(0, r.code(), r.err());
        // oracle: the library on the same stack read back from the file the CLI read
        EdgeOptions o = TestSpectra.OPTIONS.withEdgeReferenceEv(8360).withNormalisation(Normalisation.CONSTANT_STEP)
                .withWhitelineFit(WhitelineFit.GAUSSIAN);
        EdgeMaps m;
        try (org.cathodekit.io.Hdf5XanesStack s = org.cathodekit.io.Hdf5XanesStack.open(a)) {
            m = Xanes.maps(s, o, 1, Xanes.DEFAULT_SLAB_BYTES);
        }
        Map<String, Object> wl = (Map<String, Object>) r.json().get("whiteline");
        Map<String, Object> e50 = (Map<String, Object>) r.json().get("edge50");
        assertEquals(XanesStatistics.summary(m.whiteline()).mean(), (Double) wl.get("mean_eV"), 1e-9);
        assertEquals(XanesStatistics.summary(m.edge50()).mean(), (Double) e50.get("mean_eV"), 1e-9);
        assertEquals(8360.0, r.json().get("edge_reference_eV"));
        assertTrue(Hdf5MapFile.readMap(out, "whiteline").equals(m.whiteline()), "file map = library map, bit for bit");
        Result bad = run("xanes", "map", "--input", a.toString(), "--whiteline", "8343:8357", "--whiteline-fit", "LORENTZ",
                "--out", dir.resolve("x.h5").toString());
        assertEquals(2, bad.code(), bad.err());
        assertTrue(bad.err().contains("LORENTZ") && bad.err().contains("GAUSSIAN"), bad.err());
    }

    @Test
    void badInputExitsWith2AndNamesTheProblem() throws Exception {
        Path a = stack("a.h5", 8343.2, 8343.2);
        Result missing = run("xanes", "map", "--input", dir.resolve("nope.h5").toString(), "--whiteline", "8343:8357",
                "--out", dir.resolve("o.h5").toString(), "--json");
        assertEquals(2, missing.code());
        assertTrue(missing.err().contains("nope.h5"), missing.err());
        Result window = run("xanes", "map", "--input", a.toString(), "--pre", "8000:8100", "--post", "8380:8600", "--edge", "8330:8365",
                "--out", dir.resolve("o.h5").toString(), "--json");
        assertEquals(2, window.code());
        assertTrue(window.err().contains("pre-edge window"), window.err());
        assertFalse(Files.exists(dir.resolve("o.h5")), "no output on failure");
        Result partial = run("xanes", "map", "--input", a.toString(), "--pre", "8250:8320", "--out", dir.resolve("o.h5").toString());
        assertEquals(2, partial.code());
        Result badWin = run("xanes", "map", "--input", a.toString(), "--whiteline", "8357:8343", "--out", dir.resolve("o.h5").toString());
        assertEquals(2, badWin.code());
        Result sameFile = run("xanes", "map", "--input", a.toString(), "--whiteline", "8343:8357", "--out", a.toString());
        assertEquals(2, sameFile.code());
        Result images = run("xanes", "map", "--input", a.toString(), "--images", "/nothing", "--whiteline", "8343:8357",
                "--out", dir.resolve("o.h5").toString());
        assertEquals(2, images.code());
        assertTrue(images.err().contains("/nothing"), images.err());
        Result diffShape = run("xanes", "diff", "--a", a.toString(), "--b", a.toString(), "--dataset", "/X_eng");
        assertEquals(2, diffShape.code(), diffShape.err());
    }

    private static String[] concat(String[] a, String[] b) {
        String[] c = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }
}
