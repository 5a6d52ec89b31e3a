package org.cathodekit.diffraction;

import org.cathodekit.core.Checks;

/**
 * Options of the lattice-parameter refinement.
 *
 * @param system              crystal system
 * @param a0A                 starting a (A), used to index the reflections
 * @param c0A                 starting c (A); ignored for cubic
 * @param refineZeroShift     refine a 2-theta zero shift z (obs = calc + z)
 * @param indexToleranceDeg   largest |obs - calc| (deg) for a peak to be indexed
 * @param minTwoThetaDeg      lowest 2-theta used
 * @param maxTwoThetaDeg      highest 2-theta used
 */
public record LatticeOptions(CrystalSystem system, double a0A, double c0A, boolean refineZeroShift, double indexToleranceDeg,
        double minTwoThetaDeg, double maxTwoThetaDeg) {

    /** R-3m, a0 = 2.87 A, c0 = 14.2 A (LiNiO2-like), no zero shift, 0.25 deg, 10-120 deg. */
    public static final LatticeOptions DEFAULTS = new LatticeOptions(CrystalSystem.HEXAGONAL_R3M, 2.87, 14.2, false, 0.25, 10, 120);

    public LatticeOptions {
        if (system == null) {
            throw new IllegalArgumentException("system must not be null");
        }
        Checks.requirePositive(a0A, "a0 (A)");
        if (system.hasC()) {
            Checks.requirePositive(c0A, "c0 (A)");
        }
        Checks.requirePositive(indexToleranceDeg, "indexToleranceDeg");
        Checks.requireWindow(minTwoThetaDeg, maxTwoThetaDeg, "2-theta range (deg)");
    }

    /** Primitive cubic LaB6 near SRM 660c, zero shift refined. */
    public static LatticeOptions lab6() {
        return new LatticeOptions(CrystalSystem.CUBIC_P, 4.1568, Double.NaN, true, 0.25, 15, 150);
    }

    public LatticeOptions withSystem(CrystalSystem s) {
        return new LatticeOptions(s, a0A, c0A, refineZeroShift, indexToleranceDeg, minTwoThetaDeg, maxTwoThetaDeg);
    }

    public LatticeOptions withStart(double a, double c) {
        return new LatticeOptions(system, a, c, refineZeroShift, indexToleranceDeg, minTwoThetaDeg, maxTwoThetaDeg);
    }

    public LatticeOptions withRefineZeroShift(boolean z) {
        return new LatticeOptions(system, a0A, c0A, z, indexToleranceDeg, minTwoThetaDeg, maxTwoThetaDeg);
    }

    public LatticeOptions withIndexToleranceDeg(double t) {
        return new LatticeOptions(system, a0A, c0A, refineZeroShift, t, minTwoThetaDeg, maxTwoThetaDeg);
    }

    public LatticeOptions withRange(double lo, double hi) {
        return new LatticeOptions(system, a0A, c0A, refineZeroShift, indexToleranceDeg, lo, hi);
    }
}
