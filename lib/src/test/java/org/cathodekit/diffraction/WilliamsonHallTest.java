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

    /**
     * Recovery of D and eps from widths built with the forward relation is limited only by double
     * rounding through sin/cos, the OLS sums (condition number of the 7-point design ~1e2) and the
     * 1/intercept: 1e-9 relative is 5 orders of magnitude above machine epsilon and still fails for
     * any mistake in the axes (a factor 4, K, lambda, degrees vs radians, theta vs 2-theta).
     */
    static final double EXACT_REL_TOL = 1e-9;

    /** Forward relation of eq. 4 solved for the sample width: beta = K lambda / (D cos theta) + 4 eps tan theta (rad). */
    static double forwardBetaRad(double twoThetaDeg, double sizeNm, double eps, double k, double lambdaA) {
        double th = Math.toRadians(twoThetaDeg) / 2;
        return k * lambdaA / (sizeNm * 10 * Math.cos(th)) + 4 * eps * Math.tan(th);
    }

    /**
     * Peaks built from known D and eps through the forward relation give both back to EXACT_REL_TOL,
     * with R^2 = 1 and zero residuals: for paper C's case (Cu K-alpha1, K = 0.9, no instrument) and
     * for another K, wavelength (Mo K-alpha1) and an instrument width added linearly to every
     * Lorentzian and removed again.
     */
    @Test
    void forwardRelationIsInvertedExactly() {
        double[] tt = {18.7, 36.7, 44.4, 48.7, 58.6, 64.5, 68.2};
        record Case(double sizeNm, double eps, double k, double lambdaA, InstrumentFunction inst) {
        }
        InstrumentFunction inst = new InstrumentFunction(0.004, -0.002, 0.0025, Profile.LORENTZIAN, Double.NaN, "test", List.of());
        for (Case c : List.of(new Case(80, 0.002, 0.9, 1.540593, InstrumentFunction.NONE), new Case(35, 0.0007, 0.94, 0.709317, inst),
                new Case(250, 0.0041, 0.9, 1.540593, inst))) {
            double[] ttc = c.lambdaA() < 1 ? java.util.Arrays.stream(tt).map(t -> Wavelengths.convertTwoThetaDeg(t, 1.540593, c.lambdaA()))
                    .toArray() : tt;
            double[] observed = new double[tt.length];
            for (int i = 0; i < tt.length; i++) {
                observed[i] = forwardBetaRad(ttc[i], c.sizeNm(), c.eps(), c.k(), c.lambdaA()) + Math.toRadians(c.inst().fwhmDeg(ttc[i]));
            }
            WilliamsonHallResult r = WilliamsonHall.fit(ttc, observed, c.lambdaA(), c.inst(),
                    WilliamsonHallOptions.DEFAULTS.withK(c.k()).withCorrection(BroadeningCorrection.LINEAR));
            assertEquals(c.sizeNm(), r.sizeNm(), c.sizeNm() * EXACT_REL_TOL, c + " D");
            assertEquals(c.eps(), r.strain(), c.eps() * EXACT_REL_TOL, c + " eps");
            assertEquals(r.strain(), r.slope(), 0, "strain is the slope itself (the 4 is on the x axis)");
            assertEquals(1 / (c.sizeNm() * 10), r.intercept(), EXACT_REL_TOL / (c.sizeNm() * 10), c + " intercept 1/D (1/A)");
            assertEquals(1.0, r.r2(), EXACT_REL_TOL);
            assertEquals(c.inst().isNone() ? BroadeningCorrection.NONE : BroadeningCorrection.LINEAR, r.correction());
            for (int i = 0; i < tt.length; i++) {
                WhPoint p = r.points().get(i);
                double th = Math.toRadians(ttc[i]) / 2;
                double beta = forwardBetaRad(ttc[i], c.sizeNm(), c.eps(), c.k(), c.lambdaA());
                assertEquals(beta, p.betaRad(), beta * EXACT_REL_TOL, "sample width after removal");
                assertEquals(0, p.residual(), p.y() * EXACT_REL_TOL);
                // Scherrer size of this peak alone: K lambda / (beta cos theta), in nm
                assertEquals(c.k() * c.lambdaA() / (beta * Math.cos(th)) / 10, p.scherrerSizeNm(), c.sizeNm() * EXACT_REL_TOL);
            }
        }
    }

    /**
     * Hand-computed regression on three points (K = 1, lambda = 1 A so that x = 4 sin(theta) and
     * y = beta cos(theta)): x = 1, 2, 3 /A and y = 0.010, 0.013, 0.017 /A. By hand: mean x = 2,
     * Sxx = 2, Sxy = 0.007, slope = eps = 0.0035, intercept = 19/3000 /A, D = 3000/19 A = 300/19 nm;
     * residuals (1, -2, 1)/6000, RSS = 1/(6e6), s^2 = RSS/(n-2) = 1/(6e6), se(slope) = sqrt(s^2/Sxx)
     * = sqrt(1/(12e6)), se(intercept) = sqrt(s^2 (1/3 + 4/2)) = sqrt(7/(18e6)), Syy = 222/(9e6),
     * R^2 = 1 - RSS/Syy = 1 - 1.5/222.
     */
    @Test
    void handComputedThreePointRegression() {
        double[] x = {1, 2, 3};
        double[] y = {0.010, 0.013, 0.017};
        double[] tt = new double[3];
        double[] beta = new double[3];
        for (int i = 0; i < 3; i++) {
            double th = Math.asin(x[i] / 4);
            tt[i] = Math.toDegrees(2 * th);
            beta[i] = y[i] / Math.cos(th);
        }
        WilliamsonHallResult r = WilliamsonHall.fit(tt, beta, 1.0, InstrumentFunction.NONE, WilliamsonHallOptions.DEFAULTS.withK(1.0));
        for (int i = 0; i < 3; i++) {
            assertEquals(x[i], r.points().get(i).x(), 1e-12);
            assertEquals(y[i], r.points().get(i).y(), 1e-12);
        }
        double icpt = 19.0 / 3000;
        assertEquals(0.0035, r.slope(), 1e-12);
        assertEquals(0.0035, r.strain(), 1e-12);
        assertEquals(icpt, r.intercept(), 1e-12);
        assertEquals(300.0 / 19, r.sizeNm(), 1e-9);
        assertEquals(Math.sqrt(1 / 12e6), r.slopeStderr(), 1e-12);
        assertEquals(Math.sqrt(1 / 12e6), r.strainStderr(), 1e-12);
        assertEquals(Math.sqrt(7 / 18e6), r.interceptStderr(), 1e-12);
        assertEquals(Math.sqrt(7 / 18e6) / (icpt * icpt) / 10, r.sizeStderrNm(), 1e-9);
        assertEquals(1 - 1.5 / 222, r.r2(), 1e-12);
        assertEquals(1.0 / 6000, r.points().get(0).residual(), 1e-12);
        assertEquals(-2.0 / 6000, r.points().get(1).residual(), 1e-12);
        assertEquals(1.0 / 6000, r.points().get(2).residual(), 1e-12);
    }

    /** Hand computation of one W-H point: x = 4 sin(theta)/(K lambda), y = beta cos(theta)/(K lambda). */
    @Test
    void axesFollowEquation4() {
        double[] tt = {30, 60, 90};
        double[] b = {0.002, 0.003, 0.004};
        WilliamsonHallResult r = WilliamsonHall.fit(tt, b, 1.2, InstrumentFunction.NONE, WilliamsonHallOptions.DEFAULTS);
        WhPoint p = r.points().get(1);
        assertEquals(4 * 0.5 / (0.9 * 1.2), p.x(), 1e-12); // theta = 30 deg, sin = 1/2
        assertEquals(0.003 * Math.sqrt(3) / 2 / (0.9 * 1.2), p.y(), 1e-12);
    }

    /** The instrument width is removed by the rule of the profile, exactly as BroadeningCorrection states. */
    @Test
    void instrumentRemovalRules() {
        assertEquals(0.3, BroadeningCorrection.LINEAR.apply(0.5, 0.2), 1e-15);
        assertEquals(0.4, BroadeningCorrection.QUADRATURE.apply(0.5, 0.3), 1e-15);
        assertEquals((0.25 - 0.09) / 0.5, BroadeningCorrection.PARABOLIC.apply(0.5, 0.3), 1e-15);
        assertEquals(0.5, BroadeningCorrection.NONE.apply(0.5, 0.3), 0);
        assertTrue(Double.isNaN(BroadeningCorrection.LINEAR.apply(0.2, 0.2)), "not broader than the instrument");
        assertEquals(BroadeningCorrection.LINEAR, Profile.LORENTZIAN.defaultCorrection());
        assertEquals(BroadeningCorrection.QUADRATURE, Profile.GAUSSIAN.defaultCorrection());
    }

    @Test
    void fewerThanThreePeaksIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> WilliamsonHall.fit(new double[] {20, 40},
                new double[] {0.002, 0.003}, 1.54, InstrumentFunction.NONE, WilliamsonHallOptions.DEFAULTS));
        assertTrue(e.getMessage().contains("at least 3"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> WilliamsonHallOptions.DEFAULTS.withMinPeaks(2));
    }

    /** Statistical tolerance: 3 standard errors of the W-H fit (99.7 % for a Gaussian estimate). */
    static final double N_SIGMA = 3;
    /**
     * Absolute caps beside the statistical tolerance: 10 % of the planted eps (the difference between
     * SC-NC91 and SC-NM91 in paper C is a factor > 2, so 10 % keeps them apart) and 30 % of D (D is the
     * intercept of a line whose x-range starts at 0.24 /A, far from x = 0, and size broadening at
     * 100 nm is only ~1/5 of the strain broadening: paper C calls size effects negligible).
     */
    static final double STRAIN_CAP_REL = 0.10;
    static final double SIZE_CAP_REL = 0.30;
    /** The instrument FWHM from the Caglioti fit of the synthetic LaB6 against the planted one: 0.004 deg is 10 % of the smallest planted width. */
    static final double INSTRUMENT_FWHM_TOL_DEG = 0.004;

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
            assertEquals(SyntheticSpec.LAB_INSTRUMENT.fwhmDeg(tt), inst.fwhmDeg(tt), INSTRUMENT_FWHM_TOL_DEG, "instrument FWHM at " + tt);
        }
        DiffractionPattern p = SyntheticPatterns.generate(spec);
        double[] peaks = SyntheticPatterns.reflections(spec).stream().mapToDouble(Reflection::twoThetaDeg).toArray();
        WilliamsonHallResult r = WilliamsonHall.analyse(p, peaks, PeakFitOptions.DEFAULTS, inst, WilliamsonHallOptions.DEFAULTS);
        assertEquals(0.0020, r.strain(), Math.min(N_SIGMA * r.strainStderr(), STRAIN_CAP_REL * 0.0020), "strain");
        assertEquals(100, r.sizeNm(), Math.min(N_SIGMA * r.sizeStderrNm(), SIZE_CAP_REL * 100), "size");
        assertTrue(r.strainStderr() > 0 && r.strainStderr() < STRAIN_CAP_REL * 0.0020, "strain stderr " + r.strainStderr());
        assertTrue(r.r2() > 0.8, "r2 " + r.r2()); // 7 peaks whose residuals are noise only: a poor line means a wrong axis
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
