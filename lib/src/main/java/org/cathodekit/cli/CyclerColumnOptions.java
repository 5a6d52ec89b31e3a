package org.cathodekit.cli;

import org.cathodekit.io.CyclerReadOptions;

import picocli.CommandLine.Option;

/**
 * The column-override options of every command that reads cycler data (a picocli mixin): they replace
 * the reader's automatic choice of the time, voltage and current columns (see
 * {@link org.cathodekit.io.CyclerReadOptions}).
 */
public final class CyclerColumnOptions {

    @Option(names = "--time-column", description = "Header of the time column to use (as written in the file), "
            + "instead of the automatic choice.")
    String timeColumn;

    @Option(names = "--voltage-column", description = "Header of the voltage column to use, e.g. 'Ecell/V'.")
    String voltageColumn;

    @Option(names = "--current-column", description = "Header of the current column to use, e.g. 'I/mA'.")
    String currentColumn;

    /** @return {@code base} with these overrides. */
    public CyclerReadOptions applyTo(CyclerReadOptions base) {
        return base.withColumns(timeColumn, voltageColumn, currentColumn);
    }
}
