package org.cathodekit.core;

import java.nio.file.Files;
import java.nio.file.Path;

/** The one check every reader makes before opening an input: it exists and is a file, not a folder. */
public final class InputFiles {
    private InputFiles() {
    }

    /**
     * @param file     the input as given
     * @param expected what it should be, e.g. "an HDF5 XANES stack"; appended to the message
     * @throws DataFormatException "is a folder, expected a file" or "file not found", naming the file
     */
    public static void requireRegularFile(Path file, String expected) {
        String what = expected == null ? "" : " (expected " + expected + ")";
        if (Files.isDirectory(file)) {
            throw new DataFormatException(file, null, "is a folder, expected a file" + what);
        }
        if (!Files.isRegularFile(file)) {
            throw new DataFormatException(file, null, "file not found" + what);
        }
    }
}
