package org.cathodekit.io;

import org.cathodekit.core.CyclerFormat;
import org.cathodekit.core.OptionsRecord;

/**
 * How {@link CyclerReader} reads a cycler file: the format (null: detect from the content) and the
 * columns to use for time, voltage and current when the automatic choice is not wanted.
 *
 * <p>A column override names a header as written in the file ({@code "Ecell/V"}) or its normalised
 * alias form ({@code "ecell"}), case-insensitive. The column's unit is still taken from its header
 * (or from the vendor's fixed units, e.g. Arbin's s, A, V); an override never changes units.
 *
 * @param format        the layout to read, or null to detect
 * @param timeColumn    header of the time column to use, or null for the automatic choice
 * @param voltageColumn header of the voltage column to use, or null
 * @param currentColumn header of the current column to use, or null
 */
@OptionsRecord
public record CyclerReadOptions(CyclerFormat format, String timeColumn, String voltageColumn, String currentColumn)
        implements CyclerReadOptionsBuilder.With {

    /** Detect everything. */
    public static final CyclerReadOptions DEFAULTS = new CyclerReadOptions(null, null, null, null);

    public CyclerReadOptions {
        timeColumn = blankToNull(timeColumn);
        voltageColumn = blankToNull(voltageColumn);
        currentColumn = blankToNull(currentColumn);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    /** @return a copy with the three column overrides (each null for the automatic choice). */
    public CyclerReadOptions withColumns(String time, String voltage, String current) {
        return toBuilder().timeColumn(time).voltageColumn(voltage).currentColumn(current).build();
    }

    /** @return whether any column override is set. */
    public boolean overridesColumns() {
        return timeColumn != null || voltageColumn != null || currentColumn != null;
    }

    /** @return a builder preset to these values: {@code DEFAULTS.toBuilder().a(..).b(..).build()}. */
    public CyclerReadOptionsBuilder toBuilder() {
        return with();
    }
}
