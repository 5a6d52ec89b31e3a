package org.cathodekit.diffraction;

import org.cathodekit.core.Checks;
import org.cathodekit.core.OptionsRecord;
import org.cathodekit.core.XrdWavelength;

/**
 * Parameters of the synthetic-pattern forward model ({@link SyntheticPatterns}).
 *
 * @param system          crystal system
 * @param aA              lattice a (A)
 * @param cA              lattice c (A, ignored for cubic)
 * @param sizeNm          planted crystallite size D (nm); {@code Double.POSITIVE_INFINITY} for no size broadening
 * @param strain          planted microstrain eps
 * @param ratio003to104   planted (003)/(104) integrated-intensity ratio (R-3m only)
 * @param wavelength      radiation (K-alpha2 doublet included when it has one)
 * @param instrument      instrument FWHM function (Lorentzian, added linearly to the sample width)
 * @param minTwoThetaDeg  scan start
 * @param maxTwoThetaDeg  scan end
 * @param points          number of points
 * @param peakArea        integrated K-alpha1 area of a relative-intensity-100 reflection (counts x deg)
 * @param background      flat background (counts)
 * @param backgroundSlope background slope (counts/deg, relative to the scan start)
 * @param seed            seed of the Poisson noise
 * @param noise           whether to add Poisson noise
 */
@OptionsRecord
public record SyntheticSpec(CrystalSystem system, double aA, double cA, double sizeNm, double strain, double ratio003to104,
        XrdWavelength wavelength, InstrumentFunction instrument, double minTwoThetaDeg, double maxTwoThetaDeg, int points,
        double peakArea, double background, double backgroundSlope, long seed, boolean noise)
        implements SyntheticSpecBuilder.With {

    /** Typical laboratory Cu K-alpha1/2 instrument (Lorentzian Caglioti U = 0.004, V = -0.002, W = 0.0025 deg^2). */
    public static final InstrumentFunction LAB_INSTRUMENT = new InstrumentFunction(0.004, -0.002, 0.0025, Profile.LORENTZIAN, Double.NaN,
            "synthetic laboratory diffractometer (planted)", java.util.List.of());

    /**
     * LiNi0.9Co0.1O2-like (a = 2.872 A, c = 14.19 A), D = 120 nm, eps = 0.0015, (003)/(104) = 1.35,
     * Cu K-alpha1/2, 15-85 deg in 5000 points, seed 1.
     */
    public static final SyntheticSpec DEFAULTS = new SyntheticSpec(CrystalSystem.HEXAGONAL_R3M, 2.872, 14.19, 120, 0.0015, 1.35,
            XrdWavelength.copperDoublet("synthetic"), LAB_INSTRUMENT, 15, 85, 5000, 3000, 200, -1.0, 1, true);

    public SyntheticSpec {
        Checks.requirePositive(aA, "a (A)");
        if (system.hasC()) {
            Checks.requirePositive(cA, "c (A)");
        }
        if (!(sizeNm > 0)) {
            throw new IllegalArgumentException("sizeNm must be > 0 (POSITIVE_INFINITY for none), got " + sizeNm);
        }
        Checks.requireNonNegative(strain, "strain");
        Checks.requirePositive(ratio003to104, "ratio003to104");
        Checks.requireWindow(minTwoThetaDeg, maxTwoThetaDeg, "scan (deg)");
        Checks.requirePositive(points, "points");
        Checks.requirePositive(peakArea, "peakArea");
        Checks.requireNonNegative(background, "background");
    }

    /** A LaB6 standard (SRM 660c a, no size or strain broadening) measured on the same instrument. */
    public SyntheticSpec asLab6Standard() {
        return new SyntheticSpec(CrystalSystem.CUBIC_P, StandardMaterial.LAB6_SRM660C.certifiedAA(), Double.NaN, Double.POSITIVE_INFINITY, 0,
                1, wavelength, instrument, minTwoThetaDeg, Math.max(maxTwoThetaDeg, 120), points, peakArea, background, backgroundSlope,
                seed, noise);
    }

    public SyntheticSpec withLattice(double a, double c) {
        return toBuilder().aA(a).cA(c).build();
    }

    public SyntheticSpec withScan(double lo, double hi, int n) {
        return toBuilder().minTwoThetaDeg(lo).maxTwoThetaDeg(hi).points(n).build();
    }

    public SyntheticSpec withCounts(double area, double bg) {
        return toBuilder().peakArea(area).background(bg).build();
    }

    /** @return a builder preset to these values: {@code DEFAULTS.toBuilder().a(..).b(..).build()}. */
    public SyntheticSpecBuilder toBuilder() {
        return with();
    }
}
