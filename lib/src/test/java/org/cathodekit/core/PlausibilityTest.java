package org.cathodekit.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/** The rules of {@link Plausibility} on synthetic series with planted truth. */
class PlausibilityTest {

    /** A TGA-like curve: 10 mg, slow linear loss, a 4.5 % logistic step at index 600 (width 20 points), Gaussian noise. */
    static double[] tgaCurve(int n, double noiseMg, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        double[] m = new double[n];
        for (int i = 0; i < n; i++) {
            double step = 0.45 / (1 + Math.exp(-(i - 600) / 20.0));
            m[i] = 10.0 - 2e-4 * i - step + noiseMg * gaussian(rnd);
        }
        return m;
    }

    static double gaussian(SplittableRandom r) {
        double u = r.nextDouble();
        double v = r.nextDouble();
        return Math.sqrt(-2 * Math.log(1 - u)) * Math.cos(2 * Math.PI * v);
    }

    @Test
    void cleanNoisyCurvesKeepEveryRow() {
        for (long seed = 1; seed <= 20; seed++) {
            Plausibility.RowScreen s = Plausibility.screenMasses(tgaCurve(1200, 2e-4, seed), "mg");
            assertEquals(0, s.dropped(), "seed " + seed + ": " + s.warnings());
            assertTrue(s.warnings().isEmpty());
        }
    }

    @Test
    void aQuantisedPlateauWithOneDigitBlipsIsNotASpike() {
        // a balance reading 0.001 mg steps: mostly equal readings (MAD 0), +-1 digit blips; below 0.1 % of the mass
        double[] m = new double[500];
        for (int i = 0; i < m.length; i++) {
            m[i] = 10.000 + (i % 37 == 0 ? 0.001 : 0);
        }
        assertEquals(0, Plausibility.screenMasses(m, "mg").dropped());
    }

    @Test
    void aSinglePointSpikeIsRemovedAndAStepIsKept() {
        double[] m = tgaCurve(1200, 2e-4, 7);
        double[] spike = m.clone();
        spike[300] += 0.5; // +5 %
        Plausibility.RowScreen s = Plausibility.screenMasses(spike, "mg");
        assertEquals(1, s.dropped());
        assertTrue(s.drop()[300]);
        assertTrue(s.warnings().get(0).startsWith("1 single-point mass spikes"), s.warnings().toString());
        double[] down = m.clone();
        down[300] -= 0.5;
        assertTrue(Plausibility.screenMasses(down, "mg").drop()[300], "a dip is a spike too");

        double[] step = m.clone();
        for (int i = 300; i < step.length; i++) {
            step[i] -= 0.5; // an abrupt but lasting loss (sample ejection): one outlier difference only
        }
        assertEquals(0, Plausibility.screenMasses(step, "mg").dropped());
    }

    @Test
    void massesOutsideTheFactorAreRemoved() {
        double[] m = tgaCurve(1200, 2e-4, 3);
        m[100] = 1e300;
        m[700] = 1e6;
        m[900] = -50;
        Plausibility.RowScreen s = Plausibility.screenMasses(m, "mg");
        assertEquals(3, s.dropped(), s.warnings().toString());
        assertTrue(s.drop()[100] && s.drop()[700] && s.drop()[900]);
        assertTrue(s.warnings().get(0).startsWith("3 mass values outside the plausible range"), s.warnings().toString());
        assertEquals(1197, s.keep(m).length);
    }

    @Test
    void aCompleteDecompositionToZeroIsPlausible() {
        // PMMA-like: 10 mg to 0 (slightly negative by drift) with noise
        SplittableRandom rnd = new SplittableRandom(5);
        double[] m = new double[1000];
        for (int i = 0; i < m.length; i++) {
            m[i] = 10.0 / (1 + Math.exp((i - 500) / 30.0)) - 0.01 + 1e-3 * gaussian(rnd);
        }
        assertEquals(0, Plausibility.screenMasses(m, "mg").dropped());
    }

    @Test
    void mapsMaskCorruptedValuesOnly() {
        SplittableRandom rnd = new SplittableRandom(11);
        float[] v = new float[10_000];
        for (int i = 0; i < v.length; i++) {
            v[i] = i % 3 == 0 ? Float.NaN : (float) (8344 + 0.4 * gaussian(rnd));
        }
        Plausibility.MapScreen clean = Plausibility.screenMap(v, "eV");
        assertSame(v, clean.values(), "a clean map is used as it is");
        assertNull(clean.warning());
        float[] bad = v.clone();
        bad[1] = 1e30f;
        bad[2] = -3e38f;
        bad[4] = 4172f; // 8344 with its lowest exponent bit flipped
        bad[5] = Float.POSITIVE_INFINITY;
        bad[7] = 8.3e-35f;
        Plausibility.MapScreen s = Plausibility.screenMap(bad, "eV");
        assertEquals(5, s.flagged());
        assertNotNull(s.warning());
        for (int i : new int[] {1, 2, 4, 5, 7}) {
            assertTrue(Float.isNaN(s.values()[i]), "index " + i);
        }
        for (int i = 8; i < bad.length; i++) {
            assertEquals(Float.floatToIntBits(bad[i]), Float.floatToIntBits(s.values()[i]), "others untouched");
        }
        assertTrue(Float.isInfinite(bad[5]), "the input is not modified");
        // a constant map (IQR 0) keeps its value
        float[] flat = new float[100];
        java.util.Arrays.fill(flat, 8344f);
        assertEquals(0, Plausibility.screenMap(flat, "eV").flagged());
    }

    @Test
    void cyclerRowsOutsideTheVoltageRangeOrWithInfiniteCurrent() {
        double[] v = {3.4, 3.5, 4000, 3.6, Double.NaN, 3.7};
        double[] c = {0, 1e-4, 1e-4, Double.POSITIVE_INFINITY, 0, 0};
        Plausibility.RowScreen s = Plausibility.screenCycler(v, c, Plausibility.VOLTAGE_MIN_V, Plausibility.VOLTAGE_MAX_V);
        assertEquals(3, s.dropped());
        assertTrue(s.drop()[2] && s.drop()[3] && s.drop()[4]);
        assertFalse(s.drop()[0] || s.drop()[1] || s.drop()[5]);
        assertEquals(2, s.warnings().size(), s.warnings().toString());
    }

    @Test
    void shareWarningBelowHalf() {
        assertNull(Plausibility.shareWarning(50, 100, "rows"));
        assertTrue(Plausibility.shareWarning(49, 100, "rows").startsWith("computed from 49 of 100 rows (49.0 %"));
        assertNull(Plausibility.shareWarning(0, 0, "rows"));
    }
}
