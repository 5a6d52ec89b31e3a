package org.cathodekit.xanes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/**
 * The block kernel ({@link EdgeBlockKernel}, what {@link Xanes#maps} runs) against the per-voxel
 * reference ({@link EdgeKernel#analyse}): every map value and status byte bit-identical (raw float
 * bits, so even NaN payloads), for every white-line fit and rule, on a volume with planted bad voxels,
 * for several thread counts and slab sizes. The oracle is the reference kernel, which the other tests
 * check against planted truth and a naive implementation ({@code TestSpectra.naiveEdge50}).
 */
class EdgeBlockKernelTest {
    static final double[] E = TestSpectra.grid();
    /** 3 x 23 x 37 = 2553 voxels: not a multiple of the block (256) or chunk (4096) size; rows straddle blocks. */
    static final int NZ = 3;
    static final int NY = 23;
    static final int NX = 37;

    /** Kinds of planted voxel, chosen per voxel at random (seeded). */
    enum Planted { EDGE, NAN, INFINITE, IMPLAUSIBLE_MU, NO_EDGE, NEGATIVE_JUMP, EDGE_OUTSIDE_WINDOW, WHITELINE_SPIKE, NEGATIVE_MU, TINY_JUMP }

    /** A volume {@code [energy][z][y][x]} of planted spectra; also returns what was planted. */
    static float[][][][] plantedVolume(long seed, int[] counts) {
        SplittableRandom rnd = new SplittableRandom(seed);
        float[][][][] s = new float[E.length][NZ][NY][NX];
        Planted[] kinds = Planted.values();
        for (int z = 0; z < NZ; z++) {
            for (int y = 0; y < NY; y++) {
                for (int x = 0; x < NX; x++) {
                    // half the voxels ordinary edges, the rest spread over the bad kinds
                    Planted p = rnd.nextInt(2) == 0 ? Planted.EDGE : kinds[1 + rnd.nextInt(kinds.length - 1)];
                    counts[p.ordinal()]++;
                    double e0 = 8340 + 8 * rnd.nextDouble();
                    double jump = 0.3 + rnd.nextDouble();
                    double[] mu = TestSpectra.spectrum(E, e0, jump, 0.6, e0 + 6.5, 0.01, rnd);
                    int at = rnd.nextInt(E.length);
                    switch (p) {
                        case NAN -> mu[at] = Double.NaN;
                        case INFINITE -> mu[at] = rnd.nextBoolean() ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY;
                        case IMPLAUSIBLE_MU -> mu[at] = 2000 * (rnd.nextBoolean() ? 1 : -1);
                        case NO_EDGE -> mu = TestSpectra.spectrum(E, e0, 0, 0, e0, 0.02, rnd);
                        case NEGATIVE_JUMP -> mu = TestSpectra.spectrum(E, e0, -jump, 0.6, e0 + 6.5, 0.01, rnd);
                        case EDGE_OUTSIDE_WINDOW -> mu = TestSpectra.spectrum(E, 8372, jump, 0.6, 8378, 0.01, rnd);
                        case WHITELINE_SPIKE -> mu[indexNear(8350)] += 50 * jump;
                        case NEGATIVE_MU -> mu[indexNear(8349)] = -0.05;
                        case TINY_JUMP -> mu = TestSpectra.spectrum(E, e0, 0.02, 0.01, e0 + 6.5, 0.01, rnd);
                        default -> {
                        }
                    }
                    for (int i = 0; i < E.length; i++) {
                        s[i][z][y][x] = (float) mu[i];
                    }
                }
            }
        }
        return s;
    }

    private static int indexNear(double ev) {
        int best = 0;
        for (int i = 1; i < E.length; i++) {
            if (Math.abs(E[i] - ev) < Math.abs(E[best] - ev)) {
                best = i;
            }
        }
        return best;
    }

    static List<EdgeOptions> optionSets() {
        EdgeOptions base = TestSpectra.OPTIONS;
        return List.of(
                base,
                base.withWhitelineFit(WhitelineFit.CUBIC),
                base.withWhitelineFit(WhitelineFit.GAUSSIAN),
                base.withWhitelineFit(WhitelineFit.QUADRATIC_AT_MAXIMUM),
                base.withNormalisation(Normalisation.CONSTANT_STEP).withMinEdgeJump(0.1),
                base.withMinEdgeJump(0.25),
                base.withEdgeReferenceEv(8345).withAutoNoiseFactor(3),
                new EdgeOptions(null, null, null, base.whiteline(), Double.NaN, 5, Double.NaN, Normalisation.PRE_POST_LINES,
                        WhitelineFit.QUADRATIC, 3),
                new EdgeOptions(base.preEdge(), base.postEdge(), base.edge(), null, Double.NaN, 5, Double.NaN,
                        Normalisation.PRE_POST_LINES, WhitelineFit.QUADRATIC, 3));
    }

