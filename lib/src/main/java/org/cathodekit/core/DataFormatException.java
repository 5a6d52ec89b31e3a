package org.cathodekit.core;

import java.nio.file.Path;

/**
 * A file (or dataset inside one) that cannot be read as the format it claims to be. The message
 * always names the file, where in it (dataset, row, column) and what was expected instead.
 *
 * <p>Command-line tools map this to exit code 2 (bad input).
 */
public class DataFormatException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;
    private final String file;
    private final String location;

    /**
     * @param file     the file, or {@code null} when the data came from memory
     * @param location where in the file: {@code "row 12, column 'Voltage(V)'"}, {@code "dataset /X_eng"}; may be null
     * @param problem  what was wrong and what was expected
     */
    public DataFormatException(Path file, String location, String problem) {
        super(compose(file == null ? null : file.toString(), location, problem));
        this.file = file == null ? null : file.toString();
        this.location = location;
    }

    public DataFormatException(Path file, String location, String problem, Throwable cause) {
        this(file, location, problem);
        initCause(cause);
    }

    private static String compose(String file, String location, String problem) {
        StringBuilder sb = new StringBuilder();
        if (file != null) {
            sb.append(file);
        }
        if (location != null && !location.isEmpty()) {
            sb.append(sb.length() > 0 ? ", " : "").append(location);
        }
        if (sb.length() > 0) {
            sb.append(": ");
        }
        return sb.append(problem).toString();
    }

    /** @return the file name as given, or null. */
    public String file() {
        return file;
    }

    /** @return the location inside the file, or null. */
    public String location() {
        return location;
    }
}
