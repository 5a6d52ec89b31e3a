package org.cathodekit.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.cathodekit.core.DataFormatException;

/**
 * Entry of {@code cathodekit inspect}: picks the family whose {@link FileInspector#recognise} is most
 * sure (ties: the order of {@link #INSPECTORS}) and lets it read the file.
 */
public final class Inspect {

    /** Bytes of the file's start given to {@link FileInspector#recognise}. */
    public static final int HEAD_BYTES = 8192;

    /** Every family's inspector; a new family adds one line here. */
    private static final List<FileInspector> INSPECTORS = new ArrayList<>(List.of(
            // families register here, most specific signatures first
            new CyclerInspector(),
            new TgaInspector(),
            new XanesInspector(),
            new PatternInspector()
    ));

    private Inspect() {
    }

    /** @return the registered inspectors (read-only view). */
    public static List<FileInspector> inspectors() {
        return List.copyOf(INSPECTORS);
    }

    /**
     * Inspects one file.
     *
     * @param file   the file
     * @param family a family the user named ({@code --family}), or null to detect
     * @param format a format the user forced ({@code --format}), or null to detect
     */
    public static Inspection file(Path file, String family, String format) {
        byte[] head = head(file);
        FileInspector best = null;
        int bestScore = 0;
        List<String> names = new ArrayList<>();
        for (FileInspector fi : INSPECTORS) {
            names.add(fi.family());
            if (family != null) {
                if (fi.family().equalsIgnoreCase(family)) {
                    best = fi;
                    bestScore = 1;
                    break;
                }
                continue;
            }
            int s = fi.recognise(file, head);
            if (s > bestScore) {
                best = fi;
                bestScore = s;
            }
        }
        if (best == null) {
            if (family != null) {
                throw new IllegalArgumentException("unknown --family '" + family + "' (expected one of " + names + ")");
            }
            throw new DataFormatException(file, null, "not a recognised cycler, TGA, diffraction or XANES file"
                    + " (families tried: " + names + "; name the family with --family to see that reader's error)");
        }
        return best.inspect(file, format);
    }

    /** The first {@link #HEAD_BYTES} of a regular, readable file; clear errors for folders and missing files. */
    public static byte[] head(Path file) {
        if (Files.isDirectory(file)) {
            throw new DataFormatException(file, null, "is a folder, expected a file");
        }
        if (!Files.exists(file)) {
            throw new DataFormatException(file, null, "file not found");
        }
        try (InputStream in = Files.newInputStream(file)) {
            return in.readNBytes(HEAD_BYTES);
        } catch (IOException e) {
            throw new DataFormatException(file, null, "cannot be read: " + e.getMessage(), e);
        }
    }
}
