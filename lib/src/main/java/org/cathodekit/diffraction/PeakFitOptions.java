package org.cathodekit.diffraction;

import org.cathodekit.core.Checks;

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
public record PeakFitOptions(Profile profile, int backgroundOrder, double windowHalfWidthDeg, double searchRadiusDeg,
        double minSignalToNoise, KAlpha2 kAlpha2, int maxIterations, Weighting weights, AxialDivergence axialDivergence) {

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

    public PeakFitOptions withProfile(Profile p) {
        return new PeakFitOptions(p, backgroundOrder, windowHalfWidthDeg, searchRadiusDeg, minSignalToNoise, kAlpha2, maxIterations, weights, axialDivergence);
    }

    public PeakFitOptions withBackgroundOrder(int o) {
        return new PeakFitOptions(profile, o, windowHalfWidthDeg, searchRadiusDeg, minSignalToNoise, kAlpha2, maxIterations, weights, axialDivergence);
    }

    public PeakFitOptions withWindowHalfWidthDeg(double w) {
        return new PeakFitOptions(profile, backgroundOrder, w, searchRadiusDeg, minSignalToNoise, kAlpha2, maxIterations, weights, axialDivergence);
    }

    public PeakFitOptions withSearchRadiusDeg(double r) {
        return new PeakFitOptions(profile, backgroundOrder, windowHalfWidthDeg, r, minSignalToNoise, kAlpha2, maxIterations, weights, axialDivergence);
    }

    public PeakFitOptions withMinSignalToNoise(double s) {
        return new PeakFitOptions(profile, backgroundOrder, windowHalfWidthDeg, searchRadiusDeg, s, kAlpha2, maxIterations, weights, axialDivergence);
    }

    public PeakFitOptions withKAlpha2(KAlpha2 k) {
        return new PeakFitOptions(profile, backgroundOrder, windowHalfWidthDeg, searchRadiusDeg, minSignalToNoise, k, maxIterations, weights, axialDivergence);
    }

    public PeakFitOptions withMaxIterations(int n) {
        return new PeakFitOptions(profile, backgroundOrder, windowHalfWidthDeg, searchRadiusDeg, minSignalToNoise, kAlpha2, n, weights, axialDivergence);
    }

    public PeakFitOptions withWeights(Weighting w) {
        return new PeakFitOptions(profile, backgroundOrder, windowHalfWidthDeg, searchRadiusDeg, minSignalToNoise, kAlpha2, maxIterations, w, axialDivergence);
    }

    public PeakFitOptions withAxialDivergence(AxialDivergence a) {
        return new PeakFitOptions(profile, backgroundOrder, windowHalfWidthDeg, searchRadiusDeg, minSignalToNoise, kAlpha2, maxIterations, weights, a);
    }
}
