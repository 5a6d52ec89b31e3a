package org.cathodekit.thermal;

import static org.cathodekit.thermal.TgaMath.interpolateAtTemperature;

/**
 * Step 4 of {@link Tga#analyze}: the DTG extremum (steepest mass loss) in the step search window.
 * Location: least-squares parabola over the contiguous top of the peak (rate &ge;
 * {@link #PEAK_TOP_FRACTION} of the extremum); rate: parabola through the three points around the
 * minimum. Package-private.
 *
 * @param index       index of the most negative finite DTG value in the window, or -1 when there is none
 * @param temperatureC located peak temperature (C), NaN without a peak
 * @param ratePctPerK DTG at the peak (%/K, negative for a loss), NaN without a peak
 * @param massPct     smoothed mass % at the peak, NaN without a peak
 */
record DtgPeak(int index, double temperatureC, double ratePctPerK, double massPct) {

    /** Fraction of the DTG extremum that delimits the top of the peak fitted for its location. */
    static final double PEAK_TOP_FRACTION = 0.8;

    boolean exists() {
        return index >= 0;
    }

    /** The DTG extremum of {@code c} among temperatures in {@code [lo, hi]}. */
    static DtgPeak find(DtgCurve c, double lo, double hi) {
        double[] t = c.t();
        double[] dtg = c.dtg();
        double[] pct = c.pct();
        int n = t.length;
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
        return new DtgPeak(p, peakC, peakD, peakM);
    }

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
}
