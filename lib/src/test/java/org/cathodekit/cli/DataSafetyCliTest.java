package org.cathodekit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.zip.GZIPInputStream;

import org.cathodekit.core.JsonOutput;
import org.cathodekit.core.Sha256;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.jhdf.HdfFile;
import io.jhdf.WritableHdfFile;
import io.jhdf.api.Dataset;

import picocli.CommandLine;

/**
 * Every case of issue 10 ("never lose or silently corrupt data"), each through the command line
 * in-process ({@link Main#run}), against the clean run of the same sample as the oracle.
 */
class DataSafetyCliTest {
    static final Path SAMPLES = FuzzCliTest.SAMPLES;
    static final String[] WINDOWS = FuzzCliTest.XANES_WINDOWS;

    @TempDir
    static Path shared;
    @TempDir
    Path dir;

    static Path mapA;
    static Path mapB;

    record Run(int exit, String out, String err) {
        @SuppressWarnings("unchecked")
        Map<String, Object> json() {
            assertEquals(0, exit, err);
            return (Map<String, Object>) JsonOutput.parse(out.strip());
        }

        /** The one stderr line of a failed run. */
        String errorLine() {
            assertEquals(Main.EXIT_BAD_INPUT, exit, "exit 2 expected; stderr: " + err + " stdout: " + out);
            String[] lines = err.strip().split("\n");
            assertEquals(1, lines.length, "one line on stderr: " + err);
            assertEquals("", out);
            return lines[0];
        }
    }

    static Run run(String... args) {
        StringWriter o = new StringWriter();
        StringWriter e = new StringWriter();
        int code = Main.run(new PrintWriter(o), new PrintWriter(e), args);
        return new Run(code, o.toString(), e.toString());
    }

