package org.cathodekit.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.cathodekit.core.DataFormatException;
import org.cathodekit.core.Sha256;
import org.cathodekit.xanes.EdgeMaps;
import org.cathodekit.xanes.EdgeOptions;
import org.cathodekit.xanes.EnergyWindow;
import org.cathodekit.xanes.StackSource;
import org.cathodekit.xanes.VoxelMap;
import org.cathodekit.xanes.Xanes;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.jhdf.HdfFile;
import io.jhdf.WritableHdfFile;
import io.jhdf.api.WritableGroup;

/** HDF5 stacks: layout detection, unit conversion, slab reads, map round trip with independent readers, bad files. */
class Hdf5XanesStackTest {
    @TempDir
    Path dir;

    static final EdgeOptions OPT = EdgeOptions.DEFAULTS
            .withEdgeWindows(new EnergyWindow(8250, 8320), new EnergyWindow(8380, 8600), new EnergyWindow(8330, 8365))
            .withWhiteline(new EnergyWindow(8343, 8357));

    static double[] energies() {
        List<Double> e = new ArrayList<>();
        for (double x = 8250; x <= 8320; x += 10) {
            e.add(x);
        }
        for (double x = 8330; x <= 8370; x += 1) {
            e.add(x);
        }
        for (double x = 8380; x <= 8600; x += 20) {
            e.add(x);
        }
        return e.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** [energy][z][y][x]: edge at 8343 + 0.1 x eV, background at x = 0. */
    static float[][][][] stack(double[] e, int nz, int ny, int nx) {
        float[][][][] s = new float[e.length][nz][ny][nx];
        for (int i = 0; i < e.length; i++) {
            for (int z = 0; z < nz; z++) {
                for (int y = 0; y < ny; y++) {
                    for (int x = 0; x < nx; x++) {
                        double e0 = 8343 + 0.1 * x + 0.05 * z;
                        double v = x == 0 ? 0.01 * Math.sin(i * 7 + y)
                                : 0.1 + (0.5 + Math.atan((e[i] - e0) / 1.5) / Math.PI) + 0.5 * Math.exp(-0.5 * Math.pow((e[i] - e0 - 6.5) / 3, 2))
                                + 0.002 * Math.sin(i * 13 + x * 3 + y);
                        s[i][z][y][x] = (float) v;
                    }
                }
            }
        }
        return s;
    }

    @Test
    void detectsEachLayoutAndConvertsKev() throws IOException {
        double[] e = energies();
        float[][][][] vol = stack(e, 3, 4, 5);
        for (XanesLayout l : List.of(XanesLayout.NSLS2_FXI, XanesLayout.TXM_SANDBOX_3D, XanesLayout.APS_DATA_EXCHANGE)) {
            Path f = dir.resolve(l + ".h5");
            Hdf5XanesStackWriter.write(f, l, e, vol, true, 2);
            try (Hdf5XanesStack s = Hdf5XanesStack.open(f)) {
                assertEquals(l, s.layout());
                assertTrue(s.isVolume());
                assertEquals(3, s.depth());
                assertEquals(4, s.height());
                assertEquals(5, s.width());
                assertArrayEquals(e, s.energiesEv(), 1e-9);
                boolean kev = l != XanesLayout.TXM_SANDBOX_3D;
                assertEquals(kev, s.energyUnitNote().contains("keV -> eV"), s.energyUnitNote());
                assertTrue(s.describe().contains(l.name()));
                float[][] planes = new float[e.length][2 * 4 * 5];
                s.read(1, 2, 0, 4, planes);
                assertEquals(vol[7][2][3][4], planes[7][(1 * 4 + 3) * 5 + 4]);
            }
        }
        Path f2 = dir.resolve("sandbox2d.h5");
        Hdf5XanesStackWriter.write(f2, XanesLayout.TXM_SANDBOX_2D, e, stack(e, 1, 6, 5), false, 0);
        try (Hdf5XanesStack s = Hdf5XanesStack.open(f2)) {
            assertEquals(XanesLayout.TXM_SANDBOX_2D, s.layout());
            assertFalse(s.isVolume());
            float[][] planes = new float[e.length][2 * 5];
            s.read(0, 1, 3, 2, planes);
            assertEquals(stack(e, 1, 6, 5)[4][0][4][1], planes[4][5 + 1]);
        }
    }

    @Test
    void mapsFromHdf5EqualMapsFromMemoryAndInputIsUntouched() throws IOException {
        double[] e = energies();
        float[][][][] vol = stack(e, 4, 6, 7);
        Path f = dir.resolve("fxi.h5");
        Hdf5XanesStackWriter.write(f, XanesLayout.NSLS2_FXI, e, vol, true, 3);
        String before = Sha256.of(f);
        EdgeMaps fromFile;
        try (Hdf5XanesStack s = Hdf5XanesStack.open(f)) {
            fromFile = Xanes.maps(s, OPT, 2, 1);
        }
        EdgeMaps fromMemory = Xanes.maps(StackSource.inMemory(e, vol, true), OPT, 1, Long.MAX_VALUE / 4);
        assertEquals(fromMemory.edge50(), fromFile.edge50());
        assertEquals(fromMemory.whiteline(), fromFile.whiteline());
        assertEquals(4 * 6, fromFile.counts().masked(), "the x = 0 background column is masked");
        assertEquals(before, Sha256.of(f), "input file unchanged");
    }

    @Test
    void mapFileRoundTripsThroughJhdfAndIndependentReaders() throws Exception {
        double[] e = energies();
        float[][][][] vol = stack(e, 2, 5, 6);
        EdgeMaps maps = Xanes.maps(StackSource.inMemory(e, vol, true), OPT);
        Path out = dir.resolve("maps.h5");
        Hdf5MapFile.write(out, maps, Map.of("input_file", "memory", "layout", "none"));
        VoxelMap back = Hdf5MapFile.readMap(out, "/edge50");
        assertEquals(maps.edge50(), back);
        assertEquals("eV", back.unit());
        try (HdfFile h = new HdfFile(out)) {
            assertEquals("memory", h.getByPath("/provenance").getAttribute("input_file").getData());
            assertArrayEquals(new double[] {8250, 8320}, (double[]) h.getByPath("/provenance").getAttribute("pre_edge_eV").getData());
        }
        // 2D map too
        EdgeMaps m2 = Xanes.maps(StackSource.inMemory(e, stack(e, 1, 5, 6), false), OPT);
        Path out2 = dir.resolve("maps2d.h5");
        Hdf5MapFile.write(out2, m2, Map.of());
        assertEquals(m2.whiteline(), Hdf5MapFile.readMap(out2, "whiteline"));

        // independent reader 1: h5py (Debian HDF5 1.10.8)
        Path py = Path.of("/usr/bin/python3");
        if (Files.isExecutable(py) && run(List.of(py.toString(), "-c", "import h5py")).startsWith("0")) {
            String script = "import h5py,numpy as np,sys\n"
                    + "f=h5py.File(sys.argv[1],'r')\n"
                    + "a=f['edge50'][()]\n"
                    + "print(a.dtype, a.shape, int(np.isfinite(a).sum()), repr(float(np.nansum(a.astype('f8')))), int(f['status'][()].sum()), f['status'].dtype, f['provenance'].attrs['library'])\n";
            String r = run(List.of(py.toString(), "-c", script, out2.toString()));
            double sum = 0;
            int finite = 0;
            for (int y = 0; y < 5; y++) {
                for (int x = 0; x < 6; x++) {
                    float v = m2.edge50().get(0, y, x);
                    if (Float.isFinite(v)) {
                        sum += v;
                        finite++;
                    }
                }
            }
            assertTrue(r.startsWith("0\nfloat32 (5, 6) " + finite + " "), r);
            String[] tok = r.split("\\s+");
            assertEquals(sum, Double.parseDouble(tok[5]), 1e-6, r);
            assertTrue(r.contains("uint8") && r.contains("CathodeKit"), r);
        } else {
            System.out.println("SKIP h5py round trip: /usr/bin/python3 with h5py not available");
        }
        // independent reader 2: h5dump (HDF5 command-line tools)
        Path h5dump = Path.of("/usr/bin/h5dump");
        if (Files.isExecutable(h5dump)) {
            String r = run(List.of(h5dump.toString(), "-d", "/whiteline", "-A", out.toString()));
            assertTrue(r.startsWith("0\n"), r);
            assertTrue(r.contains("H5T_IEEE_F32LE") && r.contains("( 2, 5, 6 )"), r);
        } else {
            System.out.println("SKIP h5dump round trip: /usr/bin/h5dump not available");
        }
    }

    /** jhdf 0.13.0 writes unreadable files for huge attributes and long names: the writer prevents both. */
    @Test
    void longProvenanceIsCutAndBadNamesAreRejected() throws Exception {
        double[] e = energies();
        EdgeMaps maps = Xanes.maps(StackSource.inMemory(e, stack(e, 1, 3, 4), false), OPT);
        Path out = dir.resolve("long.h5");
        Hdf5MapFile.write(out, maps, Map.of("note", "y".repeat(100_000)));
        try (HdfFile h = new HdfFile(out)) {
            String v = (String) h.getByPath("/provenance").getAttribute("note").getData();
            assertTrue(v.endsWith("(cut)") && v.length() < 5000);
        }
        Path py = Path.of("/usr/bin/python3");
        if (Files.isExecutable(py) && run(List.of(py.toString(), "-c", "import h5py")).startsWith("0")) {
            String r = run(List.of(py.toString(), "-c", "import h5py,sys; f=h5py.File(sys.argv[1],'r'); print(len(f['provenance'].attrs['note']))", out.toString()));
            assertTrue(r.startsWith("0\n"), r);
        }
        VoxelMap bad = VoxelMap.of2d("a/b", "eV", new float[][] {{1}});
        assertThrows(IllegalArgumentException.class, () -> Hdf5MapFile.writeMaps(dir.resolve("bad.h5"), List.of(bad), Map.of()));
        VoxelMap longName = VoxelMap.of2d("x".repeat(255), "eV", new float[][] {{1}});
        assertThrows(IllegalArgumentException.class, () -> Hdf5MapFile.writeMaps(dir.resolve("bad.h5"), List.of(longName), Map.of()));
        assertFalse(Files.exists(dir.resolve("bad.h5")));
    }

    /**
     * Files written by h5py (HDF5 1.10) in the layouts real software writes: TXM-Sandbox-style
     * registered 3D stack, gzip-compressed chunks, energies in keV; the compressed (jhdf
     * decompression) path must give the same maps as the uncompressed (positional read) path.
     */
    @Test
    void h5pyWrittenCompressedStacksReadLikeUncompressed() throws Exception {
        Path py = Path.of("/usr/bin/python3");
        Assumptions.assumeTrue(Files.isExecutable(py) && run(List.of(py.toString(), "-c", "import h5py, numpy")).startsWith("0"),
                "SKIP: /usr/bin/python3 with h5py and numpy not available");
        Path plain = dir.resolve("plain.h5");
        Path gz = dir.resolve("gzip.h5");
        String script = "import h5py, numpy as np, sys\n"
                + "e = np.r_[np.arange(8250, 8321, 10.0), np.arange(8330, 8371, 1.0), np.arange(8380, 8601, 20.0)]\n"
                + "rng = np.random.default_rng(3)\n"
                + "x = np.arange(9)[None, None, None, :]\n"
                + "ee = e[:, None, None, None]\n"
                + "e0 = 8343 + 0.1 * x\n"
                + "mu = 0.1 + 0.5 + np.arctan((ee - e0) / 1.5) / np.pi + 0.5 * np.exp(-0.5 * ((ee - e0 - 6.5) / 3) ** 2)\n"
                + "mu = (mu + 0.005 * rng.standard_normal((len(e), 5, 7, 9))).astype('f4')\n"
                + "for path, comp in ((sys.argv[1], None), (sys.argv[2], 'gzip')):\n"
                + "    with h5py.File(path, 'w') as f:\n"
                + "        g = f.create_group('registration_results/reg_results')\n"
                + "        g.create_dataset('registered_xanes3D', data=mu, chunks=(len(e), 2, 7, 9), compression=comp)\n"
                + "        g.create_dataset('eng_list', data=e / 1000.0)\n";
        String r = run(List.of(py.toString(), "-c", script, plain.toString(), gz.toString()));
        assertTrue(r.startsWith("0"), r);
        EdgeMaps a;
        EdgeMaps b;
        try (Hdf5XanesStack s = Hdf5XanesStack.open(plain)) {
            assertEquals(XanesLayout.TXM_SANDBOX_3D, s.layout());
            assertTrue(s.energyUnitNote().contains("keV -> eV"));
            assertEquals(2, s.preferredSlabDepth());
            a = Xanes.maps(s, OPT, 2, 1);
        }
        try (Hdf5XanesStack s = Hdf5XanesStack.open(gz)) {
            b = Xanes.maps(s, OPT, 1, 1L << 30);
        }
        assertEquals(a.edge50(), b.edge50());
        assertEquals(a.whiteline(), b.whiteline());
        assertEquals(5 * 7 * 9, a.counts().valid(), a.counts().toString());
    }

    /**
     * The slab reader that {@code Xanes.maps} uses (straight into a native-order buffer): every storage
     * variant h5py writes gives numpy's own values, bit for bit, for slabs of any depth and a plane
     * stride larger than the slab, whole planes or row ranges: little- and big-endian float32, contiguous,
     * chunks that are exactly a slab's box (read in one call), chunks of whole rows read in part (one
     * read per energy and z run), chunks that cut rows and columns, and gzip chunks.
     */
    @Test
    void slabReadsIntoABufferGiveNumpysValuesForEveryStorageVariant() throws Exception {
        Path py = Path.of("/usr/bin/python3");
        Assumptions.assumeTrue(Files.isExecutable(py) && run(List.of(py.toString(), "-c", "import h5py, numpy")).startsWith("0"),
                "SKIP: /usr/bin/python3 with h5py and numpy not available");
        String script = "import h5py, numpy as np, sys\n"
                + "d = sys.argv[1]\n"
                + "e = np.linspace(8250, 8600, 13)\n"
                + "mu = np.random.default_rng(7).standard_normal((13, 6, 7, 9)).astype('f4')\n"
                + "mu[3, 2, 1, 4] = np.nan\n"
                + "mu.astype('<f4').tofile(d + '/oracle.f32')\n"
                + "for name, dt, ch, comp in (('le-contig', '<f4', None, None), ('be-contig', '>f4', None, None),\n"
                + "        ('le-box', '<f4', (13, 2, 7, 9), None), ('be-box', '>f4', (13, 2, 7, 9), None),\n"
                + "        ('le-cut', '<f4', (5, 4, 3, 4), None), ('be-cut', '>f4', (13, 1, 4, 5), None), ('gz', '<f4', (13, 2, 7, 9), 'gzip')):\n"
                + "    with h5py.File(d + '/' + name + '.h5', 'w') as f:\n"
                + "        f.create_dataset('img_xanes', data=mu.astype(dt), chunks=ch, compression=comp)\n"
                + "        f.create_dataset('X_eng', data=e / 1000.0)\n";
        String r = run(List.of(py.toString(), "-c", script, dir.toString()));
        assertTrue(r.startsWith("0"), r);
        java.nio.FloatBuffer oracle = java.nio.ByteBuffer.wrap(Files.readAllBytes(dir.resolve("oracle.f32")))
                .order(java.nio.ByteOrder.LITTLE_ENDIAN).asFloatBuffer();
        int ne = 13;
        int nz = 6;
        int ny = 7;
        int nx = 9;
        for (String name : List.of("le-contig", "be-contig", "le-box", "be-box", "le-cut", "be-cut", "gz")) {
            try (Hdf5XanesStack s = Hdf5XanesStack.open(dir.resolve(name + ".h5"))) {
                // whole planes, and row ranges (y0, dy) that start and end inside storage chunks
                for (int[] rows : new int[][] {{0, ny}, {2, 3}, {5, 2}}) {
                    int y0 = rows[0];
                    int dy = rows[1];
                    for (int dz : new int[] {1, 2, 4}) {
                        int stride = dz * dy * nx + 3;
                        java.nio.ByteBuffer slab = java.nio.ByteBuffer.allocateDirect(4 * ne * stride).order(java.nio.ByteOrder.nativeOrder());
                        for (int z0 = 0; z0 < nz; z0 += dz) {
                            int d = Math.min(dz, nz - z0);
                            s.read(z0, d, y0, dy, slab, stride);
                            for (int e = 0; e < ne; e++) {
                                for (int i = 0; i < d * dy * nx; i++) {
                                    int z = z0 + i / (dy * nx);
                                    int y = y0 + (i / nx) % dy;
                                    float want = oracle.get(((e * nz + z) * ny + y) * nx + i % nx);
                                    float got = slab.getFloat(4 * (e * stride + i));
                                    assertEquals(Float.floatToRawIntBits(want), Float.floatToRawIntBits(got),
                                            name + " slab z " + z0 + "+" + d + ", y " + y0 + "+" + dy + " energy " + e + " voxel " + i);
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    /** Runs a process and returns "exitcode\nstdout+stderr". */
    static String run(List<String> cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        byte[] b = p.getInputStream().readAllBytes();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            return "timeout";
        }
        return p.exitValue() + "\n" + new String(b, StandardCharsets.UTF_8);
    }

    /** float64 stacks take jhdf's generic slice path; the values must match the float32 fast paths. */
    @Test
    void float64StacksReadLikeFloat32() throws IOException {
        double[] e = energies();
        float[][][][] vol = stack(e, 3, 4, 5);
        double[][][][] dbl = new double[e.length][3][4][5];
        for (int i = 0; i < e.length; i++) {
            for (int z = 0; z < 3; z++) {
                for (int y = 0; y < 4; y++) {
                    for (int x = 0; x < 5; x++) {
                        dbl[i][z][y][x] = vol[i][z][y][x];
                    }
                }
            }
        }
        Path f = dir.resolve("f64.h5");
        try (WritableHdfFile w = HdfFile.write(f)) {
            w.putDataset("img_xanes", dbl);
            w.putDataset("X_eng", e);
        }
        Path chunked = dir.resolve("f32c.h5");
        Hdf5XanesStackWriter.write(chunked, XanesLayout.NSLS2_FXI, e, vol, true, 2);
        Path contiguous = dir.resolve("f32.h5");
        Hdf5XanesStackWriter.write(contiguous, XanesLayout.NSLS2_FXI, e, vol, true, 0);
        float[][] a = new float[e.length][2 * 2 * 5];
        float[][] b = new float[e.length][2 * 2 * 5];
        float[][] c = new float[e.length][2 * 2 * 5];
        try (Hdf5XanesStack s1 = Hdf5XanesStack.open(f); Hdf5XanesStack s2 = Hdf5XanesStack.open(chunked);
             Hdf5XanesStack s3 = Hdf5XanesStack.open(contiguous)) {
            s1.read(1, 2, 1, 2, a);
            s2.read(1, 2, 1, 2, b);
            s3.read(1, 2, 1, 2, c);
        }
        for (int i = 0; i < e.length; i++) {
            assertArrayEquals(a[i], b[i]);
            assertArrayEquals(a[i], c[i]);
        }
        assertEquals(vol[5][2][2][3], a[5][(1 * 2 + 1) * 5 + 3]);
    }

    @Test
    void outputAppearsOnlyWhenComplete() throws IOException {
        Path out = dir.resolve("never.h5");
        double[] e = energies();
        EdgeMaps maps = Xanes.maps(StackSource.inMemory(e, stack(e, 1, 3, 3), false), OPT);
        Map<String, String> bad = new java.util.HashMap<>();
        bad.put(null, "x"); // a writer failure in the middle
        assertThrows(RuntimeException.class, () -> Hdf5MapFile.write(out, maps, bad));
        assertFalse(Files.exists(out));
        try (var files = Files.list(dir)) {
            assertEquals(0, files.filter(p -> p.getFileName().toString().startsWith(".never")).count(), "no temporary left");
        }
    }

    @Test
    void badFilesAreNamed() throws IOException {
        double[] e = energies();
        // missing datasets
        Path empty = dir.resolve("empty.h5");
        try (WritableHdfFile w = HdfFile.write(empty)) {
            w.putDataset("something", new double[] {1, 2});
        }
        DataFormatException x = assertThrows(DataFormatException.class, () -> Hdf5XanesStack.open(empty));
        assertTrue(x.getMessage().contains("empty.h5") && x.getMessage().contains("/img_xanes") && x.getMessage().contains("/something"),
                x.getMessage());
        // overriding the paths works, and a wrong override names the dataset
        Path custom = dir.resolve("custom.h5");
        try (WritableHdfFile w = HdfFile.write(custom)) {
            WritableGroup g = w.putGroup("scan");
            g.putDataset("stack", stack(e, 1, 2, 3)[0].length == 1 ? flat2d(stack(e, 1, 2, 3)) : null);
            g.putDataset("eV", e);
        }
        try (Hdf5XanesStack s = Hdf5XanesStack.open(custom, "/scan/stack", "/scan/eV")) {
            assertEquals(XanesLayout.CUSTOM, s.layout());
            assertEquals("energies in eV as stored", s.energyUnitNote());
        }
        DataFormatException y = assertThrows(DataFormatException.class, () -> Hdf5XanesStack.open(custom, "/scan/nope", "/scan/eV"));
        assertTrue(y.getMessage().contains("/scan/nope"), y.getMessage());
        // duplicate / non-monotonic energies, length mismatch
        double[] dup = e.clone();
        dup[10] = dup[9];
        Path d = fxiRaw("dup.h5", dup, flat2d(stack(e, 1, 2, 3)));
        DataFormatException z = assertThrows(DataFormatException.class, () -> Hdf5XanesStack.open(d));
        assertTrue(z.getMessage().contains("/X_eng") && z.getMessage().contains("index 10") && z.getMessage().contains("duplicate"), z.getMessage());
        double[] shortE = java.util.Arrays.copyOf(e, e.length - 1);
        Path m = fxiRaw("mismatch.h5", shortE, flat2d(stack(e, 1, 2, 3)));
        DataFormatException w = assertThrows(DataFormatException.class, () -> Hdf5XanesStack.open(m));
        assertTrue(w.getMessage().contains("energy images") && w.getMessage().contains(String.valueOf(e.length - 1)), w.getMessage());
        double[] nanE = e.clone();
        nanE[3] = Double.NaN;
        Path n = fxiRaw("nan.h5", nanE, flat2d(stack(e, 1, 2, 3)));
        assertTrue(assertThrows(DataFormatException.class, () -> Hdf5XanesStack.open(n)).getMessage().contains("index 3"));
        // not HDF5
        Path txt = dir.resolve("text.h5");
        Files.writeString(txt, "hello");
        assertThrows(DataFormatException.class, () -> Hdf5XanesStack.open(txt));
        assertThrows(DataFormatException.class, () -> Hdf5XanesStack.open(dir.resolve("missing.h5")));
        // windows outside the stack's range name the window and the range
        Path ok = dir.resolve("ok.h5");
        Hdf5XanesStackWriter.write(ok, XanesLayout.NSLS2_FXI, e, stack(e, 1, 2, 3), false, 0);
        try (Hdf5XanesStack s = Hdf5XanesStack.open(ok)) {
            IllegalArgumentException v = assertThrows(IllegalArgumentException.class,
                    () -> Xanes.maps(s, OPT.withPostEdge(new EnergyWindow(8700, 8800))));
            assertTrue(v.getMessage().contains("post-edge window"), v.getMessage());
        }
    }

    private Path fxiRaw(String name, double[] energiesKevOrEv, float[][][] stack) throws IOException {
        Path p = dir.resolve(name);
        try (WritableHdfFile w = HdfFile.write(p)) {
            w.putDataset("img_xanes", stack);
            w.putDataset("X_eng", energiesKevOrEv);
        }
        return p;
    }

    private static float[][][] flat2d(float[][][][] s) {
        float[][][] o = new float[s.length][][];
        for (int i = 0; i < s.length; i++) {
            o[i] = s[i][0];
        }
        return o;
    }
}
