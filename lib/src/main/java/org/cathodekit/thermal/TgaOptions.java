package org.cathodekit.thermal;

import org.cathodekit.core.Checks;
import org.cathodekit.core.OptionsRecord;

/**
 * Options of {@link Tga#analyze}. Start from {@link #DEFAULTS} and change with the {@code withX}
 * copies or {@link #toBuilder()} (generated, see {@link OptionsRecord}); the compact constructor validates. {@code NaN} in a temperature window means "choose
 * from the data" (the resolved window is reported in the result).
 *
 * @param massReference          which mass is 100 %
 * @param referenceTemperatureC  temperature of the reference mass for {@link MassReference#MASS_AT_TEMPERATURE}
 *                               (NaN otherwise); also the lower limit of the step search and the baseline
 * @param onsetMethod            the onset definition reported as {@link TgaResult#onset()}
 * @param astmDeviationPct       {@link OnsetMethod#ASTM_E2550_DEVIATION} threshold, percentage points of the
 *                               reference mass (default 0.1)
 * @param dtgThresholdFraction   {@link OnsetMethod#DTG_THRESHOLD} fraction of the baseline-corrected DTG
 *                               extremum, in (0, 1) (default 0.1)
 * @param fixedMassLossPct       {@link OnsetMethod#FIXED_MASS_LOSS} mass loss X in % of the reference mass (default 1)
 * @param dtgWindowK             Savitzky-Golay window width in K, turned into an odd number of points from the
 *                               median temperature step (default 5 K); ignored when {@code dtgWindowPoints > 0}
 * @param dtgWindowPoints        Savitzky-Golay window in points (odd, &ge; order + 2), 0 = from {@code dtgWindowK}
 * @param dtgPolynomialOrder     Savitzky-Golay polynomial order (1..5, default 2)
 * @param baselineStartC         start of the pre-step baseline window (NaN = auto: {@code baselineWidthK} before its end)
 * @param baselineEndC           end of the baseline window (NaN = auto: the last temperature below the DTG extremum at
 *                               which the rate is below {@code baselineDtgFraction} of the extremum)
 * @param baselineWidthK         auto baseline window width (default 30 K)
 * @param baselineDtgFraction    auto baseline end criterion, in (0, 1) (default 0.05)
 * @param stepSearchStartC       lower end of the DTG-extremum search (NaN = the reference temperature, or the start)
 * @param stepSearchEndC         upper end of the DTG-extremum search (NaN = the end of the curve)
 * @param minPeakRatePctPerK     the smallest DTG extremum (baseline corrected, %/K) counted as a step (default 0.005)
 * @param minPeakSignalToNoise   the DTG extremum must also exceed this many robust standard deviations
 *                               (1.4826 MAD) of the DTG in the search window (default 8)
 */
