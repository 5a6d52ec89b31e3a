package org.cathodekit.diffraction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.cathodekit.core.DiffractionPattern;
import org.cathodekit.core.XrdWavelength;
import org.junit.jupiter.api.Test;

/** Williamson-Hall (paper C eq. 4): analytic line and planted size/strain in synthetic patterns. */
class WilliamsonHallTest {

    /** Widths built exactly from eq. 4 give back D and eps to rounding, R^2 = 1. */
    @Test
    void exactEquation4LineIsRecovered() {
        double lambda = 1.5406;
        double d = 80;
        double eps = 0.002;
        double[] tt = {18.7, 36.7, 44.4, 48.7, 58.6, 64.5, 68.2};
        double[] b = new double[tt.length];
        for (int i = 0; i < tt.length; i++) {
            double th = Math.toRadians(tt[i]) / 2;
            // beta cos(theta)/(K lambda) = 1/D + 4 eps sin(theta)/(K lambda)  =>  beta = K lambda/(D cos) + 4 eps tan
            b[i] = 0.9 * lambda / (d * 10 * Math.cos(th)) + 4 * eps * Math.tan(th);
        }
        WilliamsonHallResult r = WilliamsonHall.fit(tt, b, lambda, InstrumentFunction.NONE, WilliamsonHallOptions.DEFAULTS);
        assertEquals(d, r.sizeNm(), 1e-9);
        assertEquals(eps, r.strain(), 1e-12);
        assertEquals(1.0, r.r2(), 1e-12);
        assertEquals(BroadeningCorrection.NONE, r.correction());
        for (WhPoint p : r.points()) {
            assertEquals(0, p.residual(), 1e-12);
        }
        // Scherrer size of each peak alone is below D because strain adds width
        assertTrue(r.points().get(0).scherrerSizeNm() < d);
    }

    /** Hand computation of one W-H point: x = 4 sin(theta)/(K lambda), y = beta cos(theta)/(K lambda). */
    @Test
    void axesFollowEquation4() {
        double[] tt = {30, 60, 90};
        double[] b = {0.002, 0.003, 0.004};
        WilliamsonHallResult r = WilliamsonHall.fit(tt, b, 1.0, InstrumentFunction.NONE, WilliamsonHallOptions.DEFAULTS.withK(1.0));
        WhPoint p = r.points().get(1);
        assertEquals(4 * Math.sin(Math.toRadians(30)), p.x(), 1e-12);
        assertEquals(0.003 * Math.cos(Math.toRadians(30)), p.y(), 1e-12);
    }

