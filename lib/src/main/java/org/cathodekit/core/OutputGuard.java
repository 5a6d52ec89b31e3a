package org.cathodekit.core;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The one output guard of every command that writes: an output may never be one of the inputs.
 *
 * <p>Usage: {@code OutputGuard.output("--out", out).notSameAs("--a", a).notSameAs("--b", b);}
 * Each check compares the normalised real paths and {@link Files#isSameFile} (symlinks, {@code ..}
 * and hard links included) and throws an {@link IllegalArgumentException} (exit 2) naming both
 * options and the file. An output that is an existing folder is refused the same way.
 */
public final class OutputGuard {

    private final String outOption;
    private final Path out;

    private OutputGuard(String outOption, Path out) {
        this.outOption = outOption;
        this.out = out;
    }

    /**
     * Starts the checks for one output.
     *
     * @param outOption the option that named it, e.g. {@code "--out"}, {@code "--curve-out"}
     * @param out       the output path (may not exist yet); null means "no output" and every check passes
     */
    public static OutputGuard output(String outOption, Path out) {
        if (out != null && Files.isDirectory(out)) {
            throw new IllegalArgumentException(outOption + " " + out + " is an existing folder; expected a file name to write");
        }
        return new OutputGuard(outOption, out);
    }

    /**
     * Refuses the output when it is the same file as {@code input}.
     *
     * @param inputOption the option that named the input, e.g. {@code "--input"}
     * @param input       the input path; null is ignored
     * @return this, for chaining
     */
    public OutputGuard notSameAs(String inputOption, Path input) {
        if (out == null || input == null) {
            return this;
        }
        if (same(out, input)) {
            throw new IllegalArgumentException(outOption + " " + out + " is the same file as " + inputOption + " " + input
                    + ": inputs are never modified or overwritten, choose another output");
        }
        return this;
    }

    /** Refuses the output when it is any of the inputs (a glob's matches, a folder's files). */
    public OutputGuard notAnyOf(String inputOption, Iterable<Path> inputs) {
        for (Path p : inputs) {
            notSameAs(inputOption, p);
        }
        return this;
    }

    /** @return true when the two paths name one file (by real path or by file key). */
    static boolean same(Path a, Path b) {
        Path na = a.toAbsolutePath().normalize();
        Path nb = b.toAbsolutePath().normalize();
        if (na.equals(nb)) {
            return true;
        }
        if (!Files.exists(a) || !Files.exists(b)) {
            return false;
        }
        try {
            return Files.isSameFile(a, b) || a.toRealPath().equals(b.toRealPath());
        } catch (IOException e) {
            return false;
        }
    }
}
