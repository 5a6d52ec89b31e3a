package org.cathodekit.xanes;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Streaming maps: planted truth, status accounting, thread- and slab-independence. */
class XanesMapsTest {
    static final double[] E = TestSpectra.grid();

    @Test
    void mapsMatchSingleSpectraAndCountStatuses() throws IOException {
        int ny = 24;
        int nx = 30;
        float[][][] s = TestSpectra.stack2d(E, ny, nx, 8343.2, 8344.4, 0.01, 7);
        // one non-finite voxel and one all-zero voxel inside the particle
        s[10][5][5] = Float.NaN;
        for (float[][] img : s) {
            img[6][6] = 0f;
        }
        EdgeMaps m = Xanes.maps(StackSource.inMemory(E, s), TestSpectra.OPTIONS, 2, 1 << 16);
        assertEquals(ny * nx, m.counts().voxels());
        int border = 2 * nx + 2 * (ny - 2);
        assertEquals(border + 1, m.counts().masked(), "background border + the all-zero voxel are masked");
        assertEquals(1, m.counts().nonFinite());
        assertTrue(VoxelStatus.NON_FINITE.isSet(m.status().get(0, 5, 5)));
        assertTrue(Float.isNaN(m.edge50().get(0, 5, 5)));
        // every voxel equals the single-spectrum result (float rounding of the stored map)
        for (int y = 0; y < ny; y++) {
            for (int x = 0; x < nx; x++) {
                double[] mu = new double[E.length];
                for (int i = 0; i < E.length; i++) {
                    mu[i] = s[i][y][x];
                }
                SpectrumMetrics one = Xanes.spectrum(E, mu, TestSpectra.OPTIONS);
                assertEquals((float) one.edge50Ev(), m.edge50().get(0, y, x), 0.0);
                assertEquals((float) one.whitelineEv(), m.whiteline().get(0, y, x), 0.0);
            }
        }
        // planted: left half 8343.2, right half 8344.4 (noise-free edge50 of this model is 0.21 eV low for both)
        Summary left = XanesStatistics.summary(crop(m.edge50(), 1, nx / 2));
        Summary right = XanesStatistics.summary(crop(m.edge50(), nx / 2, nx - 1));
        // tolerance: grid interpolation (0.02 eV, see XanesSpectrumTest.GRID_INTERPOLATION_EV) + 4 standard errors of
        // the difference of two ~300-pixel means at 1 % noise (~0.0025 eV each)
        assertEquals(1.2, right.mean() - left.mean(), XanesSpectrumTest.GRID_INTERPOLATION_EV + 0.01);
    }

    private static VoxelMap crop(VoxelMap m, int x0, int x1) {
        float[][] c = new float[m.height()][x1 - x0];
        for (int y = 0; y < m.height(); y++) {
            System.arraycopy(m.row(0, y), x0, c[y], 0, x1 - x0);
        }
        return VoxelMap.of2d(m.name(), m.unit(), c);
    }

    @Test
    void identicalBitsForAnyThreadCountAndSlabSize() throws IOException {
        float[][][][] vol = new float[E.length][5][][];
        for (int z = 0; z < 5; z++) {
            float[][][] s = TestSpectra.stack2d(E, 20, 17, 8343.0 + 0.3 * z, 8344.0, 0.02, 100 + z);
            for (int i = 0; i < E.length; i++) {
                vol[i][z] = s[i];
            }
        }
        StackSource src = StackSource.inMemory(E, vol, true);
        EdgeMaps one = Xanes.maps(src, TestSpectra.OPTIONS, 1, Long.MAX_VALUE / 4);
        EdgeMaps many = Xanes.maps(src, TestSpectra.OPTIONS, 4, 1); // one row of one z slice per slab
        EdgeMaps mid = Xanes.maps(src, TestSpectra.OPTIONS, 2, 20L * 17 * 2 * 4 * E.length);
        for (EdgeMaps other : List.of(many, mid)) {
            assertTrue(one.edge50().equals(other.edge50()));
            assertTrue(one.whiteline().equals(other.whiteline()));
            assertTrue(one.edgeJump().equals(other.edgeJump()));
            assertArrayEquals(flatten(one.status().toArray()), flatten(other.status().toArray()));
            assertEquals(one.counts(), other.counts());
        }
        assertEquals(5, one.edge50().depth());
    }

    @Test
    void twoDimensionalStacksStreamByRows() throws IOException {
        float[][][] s = TestSpectra.stack2d(E, 50, 40, 8343.2, 8343.2, 0.01, 5);
        EdgeMaps a = Xanes.maps(StackSource.inMemory(E, s), TestSpectra.OPTIONS, 2, 4L * E.length * 40 * 3);
        EdgeMaps b = Xanes.maps(StackSource.inMemory(E, s), TestSpectra.OPTIONS, 1, Long.MAX_VALUE / 4);
        assertTrue(a.edge50().equals(b.edge50()));
        assertEquals(1, a.edge50().depth());
    }

    @Test
    void whitelineOnlyMapsHaveNoEdgeDatasets() throws IOException {
        float[][][] s = TestSpectra.stack2d(E, 6, 6, 8343.2, 8343.2, 0.0, 5);
        EdgeMaps m = Xanes.maps(StackSource.inMemory(E, s), EdgeOptions.DEFAULTS.withEdgeWindows(null, null, null)
                .withWhiteline(new EnergyWindow(8343, 8357)));
        assertEquals(null, m.edge50());
        assertEquals(null, m.edgeJump());
        assertEquals(0, m.counts().masked());
    }

    private static byte[] flatten(byte[][][] a) {
        int n = a.length * a[0].length * a[0][0].length;
        byte[] f = new byte[n];
        int k = 0;
        for (byte[][] s : a) {
            for (byte[] r : s) {
                for (byte b : r) {
                    f[k++] = b;
                }
            }
        }
        return f;
    }
}
