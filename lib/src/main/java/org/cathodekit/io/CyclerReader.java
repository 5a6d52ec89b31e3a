package org.cathodekit.io;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.cathodekit.core.CyclerData;
import org.cathodekit.core.CyclerFormat;
import org.cathodekit.core.DataFormatException;
import org.cathodekit.core.Parallel;

/**
 * Reads battery-cycler files ({@link CyclerFormat}) into a tidy SI {@link CyclerData}.
 *
 * <p>Native binaries ({@code .mpr}, {@code .res}, {@code .nda}, {@code .ndax}) are recognised by
 * {@link NativeCyclerFiles} from their first bytes and read there; any other binary is refused with
 * the message {@link NativeCyclerFiles#unsupportedBinary} gives (which text export to make).
 *
 * <p>For text exports, what is detected from the content, never from the JVM locale: the encoding
 * (UTF-8, UTF-16 or latin-1, via {@link TextFile}), the delimiter and decimal separator (via
 * {@link Delimited}), the format (when not given), the layout and the columns with their units (via
 * {@link CyclerLayouts}: aliases and unit tables in {@link CyclerColumns}, nested header levels,
 * vendor fixed units, the choice between two candidate columns). Files are gunzipped in memory when
 * compressed. The input file is never modified.
 *
 * <p>Refused with a {@link DataFormatException} naming file, line and column:
 * <ul>
 *   <li>no time, voltage or current column with numbers (the message lists the columns found);</li>
 *   <li>a unit that is missing (where the vendor has no fixed unit) or unknown ({@code time/furlong}),
 *       or a value carrying a unit that differs from its header's ({@code 3700 mV} under
 *       {@code Voltage(V)}: mixed units);</li>
 *   <li>time going backwards (repeated time stamps are allowed and counted);</li>
 *   <li>a last row cut short (fewer fields than the header: file cut mid-row);</li>
 *   <li>more than 10 % of data rows unreadable. Fewer unreadable rows (and rows lost in a block of NUL
 *       bytes, counted by the record counter where the file has one) are dropped and reported in
 *       {@link CyclerData#skippedRowCount()}, so one bad row does not kill a series.</li>
 * </ul>
 * What was doubtful but read (implied units, a column chosen among several, date-times converted,
 * duplicated header lines, record gaps, counters that disagree with the integrated current) is listed
 * in {@link CyclerData#warnings()}.
 *
 * <p>Parsing runs in chunks of rows through {@link Parallel}; the result is identical for any thread count.
 */
public final class CyclerReader {
    private CyclerReader() {
    }

    /** Reads {@code file}, detecting its format from the content. */
    public static CyclerData read(Path file) {
        return read(file, CyclerReadOptions.DEFAULTS);
    }

    /**
     * Reads {@code file} as {@code format} ({@code null}: detect).
     *
     * @throws DataFormatException for unreadable or malformed files (see class doc)
     */
    public static CyclerData read(Path file, CyclerFormat format) {
        return read(file, CyclerReadOptions.DEFAULTS.withFormat(format));
    }

    /**
     * Reads {@code file} with options (format, column overrides).
     *
     * @throws DataFormatException      for unreadable or malformed files (see class doc)
     * @throws IllegalArgumentException for a column override that names no column
     */
    public static CyclerData read(Path file, CyclerReadOptions options) {
        byte[] head = TextFile.head(file, Inspect.HEAD_BYTES);
        CyclerFormat format = options.format();
        CyclerFormat nativeFormat = format != null && isNative(format) ? format : NativeCyclerFiles.recognise(file, head);
        if (nativeFormat != null && (format == null || format == nativeFormat)) {
            if (options.overridesColumns()) {
                throw new IllegalArgumentException("--time-column, --voltage-column and --current-column apply to text"
                        + " exports; " + file + " is a " + NativeCyclerFiles.describe(nativeFormat) + " file");
            }
            return NativeCyclerFiles.read(file, nativeFormat);
        }
        byte[] bytes = TextFile.readBytes(file);
        head = java.util.Arrays.copyOf(bytes, Math.min(bytes.length, Inspect.HEAD_BYTES)); // decompressed
        if (TextFile.utf16(bytes) == null) {
            for (int i = 0; i < Math.min(head.length, TextFile.BINARY_SNIFF_BYTES); i++) {
                if (head[i] == 0) {
                    String what = NativeCyclerFiles.unsupportedBinary(file, head);
                    if (what != null) {
                        throw new DataFormatException(file, null, what);
                    }
                    break; // TextFile names the offset
                }
            }
        }
        return parse(decode(file, bytes), options);
    }

