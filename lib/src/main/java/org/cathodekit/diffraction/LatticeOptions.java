package org.cathodekit.diffraction;

import org.cathodekit.core.Checks;
import org.cathodekit.core.OptionsRecord;

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
 * @param refineSampleDisplacement refine a sample displacement s (Bragg-Brentano), see {@link LatticeFit}
 * @param goniometerRadiusMm  goniometer radius R (mm) that converts the refined cos(theta) term into s
 */
@OptionsRecord
public record LatticeOptions(CrystalSystem system, double a0A, double c0A, boolean refineZeroShift, double indexToleranceDeg,
        double minTwoThetaDeg, double maxTwoThetaDeg, boolean refineSampleDisplacement, double goniometerRadiusMm)
        implements LatticeOptionsBuilder.With {

    /**
     * Default goniometer radius (mm): 250 mm, that of the Bruker D8 family (the LaB6 RAW fixture states
     * 250.0 at offset 564); PANalytical X'Pert/Empyrean use 240 or 320 mm. Only the reported s depends on
     * R (the refined term is s/R), never the lattice parameters.
     */
    public static final double DEFAULT_GONIOMETER_RADIUS_MM = 250.0;

    /** R-3m, a0 = 2.87 A, c0 = 14.2 A (LiNiO2-like), no zero shift, 0.25 deg, 10-120 deg, no displacement. */
    public static final LatticeOptions DEFAULTS = new LatticeOptions(CrystalSystem.HEXAGONAL_R3M, 2.87, 14.2, false, 0.25, 10, 120);

    /** Options without a sample-displacement term. */
    public LatticeOptions(CrystalSystem system, double a0A, double c0A, boolean refineZeroShift, double indexToleranceDeg,
            double minTwoThetaDeg, double maxTwoThetaDeg) {
        this(system, a0A, c0A, refineZeroShift, indexToleranceDeg, minTwoThetaDeg, maxTwoThetaDeg, false, DEFAULT_GONIOMETER_RADIUS_MM);
    }

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
        Checks.requirePositive(goniometerRadiusMm, "goniometer radius (mm)");
    }

    /** @return a copy refining (or not) the sample displacement with goniometer radius {@code radiusMm}. */
    public LatticeOptions withSampleDisplacement(boolean refine, double radiusMm) {
        return toBuilder().refineSampleDisplacement(refine).goniometerRadiusMm(radiusMm).build();
    }

    /** Primitive cubic LaB6 near SRM 660c, zero shift refined. */
    public static LatticeOptions lab6() {
        return new LatticeOptions(CrystalSystem.CUBIC_P, 4.1568, Double.NaN, true, 0.25, 15, 150);
    }

    public LatticeOptions withStart(double a, double c) {
        return toBuilder().a0A(a).c0A(c).build();
    }

    public LatticeOptions withRange(double lo, double hi) {
        return toBuilder().minTwoThetaDeg(lo).maxTwoThetaDeg(hi).build();
    }

    /** @return a builder preset to these values: {@code DEFAULTS.toBuilder().a(..).b(..).build()}. */
    public LatticeOptionsBuilder toBuilder() {
        return with();
    }
}
