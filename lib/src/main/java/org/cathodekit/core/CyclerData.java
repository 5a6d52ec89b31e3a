package org.cathodekit.core;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A tidy cycler time series in SI units with its provenance, as read by {@code io.CyclerReader}.
 *
 * <p>Conventions: time in seconds from the file's own zero, strictly non-decreasing (repeated time
 * stamps, which real exports contain at step changes, are kept and counted); voltage in volts;
 * current in amperes, <b>positive on charge</b> (oxidation of the positive electrode), negative on
 * discharge. Arrays are copied in and out: instances are immutable.
 *
 * @param source       the file read (never modified)
 * @param format       the layout it was read as
 * @param encoding     the detected text encoding ({@code UTF-8} or {@code ISO-8859-1})
 * @param dialect      the detected delimiter/decimal separator, e.g. {@code "tab delimited, decimal ','"}
 * @param timeS        time [s]
 * @param voltageV     cell voltage [V]
 * @param currentA     current [A], positive on charge
 * @param step         step (or sequence) index per row, or {@code null} when the file has none
 * @param cycle        cycle index per row, or {@code null} when the file has none
 * @param unitsDetected quantity ({@code time}, {@code voltage}, {@code current}) to the source column
 *                     and unit as written, e.g. {@code "<I>/mA -> mA"}
 * @param skippedRows  1-based line numbers of data rows dropped because a required value was not a
 *                     number (at most the first 20 are listed; see {@code skippedRowCount})
 * @param skippedRowCount number of dropped data rows
 * @param duplicateTimes number of rows whose time equals the previous row's
 * @param counters     the cycler's own per-row counters where the file has them, in SI-derived units named
 *                     in the key: {@link #CHARGE_CAPACITY_AH}, {@link #DISCHARGE_CAPACITY_AH},
 *                     {@link #CHARGE_ENERGY_WH}, {@link #DISCHARGE_ENERGY_WH} (each array has {@link #size()}
 *                     values; empty map when the file has none)
 * @param activeMassMg the active-material mass stated in the file [mg], or NaN when the file states none
 * @param warnings     what the reader found doubtful (ambiguous columns and the choice made, counter
 *                     mismatches, ...); empty when nothing was
 * @param columns      every column of the source with the unit and role the reader gave it, in file
 *                     order (empty when the reader does not report them)
 * @param counterChecks the reader's cross-checks of the cycler's counters against the logged series, one
 *                     per counter checked (empty when the file has no counters); mismatches are also in
 *                     {@code warnings}
 */
public record CyclerData(Path source, CyclerFormat format, String encoding, String dialect,
        double[] timeS, double[] voltageV, double[] currentA, int[] step, int[] cycle,
        Map<String, String> unitsDetected, List<Integer> skippedRows, int skippedRowCount, int duplicateTimes,
        Map<String, double[]> counters, double activeMassMg, List<String> warnings, List<Column> columns,
        List<CounterSummary> counterChecks) {

    /**
     * One counter's cross-check as the reader made it ({@code io.CounterCheck} states the rule).
     *
     * @param counter         the counter's name (as in the file)
     * @param unit            {@code Ah} or {@code Wh}
     * @param stepsChecked    steps compared
     * @param stepsMismatched steps beyond the tolerance
     */
    public record CounterSummary(String counter, String unit, int stepsChecked, int stepsMismatched) {
    }

    /** The form without counter checks. */
    public CyclerData(Path source, CyclerFormat format, String encoding, String dialect,
            double[] timeS, double[] voltageV, double[] currentA, int[] step, int[] cycle,
            Map<String, String> unitsDetected, List<Integer> skippedRows, int skippedRowCount, int duplicateTimes,
            Map<String, double[]> counters, double activeMassMg, List<String> warnings, List<Column> columns) {
        this(source, format, encoding, dialect, timeS, voltageV, currentA, step, cycle, unitsDetected, skippedRows,
                skippedRowCount, duplicateTimes, counters, activeMassMg, warnings, columns, List.of());
    }

    /**
     * One column of the source as the reader understood it (for {@code cathodekit inspect}).
     *
     * @param name as written in the file
     * @param unit the unit understood, {@code ""} when none
     * @param role {@code time}, {@code voltage}, {@code current}, {@code step}, {@code cycle},
     *             {@code capacity}, {@code energy}, {@code state}, {@code record} or {@code unused}
     */
    public record Column(String name, String unit, String role) {
        public Column {
            unit = unit == null ? "" : unit;
            role = role == null ? "unused" : role;
        }
    }

    /** The form without the column list (readers that do not report their columns). */
    public CyclerData(Path source, CyclerFormat format, String encoding, String dialect,
            double[] timeS, double[] voltageV, double[] currentA, int[] step, int[] cycle,
            Map<String, String> unitsDetected, List<Integer> skippedRows, int skippedRowCount, int duplicateTimes,
            Map<String, double[]> counters, double activeMassMg, List<String> warnings) {
        this(source, format, encoding, dialect, timeS, voltageV, currentA, step, cycle, unitsDetected, skippedRows,
                skippedRowCount, duplicateTimes, counters, activeMassMg, warnings, List.of());
    }

    /** Counter key: cumulative charge capacity as the cycler counts it [Ah] (per step or per cycle, as in the file). */
    public static final String CHARGE_CAPACITY_AH = "charge_capacity_Ah";
    /** Counter key: discharge capacity as the cycler counts it [Ah], positive. */
    public static final String DISCHARGE_CAPACITY_AH = "discharge_capacity_Ah";
    /** Counter key: charge energy as the cycler counts it [Wh]. */
    public static final String CHARGE_ENERGY_WH = "charge_energy_Wh";
    /** Counter key: discharge energy as the cycler counts it [Wh], positive. */
    public static final String DISCHARGE_ENERGY_WH = "discharge_energy_Wh";

    /** The pre-counter form (no counters, no stated mass, no warnings). */
    public CyclerData(Path source, CyclerFormat format, String encoding, String dialect,
            double[] timeS, double[] voltageV, double[] currentA, int[] step, int[] cycle,
            Map<String, String> unitsDetected, List<Integer> skippedRows, int skippedRowCount, int duplicateTimes) {
        this(source, format, encoding, dialect, timeS, voltageV, currentA, step, cycle, unitsDetected, skippedRows,
                skippedRowCount, duplicateTimes, Map.of(), Double.NaN, List.of(), List.of());
    }

    public CyclerData {
        int n = timeS.length;
        if (voltageV.length != n || currentA.length != n || (step != null && step.length != n)
                || (cycle != null && cycle.length != n)) {
            throw new IllegalArgumentException("time, voltage, current, step and cycle must have the same length " + n);
        }
        Checks.requireNonNegative(skippedRowCount, "skippedRowCount");
        timeS = timeS.clone();
        voltageV = voltageV.clone();
        currentA = currentA.clone();
        step = step == null ? null : step.clone();
        cycle = cycle == null ? null : cycle.clone();
        unitsDetected = Collections.unmodifiableMap(new LinkedHashMap<>(unitsDetected));
        skippedRows = List.copyOf(skippedRows);
        Map<String, double[]> cc = new LinkedHashMap<>();
        for (Map.Entry<String, double[]> e : counters.entrySet()) {
            if (e.getValue().length != n) {
                throw new IllegalArgumentException("counter " + e.getKey() + " has " + e.getValue().length
                        + " values, expected " + n);
            }
            cc.put(e.getKey(), e.getValue().clone());
        }
        counters = Collections.unmodifiableMap(cc);
        warnings = List.copyOf(warnings);
        columns = List.copyOf(columns);
        counterChecks = List.copyOf(counterChecks);
    }

    /** @return a copy of one counter, or null when the file has none of that name. */
    public double[] counter(String key) {
        double[] c = counters.get(key);
        return c == null ? null : c.clone();
    }

    /** Builds a series from memory (synthetic data, tests): no file, {@link CyclerFormat#GENERIC}. */
    public static CyclerData ofArrays(double[] timeS, double[] voltageV, double[] currentA) {
        return new CyclerData(null, CyclerFormat.GENERIC, "n/a", "n/a", timeS, voltageV, currentA, null, null,
                Map.of("time", "s", "voltage", "V", "current", "A"), List.of(), 0, 0);
    }

    /** @return the number of rows. */
    public int size() {
        return timeS.length;
    }

    @Override
    public double[] timeS() {
        return timeS.clone();
    }

    @Override
    public double[] voltageV() {
        return voltageV.clone();
    }

    @Override
    public double[] currentA() {
        return currentA.clone();
    }

    @Override
    public int[] step() {
        return step == null ? null : step.clone();
    }

    @Override
    public int[] cycle() {
        return cycle == null ? null : cycle.clone();
    }

    /** @return time of row {@code i} [s]. */
    public double timeAt(int i) {
        return timeS[i];
    }

    /** @return voltage of row {@code i} [V]. */
    public double voltageAt(int i) {
        return voltageV[i];
    }

    /** @return current of row {@code i} [A]. */
    public double currentAt(int i) {
        return currentA[i];
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CyclerData d && Arrays.equals(timeS, d.timeS) && Arrays.equals(voltageV, d.voltageV)
                && Arrays.equals(currentA, d.currentA) && Arrays.equals(step, d.step) && Arrays.equals(cycle, d.cycle)
                && format == d.format && java.util.Objects.equals(source, d.source);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(timeS) * 31 + Arrays.hashCode(voltageV);
    }

    @Override
    public String toString() {
        return "CyclerData[" + (source == null ? "memory" : source.getFileName()) + ", " + format + ", " + size()
                + " rows, units " + unitsDetected + "]";
    }
}
