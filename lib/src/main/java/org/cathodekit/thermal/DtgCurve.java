package org.cathodekit.thermal;

import static org.cathodekit.thermal.TgaMath.interpolateAtTemperature;
import static org.cathodekit.thermal.TgaMath.firstIndexAtOrAbove;
import static org.cathodekit.thermal.TgaMath.mad;
import static org.cathodekit.thermal.TgaMath.median;
import static org.cathodekit.thermal.TgaMath.oddWindow;
import static org.cathodekit.thermal.TgaMath.rampStep;

import java.util.Arrays;

import org.cathodekit.core.SavitzkyGolay;

/**
 * Steps 1-3 of {@link Tga#analyze}: the heating segment, optional block averaging of very dense curves,
 * Savitzky-Golay smoothing and DTG ({@code (dm/dt)/(dT/dt)} when a time column exists), the reference
 * mass, mass % curves and the DTG noise estimate. Package-private; arrays are owned by this record.
 *
 * @param t          analysed temperatures (C; smoothed when the time was the abscissa)
 * @param pct        smoothed mass, % of the reference mass
 * @param raw        measured mass, % of the reference mass
 * @param dtg        DTG (%/K), NaN where {@code dT/dt} is below 5 % of its median
 * @param window     Savitzky-Golay window (points)
 * @param order      Savitzky-Golay polynomial order
 * @param stepT      temperature step per point of the ramp (K)
 * @param bin        block size of the averaging (1 = none)
 * @param mRef       reference mass (input unit)
 * @param refT       reference temperature (C)
 * @param refIndex   first index at or above the reference temperature (0 for the initial mass)
 * @param noiseDtg   DTG noise (%/K): robust SD of raw - smoothed, times the derivative filter's gain
 * @param pointsUsed points of the heating segment before block averaging
 * @param total      points of the whole input curve
 */
record DtgCurve(double[] t, double[] pct, double[] raw, double[] dtg, int window, int order, double stepT, int bin,
        double mRef, double refT, int refIndex, double noiseDtg, int pointsUsed, int total) {

    /** Largest Savitzky-Golay window (points) used without block averaging. */
    static final int MAX_WINDOW = 201;
    /** Window aimed at after block averaging. */
    static final int TARGET_WINDOW = 101;

    /** @return the number of analysed points */
    int size() {
        return t.length;
    }

    static DtgCurve of(Thermogram curve, TgaOptions options) {
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
        return new DtgCurve(t, pct, raw, dtg, window, order, stepT, bin, mRef, refT, refIndex, noiseDtg, pointsUsed,
                total);
    }
}