    static String[] concat(String[] a, String... b) {
        String[] r = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, r, a.length, b.length);
        return r;
    }

    static Run map(Path input, Path out) {
        return run(concat(new String[] {"xanes", "map", "--input", input.toString(), "--out", out.toString(), "--json"}, WINDOWS));
    }

    @BeforeAll
    static void maps() {
        mapA = shared.resolve("a.h5");
        mapB = shared.resolve("b.h5");
        map(SAMPLES.resolve("xanes/rod-charged-2d.h5"), mapA).json();
        map(SAMPLES.resolve("xanes/rod-pristine-2d.h5"), mapB).json();
    }

    static boolean exec(String... cmd) {
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    // ------------------------------------------------------------------ data loss

    @Test
    void diffNeverOverwritesEitherInput() throws Exception {
        Path a = Files.copy(mapA, dir.resolve("A.h5"));
        Path b = Files.copy(mapB, dir.resolve("B.h5"));
        String sa = Sha256.of(a);
        String sb = Sha256.of(b);
        Path link = Files.createSymbolicLink(dir.resolve("link-to-A.h5"), a);
        Path hard = Files.createLink(dir.resolve("hard-B.h5"), b);
        for (Path out : List.of(a, b, dir.resolve("sub/../A.h5"), link, hard)) {
            String line = run("xanes", "diff", "--a", a.toString(), "--b", b.toString(), "--out", out.toString(), "--json").errorLine();
            assertTrue(line.contains("--out " + out) && (line.contains("--a " + a) || line.contains("--b " + b)), line);
        }
        assertEquals(sa, Sha256.of(a));
        assertEquals(sb, Sha256.of(b));
        Path ok = dir.resolve("diff.h5");
        Map<String, Object> j = run("xanes", "diff", "--a", a.toString(), "--b", b.toString(), "--out", ok.toString(), "--json").json();
        assertEquals(ok.toString(), j.get("out"));
        assertEquals(List.of(), j.get("warnings"), "clean maps carry no warning");
    }

    @Test
    void tgaCurveOutNeverReplacesTheMeasurement() throws Exception {
        Path in = Files.copy(SAMPLES.resolve("tga/rod_r1.csv"), dir.resolve("run.csv"));
        Path in2 = Files.copy(SAMPLES.resolve("tga/rod_r2.csv"), dir.resolve("run2.csv"));
        String before = Sha256.of(in);
        String line = run("tga", "--input", in.toString(), "--curve-out", in.toString(), "--json").errorLine();
        assertTrue(line.contains("--curve-out " + in) && line.contains("--input " + in), line);
        line = run("tga", "--input", in2.toString(), in.toString(), "--curve-out", dir.resolve("./run.csv").toString()).errorLine();
        assertTrue(line.contains("same file"), line);
        assertEquals(before, Sha256.of(in));
    }

    @Test
    void outputFailuresAreExitTwoNamingTheOutput() throws Exception {
        Path in = SAMPLES.resolve("xanes/rod-charged-2d.h5");
        Path folder = Files.createDirectories(dir.resolve("existing.h5"));
        String line = map(in, folder).errorLine();
        assertTrue(line.contains("--out " + folder) && line.contains("existing folder"), line);

        Path file = Files.writeString(dir.resolve("plain"), "x");
        line = map(in, file.resolve("map.h5")).errorLine();
        assertTrue(line.contains("cannot write output " + file.resolve("map.h5")), line);

        Path imm = Files.createDirectories(dir.resolve("immutable"));
        Assumptions.assumeTrue(exec("chattr", "+i", imm.toString()), "chattr +i not available");
        try {
            Path out = imm.resolve("map.h5");
            line = map(in, out).errorLine();
            assertTrue(line.contains("cannot write output " + out + ": ") && !line.contains(".tmp"), line);
        } finally {
            exec("chattr", "-i", imm.toString());
        }
    }

    @Test
    void aKilledRunsTemporaryFileIsRemovedByTheNextWrite() throws Exception {
        Path out = dir.resolve("map.h5");
        Path stale = Files.writeString(dir.resolve(".map.h5.5551234.tmp"), "half a map");
        Files.setLastModifiedTime(stale, FileTime.from(Instant.now().minusSeconds(3600)));
        map(SAMPLES.resolve("xanes/rod-charged-2d.h5"), out).json();
        assertTrue(Files.exists(out));
        assertFalse(Files.exists(stale));
    }

    // ------------------------------------------------------------------ silently wrong results

    @Test
    void gradientMasksCorruptedVoxelsAndSaysSo() throws Exception {
        Path src = SAMPLES.resolve("gradient/rod-charged-64.h5");
        float[][][] v;
        try (HdfFile h = new HdfFile(src)) {
            v = (float[][][]) ((Dataset) h.getByPath("/edge50")).getData();
        }
        // 120 voxels inside the particle set to +-1e26..1e38 eV (what 200 flipped bytes did in the reliability run)
        SplittableRandom rnd = new SplittableRandom(10);
        int planted = 0;
        while (planted < 120) {
            int z = rnd.nextInt(64);
            int y = rnd.nextInt(64);
            int x = rnd.nextInt(64);
            if (Float.isFinite(v[z][y][x]) && Math.abs(v[z][y][x]) < 1e5) {
                v[z][y][x] = (float) ((rnd.nextBoolean() ? 1 : -1) * Math.pow(10, 26 + rnd.nextInt(13)));
                planted++;
            }
        }
        Path bad = dir.resolve("corrupt.h5");
        try (WritableHdfFile w = HdfFile.write(bad)) {
            w.putDataset("edge50", v);
        }
        Map<String, Object> clean = run("gradient", "--input", src.toString(), "--voxel-nm", "30", "--bin", "2", "--json").json();
        Map<String, Object> r = run("gradient", "--input", bad.toString(), "--voxel-nm", "30", "--bin", "2", "--json").json();
        assertEquals(List.of(), clean.get("warnings"));
        List<?> w = (List<?>) r.get("warnings");
        assertEquals(1, w.size(), w.toString());
        assertTrue(w.get(0).toString().startsWith("120 map values outside the plausible range"), w.toString());
        // the masked voxels cost their units (a 2x2x2 unit with one bad voxel is invalid) and their neighbours' vectors;
        // the statistics stay those of the particle: 0.100 clean, 0.070 when the corrupted values were used
        double ti = (Double) r.get("tangential_index");
        assertEquals((Double) clean.get("tangential_index"), ti, 0.01, "tangential index of the masked map");
        assertTrue((Double) r.get("vectors") > 0.9 * (Double) clean.get("vectors"), r.get("vectors") + " vectors");
    }

    @Test
    void gradientSaysWhenLessThanHalfOfTheInputWasUsed() throws Exception {
        // a 2D map of 40 x 40 whose left three quarters are flat: their units have no gradient and are dropped
        float[][] m = new float[40][40];
        for (int y = 0; y < 40; y++) {
            for (int x = 0; x < 40; x++) {
                m[y][x] = x < 30 ? 8344f : 8344f + 0.01f * y; // left three quarters: constant (zero gradient, dropped)
            }
        }
        Path f = dir.resolve("flat.h5");
        try (WritableHdfFile w = HdfFile.write(f)) {
            w.putDataset("edge50", m);
        }
        Map<String, Object> r = run("gradient", "--input", f.toString(), "--voxel-nm", "30", "--json").json();
        List<?> w = (List<?>) r.get("warnings");
        assertTrue(w.stream().anyMatch(s -> s.toString().contains("computed from") && s.toString().contains("interior units")), w.toString());
    }

    private static List<String> lines(Path p) throws IOException {
        return new ArrayList<>(Files.readAllLines(p, StandardCharsets.UTF_8));
    }

    /** Replaces the mass (third column) of the first data row at or above {@code tempC}. */
    private static Path withMass(Path src, Path dst, double tempC, String mass) throws IOException {
        List<String> l = lines(src);
        for (int i = 0; i < l.size(); i++) {
            String[] t = l.get(i).split(",");
            if (t.length == 3 && !l.get(i).startsWith("#") && Character.isDigit(t[1].charAt(0)) && Double.parseDouble(t[1]) >= tempC) {
                l.set(i, t[0] + "," + t[1] + "," + mass);
                break;
            }
        }
        Files.write(dst, l, StandardCharsets.UTF_8);
        return dst;
    }

    private static Map<String, Object> tga(Path in) {
        return run("tga", "--input", in.toString(), "--json").json();
    }

    @Test
    void tgaRemovesImplausibleMassesAndSpikesWithANote() throws Exception {
        Path src = SAMPLES.resolve("tga/rod_r1.csv");
        Map<String, Object> clean = tga(src);
        assertEquals(List.of(), clean.get("warnings"));
        double onset = (Double) clean.get("onset_C");
        double peak = (Double) clean.get("dtg_peak_C");
        double slope = (Double) clean.get("baseline_slope_pct_per_K");

        // 1e300 mg in the baseline window: onset moved from 217.5 to 162.7 C when used
        Map<String, Object> huge = tga(withMass(src, dir.resolve("huge.csv"), 180, "1e300"));
        assertEquals(onset, (Double) huge.get("onset_C"), 0.05, "onset with the 1e300 row removed");
        assertEquals(slope, (Double) huge.get("baseline_slope_pct_per_K"), 1e-4);
        assertTrue(huge.get("warnings").toString().contains("1 mass values outside the plausible range"), huge.get("warnings").toString());

        // 1e6 mg at the step: moved the DTG peak by 14 K when used
        Map<String, Object> big = tga(withMass(src, dir.resolve("big.csv"), 230, "1e6"));
        assertEquals(peak, (Double) big.get("dtg_peak_C"), 0.1);
        assertTrue(big.get("warnings").toString().contains("outside the plausible range"));

        // a single-point spike of +5 % (within the plausible range): removed by the robust z rule
        Map<String, Object> spike = tga(withMass(src, dir.resolve("spike.csv"), 225, "10.4"));
        assertTrue(spike.get("warnings").toString().contains("1 single-point mass spikes"), spike.get("warnings").toString());
        assertEquals(peak, (Double) spike.get("dtg_peak_C"), 0.1);
    }

    @Test
    void cleanTgaCurvesCarryNoWarning() throws IOException {
        try (var s = Files.list(SAMPLES.resolve("tga"))) {
            for (Path p : s.sorted().toList()) {
                assertEquals(List.of(), tga(p).get("warnings"), p.toString());
            }
        }
        // every vendor fixture that analyses (the bad_* ones are exit 2 by design)
        for (String f : List.of("generic_no_time_bad_row.csv", "generic_tsv_kelvin_gram.tsv", "mettler_stare.txt", "netzsch_proteus.csv",
                "setaram.txt", "ta_trios.txt", "ta_universal_analysis.txt")) {
            Path p = FuzzCliTest.FIXTURES.resolve("tga").resolve(f);
            assertEquals(List.of(), tga(p).get("warnings"), f);
        }
    }

    /** One voxel's spectrum of a sample stack as a two-column text file. */
    private static double[][] voxelSpectrum(Path stack, int y, int x) throws IOException {
        try (org.cathodekit.io.Hdf5XanesStack s = org.cathodekit.io.Hdf5XanesStack.open(stack)) {
            double[] e = s.energiesEv();
            float[][] planes = new float[e.length][s.width()];
            s.read(0, 1, y, 1, planes);
            double[] mu = new double[e.length];
            for (int i = 0; i < e.length; i++) {
                mu[i] = planes[i][x];
            }
            return new double[][] {e, mu};
        }
    }

    private static Path spectrumFile(Path p, double[] e, double[] mu) throws IOException {
        StringBuilder sb = new StringBuilder("# energy_eV mu\n");
        for (int i = 0; i < e.length; i++) {
            sb.append(String.format(Locale.ROOT, "%.3f %s%n", e[i], mu[i]));
        }
        return Files.writeString(p, sb);
    }

    @Test
    void implausibleMuInTheWhiteLineWindowFlagsTheSpectrum() throws Exception {
        double[][] s = voxelSpectrum(SAMPLES.resolve("xanes/rod-charged-2d.h5"), 32, 32);
        Map<String, Object> clean = run(concat(new String[] {"xanes", "spectrum", "--input",
            spectrumFile(dir.resolve("clean.txt"), s[0], s[1]).toString(), "--json"}, WINDOWS)).json();
        assertEquals(List.of(), clean.get("status"));
        assertEquals(List.of(), clean.get("warnings"));
        int wl = -1;
        for (int i = 0; i < s[0].length; i++) {
            if (s[0][i] >= 8350 && wl < 0) {
                wl = i;
            }
        }
        double jump = (Double) clean.get("edge_jump");
        for (double bad : new double[] {1e300, s[1][wl] + 20 * jump}) {
            double[] mu = s[1].clone();
            mu[wl] = bad;
            Map<String, Object> r = run(concat(new String[] {"xanes", "spectrum", "--input",
                spectrumFile(dir.resolve("bad.txt"), s[0], mu).toString(), "--json"}, WINDOWS)).json();
            assertEquals(List.of("IMPLAUSIBLE"), r.get("status"), "mu " + bad);
            assertNull(r.get("whiteline_eV"), "no white line from an implausible spectrum (moved by 1.2 eV when used)");
            assertEquals(1, ((List<?>) r.get("warnings")).size());
        }
    }

    @Test
    void implausibleMuInAStackIsCountedAndWarned() throws Exception {
        Path src = SAMPLES.resolve("xanes/rod-charged-2d.h5");
        double[] e;
        float[][][] img;
        try (HdfFile h = new HdfFile(src)) {
            e = (double[]) ((Dataset) h.getByPath("/X_eng")).getData();
            img = (float[][][]) ((Dataset) h.getByPath("/img_xanes")).getData();
        }
        int wl = 0;
        while (e[wl] * 1000 < 8350) {
            wl++;
        }
        img[wl][32][32] = 1e30f;
        img[wl][30][30] += 40f; // below |mu| 1000 but > 10 edge jumps above the pre-edge line
        Path bad = dir.resolve("bad-stack.h5");
        try (WritableHdfFile w = HdfFile.write(bad)) {
            w.putDataset("img_xanes", img);
            w.putDataset("X_eng", e);
        }
        Map<String, Object> clean = map(src, dir.resolve("clean.h5")).json();
        Map<String, Object> r = map(bad, dir.resolve("bad.h5")).json();
        @SuppressWarnings("unchecked")
        Map<String, Object> sc = (Map<String, Object>) r.get("status_counts");
        assertEquals(2.0, sc.get("implausible"));
        assertEquals(List.of(), clean.get("warnings"));
        assertEquals(1, ((List<?>) r.get("warnings")).size(), r.get("warnings").toString());
        @SuppressWarnings("unchecked")
        double cleanCount = (Double) ((Map<String, Object>) clean.get("whiteline")).get("count");
        @SuppressWarnings("unchecked")
        double badCount = (Double) ((Map<String, Object>) r.get("whiteline")).get("count");
        assertEquals(cleanCount - 2, badCount, "exactly the two planted voxels leave the white-line map");
    }

    private static byte[] gitt() throws IOException {
        try (GZIPInputStream in = new GZIPInputStream(Files.newInputStream(SAMPLES.resolve("gitt/sc-nc91-gitt-synthetic.csv.gz")))) {
            return in.readAllBytes();
        }
    }

    /** The GITT sample with column {@code col} of data row {@code row} (0-based among data rows) replaced. */
    private Path gittWith(int row, int col, String value) throws IOException {
        String[] l = new String(gitt(), StandardCharsets.UTF_8).split("\n");
        int k = -1;
        for (int i = 0; i < l.length; i++) {
            if (!l[i].isEmpty() && Character.isDigit(l[i].charAt(0)) && ++k == row) {
                String[] t = l[i].split(",");
                t[col] = value;
                l[i] = String.join(",", t);
            }
        }
        return Files.writeString(dir.resolve("gitt-" + row + "-" + col + ".csv"), String.join("\n", l));
    }

    private static Map<String, Object> gitt(Path in, String... extra) {
        return run(concat(new String[] {"gitt", "--input", in.toString(), "--radius-um", "2", "--json"}, extra)).json();
    }

    /** Pulses without their row indices (which count the rows kept). */
    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> withoutRows(Object pulses) {
        List<Map<String, Object>> out = new java.util.ArrayList<>();
        for (Object p : (List<?>) pulses) {
            Map<String, Object> m = new java.util.LinkedHashMap<>((Map<String, Object>) p);
            m.remove("first_row");
            m.remove("last_row");
            out.add(m);
        }
        return out;
    }

    @Test
    void gittLeavesOutImplausibleVoltagesAndCurrents() throws Exception {
        Path clean = Files.write(dir.resolve("clean.csv"), gitt());
        Map<String, Object> c = gitt(clean);
        assertEquals(List.of(), c.get("warnings"));
        int restRow = 50; // t = 50 s, inside the 600 s initial rest (the relaxed potential is taken at its end)
        Map<String, Object> kv = gitt(gittWith(restRow, 1, "4000"));
        assertTrue(kv.get("warnings").toString().contains("1 rows with a voltage outside the plausible range 0.0..10.0 V"), kv.get("warnings").toString());
        assertEquals(((List<?>) c.get("pulses")).size(), ((List<?>) kv.get("pulses")).size());
        // row indices count the rows kept: one row left out before the first pulse moves each pulse one row up
        List<Map<String, Object>> cp = withoutRows(c.get("pulses"));
        List<Map<String, Object>> kp = withoutRows(kv.get("pulses"));
        assertEquals(cp, kp, "a rest row before the first pulse changes no pulse");
        for (int k = 0; k < cp.size(); k++) {
            Map<?, ?> a = (Map<?, ?>) ((List<?>) c.get("pulses")).get(k);
            Map<?, ?> b = (Map<?, ?>) ((List<?>) kv.get("pulses")).get(k);
            assertEquals((Double) a.get("first_row") - 1, (Double) b.get("first_row"), 0.0);
            assertEquals((Double) a.get("last_row") - 1, (Double) b.get("last_row"), 0.0);
        }

        Map<String, Object> inf = gitt(gittWith(5000, 2, "Infinity"));
        assertEquals((Double) c.get("on_threshold_A"), (Double) inf.get("on_threshold_A"), 0.0, "thresholds of the clean series (1e-308 A when used)");
        assertEquals(((List<?>) c.get("pulses")).size(), ((List<?>) inf.get("pulses")).size());
        assertTrue(inf.get("warnings").toString().contains("1 rows with a non-finite current"));

        Map<String, Object> narrow = gitt(clean, "--voltage-range-v", "0:3.6");
        assertTrue(narrow.get("warnings").toString().contains("computed from"), narrow.get("warnings").toString());
        assertTrue(run("gitt", "--input", clean.toString(), "--radius-um", "2", "--voltage-range-v", "5:1").errorLine()
                .contains("--voltage-range-v"));
    }

    // ------------------------------------------------------------------ exit codes

    /** The sample stack with its root group's object header damaged (jhdf: "Failed to load children for group '//'"). */
    static Path rootDamaged(Path src, Path dst) throws IOException {
        byte[] b = Files.readAllBytes(src);
        assertEquals(2, b[8], "superblock v2/v3 expected");
        int root = (int) java.nio.ByteBuffer.wrap(b, 36, 8).order(java.nio.ByteOrder.LITTLE_ENDIAN).getLong();
        for (int i = root + 16; i < root + 48; i++) {
            b[i] ^= 0x5a;
        }
        return Files.write(dst, b);
    }

    @Test
    void damagedHdf5IsExitTwoInEveryReader() throws Exception {
        Path stack = SAMPLES.resolve("xanes/rod-charged-2d.h5");
        Path vol = SAMPLES.resolve("gradient/rod-charged-64.h5");
        List<Path> damaged = new ArrayList<>();
        damaged.add(rootDamaged(stack, dir.resolve("root-stack.h5")));
        damaged.add(rootDamaged(mapA, dir.resolve("root-map.h5")));
        damaged.add(rootDamaged(vol, dir.resolve("root-vol.h5")));
        for (Path src : List.of(stack, mapA, vol)) {
            byte[] b = Files.readAllBytes(src);
            // map files cut at 99 % still hold an intact /edge50 (their tail is other datasets): that cut only for the stack
            for (double cut : src != stack ? new double[] {0.001, 0.01, 0.5} : new double[] {0.001, 0.01, 0.5, 0.99}) {
                damaged.add(Files.write(dir.resolve("cut" + cut + "-" + src.getFileName()), Arrays.copyOf(b, (int) (b.length * cut))));
            }
            byte[] z = b.clone();
            Arrays.fill(z, 8, 64, (byte) 0);
            damaged.add(Files.write(dir.resolve("superblock-" + src.getFileName()), z));
        }
        damaged.add(Files.write(dir.resolve("empty.h5"), new byte[0]));
        for (Path d : damaged) {
            String n = d.getFileName().toString();
            List<String[]> commands = List.of(
                    concat(new String[] {"xanes", "map", "--input", d.toString(), "--out", dir.resolve("o-" + n).toString()}, WINDOWS),
                    new String[] {"xanes", "hist", "--maps", d.toString()},
                    new String[] {"xanes", "diff", "--a", d.toString(), "--b", mapB.toString(), "--out", dir.resolve("d-" + n).toString()},
                    new String[] {"gradient", "--input", d.toString(), "--voxel-nm", "30"});
            for (String[] cmd : commands) {
                Run r = run(cmd);
                assertEquals(Main.EXIT_BAD_INPUT, r.exit(), String.join(" ", cmd) + ": " + r.out());
                String line = r.errorLine();
                assertTrue(line.contains(d.toString()), line);
            }
            assertFalse(Files.exists(dir.resolve("o-" + n)) || Files.exists(dir.resolve("d-" + n)), "no output after a failure");
        }
        String root = run(concat(new String[] {"xanes", "map", "--input", damaged.get(0).toString(), "--out",
            dir.resolve("x.h5").toString()}, WINDOWS)).errorLine();
        assertTrue(root.contains("damaged or unreadable HDF5 metadata") && root.contains("Failed to load children for group"), root);
    }

    /** Empty datasets need h5py (jhdf 0.13 cannot write them): Debian python3-h5py, as .ci/run installs for the tests. */
    @Test
    void emptyDatasetsAreNamedAsEmptyNotAsTypeErrors() throws Exception {
        Path py = Path.of("/usr/bin/python3");
        Assumptions.assumeTrue(Files.isExecutable(py) && exec(py.toString(), "-c", "import h5py"), "/usr/bin/python3 with h5py not available");
        Path zero = dir.resolve("zero.h5");
        Path noEnergies = dir.resolve("no-energies.h5");
        Path emptyMap = dir.resolve("empty-map.h5");
        String script = "import h5py,numpy as np,sys\n"
                + "with h5py.File(sys.argv[1],'w') as f:\n"
                + "  f['img_xanes']=np.zeros((60,64,0),'f4'); f['X_eng']=np.linspace(8.3,8.42,60)\n"
                + "with h5py.File(sys.argv[2],'w') as f:\n"
                + "  f['img_xanes']=np.zeros((2,4,4),'f4'); f['X_eng']=np.zeros((0,),'f8')\n"
                + "with h5py.File(sys.argv[3],'w') as f:\n"
                + "  f['edge50']=np.zeros((0,0),'f4')\n";
        assertTrue(exec(py.toString(), "-c", script, zero.toString(), noEnergies.toString(), emptyMap.toString()));
        String line = map(zero, dir.resolve("o.h5")).errorLine();
        assertTrue(line.contains("dataset /img_xanes") && line.contains("is empty (shape [60, 64, 0])"), line);
        line = map(noEnergies, dir.resolve("o.h5")).errorLine();
        assertTrue(line.contains("dataset /X_eng") && line.contains("is empty"), line);
        for (String[] cmd : List.of(new String[] {"gradient", "--input", emptyMap.toString(), "--voxel-nm", "30"},
                new String[] {"xanes", "hist", "--maps", emptyMap.toString()})) {
            line = run(cmd).errorLine();
            assertTrue(line.contains("is empty") && line.contains(emptyMap.toString()), line);
        }
    }

    @Test
    void aFolderAsInputIsNamedAsAFolder() throws IOException {
        Path f = Files.createDirectories(dir.resolve("data.csv"));
        List<String[]> commands = List.of(
                concat(new String[] {"xanes", "map", "--input", f.toString(), "--out", dir.resolve("o.h5").toString()}, WINDOWS),
                concat(new String[] {"xanes", "spectrum", "--input", f.toString()}, WINDOWS),
                new String[] {"xanes", "hist", "--maps", f.toString()},
                new String[] {"gradient", "--input", f.toString(), "--voxel-nm", "30"},
                new String[] {"gitt", "--input", f.toString(), "--radius-um", "2"},
                new String[] {"tga", "--input", f.toString()},
                new String[] {"wh", "--input", f.toString()},
                new String[] {"lattice", "--input", f.toString()},
                new String[] {"checksum", "--input", f.toString()});
        for (String[] cmd : commands) {
            String line = run(cmd).errorLine();
            assertTrue(line.contains(f + ": is a folder, expected a file"), String.join(" ", cmd) + " -> " + line);
        }
    }

    @Test
    void emptyOrCutGzipSaysSo() throws IOException {
        Path empty = Files.write(dir.resolve("empty.csv.gz"), new byte[0]);
        byte[] gz = Files.readAllBytes(SAMPLES.resolve("gitt/sc-nc91-gitt-synthetic.csv.gz"));
        Path cut = Files.write(dir.resolve("cut.csv.gz"), Arrays.copyOf(gz, gz.length / 3));
        String a = run("gitt", "--input", empty.toString(), "--radius-um", "2").errorLine();
        assertTrue(a.contains("not valid gzip: the file is empty") && !a.contains("null"), a);
        String b = run("gitt", "--input", cut.toString(), "--radius-um", "2").errorLine();
        assertTrue(b.contains("the compressed data end early") && !b.contains("null"), b);
    }

    // ------------------------------------------------------------------ out of memory

    @Test
    void outOfMemoryAdviceGivesNumbersThatFit() {
        // 1 GB heap, 800 MB of maps, 64 MB slabs: (1024 - 64 - 800) / 8 = 20 MB slabs fit; or 800 + 64 + 8 x 64 = 1376 -> 1408 MB
        String s = JsonCommand.outOfMemoryAdvice(1L << 30, 64, 800);
        assertTrue(s.contains("use --slab-mb 20 (fits this heap)") && s.contains("-Xmx1408m"), s);
        // the maps alone exceed the heap: only a larger heap helps
        String t = JsonCommand.outOfMemoryAdvice(1L << 30, 64, 2000);
        assertFalse(t.contains("use --slab-mb"), t);
        assertTrue(t.contains("-Xmx2624m"), t);
        assertTrue(JsonCommand.outOfMemoryAdvice(512L << 20, 0, -1).contains("-Xmx1024m"));
    }

    @CommandLine.Command(name = "oom")
    static final class OomCommand extends JsonCommand {
        @Override
        protected long[] memoryNeed() {
            return new long[] {64, 100};
        }

        @Override
        protected Object compute() {
            throw new OutOfMemoryError("Java heap space");
        }
    }

    @Test
    void outOfMemoryIsOneLineWithTheAdvice() {
        StringWriter o = new StringWriter();
        StringWriter e = new StringWriter();
        CommandLine cl = new CommandLine(new OomCommand());
        cl.setOut(new PrintWriter(o));
        cl.setErr(new PrintWriter(e));
        int code = cl.execute();
        assertEquals(Main.EXIT_INTERNAL, code);
        String[] lines = e.toString().strip().split("\n");
        assertEquals(1, lines.length, e.toString());
        assertTrue(lines[0].contains("out of memory") && lines[0].contains("--slab-mb") && lines[0].contains("-Xmx"), lines[0]);
        assertNotNull(lines[0]);
    }
}
