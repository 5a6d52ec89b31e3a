package org.cathodekit.xanes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/** Single-spectrum metrics against analytic cases with planted truth. */
class XanesSpectrumTest {
    /**
     * Tolerance for noise-free analytic cases (eV): double rounding at 8.3 keV (ulp ~ 2e-12 eV) amplified
     * by the least-squares solve and the interpolation; 1e-8 eV is six orders below the smallest shift
     * of interest (0.01 eV, paper C's error bars) yet fails any real error in a formula.
     */
    static final double EXACT_EV = 1e-8;

    /** mu = pre(E) + r(E) (post(E) - pre(E)) with a linear ramp r: n(E) = r(E) exactly, so edge50 is exact. */
    @Test
    void edge50IsExactOnALinearRampBetweenSlopedLines() {
        double[] e = TestSpectra.grid();
        for (double e0 : new double[] {8340.0, 8343.37, 8344.91, 8351.5}) {
            double[] mu = new double[e.length];
            for (int i = 0; i < e.length; i++) {
                double pre = 0.3 + 2e-4 * (e[i] - 8300);
                double post = 1.4 - 1e-4 * (e[i] - 8300);
                double r = Math.max(0, Math.min(1, (e[i] - (e0 - 6)) / 12));
                mu[i] = pre + r * (post - pre);
            }
            SpectrumMetrics m = Xanes.spectrum(e, mu, TestSpectra.OPTIONS.withWhiteline(null));
            assertEquals(e0, m.edge50Ev(), 1e-9, "planted crossing at " + e0);
            double[] n = Xanes.normalised(e, mu, TestSpectra.OPTIONS);
            for (int i = 0; i < e.length; i++) {
                assertEquals(Math.max(0, Math.min(1, (e[i] - (e0 - 6)) / 12)), n[i], 1e-9, "n(E) is the planted ramp");
            }
            assertTrue(m.valid());
            // edge jump at E_ref = 8347.5 (middle of 8330:8365): post - pre
            double ref = 8347.5;
            assertEquals((1.4 - 1e-4 * (ref - 8300)) - (0.3 + 2e-4 * (ref - 8300)), m.edgeJump(), 1e-9);
        }
    }

    /** The crossing is interpolated between the bracketing energies, never snapped to the grid. */
    @Test
    void edge50InterpolatesBetweenGridPoints() {
        double[] e = {8300, 8310, 8340, 8341, 8342, 8343, 8400, 8410};
        double[] mu = {0, 0, 0.1, 0.3, 0.9, 1.0, 1, 1};
        EdgeOptions o = TestSpectra.OPTIONS.withEdgeWindows(new EnergyWindow(8300, 8310), new EnergyWindow(8400, 8410),
                new EnergyWindow(8340, 8343)).withWhiteline(null);
        SpectrumMetrics m = Xanes.spectrum(e, mu, o);
        assertEquals(8341 + (0.5 - 0.3) / (0.9 - 0.3), m.edge50Ev(), 1e-12);
    }

    @Test
    void quadraticVertexIsExactForAParabola() {
        double[] e = new double[21];
        double[] mu = new double[21];
        for (int i = 0; i < 21; i++) {
            e[i] = 8340 + i;
            mu[i] = 1.5 - 0.01 * Math.pow(e[i] - 8349.37, 2);
        }
        EdgeOptions o = EdgeOptions.DEFAULTS.withEdgeWindows(null, null, null).withWhiteline(new EnergyWindow(8340, 8360));
        SpectrumMetrics m = Xanes.spectrum(e, mu, o);
        assertEquals(8349.37, m.whitelineEv(), 1e-8);
        assertTrue(Double.isNaN(m.edge50Ev()), "edge50 not requested");
        // a cubic fit of an exact parabola has c3 = 0 and the same maximum
        assertEquals(8349.37, Xanes.spectrum(e, mu, o.withWhitelineFit(WhitelineFit.CUBIC)).whitelineEv(), 1e-6);
    }

