package org.cathodekit.thermal;

import static org.cathodekit.thermal.TgaMath.fmt;
import static org.cathodekit.thermal.TgaMath.lerp;

import java.util.ArrayList;
import java.util.List;

/**
 * Step 5b of {@link Tga#analyze}: the onset by every {@link OnsetMethod} (formulas there), from the
 * analysed curve, its DTG extremum and the pre-step baseline. Package-private.
 */
final class OnsetConstruction {
    private OnsetConstruction() {
    }

    /**
     * @param c             the analysed curve
     * @param peak          its DTG extremum
     * @param bl            the pre-step baseline
     * @param options       onset parameters
     * @param noStep        why there is no step ("no onset: ..."), or null when a step was found
     * @param lowLimitIndex first index of the step search window
     * @return one onset per {@link OnsetMethod}, in declaration order
     */
    static List<Onset> all(DtgCurve c, DtgPeak peak, Baseline bl, TgaOptions options, String noStep, int lowLimitIndex) {
        double[] t = c.t();
        double[] pct = c.pct();
        double[] dtg = c.dtg();
        int n = t.length;
        int window = c.window();
        int p = peak.index();
        double peakC = peak.temperatureC();
        double peakD = peak.ratePctPerK();
        double peakM = peak.massPct();
        double bStart = bl.startC();
        double bEnd = bl.endC();
        double ba = bl.interceptPct();
        double bb = bl.slopePctPerK();
        int wLo = p < 0 ? 0 : Math.min(Math.max(p - window / 2, 0), n - window);
        double inflWinStart = p < 0 ? Double.NaN : t[wLo];
        double inflWinEnd = p < 0 ? Double.NaN : t[wLo + window - 1];

        List<Onset> onsets = new ArrayList<>(4);
        for (OnsetMethod method : OnsetMethod.values()) {
            double param = options.onsetParameter(method);
            double on = Double.NaN;
            String note;
            if (method == OnsetMethod.FIXED_MASS_LOSS) {
                double target = 100.0 - options.fixedMassLossPct();
                int start = Math.max(c.refIndex(), 0);
                note = "no onset: the mass never falls to " + fmt(target) + " % of the reference mass between "
                        + fmt(t[start]) + " and " + fmt(t[n - 1]) + " C";
                for (int i = start + 1; i < n; i++) {
                    if (pct[i] <= target && pct[i - 1] > target) {
                        on = lerp(t[i - 1], t[i], pct[i - 1], pct[i], target);
                        note = "first temperature at " + fmt(options.fixedMassLossPct()) + " % mass loss";
                        break;
                    }
                }
            } else if (noStep != null) {
                note = noStep;
            } else if (method == OnsetMethod.ISO_11358_EXTRAPOLATED) {
                double den = bb - peakD;
                on = (peakM - peakD * peakC - ba) / den;
                note = "baseline " + fmt(bStart) + ".." + fmt(bEnd) + " C x inflection tangent at " + fmt(peakC) + " C";
                if (!(on < peakC) || on < t[0]) {
                    note = "no onset: the tangents intersect at " + fmt(on) + " C, outside " + fmt(t[0]) + ".." + fmt(peakC) + " C";
                    on = Double.NaN;
                }
            } else if (method == OnsetMethod.ASTM_E2550_DEVIATION) {
                double thr = options.astmDeviationPct();
                note = "no onset: the deviation from the baseline never rises through " + fmt(thr) + " %-points below "
                        + fmt(peakC) + " C";
                for (int i = p; i > lowLimitIndex; i--) {
                    double dHi = ba + bb * t[i] - pct[i];
                    double dLo = ba + bb * t[i - 1] - pct[i - 1];
                    if (dHi > thr && dLo <= thr) {
                        on = lerp(t[i - 1], t[i], dLo, dHi, thr);
                        note = "first deviation of " + fmt(thr) + " %-points below the baseline " + fmt(bStart) + ".."
                                + fmt(bEnd) + " C";
                        break;
                    }
                    if (dHi <= thr) {
                        break;
                    }
                }
            } else {
                double target = options.dtgThresholdFraction() * (bb - peakD);
                note = "no onset: the baseline-corrected DTG never rises through " + fmt(target) + " %/K below "
                        + fmt(peakC) + " C";
                for (int i = p; i > lowLimitIndex; i--) {
                    double rHi = bb - dtg[i];
                    double rLo = bb - dtg[i - 1];
                    if (!Double.isFinite(rHi) || !Double.isFinite(rLo)) {
                        break;
                    }
                    if (rHi > target && rLo <= target) {
                        on = lerp(t[i - 1], t[i], rLo, rHi, target);
                        note = "baseline-corrected DTG at " + fmt(options.dtgThresholdFraction()) + " of its extremum";
                        break;
                    }
                    if (rHi <= target) {
                        break;
                    }
                }
            }
            boolean found = Double.isFinite(on);
            boolean hasStep = noStep == null;
            onsets.add(new Onset(method, param, on, found, note,
                    hasStep ? bStart : Double.NaN, hasStep ? bEnd : Double.NaN, hasStep ? ba : Double.NaN,
                    hasStep ? bb : Double.NaN, hasStep ? peakC : Double.NaN, hasStep ? peakM : Double.NaN,
                    hasStep ? peakD : Double.NaN, hasStep ? inflWinStart : Double.NaN, hasStep ? inflWinEnd : Double.NaN));
        }
        return onsets;
    }
}
