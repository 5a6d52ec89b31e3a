package org.cathodekit.plot;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * "Nice" axis ticks: steps of 1, 2, 2.5 or 5 times a power of ten, chosen so that about
 * {@code target} ticks span the range (Heckbert, "Nice numbers for graph labels", Graphics Gems,
 * 1990, with 2.5 added), and a decimal pattern that shows every tick exactly (no "2.1" for 2).
 *
 * @param min     first tick (a multiple of {@code step}, at or below the data minimum)
 * @param max     last tick (a multiple of {@code step}, at or above the data maximum)
 * @param step    tick spacing
 * @param decimals decimals needed to print every tick exactly
 */
public record Ticks(double min, double max, double step, int decimals) {

    private static final double[] MANTISSAS = {1, 2, 2.5, 5, 10};

    /**
     * Ticks covering {@code [lo, hi]}.
     *
     * @param lo     data minimum (finite)
     * @param hi     data maximum (finite, may equal {@code lo})
     * @param target wished number of intervals (at least 2)
     */
    public static Ticks of(double lo, double hi, int target) {
        if (!Double.isFinite(lo) || !Double.isFinite(hi)) {
            throw new IllegalArgumentException("Ticks.of: range must be finite, got " + lo + ".." + hi);
        }
        if (hi < lo) {
            double t = lo;
            lo = hi;
            hi = t;
        }
        if (hi == lo) {
            double pad = lo == 0 ? 1 : Math.abs(lo) * 0.05;
            lo -= pad;
            hi += pad;
        }
        double raw = (hi - lo) / Math.max(2, target);
        double p = Math.pow(10, Math.floor(Math.log10(raw)));
        double step = 10 * p;
        for (double m : MANTISSAS) {
            if (m * p >= raw * 0.999999) {
                step = m * p;
                break;
            }
        }
        double first = Math.floor(lo / step + 1e-9) * step;
        double last = Math.ceil(hi / step - 1e-9) * step;
        int decimals = decimalsOf(step);
        return new Ticks(first, last, step, decimals);
    }

    /** Decimals needed to print multiples of {@code step} exactly (0 for steps of 1 and more). */
    static int decimalsOf(double step) {
        for (int d = 0; d < 10; d++) {
            double scaled = step * Math.pow(10, d);
            if (Math.abs(scaled - Math.rint(scaled)) < 1e-6 * Math.max(1, scaled)) {
                return d;
            }
        }
        return 10;
    }

    /** The tick values from {@link #min()} to {@link #max()}. */
    public List<Double> values() {
        List<Double> v = new ArrayList<>();
        int n = (int) Math.round((max - min) / step);
        for (int i = 0; i <= n; i++) {
            v.add(min + i * step);
        }
        return v;
    }

    /** A {@link java.text.DecimalFormat} pattern printing every tick exactly: {@code "0"}, {@code "0.0"}, {@code "0.25"}... */
    public String decimalPattern() {
        return decimals == 0 ? "0" : "0." + "0".repeat(decimals);
    }

    /** One tick value as text (Locale.ROOT, {@link #decimals()} decimals). */
    public String label(double value) {
        return String.format(Locale.ROOT, "%." + decimals + "f", value);
    }
}
