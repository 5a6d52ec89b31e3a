package org.cathodekit.diffraction;

import org.cathodekit.core.Checks;

/** Bragg's law conversions: {@code lambda = 2 d sin(theta)}. */
public final class Wavelengths {
    private Wavelengths() {
    }

    /**
     * Converts a 2-theta position measured at one wavelength to the 2-theta of the same d-spacing
     * at another (paper A: synchrotron 0.9762 A converted to Cu K-alpha 1.5406 A):
     * {@code sin(theta_to) = (lambda_to / lambda_from) sin(theta_from)}.
     *
     * @return the converted 2-theta (deg), or NaN when the reflection is not reachable at {@code toA}
     */
    public static double convertTwoThetaDeg(double twoThetaDeg, double fromA, double toA) {
        Checks.requirePositive(fromA, "source wavelength (A)");
        Checks.requirePositive(toA, "target wavelength (A)");
        double s = toA / fromA * Math.sin(Math.toRadians(twoThetaDeg) / 2);
        return s <= 1 ? 2 * Math.toDegrees(Math.asin(s)) : Double.NaN;
    }

    /** @return d-spacing (A) of a 2-theta (deg) at wavelength {@code lambdaA}: {@code d = lambda / (2 sin theta)}. */
    public static double dSpacingA(double twoThetaDeg, double lambdaA) {
        return lambdaA / (2 * Math.sin(Math.toRadians(twoThetaDeg) / 2));
    }

    /** @return 2-theta (deg) of d-spacing {@code dA} at {@code lambdaA}, NaN when {@code lambda > 2d}. */
    public static double twoThetaDeg(double dA, double lambdaA) {
        double s = lambdaA / (2 * dA);
        return s <= 1 ? 2 * Math.toDegrees(Math.asin(s)) : Double.NaN;
    }
}
