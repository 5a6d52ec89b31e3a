package org.cathodekit.io;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.GZIPInputStream;

import org.cathodekit.core.CyclerData;
import org.cathodekit.core.CyclerFormat;
import org.cathodekit.core.DataFormatException;
import org.cathodekit.core.Parallel;

/**
 * Reads battery-cycler exports ({@link CyclerFormat}) into a tidy SI {@link CyclerData}.
 *
 * <p>What is detected from the content, never from the JVM locale: the encoding (UTF-8 or latin-1,
 * via {@link TextFile}), the delimiter and decimal separator (via {@link Delimited}), the format
 * (when not given), and the columns with their units (via {@link ColumnHeader} aliases). Files whose
 * name ends in {@code .gz} are decompressed in memory. The input file is never modified.
 *
 * <p>Refused with a {@link DataFormatException} naming file, line and column:
 * <ul>
 *   <li>no time, voltage or current column (the message lists the columns found);</li>
 *   <li>a unit that is missing or unknown ({@code time/furlong}), or a value carrying a unit that
 *       differs from its header's ({@code 3700 mV} under {@code Voltage(V)}: mixed units);</li>
 *   <li>time going backwards (repeated time stamps are allowed and counted);</li>
 *   <li>a last row cut short (fewer fields than the header: file cut mid-row);</li>
 *   <li>more than 10 % of data rows unreadable. Fewer unreadable rows are dropped and reported in
 *       {@link CyclerData#skippedRows()}, so one bad row does not kill a series.</li>
 * </ul>
 *
 * <p>Parsing runs in chunks of rows through {@link Parallel}; the result is identical for any thread count.
 *
 * <p>Collaborators (package-private): {@link CyclerLayouts} finds header, dialect and columns;
 * {@code CyclerRows} parses and checks the data rows, one line at a time through
 * {@code CyclerRowParser}; {@code CyclerNumbers} holds the allocation-free number and clock parsers.
 */
public final class CyclerReader {
    private CyclerReader() {
    }

    /** Reads {@code file}, detecting its format from the content. */
    public static CyclerData read(Path file) {
        return read(file, null);
    }

    /**
     * Reads {@code file} as {@code format} ({@code null}: detect).
     *
     * @throws DataFormatException for unreadable or malformed files (see class doc)
     */
    public static CyclerData read(Path file, CyclerFormat format) {
        CyclerFormat nat = format == null ? NativeCyclerFiles.recognise(file, Inspect.head(file)) : format;
        if (nat == CyclerFormat.BIOLOGIC_MPR || nat == CyclerFormat.ARBIN_RES || nat == CyclerFormat.NEWARE_NDA
                || nat == CyclerFormat.NEWARE_NDAX) {
            return NativeCyclerFiles.read(file, nat);
        }
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new DataFormatException(file, null, "file not found");
        } catch (IOException e) {
            throw new DataFormatException(file, null, "cannot read file: " + e.getMessage(), e);
        }
        if (file.getFileName() != null && file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".gz")) {
            try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
                bytes = in.readAllBytes();
            } catch (IOException e) {
                throw new DataFormatException(file, null, "name ends in .gz but the content is not valid gzip: " + e.getMessage(), e);
            }
        }
        return parse(decode(file, bytes), format);
    }

    /**
     * {@link TextFile#decode} with a fast path for pure 7-bit ASCII content (the common case for
     * large numeric exports): ASCII is valid UTF-8 and decodes identically, so the lines are cut
     * straight from the bytes without the intermediate full-text copies. Anything else (BOM, NUL,
     * UTF-8 or latin-1 bytes) goes through {@link TextFile#decode}.
     */
    static TextFile decode(Path file, byte[] bytes) {
        int n = bytes.length;
        for (int i = 0; i < n; i++) {
            byte b = bytes[i];
            if (b <= 0) { // negative: non-ASCII; 0: NUL (binary): let TextFile decide and report
                return TextFile.decode(file, bytes);
            }
        }
        List<String> lines = new ArrayList<>(Math.max(16, n / 32));
        int from = 0;
        for (int i = 0; i < n; i++) {
            byte c = bytes[i];
            if (c == '\n' || c == '\r') {
                lines.add(new String(bytes, from, i - from, java.nio.charset.StandardCharsets.ISO_8859_1));
                if (c == '\r' && i + 1 < n && bytes[i + 1] == '\n') {
                    i++;
                }
                from = i + 1;
            }
        }
        if (from < n) {
            lines.add(new String(bytes, from, n - from, java.nio.charset.StandardCharsets.ISO_8859_1));
        }
        return new TextFile(file, java.nio.charset.StandardCharsets.UTF_8, lines);
    }

    /** Reads already decoded text (tests; in-memory data). */
    public static CyclerData parse(TextFile text, CyclerFormat format) {
        CyclerFormat f = format == null ? detect(text) : format;
        Layout layout = CyclerLayouts.resolve(text, f);
        return CyclerRows.read(text, layout);
    }

    /**
     * Detects the format from the first lines: EC-Lab banner, Maccor {@code Rec#} header, Neware
     * {@code Step Type} column, Arbin {@code Data_Point}/{@code Test_Time} columns; otherwise generic.
     */
    public static CyclerFormat detect(TextFile text) {
        int n = Math.min(text.size(), 40);
        if (n > 0) {
            String first = text.line(0).trim();
            if (first.startsWith("EC-Lab ASCII FILE") || first.startsWith("BT-Lab ASCII FILE")) {
                return CyclerFormat.BIOLOGIC_MPT;
            }
        }
        for (int i = 0; i < n; i++) {
            if (text.line(i).startsWith("Rec#")) {
                return CyclerFormat.MACCOR_TEXT;
            }
        }
        for (int i = 0; i < n; i++) {
            String l = text.line(i);
            String low = l.toLowerCase(Locale.ROOT);
            if (l.isBlank() || l.startsWith("#")) {
                continue;
            }
            if (low.contains("step type") && low.contains("time")) {
                return CyclerFormat.NEWARE_CSV;
            }
            if (low.contains("data_point") || low.contains("test_time")) {
                return CyclerFormat.ARBIN_CSV;
            }
            return CyclerFormat.GENERIC;
        }
        return CyclerFormat.GENERIC;
    }

    /** How time values are written. */
    enum TimeKind {
        /** a number times a unit factor */
        NUMBER,
        /** {@code [Nd ][h:]mm:ss[.fff]} (Neware, Maccor) */
        CLOCK
    }

    /** A resolved layout: where the header and data are and which columns hold what. */
    record Layout(CyclerFormat format, int headerLine, int dataStart, Delimited.Dialect dialect, int headerFields,
            int timeCol, TimeKind timeKind, double timeFactor, int voltageCol, double voltageFactor,
            int currentCol, double currentFactor, int stepCol, int cycleCol, int stateCol,
            String[] headerUnits, String[] headerRaw, Map<String, String> unitsDetected) {
    }

    /** Builds the units map entry: {@code "<raw header> -> unit"}. */
    static void unit(Map<String, String> units, String quantity, String raw, String unit) {
        units.put(quantity, raw.trim() + " -> " + (unit.isEmpty() ? "(implied)" : unit));
    }

    static Map<String, String> newUnits() {
        return new LinkedHashMap<>();
    }
}
