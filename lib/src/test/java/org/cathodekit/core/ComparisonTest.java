package org.cathodekit.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ComparisonTest {
    @Test
    void analyticBiasRmsAndRatio() {
        // errors +0.1, -0.1, +0.3 (planted 1, 2, 4): bias 0.1, rms sqrt(0.11/3), max 0.3
        Comparison c = Comparison.of("x", "eV", new double[] {1.1, 1.9, 4.3, Double.NaN}, new double[] {1, 2, 4, 5});
        assertEquals(3, c.n(), "the NaN pair is skipped");
        assertEquals(0.1, c.bias(), 1e-12);
        assertEquals(Math.sqrt((0.01 + 0.01 + 0.09) / 3), c.rms(), 1e-12);
        assertEquals(0.3, c.maxAbsError(), 1e-12);
        assertEquals(1.075, c.medianRatio(), 1e-12, "median of 1.1, 0.95, 1.075");
    }

    @Test
    void mapsAndEdgeCases() {
        float[][] rec = {{1f, 2f}, {Float.NaN, 4f}};
        Comparison c = Comparison.of("m", "eV", rec, new float[] {1f, 2.5f, 3f, 4f});
        assertEquals(3, c.n());
        assertEquals(-0.5 / 3, c.bias(), 1e-7);
        Comparison none = Comparison.of("e", "", new double[] {Double.NaN}, new double[] {1});
        assertEquals(0, none.n());
        assertTrue(Double.isNaN(none.rms()));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Comparison.of("len", "", new double[2], new double[3]));
        assertTrue(e.getMessage().contains("len") && e.getMessage().contains("pair"), e.getMessage());
        assertEquals(2.0, Comparison.finiteMean(new float[] {1f, Float.NaN, 3f}), 1e-12);
    }
}
