package org.cathodekit.thermal;

import static org.cathodekit.thermal.TgaMath.firstIndexAtOrAbove;
import static org.cathodekit.thermal.TgaMath.fmt;

import java.util.List;

import org.cathodekit.core.Plausibility;

/**
 * Thermogravimetry: mass % relative to a reference mass, DTG by Savitzky-Golay, and the onset of a
 * mass-loss step by the definitions of {@link OnsetMethod}. Used for paper B (rapid weight-loss
 * onset of delithiated rod vs gravel powders, 217 vs 234 C) together with {@link OxygenLoss}.
 *
 * <p>Procedure ({@link #analyze}):
 * <ol>
 *   <li>Heating segment: all rows up to the first maximum temperature.</li>
 *   <li>Savitzky-Golay fit of mass (and, when a time column exists, of temperature) against the
 *       abscissa (time if present, else temperature); {@code DTG = (dm/dt)/(dT/dt)}, which stays
 *       defined when the temperature reading jitters. Points with {@code dT/dt} below 5 % of its
 *       median (isothermal holds) get NaN DTG.</li>
 *   <li>Reference mass {@code m_ref} (initial, or at a temperature); {@code M = 100 m/m_ref},
 *       {@code D = dM/dT} (%/K).</li>
 *   <li>DTG extremum {@code T*} in the search window: located by a least-squares parabola over the
 *       contiguous top of the peak (rate &ge; 80 % of the extremum), its rate {@code D(T*)} by the parabola
 *       through the three points around the minimum; a step exists when the baseline-corrected rate {@code b - D(T*)} exceeds both
 *       {@link TgaOptions#minPeakRatePctPerK()} and {@link TgaOptions#minPeakSignalToNoise()} times the DTG
 *       noise (robust SD of raw - smoothed mass, times the derivative filter's noise gain).</li>
 *   <li>Baseline line (least squares on the measured mass % in the baseline window) and the onsets.</li>
 * </ol>
 *
 * <p>Implementation: {@link DtgCurve} (steps 1-3), {@link DtgPeak} (step 4), {@link Baseline} and
 * {@link OnsetConstruction} (step 5), helpers in {@link TgaMath}.
 *
 * <p>Edge cases: a curve without a step gives {@code stepFound == false} and onsets with
 * {@code found == false} and a note ("no onset"), never a number; a reference temperature outside
 * the curve is an {@link IllegalArgumentException}.
 */
public final class Tga {
    private Tga() {
    }

    /**
     * Analyses one thermogram.
     *
     * @param measured the measured curve (not modified); rows beyond {@link Plausibility} are left out and named
     *                 in {@link TgaResult#warnings()}
     * @param options the options (see {@link TgaOptions#DEFAULTS})
     * @return curves, onsets and the resolved parameters
     * @throws IllegalArgumentException for a curve too short for the window or a reference temperature outside the data
     */
    public static TgaResult analyze(Thermogram measured, TgaOptions options) {
        // plausibility (core.Plausibility): masses far outside the initial mass and single-point spikes are removed and counted
        Plausibility.RowScreen screen = Plausibility.screenMasses(measured.mass(), measured.massUnit());
        Thermogram curve = screen.dropped() == 0 ? measured : new Thermogram(screen.keep(measured.timeS()),
                screen.keep(measured.temperatureC()), screen.keep(measured.mass()), measured.massUnit());
        DtgCurve c = DtgCurve.of(curve, options);
        double[] t = c.t();

        // step search window
        double lo = Double.isNaN(options.stepSearchStartC())
                ? (options.massReference() == MassReference.MASS_AT_TEMPERATURE ? c.refT() : t[0])
                : options.stepSearchStartC();
        double hi = Double.isNaN(options.stepSearchEndC()) ? Double.POSITIVE_INFINITY : options.stepSearchEndC();
        DtgPeak peak = DtgPeak.find(c, lo, hi);
        int lowLimitIndex = firstIndexAtOrAbove(t, lo);
        Baseline bl = Baseline.fit(c, peak, options, lowLimitIndex, lo, hi);

        int p = peak.index();
        double peakC = peak.temperatureC();
        double peakD = peak.ratePctPerK();
        double noiseDtg = c.noiseDtg();
        double peakRate = bl.fitted() ? bl.slopePctPerK() - peakD : (p >= 0 ? -peakD : Double.NaN);
        boolean step = p >= 0 && bl.fitted() && peakRate >= options.minPeakRatePctPerK()
                && peakRate >= options.minPeakSignalToNoise() * noiseDtg;
        String noStep = null;
        if (p >= 0 && !bl.fitted()) {
            noStep = "no onset: " + bl.problem();
        } else if (!step) {
            noStep = "no onset: no mass-loss step (DTG extremum " + (p < 0 ? "none" : fmt(peakRate) + " %/K at " + fmt(peakC) + " C")
                    + " above the baseline; a step needs >= " + fmt(options.minPeakRatePctPerK()) + " %/K and >= "
                    + fmt(options.minPeakSignalToNoise()) + " x DTG noise " + fmt(noiseDtg) + " %/K)";
        }
        List<Onset> onsets = OnsetConstruction.all(c, peak, bl, options, noStep, lowLimitIndex);
        double windowK = c.window() * c.stepT();
        return new TgaResult(options, onsets.get(options.onsetMethod().ordinal()), onsets, step,
                step ? peakC : Double.NaN, step ? peakD : Double.NaN, noiseDtg, c.window(), windowK, c.order(), c.mRef(),
                c.refT(), curve.massUnit(), c.pointsUsed(), c.total() - c.pointsUsed(), c.bin(), t, c.pct(), c.raw(),
                c.dtg(), screen.warnings());
    }
}
