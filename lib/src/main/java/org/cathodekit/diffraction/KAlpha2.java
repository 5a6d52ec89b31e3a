package org.cathodekit.diffraction;

/** How a K-alpha2 component of the radiation is treated in peak fits. */
public enum KAlpha2 {
    /**
     * Each peak is a fixed-ratio doublet: K-alpha1 at {@code 2theta1} and K-alpha2 at
     * {@code 2theta2 = 2 asin((lambda2/lambda1) sin theta1)}, same FWHM and shape, area ratio
     * {@code I2/I1} from the radiation. Reported centre, width and area are those of K-alpha1.
     * Ignored when the radiation is monochromatic.
     */
    DOUBLET,
    /**
     * Rachinger stripping before single-peak fits: {@code I1(x) = I(x) - R I1(x')} with {@code x'} the
     * K-alpha1 position whose K-alpha2 line falls at {@code x} ({@code x = 2 asin((lambda2/lambda1)
     * sin(x'/2))}), evaluated in increasing 2-theta with linear interpolation
     * ({@link PeakFitting#stripKAlpha2}). Noise is amplified slightly; widths and areas are K-alpha1's.
     */
    STRIP,
    /** Fit single peaks even if the radiation has K-alpha2 (stated in results; widths then include the doublet). */
    IGNORE
}
