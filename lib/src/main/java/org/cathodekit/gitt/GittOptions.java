package org.cathodekit.gitt;

import org.cathodekit.core.Checks;
import org.cathodekit.core.OptionsRecord;

/**
 * Options of {@link Gitt#analyse}. Lengths in metres, times in seconds, currents in amperes.
 *
 * @param radiusM              particle radius r_p [m] (required; mean SEM radius in paper C)
 * @param windowStartSqrtS     start of the fit window in sqrt(t - t_start) [s^0.5] (paper C: 10)
 * @param windowEndSqrtS       end of the fit window [s^0.5] (paper C: 20)
 * @param detection            how pulses are found
 * @param onThresholdA         |I| above which a pulse starts [A]; NaN: half the typical pulse current
 *                             (median |I| of samples above 5 % of the largest |I|)
 * @param offThresholdA        |I| below which a pulse ends [A]; NaN: a quarter of the typical pulse current
 * @param minWindowPoints      fewer samples in the window raise {@link GittFlag#FEW_WINDOW_POINTS} (10)
 * @param minR2                lower R^2 raises {@link GittFlag#LOW_R2} (0.99)
 * @param maxRestSlopeVPerS    |dV/dt| at the end of the rest above this raises {@link GittFlag#REST_NOT_RELAXED} (1e-6 V/s = 3.6 mV/h)
 * @param restSlopeWindowS     length of the end-of-rest window in which dV/dt is fitted [s] (600)
 * @param maxTauFraction       D tau / r^2 above this raises {@link GittFlag#TAU_NOT_SHORT} (0.1)
 * @param maxCurrentRelStd     relative std of the pulse current above this raises {@link GittFlag#UNSTABLE_CURRENT} (0.02)
 * @param activeMassG          active-material mass m [g] for Li content and the (m, V_M, M, S) form; NaN: unknown
 * @param molarMassGPerMol     molar mass M of the active material [g/mol]; NaN: unknown
 * @param initialLiContent     Li content x at the start of the file (1 for a pristine cathode)
 * @param molarVolumeCm3PerMol molar volume V_M [cm^3/mol] for the (m, V_M, M, S) form; NaN: not used
 * @param areaCm2              electrode/electrolyte contact area S [cm^2] for that form; NaN: not used
 * @param maxOcvNonlinearity   {@link GittPulse#ocvNonlinearity()} above this raises {@link GittFlag#OCV_NONLINEAR}
 *                             (0.1: dE/dx changes by more than 10 % across one titration, so D may be off by
 *                             about 20 % or more; on the synthetic forward model every pulse whose D is off by
 *                             more than 12 % after the sphere correction carries this or another flag)
 */
@OptionsRecord
public record GittOptions(double radiusM, double windowStartSqrtS, double windowEndSqrtS, PulseDetection detection,
        double onThresholdA, double offThresholdA, int minWindowPoints, double minR2, double maxRestSlopeVPerS,
        double restSlopeWindowS, double maxTauFraction, double maxCurrentRelStd, double activeMassG,
        double molarMassGPerMol, double initialLiContent, double molarVolumeCm3PerMol, double areaCm2,
        double maxOcvNonlinearity)
        implements GittOptionsBuilder.With {

    /** Paper C's window (10-20 s^0.5), hysteresis detection, radius not set (NaN: must be given). */
    public static final GittOptions DEFAULTS = new GittOptions(Double.NaN, 10, 20, PulseDetection.CURRENT_HYSTERESIS,
            Double.NaN, Double.NaN, 10, 0.99, 1e-6, 600, 0.1, 0.02, Double.NaN, Double.NaN, 1.0, Double.NaN, Double.NaN, 0.1);

    public GittOptions {
        if (!Double.isNaN(radiusM)) {
            Checks.requirePositive(radiusM, "radiusM");
        }
        Checks.requireNonNegative(windowStartSqrtS, "windowStartSqrtS");
        Checks.requireWindow(windowStartSqrtS, windowEndSqrtS, "sqrt(t) window");
        if (detection == null) {
            throw new IllegalArgumentException("detection must not be null");
        }
        if (!Double.isNaN(onThresholdA)) {
            Checks.requirePositive(onThresholdA, "onThresholdA");
        }
        if (!Double.isNaN(offThresholdA)) {
            Checks.requirePositive(offThresholdA, "offThresholdA");
        }
        if (!Double.isNaN(onThresholdA) && !Double.isNaN(offThresholdA) && offThresholdA > onThresholdA) {
            throw new IllegalArgumentException("offThresholdA must be <= onThresholdA (hysteresis), got "
                    + offThresholdA + " > " + onThresholdA);
        }
        Checks.requirePositive(minWindowPoints, "minWindowPoints");
        Checks.requireInRange(minR2, 0, 1, "minR2");
        Checks.requirePositive(maxRestSlopeVPerS, "maxRestSlopeVPerS");
        Checks.requirePositive(restSlopeWindowS, "restSlopeWindowS");
        Checks.requirePositive(maxTauFraction, "maxTauFraction");
        Checks.requirePositive(maxCurrentRelStd, "maxCurrentRelStd");
        nanOrPositive(activeMassG, "activeMassG");
        nanOrPositive(molarMassGPerMol, "molarMassGPerMol");
        Checks.requireFinite(initialLiContent, "initialLiContent");
        nanOrPositive(molarVolumeCm3PerMol, "molarVolumeCm3PerMol");
        nanOrPositive(areaCm2, "areaCm2");
        Checks.requirePositive(maxOcvNonlinearity, "maxOcvNonlinearity");
    }

    private static void nanOrPositive(double v, String name) {
        if (!Double.isNaN(v)) {
            Checks.requirePositive(v, name);
        }
    }

    public GittOptions withWindowSqrtS(double start, double end) {
        return toBuilder().windowStartSqrtS(start).windowEndSqrtS(end).build();
    }

    public GittOptions withThresholdsA(double on, double off) {
        return toBuilder().onThresholdA(on).offThresholdA(off).build();
    }

    /** Active mass [g], molar mass [g/mol] and initial Li content, for Li content x per pulse. */
    public GittOptions withMaterial(double massG, double molarMass, double initialLi) {
        return toBuilder().activeMassG(massG).molarMassGPerMol(molarMass).initialLiContent(initialLi).build();
    }

    /** Molar volume [cm^3/mol] and contact area [cm^2] for the Weppner-Huggins (m, V_M, M, S) form. */
    public GittOptions withMolarVolumeAndArea(double vmCm3PerMol, double sCm2) {
        return toBuilder().molarVolumeCm3PerMol(vmCm3PerMol).areaCm2(sCm2).build();
    }

    /** @return a builder preset to these values: {@code DEFAULTS.toBuilder().a(..).b(..).build()}. */
    public GittOptionsBuilder toBuilder() {
        return with();
    }
}
