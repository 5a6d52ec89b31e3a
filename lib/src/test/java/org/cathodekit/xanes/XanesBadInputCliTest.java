package org.cathodekit.xanes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.cathodekit.core.Sha256;
import org.cathodekit.io.Hdf5MapFile;
import org.cathodekit.io.Hdf5XanesStackWriter;
import org.cathodekit.io.XanesLayout;
import org.cathodekit.xanes.XanesCliTest.Result;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.jhdf.WritableHdfFile;

/**
 * The bad-input list of issue 3, each item through {@code cathodekit xanes ...} in-process
 * ({@code Main.run}): exit code 2 with a message naming the file, the dataset and the offending
 * value; input bytes unchanged (SHA-256 before and after); no output file after a failure; and bad
 * voxels (NaN/Inf, all-zero background) never aborting a map.
 */
class XanesBadInputCliTest {
    @TempDir
    Path dir;

    private static final String[] WINDOWS = {"--pre", "8250:8320", "--post", "8380:8600", "--edge", "8330:8365", "--whiteline", "8343:8357"};

    /** A 2D FXI file written raw (no validation), energies in eV as given. */
    private Path fxiRaw(String name, double[] energies, float[][][] stack) throws Exception {
        Path p = dir.resolve(name);
        try (WritableHdfFile w = io.jhdf.HdfFile.write(p)) {
            w.putDataset("img_xanes", stack);
            w.putDataset("X_eng", energies);
        }
        return p;
    }

    private static float[][][] good(double[] e) {
        return TestSpectra.stack2d(e, 6, 8, 8343.2, 8344.4, 0.01, 7);
    }

    /** Runs {@code xanes map} on {@code input} and checks the common contract of a failed run. */
    private Result failingMap(Path input, String... extra) throws Exception {
        Path out = dir.resolve("out-" + input.getFileName());
        String before = Sha256.of(input);
        List<String> args = new ArrayList<>(List.of("xanes", "map", "--input", input.toString(), "--out", out.toString(), "--json"));
        args.addAll(Arrays.asList(extra.length == 0 ? WINDOWS : extra));
        Result r = XanesCliTest.run(args.toArray(String[]::new));
        assertEquals(2, r.code(), "exit 2 for bad input; stderr: " + r.err() + " stdout: " + r.out());
        assertTrue(r.err().contains(input.getFileName().toString()), "names the file: " + r.err());
        assertEquals(before, Sha256.of(input), "input unchanged");
        assertFalse(Files.exists(out), "no output after a failure");
        try (var files = Files.list(dir)) {
            assertEquals(0, files.filter(p -> p.getFileName().toString().contains(".tmp")).count(), "no temporary left");
        }
        return r;
    }

    @Test
    void nonMonotonicAndDuplicateEnergiesNameDatasetIndexAndValues() throws Exception {
        double[] e = TestSpectra.grid();
        double[] swapped = e.clone();
        swapped[20] = e[21];
        swapped[21] = e[20];
        Result r = failingMap(fxiRaw("swapped.h5", swapped, good(e)));
        assertTrue(r.err().contains("/X_eng") && r.err().contains("index 21") && r.err().contains("decreasing")
                && r.err().contains(String.valueOf(e[20])), r.err());
        double[] dup = e.clone();
        dup[30] = dup[29];
        Result d = failingMap(fxiRaw("dup.h5", dup, good(e)));
        assertTrue(d.err().contains("/X_eng") && d.err().contains("index 30") && d.err().contains("duplicate")
                && d.err().contains(String.valueOf(e[29])), d.err());
        double[] inf = e.clone();
        inf[4] = Double.POSITIVE_INFINITY;
        Result i = failingMap(fxiRaw("infenergy.h5", inf, good(e)));
        assertTrue(i.err().contains("index 4") && i.err().contains("Infinity"), i.err());
    }

