package org.cathodekit.gradient;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.cathodekit.core.Plausibility;
import org.junit.jupiter.api.Test;

/**
 * The streamed 3D model against the in-memory one (the oracle: today's path, itself checked against
 * analytic fields and a naive reference in {@link ValenceGradientTest}): every component of the
 * result bit for bit, for every merge, slab depth (1 plane up to the whole volume), thread count and
 * for volumes that take the in-memory fallback.
 */
class VolumeStreamTest {

    /** An ellipsoidal particle in an odd, non-cubic grid (no axis a multiple of 2 or 3), with holes, near 8340 eV. */
    static float[] particle(int nz, int ny, int nx, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        float[] v = new float[nz * ny * nx];
        for (int z = 0; z < nz; z++) {
            for (int y = 0; y < ny; y++) {
                for (int x = 0; x < nx; x++) {
                    double dz = (z - nz / 2.0) / (0.45 * nz);
                    double dy = (y - ny / 2.0) / (0.45 * ny);
                    double dx = (x - nx / 2.0) / (0.45 * nx);
                    double rr = dx * dx + dy * dy + dz * dz;
                    boolean hole = r.nextDouble() < 0.005;
                    v[(z * ny + y) * nx + x] = rr <= 1 && !hole
                            ? (float) (8340 + 3 * rr + 0.4 * Math.sin(0.7 * x + 0.3 * y) + 0.05 * r.nextGaussian()) : Float.NaN;
                }
            }
        }
        return v;
    }

    /** Reads planes out of an array, counting how often each plane was asked for and checking increasing z per pass. */
    static final class ArrayPlanes implements PlaneReader {
        final float[] v;
        final int plane;
        final int[] reads;
        int last = -1;
        int passes = 1;

        ArrayPlanes(float[] v, int nz, int plane) {
            this.v = v;
            this.plane = plane;
            this.reads = new int[nz];
        }

        @Override
        public void read(int z0, int planes, float[] dst, int offset) {
            if (z0 <= last) {
                passes++;
            }
            for (int z = z0; z < z0 + planes; z++) {
                reads[z]++;
            }
            last = z0 + planes - 1;
            System.arraycopy(v, z0 * plane, dst, offset, planes * plane);
        }
    }

    static void assertSame(ThetaStatistics a, ThetaStatistics b, String what) {
        assertEquals(a.model(), b.model(), what);
        assertEquals(a.options(), b.options(), what);
        assertEquals(Double.doubleToLongBits(a.unitSpacingNm()), Double.doubleToLongBits(b.unitSpacingNm()), what);
        assertArrayEquals(a.unitsShape(), b.unitsShape(), what);
        assertEquals(a.validUnits(), b.validUnits(), what);
        assertArrayEquals(a.centreUnits(), b.centreUnits(), what);
        assertEquals(a.interiorUnits(), b.interiorUnits(), what);
        assertEquals(a.vectors(), b.vectors(), what);
        assertEquals(a.droppedZero(), b.droppedZero(), what);
        assertArrayEquals(a.thetaDensityPerDeg(), b.thetaDensityPerDeg(), what);
        assertArrayEquals(a.weightedThetaDensityPerDeg(), b.weightedThetaDensityPerDeg(), what);
        assertArrayEquals(a.referenceDensityPerDeg(), b.referenceDensityPerDeg(), what);
        assertEquals(Double.doubleToLongBits(a.meanAbsCos()), Double.doubleToLongBits(b.meanAbsCos()), what);
        assertEquals(Double.doubleToLongBits(a.tangentialIndex()), Double.doubleToLongBits(b.tangentialIndex()), what);
        assertArrayEquals(a.groupCounts(), b.groupCounts(), what);
        assertArrayEquals(a.groupMeanSizeEvPerNm(), b.groupMeanSizeEvPerNm(), what);
        assertArrayEquals(a.sizeBinEdgesEvPerNm(), b.sizeBinEdgesEvPerNm(), what);
        long[][] ga = a.groupSizeCounts();
        long[][] gb = b.groupSizeCounts();
        for (int g = 0; g < ga.length; g++) {
            assertArrayEquals(ga[g], gb[g], what + ", size histogram of group " + g);
        }
        assertEquals(a.warnings(), b.warnings(), what);
    }

