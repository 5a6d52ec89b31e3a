package org.cathodekit.thermal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.junit.jupiter.api.Test;

/**
 * Onsets of an analytic logistic step on a linear baseline,
 * {@code M(T) = 100 + b (T - T0) - Δ s((T - Tc)/w)}, {@code s(x) = 1/(1+e^-x)}, where every definition
 * has a closed form (derivations in {@link OnsetMethod}):
 * ISO {@code Tc - 2w}; ASTM {@code Tc + w ln(θ/(Δ-θ))}; DTG fraction f {@code Tc + w ln(s/(1-s))},
 * {@code s = (1-sqrt(1-f))/2}; the DTG extremum at {@code Tc}. The fixed-mass-loss onset is found by
 * bisection on the analytic curve (independent of the library).
 */
class TgaOnsetAnalyticTest {
    static final double DELTA = 5.0;
    static final double TC = 250.0;
    static final double W = 8.0;
    static final double B = -0.004;
    static final double T0 = 90.0;

    static double sigmoid(double x) {
        return 1 / (1 + Math.exp(-x));
    }

    static double massPct(double t) {
        return 100 + B * (t - T0) - DELTA * sigmoid((t - TC) / W);
    }

    static Thermogram analytic(double step, double endC) {
        int n = (int) Math.round((endC - T0) / step) + 1;
        double[] t = new double[n];
        double[] m = new double[n];
        for (int i = 0; i < n; i++) {
            t[i] = T0 + i * step;
            m[i] = massPct(t[i]);
        }
        return new Thermogram(null, t, m, "%");
    }

    /** Fine grid (0.1 K), 1 K Savitzky-Golay window, baseline window 95-150 C, 12.5 widths before the step
     * (the step's tail there tilts the fitted line by < 3e-6 %/K): smoothing bias of the inflection slope
     * ~0.004 K, so 0.01 K is the tolerance. */
    @Test
    void closedFormOnsetsOnFineGrid() {
        TgaOptions o = TgaOptions.DEFAULTS.withDtgWindowK(1.0).withBaselineWindowC(95, 150);
        TgaResult r = Tga.analyze(analytic(0.1, 330), o);
        assertTrue(r.stepFound());
        assertEquals(TC, r.dtgPeakC(), 0.01);
        assertEquals(-DELTA / (4 * W) + B, r.dtgPeakPctPerK(), 1e-4);
        Onset iso = r.onset(OnsetMethod.ISO_11358_EXTRAPOLATED);
        assertEquals(TC - 2 * W, iso.temperatureC(), 0.01);
        assertEquals(B, iso.baselineSlopePctPerK(), 1e-6);
        assertEquals(95, iso.baselineStartC(), 1e-9);
        assertEquals(150, iso.baselineEndC(), 1e-9);
        double theta = o.astmDeviationPct();
        assertEquals(TC + W * Math.log(theta / (DELTA - theta)), r.onset(OnsetMethod.ASTM_E2550_DEVIATION).temperatureC(), 0.01);
        double f = o.dtgThresholdFraction();
        double s = (1 - Math.sqrt(1 - f)) / 2;
        assertEquals(TC + W * Math.log(s / (1 - s)), r.onset(OnsetMethod.DTG_THRESHOLD).temperatureC(), 0.02);
        assertEquals(bisectMassLoss(o.fixedMassLossPct()), r.onset(OnsetMethod.FIXED_MASS_LOSS).temperatureC(), 0.01);
        // every onset lies before the DTG peak; ordering for this step: DTG 10 % < ASTM 0.1 % < ISO
        for (Onset on : r.allOnsets()) {
            assertTrue(on.found(), on.label());
            assertTrue(on.temperatureC() < r.dtgPeakC(), on.label());
        }
    }