    @Test
    void energiesAndStackLengthMismatchNamesBothDatasetsAndLengths() throws Exception {
        double[] e = TestSpectra.grid();
        Result r = failingMap(fxiRaw("mismatch.h5", Arrays.copyOf(e, e.length - 3), good(e)));
        assertTrue(r.err().contains("/img_xanes") && r.err().contains("/X_eng") && r.err().contains(e.length + " energy images")
                && r.err().contains((e.length - 3) + " energies"), r.err());
    }

    @Test
    void missingDatasetsAreNamedWithWhatTheFileHolds() throws Exception {
        double[] e = TestSpectra.grid();
        Path f = fxiRaw("plain.h5", e, good(e));
        Result imgs = failingMap(f, "--images", "/exchange/data", "--whiteline", "8343:8357");
        assertTrue(imgs.err().contains("/exchange/data") && imgs.err().contains("/img_xanes"), imgs.err());
        Result eng = failingMap(f, "--energies", "/energy_eV", "--whiteline", "8343:8357");
        assertTrue(eng.err().contains("/energy_eV") && eng.err().contains("/X_eng"), eng.err());
        Path other = dir.resolve("unknown-layout.h5");
        try (WritableHdfFile w = io.jhdf.HdfFile.write(other)) {
            w.putDataset("frames", good(e));
        }
        Result none = failingMap(other);
        assertTrue(none.err().contains("no known XANES layout") && none.err().contains("/frames"), none.err());
    }

    @Test
    void windowsOutsideTheRangeOrWithTooFewPointsNameWindowFileAndGrid() throws Exception {
        double[] e = TestSpectra.grid();
        Path f = dir.resolve("ok.h5");
        Hdf5XanesStackWriter.write(f, XanesLayout.NSLS2_FXI, e, wrap(good(e)), false, 0);
        Result outside = failingMap(f, "--pre", "8000:8100", "--post", "8380:8600", "--edge", "8330:8365");
        assertTrue(outside.err().contains("pre-edge window 8000:8100 eV holds 0 measured energies")
                && outside.err().contains("8250.00-8600.00") && outside.err().contains("/X_eng"), outside.err());
        // 8315-8321 eV holds one energy (8320) of the grid: a line needs two
        Result one = failingMap(f, "--pre", "8315:8321", "--post", "8380:8600", "--edge", "8330:8365");
        assertTrue(one.err().contains("pre-edge window 8315:8321 eV holds 1 measured energies, need at least 2"), one.err());
        // the cubic needs four energies: 8343-8345 eV holds three
        Result cubic = failingMap(f, "--whiteline", "8343:8345", "--whiteline-fit", "CUBIC");
        assertTrue(cubic.err().contains("white-line window 8343:8345 eV holds 3 measured energies, need at least 4"), cubic.err());
    }