    @Test
    void cubicFindsTheMaximumOfAnExactCubic() {
        double[] e = new double[21];
        double[] mu = new double[21];
        // mu = -(t^3)/3 + t (t = E - 8350 scaled by 1/10): maximum at t = 1 -> 8360? keep inside: shift
        for (int i = 0; i < 21; i++) {
            e[i] = 8340 + i;
            double t = (e[i] - 8346) / 6.0;
            mu[i] = 1 + t - t * t * t / 3;
        }
        EdgeOptions o = EdgeOptions.DEFAULTS.withEdgeWindows(null, null, null).withWhiteline(new EnergyWindow(8340, 8360))
                .withWhitelineFit(WhitelineFit.CUBIC);
        assertEquals(8352.0, Xanes.spectrum(e, mu, o).whitelineEv(), 1e-8);
    }

    /** Paper C's short scans: 8340-8360 eV in 1 eV steps, no pre/post edge; white line only. */
    @Test
    void whitelineWorksOnShortScansWithoutPrePostEdge() {
        double[] e = new double[21];
        for (int i = 0; i < 21; i++) {
            e[i] = 8340 + i;
        }
        EnergyWindow w = new EnergyWindow(8345, 8356);
        EdgeOptions o = EdgeOptions.DEFAULTS.withEdgeWindows(null, null, null).withWhiteline(w);
        // noise-free: the vertex equals an independent least-squares fit of the same parabola
        double[] clean = TestSpectra.spectrum(e, 8343.0, 1.0, 0.8, 8350.2, 0, null);
        double truth = TestSpectra.naiveVertex(e, clean, w);
        assertEquals(truth, Xanes.spectrum(e, clean, o).whitelineEv(), INDEPENDENT_FIT_EV);
        // the arctan step under the Gaussian pulls the vertex above the planted Gaussian centre 8350.2 eV: a
        // property of the metric (reported, not hidden), which is why QUADRATIC_AT_MAXIMUM and GAUSSIAN exist
        assertTrue(truth > 8350.2, "step bias of the fixed-window vertex: " + truth);
        // 1 % noise: the estimator is linear in mu (vertex of linear coefficients), so its mean over 400
        // spectra is the noise-free vertex within a few standard errors (computed from the sample)
        SplittableRandom rnd = new SplittableRandom(3);
        int n = 400;
        double[] v = new double[n];
        for (int k = 0; k < n; k++) {
            v[k] = Xanes.spectrum(e, TestSpectra.spectrum(e, 8343.0, 1.0, 0.8, 8350.2, 0.01, rnd), o).whitelineEv();
        }
        assertWithinStandardErrors(truth, v);
    }

    /**
     * Tolerance between the kernel's vertex and Commons Math's Levenberg-Marquardt polynomial fit (eV):
     * the fitter stops at its relative convergence threshold (~1e-10 of the coefficients), which moves
     * the vertex by well under 1e-6 eV.
     */
    static final double INDEPENDENT_FIT_EV = 1e-6;

    /**
     * Number of standard errors allowed between a sample mean and the expectation: 4 SE, a false
     * alarm probability of 6e-5 for a normal mean, while any bias larger than 4 SE fails.
     */
    static final double STANDARD_ERRORS = 4;

    static void assertWithinStandardErrors(double expected, double[] sample) {
        double m = 0;
        for (double x : sample) {
            m += x;
        }
        m /= sample.length;
        double ss = 0;
        for (double x : sample) {
            ss += (x - m) * (x - m);
        }
        double se = Math.sqrt(ss / (sample.length - 1) / sample.length);
        assertTrue(se > 0, "the sample has spread");
        assertEquals(expected, m, STANDARD_ERRORS * se, "mean of " + sample.length + " within " + STANDARD_ERRORS + " SE (" + se + ")");
    }

    @Test
    void parabolaOpeningUpwardOrVertexOutsideIsRejected() {
        double[] e = new double[21];
        double[] up = new double[21];
        double[] outside = new double[21];
        for (int i = 0; i < 21; i++) {
            e[i] = 8340 + i;
            up[i] = 0.01 * Math.pow(e[i] - 8350, 2);
            outside[i] = -0.01 * Math.pow(e[i] - 8380, 2);
        }
        EdgeOptions o = EdgeOptions.DEFAULTS.withEdgeWindows(null, null, null).withWhiteline(new EnergyWindow(8340, 8360));
        assertEquals(List.of(VoxelStatus.BAD_FIT), Xanes.spectrum(e, up, o).status());
        assertEquals(List.of(VoxelStatus.BAD_FIT), Xanes.spectrum(e, outside, o).status());
        assertTrue(Double.isNaN(Xanes.spectrum(e, outside, o).whitelineEv()));
    }

