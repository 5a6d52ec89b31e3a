package org.cathodekit.io;

import java.util.Locale;

import org.cathodekit.core.CyclerData;
import org.cathodekit.core.CyclerFormat;

/**
 * The alias and unit tables of cycler exports (package-private helper of {@link CyclerReader}): a new
 * vendor spelling is a new entry here, not a new parser. Names are {@link ColumnHeader} normalised
 * names; the first alias that matches wins (most specific first).
 */
final class CyclerColumns {
    private CyclerColumns() {
    }

    /** Time column aliases, most specific first; per-step times are never used. {@code test} only with a time unit (Maccor {@code Test (Sec)}). */
    static final String[] TIME = {"test time", "total time", "cumulative time", "testtime", "time", "elapsed time",
        "t", "run time", "test"};
    static final String[] VOLTAGE = {"ewe", "voltage", "volts", "ecell", "cell voltage", "potential", "ewe ece", "e",
        "u", "v"};
    static final String[] CURRENT = {"i", "current", "amps", "amp", "cell current"};
    static final String[] STEP = {"ns", "step index", "step", "step number", "step no", "step id"};
    static final String[] CYCLE = {"cycle number", "cycle index", "cycle", "cyc", "cycle p", "cycle c", "cycle no",
        "cycle id", "cycle count"};
    /** Maccor's mode column: C charge, D discharge, R rest (and others). */
    static final String[] STATE = {"state", "md"};
    /** Record counters (consecutive integers written by the cycler; a gap means lost records). */
    static final String[] RECORD = {"rec", "data point", "datapoint", "record", "record index", "record id"};
    static final String[] CHARGE_CAPACITY = {"charge capacity", "q charge", "chg cap", "capacitance chg"};
    static final String[] DISCHARGE_CAPACITY = {"discharge capacity", "q discharge", "dchg cap", "capacitance dchg"};
    /** Unsigned capacity counters: charge on rows with I &gt; 0, discharge on rows with I &lt; 0. */
    static final String[] CAPACITY = {"amp hr", "capacity", "cap"};
    static final String[] CHARGE_ENERGY = {"charge energy", "energy charge", "chg energy", "engy chg"};
    static final String[] DISCHARGE_ENERGY = {"discharge energy", "energy discharge", "dchg energy", "engy dchg"};
    static final String[] ENERGY = {"watt hr", "energy", "ener"};

    /** Wall-clock column of Maccor exports, used to calibrate a time column written without unit. */
    static final String[] WALL_CLOCK = {"dpt time", "date time", "datetime", "date", "realtime", "absolute time"};

    /** @return whether {@code unit} is a time unit ({@code s}, {@code sec}, {@code min}, {@code h}, ...). */
    static boolean isTimeUnit(String unit) {
        return !Double.isNaN(timeFactor(unit)) || unit.contains(":");
    }

    /** @return seconds per unit, or NaN. */
    static double timeFactor(String unit) {
        return switch (unit.toLowerCase(Locale.ROOT)) {
            case "s", "sec", "secs", "seconds" -> 1;
            case "ms" -> 1e-3;
            case "min" -> 60;
            case "h", "hr", "hours" -> 3600;
            default -> Double.NaN;
        };
    }

    /** @return volts per unit, or NaN. */
    static double voltageFactor(String unit) {
        return switch (unit) {
            case "V", "v" -> 1;
            case "mV" -> 1e-3;
            default -> Double.NaN;
        };
    }

    /** @return amperes per unit, or NaN. */
    static double currentFactor(String unit) {
        return switch (unit) {
            case "A", "a" -> 1;
            case "mA" -> 1e-3;
            case "uA", "µA", "μA" -> 1e-6;
            case "nA" -> 1e-9;
            default -> Double.NaN;
        };
    }

    /** @return ampere-hours per unit ({@code Ah}, {@code A.h}, {@code mAh}, {@code mA.h}), or NaN. */
    static double capacityFactor(String unit) {
        return switch (unit.replace(".", "").replace("·", "")) {
            case "Ah", "AH", "ah" -> 1;
            case "mAh", "mAH" -> 1e-3;
            case "uAh", "µAh" -> 1e-6;
            default -> Double.NaN;
        };
    }

    /** @return watt-hours per unit ({@code Wh}, {@code W.h}, {@code mWh}, {@code mW.h}), or NaN. */
    static double energyFactor(String unit) {
        return switch (unit.replace(".", "").replace("·", "")) {
            case "Wh", "WH", "wh" -> 1;
            case "mWh", "mWH" -> 1e-3;
            default -> Double.NaN;
        };
    }

    /**
     * The vendor's fixed unit for a header written without one, or "" when the vendor has none (then
     * the unit must be in the header). Arbin exports (MITS, mdb-export) and Maccor exports write
     * {@code Test_Time}, {@code Current}, {@code Voltage}, {@code Amps}, {@code Volts}, {@code Amp-hr},
     * {@code Watt-hr} in s, A, V, Ah and Wh.
     *
     * @param quantity {@code time}, {@code voltage}, {@code current}, {@code capacity} or {@code energy}
     */
    static String fixedUnit(CyclerFormat format, String quantity) {
        if (format != CyclerFormat.ARBIN_CSV && format != CyclerFormat.MACCOR_TEXT && format != CyclerFormat.NEWARE_CSV) {
            return "";
        }
        return switch (quantity) {
            case "time" -> format == CyclerFormat.NEWARE_CSV ? "" : "s";
            case "voltage" -> "V";
            case "current" -> "A";
            case "capacity" -> "Ah";
            case "energy" -> "Wh";
            default -> "";
        };
    }

    /** Counter keys of {@link CyclerData} for a capacity ({@code true}) or energy counter, by direction. */
    static String key(boolean capacity, boolean charge) {
        if (capacity) {
            return charge ? CyclerData.CHARGE_CAPACITY_AH : CyclerData.DISCHARGE_CAPACITY_AH;
        }
        return charge ? CyclerData.CHARGE_ENERGY_WH : CyclerData.DISCHARGE_ENERGY_WH;
    }
}
