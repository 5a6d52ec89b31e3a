package org.cathodekit.diffraction;

import org.cathodekit.core.Checks;
import org.cathodekit.core.OptionsRecord;

/**
 * Options of single/multi-peak fits.
 *
 * @param profile              peak shape (paper C: Lorentzian)
 * @param backgroundOrder      polynomial order of the background under each window (0, 1 or 2)
 * @param windowHalfWidthDeg   half width of the window around each requested peak (deg 2-theta);
 *                             peaks closer than two half widths share one multi-peak window
 * @param searchRadiusDeg      how far from the requested position the starting centre is looked for
 * @param minSignalToNoise     peak height above background / noise below which a window counts as empty
 * @param kAlpha2              K-alpha2 treatment
 * @param maxIterations        Levenberg-Marquardt iteration limit
 * @param weights              residual weighting rule ({@link Weighting#AUTO}: see {@link PeakWeights})
 * @param axialDivergence      peak asymmetry from axial divergence ({@link AxialDivergence#NONE}: symmetric
 *                             peaks); the fitted centre is then the Bragg angle of the symmetric profile
 */
@OptionsRecord
public record PeakFitOptions(Profile profile, int backgroundOrder, double windowHalfWidthDeg, double searchRadiusDeg,
        double minSignalToNoise, KAlpha2 kAlpha2, int maxIterations, Weighting weights, AxialDivergence axialDivergence)
        implements PeakFitOptionsBuilder.With {

    /**
     * Lorentzian, linear background, +-1.0 deg windows, 0.25 deg search, S/N 5, K-alpha2 doublet, 200 iterations, AUTO weights,
     * symmetric peaks.
     */
    public static final PeakFitOptions DEFAULTS = new PeakFitOptions(Profile.LORENTZIAN, 1, 1.0, 0.25, 5.0, KAlpha2.DOUBLET, 200,
            Weighting.AUTO, AxialDivergence.NONE);

    /** The options without a weighting rule ({@link Weighting#AUTO}). */
    public PeakFitOptions(Profile profile, int backgroundOrder, double windowHalfWidthDeg, double searchRadiusDeg, double minSignalToNoise,
            KAlpha2 kAlpha2, int maxIterations) {
        this(profile, backgroundOrder, windowHalfWidthDeg, searchRadiusDeg, minSignalToNoise, kAlpha2, maxIterations, Weighting.AUTO,
                AxialDivergence.NONE);
    }

    /** The options with symmetric peaks ({@link AxialDivergence#NONE}). */
    public PeakFitOptions(Profile profile, int backgroundOrder, double windowHalfWidthDeg, double searchRadiusDeg, double minSignalToNoise,
            KAlpha2 kAlpha2, int maxIterations, Weighting weights) {
        this(profile, backgroundOrder, windowHalfWidthDeg, searchRadiusDeg, minSignalToNoise, kAlpha2, maxIterations, weights,
                AxialDivergence.NONE);
    }

    public PeakFitOptions {
        if (profile == null || kAlpha2 == null || weights == null || axialDivergence == null) {
            throw new IllegalArgumentException("profile, kAlpha2, weights and axialDivergence must not be null");
        }
        if (backgroundOrder < 0 || backgroundOrder > 2) {
            throw new IllegalArgumentException("backgroundOrder must be 0, 1 or 2, got " + backgroundOrder);
        }
        Checks.requirePositive(windowHalfWidthDeg, "windowHalfWidthDeg");
        Checks.requirePositive(searchRadiusDeg, "searchRadiusDeg");
        Checks.requireNonNegative(minSignalToNoise, "minSignalToNoise");
        Checks.requirePositive(maxIterations, "maxIterations");
    }

    /** @return a builder preset to these values: {@code DEFAULTS.toBuilder().a(..).b(..).build()}. */
    public PeakFitOptionsBuilder toBuilder() {
        return with();
    }
}
