package org.cathodekit.xanes;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/** The selection median equals the sorted-array median bit for bit (odd, even, ties, signed zeros). */
class MedianSelectionTest {

    static double sortedMedian(float[] v) {
        float[] s = v.clone();
        Arrays.sort(s);
        int n = s.length;
        return (n % 2 == 1) ? s[n / 2] : 0.5 * ((double) s[n / 2 - 1] + s[n / 2]);
    }

    @Test
    void equalsSortForManyShapes() {
        SplittableRandom r = new SplittableRandom(15);
        for (int trial = 0; trial < 400; trial++) {
            int n = 1 + r.nextInt(trial < 200 ? 12 : 5000);
            float[] v = new float[n];
            int kind = trial % 4;
            for (int i = 0; i < n; i++) {
                v[i] = switch (kind) {
                    case 0 -> (float) (8340 + 8 * r.nextDouble());
                    case 1 -> (float) r.nextInt(5) - 2; // many ties
                    case 2 -> r.nextBoolean() ? 0.0f : -0.0f; // signed zeros
                    default -> (float) (r.nextGaussian() * 1e-3);
                };
            }
            Summary s = XanesStatistics.summary("m", "eV", v.clone());
            float[] sorted = v.clone();
            Arrays.sort(sorted);
            assertEquals(Double.doubleToRawLongBits(sortedMedian(v)), Double.doubleToRawLongBits(s.median()), "trial " + trial);
            assertEquals(Double.doubleToRawLongBits(sorted[0]), Double.doubleToRawLongBits(s.min()), "trial " + trial);
            assertEquals(Double.doubleToRawLongBits(sorted[n - 1]), Double.doubleToRawLongBits(s.max()), "trial " + trial);
        }
    }
}