    private static boolean isNative(CyclerFormat f) {
        return f == CyclerFormat.BIOLOGIC_MPR || f == CyclerFormat.ARBIN_RES || f == CyclerFormat.NEWARE_NDA
                || f == CyclerFormat.NEWARE_NDAX;
    }

    /** {@link TextFile#decode} (kept for callers; the ASCII fast path now lives there, for every reader). */
    static TextFile decode(Path file, byte[] bytes) {
        return TextFile.decode(file, bytes);
    }

    /** Reads already decoded text (tests; in-memory data). */
    public static CyclerData parse(TextFile text, CyclerFormat format) {
        return parse(text, CyclerReadOptions.DEFAULTS.withFormat(format));
    }

    /** Reads already decoded text with options. */
    public static CyclerData parse(TextFile text, CyclerReadOptions options) {
        CyclerFormat f = options.format() == null ? detect(text) : options.format();
        if (isNative(f)) {
            throw new DataFormatException(text.file(), null, "is a text file, not a " + NativeCyclerFiles.describe(f)
                    + " file; read it with --format auto (or the text format's name)");
        }
        Layout layout = CyclerLayouts.resolve(text, f, options);
        CyclerData rows = CyclerRows.read(text, layout);
        List<CounterCheck.Comparison> checks = CounterCheck.of(rows);
        if (checks.isEmpty()) {
            return rows;
        }
        List<String> warnings = new ArrayList<>(rows.warnings());
        warnings.addAll(CounterCheck.warnings(checks));
        return new CyclerData(rows.source(), rows.format(), rows.encoding(), rows.dialect(), rows.timeS(), rows.voltageV(),
                rows.currentA(), rows.step(), rows.cycle(), rows.unitsDetected(), rows.skippedRows(), rows.skippedRowCount(),
                rows.duplicateTimes(), rows.counters(), rows.activeMassMg(), warnings, rows.columns(), summaries(checks));
    }

    /** The checks as {@link CyclerData} carries them. */
    static List<CyclerData.CounterSummary> summaries(List<CounterCheck.Comparison> checks) {
        List<CyclerData.CounterSummary> out = new ArrayList<>(checks.size());
        for (CounterCheck.Comparison c : checks) {
            out.add(new CyclerData.CounterSummary(c.counter(), c.unit(), c.stepsChecked(), c.stepsMismatched()));
        }
        return out;
    }

    /**
     * Detects the format from the first lines: EC-Lab/BT-Lab banner, Maccor {@code Rec#} / {@code Rec}
     * header, Neware {@code Step Type} column or nested cycle/step/record headers, Arbin
     * {@code Data_Point}/{@code Test_Time} columns; otherwise generic.
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
            if (CyclerLayouts.isMaccorHeader(text.line(i))) {
                return CyclerFormat.MACCOR_TEXT;
            }
        }
        for (int i = 0; i < n; i++) {
            String l = text.line(i);
            String low = l.toLowerCase(Locale.ROOT);
            if (l.isBlank() || l.startsWith("#")) {
                continue;
            }
            if ((low.contains("step type") && low.contains("time")) || (low.startsWith("cycle")
                    && CyclerLayouts.nesting(text, i) != null)) {
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
        CLOCK,
        /** an absolute date-time (BT-Lab {@code time/s}); seconds from the first row */
        DATETIME
    }

    /**
     * A capacity or energy counter column.
     *
     * @param direction +1 charge counter, -1 discharge counter, 0 unsigned (charge on rows with I &gt; 0,
     *                  discharge on rows with I &lt; 0)
     * @param factor    Ah (or Wh) per unit of the column
     */
    record Counter(int col, String raw, boolean capacity, int direction, double factor) {
    }

    /** A resolved layout: where the header and data are and which columns hold what. */
    record Layout(CyclerFormat format, int headerLine, int dataStart, Delimited.Dialect dialect, int headerFields,
            int timeCol, TimeKind timeKind, double timeFactor, boolean dayFirst, int voltageCol, double voltageFactor,
            int currentCol, double currentFactor, int stepCol, int cycleCol, int stateCol, int recordCol,
            List<Counter> counters, CyclerLayouts.Nesting nesting,
            String[] headerUnits, String[] headerRaw, Map<String, String> unitsDetected, List<String> warnings,
            List<CyclerData.Column> columns) {
    }

    /** Builds the units map entry: {@code "<raw header> -> unit"}. */
    static void unit(Map<String, String> units, String quantity, String raw, String unit) {
        units.put(quantity, raw.trim() + " -> " + (unit.isEmpty() ? "(implied)" : unit));
    }

    static Map<String, String> newUnits() {
        return new LinkedHashMap<>();
    }
}