    @Test
    @SuppressWarnings("unchecked")
    void nanInfAndAllZeroVoxelsNeverAbortAMap() throws Exception {
        double[] e = TestSpectra.grid();
        float[][][] s = good(e);
        s[10][2][3] = Float.NaN;
        s[40][3][4] = Float.POSITIVE_INFINITY;
        s[5][2][5] = Float.NEGATIVE_INFINITY;
        for (float[][] plane : s) {
            plane[4][2] = 0f; // an all-zero background spectrum
        }
        Path f = fxiRaw("badvoxels.h5", e, s);
        String before = Sha256.of(f);
        Path out = dir.resolve("badvoxels-map.h5");
        List<String> args = new ArrayList<>(List.of("xanes", "map", "--input", f.toString(), "--out", out.toString(), "--json"));
        args.addAll(Arrays.asList(WINDOWS));
        Result r = XanesCliTest.run(args.toArray(String[]::new));
        assertEquals(0, r.code(), r.err());
        assertEquals(before, Sha256.of(f), "input unchanged");
        Map<String, Object> j = r.json();
        Map<String, Object> sc = (Map<String, Object>) j.get("status_counts");
        assertEquals(3.0, sc.get("non_finite"), r.out());
        // planted: 6 x 8 image with a one-voxel background border (2*8 + 2*4 = 24 voxels) plus the all-zero voxel
        assertEquals(25.0, sc.get("masked"), r.out());
        assertEquals(48.0 - 25 - 3, j.get("valid"), r.out());
        VoxelMap e50 = Hdf5MapFile.readMap(out, "edge50");
        int[][] st = status(out);
        assertTrue(Float.isNaN(e50.get(0, 2, 3)) && Float.isNaN(e50.get(0, 3, 4)) && Float.isNaN(e50.get(0, 2, 5)));
        assertEquals(VoxelStatus.NON_FINITE.bit(), st[2][3]);
        assertEquals(VoxelStatus.MASKED.bit(), st[4][2]);
        // the neighbours of the bad voxels are computed as if nothing happened
        assertEquals(0, st[2][4]);
        double[] mu = new double[e.length];
        for (int i = 0; i < e.length; i++) {
            mu[i] = s[i][2][4];
        }
        EdgeOptions o = EdgeOptions.DEFAULTS.withEdgeWindows(new EnergyWindow(8250, 8320), new EnergyWindow(8380, 8600),
                new EnergyWindow(8330, 8365)).withWhiteline(new EnergyWindow(8343, 8357));
        assertEquals((float) Xanes.spectrum(e, mu, o).edge50Ev(), e50.get(0, 2, 4), 0f, "neighbour = the single-spectrum result");
        // with an absolute threshold of 0 the all-zero spectrum passes the mask (jump 0 >= 0) and fails as "no crossing"
        Path out0 = dir.resolve("badvoxels-map0.h5");
        args.set(args.indexOf(out.toString()), out0.toString());
        args.addAll(List.of("--min-edge-jump", "0"));
        Result r0 = XanesCliTest.run(args.toArray(String[]::new));
        assertEquals(0, r0.code(), r0.err());
        int[][] st0 = status(out0);
        assertTrue(VoxelStatus.NO_CROSSING.isSet(st0[4][2]), "status " + st0[4][2]);
    }

    @Test
    @SuppressWarnings("unchecked")
    void emptyMasksGiveAnEmptyMapAndAClearHistogramError() throws Exception {
        double[] e = TestSpectra.grid();
        Path f = dir.resolve("ok.h5");
        Hdf5XanesStackWriter.write(f, XanesLayout.NSLS2_FXI, e, wrap(good(e)), false, 0);
        Path out = dir.resolve("allmasked.h5");
        // a jump threshold above every planted jump (1.0) masks all voxels: the map is still written, honestly empty
        List<String> args = new ArrayList<>(List.of("xanes", "map", "--input", f.toString(), "--out", out.toString(), "--json",
                "--min-edge-jump", "5"));
        args.addAll(Arrays.asList(WINDOWS));
        Result r = XanesCliTest.run(args.toArray(String[]::new));
        assertEquals(0, r.code(), r.err());
        assertEquals(0.0, r.json().get("valid"));
        assertEquals(48.0, ((Map<String, Object>) r.json().get("status_counts")).get("masked"));
        assertEquals(null, ((Map<String, Object>) r.json().get("edge50")).get("mean_eV"), "no mean of nothing (JSON null)");
        Result h = XanesCliTest.run("xanes", "hist", "--maps", out.toString(), "--json");
        assertEquals(2, h.code(), h.err());
        assertTrue(h.err().contains("allmasked.h5") && h.err().contains("edge50") && h.err().contains("no finite voxel"), h.err());
        Result d = XanesCliTest.run("xanes", "diff", "--a", out.toString(), "--b", out.toString(), "--dataset", "edge50",
                "--out", dir.resolve("d.h5").toString(), "--json");
        assertEquals(2, d.code(), d.err());
        assertTrue(d.err().contains("allmasked.h5") && d.err().contains("no finite voxel"), d.err());
        assertFalse(Files.exists(dir.resolve("d.h5")));
    }

