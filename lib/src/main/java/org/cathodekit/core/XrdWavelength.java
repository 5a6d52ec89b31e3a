package org.cathodekit.core;

/**
 * The radiation a diffraction pattern was measured with: K-alpha1 (or the monochromatic
 * wavelength), optionally K-alpha2 with its intensity ratio, and where the values came from.
 *
 * @param alpha1A   K-alpha1 or monochromatic wavelength (Angstrom)
 * @param alpha2A   K-alpha2 wavelength (Angstrom), {@code NaN} when the beam is monochromatic or
 *                  K-alpha2 was stripped
 * @param ratio21   intensity ratio I(K-alpha2)/I(K-alpha1), {@code 0} when there is no K-alpha2
 * @param origin    where the values came from ({@code "file: <element>"}, {@code "user"}, ...)
 */
public record XrdWavelength(double alpha1A, double alpha2A, double ratio21, String origin) {

    /** Cu K-alpha1 (Holzer et al. 1997, as in GSAS-II / xrayutilities): 1.540593 A. */
    public static final double CU_KA1_A = 1.540593;
    /** Cu K-alpha2: 1.544427 A. */
    public static final double CU_KA2_A = 1.544427;
    /** The conventional Cu K-alpha2/K-alpha1 intensity ratio 0.5. */
    public static final double CU_RATIO = 0.5;

    public XrdWavelength {
        Checks.requirePositive(alpha1A, "wavelength K-alpha1 (A)");
        Checks.requireInRange(alpha1A, 0.05, 5.0, "wavelength K-alpha1 (A)");
        Checks.requireInRange(ratio21, 0.0, 1.0, "K-alpha2/K-alpha1 intensity ratio");
        if (ratio21 > 0) {
            Checks.requirePositive(alpha2A, "wavelength K-alpha2 (A)");
            if (!(alpha2A > alpha1A)) {
                throw new IllegalArgumentException("wavelength K-alpha2 must be longer than K-alpha1, got K-alpha1 = "
                        + alpha1A + " A, K-alpha2 = " + alpha2A + " A");
            }
        } else {
            alpha2A = Double.NaN;
        }
        origin = origin == null ? "unspecified" : origin;
    }

    /** A monochromatic beam (synchrotron, or K-alpha2 already stripped). */
    public static XrdWavelength monochromatic(double lambdaA, String origin) {
        return new XrdWavelength(lambdaA, Double.NaN, 0.0, origin);
    }

    /** Cu K-alpha1/K-alpha2 with the conventional ratio 0.5. */
    public static XrdWavelength copperDoublet(String origin) {
        return new XrdWavelength(CU_KA1_A, CU_KA2_A, CU_RATIO, origin);
    }

    /** @return whether a K-alpha2 component is present. */
    public boolean hasAlpha2() {
        return ratio21 > 0;
    }

    /** @return a short description, e.g. {@code "K-alpha1 1.540593 A + K-alpha2 1.544427 A (ratio 0.5; file)"}. */
    public String describe() {
        return hasAlpha2()
                ? String.format(java.util.Locale.ROOT, "K-alpha1 %.6f A + K-alpha2 %.6f A (ratio %.3f; %s)", alpha1A, alpha2A, ratio21, origin)
                : String.format(java.util.Locale.ROOT, "monochromatic %.6f A (%s)", alpha1A, origin);
    }
}
