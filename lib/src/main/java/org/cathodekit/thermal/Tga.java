package org.cathodekit.thermal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

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
     * @param curve   the measured curve (not modified)
     * @param options the options (see {@link TgaOptions#DEFAULTS})
     * @return curves, onsets and the resolved parameters
     * @throws IllegalArgumentException for a curve too short for the window or a reference temperature outside the data
     */
    public static TgaResult analyze(Thermogram curve, TgaOptions options) {
        double[] t0 = curve.temperatureRef();
        int total = t0.length;
        int end = 0;
        for (int i = 1; i < total; i++) {
            if (t0[i] > t0[end]) {
                end = i;
            }
        }
        // first index reaching the maximum
        double tMax = t0[end];
        for (int i = 0; i < total; i++) {
            if (t0[i] == tMax) {
                end = i;
                break;
            }
        }
        int n = end + 1;
        if (n < 7) {
            throw new IllegalArgumentException("the heating segment has only " + n + " points (the maximum temperature "
                    + tMax + " C is reached at row index " + end + "); expected a heating ramp of at least 7 points");
        }
        double[] tRaw = Arrays.copyOf(t0, n);
        double[] m = Arrays.copyOf(curve.massRef(), n);
        boolean byTime = curve.hasTime();
        double[] s = byTime ? Arrays.copyOf(curve.timeRef(), n) : tRaw;
        int pointsUsed = n;

        int order = options.dtgPolynomialOrder();
        double stepT = rampStep(tRaw);
        int window = options.dtgWindowPoints() > 0 ? options.dtgWindowPoints()
                : oddWindow(options.dtgWindowK() / stepT, order, n);
        int bin = 1;
        if (options.dtgWindowPoints() == 0 && window > MAX_WINDOW) {
            // very dense sampling: average consecutive blocks first, so that the cost stays O(n)
            bin = (int) Math.ceil(window / (double) TARGET_WINDOW);
            int nb = (n + bin - 1) / bin;
            double[] tb = new double[nb];
            double[] mb = new double[nb];
            double[] sb = byTime ? new double[nb] : tb;
            for (int k = 0; k < nb; k++) {
                int from = k * bin;
                int to = Math.min(n, from + bin);
                double st = 0;
                double sm = 0;
                double ss = 0;
                for (int i = from; i < to; i++) {
                    st += tRaw[i];
                    sm += m[i];
                    if (byTime) {
                        ss += s[i];
                    }
                }
                tb[k] = st / (to - from);
                mb[k] = sm / (to - from);
                if (byTime) {
                    sb[k] = ss / (to - from);
                }
            }
            tRaw = tb;
            m = mb;
            s = sb;
            n = nb;
            stepT = rampStep(tRaw);
            window = oddWindow(options.dtgWindowK() / stepT, order, n);
        }
        if (window > n) {
            throw new IllegalArgumentException("Savitzky-Golay window of " + window + " points is longer than the "
                    + n + "-point heating segment; use a smaller dtgWindowPoints");
        }
        if (window < order + 2) {
            throw new IllegalArgumentException("the heating segment (" + n + " points) is too short for a Savitzky-Golay window");
        }
        double[] ms = new double[n];
        double[] dmds = new double[n];
        SavitzkyGolay.smoothAndDerivative(s, m, window, order, ms, dmds);
        double[] t;
        double[] dtds = new double[n];
        if (byTime) {
            // the programmed temperature is smooth: a 3x wider window keeps thermocouple jitter out of dT/dt
            t = new double[n];
            int tWindow = Math.min(3 * window, n % 2 == 1 ? n : n - 1);
            SavitzkyGolay.smoothAndDerivative(s, tRaw, tWindow, order, t, dtds);
        } else {
            t = tRaw;
            Arrays.fill(dtds, 1.0);
        }
        double medRate = median(dtds);
        double[] dmdT = new double[n];
        for (int i = 0; i < n; i++) {
            dmdT[i] = dtds[i] > 0.05 * medRate && medRate > 0 ? dmds[i] / dtds[i] : Double.NaN;
        }

        // reference mass
        double refT;
        double mRef;
        int refIndex;
        if (options.massReference() == MassReference.INITIAL_MASS) {
            refT = t[0];
            mRef = ms[0];
            refIndex = 0;
        } else {
            refT = options.referenceTemperatureC();
            mRef = interpolateAtTemperature(t, ms, refT, "reference temperature");
            refIndex = firstIndexAtOrAbove(t, refT);
        }
        if (!(mRef != 0) || !Double.isFinite(mRef)) {
            throw new IllegalArgumentException("reference mass is " + mRef + " at " + refT
                    + " C; expected a finite non-zero mass");
        }
        double[] pct = new double[n];
        double[] raw = new double[n];
        double[] dtg = new double[n];
        for (int i = 0; i < n; i++) {
            pct[i] = 100.0 * ms[i] / mRef;
            raw[i] = 100.0 * m[i] / mRef;
            dtg[i] = 100.0 * dmdT[i] / mRef;
        }

        // DTG noise: robust SD of raw - smoothed, times the derivative gain of a local line fit
        double[] resid = new double[n];
        for (int i = 0; i < n; i++) {
            resid[i] = raw[i] - pct[i];
        }
        double sigmaPct = 1.4826 * mad(resid);
        double h = window;
        double gain = Math.sqrt(12.0 / (h * (h * h - 1))) / Math.max(stepT, 1e-12);
        // the residual SD underestimates the noise by sqrt(1 - 1/w) roughly; correct it
        double noiseDtg = sigmaPct / Math.sqrt(Math.max(1e-9, 1.0 - (order + 1.0) / h)) * gain;

        // step search window
        double lo = Double.isNaN(options.stepSearchStartC())
                ? (options.massReference() == MassReference.MASS_AT_TEMPERATURE ? refT : t[0])
                : options.stepSearchStartC();
        double hi = Double.isNaN(options.stepSearchEndC()) ? Double.POSITIVE_INFINITY : options.stepSearchEndC();
        int p = -1;
        for (int i = 0; i < n; i++) {
            if (t[i] >= lo && t[i] <= hi && Double.isFinite(dtg[i]) && (p < 0 || dtg[i] < dtg[p])) {
                p = i;
            }
        }
        double peakC = Double.NaN;
        double peakD = Double.NaN;
        double peakM = Double.NaN;
        if (p >= 0) {
            peakC = t[p];
            peakD = dtg[p];
            peakM = pct[p];
            if (p > 0 && p < n - 1 && Double.isFinite(dtg[p - 1]) && Double.isFinite(dtg[p + 1])) {
                // rate at the top: parabola through the three points around the minimum
                double x0 = t[p - 1] - t[p];
                double x2 = t[p + 1] - t[p];
                double y0 = dtg[p - 1] - dtg[p];
                double y2 = dtg[p + 1] - dtg[p];
                double den = x0 * x2 * (x0 - x2);
                if (den != 0) {
                    double a = (x2 * y0 - x0 * y2) / den;
                    double b = (x0 * x0 * y2 - x2 * x2 * y0) / den;
                    if (a > 0) {
                        double xv = -b / (2 * a);
                        if (xv >= x0 && xv <= x2) {
                            peakC = t[p] + xv;
                            peakD = dtg[p] + a * xv * xv + b * xv;
                        }
                    }
                }
                // location: least-squares parabola over the contiguous top of the peak (rate >= 80 % of the
                // extremum), which averages the noise of a flat-topped DTG instead of following one point
                int a0 = p;
                int b0 = p;
                while (a0 > 0 && Double.isFinite(dtg[a0 - 1]) && dtg[a0 - 1] <= PEAK_TOP_FRACTION * dtg[p]) {
                    a0--;
                }
                while (b0 < n - 1 && Double.isFinite(dtg[b0 + 1]) && dtg[b0 + 1] <= PEAK_TOP_FRACTION * dtg[p]) {
                    b0++;
                }
                if (b0 - a0 >= 4) {
                    double xv = parabolaVertex(t, dtg, a0, b0, t[p]);
                    if (Double.isFinite(xv)) {
                        peakC = t[p] + xv;
                    }
                }
                peakM = interpolateAtTemperature(t, pct, peakC, "DTG peak");
            }
        }
        int lowLimitIndex = firstIndexAtOrAbove(t, lo);

        // baseline window
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
        double peakRate = baselineProblem == null ? bb - peakD : (p >= 0 ? -peakD : Double.NaN);
        boolean step = p >= 0 && baselineProblem == null && peakRate >= options.minPeakRatePctPerK()
                && peakRate >= options.minPeakSignalToNoise() * noiseDtg;
        String noStep = null;
        if (p >= 0 && baselineProblem != null) {
            noStep = "no onset: " + baselineProblem;
        } else if (!step) {
            noStep = "no onset: no mass-loss step (DTG extremum " + (p < 0 ? "none" : fmt(peakRate) + " %/K at " + fmt(peakC) + " C")
                    + " above the baseline; a step needs >= " + fmt(options.minPeakRatePctPerK()) + " %/K and >= "
                    + fmt(options.minPeakSignalToNoise()) + " x DTG noise " + fmt(noiseDtg) + " %/K)";
        }
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
                int start = Math.max(refIndex, 0);
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
        double windowK = window * stepT;
        return new TgaResult(options, onsets.get(options.onsetMethod().ordinal()), onsets, step,
                step ? peakC : Double.NaN, step ? peakD : Double.NaN, noiseDtg, window, windowK, order, mRef, refT,
                curve.massUnit(), pointsUsed, total - pointsUsed, bin, t, pct, raw, dtg);
    }

    /** Fraction of the DTG extremum that delimits the top of the peak fitted for its location. */
    static final double PEAK_TOP_FRACTION = 0.8;

    /**
     * Vertex (relative to {@code x0}) of the least-squares parabola through {@code (t[i], y[i])},
     * {@code i = a..b}; NaN unless it is a minimum lying inside {@code [t[a], t[b]]}.
     */
    static double parabolaVertex(double[] t, double[] y, int a, int b, double x0) {
        double s0 = 0, s1 = 0, s2 = 0, s3 = 0, s4 = 0, r0 = 0, r1 = 0, r2 = 0;
        for (int i = a; i <= b; i++) {
            double x = t[i] - x0;
            double x2 = x * x;
            s0 += 1;
            s1 += x;
            s2 += x2;
            s3 += x2 * x;
            s4 += x2 * x2;
            r0 += y[i];
            r1 += x * y[i];
            r2 += x2 * y[i];
        }
        // Cramer's rule for [s0 s1 s2; s1 s2 s3; s2 s3 s4] c = [r0 r1 r2]
        double det = s0 * (s2 * s4 - s3 * s3) - s1 * (s1 * s4 - s3 * s2) + s2 * (s1 * s3 - s2 * s2);
        if (det == 0 || !Double.isFinite(det)) {
            return Double.NaN;
        }
        double c1 = (s0 * (r1 * s4 - s3 * r2) - r0 * (s1 * s4 - s3 * s2) + s2 * (s1 * r2 - r1 * s2)) / det;
        double c2 = (s0 * (s2 * r2 - r1 * s3) - s1 * (s1 * r2 - r1 * s2) + r0 * (s1 * s3 - s2 * s2)) / det;
        if (!(c2 > 0)) {
            return Double.NaN;
        }
        double xv = -c1 / (2 * c2);
        return (xv >= t[a] - x0 && xv <= t[b] - x0) ? xv : Double.NaN;
    }

    /** Largest Savitzky-Golay window (points) used without block averaging. */
    static final int MAX_WINDOW = 201;
    /** Window aimed at after block averaging. */
    static final int TARGET_WINDOW = 101;

    /**
     * Temperature step per point of the ramp, robust to thermocouple noise on densely sampled data and to
     * isothermal holds: the median of {@code |T[i+L] - T[i]| / L} with {@code L = max(1, n/200)}.
     */
    static double rampStep(double[] t) {
        int n = t.length;
        int lag = Math.max(1, n / 200);
        if (n <= lag) {
            return Math.abs(t[n - 1] - t[0]) / Math.max(1, n - 1);
        }
        double[] d = new double[n - lag];
        for (int i = 0; i < d.length; i++) {
            d[i] = Math.abs(t[i + lag] - t[i]) / lag;
        }
        double med = median(d);
        if (!(med > 0)) {
            throw new IllegalArgumentException("the temperature does not change along the curve (median step 0); "
                    + "expected a heating ramp");
        }
        return med;
    }

    private static int oddWindow(double points, int order, int n) {
        long w = Math.round(points);
        if (w % 2 == 0) {
            w++;
        }
        int min = order + 2 + ((order + 2) % 2 == 0 ? 1 : 0);
        w = Math.max(w, min);
        int maxOdd = n % 2 == 1 ? n : n - 1;
        return (int) Math.min(w, maxOdd);
    }

    private static double lerp(double x0, double x1, double y0, double y1, double y) {
        if (y1 == y0) {
            return 0.5 * (x0 + x1);
        }
        return x0 + (x1 - x0) * (y - y0) / (y1 - y0);
    }

    static int firstIndexAtOrAbove(double[] t, double value) {
        for (int i = 0; i < t.length; i++) {
            if (t[i] >= value) {
                return i;
            }
        }
        return t.length - 1;
    }

    /**
     * Linear interpolation of {@code y} at the first crossing of {@code tC} by {@code t}.
     *
     * @throws IllegalArgumentException naming {@code what} when {@code tC} lies outside {@code t}
     */
    static double interpolateAtTemperature(double[] t, double[] y, double tC, String what) {
        if (!Double.isFinite(tC)) {
            throw new IllegalArgumentException(what + " must be finite, got " + tC);
        }
        if (tC == t[0]) {
            return y[0];
        }
        for (int i = 1; i < t.length; i++) {
            if ((t[i - 1] <= tC && t[i] >= tC) || (t[i - 1] >= tC && t[i] <= tC)) {
                if (t[i] == t[i - 1]) {
                    return y[i];
                }
                return y[i - 1] + (y[i] - y[i - 1]) * (tC - t[i - 1]) / (t[i] - t[i - 1]);
            }
        }
        double mn = Double.POSITIVE_INFINITY;
        double mx = Double.NEGATIVE_INFINITY;
        for (double v : t) {
            mn = Math.min(mn, v);
            mx = Math.max(mx, v);
        }
        throw new IllegalArgumentException(what + " " + tC + " C lies outside the curve's temperatures "
                + fmt(mn) + ".." + fmt(mx) + " C");
    }

    private static double median(double[] v) {
        double[] c = v.clone();
        Arrays.sort(c);
        int k = c.length / 2;
        return c.length % 2 == 1 ? c[k] : 0.5 * (c[k - 1] + c[k]);
    }

    private static double mad(double[] v) {
        double med = median(v);
        double[] d = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            d[i] = Math.abs(v[i] - med);
        }
        return median(d);
    }

    static String fmt(double v) {
        if (!Double.isFinite(v)) {
            return String.valueOf(v);
        }
        return String.format(java.util.Locale.ROOT, "%.4g", v);
    }
}