    static <T> T withThreads(String threads, java.util.concurrent.Callable<T> task) throws Exception {
        String old = System.getProperty("cathodekit.threads");
        System.setProperty("cathodekit.threads", threads);
        try {
            return task.call();
        } finally {
            if (old == null) {
                System.clearProperty("cathodekit.threads");
            } else {
                System.setProperty("cathodekit.threads", old);
            }
        }
    }

    @Test
    void bitIdenticalToTheInMemoryModelForEveryMergeSlabAndThreadCount() throws Exception {
        int nz = 37;
        int ny = 31;
        int nx = 29;
        float[] v = particle(nz, ny, nx, 5);
        for (int b = 1; b <= 3; b++) {
            GradientOptions o = GradientOptions.DEFAULTS.withMerge(b);
            ThetaStatistics memory = withThreads("1", () -> ValenceGradient.volume(v, nz, ny, nx, o));
            assertTrue(memory.vectors() > (b == 3 ? 30 : 200), "b = " + b + ": " + memory.vectors() + " vectors");
            for (String threads : new String[] {"1", "2", "3"}) {
                for (int slab : new int[] {1, 2, 3, 5, 7, 11, nz, 0}) {
                    ArrayPlanes src = new ArrayPlanes(v, nz, ny * nx);
                    ThetaStatistics s = withThreads(threads, () -> VolumeStream.volume(src, nz, ny, nx, 1, o, slab));
                    String what = "b = " + b + ", slab " + slab + ", " + threads + " threads";
                    assertSame(memory, s, what);
                    assertEquals(2, src.passes, what);
                    for (int z = 0; z < nz; z++) {
                        assertTrue(src.reads[z] >= 1 && src.reads[z] <= 2, what + ": plane " + z + " read " + src.reads[z] + " times");
                    }
                }
            }
        }
    }

    @Test
    void chunkAlignedSlabsGiveTheSameResult() throws Exception {
        int nz = 26;
        float[] v = particle(nz, 21, 20, 9);
        for (int b = 1; b <= 3; b++) {
            GradientOptions o = GradientOptions.DEFAULTS.withMerge(b);
            ThetaStatistics memory = ValenceGradient.volume(v, nz, 21, 20, o);
            for (int align : new int[] {2, 5, 8, 64}) {
                int s = VolumeStream.slabDepth(nz, 21 * 20, b, align, 0);
                assertEquals(0, s % b, "slab of whole merge blocks");
                ThetaStatistics st = ValenceGradient.volume(new ArrayPlanes(v, nz, 21 * 20), nz, 21, 20, align, o);
                assertSame(memory, st, "b = " + b + ", chunk depth " + align);
            }
        }
        assertEquals(12, VolumeStream.slabDepth(100, 1 << 20, 3, 4, 0), "4 MB planes: 16 MB -> 4 planes, rounded to lcm(3, 4)");
        assertEquals(6, VolumeStream.slabDepth(100, 1 << 20, 2, 3, 5), "an explicit depth rounds up to a multiple of lcm(2, 3)");
    }

    /** Corrupted values (what flipped bytes did in the reliability run) make the streamed path screen in memory, with the warning. */
    @Test
    void implausibleValuesFallBackToTheScreenedInMemoryModel() throws Exception {
        int nz = 24;
        int ny = 22;
        int nx = 21;
        float[] clean = particle(nz, ny, nx, 7);
        List<float[]> bad = new ArrayList<>();
        float[] huge = clean.clone();
        huge[(12 * ny + 11) * nx + 10] = 3e26f;
        bad.add(huge);
        float[] inf = clean.clone();
        inf[(10 * ny + 10) * nx + 10] = Float.NEGATIVE_INFINITY;
        bad.add(inf);
        float[] far = clean.clone();
        far[(12 * ny + 12) * nx + 12] = 20000f; // within 1e6 but 11.7 keV from the median: flagged by the IQR rule
        bad.add(far);
        float[] wide = clean.clone();
        wide[(12 * ny + 12) * nx + 12] = 8900f; // 560 eV away: not flagged, but past what pass 1 can prove
        bad.add(wide);
        for (float[] v : bad) {
            for (int b = 1; b <= 2; b++) {
                GradientOptions o = GradientOptions.DEFAULTS.withMerge(b);
                ThetaStatistics memory = ValenceGradient.volume(v, nz, ny, nx, o);
                assertEquals(v == wide ? 0 : 1, memory.warnings().size(), memory.warnings().toString());
                ArrayPlanes src = new ArrayPlanes(v, nz, ny * nx);
                ThetaStatistics s = VolumeStream.volume(src, nz, ny, nx, 1, o, 5);
                assertSame(memory, s, "fallback, b = " + b);
                assertEquals(2, src.passes);
            }
        }
    }

