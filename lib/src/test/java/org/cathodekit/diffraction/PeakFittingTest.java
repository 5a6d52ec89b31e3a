package org.cathodekit.diffraction;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;

import org.cathodekit.core.DiffractionPattern;
import org.cathodekit.core.XrdWavelength;
import org.cathodekit.io.PatternReader;
import org.junit.jupiter.api.Test;

/** Profile fits against analytic areas and widths. */
class PeakFittingTest {

    /** Each profile integrates to 1 and has its FWHM at half its height (numerical quadrature). */
    @Test
    void profilesAreUnitAreaWithStatedFwhm() {
        for (Profile p : Profile.values()) {
            double w = 0.3;
            double sum = 0;
            double h = 1e-4;
            for (double u = -200; u <= 200; u += h) {
                sum += p.value(u, w, 0.4) * h;
            }
            assertEquals(1.0, sum, p == Profile.GAUSSIAN ? 1e-9 : 2e-3 * 0.6, p + " area"); // Lorentzian tails beyond +-200 deg: 2w/(pi 400)
            double peak = p.value(0, w, 0.4);
            assertEquals(peak / 2, p.value(w / 2, w, 0.4), 1e-12 * peak, p + " half maximum at w/2");
            assertEquals(peak, p.heightPerArea(w, 0.4), 0);
        }
        assertEquals(2 / (Math.PI * 0.3), Profile.LORENTZIAN.value(0, 0.3, 0), 1e-12);
    }

    /** Noise-free profiles with known centre, FWHM, area and linear background are recovered to 1e-6 relative. */
    @Test
    void noiseFreeProfilesAreRecoveredExactly() {
        for (Profile prof : Profile.values()) {
            double[] x = new double[301];
            double[] y = new double[301];
            for (int i = 0; i < x.length; i++) {
                x[i] = 43 + 0.01 * i;
                y[i] = 80 + 5 * (x[i] - 44.5) + 250 * prof.value(x[i] - 44.43, 0.21, 0.35);
            }
            PeakResult r = PeakFitting.fit(x, y, null, null, new double[] {44.4}, PeakFitOptions.DEFAULTS.withProfile(prof)
                    .withWindowHalfWidthDeg(1.5)).get(0);
            assertEquals(FitStatus.OK, r.status(), r.message());
            assertEquals(44.43, r.twoThetaDeg(), 1e-6, prof + " centre");
            assertEquals(0.21, r.fwhmDeg(), 1e-6, prof + " fwhm");
            assertEquals(250, r.area(), 250e-6, prof + " area");
            assertEquals(Math.toRadians(0.21), r.fwhmRad(), 1e-8);
            assertEquals(1.0, r.windowR2(), 1e-9);
            if (prof == Profile.PSEUDO_VOIGT) {
                assertEquals(0.35, r.eta(), 1e-5);
            }
        }
    }

    /** The K-alpha2 doublet: fitting with the doublet gives back the K-alpha1 width and area; ignoring it broadens. */
    @Test
    void kAlpha2DoubletIsModelled() {
        XrdWavelength cu = XrdWavelength.copperDoublet("test");
        double[] x = new double[801];
        double[] y = new double[801];
        double c1 = 65.0;
        double c2 = Wavelengths.convertTwoThetaDeg(c1, cu.alpha1A(), cu.alpha2A());
        assertEquals(0.18, c2 - c1, 0.005); // Cu K-alpha1/2 splitting at 65 deg
        for (int i = 0; i < x.length; i++) {
            x[i] = 63.5 + 0.004 * i;
            y[i] = 20 + 100 * (Profile.lorentz(x[i] - c1, 0.12) + 0.5 * Profile.lorentz(x[i] - c2, 0.12));
        }
        PeakResult d = PeakFitting.fit(x, y, null, cu, new double[] {65.0}, PeakFitOptions.DEFAULTS.withWindowHalfWidthDeg(1.5)).get(0);
        assertEquals(0.12, d.fwhmDeg(), 1e-6);
        assertEquals(100, d.area(), 1e-4);
        assertEquals(c1, d.twoThetaDeg(), 1e-6);
        double[] model = PeakFitting.modelCurve(x, List.of(d), cu, PeakFitOptions.DEFAULTS);
        for (int i = 0; i < x.length; i++) {
            if (x[i] >= d.windowLoDeg() && x[i] <= d.windowHiDeg()) {
                assertEquals(y[i], model[i], 1e-6, "model curve at " + x[i]);
            } else {
                assertTrue(Double.isNaN(model[i]));
            }
        }
        PeakResult s = PeakFitting.fit(x, y, null, cu, new double[] {65.0}, PeakFitOptions.DEFAULTS.withWindowHalfWidthDeg(1.5)
                .withKAlpha2(KAlpha2.IGNORE)).get(0);
        assertTrue(s.fwhmDeg() > 0.15, "single-peak fit of a doublet is broader: " + s.fwhmDeg());
    }

