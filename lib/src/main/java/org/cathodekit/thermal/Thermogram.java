package org.cathodekit.thermal;

import org.cathodekit.core.Checks;

/**
 * One measured TGA curve in memory: sample temperature, mass and (optionally) time, row by row.
 * The arrays are copied in and out, so a thermogram never changes.
 *
 * <p>Rows are in measurement order. Without a time column the temperature must not decrease (a
 * heating ramp), otherwise rows could not be put in order; with a time column the time must
 * increase strictly and the temperature may jitter or end with a cooling/isothermal segment (the
 * analysis uses the heating segment up to the first maximum temperature).
 */
public final class Thermogram {
    private final double[] timeS;
    private final double[] temperatureC;
    private final double[] mass;
    private final String massUnit;

    /**
     * @param timeS        time in s, or null when the export has none (copied)
     * @param temperatureC sample temperature in C (copied)
     * @param mass         mass in {@code massUnit} (mg, or % of an initial mass) (copied)
     * @param massUnit     unit of {@code mass}, e.g. {@code "mg"} or {@code "%"}
     * @throws IllegalArgumentException naming the first offending index
     */
    public Thermogram(double[] timeS, double[] temperatureC, double[] mass, String massUnit) {
        if (temperatureC == null || mass == null) {
            throw new IllegalArgumentException("temperatureC and mass are required");
        }
        int n = temperatureC.length;
        if (mass.length != n || (timeS != null && timeS.length != n)) {
            throw new IllegalArgumentException("temperatureC (" + n + "), mass (" + mass.length + ")"
                    + (timeS != null ? " and timeS (" + timeS.length + ")" : "") + " must have the same length");
        }
        if (n < 7) {
            throw new IllegalArgumentException("a thermogram needs at least 7 points, got " + n);
        }
        for (int i = 0; i < n; i++) {
            Checks.requireFinite(temperatureC[i], "temperatureC[" + i + "]");
            Checks.requireFinite(mass[i], "mass[" + i + "]");
        }
        if (timeS != null) {
            Checks.requireStrictlyIncreasing(timeS, "timeS");
        } else {
            int bad = firstDecrease(temperatureC);
            if (bad >= 0) {
                throw new IllegalArgumentException("temperature decreases at index " + bad + " (" + temperatureC[bad - 1]
                        + " -> " + temperatureC[bad] + " C) and there is no time column to order the rows; "
                        + "expected a heating ramp, or give the time column");
            }
        }
        this.timeS = timeS == null ? null : timeS.clone();
        this.temperatureC = temperatureC.clone();
        this.mass = mass.clone();
        this.massUnit = massUnit == null ? "" : massUnit;
    }

    /** @return the first index {@code i} with {@code t[i] < t[i-1]}, or -1. */
    public static int firstDecrease(double[] t) {
        for (int i = 1; i < t.length; i++) {
            if (t[i] < t[i - 1]) {
                return i;
            }
        }
        return -1;
    }

    /** @return number of rows. */
    public int size() {
        return temperatureC.length;
    }

    /** @return whether a time column is present. */
    public boolean hasTime() {
        return timeS != null;
    }

    /** @return a copy of the time in s, or null. */
    public double[] timeS() {
        return timeS == null ? null : timeS.clone();
    }

    /** @return a copy of the temperatures in C. */
    public double[] temperatureC() {
        return temperatureC.clone();
    }

    /** @return a copy of the masses. */
    public double[] mass() {
        return mass.clone();
    }

    /** @return the mass unit as given. */
    public String massUnit() {
        return massUnit;
    }

    double[] timeRef() {
        return timeS;
    }

    double[] temperatureRef() {
        return temperatureC;
    }

    double[] massRef() {
        return mass;
    }
}