    /** The proof that the screen flags nothing, against the screen itself on maps spanning up to and past the bound. */
    @Test
    void theNoFlagProofAgreesWithThePlausibilityScreen() {
        SplittableRandom r = new SplittableRandom(3);
        int proven = 0;
        for (int t = 0; t < 400; t++) {
            double centre = switch (t % 4) {
                case 0 -> 8340;
                case 1 -> 0;
                case 2 -> -50;
                default -> 1e-4 * r.nextDouble();
            };
            double span = Math.pow(10, -4 + 7 * r.nextDouble());
            float[] m = new float[2000];
            float lo = Float.POSITIVE_INFINITY;
            float hi = Float.NEGATIVE_INFINITY;
            for (int i = 0; i < m.length; i++) {
                // mostly a tight cluster (small IQR), a few values spread over the whole span
                double dev = i % 50 == 0 ? span * (r.nextDouble() - 0.5) : 1e-3 * span * r.nextGaussian();
                m[i] = (float) Math.max(-1e6, Math.min(1e6, centre + dev));
                lo = Math.min(lo, m[i]);
                hi = Math.max(hi, m[i]);
            }
            if (VolumeStream.screenFlagsNothing(lo, hi)) {
                proven++;
                assertEquals(0, Plausibility.screenMap(m, "eV").flagged(), "span " + span + " around " + centre);
            }
        }
        assertTrue(proven > 50 && proven < 400, proven + " of 400 maps proven clean: both outcomes must be exercised");
        assertTrue(VolumeStream.screenFlagsNothing(8330f, 8370f), "a particle's 40 eV span at the Ni K edge");
        assertFalse(VolumeStream.screenFlagsNothing(8000f, 8500f), "500 eV at 8.3 keV exceeds half the 834 eV bound");
        assertTrue(VolumeStream.screenFlagsNothing(Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY), "no finite value");
    }

    @Test
    void badInputGivesTheInMemoryMessages() {
        int n = 12;
        float[] nan = new float[n * n * n];
        java.util.Arrays.fill(nan, Float.NaN);
        for (float[] v : new float[][] {nan, particle(n, n, 2, 1)}) {
            int nx = v.length / (n * n);
            GradientOptions o = GradientOptions.DEFAULTS.withMerge(nx == 2 ? 1 : 2);
            IllegalArgumentException memory = assertThrows(IllegalArgumentException.class, () -> ValenceGradient.volume(v, n, n, nx, o));
            IllegalArgumentException streamed = assertThrows(IllegalArgumentException.class,
                    () -> VolumeStream.volume(new ArrayPlanes(v, n, n * nx), n, n, nx, 1, o, 3));
            assertEquals(memory.getMessage(), streamed.getMessage());
        }
        assertThrows(IllegalArgumentException.class, () -> ValenceGradient.volume((PlaneReader) null, 4, 4, 4, 1, GradientOptions.DEFAULTS));
        PlaneReader failing = (z0, planes, dst, offset) -> {
            throw new IOException("disk gone at plane " + z0);
        };
        IOException e = assertThrows(IOException.class, () -> ValenceGradient.volume(failing, 8, 8, 8, 1, GradientOptions.DEFAULTS));
        assertTrue(e.getMessage().contains("plane 0"), e.getMessage());
    }
}