    @Test
    void differencesOfMapsOnDifferentGridsAreRefused() throws Exception {
        double[] e = TestSpectra.grid();
        Path fa = dir.resolve("a.h5");
        Path fb = dir.resolve("b.h5");
        Hdf5XanesStackWriter.write(fa, XanesLayout.NSLS2_FXI, e, wrap(good(e)), false, 0);
        Hdf5XanesStackWriter.write(fb, XanesLayout.NSLS2_FXI, e, wrap(TestSpectra.stack2d(e, 6, 9, 8344.4, 8344.4, 0.01, 8)), false, 0);
        Path ma = dir.resolve("ma.h5");
        Path mb = dir.resolve("mb.h5");
        for (Path[] io : new Path[][] {{fa, ma}, {fb, mb}}) {
            assertEquals(0, XanesCliTest.run("xanes", "map", "--input", io[0].toString(), "--out", io[1].toString(), "--whiteline", "8343:8357").code());
        }
        String sa = Sha256.of(ma);
        Path d = dir.resolve("diff.h5");
        Result r = XanesCliTest.run("xanes", "diff", "--a", ma.toString(), "--b", mb.toString(), "--out", d.toString(), "--json");
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains("co-registered") && r.err().contains("1 x 6 x 8") && r.err().contains("1 x 6 x 9")
                && r.err().contains("ma.h5") && r.err().contains("mb.h5") && r.err().contains("whiteline"), r.err());
        assertFalse(Files.exists(d));
        assertEquals(sa, Sha256.of(ma));
    }

    @Test
    void badSpectrumFilesExitWith2() throws Exception {
        Path f = dir.resolve("unsorted.txt");
        Files.writeString(f, "8300 0.1\n8340 0.5\n8320 0.3\n8400 1.0\n");
        String before = Sha256.of(f);
        Result r = XanesCliTest.run("xanes", "spectrum", "--input", f.toString(), "--whiteline", "8300:8400", "--json");
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains("unsorted.txt") && r.err().contains("8320"), r.err());
        assertEquals(before, Sha256.of(f));
        for (String bad : new String[] {"nan", "Inf"}) {
            Path g = dir.resolve(bad + ".txt");
            Files.writeString(g, "8300 0.1\n8320 0.1\n8340 " + bad + "\n8345 0.6\n8350 1.0\n8400 1.0\n8420 1.0\n");
            Result n = XanesCliTest.run("xanes", "spectrum", "--input", g.toString(), "--pre", "8300:8320", "--post", "8400:8420",
                    "--edge", "8330:8360", "--json");
            assertEquals(2, n.code(), n.err());
            assertTrue(n.err().contains(bad + ".txt") && n.err().contains("data point 3 of 7") && n.err().contains("8340.0 eV")
                    && n.err().contains(bad.equals("nan") ? "NaN" : "Infinity"), n.err());
        }
    }

    /** The status dataset of a 2D map file, read with jhdf directly (bytes widened to int). */
    private static int[][] status(Path mapFile) {
        try (io.jhdf.HdfFile h = new io.jhdf.HdfFile(mapFile)) {
            Object data = h.getDatasetByPath("/status").getData();
            if (data instanceof int[][] i) {
                return i;
            }
            byte[][] b = (byte[][]) data;
            int[][] out = new int[b.length][];
            for (int y = 0; y < b.length; y++) {
                out[y] = new int[b[y].length];
                for (int x = 0; x < b[y].length; x++) {
                    out[y][x] = b[y][x];
                }
            }
            return out;
        }
    }

    private static float[][][][] wrap(float[][][] s) {
        float[][][][] v = new float[s.length][][][];
        for (int i = 0; i < s.length; i++) {
            v[i] = new float[][][] {s[i]};
        }
        return v;
    }
}
