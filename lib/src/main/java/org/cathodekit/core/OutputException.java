package org.cathodekit.core;

import java.nio.file.Path;

/**
 * An output that cannot be written: an unwritable or immutable folder, an existing folder where a
 * file should go, a full disk. The message names the output as the user gave it (never the hidden
 * temporary file {@link AtomicFiles} writes first) and the cause.
 *
 * <p>An {@link IllegalArgumentException}: command-line tools map it to exit code 2, since the
 * user can fix it (another folder, free space, permissions).
 */
public class OutputException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;
    private final String target;

    /**
     * @param target the output file as given (may not exist)
     * @param cause  what went wrong and what to do, e.g. "permission denied: folder /x is not writable"
     * @param source the underlying exception, or null
     */
    public OutputException(Path target, String cause, Throwable source) {
        super("cannot write output " + target + ": " + cause, source);
        this.target = target.toString();
    }

    /** @return the output file as given. */
    public String target() {
        return target;
    }
}
