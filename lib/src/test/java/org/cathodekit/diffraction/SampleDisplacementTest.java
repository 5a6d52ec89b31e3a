package org.cathodekit.diffraction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.cathodekit.core.DiffractionPattern;
import org.junit.jupiter.api.Test;

/**
 * {@link LatticeFit} with a Bragg-Brentano sample displacement, on planted truth: the 2-theta shift
 * {@code -2 s cos(theta)/R} computed here by hand (not by LatticeFit) is added to exact LaB6 positions
 * or to the axis of a synthetic pattern, and the refinement must give back a, z and s.
 */
class SampleDisplacementTest {

    static final double A = StandardMaterial.LAB6_SRM660C.certifiedAA();
    static final double LAMBDA = 1.540593;
    static final double R_MM = 250;

    /** Planted shift (deg) by hand: Klug & Alexander's -2 s cos(theta) / R, rad to deg. */
    static double shiftDeg(double twoThetaDeg, double sMm) {
        return Math.toDegrees(-2 * sMm * Math.cos(Math.toRadians(twoThetaDeg) / 2) / R_MM);
    }

    static List<IndexedPeak> planted(double zDeg, double sMm) {
        List<IndexedPeak> out = new ArrayList<>();
        for (Reflection r : CrystalSystem.CUBIC_P.reflections(A, Double.NaN, LAMBDA, 15, 145)) {
            out.add(new IndexedPeak(r, r.twoThetaDeg() + zDeg + shiftDeg(r.twoThetaDeg(), sMm), Double.NaN, 1));
        }
        return out;
    }

    static LatticeOptions options(boolean zero, boolean disp) {
        return LatticeOptions.lab6().withRefineZeroShift(zero).withSampleDisplacement(disp, R_MM);
    }

    @Test
    void exactPositionsGiveBackDisplacementAlone() {
        LatticeResult r = LatticeFit.refine(planted(0, 0.12), LAMBDA, options(false, true));
        assertEquals(A, r.aA(), 1e-9);
        assertEquals(0.12, r.sampleDisplacementMm(), 1e-7);
        assertEquals(0.0, r.zeroShiftDeg(), 0.0, "not refined");
        assertEquals(R_MM, r.goniometerRadiusMm());
    }

    /** Over 15-145 deg cos(theta) and a constant separate: both come back, their correlation below 1. */
    @Test
    void exactPositionsGiveBackZeroAndDisplacementTogether() {
        LatticeResult r = LatticeFit.refine(planted(0.015, -0.08), LAMBDA, options(true, true));
        assertEquals(A, r.aA(), 1e-9);
        assertEquals(0.015, r.zeroShiftDeg(), 1e-8);
        assertEquals(-0.08, r.sampleDisplacementMm(), 1e-6);
        assertTrue(Double.isNaN(r.zeroDisplacementCorrelation()) || Math.abs(r.zeroDisplacementCorrelation()) < 1);
    }

    /** Why the term exists: a zero shift alone absorbs a displacement only partly and biases a. */
    @Test
    void zeroShiftAloneIsBiasedByADisplacement() {
        LatticeResult z = LatticeFit.refine(planted(0, 0.12), LAMBDA, options(true, false));
        assertTrue(Math.abs(z.aA() - A) > 2e-4, "a biased by " + (z.aA() - A) + " A");
    }

    /** R only scales the reported s (the refined term is s/R): a is the same for any R. */
    @Test
    void goniometerRadiusChangesOnlyS() {
        LatticeResult r250 = LatticeFit.refine(planted(0, 0.12), LAMBDA, options(false, true));
        LatticeResult r500 = LatticeFit.refine(planted(0, 0.12), LAMBDA, options(false, true).withSampleDisplacement(true, 500));
        assertEquals(r250.aA(), r500.aA(), 1e-12);
        assertEquals(2 * r250.sampleDisplacementMm(), r500.sampleDisplacementMm(), 1e-9);
    }

    /**
     * Forward model: a noisy synthetic LaB6 pattern (SyntheticPatterns, seed 11) whose 2-theta axis is
     * moved point by point by the planted shift (peaks move by the shift at their angle; the widths
     * change by a factor 1 + s sin(theta)/R ~ 1 + 5e-4, negligible). Profile fits + refinement must
     * recover s = 0.15 mm within 0.01 mm and a within 3e-5 A (position noise of the fits).
     */
    @Test
    void syntheticPatternWithPlantedDisplacement() {
        SyntheticSpec spec = SyntheticSpec.DEFAULTS.asLab6Standard().withScan(15, 140, 12500).withSeed(11);
        DiffractionPattern p = SyntheticPatterns.generate(spec);
        double[] x = p.twoThetaDeg();
        double[] moved = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            moved[i] = x[i] + shiftDeg(x[i], 0.15);
        }
        DiffractionPattern shifted = new DiffractionPattern(null, "synthetic", moved, DiffractionPattern.AxisUnit.TWO_THETA_DEG,
                p.intensity(), null, "counts", p.wavelength().orElseThrow(), List.of());
        LatticeResult r = LatticeFit.fit(shifted, options(false, true), PeakFitOptions.DEFAULTS.withWindowHalfWidthDeg(0.6));
        assertEquals(0.15, r.sampleDisplacementMm(), 0.01);
        assertEquals(A, r.aA(), 3e-5);
        LatticeResult both = LatticeFit.fit(shifted, options(true, true), PeakFitOptions.DEFAULTS.withWindowHalfWidthDeg(0.6));
        assertEquals(A, both.aA(), 1e-4);
        assertEquals(0.0, both.zeroShiftDeg(), 0.01);
    }
}
