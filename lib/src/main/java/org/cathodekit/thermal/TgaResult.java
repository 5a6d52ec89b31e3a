package org.cathodekit.thermal;

import java.util.List;

/**
 * Result of {@link Tga#analyze}: the mass-% and DTG curves, the onset by the requested definition
 * (and by all four, for comparison) with their constructions, and the resolved parameters.
 * Array accessors return copies.
 *
 * @param options               the options used
 * @param onset                 the onset by {@link TgaOptions#onsetMethod()}
 * @param allOnsets             the onset by every {@link OnsetMethod}, in enum order
 * @param stepFound             whether a mass-loss step was detected (DTG extremum above the noise and the minimum rate)
 * @param dtgPeakC              temperature of the DTG extremum (parabolic refinement), NaN without a step
 * @param dtgPeakPctPerK        the DTG there (%/K, negative for a loss)
 * @param dtgNoisePctPerK       estimated DTG noise (robust mass residual x Savitzky-Golay derivative gain)
 * @param dtgWindowPoints       Savitzky-Golay window used, in points
 * @param dtgWindowK            that window in K (points x temperature step per point of the ramp)
 * @param dtgPolynomialOrder    Savitzky-Golay order used
 * @param referenceMass         the 100 % mass in {@code massUnit}
 * @param referenceTemperatureC temperature of the reference mass (the first temperature for the initial mass)
 * @param massUnit              unit of the input mass
 * @param pointsUsed            points of the heating segment analysed
 * @param pointsAfterHeating    points after the first maximum temperature, left out (cooling/isothermal end)
 * @param pointsPerBin          1, or the block size of the averaging applied to very densely sampled curves
 *                              (when the Savitzky-Golay window would exceed 201 points); the curves below are then
 *                              the block averages
 * @param temperatureC          temperatures of the analysed points (C; smoothed when the time was the abscissa)
 * @param massPct               smoothed mass % relative to the reference
 * @param rawMassPct            measured mass % relative to the reference
 * @param dtgPctPerK            DTG, d(mass %)/dT in %/K
 * @param warnings              what was doubtful, one sentence each: rows removed by the plausibility rules of
 *                              {@link org.cathodekit.core.Plausibility} (masses outside the plausible range,
 *                              single-point spikes) with counts, "step not complete: ..." when the DTG peak lies
 *                              at the end of the heating (see {@link Tga#analyze}); callers add theirs with
 *                              {@link #withWarnings}
 */
public record TgaResult(
        TgaOptions options,
        Onset onset,
        List<Onset> allOnsets,
        boolean stepFound,
        double dtgPeakC,
        double dtgPeakPctPerK,
        double dtgNoisePctPerK,
        int dtgWindowPoints,
        double dtgWindowK,
        int dtgPolynomialOrder,
        double referenceMass,
        double referenceTemperatureC,
        String massUnit,
        int pointsUsed,
        int pointsAfterHeating,
        int pointsPerBin,
        double[] temperatureC,
        double[] massPct,
        double[] rawMassPct,
        double[] dtgPctPerK,
        List<String> warnings) {

    /** A result without warnings. */
    public TgaResult(TgaOptions options, Onset onset, List<Onset> allOnsets, boolean stepFound, double dtgPeakC,
            double dtgPeakPctPerK, double dtgNoisePctPerK, int dtgWindowPoints, double dtgWindowK, int dtgPolynomialOrder,
            double referenceMass, double referenceTemperatureC, String massUnit, int pointsUsed, int pointsAfterHeating,
            int pointsPerBin, double[] temperatureC, double[] massPct, double[] rawMassPct, double[] dtgPctPerK) {
        this(options, onset, allOnsets, stepFound, dtgPeakC, dtgPeakPctPerK, dtgNoisePctPerK, dtgWindowPoints, dtgWindowK,
                dtgPolynomialOrder, referenceMass, referenceTemperatureC, massUnit, pointsUsed, pointsAfterHeating, pointsPerBin,
                temperatureC, massPct, rawMassPct, dtgPctPerK, List.of());
    }

    public TgaResult {
        warnings = List.copyOf(warnings);
        allOnsets = List.copyOf(allOnsets);
        temperatureC = temperatureC.clone();
        massPct = massPct.clone();
        rawMassPct = rawMassPct.clone();
        dtgPctPerK = dtgPctPerK.clone();
    }

    @Override
    public double[] temperatureC() {
        return temperatureC.clone();
    }

    @Override
    public double[] massPct() {
        return massPct.clone();
    }

    @Override
    public double[] rawMassPct() {
        return rawMassPct.clone();
    }

    @Override
    public double[] dtgPctPerK() {
        return dtgPctPerK.clone();
    }

    /** @return a copy with {@code more} appended to {@link #warnings()}. */
    public TgaResult withWarnings(List<String> more) {
        List<String> w = new java.util.ArrayList<>(warnings);
        w.addAll(more);
        return new TgaResult(options, onset, allOnsets, stepFound, dtgPeakC, dtgPeakPctPerK, dtgNoisePctPerK,
                dtgWindowPoints, dtgWindowK, dtgPolynomialOrder, referenceMass, referenceTemperatureC, massUnit, pointsUsed,
                pointsAfterHeating, pointsPerBin, temperatureC, massPct, rawMassPct, dtgPctPerK, w);
    }

    /** @return the onset by {@code method}. */
    public Onset onset(OnsetMethod method) {
        return allOnsets.get(method.ordinal());
    }

    /**
     * Smoothed mass % at {@code tC}, linearly interpolated at the first crossing of {@code tC} on the
     * heating segment.
     *
     * @throws IllegalArgumentException when {@code tC} lies outside the analysed temperatures
     */
    public double massPctAt(double tC) {
        return TgaMath.interpolateAtTemperature(temperatureC, massPct, tC, "temperature");
    }

    /** @return {@code 100 - massPctAt(tC)}: mass loss in % of the reference mass. */
    public double massLossPctAt(double tC) {
        return 100.0 - massPctAt(tC);
    }

    /** @return the highest analysed temperature. */
    public double maxTemperatureC() {
        double m = Double.NEGATIVE_INFINITY;
        for (double t : temperatureC) {
            m = Math.max(m, t);
        }
        return m;
    }
}
