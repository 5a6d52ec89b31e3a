package org.cathodekit.core;

/**
 * Argument checks for public entry points. Every message names the parameter, echoes the bad value
 * and says what was expected.
 */
public final class Checks {
    private Checks() {
    }

    public static double requireFinite(double value, String name) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException(name + " must be a finite number, got " + value);
        }
        return value;
    }

    public static double requirePositive(double value, String name) {
        if (!(value > 0) || !Double.isFinite(value)) {
            throw new IllegalArgumentException(name + " must be a finite number > 0, got " + value);
        }
        return value;
    }

    public static double requireNonNegative(double value, String name) {
        if (!(value >= 0) || !Double.isFinite(value)) {
            throw new IllegalArgumentException(name + " must be a finite number >= 0, got " + value);
        }
        return value;
    }

    public static int requirePositive(int value, String name) {
        if (value <= 0) {
            throw new IllegalArgumentException(name + " must be > 0, got " + value);
        }
        return value;
    }

    public static double requireInRange(double value, double lo, double hi, String name) {
        if (!(value >= lo && value <= hi)) {
            throw new IllegalArgumentException(name + " must lie in [" + lo + ", " + hi + "], got " + value);
        }
        return value;
    }

    /** Checks {@code lo < hi}, both finite: the usual window check ("pre-edge window 8200:8300 eV"). */
    public static void requireWindow(double lo, double hi, String name) {
        requireFinite(lo, name + " start");
        requireFinite(hi, name + " end");
        if (!(lo < hi)) {
            throw new IllegalArgumentException(name + " must have start < end, got " + lo + ":" + hi);
        }
    }

    /** Checks that every value is finite and strictly increasing; names the first offending index. */
    public static void requireStrictlyIncreasing(double[] values, String name) {
        for (int i = 0; i < values.length; i++) {
            if (!Double.isFinite(values[i])) {
                throw new IllegalArgumentException(name + "[" + i + "] is not finite: " + values[i]);
            }
            if (i > 0 && !(values[i] > values[i - 1])) {
                throw new IllegalArgumentException(name + " must be strictly increasing, but " + name + "[" + (i - 1)
                        + "] = " + values[i - 1] + " and " + name + "[" + i + "] = " + values[i]
                        + (values[i] == values[i - 1] ? " (duplicate)" : ""));
            }
        }
    }
}