    @Test
    void planted1p2EvShiftIsRecoveredByBothMetrics() {
        double[] e = TestSpectra.grid();
        SplittableRandom rnd = new SplittableRandom(11);
        int n = 300;
        double[] d50 = new double[n];
        double[] dwl = new double[n];
        EnergyWindow w = new EnergyWindow(8346, 8355);
        EdgeOptions o = TestSpectra.OPTIONS.withWhiteline(w);
        for (int k = 0; k < n; k++) {
            double[] a = TestSpectra.spectrum(e, 8343.2, 1.0, 0.6, 8349.7, 0.01, rnd);
            double[] b = TestSpectra.spectrum(e, 8344.4, 1.0, 0.6, 8350.9, 0.01, rnd);
            SpectrumMetrics ma = Xanes.spectrum(e, a, o);
            SpectrumMetrics mb = Xanes.spectrum(e, b, o);
            d50[k] = mb.edge50Ev() - ma.edge50Ev();
            dwl[k] = mb.whitelineEv() - ma.whitelineEv();
        }
        // noise-free oracles from the naive implementations: the same metrics' shifts for the planted 1.2 eV
        double[] a0 = TestSpectra.spectrum(e, 8343.2, 1.0, 0.6, 8349.7, 0, null);
        double[] b0 = TestSpectra.spectrum(e, 8344.4, 1.0, 0.6, 8350.9, 0, null);
        double s50 = TestSpectra.naiveEdge50(e, b0, o.preEdge(), o.postEdge(), o.edge())
                - TestSpectra.naiveEdge50(e, a0, o.preEdge(), o.postEdge(), o.edge());
        double swl = TestSpectra.naiveVertex(e, b0, w) - TestSpectra.naiveVertex(e, a0, w);
        // edge50 follows a translation up to linear interpolation on the 1 eV grid (curvature of the arctan)
        assertEquals(1.2, s50, GRID_INTERPOLATION_EV);
        // the mean noisy shifts equal the noise-free ones (the metrics are unbiased under 1 % noise here)
        assertWithinStandardErrors(s50, d50);
        assertWithinStandardErrors(swl, dwl);
        // a fixed window attenuates white-line shifts (see wideWhitelineWindowAttenuatesShifts)
        assertTrue(swl < 1.2, "attenuated white-line shift " + swl);
    }

    /**
     * Interpolation error of edge50 on a 1 eV grid (eV): chord vs arctan of half width 1.5 eV, at most
     * (h^2/8) |n''| ~ 0.125 x 0.1 per eV^2 = 0.0125 in n, i.e. about 0.02 eV in energy at the edge slope.
     */
    static final double GRID_INTERPOLATION_EV = 0.02;

    /** The parabola around the highest point follows the peak: a planted 1.2 eV shift is not attenuated. */
    @Test
    void quadraticAtMaximumRecoversWhitelineShifts() {
        double[] e = TestSpectra.grid();
        EdgeOptions o = TestSpectra.OPTIONS.withWhitelineFit(WhitelineFit.QUADRATIC_AT_MAXIMUM).withPeakHalfWidthEv(3.0);
        double a = Xanes.spectrum(e, TestSpectra.spectrum(e, 8343.2, 1.0, 0.6, 8349.7, 0, null), o).whitelineEv();
        double b = Xanes.spectrum(e, TestSpectra.spectrum(e, 8344.4, 1.0, 0.6, 8350.9, 0, null), o).whitelineEv();
        assertEquals(1.2, b - a, 0.1, "noise-free shift");
        SplittableRandom rnd = new SplittableRandom(5);
        double sum = 0;
        int n = 300;
        for (int k = 0; k < n; k++) {
            sum += Xanes.spectrum(e, TestSpectra.spectrum(e, 8344.4, 1.0, 0.6, 8350.9, 0.01, rnd), o).whitelineEv()
                    - Xanes.spectrum(e, TestSpectra.spectrum(e, 8343.2, 1.0, 0.6, 8349.7, 0.01, rnd), o).whitelineEv();
        }
        assertEquals(1.2, sum / n, 0.1, "mean shift with 1 % noise");
        // exact on a parabola whose top lies anywhere inside the window
        double[] mu = new double[e.length];
        for (int i = 0; i < e.length; i++) {
            mu[i] = 1.5 - 0.01 * Math.pow(e[i] - 8351.37, 2);
        }
        assertEquals(8351.37, Xanes.spectrum(e, mu, o.withEdgeWindows(null, null, null)).whitelineEv(), 1e-8);
        // a monotonic rise has its maximum at the window's end: rejected
        double[] rise = new double[e.length];
        for (int i = 0; i < e.length; i++) {
            rise[i] = e[i] * 1e-3;
        }
        assertEquals(List.of(VoxelStatus.BAD_FIT), Xanes.spectrum(e, rise, o.withEdgeWindows(null, null, null)).status());
    }