    /** Rachinger stripping removes the K-alpha2 line: the stripped single-peak fit gives K-alpha1's width and area. */
    @Test
    void rachingerStrippingRecoversKAlpha1() {
        XrdWavelength cu = XrdWavelength.copperDoublet("test");
        double[] x = new double[1501];
        double[] y = new double[1501];
        double c1 = 65.0;
        double c2 = Wavelengths.convertTwoThetaDeg(c1, cu.alpha1A(), cu.alpha2A());
        for (int i = 0; i < x.length; i++) {
            x[i] = 62 + 0.004 * i;
            y[i] = 20 + 100 * (Profile.lorentz(x[i] - c1, 0.12) + 0.5 * Profile.lorentz(x[i] - c2, 0.12));
        }
        double[] before = y.clone();
        double[] s = PeakFitting.stripKAlpha2(x, y, cu);
        assertArrayEquals(before, y, 0.0, "input not modified");
        PeakResult r = PeakFitting.fit(x, y, null, cu, new double[] {65.0}, PeakFitOptions.DEFAULTS.withWindowHalfWidthDeg(1.5)
                .withKAlpha2(KAlpha2.STRIP)).get(0);
        assertEquals(FitStatus.OK, r.status());
        assertEquals(0.12, r.fwhmDeg(), 0.002);
        assertEquals(100, r.area(), 2.0);
        assertEquals(c1, r.twoThetaDeg(), 1e-3);
        // background 20 becomes 20 (1 - R) = 10 far from the peak
        assertEquals(10, s[50], 0.5);
    }

    /** A fit that cannot converge in the iteration limit is reported per peak as NOT_CONVERGED. */
    @Test
    void nonConvergenceIsReported() {
        double[] x = new double[301];
        double[] y = new double[301];
        for (int i = 0; i < x.length; i++) {
            x[i] = 43 + 0.01 * i;
            y[i] = 80 + 250 * Profile.lorentz(x[i] - 44.43, 0.21);
        }
        PeakResult r = PeakFitting.fit(x, y, null, null, new double[] {44.4}, PeakFitOptions.DEFAULTS.withMaxIterations(1)).get(0);
        assertEquals(FitStatus.NOT_CONVERGED, r.status());
        assertTrue(r.message().contains("did not converge"), r.message());
    }

    /** Overlapping pair (like 018/110) fitted together in one window. */
    @Test
    void overlappingPairIsSeparated() {
        double[] x = new double[600];
        double[] y = new double[600];
        for (int i = 0; i < x.length; i++) {
            x[i] = 63.5 + 0.005 * i;
            y[i] = 30 + 60 * Profile.lorentz(x[i] - 64.45, 0.25) + 70 * Profile.lorentz(x[i] - 64.90, 0.28);
        }
        List<PeakResult> r = PeakFitting.fit(x, y, null, null, new double[] {64.5, 64.85}, PeakFitOptions.DEFAULTS);
        assertEquals(2, r.get(0).peaksInWindow());
        assertEquals(64.45, r.get(0).twoThetaDeg(), 1e-6);
        assertEquals(64.90, r.get(1).twoThetaDeg(), 1e-6);
        assertEquals(0.25, r.get(0).fwhmDeg(), 1e-6);
        assertEquals(70, r.get(1).area(), 1e-4);
    }

    /** Hand-made fixture (integer-rounded Lorentzian: 44.40 deg, FWHM 0.20, area 100): rounding-limited recovery. */
    @Test
    void handMadeFixtureFromFile() throws URISyntaxException {
        Path f = Path.of(PeakFittingTest.class.getResource("/org/cathodekit/io/xrd/handmade_peak_nowavelength.xy").toURI());
        DiffractionPattern p = PatternReader.read(f);
        PeakResult r = PeakFitting.fit(p, new double[] {44.4}, PeakFitOptions.DEFAULTS).get(0);
        assertEquals(44.40, r.twoThetaDeg(), 0.003);
        assertEquals(0.20, r.fwhmDeg(), 0.01);
        assertEquals(100, r.area(), 4); // tails beyond the 2-deg window go partly into the background
        assertTrue(r.twoThetaStderrDeg() > 0 && r.twoThetaStderrDeg() < 0.01);
    }

    /** A window without a peak and a window outside the scan are reported, not thrown. */
    @Test
    void emptyWindowsAreReported() {
        double[] x = new double[400];
        double[] y = new double[400];
        java.util.Random rnd = new java.util.Random(5);
        for (int i = 0; i < x.length; i++) {
            x[i] = 20 + 0.01 * i;
            y[i] = 100 + 10 * rnd.nextGaussian();
        }
        List<PeakResult> r = PeakFitting.fit(x, y, null, null, new double[] {22, 40}, PeakFitOptions.DEFAULTS);
        assertEquals(FitStatus.NO_PEAK, r.get(0).status());
        assertTrue(Double.isNaN(r.get(0).fwhmDeg()));
        assertEquals(FitStatus.TOO_FEW_POINTS, r.get(1).status());
        assertTrue(r.get(1).message().contains("outside the measured range"), r.get(1).message());
    }
}