    @Test
    void blockKernelIsBitIdenticalToTheScalarReferenceOnPlantedBadVoxels() throws IOException {
        int[] counts = new int[Planted.values().length];
        StackSource src = StackSource.inMemory(E, plantedVolume(15, counts), true);
        for (int c : counts) {
            assertTrue(c > 50, "every planted kind present");
        }
        for (EdgeOptions o : optionSets()) {
            EdgeMaps reference = Xanes.maps(src, o, 1, Long.MAX_VALUE / 4, true);
            StatusCounts rc = reference.counts();
            // the planted bad kinds reach the statuses they should (else the comparison would prove little)
            assertTrue(rc.nonFinite() >= counts[Planted.NAN.ordinal()] + counts[Planted.INFINITE.ordinal()], o + ": " + rc);
            assertTrue(rc.implausible() >= counts[Planted.IMPLAUSIBLE_MU.ordinal()], o + ": " + rc);
            assertTrue(rc.valid() > NZ * NY * NX / 4, o + ": " + rc);
            if (o.hasEdge()) {
                assertTrue(rc.masked() >= counts[Planted.NEGATIVE_JUMP.ordinal()], o + ": " + rc);
                assertTrue(rc.noCrossing() > 0, o + ": " + rc);
            }
            for (int threads : new int[] {1, 2, 3, 5}) {
                // one row per slab, 5 rows per slab (row ranges of a plane, the last one short), 2 planes, everything
                for (long slab : new long[] {1, 4L * E.length * NX * 5, 4L * E.length * NY * NX * 2, Long.MAX_VALUE / 4}) {
                    EdgeMaps block = Xanes.maps(src, o, threads, slab, false);
                    String what = o + ", threads " + threads + ", slab " + slab;
                    assertSameBits(reference.edge50(), block.edge50(), what);
                    assertSameBits(reference.whiteline(), block.whiteline(), what);
                    assertSameBits(reference.edgeJump(), block.edgeJump(), what);
                    for (int z = 0; z < NZ; z++) {
                        for (int y = 0; y < NY; y++) {
                            for (int x = 0; x < NX; x++) {
                                assertEquals(reference.status().get(z, y, x), block.status().get(z, y, x), what + " status at " + z + "," + y + "," + x);
                            }
                        }
                    }
                    assertEquals(rc, block.counts(), what);
                }
            }
        }
    }

    /**
     * The kernels' double results, before the maps round them to float (a difference in the last bits
     * of a double, e.g. a fused multiply-add, would mostly vanish in the float maps): identical raw bits.
     */
    @Test
    void blockKernelGivesTheReferencesDoublesForEveryVoxel() {
        int[] counts = new int[Planted.values().length];
        float[][][][] s = plantedVolume(16, counts);
        int nv = NZ * NY * NX;
        float[][] planes = new float[E.length][nv];
        for (int e = 0; e < E.length; e++) {
            for (int z = 0; z < NZ; z++) {
                for (int y = 0; y < NY; y++) {
                    System.arraycopy(s[e][z][y], 0, planes[e], (z * NY + y) * NX, NX);
                }
            }
        }
        // the slab as Xanes.maps hands it to the kernel: one native-order buffer, planes nv floats apart
        java.nio.FloatBuffer slab = java.nio.ByteBuffer.allocateDirect(4 * E.length * nv).order(java.nio.ByteOrder.nativeOrder()).asFloatBuffer();
        for (int e = 0; e < E.length; e++) {
            slab.put(e * nv, planes[e]);
        }
        for (EdgeOptions o : optionSets()) {
            EdgeKernel reference = new EdgeKernel(E, o);
            EdgeBlockKernel block = new EdgeBlockKernel(reference);
            double[] e50 = new double[EdgeBlockKernel.BLOCK];
            double[] wl = new double[EdgeBlockKernel.BLOCK];
            double[] jump = new double[EdgeBlockKernel.BLOCK];
            byte[] status = new byte[EdgeBlockKernel.BLOCK];
            double[] mu = new double[E.length];
            double[] out = new double[3];
            int finiteResults = 0;
            for (int v0 = 0; v0 < nv; v0 += EdgeBlockKernel.BLOCK) {
                int n = Math.min(EdgeBlockKernel.BLOCK, nv - v0);
                block.analyse(slab, nv, v0, n, o.hasEdge() ? e50 : null, o.hasWhiteline() ? wl : null, o.hasEdge() ? jump : null, status);
                for (int v = 0; v < n; v++) {
                    for (int e = 0; e < E.length; e++) {
                        mu[e] = planes[e][v0 + v];
                    }
                    int st = reference.analyse(mu, out);
                    String at = o + ", voxel " + (v0 + v);
                    assertEquals(st, status[v], at);
                    if (o.hasEdge()) {
                        assertEquals(Double.doubleToRawLongBits(out[EdgeKernel.EDGE50]), Double.doubleToRawLongBits(e50[v]), at + " edge50");
                        assertEquals(Double.doubleToRawLongBits(out[EdgeKernel.JUMP]), Double.doubleToRawLongBits(jump[v]), at + " jump");
                        finiteResults += Double.isFinite(e50[v]) ? 1 : 0;
                    }
                    if (o.hasWhiteline()) {
                        assertEquals(Double.doubleToRawLongBits(out[EdgeKernel.WHITELINE]), Double.doubleToRawLongBits(wl[v]), at + " whiteline");
                        finiteResults += Double.isFinite(wl[v]) ? 1 : 0;
                    }
                }
            }
            assertTrue(finiteResults > nv / 4, o + ": too few valid voxels to prove much (" + finiteResults + ")");
        }
    }

