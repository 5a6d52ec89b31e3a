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
 *   <li>Completeness: a found step is "not complete" (a warning in {@link TgaResult#warnings()}, the numbers
 *       are kept) when its DTG peak lies within one Savitzky-Golay window ({@code dtgWindowK}) of the end of
 *       the heating, or when the baseline-corrected rate at the last analysed point is still at least
 *       {@link #STEP_END_RATE_FRACTION} of the peak rate: the loss then goes on into the isotherm (or past
 *       the file end), the peak is where the ramp stopped rather than the steepest loss, and the onset by
 *       the tangent is not defined by a complete step. The further mass loss after the heating (rows after
 *       the first maximum temperature) is quoted. Mirrored at the start: a peak within one window of the
 *       first analysed temperature, or a start rate of at least that fraction, is a step "already under way
 *       at the start" (no pre-step baseline).</li>
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
     * A step whose baseline-corrected DTG at the end of the heating is still this fraction of the peak rate
     * is not complete: a finished step has fallen back to the baseline, half the peak rate means the
     * peak's trailing half is missing.
     */
    public static final double STEP_END_RATE_FRACTION = 0.5;

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
        List<String> warnings = new java.util.ArrayList<>(screen.warnings());
        if (step) {
            String w = stepNotComplete(curve, c, bl, peakC, peakRate, windowK);
            if (w != null) {
                warnings.add(w);
            }
            w = stepUnderWayAtStart(c, bl, peakC, peakRate, windowK);
            if (w != null) {
                warnings.add(w);
            }
        }
        return new TgaResult(options, onsets.get(options.onsetMethod().ordinal()), onsets, step,
                step ? peakC : Double.NaN, step ? peakD : Double.NaN, noiseDtg, c.window(), windowK, c.order(), c.mRef(),
                c.refT(), curve.massUnit(), c.pointsUsed(), c.total() - c.pointsUsed(), c.bin(), t, c.pct(), c.raw(),
                c.dtg(), warnings);
    }

    /** Step 6, mirrored: the step was already going when the analysed heating starts; or null. */
    private static String stepUnderWayAtStart(DtgCurve c, Baseline bl, double peakC, double peakRate, double windowK) {
        double[] t = c.t();
        double[] dtg = c.dtg();
        int first = 0;
        while (first < t.length - 1 && !Double.isFinite(dtg[first])) {
            first++;
        }
        double startC = t[0];
        double startRate = bl.slopePctPerK() - dtg[first];
        boolean peakAtStart = peakC <= startC + windowK;
        if (!peakAtStart && !(startRate >= STEP_END_RATE_FRACTION * peakRate)) {
            return null;
        }
        return "step already under way at the start of the analysed heating (" + fmt(startC) + " C): " + (peakAtStart
                ? "the DTG peak (" + fmt(peakC) + " C) lies within one DTG window (" + fmt(windowK) + " K) of it"
                : "the mass-loss rate there is already " + fmt(100 * startRate / peakRate) + " % of the peak rate")
                + "; there is no pre-step baseline, so the onset is not that of the step";
    }

    /** Step 6: the "step not complete" warning, or null (see the class javadoc). */
    private static String stepNotComplete(Thermogram curve, DtgCurve c, Baseline bl, double peakC, double peakRate,
            double windowK) {
        double[] t = c.t();
        double[] dtg = c.dtg();
        int last = t.length - 1;
        while (last > 0 && !Double.isFinite(dtg[last])) {
            last--;
        }
        double endC = t[t.length - 1];
        double endRate = bl.slopePctPerK() - dtg[last];
        boolean peakAtEnd = peakC >= endC - windowK;
        boolean stillFast = endRate >= STEP_END_RATE_FRACTION * peakRate;
        if (!peakAtEnd && !stillFast) {
            return null;
        }
        double[] m = curve.massRef();
        int after = c.pointsUsed();
        String tail;
        if (after >= m.length) {
            tail = "the analysed data end there";
        } else {
            double min = m[after - 1];
            for (int i = after; i < m.length; i++) {
                min = Math.min(min, m[i]);
            }
            double furtherPct = 100.0 * (m[after - 1] - min) / c.mRef();
            tail = "after it the mass falls by a further " + fmt(furtherPct) + " % of the reference mass in "
                    + (m.length - after) + " rows (isotherm/cooling)";
        }
        return "step not complete: " + (peakAtEnd
                ? "the DTG peak (" + fmt(peakC) + " C) lies within one DTG window (" + fmt(windowK) + " K) of the end of the heating ("
                        + fmt(endC) + " C)"
                : "the mass-loss rate at the end of the heating (" + fmt(endC) + " C) is still " + fmt(100 * endRate / peakRate)
                        + " % of the peak rate") + "; " + tail + ": the peak temperature and onset describe where the ramp stopped, "
                + "not a finished step";
    }
}