    /** A whole-grid-step translation of spectrum and window moves the white line by exactly that step. */
    @Test
    void whitelineIsTranslationEquivariantOnTheGrid() {
        double[] e = TestSpectra.grid();
        EdgeOptions a = TestSpectra.OPTIONS.withWhiteline(new EnergyWindow(8345, 8355));
        EdgeOptions b = TestSpectra.OPTIONS.withWhiteline(new EnergyWindow(8347, 8357));
        double wa = Xanes.spectrum(e, TestSpectra.spectrum(e, 8343.2, 1.0, 0.6, 8349.7, 0, null), a).whitelineEv();
        double wb = Xanes.spectrum(e, TestSpectra.spectrum(e, 8345.2, 1.0, 0.6, 8351.7, 0, null), b).whitelineEv();
        assertEquals(2.0, wb - wa, 2e-3); // exact up to the 1e-4/eV background slope
    }

    /**
     * Honesty check: a parabola over a fixed window is pulled toward the window middle when the
     * peak moves off-centre, so white-line shifts are attenuated. Noise-free Gaussian peaks
     * 8349.7 -> 8350.9 eV in a wide 8343:8357 window give a shift well below the planted 1.2 eV.
     */
    @Test
    void wideWhitelineWindowAttenuatesShifts() {
        double[] e = TestSpectra.grid();
        double[] a0 = TestSpectra.spectrum(e, 8343.2, 1.0, 0.6, 8349.7, 0, null);
        double[] b0 = TestSpectra.spectrum(e, 8344.4, 1.0, 0.6, 8350.9, 0, null);
        double a = Xanes.spectrum(e, a0, TestSpectra.OPTIONS).whitelineEv();
        double b = Xanes.spectrum(e, b0, TestSpectra.OPTIONS).whitelineEv();
        EnergyWindow w = TestSpectra.OPTIONS.whiteline();
        assertEquals(TestSpectra.naiveVertex(e, a0, w), a, INDEPENDENT_FIT_EV);
        assertEquals(TestSpectra.naiveVertex(e, b0, w), b, INDEPENDENT_FIT_EV);
        assertTrue(b - a < 1.0, "attenuated shift " + (b - a) + " for a planted 1.2 eV");
        // the peak-following fit is not attenuated on the same spectra
        EdgeOptions m = TestSpectra.OPTIONS.withWhitelineFit(WhitelineFit.QUADRATIC_AT_MAXIMUM);
        double am = Xanes.spectrum(e, a0, m).whitelineEv();
        double bm = Xanes.spectrum(e, b0, m).whitelineEv();
        assertTrue(Math.abs(bm - am - 1.2) < Math.abs(b - a - 1.2), "at-maximum shift " + (bm - am) + " vs fixed " + (b - a));
    }

