package org.cathodekit.thermal;

/**
 * Definitions of the onset temperature of a mass-loss step. The definition is always reported with
 * the onset (see {@link Onset#method()}); the same curve gives different numbers for different
 * definitions, typically spread over 5-20 K for a cathode's oxygen-release step.
 *
 * <p>Notation: {@code M(T)} mass % relative to the reference mass (Savitzky-Golay smoothed),
 * {@code D(T) = dM/dT} the DTG in %/K, {@code T*} the DTG extremum (most negative D) in the step
 * search window, {@code B(T) = a + bT} the pre-step baseline line fitted by least squares to
 * the measured mass % in the baseline window.
 */
public enum OnsetMethod {
    /**
     * ISO 11358-1 extrapolated onset: intersection of the pre-step baseline {@code B(T)} with the
     * inflection tangent {@code M(T*) + D(T*)(T - T*)}:
     * {@code T_on = (M(T*) - D(T*) T* - a) / (b - D(T*))}.
     * For a logistic step {@code Δ/(1+exp(-(T-Tc)/w))} on a linear baseline: {@code T_on = Tc - 2w}.
     */
    ISO_11358_EXTRAPOLATED,
    /**
     * ASTM E2550 onset: the first detectable deviation from the baseline, i.e. the temperature below
     * {@code T*} at which {@code B(T) - M(T)} rises through the threshold
     * {@link TgaOptions#astmDeviationPct()} (percentage points of the reference mass). For the
     * logistic step: {@code T_on = Tc + w ln(θ/(Δ-θ))}.
     */
    ASTM_E2550_DEVIATION,
    /**
     * DTG threshold: the temperature below {@code T*} at which the baseline-corrected rate
     * {@code b - D(T)} rises through the fraction {@link TgaOptions#dtgThresholdFraction()} of its
     * value at {@code T*}. For the logistic step with fraction f:
     * {@code T_on = Tc + w ln(s/(1-s))}, {@code s = (1 - sqrt(1-f))/2}.
     */
    DTG_THRESHOLD,
    /**
     * Temperature at a fixed mass loss: the first temperature (above the reference temperature) at
     * which {@code M(T) = 100 - X}, {@code X = } {@link TgaOptions#fixedMassLossPct()}. Does not use
     * the baseline or the DTG; for the logistic step from 100 %: {@code T_on = Tc + w ln(X/(Δ-X))}.
     */
    FIXED_MASS_LOSS;

    /** @return the short command-line name: {@code iso}, {@code astm}, {@code dtg}, {@code mass-loss}. */
    public String cliName() {
        return switch (this) {
            case ISO_11358_EXTRAPOLATED -> "iso";
            case ASTM_E2550_DEVIATION -> "astm";
            case DTG_THRESHOLD -> "dtg";
            case FIXED_MASS_LOSS -> "mass-loss";
        };
    }
}
