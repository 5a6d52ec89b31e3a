package org.cathodekit.io;

import java.nio.file.Path;

/**
 * One data family's answer to "what is this file?" for {@code cathodekit inspect}. Implementations
 * are listed once in {@link Inspect}; each reuses its family's reader (no second parser).
 */
public interface FileInspector {

    /** @return the family name: {@code cycler}, {@code tga}, {@code diffraction} or {@code xanes}. */
    String family();

    /**
     * How sure this family is that the file is one of its formats, from the name and the first bytes
     * only (no full read): 0 = not mine, 100 = certain (a signature such as {@code BIO-LOGIC MODULAR FILE}).
     *
     * @param file the file
     * @param head the first bytes of the file (up to {@link Inspect#HEAD_BYTES}; fewer for short files)
     */
    int recognise(Path file, byte[] head);

    /**
     * Reads the file with the family's reader and reports what was understood.
     *
     * @param format a format name the user forced ({@code --format}), or null to detect
     * @throws org.cathodekit.core.DataFormatException when the file cannot be read (exit 2)
     */
    Inspection inspect(Path file, String format);
}