    @Test
    void constantStepFollowsThePostEdgeSlopeAsTheAnalyticFormula() {
        // planted: pre(E) = 0.1 flat, post(E) = 1.1 + 0.01 (E - 8345) sloped, mu = pre + (post - pre) r(E),
        // r a ramp 0 -> 1 over 8340-8350 eV. Exact lines in the windows, so the fitted pre/post equal the planted ones.
        double[] e = TestSpectra.grid();
        double[] mu = new double[e.length];
        for (int i = 0; i < e.length; i++) {
            mu[i] = 0.1 + (1 + 0.01 * (e[i] - 8345)) * Math.max(0, Math.min(1, (e[i] - 8340) / 10));
        }
        double eRef = 8360;
        EdgeOptions o = TestSpectra.OPTIONS.withWhiteline(null).withEdgeReferenceEv(eRef);
        // two-line normalisation recovers r exactly: crossing at 8345 eV
        assertEquals(8345.0, Xanes.spectrum(e, mu, o).edge50Ev(), EXACT_EV);
        // constant step: n(E) = (mu - pre) / J, J = post(E_ref) - pre(E_ref) = 1.15 (Larch "norm")
        double jump = 1 + 0.01 * (eRef - 8345);
        double[] n = Xanes.normalised(e, mu, o.withNormalisation(Normalisation.CONSTANT_STEP));
        double oracle = Double.NaN;
        for (int i = 0; i < e.length; i++) {
            double expected = (mu[i] - 0.1) / jump;
            assertEquals(expected, n[i], 1e-12, "normalised at " + e[i]);
            if (Double.isNaN(oracle) && i > 0 && e[i] >= 8330 && e[i] <= 8365 && (mu[i - 1] - 0.1) / jump < 0.5 && expected >= 0.5) {
                double p = (mu[i - 1] - 0.1) / jump;
                oracle = e[i - 1] + (0.5 - p) * (e[i] - e[i - 1]) / (expected - p);
            }
        }
        SpectrumMetrics c = Xanes.spectrum(e, mu, o.withNormalisation(Normalisation.CONSTANT_STEP));
        assertEquals(jump, c.edgeJump(), 1e-12);
        assertEquals(oracle, c.edge50Ev(), EXACT_EV);
        assertTrue(c.edge50Ev() > 8345.5, "a larger step at E_ref moves the half-step crossing up: " + c.edge50Ev());
    }

    @Test
    void gaussianFitIsExactForAGaussianPeak() {
        double[] e = new double[21];
        double[] mu = new double[21];
        for (int i = 0; i < 21; i++) {
            e[i] = 8340 + i;
            mu[i] = 0.8 * Math.exp(-0.5 * Math.pow((e[i] - 8349.37) / 3.1, 2));
        }
        EdgeOptions o = EdgeOptions.DEFAULTS.withEdgeWindows(null, null, null).withWhiteline(new EnergyWindow(8343, 8356))
                .withWhitelineFit(WhitelineFit.GAUSSIAN);
        SpectrumMetrics g = Xanes.spectrum(e, mu, o);
        assertEquals(8349.37, g.whitelineEv(), EXACT_EV, "ln of a Gaussian is an exact parabola");
        assertTrue(g.valid());
        // the same window with a parabola in mu is biased by the Gaussian's tails: the metrics are different
        double q = Xanes.spectrum(e, mu, o.withWhitelineFit(WhitelineFit.QUADRATIC)).whitelineEv();
        assertTrue(Math.abs(q - 8349.37) > 1e-4, "quadratic vertex of a Gaussian is not its centre: " + q);
        // a Gaussian dip (ln mu opens upward) and a non-positive mu are rejected as BAD_FIT, not thrown
        double[] dip = new double[21];
        double[] zero = mu.clone();
        for (int i = 0; i < 21; i++) {
            dip[i] = 1 - mu[i];
        }
        zero[10] = 0;
        for (double[] bad : new double[][] {dip, zero}) {
            SpectrumMetrics b = Xanes.spectrum(e, bad, o);
            assertEquals(List.of(VoxelStatus.BAD_FIT), b.status());
            assertTrue(Double.isNaN(b.whitelineEv()));
        }
    }

