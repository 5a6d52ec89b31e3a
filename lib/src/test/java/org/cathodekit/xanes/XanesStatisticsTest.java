package org.cathodekit.xanes;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

class XanesStatisticsTest {

    static VoxelMap gaussianMap(String name, double mean, double sigma, int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        float[][] v = new float[n][n];
        for (int y = 0; y < n; y++) {
            for (int x = 0; x < n; x++) {
                v[y][x] = (float) (mean + sigma * TestSpectra.gaussian(r));
            }
        }
        v[0][0] = Float.NaN;
        return VoxelMap.of2d(name, "eV", v);
    }

    @Test
    void summaryMatchesANaiveComputation() {
        float[][] v = {{1, 2, Float.NaN}, {4, 10, 3}};
        Summary s = XanesStatistics.summary(VoxelMap.of2d("m", "eV", v));
        assertEquals(5, s.count());
        assertEquals(4.0, s.mean(), 1e-12);
        assertEquals(3.0, s.median(), 0);
        // R 4.3: sd(c(1,2,4,10,3)) = 3.535534
        assertEquals(3.5355339, s.std(), 1e-6);
        assertEquals(1.0, s.min());
        assertEquals(10.0, s.max());
        float[][] even = {{1, 2, 3, 10}};
        assertEquals(2.5, XanesStatistics.summary(VoxelMap.of2d("m", "eV", even)).median(), 0);
        float[][] none = {{Float.NaN}};
        assertEquals(0, XanesStatistics.summary(VoxelMap.of2d("m", "eV", none)).count());
    }

    @Test
    void sharedBinsAndGaussianFwhm() {
        VoxelMap a = gaussianMap("pristine", 8343.2, 0.5, 300, 1);
        VoxelMap b = gaussianMap("charged", 8344.4, 0.4, 300, 2);
        HistogramSet h = XanesStatistics.histograms(List.of(a, b), 0.05);
        double[] edges = h.edges();
        assertEquals(0.05, h.binWidth(), 1e-9);
        assertEquals(0.0, Math.IEEEremainder(edges[0], 0.05), 1e-9, "edges at multiples of the width");
        long total = 0;
        for (long c : h.datasets().get(0).counts()) {
            total += c;
        }
        assertEquals(300 * 300 - 1, total, "every finite voxel lands in a bin");
        // FWHM of a Gaussian = 2 sqrt(2 ln 2) sigma = 2.3548 sigma; 90 k samples, 0.05 eV bins: within 4 %
        assertEquals(2.3548 * 0.5, h.datasets().get(0).fwhm(), 0.04 * 1.18);
        assertEquals(2.3548 * 0.4, h.datasets().get(1).fwhm(), 0.04 * 0.94);
        assertEquals(1.2, h.datasets().get(1).summary().mean() - h.datasets().get(0).summary().mean(), 0.01);
        HistogramSet fixed = XanesStatistics.histograms(List.of(a), 8340, 8346, 60);
        assertEquals(61, fixed.edges().length);
        assertEquals(8340.0, fixed.edges()[0]);
    }

    @Test
    void fwhmOfATriangleIsExact() {
        double[] edges = {0, 1, 2, 3, 4, 5};
        long[] counts = {0, 2, 4, 2, 0};
        // centres 0.5..4.5; half max 2 reached exactly at centres 1.5 and 3.5
        assertEquals(2.0, XanesStatistics.fwhm(edges, counts), 1e-12);
    }

    @Test
    void differenceIsBMinusAWithNanPropagation() {
        float[][] a = {{1, 2}, {Float.NaN, 4}};
        float[][] b = {{1.5f, 1}, {3, Float.NaN}};
        VoxelMap d = XanesStatistics.difference(VoxelMap.of2d("a", "eV", a), VoxelMap.of2d("b", "eV", b));
        assertArrayEquals(new float[] {0.5f, -1f}, d.row(0, 0));
        assertTrue(Float.isNaN(d.get(0, 1, 0)) && Float.isNaN(d.get(0, 1, 1)));
        IllegalArgumentException x = assertThrows(IllegalArgumentException.class,
                () -> XanesStatistics.difference(VoxelMap.of2d("a", "eV", a), VoxelMap.of2d("c", "eV", new float[][] {{1, 2, 3}})));
        assertTrue(x.getMessage().contains("co-registered"), x.getMessage());
    }

    @Test
    void valenceCalibrationIsLinearThroughTheReferences() {
        ValenceCalibration c = new ValenceCalibration(8342.0, 2.0, 8344.0, 3.0);
        assertEquals(2.0, c.valence(8342.0), 1e-12);
        assertEquals(3.0, c.valence(8344.0), 1e-12);
        assertEquals(3.5, c.valence(8345.0), 1e-12);
        VoxelMap v = c.apply(VoxelMap.of2d("edge50", "eV", new float[][] {{8343f, Float.NaN}}));
        assertEquals(2.5f, v.get(0, 0, 0), 1e-6);
        assertTrue(Float.isNaN(v.get(0, 0, 1)));
        assertEquals("valence", v.unit());
        assertThrows(IllegalArgumentException.class, () -> new ValenceCalibration(8342, 2, 8342, 3));
        // shared bins refuse mixing eV and valence maps
        VoxelMap e = VoxelMap.of2d("edge50", "eV", new float[][] {{8343f}});
        IllegalArgumentException u = assertThrows(IllegalArgumentException.class, () -> XanesStatistics.histograms(List.of(e, v), 0.1));
        assertTrue(u.getMessage().contains("one unit") && u.getMessage().contains("valence"), u.getMessage());
    }

    @Test
    void emptyMapsAreReported() {
        VoxelMap empty = VoxelMap.of2d("edge50", "eV", new float[][] {{Float.NaN, Float.NaN}});
        IllegalArgumentException x = assertThrows(IllegalArgumentException.class, () -> XanesStatistics.histograms(List.of(empty), 0.1));
        assertTrue(x.getMessage().contains("no finite voxel"), x.getMessage());
    }
}
