package org.cathodekit.thermal;

import static org.cathodekit.thermal.TgaMath.fmt;

/**
 * Step 5a of {@link Tga#analyze}: the pre-step baseline, a least-squares line {@code M = a + b T} through
 * the measured mass % in the baseline window. The window is the one given in the options, or ends
 * automatically at the last point before the DTG extremum where the DTG is at most
 * {@link TgaOptions#baselineDtgFraction()} of the extremum and spans {@link TgaOptions#baselineWidthK()}.
 * Package-private.
 *
 * @param startC            window start (C), NaN when no window could be set
 * @param endC              window end (C), NaN when no window could be set
 * @param interceptPct      a (%), NaN unless fitted
 * @param slopePctPerK      b (%/K), NaN unless fitted
 * @param problem           why there is no baseline, or null when it was fitted
 */
record Baseline(double startC, double endC, double interceptPct, double slopePctPerK, String problem) {

    boolean fitted() {
        return problem == null;
    }

    /**
     * @param c             the analysed curve
     * @param peak          its DTG extremum
     * @param options       baseline options
     * @param lowLimitIndex first index of the step search window
     * @param lo            step search window start (C), for messages
     * @param hi            step search window end (C), for messages
     */
    static Baseline fit(DtgCurve c, DtgPeak peak, TgaOptions options, int lowLimitIndex, double lo, double hi) {
        double[] t = c.t();
        double[] dtg = c.dtg();
        double[] raw = c.raw();
        int n = t.length;
        int p = peak.index();
        double bStart = Double.NaN;
        double bEnd = Double.NaN;
        String baselineProblem = null;
        if (p < 0) {
            baselineProblem = "no DTG values in the step search window " + fmt(lo) + ".." + fmt(hi) + " C";
        } else if (!Double.isNaN(options.baselineEndC())) {
            bEnd = options.baselineEndC();
            bStart = Double.isNaN(options.baselineStartC()) ? bEnd - options.baselineWidthK() : options.baselineStartC();
        } else {
            int e = -1;
            for (int i = p - 1; i >= lowLimitIndex; i--) {
                if (Double.isFinite(dtg[i]) && -dtg[i] <= options.baselineDtgFraction() * -dtg[p]) {
                    e = i;
                    break;
                }
            }
            if (e < 0) {
                baselineProblem = "no pre-step baseline: the DTG never falls below " + fmt(options.baselineDtgFraction())
                        + " of its extremum between " + fmt(t[lowLimitIndex]) + " C and the extremum at " + fmt(t[p]) + " C";
            } else {
                bEnd = t[e];
                bStart = Math.max(bEnd - options.baselineWidthK(), t[lowLimitIndex]);
            }
        }
        double ba = Double.NaN;
        double bb = Double.NaN;
        if (baselineProblem == null) {
            double sx = 0, sy = 0, sxx = 0, sxy = 0;
            int cnt = 0;
            for (int i = 0; i < n; i++) {
                if (t[i] >= bStart && t[i] <= bEnd && Double.isFinite(raw[i])) {
                    sx += t[i];
                    sy += raw[i];
                    sxx += t[i] * t[i];
                    sxy += t[i] * raw[i];
                    cnt++;
                }
            }
            double den = cnt * sxx - sx * sx;
            if (cnt < 3 || !(den > 0)) {
                baselineProblem = "baseline window " + fmt(bStart) + ".." + fmt(bEnd) + " C holds " + cnt
                        + " points; expected at least 3";
            } else {
                bb = (cnt * sxy - sx * sy) / den;
                ba = (sy - bb * sx) / cnt;
            }
        }
        return new Baseline(bStart, bEnd, ba, bb, baselineProblem);
    }
}
