package org.cathodekit.io;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;

import org.cathodekit.core.CyclerData;
import org.cathodekit.core.CyclerFormat;
import org.cathodekit.core.DataFormatException;

/**
 * The entry for native (binary) cycler files: recognises each vendor's file by its signature and
 * hands it to that vendor's reader. {@link CyclerReader} asks here first; text exports go on to the
 * text layer when {@link #recognise} answers null.
 *
 * <p>Signatures: BioLogic {@code .mpr} starts with {@code BIO-LOGIC MODULAR FILE}; Arbin {@code .res}
 * is a Jet/ACE database ({@code Standard Jet DB} / {@code Standard ACE DB} at offset 4); Neware
 * {@code .nda} starts with {@code NEWARE}; Neware {@code .ndax} is a zip ({@code PK\3\4}) named
 * {@code .ndax}. Other binaries that a cycler user may have (xlsx, HDF5, zip) are named in the error
 * with the text export to make instead.
 *
 * <p>Readers (pure Java; each class documents its layout and what it refuses):
 * <table>
 *   <caption>Native cycler files read</caption>
 *   <tr><th>format</th><th>reader</th><th>versions read</th><th>tested on</th></tr>
 *   <tr><td>BioLogic EC-Lab/BT-Lab {@code .mpr}</td><td>{@link BiologicMprReader}, {@link MprColumns}</td>
 *       <td>data module 2, 3 and 0/11 (EC-Lab 11.50+); every column ID in {@link MprColumns}</td>
 *       <td>cellpy {@code biol.mpr} (fixture); 41 files of yadg's test suite (not committed), rows,
 *       steps, cycles and values equal to their {@code .mpt} exports</td></tr>
 *   <tr><td>Arbin {@code .res}</td><td>{@link ArbinResReader} (Jackcess)</td>
 *       <td>Jet 3/4 (Access 97-2003) MITS Pro databases</td>
 *       <td>cellpy {@code 20160805_test001_45_cc_01.res} (fixture) against {@code mdb-export}</td></tr>
 *   <tr><td>Neware {@code .nda}</td><td>{@link NewareNdaReader}</td><td>29 (BTS 7/8), 130 (BTS 9.0, 9.1)</td>
 *       <td>NewareNDA's {@code new_nda_file.nda} (fixture) and 2 more files against NewareNDA's
 *       reference tables</td></tr>
 *   <tr><td>Neware {@code .ndax}</td><td>{@link NewareNdaxReader}</td><td>ndc 14, 16, 17 (BTS 8)</td>
 *       <td>NewareNDA's {@code Unit27_Example.ndax} (fixture) and 6 more files against NewareNDA's
 *       reference tables</td></tr>
 * </table>
 * Every reader hands its series to one assembler ({@code NativeSeries}): time checked non-decreasing,
 * repeated time stamps counted, capacity counters cross-checked against the integrated current
 * ({@link CounterCheck}), a mismatch becoming a warning.
 */
public final class NativeCyclerFiles {
    private NativeCyclerFiles() {
    }

    /**
     * @param file the file (its name is used for zip-based formats)
     * @param head the first bytes of the file (at least 32 when the file is that long)
     * @return the native format, or null when the file is not a native cycler file
     */
    public static CyclerFormat recognise(Path file, byte[] head) {
        String name = file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (startsWith(head, 0, "BIO-LOGIC MODULAR FILE")) {
            return CyclerFormat.BIOLOGIC_MPR;
        }
        if (startsWith(head, 4, "Standard Jet DB") || startsWith(head, 4, "Standard ACE DB")) {
            return CyclerFormat.ARBIN_RES;
        }
        if (startsWith(head, 0, "NEWARE")) {
            return CyclerFormat.NEWARE_NDA;
        }
        if (isZip(head) && name.endsWith(".ndax")) {
            return CyclerFormat.NEWARE_NDAX;
        }
        return null;
    }

    /**
     * Reads a native cycler file.
     *
     * @param format the format {@link #recognise} gave (or the user forced)
     * @throws DataFormatException when the file is damaged or a part of it is not supported, naming
     *                             the module/table/record and offset
     */
    public static CyclerData read(Path file, CyclerFormat format) {
        if (!java.nio.file.Files.isRegularFile(file)) {
            throw new DataFormatException(file, null, java.nio.file.Files.isDirectory(file) ? "is a folder; expected a file ("
                    + describe(format) + ")" : "file not found");
        }
        return switch (format) {
            case BIOLOGIC_MPR -> BiologicMprReader.read(file);
            case ARBIN_RES -> ArbinResReader.read(file);
            case NEWARE_NDA -> NewareNdaReader.read(file);
            case NEWARE_NDAX -> NewareNdaxReader.read(file);
            default -> throw new DataFormatException(file, null, describe(format) + " is recognised but not read by this"
                    + " version; " + exportAdvice(format));
        };
    }

    /**
     * For a binary file that is not a supported native cycler file: the message naming what it looks
     * like and which text export to make, or null when nothing is recognisable.
     */
    public static String unsupportedBinary(Path file, byte[] head) {
        String name = file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (isZip(head) && name.endsWith(".xlsx")) {
            return "is an Excel workbook (.xlsx); export the data sheet as CSV (File > Save As > CSV) and read that";
        }
        if (head.length >= 8 && (head[0] & 0xff) == 0x89 && startsWith(head, 1, "HDF")) {
            return "is an HDF5 file, not a cycler export; cycler data are read from the vendor's native file or its text export";
        }
        if (isZip(head)) {
            return "is a zip archive that is not a Neware .ndax; unpack it and read the data file inside";
        }
        if (head.length >= 8 && (head[0] & 0xff) == 0xD0 && (head[1] & 0xff) == 0xCF) {
            return "is an OLE2 compound file (old .xls or similar); export it as CSV";
        }
        return null;
    }

    /** @return a human name of a native format, e.g. {@code "BioLogic .mpr"}. */
    public static String describe(CyclerFormat format) {
        return switch (format) {
            case BIOLOGIC_MPR -> "BioLogic EC-Lab .mpr";
            case ARBIN_RES -> "Arbin .res (MS Access database)";
            case NEWARE_NDA -> "Neware .nda";
            case NEWARE_NDAX -> "Neware .ndax";
            default -> format.name();
        };
    }

    /** @return which text export to make from the vendor's software for a native format. */
    public static String exportAdvice(CyclerFormat format) {
        return switch (format) {
            case BIOLOGIC_MPR -> "in EC-Lab use Experiment > Export as Text (.mpt) and read the .mpt";
            case ARBIN_RES -> "in MITS Pro / Data Watcher export the channel as CSV (Test_Time(s), Current(A), Voltage(V))";
            case NEWARE_NDA, NEWARE_NDAX -> "in BTSDA export the record layer as CSV and read that";
            default -> "export the data as delimited text";
        };
    }

    static boolean isZip(byte[] head) {
        return head.length >= 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4;
    }

    static boolean startsWith(byte[] head, int offset, String ascii) {
        byte[] s = ascii.getBytes(StandardCharsets.US_ASCII);
        if (head.length < offset + s.length) {
            return false;
        }
        for (int i = 0; i < s.length; i++) {
            if (head[offset + i] != s[i]) {
                return false;
            }
        }
        return true;
    }
}