    @Test
    void blockKernelIsBitIdenticalOnA2dStackWithRowsLongerThanABlock() throws IOException {
        // rows of 300 voxels: one block ends inside each row
        float[][][] s = TestSpectra.stack2d(E, 9, 300, 8343.2, 8344.4, 0.01, 5);
        s[7][4][299] = Float.NaN;
        s[20][5][256] = 5000f;
        StackSource src = StackSource.inMemory(E, s);
        for (EdgeOptions o : optionSets()) {
            EdgeMaps reference = Xanes.maps(src, o, 1, Long.MAX_VALUE / 4, true);
            EdgeMaps block = Xanes.maps(src, o, 2, 4L * E.length * 300 * 2, false);
            assertSameBits(reference.edge50(), block.edge50(), o.toString());
            assertSameBits(reference.whiteline(), block.whiteline(), o.toString());
            assertSameBits(reference.edgeJump(), block.edgeJump(), o.toString());
            assertEquals(reference.counts(), block.counts());
            assertEquals(1, block.counts().nonFinite());
        }
    }

    private static void assertSameBits(VoxelMap a, VoxelMap b, String what) {
        if (a == null || b == null) {
            assertTrue(a == null && b == null, what + ": one map missing");
            return;
        }
        assertTrue(a.sameShape(b), what);
        int differ = 0;
        String first = null;
        for (int z = 0; z < a.depth(); z++) {
            for (int y = 0; y < a.height(); y++) {
                for (int x = 0; x < a.width(); x++) {
                    if (Float.floatToRawIntBits(a.get(z, y, x)) != Float.floatToRawIntBits(b.get(z, y, x))) {
                        differ++;
                        if (first == null) {
                            first = z + "," + y + "," + x + ": " + a.get(z, y, x) + " vs " + b.get(z, y, x);
                        }
                    }
                }
            }
        }
        assertEquals(0, differ, what + " " + a.name() + ": " + differ + " voxels differ, first " + first);
    }

    /**
     * The sum-of-squares plausibility screen never changes a status: spectra near the limit (every value
     * about 130: the screen fails, all values plausible), exactly +-MU_MAX_ABS (plausible), the next float
     * above it and huge values whose squares overflow (implausible), NaN and infinities, all against the
     * scalar reference.
     */
    @Test
    void plausibilityScreenGivesTheReferencesStatuses() throws IOException {
        float m = (float) org.cathodekit.core.Plausibility.MU_MAX_ABS;
        float[][][] s = TestSpectra.stack2d(E, 4, 12, 8343.2, 8344.4, 0.01, 9);
        float[] special = {m, -m, Math.nextUp(m), -Math.nextUp(m), 1e30f, Float.MAX_VALUE, Float.NaN, Float.POSITIVE_INFINITY,
            Float.NEGATIVE_INFINITY, Math.nextDown(m), 130f, 129f};
        for (int x = 0; x < special.length; x++) {
            s[7][1][x] = special[x];
        }
        for (int x = 0; x < 12; x++) {
            for (int e = 0; e < E.length; e++) {
                s[e][2][x] = 130f + 0.01f * e; // sum of squares above MU_MAX_ABS^2, every value plausible
            }
            s[x % E.length][3][x] = x % 2 == 0 ? m : -m;
        }
        assertTrue(E.length * 130.0 * 130.0 > EdgeBlockKernel.SCREEN_SUM_SQUARES, "row 2 must fail the screen");
        StackSource src = StackSource.inMemory(E, s);
        for (EdgeOptions o : optionSets()) {
            EdgeMaps reference = Xanes.maps(src, o, 1, Long.MAX_VALUE / 4, true);
            EdgeMaps block = Xanes.maps(src, o, 2, 4L * E.length * 12, false);
            for (int y = 0; y < 4; y++) {
                for (int x = 0; x < 12; x++) {
                    assertEquals(reference.status().get(0, y, x), block.status().get(0, y, x), o + " status at " + y + "," + x);
                }
            }
            assertSameBits(reference.edge50(), block.edge50(), o.toString());
            assertSameBits(reference.whiteline(), block.whiteline(), o.toString());
            assertEquals(reference.counts(), block.counts(), o.toString());
            for (int x = 2; x <= 5; x++) {
                assertEquals(VoxelStatus.IMPLAUSIBLE.bit(), block.status().get(0, 1, x), o + ": value " + special[x]);
            }
            for (int x = 6; x <= 8; x++) {
                assertEquals(VoxelStatus.NON_FINITE.bit(), block.status().get(0, 1, x), o + ": value " + special[x]);
            }
            for (int x = 0; x < 12; x++) {
                assertEquals(0, block.status().get(0, 2, x) & (VoxelStatus.NON_FINITE.bit() | VoxelStatus.MASKED.bit()), o + " row 2");
            }
        }
    }
}
