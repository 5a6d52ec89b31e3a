package org.cathodekit.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.junit.jupiter.api.Test;

class SavitzkyGolayTest {

    /** A polynomial of degree <= order is reproduced exactly (value and slope), on any grid. */
    @Test
    void reproducesPolynomialsOnUnevenGrid() {
        Random rnd = new Random(3);
        int n = 200;
        double[] x = new double[n];
        double acc = 0;
        for (int i = 0; i < n; i++) {
            acc += 0.3 + 0.4 * rnd.nextDouble();
            x[i] = acc;
        }
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            y[i] = 2 - 0.5 * x[i] + 0.03 * x[i] * x[i] - 0.0004 * x[i] * x[i] * x[i];
        }
        double[] v = new double[n];
        double[] d = new double[n];
        SavitzkyGolay.smoothAndDerivative(x, y, 9, 3, v, d);
        for (int i = 0; i < n; i++) {
            double slope = -0.5 + 0.06 * x[i] - 0.0012 * x[i] * x[i];
            assertEquals(y[i], v[i], 1e-9 * Math.max(1, Math.abs(y[i])), "value at " + i);
            assertEquals(slope, d[i], 1e-8 * Math.max(1, Math.abs(slope)), "slope at " + i);
        }
    }

    /**
     * On a uniform grid the filter equals the classical convolution (Savitzky and Golay 1964, table I:
     * 5-point quadratic smoothing (-3, 12, 17, 12, -3)/35; 5-point first derivative (-2, -1, 0, 1, 2)/(10 h)).
     */
    @Test
    void equalsClassicalCoefficientsOnUniformGrid() {
        double h = 0.5;
        int n = 30;
        double[] x = new double[n];
        double[] y = new double[n];
        Random rnd = new Random(5);
        for (int i = 0; i < n; i++) {
            x[i] = 100 + i * h;
            y[i] = rnd.nextGaussian();
        }
        double[] v = new double[n];
        double[] d = new double[n];
        SavitzkyGolay.smoothAndDerivative(x, y, 5, 2, v, d);
        for (int i = 2; i < n - 2; i++) {
            double sm = (-3 * y[i - 2] + 12 * y[i - 1] + 17 * y[i] + 12 * y[i + 1] - 3 * y[i + 2]) / 35.0;
            double der = (-2 * y[i - 2] - y[i - 1] + y[i + 1] + 2 * y[i + 2]) / (10.0 * h);
            assertEquals(sm, v[i], 1e-12);
            assertEquals(der, d[i], 1e-11);
        }
    }

    @Test
    void identicalForAnyThreadCount() {
        int n = 20_000;
        double[] x = new double[n];
        double[] y = new double[n];
        Random rnd = new Random(11);
        for (int i = 0; i < n; i++) {
            x[i] = i * 0.25;
            y[i] = Math.sin(x[i] / 50) + 0.01 * rnd.nextGaussian();
        }
        String old = System.getProperty("cathodekit.threads");
        try {
            System.setProperty("cathodekit.threads", "1");
            double[] d1 = new double[n];
            SavitzkyGolay.smoothAndDerivative(x, y, 21, 2, null, d1);
            System.setProperty("cathodekit.threads", "3");
            double[] d3 = new double[n];
            SavitzkyGolay.smoothAndDerivative(x, y, 21, 2, null, d3);
            assertArrayEquals(d1, d3);
        } finally {
            if (old == null) {
                System.clearProperty("cathodekit.threads");
            } else {
                System.setProperty("cathodekit.threads", old);
            }
        }
    }

    @Test
    void rejectsBadWindows() {
        double[] x = {1, 2, 3, 4, 5, 6, 7};
        double[] y = x.clone();
        assertThrows(IllegalArgumentException.class, () -> SavitzkyGolay.smoothAndDerivative(x, y, 4, 2, null, null));
        assertThrows(IllegalArgumentException.class, () -> SavitzkyGolay.smoothAndDerivative(x, y, 9, 2, null, null));
        assertThrows(IllegalArgumentException.class, () -> SavitzkyGolay.smoothAndDerivative(x, y, 3, 2, null, null));
        assertTrue(SavitzkyGolay.windowPoints(new double[] {0, 0.5, 1, 1.5, 2, 2.5, 3, 3.5, 4, 4.5, 5, 5.5, 6}, 5.0, 2) == 11);
    }
}
