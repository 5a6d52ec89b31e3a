package org.cathodekit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.cathodekit.core.JsonOutput;
import org.cathodekit.io.Hdf5MapFile;
import org.cathodekit.xanes.VoxelMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code xanes diff --register} on a planted pair: map B is map A's particle moved by a sub-voxel
 * shift with every energy raised by a planted 0.5 eV (a uniform SoC change). Registered, the
 * difference is 0.5 eV everywhere inside both particles; unregistered, the internal texture does not
 * cancel.
 */
class XanesDiffRegisterTest {

    @TempDir
    static Path dir;
    static Path a;
    static Path b;
    static final double[] MOVE = {3.4, -2.6}; // [y, x] voxels
    static final double PLANTED_CHANGE_EV = 0.5;
    static final int N = 72;
    static final double R = 24;

    /** Edge energy at a position relative to the particle centre: a radial gradient plus a texture. */
    static double edge(double y, double x) {
        return 8343 + 0.02 * Math.hypot(y, x) + 0.4 * Math.sin(y / 3.0) * Math.cos(x / 4.0);
    }

    static float[][] map(double dy, double dx, double offset) {
        float[][] m = new float[N][N];
        double c = (N - 1) / 2.0;
        for (int y = 0; y < N; y++) {
            for (int x = 0; x < N; x++) {
                double ry = y - c - dy;
                double rx = x - c - dx;
                m[y][x] = Math.hypot(ry, rx) <= R ? (float) (edge(ry, rx) + offset) : Float.NaN;
            }
        }
        return m;
    }

    @BeforeAll
    static void write() throws Exception {
        a = dir.resolve("a.h5");
        b = dir.resolve("b.h5");
        Hdf5MapFile.writeMaps(a, List.of(VoxelMap.of2d("whiteline", "eV", map(0, 0, 0))), Map.of("origin", "test"));
        Hdf5MapFile.writeMaps(b, List.of(VoxelMap.of2d("whiteline", "eV", map(MOVE[0], MOVE[1], PLANTED_CHANGE_EV))),
                Map.of("origin", "test"));
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(new PrintWriter(out), new PrintWriter(err), args);
        assertEquals(0, code, err.toString());
        return (Map<String, Object>) JsonOutput.parse(out.toString().trim());
    }

    @Test
    void registeredDifferenceRecoversThePlantedChange() {
        Map<String, Object> raw = run("xanes", "diff", "--a", a.toString(), "--b", b.toString(), "--json");
        Map<String, Object> reg = run("xanes", "diff", "--a", a.toString(), "--b", b.toString(), "--register", "--json");
        assertEquals(Boolean.FALSE, raw.get("registered"));
        assertEquals(Boolean.TRUE, reg.get("registered"));
        List<?> s = (List<?>) reg.get("shift_vox");
        assertEquals(-MOVE[0], ((Number) s.get(0)).doubleValue(), 0.1);
        assertEquals(-MOVE[1], ((Number) s.get(1)).doubleValue(), 0.1);
        double median = ((Number) reg.get("median_eV")).doubleValue();
        // trilinear interpolation of the smooth texture: error << 0.05 eV
        assertEquals(PLANTED_CHANGE_EV, median, 0.02);
        double stdReg = ((Number) reg.get("std_eV")).doubleValue();
        double stdRaw = ((Number) raw.get("std_eV")).doubleValue();
        assertTrue(stdReg < stdRaw / 5, "std registered " + stdReg + " vs unregistered " + stdRaw);
        assertTrue(String.valueOf(reg.get("note")).contains("shift_vox"));
    }

    /** The written difference map is readable again by the library (it was not: attribute-only provenance group). */
    @Test
    void differenceMapFileReadsBack() throws Exception {
        Path out = dir.resolve("d.h5");
        run("xanes", "diff", "--a", a.toString(), "--b", b.toString(), "--register", "--out", out.toString(), "--json");
        VoxelMap d = Hdf5MapFile.readMap(out, "difference");
        assertEquals(N, d.width());
        Map<String, Object> hist = run("xanes", "hist", "--maps", out.toString(), "--dataset", "difference", "--json");
        assertTrue(hist.toString().contains("count"), hist.toString());
    }
}
