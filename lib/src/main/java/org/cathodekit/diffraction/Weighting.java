package org.cathodekit.diffraction;

/**
 * How the residuals of a peak fit are weighted: each window minimises {@code sum_i ((y_i - f_i)/sigma_i)^2}.
 * The same rule applies whatever file the pattern came from ({@link PeakWeights#resolve}), so one
 * measurement gives the same fit as {@code .xrdml}, {@code .xy}, {@code .xye}, {@code .ras} or {@code .raw}.
 */
public enum Weighting {
    /**
     * The documented default rule, resolved per pattern by {@link PeakWeights#resolve}: {@link #ESD}
     * when the file has an esd column, else {@link #POISSON} when the intensities are counts (stated by
     * the format, or all non-negative integers), else {@link #NONE}.
     */
    AUTO,
    /**
     * Poisson counting statistics: {@code sigma_i^2 = max(I_i, 1)} (the floor of 1 keeps empty bins
     * finite). For counts per second the weights differ from those of the counts by the constant
     * counting time only, which changes neither the fit nor the (reduced-chi-square-scaled) errors.
     */
    POISSON,
    /** The file's own standard deviations ({@code .xye} third column, GSAS ESD/FXYE); a zero esd falls back to Poisson. */
    ESD,
    /** Unit weights (ordinary least squares), for intensities that are not counts (normalised, background-subtracted). */
    NONE
}
