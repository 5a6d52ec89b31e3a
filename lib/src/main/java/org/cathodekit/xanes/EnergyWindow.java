package org.cathodekit.xanes;

import java.util.Locale;

import org.cathodekit.core.Checks;

/**
 * An energy window {@code [startEv, endEv]} in eV, both ends inclusive: a measured energy
 * {@code E} belongs to the window when {@code startEv <= E <= endEv}.
 *
 * @param startEv lower end, eV (finite)
 * @param endEv   upper end, eV (finite, {@code > startEv})
 */
public record EnergyWindow(double startEv, double endEv) {
    public EnergyWindow {
        Checks.requireWindow(startEv, endEv, "energy window");
    }

    /**
     * Parses {@code "A:B"} (eV, locale-free; a comma or whitespace also separates).
     *
     * @param text e.g. {@code "8250:8320"}
     * @param name the option's name for messages, e.g. {@code "--pre"}
     * @throws IllegalArgumentException naming {@code name} and echoing {@code text}
     */
    public static EnergyWindow parse(String text, String name) {
        if (text == null) {
            throw new IllegalArgumentException(name + " is missing: expected START:END in eV, e.g. 8250:8320");
        }
        String[] parts = text.trim().split("\\s*[:,]\\s*|\\s+");
        if (parts.length != 2) {
            throw new IllegalArgumentException(name + " must be START:END in eV (e.g. 8250:8320), got '" + text + "'");
        }
        try {
            double a = Double.parseDouble(parts[0]);
            double b = Double.parseDouble(parts[1]);
            if (!(a < b)) {
                throw new IllegalArgumentException(name + " must have START < END, got '" + text + "'");
            }
            return new EnergyWindow(a, b);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be START:END with numbers in eV (e.g. 8250:8320), got '" + text + "'");
        }
    }

    /** @return the window's middle, eV. */
    public double middleEv() {
        return 0.5 * (startEv + endEv);
    }

    /** @return whether {@code energyEv} lies inside (ends included). */
    public boolean contains(double energyEv) {
        return energyEv >= startEv && energyEv <= endEv;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%s:%s eV", fmt(startEv), fmt(endEv));
    }

    /** @return {@code "A:B"} without unit (round-trips through {@link #parse}). */
    public String toOption() {
        return fmt(startEv) + ":" + fmt(endEv);
    }

    private static String fmt(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e12 ? Long.toString((long) v) : Double.toString(v);
    }
}
