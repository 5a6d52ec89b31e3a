package org.cathodekit.xanes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/**
 * {@link XanesStatistics#summary(VoxelMap)} (radix selection on the map in place) against a
 * straightforward oracle written here: copy the finite values in z, y, x order, sum them in that
 * order in double, sort the copy with {@link Arrays#sort(float[])} (Float.compare order) and take the
 * middle. Every component must agree bit for bit ({@link Double#doubleToRawLongBits}), on seeded
 * random maps built to reach every path: one key bucket (values within 1e-3 eV of 8343 eV, the real
 * case), ranges wider than 2^16 keys (second level, middle ranks in one or two buckets), ties, -0.0
 * beside 0.0, subnormals, infinities (excluded, as NaN), 0 to 100 % NaN, n = 0, 1, 2, odd and even.
 */
class SummaryOracleTest {

    /** The oracle: what a sort of the finite values gives. */
    static Summary oracle(VoxelMap m) {
        float[] all = new float[(int) m.voxels()];
        int n = 0;
        for (int z = 0; z < m.depth(); z++) {
            for (int y = 0; y < m.height(); y++) {
                for (int x = 0; x < m.width(); x++) {
                    float v = m.get(z, y, x);
                    if (!Float.isNaN(v) && !Float.isInfinite(v)) {
                        all[n++] = v;
                    }
                }
            }
        }
        float[] v = Arrays.copyOf(all, n);
        if (n == 0) {
            return new Summary(m.name(), m.unit(), 0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        }
        double sum = 0;
        for (float x : v) {
            sum += x;
        }
        double mean = sum / n;
        double ss = 0;
        for (float x : v) {
            ss += (x - mean) * (x - mean);
        }
        float[] s = v.clone();
        Arrays.sort(s);
        double median = n % 2 == 1 ? s[n / 2] : 0.5 * ((double) s[n / 2 - 1] + s[n / 2]);
        return new Summary(m.name(), m.unit(), n, mean, median, n > 1 ? Math.sqrt(ss / (n - 1)) : Double.NaN, s[0], s[n - 1]);
    }

    static void assertBitIdentical(Summary expected, Summary actual, String what) {
        assertEquals(expected.name(), actual.name(), what);
        assertEquals(expected.count(), actual.count(), what + ": count");
        assertBits(expected.mean(), actual.mean(), what + ": mean");
        assertBits(expected.median(), actual.median(), what + ": median");
        assertBits(expected.std(), actual.std(), what + ": std");
        assertBits(expected.min(), actual.min(), what + ": min");
        assertBits(expected.max(), actual.max(), what + ": max");
    }

    static void assertBits(double expected, double actual, String what) {
        assertEquals(Double.doubleToRawLongBits(expected), Double.doubleToRawLongBits(actual),
                () -> what + ": expected " + expected + " (" + Double.toHexString(expected) + "), got " + actual + " ("
                        + Double.toHexString(actual) + ")");
    }

    /** One value of the given kind. */
    static float value(int kind, SplittableRandom r) {
        return switch (kind) {
            case 0 -> (float) (8343 + 1e-3 * (2 * r.nextDouble() - 1)); // all in one key bucket: the real case
            case 1 -> (float) (8330 + 35 * r.nextDouble()); // an edge window: 36 k distinct keys, one level
            case 2 -> (float) r.nextInt(7) - 3; // many ties, zeros
            case 3 -> r.nextBoolean() ? 0.0f : -0.0f; // signed zeros only
            case 4 -> Float.intBitsToFloat(r.nextInt(1 << 23) | (r.nextBoolean() ? 0x80000000 : 0)); // subnormals and zeros
            case 5 -> { // any finite float (sign, exponent, mantissa at random): the widest key range
                float f;
                do {
                    f = Float.intBitsToFloat(r.nextInt());
                } while (!Float.isFinite(f));
                yield f;
            }
            case 6 -> r.nextBoolean() ? -1e30f * (1 + r.nextInt(3)) : 1e30f * (1 + r.nextInt(3)); // two far clusters
            case 7 -> (float) (2.0 + 0.5 * r.nextGaussian()); // a valence map: range > 2^16 keys, second level
            default -> value(r.nextInt(8), r); // a mixture of all
        };
    }

    static VoxelMap randomMap(SplittableRandom r, int trial) {
        int nz = 1 + r.nextInt(3);
        int ny = 1 + r.nextInt(trial % 3 == 0 ? 3 : 50);
        int nx = 1 + r.nextInt(trial % 3 == 0 ? 4 : 70);
        int kind = trial % 9;
        double nanFraction = switch (trial % 5) {
            case 0 -> 0;
            case 1 -> 1;
            case 2 -> 0.98;
            default -> r.nextDouble();
        };
        float[][][] v = new float[nz][ny][nx];
        for (float[][] slice : v) {
            for (float[] row : slice) {
                for (int x = 0; x < nx; x++) {
                    double u = r.nextDouble();
                    row[x] = u < nanFraction ? Float.NaN
                            : u < nanFraction + 0.01 ? (r.nextBoolean() ? Float.POSITIVE_INFINITY : Float.NEGATIVE_INFINITY)
                            : value(kind, r);
                }
            }
        }
        return VoxelMap.of("m" + trial, "eV", v);
    }

    @Test
    void equalsTheSortOracleBitForBit() {
        SplittableRandom r = new SplittableRandom(20261201);
        boolean[] countsSeen = new boolean[3];
        for (int trial = 0; trial < 3000; trial++) {
            VoxelMap m = randomMap(r, trial);
            Summary expected = oracle(m);
            assertBitIdentical(expected, XanesStatistics.summary(m), "trial " + trial + " " + m);
            assertBitIdentical(expected, XanesStatistics.summary(m.name(), m.unit(), m.finiteValues()), "float[] overload, trial " + trial);
            if (expected.count() < 3) {
                countsSeen[(int) expected.count()] = true;
            }
        }
        assertTrue(countsSeen[0] && countsSeen[1] && countsSeen[2], "the trials include n = 0, 1 and 2");
    }

    @Test
    void middleRanksInTwoBucketsOfTheSecondLevel() {
        // even n, half the values near -1e30, half near +1e30: ranks n/2 - 1 and n/2 sit in different
        // first-level buckets, each resolved by its own low-bit histogram
        float[][] v = {{1e30f, -1e30f, 2e30f, -2e30f, Float.NaN, 1.5e30f, -1.5e30f}};
        VoxelMap m = VoxelMap.of2d("two", "eV", v);
        Summary s = XanesStatistics.summary(m);
        assertBitIdentical(oracle(m), s, "two buckets");
        assertBits(0.5 * ((double) -1e30f + 1e30f), s.median(), "median of -1e30 and 1e30");
        // -0.0 sorts before 0.0: the median of {-0.0, 0.0} is 0.5 (-0.0 + 0.0) = +0.0, of {-0.0, -0.0, 0.0} is -0.0
        assertBits(0.0, XanesStatistics.summary(VoxelMap.of2d("z", "eV", new float[][] {{0.0f, -0.0f}})).median(), "two zeros");
        assertBits(-0.0, XanesStatistics.summary(VoxelMap.of2d("z", "eV", new float[][] {{0.0f, -0.0f, -0.0f}})).median(), "three zeros");
        assertBits(-0.0, XanesStatistics.summary(VoxelMap.of2d("z", "eV", new float[][] {{0.0f, -0.0f}})).min(), "min of the zeros");
        // the extremes of the key range: -MAX_VALUE and MAX_VALUE (a 2^32 - 1 key range: shift 16)
        float[][] ext = {{Float.MAX_VALUE, -Float.MAX_VALUE, Float.MIN_VALUE, Float.POSITIVE_INFINITY}};
        VoxelMap e = VoxelMap.of2d("ext", "eV", ext);
        assertBitIdentical(oracle(e), XanesStatistics.summary(e), "extremes");
        assertEquals(Float.MIN_VALUE, XanesStatistics.summary(e).median(), 0);
    }

    @Test
    void sameResultsForOneTwoAndThreeThreads() {
        SplittableRandom r = new SplittableRandom(7);
        List<VoxelMap> maps = new ArrayList<>();
        for (int trial = 0; trial < 7; trial++) {
            maps.add(randomMap(r, 10 + trial));
        }
        maps.add(null); // a map the command did not compute
        String old = System.getProperty("cathodekit.threads");
        try {
            List<List<Summary>> runs = new ArrayList<>();
            for (String threads : new String[] {"1", "2", "3"}) {
                System.setProperty("cathodekit.threads", threads);
                runs.add(XanesStatistics.summaries(maps));
            }
            for (List<Summary> run : runs) {
                assertEquals(maps.size(), run.size());
                for (int k = 0; k < maps.size() - 1; k++) {
                    assertBitIdentical(oracle(maps.get(k)), run.get(k), "map " + k);
                }
                assertNull(run.get(maps.size() - 1));
            }
        } finally {
            if (old == null) {
                System.clearProperty("cathodekit.threads");
            } else {
                System.setProperty("cathodekit.threads", old);
            }
        }
    }
}
