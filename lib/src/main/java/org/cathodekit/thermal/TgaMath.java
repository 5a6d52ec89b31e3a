package org.cathodekit.thermal;

import java.util.Arrays;

/** Small numerical helpers of the TGA analysis: ramp step, windows, interpolation, robust statistics, formatting. */
final class TgaMath {
    private TgaMath() {
    }

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

    /** The odd Savitzky-Golay window nearest {@code points}, at least {@code order + 2} and at most {@code n}. */
    static int oddWindow(double points, int order, int n) {
        long w = Math.round(points);
        if (w % 2 == 0) {
            w++;
        }
        int min = order + 2 + ((order + 2) % 2 == 0 ? 1 : 0);
        w = Math.max(w, min);
        int maxOdd = n % 2 == 1 ? n : n - 1;
        return (int) Math.min(w, maxOdd);
    }

    /** The x at which the line through (x0, y0), (x1, y1) reaches y; the midpoint when y0 == y1. */
    static double lerp(double x0, double x1, double y0, double y1, double y) {
        if (y1 == y0) {
            return 0.5 * (x0 + x1);
        }
        return x0 + (x1 - x0) * (y - y0) / (y1 - y0);
    }

    /** @return the first index with {@code t[i] >= value}, or the last index */
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

    static double median(double[] v) {
        double[] c = v.clone();
        Arrays.sort(c);
        int k = c.length / 2;
        return c.length % 2 == 1 ? c[k] : 0.5 * (c[k - 1] + c[k]);
    }

    /** Median absolute deviation from the median (unscaled). */
    static double mad(double[] v) {
        double med = median(v);
        double[] d = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            d[i] = Math.abs(v[i] - med);
        }
        return median(d);
    }

    /** Four significant digits, Locale.ROOT, for messages and notes. */
    static String fmt(double v) {
        if (!Double.isFinite(v)) {
            return String.valueOf(v);
        }
        return String.format(java.util.Locale.ROOT, "%.4g", v);
    }
}