    @Test
    void fewerThanThreePeaksIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> WilliamsonHall.fit(new double[] {20, 40},
                new double[] {0.002, 0.003}, 1.54, InstrumentFunction.NONE, WilliamsonHallOptions.DEFAULTS));
        assertTrue(e.getMessage().contains("at least 3"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> WilliamsonHallOptions.DEFAULTS.withMinPeaks(2));
    }

    /**
     * Planted truth: synthetic SC-NC91-like pattern (Cu K-alpha1/2, Poisson noise, seed 7) with D = 100 nm
     * and eps = 0.0020; instrument measured on a synthetic LaB6 standard from the same forward model.
     * Tolerance: the statistical one, 3 standard errors of the W-H fit (and at most 10 % for eps, 30 % for D:
     * size is the intercept of a line whose x-range starts at 0.24/A, so it is the less certain of the two).
     */
    @Test
    void plantedSizeAndStrainAreRecoveredThroughFitsAndInstrumentRemoval() {
        SyntheticSpec spec = SyntheticSpec.DEFAULTS.withSizeNm(100).withStrain(0.0020).withSeed(7);
        DiffractionPattern std = SyntheticPatterns.generate(spec.asLab6Standard().withScan(15, 120, 7000).withSeed(8));
        InstrumentFunction inst = InstrumentFunction.fromStandard(std, StandardMaterial.LAB6_SRM660C, PeakFitOptions.DEFAULTS, 15, 120);
        assertTrue(inst.standardPeaks().size() >= 8, "standard peaks fitted: " + inst.standardPeaks().size());
        for (double tt : new double[] {20, 45, 70}) {
            assertEquals(SyntheticSpec.LAB_INSTRUMENT.fwhmDeg(tt), inst.fwhmDeg(tt), 0.004, "instrument FWHM at " + tt);
        }
        DiffractionPattern p = SyntheticPatterns.generate(spec);
        double[] peaks = SyntheticPatterns.reflections(spec).stream().mapToDouble(Reflection::twoThetaDeg).toArray();
        WilliamsonHallResult r = WilliamsonHall.analyse(p, peaks, PeakFitOptions.DEFAULTS, inst, WilliamsonHallOptions.DEFAULTS);
        assertEquals(0.0020, r.strain(), Math.min(3 * r.strainStderr(), 0.0002), "strain");
        assertEquals(100, r.sizeNm(), Math.min(3 * r.sizeStderrNm(), 30), "size");
        assertTrue(r.strainStderr() > 0 && r.strainStderr() < 3e-4, "strain stderr " + r.strainStderr());
        assertTrue(r.r2() > 0.8, "r2 " + r.r2());
        assertEquals(BroadeningCorrection.LINEAR, r.correction());
    }

    /**
     * No bias: over 6 noise seeds the mean recovered strain is within 4 % of the planted one, each within
     * 3.5 standard errors; higher planted strain gives higher recovered strain (NM91 vs NC91 of paper C).
     */
    @Test
    void strainIsUnbiasedOverNoiseSeeds() {
        double[] mean = new double[2];
        double[] planted = {0.0012, 0.0030};
        for (int i = 0; i < 2; i++) {
            for (int seed = 1; seed <= 6; seed++) {
                SyntheticSpec spec = SyntheticSpec.DEFAULTS.withStrain(planted[i]).withSizeNm(100).withSeed(100 * i + seed);
                double[] peaks = SyntheticPatterns.reflections(spec).stream().mapToDouble(Reflection::twoThetaDeg).toArray();
                WilliamsonHallResult r = WilliamsonHall.analyse(SyntheticPatterns.generate(spec), peaks, PeakFitOptions.DEFAULTS,
                        SyntheticSpec.LAB_INSTRUMENT, WilliamsonHallOptions.DEFAULTS);
                assertEquals(planted[i], r.strain(), 3.5 * r.strainStderr(), "seed " + seed);
                mean[i] += r.strain() / 6;
            }
            assertEquals(planted[i], mean[i], planted[i] * 0.04);
        }
        assertTrue(mean[1] > 2 * mean[0]);
    }

    @Test
    void unknownWavelengthIsABadInput() {
        DiffractionPattern p = SyntheticPatterns.generate(SyntheticSpec.DEFAULTS);
        DiffractionPattern noWl = new DiffractionPattern(null, "test", p.twoThetaDeg(), DiffractionPattern.AxisUnit.TWO_THETA_DEG,
                p.intensity(), null, "counts", null, List.of());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> WilliamsonHall.analyse(noWl,
                new double[] {18.7, 44.4, 64.5}, PeakFitOptions.DEFAULTS, InstrumentFunction.NONE, WilliamsonHallOptions.DEFAULTS));
        assertTrue(e.getMessage().contains("wavelength"), e.getMessage());
        assertTrue(p.wavelength().map(XrdWavelength::hasAlpha2).orElse(false));
    }

    /** A requested window without a peak is reported per peak; with fewer than 3 left the message names it. */
    @Test
    void windowWithoutPeakIsReportedNotFatal() {
        SyntheticSpec spec = SyntheticSpec.DEFAULTS.withSeed(3);
        DiffractionPattern p = SyntheticPatterns.generate(spec);
        double[] peaks = {18.7, 26.0, 44.4, 64.4, 65.0};
        WilliamsonHallResult r = WilliamsonHall.analyse(p, peaks, PeakFitOptions.DEFAULTS, SyntheticSpec.LAB_INSTRUMENT,
                WilliamsonHallOptions.DEFAULTS);
        assertEquals(FitStatus.NO_PEAK, r.fits().get(1).status());
        assertEquals(4, r.points().size());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> WilliamsonHall.analyse(p,
                new double[] {18.7, 26.0, 30.0}, PeakFitOptions.DEFAULTS, SyntheticSpec.LAB_INSTRUMENT, WilliamsonHallOptions.DEFAULTS));
        assertTrue(e.getMessage().contains("26.000 deg: NO_PEAK"), e.getMessage());
    }
}
