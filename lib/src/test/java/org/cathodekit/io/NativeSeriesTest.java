package org.cathodekit.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/** The float-to-shortest-decimal helper against a naive BigDecimal search (the oracle), and known values. */
class NativeSeriesTest {
    /** Shortest decimal that rounds to f, closest to f among those: by BigDecimal, digit count 1..9. */
    static double naiveShortest(float f) {
        BigDecimal exact = new BigDecimal((double) f);
        for (int p = 1; p <= 9; p++) {
            BigDecimal c = exact.round(new java.math.MathContext(p, java.math.RoundingMode.HALF_EVEN));
            if (c.floatValue() == f) {
                return c.doubleValue();
            }
        }
        return f;
    }

    @Test
    void knownValues() {
        assertEquals(3.0976174, NativeSeries.fromFloat(3.0976174f), 0);
        assertEquals(0.1, NativeSeries.fromFloat(0.1f), 0);
        assertEquals(0.110860646, NativeSeries.fromFloat(0.110860646f), 0);
        assertEquals(-1.515954E-4, NativeSeries.fromFloat(-1.515954E-4f), 0);
        assertEquals(0.0, NativeSeries.fromFloat(0f), 0);
        assertTrue(Double.isNaN(NativeSeries.fromFloat(Float.NaN)));
        assertEquals(Double.POSITIVE_INFINITY, NativeSeries.fromFloat(Float.POSITIVE_INFINITY), 0);
        assertEquals(1e30, NativeSeries.fromFloat(1e30f), 1e15, "fallback route");
    }

    @Test
    void randomFloatsMatchTheNaiveSearch() {
        SplittableRandom r = new SplittableRandom(11);
        for (int i = 0; i < 200_000; i++) {
            float f = switch (i % 3) {
                case 0 -> (float) (r.nextDouble(-5, 5));
                case 1 -> (float) (r.nextDouble(-1, 1) * Math.pow(10, r.nextInt(-12, 12)));
                default -> Float.intBitsToFloat(r.nextInt()) ;
            };
            if (!Float.isFinite(f) || f == 0 || Math.abs(f) < 1e-13 || Math.abs(f) > 1e22) {
                continue;
            }
            double got = NativeSeries.fromFloat(f);
            assertEquals(f, (float) got, "reads back: " + f);
            assertEquals(naiveShortest(f), got, 0, "shortest decimal of " + f);
        }
    }
}
