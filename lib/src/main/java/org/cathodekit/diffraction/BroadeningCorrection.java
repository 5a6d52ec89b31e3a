package org.cathodekit.diffraction;

/**
 * How the instrument width {@code b} is removed from the observed width {@code B} to give the
 * sample width {@code beta} (all FWHM, same unit).
 */
public enum BroadeningCorrection {
    /** {@code beta = B - b}: exact for Lorentzian sample and instrument profiles (widths add under convolution). */
    LINEAR,
    /** {@code beta = sqrt(B^2 - b^2)}: exact for Gaussian profiles (variances add). */
    QUADRATURE,
    /** {@code beta = (B^2 - b^2) / B}: the parabolic approximation for mixed (Voigt-like) profiles. */
    PARABOLIC,
    /** {@code beta = B}: no instrument correction (stated in results). */
    NONE;

    /** @return the sample width, or NaN when {@code B <= b} (peak not broader than the instrument). */
    public double apply(double observed, double instrument) {
        if (this == NONE) {
            return observed;
        }
        if (!(observed > instrument)) {
            return Double.NaN;
        }
        return switch (this) {
            case LINEAR -> observed - instrument;
            case QUADRATURE -> Math.sqrt(observed * observed - instrument * instrument);
            case PARABOLIC -> (observed * observed - instrument * instrument) / observed;
            default -> observed;
        };
    }
}