@OptionsRecord
public record TgaOptions(
        MassReference massReference,
        double referenceTemperatureC,
        OnsetMethod onsetMethod,
        double astmDeviationPct,
        double dtgThresholdFraction,
        double fixedMassLossPct,
        double dtgWindowK,
        int dtgWindowPoints,
        int dtgPolynomialOrder,
        double baselineStartC,
        double baselineEndC,
        double baselineWidthK,
        double baselineDtgFraction,
        double stepSearchStartC,
        double stepSearchEndC,
        double minPeakRatePctPerK,
        double minPeakSignalToNoise)
        implements TgaOptionsBuilder.With {

    /** Initial-mass reference, ISO onset, 5 K quadratic Savitzky-Golay window, automatic windows. */
    public static final TgaOptions DEFAULTS = new TgaOptions(MassReference.INITIAL_MASS, Double.NaN,
            OnsetMethod.ISO_11358_EXTRAPOLATED, 0.1, 0.1, 1.0, 5.0, 0, 2,
            Double.NaN, Double.NaN, 30.0, 0.05, Double.NaN, Double.NaN, 0.005, 8.0);

    public TgaOptions {
        if (massReference == null) {
            throw new IllegalArgumentException("massReference must not be null");
        }
        if (onsetMethod == null) {
            throw new IllegalArgumentException("onsetMethod must not be null");
        }
        if (massReference == MassReference.MASS_AT_TEMPERATURE) {
            Checks.requireFinite(referenceTemperatureC, "referenceTemperatureC");
        }
        Checks.requirePositive(astmDeviationPct, "astmDeviationPct");
        if (!(dtgThresholdFraction > 0 && dtgThresholdFraction < 1)) {
            throw new IllegalArgumentException("dtgThresholdFraction must lie in (0, 1), got " + dtgThresholdFraction);
        }
        Checks.requireInRange(fixedMassLossPct, 1e-9, 100, "fixedMassLossPct");
        Checks.requirePositive(dtgWindowK, "dtgWindowK");
        if (dtgPolynomialOrder < 1 || dtgPolynomialOrder > 5) {
            throw new IllegalArgumentException("dtgPolynomialOrder must lie in 1..5, got " + dtgPolynomialOrder);
        }
        if (dtgWindowPoints != 0 && (dtgWindowPoints % 2 == 0 || dtgWindowPoints < dtgPolynomialOrder + 2)) {
            throw new IllegalArgumentException("dtgWindowPoints must be 0 (auto) or odd and >= order + 2 = "
                    + (dtgPolynomialOrder + 2) + ", got " + dtgWindowPoints);
        }
        if (!Double.isNaN(baselineStartC) || !Double.isNaN(baselineEndC)) {
            if (Double.isNaN(baselineEndC)) {
                throw new IllegalArgumentException("baselineEndC must be given with baselineStartC (" + baselineStartC + ")");
            }
            if (!Double.isNaN(baselineStartC)) {
                Checks.requireWindow(baselineStartC, baselineEndC, "baseline window (C)");
            }
        }
        Checks.requirePositive(baselineWidthK, "baselineWidthK");
        if (!(baselineDtgFraction > 0 && baselineDtgFraction < 1)) {
            throw new IllegalArgumentException("baselineDtgFraction must lie in (0, 1), got " + baselineDtgFraction);
        }
        if (!Double.isNaN(stepSearchStartC) && !Double.isNaN(stepSearchEndC)) {
            Checks.requireWindow(stepSearchStartC, stepSearchEndC, "step search window (C)");
        }
        Checks.requirePositive(minPeakRatePctPerK, "minPeakRatePctPerK");
        Checks.requireNonNegative(minPeakSignalToNoise, "minPeakSignalToNoise");
    }

    /** @return a copy with the mass reference at the initial mass. */
    public TgaOptions withInitialMassReference() {
        return toBuilder().massReference(MassReference.INITIAL_MASS).referenceTemperatureC(Double.NaN).build();
    }

    /** @return a copy with the reference mass taken at {@code temperatureC} (e.g. 150 C after moisture loss). */
    public TgaOptions withReferenceTemperatureC(double temperatureC) {
        return toBuilder().massReference(MassReference.MASS_AT_TEMPERATURE).referenceTemperatureC(temperatureC).build();
    }

    public TgaOptions withDtgWindowK(double windowK) {
        return toBuilder().dtgWindowK(windowK).dtgWindowPoints(0).build();
    }

    public TgaOptions withDtgWindowPoints(int points, int polynomialOrder) {
        return toBuilder().dtgWindowPoints(points).dtgPolynomialOrder(polynomialOrder).build();
    }

    /** @return a copy with a fixed baseline window {@code [startC, endC]}. */
    public TgaOptions withBaselineWindowC(double startC, double endC) {
        return toBuilder().baselineStartC(startC).baselineEndC(endC).build();
    }

    /** @return a copy searching the DTG extremum only in {@code [startC, endC]} (NaN = open end). */
    public TgaOptions withStepSearchC(double startC, double endC) {
        return toBuilder().stepSearchStartC(startC).stepSearchEndC(endC).build();
    }

    /** @return the definition's parameter: threshold %, fraction, or mass loss %; NaN for ISO. */
    public double onsetParameter(OnsetMethod method) {
        return switch (method) {
            case ISO_11358_EXTRAPOLATED -> Double.NaN;
            case ASTM_E2550_DEVIATION -> astmDeviationPct;
            case DTG_THRESHOLD -> dtgThresholdFraction;
            case FIXED_MASS_LOSS -> fixedMassLossPct;
        };
    }

    /** @return a builder preset to these values: {@code DEFAULTS.toBuilder().a(..).b(..).build()}. */
    public TgaOptionsBuilder toBuilder() {
        return with();
    }
}
