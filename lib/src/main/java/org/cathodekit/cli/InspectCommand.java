package org.cathodekit.cli;

import java.nio.file.Path;

import org.cathodekit.core.JsonOutput;
import org.cathodekit.io.Inspect;

import com.fasterxml.jackson.databind.node.ObjectNode;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code cathodekit inspect}: what a reader understood of a file (format, rows, columns and roles, warnings). */
@Command(name = "inspect", mixinStandardHelpOptions = true,
        description = "Read any supported file (cycler, TGA, diffraction, XANES) and print what was understood: "
                + "format, rows, columns with units and roles, encoding, dialect, warnings.")
final class InspectCommand extends JsonCommand {

    @Option(names = "--input", required = true, description = "The file to inspect.")
    Path input;

    @Option(names = "--format", description = "Force a format (as named by the family's reader).")
    String format;

    @Option(names = "--family", description = "Force a family: cycler, tga, diffraction or xanes.")
    String family;

    @Override
    protected ObjectNode compute() {
        return Inspect.file(input, family, format).toJson();
    }
}
