package org.cathodekit.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.cathodekit.core.DataFormatException;
import org.cathodekit.core.JsonOutput;
import org.cathodekit.core.Sha256;

import com.fasterxml.jackson.databind.node.ObjectNode;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code cathodekit checksum --input F}: SHA-256 and size of an input file, for provenance records. */
@Command(name = "checksum", mixinStandardHelpOptions = true,
        description = "Print the SHA-256 and size of an input file (as recorded in provenance cells).")
final class ChecksumCommand extends JsonCommand {
    @Option(names = "--input", required = true, description = "The file to checksum (read-only).")
    Path input;

    @Override
    protected ObjectNode compute() throws IOException {
        org.cathodekit.core.InputFiles.requireRegularFile(input, "an existing regular file");
        return JsonOutput.object()
                .put("file", input.toString())
                .put("bytes", Files.size(input))
                .put("sha256", Sha256.of(input));
    }
}
