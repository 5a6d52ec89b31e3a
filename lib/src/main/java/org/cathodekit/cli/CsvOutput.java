package org.cathodekit.cli;

import java.nio.file.Path;

import picocli.CommandLine.Option;

/**
 * The {@code --csv FILE} option of every command with a result table (a picocli mixin; see
 * {@link JsonCommand#csvOutput()}): the table is written atomically ({@code core.AtomicFiles}) and
 * checked against the inputs first ({@code core.OutputGuard}).
 */
public final class CsvOutput {
    @Option(names = "--csv", paramLabel = "FILE",
            description = "Also write the result table as CSV (atomically; never over an input).")
    Path file;

    /** @return the file, or null when {@code --csv} was not given */
    public Path file() {
        return file;
    }
}