    /** Defaults (5 K window, automatic baseline) on a 0.5 K grid: the automatic baseline window ends where
     * the DTG is 5 % of its extremum, which lets 0.3 % of the step's tail into the fit; tolerance 0.3 K. */
    @Test
    void automaticWindowsOnCoarserGrid() {
        TgaResult r = Tga.analyze(analytic(0.5, 330), TgaOptions.DEFAULTS);
        Onset iso = r.onset();
        assertEquals(OnsetMethod.ISO_11358_EXTRAPOLATED, iso.method());
        assertEquals(TC - 2 * W, iso.temperatureC(), 0.3);
        assertTrue(iso.baselineEndC() < iso.temperatureC(), "baseline ends before the onset");
        assertEquals(11, r.dtgWindowPoints());
        assertEquals(5.5, r.dtgWindowK(), 1e-9);
        assertTrue(iso.inflectionWindowStartC() < TC && iso.inflectionWindowEndC() > TC);
    }

    /** 0.002 K sampling (a 5 K window would be 2500 points): block averaging keeps the work O(n) and the
     * onset within the same 0.3 K as the automatic analysis on the 0.5 K grid. */
    @Test
    void denseSamplingIsBlockAveraged() {
        TgaResult r = Tga.analyze(analytic(0.002, 330), TgaOptions.DEFAULTS);
        assertTrue(r.pointsPerBin() > 1, "bins of " + r.pointsPerBin());
        assertTrue(r.dtgWindowPoints() <= 201);
        assertEquals(120_001, r.pointsUsed());
        assertEquals(TC - 2 * W, r.onset().temperatureC(), 0.3);
        assertEquals(TC, r.dtgPeakC(), 0.05);
    }

    private static double bisectMassLoss(double x) {
        double lo = T0;
        double hi = 330;
        double target = 100 - x;
        double m0 = massPct(T0);
        for (int k = 0; k < 200; k++) {
            double mid = 0.5 * (lo + hi);
            if (100 * massPct(mid) / m0 > target) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return 0.5 * (lo + hi);
    }

    @Test
    void referenceTemperatureMakesThatMassHundredPercent() {
        TgaResult r = Tga.analyze(analytic(0.5, 330), TgaOptions.DEFAULTS.withReferenceTemperatureC(150));
        assertEquals(100.0, r.massPctAt(150), 1e-9);
        assertEquals(150.0, r.referenceTemperatureC(), 0);
        double expectedLoss = 100 * (1 - massPct(320) / massPct(150));
        assertEquals(expectedLoss, r.massLossPctAt(320), 1e-4);
        assertThrows(IllegalArgumentException.class,
                () -> Tga.analyze(analytic(0.5, 330), TgaOptions.DEFAULTS.withReferenceTemperatureC(400)));
    }

    /** Time as the abscissa: the temperature reading jitters (SD 0.05 K, non-monotonic) and the run ends with
     * a cooling segment; the onset is that of the clean ramp within 0.3 K. */
    @Test
    void timeAbscissaToleratesJitterAndCoolingTail() {
        Random rnd = new Random(17);
        int heat = 481;
        int cool = 40;
        double[] time = new double[heat + cool];
        double[] t = new double[heat + cool];
        double[] m = new double[heat + cool];
        for (int i = 0; i < heat + cool; i++) {
            time[i] = 6.0 * i;
            double tt = i < heat ? T0 + 0.5 * i : T0 + 0.5 * (heat - 1) - 1.0 * (i - heat + 1);
            t[i] = tt + (i < heat ? 0.05 * rnd.nextGaussian() : 0);
            m[i] = massPct(Math.min(tt, T0 + 0.5 * (heat - 1)));
        }
        assertTrue(Thermogram.firstDecrease(t) > 0, "the jittered temperature is not monotonic");
        TgaResult r = Tga.analyze(new Thermogram(time, t, m, "%"), TgaOptions.DEFAULTS);
        assertTrue(r.pointsAfterHeating() >= cool - 1);
        assertEquals(TC - 2 * W, r.onset().temperatureC(), 0.3);
        // the DTG top is flat: 0.2 % rate noise from the jitter moves its maximum by up to ~1 K
        assertEquals(TC, r.dtgPeakC(), 1.0);
    }

    /** A 600 s isothermal hold before the ramp (as in the MaCFP programme): dT/dt ~ 0 there gives NaN DTG,
     * not a spurious peak, and the onset is unchanged. */
    @Test
    void isothermalHoldBeforeRamp() {
        int hold = 100;
        int ramp = 481;
        double[] time = new double[hold + ramp];
        double[] t = new double[hold + ramp];
        double[] m = new double[hold + ramp];
        for (int i = 0; i < hold + ramp; i++) {
            time[i] = 6.0 * i;
            t[i] = i < hold ? T0 : T0 + 0.5 * (i - hold + 1);
            m[i] = massPct(t[i]);
        }
        TgaResult r = Tga.analyze(new Thermogram(time, t, m, "%"), TgaOptions.DEFAULTS);
        assertEquals(TC - 2 * W, r.onset().temperatureC(), 0.3);
        assertEquals(TC, r.dtgPeakC(), 0.05);
        assertEquals(11, r.dtgWindowPoints(), "the window follows the ramp's 0.5 K/row, not the hold");
    }

    @Test
    void stepFreeCurvesReportNoOnset() {
        Random rnd = new Random(23);
        int n = 551;
        double[] t = new double[n];
        double[] flat = new double[n];
        double[] drift = new double[n];
        for (int i = 0; i < n; i++) {
            t[i] = 25 + 0.5 * i;
            flat[i] = 10.0 + 0.0005 * rnd.nextGaussian();
            drift[i] = 10.0 * (1 - 0.0001 * (t[i] - 25)) + 0.0005 * rnd.nextGaussian();
        }
        for (double[] m : new double[][] {flat, drift}) {
            TgaResult r = Tga.analyze(new Thermogram(null, t, m, "mg"), TgaOptions.DEFAULTS);
            assertFalse(r.stepFound());
            assertTrue(Double.isNaN(r.dtgPeakC()));
            for (OnsetMethod method : new OnsetMethod[] {OnsetMethod.ISO_11358_EXTRAPOLATED,
                    OnsetMethod.ASTM_E2550_DEVIATION, OnsetMethod.DTG_THRESHOLD}) {
                Onset on = r.onset(method);
                assertFalse(on.found(), method.name());
                assertTrue(Double.isNaN(on.temperatureC()));
                assertTrue(on.note().startsWith("no onset"), on.note());
            }
        }
        TgaResult flatR = Tga.analyze(new Thermogram(null, t, flat, "mg"), TgaOptions.DEFAULTS);
        assertFalse(flatR.onset(OnsetMethod.FIXED_MASS_LOSS).found(), "a flat curve never loses 1 %");
    }

    @Test
    void nonMonotonicHeatingWithoutTimeIsRejected() {
        double[] t = {25, 30, 35, 40, 38, 45, 50, 55};
        double[] m = {10, 10, 10, 10, 10, 10, 10, 10};
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Thermogram(null, t, m, "mg"));
        assertTrue(e.getMessage().contains("index 4") && e.getMessage().contains("no time column"), e.getMessage());
    }