    @Test
    void gaussianMapsEqualSingleSpectra() throws java.io.IOException {
        double[] e = TestSpectra.grid();
        float[][][] s = TestSpectra.stack2d(e, 6, 7, 8343.2, 8344.4, 0.01, 5);
        EdgeOptions o = TestSpectra.OPTIONS.withWhitelineFit(WhitelineFit.GAUSSIAN);
        EdgeMaps m = Xanes.maps(StackSource.inMemory(e, s), o, 2, 1 << 12);
        for (int y = 0; y < 6; y++) {
            for (int x = 0; x < 7; x++) {
                double[] mu = new double[e.length];
                for (int i = 0; i < e.length; i++) {
                    mu[i] = s[i][y][x];
                }
                double expected = (float) Xanes.spectrum(e, mu, o).whitelineEv();
                assertEquals(expected, m.whiteline().get(0, y, x), 0.0, "voxel " + y + "," + x);
            }
        }
    }

    @Test
    void flatSpectrumIsMaskedAndNanIsFlagged() {
        double[] e = TestSpectra.grid();
        double[] flat = new double[e.length];
        java.util.Arrays.fill(flat, 0.5);
        SpectrumMetrics m = Xanes.spectrum(e, flat, TestSpectra.OPTIONS);
        assertEquals(List.of(VoxelStatus.MASKED), m.status());
        assertTrue(Double.isNaN(m.edge50Ev()) && Double.isNaN(m.whitelineEv()));
        double[] withNan = TestSpectra.spectrum(e, 8344, 1, 0.6, 8350, 0, null);
        withNan[3] = Double.NaN;
        assertEquals(List.of(VoxelStatus.NON_FINITE), Xanes.spectrum(e, withNan, TestSpectra.OPTIONS).status());
        // absolute threshold above the planted jump of 1.0 masks it
        double[] good = TestSpectra.spectrum(e, 8344, 1, 0.6, 8350, 0, null);
        assertEquals(List.of(VoxelStatus.MASKED), Xanes.spectrum(e, good, TestSpectra.OPTIONS.withMinEdgeJump(1.5)).status());
        assertTrue(Xanes.spectrum(e, good, TestSpectra.OPTIONS.withMinEdgeJump(0.5)).valid());
    }

    @Test
    void noCrossingWhenTheEdgeLiesOutsideTheWindow() {
        double[] e = TestSpectra.grid();
        double[] mu = TestSpectra.spectrum(e, 8344, 1, 0.6, 8350, 0, null);
        EdgeOptions o = TestSpectra.OPTIONS.withEdge(new EnergyWindow(8352, 8365));
        SpectrumMetrics m = Xanes.spectrum(e, mu, o);
        assertTrue(m.status().contains(VoxelStatus.NO_CROSSING));
        assertTrue(Double.isNaN(m.edge50Ev()));
    }

    @Test
    void badWindowsAndGridsAreNamed() {
        double[] e = TestSpectra.grid();
        double[] mu = TestSpectra.spectrum(e, 8344, 1, 0.6, 8350, 0, null);
        IllegalArgumentException x = assertThrows(IllegalArgumentException.class,
                () -> Xanes.spectrum(e, mu, TestSpectra.OPTIONS.withPreEdge(new EnergyWindow(8100, 8200))));
        assertTrue(x.getMessage().contains("pre-edge window") && x.getMessage().contains("8250.00-8600.00"), x.getMessage());
        IllegalArgumentException one = assertThrows(IllegalArgumentException.class,
                () -> Xanes.spectrum(e, mu, TestSpectra.OPTIONS.withPreEdge(new EnergyWindow(8315, 8321))));
        assertTrue(one.getMessage().contains("holds 1 measured energies"), one.getMessage());
        double[] dup = e.clone();
        dup[5] = dup[4];
        IllegalArgumentException d = assertThrows(IllegalArgumentException.class, () -> Xanes.spectrum(dup, mu, TestSpectra.OPTIONS));
        assertTrue(d.getMessage().contains("duplicate"), d.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Xanes.spectrum(e, new double[3], TestSpectra.OPTIONS));
        assertThrows(IllegalArgumentException.class, () -> EnergyWindow.parse("8300", "--pre"));
        assertThrows(IllegalArgumentException.class, () -> EnergyWindow.parse("8300:8200", "--pre"));
        assertEquals(new EnergyWindow(8250, 8320.5), EnergyWindow.parse(" 8250 : 8320.5 ", "--pre"));
    }
}