    /** Invariances: the mass unit (x 1e-3) changes nothing; shifting the temperature axis by 25 K shifts
     * every onset and the DTG peak by 25 K (to rounding). */
    @Test
    void scaleAndShiftInvariance() {
        Thermogram base = analytic(0.5, 330);
        TgaResult r0 = Tga.analyze(base, TgaOptions.DEFAULTS);
        double[] t = base.temperatureC();
        double[] m = base.mass();
        double[] tShift = t.clone();
        double[] mScaled = m.clone();
        for (int i = 0; i < t.length; i++) {
            tShift[i] += 25;
            mScaled[i] *= 1e-3;
        }
        TgaResult scaled = Tga.analyze(new Thermogram(null, t, mScaled, "g"), TgaOptions.DEFAULTS);
        TgaResult shifted = Tga.analyze(new Thermogram(null, tShift, m, "%"), TgaOptions.DEFAULTS);
        for (OnsetMethod method : OnsetMethod.values()) {
            double on = r0.onset(method).temperatureC();
            assertEquals(on, scaled.onset(method).temperatureC(), 1e-9, method.name());
            assertEquals(on + 25, shifted.onset(method).temperatureC(), 1e-9, method.name());
        }
        assertEquals(r0.dtgPeakC() + 25, shifted.dtgPeakC(), 1e-9);
    }

    @Test
    void inputsAreNotModified() {
        Thermogram th = analytic(0.5, 330);
        double[] before = th.mass();
        Tga.analyze(th, TgaOptions.DEFAULTS);
        assertTrue(java.util.Arrays.equals(before, th.mass()));
    }
}
