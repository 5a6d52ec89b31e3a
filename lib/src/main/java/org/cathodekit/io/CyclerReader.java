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
 */
public final class CyclerReader {
    private CyclerReader() {
    }

    private static final int CHUNK = 1 << 16;
    private static final int MAX_LISTED_SKIPS = 20;

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
        return readRows(text, layout);
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

    // ---------------------------------------------------------------- row parsing

    private static CyclerData readRows(TextFile text, Layout lay) {
        Path file = text.file();
        int first = lay.dataStart();
        int total = Math.max(0, text.size() - first);
        // trailing blank lines are not rows
        while (total > 0 && text.line(first + total - 1).isBlank()) {
            total--;
        }
        if (total == 0) {
            throw new DataFormatException(file, "line " + (lay.headerLine() + 1),
                    "no data rows after the header; expected rows of numbers below it");
        }
        final int n = total;
        final double[] t0 = new double[n];
        final double[] v0 = new double[n];
        final double[] c0 = new double[n];
        final int[] step0 = lay.stepCol() >= 0 ? new int[n] : null;
        final int[] cyc0 = lay.cycleCol() >= 0 ? new int[n] : null;
        boolean[] skip = new boolean[n];
        int maxCol = Math.max(Math.max(lay.timeCol(), lay.voltageCol()), Math.max(lay.currentCol(),
                Math.max(lay.stepCol(), Math.max(lay.cycleCol(), lay.stateCol()))));
        Parallel.forEachChunk(n, CHUNK, (k, from, to) -> {
            RowParser p = new RowParser(file, lay, maxCol);
            for (int i = from; i < to; i++) {
                String line = text.line(first + i);
                int lineNo = first + i + 1;
                if (line.isBlank()) {
                    skip[i] = true;
                    continue;
                }
                if (!p.split(line)) {
                    if (i == n - 1) {
                        throw new DataFormatException(file, "line " + lineNo,
                                "last row has " + p.fieldCount + " fields but the header has " + lay.headerFields()
                                        + ": the file is cut mid-row (incomplete export or copy); expected complete rows");
                    }
                    skip[i] = true;
                    continue;
                }
                double tv = p.time(line, lineNo);
                double vv = p.number(line, lay.voltageCol(), lineNo) * lay.voltageFactor();
                double cv = p.number(line, lay.currentCol(), lineNo) * lay.currentFactor();
                if (lay.stateCol() >= 0) {
                    cv = p.signFromState(line, cv);
                }
                if (Double.isNaN(tv) || Double.isNaN(vv) || Double.isNaN(cv)) {
                    skip[i] = true;
                    continue;
                }
                t0[i] = tv;
                v0[i] = vv;
                c0[i] = cv;
                if (step0 != null) {
                    step0[i] = p.integer(line, lay.stepCol());
                }
                if (cyc0 != null) {
                    cyc0[i] = p.integer(line, lay.cycleCol());
                }
            }
        });
        // compaction, skipped rows, monotonic time
        double[] t = t0;
        double[] v = v0;
        double[] c = c0;
        int[] step = step0;
        int[] cyc = cyc0;
        List<Integer> skipped = new ArrayList<>();
        int skippedCount = 0;
        int blank = 0;
        int m = 0;
        int dup = 0;
        double prev = Double.NEGATIVE_INFINITY;
        int prevLine = -1;
        for (int i = 0; i < n; i++) {
            int lineNo = first + i + 1;
            if (skip[i]) {
                if (text.line(first + i).isBlank()) {
                    blank++;
                    continue;
                }
                skippedCount++;
                if (skipped.size() < MAX_LISTED_SKIPS) {
                    skipped.add(lineNo);
                }
                continue;
            }
            if (t[i] < prev) {
                throw new DataFormatException(file, "line " + lineNo + ", column '" + lay.headerRaw()[lay.timeCol()] + "'",
                        "time goes backwards (" + t[i] + " s after " + prev + " s on line " + prevLine
                                + "); expected non-decreasing time (concatenated or re-ordered exports must be split)");
            }
            if (t[i] == prev) {
                dup++;
            }
            prev = t[i];
            prevLine = lineNo;
            t[m] = t[i];
            v[m] = v[i];
            c[m] = c[i];
            if (step != null) {
                step[m] = step[i];
            }
            if (cyc != null) {
                cyc[m] = cyc[i];
            }
            m++;
        }
        int rows = n - blank;
        if (m == 0 || skippedCount > 0.1 * rows) {
            throw new DataFormatException(file, "line " + (skipped.isEmpty() ? first + 1 : skipped.get(0)),
                    skippedCount + " of " + rows + " data rows have no number in the time, voltage or current column ('"
                            + lay.headerRaw()[lay.timeCol()] + "', '" + lay.headerRaw()[lay.voltageCol()] + "', '"
                            + lay.headerRaw()[lay.currentCol()] + "'); expected numbers with decimal '"
                            + lay.dialect().decimal() + "'");
        }
        if (m < n) {
            t = java.util.Arrays.copyOf(t, m);
            v = java.util.Arrays.copyOf(v, m);
            c = java.util.Arrays.copyOf(c, m);
            step = step == null ? null : java.util.Arrays.copyOf(step, m);
            cyc = cyc == null ? null : java.util.Arrays.copyOf(cyc, m);
        }
        return new CyclerData(file, lay.format(), text.charset().name(), lay.dialect().describe(), t, v, c, step, cyc,
                lay.unitsDetected(), skipped, skippedCount, dup);
    }

    /** Splits one line into field boundaries without allocating (quoted lines fall back to {@link Delimited#split}). */
    static final class RowParser {
        private final Path file;
        private final Layout lay;
        private final int maxCol;
        private final int[] start;
        private final int[] end;
        private List<String> quoted;
        int fieldCount;

        RowParser(Path file, Layout lay, int maxCol) {
            this.file = file;
            this.lay = lay;
            this.maxCol = maxCol;
            this.start = new int[maxCol + 1];
            this.end = new int[maxCol + 1];
        }

        /** @return whether the line has all needed fields. */
        boolean split(String line) {
            quoted = null;
            char d = lay.dialect().delimiter();
            int len = line.length();
            if (line.indexOf('"') >= 0) {
                quoted = Delimited.split(line, d);
                fieldCount = quoted.size();
                return fieldCount > maxCol;
            }
            int f = 0;
            int i = 0;
            if (d == ' ') {
                while (i < len && f <= maxCol) {
                    while (i < len && (line.charAt(i) == ' ' || line.charAt(i) == '\t')) {
                        i++;
                    }
                    if (i >= len) {
                        break;
                    }
                    int s = i;
                    while (i < len && line.charAt(i) != ' ' && line.charAt(i) != '\t') {
                        i++;
                    }
                    start[f] = s;
                    end[f] = i;
                    f++;
                }
                fieldCount = f;
                return f > maxCol;
            }
            int s = 0;
            while (f <= maxCol) {
                int e = line.indexOf(d, s);
                if (e < 0) {
                    e = len;
                }
                start[f] = s;
                end[f] = e;
                f++;
                if (e >= len) {
                    break;
                }
                s = e + 1;
            }
            fieldCount = f;
            return f > maxCol;
        }

        String field(String line, int col) {
            return quoted != null ? quoted.get(col) : line.substring(start[col], end[col]).trim();
        }

        double number(String line, int col, int lineNo) {
            if (quoted == null) {
                double x = fastParse(line, start[col], end[col], lay.dialect().decimal());
                if (!Double.isNaN(x)) {
                    return x;
                }
            }
            return slowNumber(field(line, col), col, lineNo);
        }

        private double slowNumber(String tok, int col, int lineNo) {
            double x = Delimited.parse(tok, lay.dialect().decimal());
            if (!Double.isNaN(x)) {
                return x;
            }
            // a value carrying its own unit: accepted when it matches the header's, refused otherwise
            java.util.regex.Matcher mm = VALUE_WITH_UNIT.matcher(tok);
            if (mm.matches()) {
                String unit = mm.group(2);
                String headerUnit = lay.headerUnits()[col];
                if (unit.equals(headerUnit)) {
                    return Delimited.parse(mm.group(1), lay.dialect().decimal());
                }
                throw new DataFormatException(file, "line " + lineNo + ", column '" + lay.headerRaw()[col] + "'",
                        "mixed units: value '" + tok + "' is in '" + unit + "' but the header declares '"
                                + (headerUnit.isEmpty() ? "(none)" : headerUnit) + "'; expected every value in the header's unit");
            }
            return Double.NaN;
        }

        int integer(String line, int col) {
            double x = quoted == null ? fastParse(line, start[col], end[col], lay.dialect().decimal())
                    : Delimited.parse(quoted.get(col), lay.dialect().decimal());
            if (Double.isNaN(x) && quoted == null) {
                x = Delimited.parse(field(line, col), lay.dialect().decimal());
            }
            return Double.isNaN(x) ? -1 : (int) x;
        }

        double time(String line, int lineNo) {
            int col = lay.timeCol();
            if (lay.timeKind() == TimeKind.NUMBER) {
                return number(line, col, lineNo) * lay.timeFactor();
            }
            double x = parseClock(field(line, col));
            if (Double.isNaN(x)) {
                return Double.NaN;
            }
            return x;
        }

        double signFromState(String line, double amps) {
            String st = field(line, lay.stateCol());
            if (!st.isEmpty() && st.charAt(0) == 'D' && amps > 0) {
                return -amps;
            }
            return amps;
        }
    }

    private static final java.util.regex.Pattern VALUE_WITH_UNIT =
            java.util.regex.Pattern.compile("\\s*([-+]?[0-9]*[.,]?[0-9]+(?:[eE][-+]?[0-9]+)?)\\s*([A-Za-zµμ°%]+)\\s*");

    private static final double[] POW10 = {1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13,
        1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};

    /**
     * Parses a plain decimal number in {@code s[from, to)} (blanks around allowed) without allocating;
     * correctly rounded (the exact fast path: at most 15 significant digits and a power of ten
     * &le; 22). Anything else (more digits, NaN, units) returns NaN for the caller's slow path.
     */
    static double fastParse(String s, int from, int to, char decimal) {
        while (from < to && s.charAt(from) == ' ') {
            from++;
        }
        while (to > from && s.charAt(to - 1) == ' ') {
            to--;
        }
        if (from >= to) {
            return Double.NaN;
        }
        int i = from;
        boolean neg = false;
        char ch = s.charAt(i);
        if (ch == '-' || ch == '+') {
            neg = ch == '-';
            i++;
        }
        long mant = 0;
        int digits = 0;
        int scale = 0;
        boolean any = false;
        boolean point = false;
        for (; i < to; i++) {
            ch = s.charAt(i);
            if (ch >= '0' && ch <= '9') {
                any = true;
                if (mant == 0 && ch == '0') {
                    if (point) {
                        scale--;
                    }
                    continue;
                }
                if (digits >= 15) {
                    return Double.NaN;
                }
                mant = mant * 10 + (ch - '0');
                digits++;
                if (point) {
                    scale--;
                }
            } else if (ch == decimal && !point) {
                point = true;
            } else {
                break;
            }
        }
        if (!any) {
            return Double.NaN;
        }
        if (i < to) {
            ch = s.charAt(i);
            if (ch != 'e' && ch != 'E') {
                return Double.NaN;
            }
            i++;
            boolean eneg = false;
            if (i < to && (s.charAt(i) == '-' || s.charAt(i) == '+')) {
                eneg = s.charAt(i) == '-';
                i++;
            }
            int ex = 0;
            boolean edig = false;
            for (; i < to; i++) {
                ch = s.charAt(i);
                if (ch < '0' || ch > '9' || ex > 1000) {
                    return Double.NaN;
                }
                ex = ex * 10 + (ch - '0');
                edig = true;
            }
            if (!edig) {
                return Double.NaN;
            }
            scale += eneg ? -ex : ex;
        }
        double r;
        if (mant == 0) {
            r = 0.0;
        } else if (scale == 0) {
            r = mant;
        } else if (scale < 0 && scale >= -22) {
            r = mant / POW10[-scale];
        } else if (scale > 0 && scale <= 22) {
            r = mant * POW10[scale];
            if (digits + scale > 15) {
                return Double.NaN; // may not be exactly rounded: let Double.parseDouble decide
            }
        } else {
            return Double.NaN;
        }
        return neg ? -r : r;
    }

    /**
     * Parses a clock time {@code [Nd ][h:]mm:ss[.fff]} (hours may exceed 24; Maccor writes
     * {@code 2d 02:52:51.57}, Neware {@code 144:00:18}) into seconds; NaN when malformed.
     */
    static double parseClock(String s) {
        String t = s.trim();
        double days = 0;
        int dIdx = t.indexOf('d');
        if (dIdx > 0) {
            try {
                days = Double.parseDouble(t.substring(0, dIdx).trim());
            } catch (NumberFormatException e) {
                return Double.NaN;
            }
            t = t.substring(dIdx + 1).trim();
        } else {
            int dash = t.indexOf('-');
            if (dash > 0 && t.indexOf(':') > dash) {
                try {
                    days = Double.parseDouble(t.substring(0, dash).trim());
                } catch (NumberFormatException e) {
                    return Double.NaN;
                }
                t = t.substring(dash + 1).trim();
            }
        }
        String[] parts = t.split(":", -1);
        if (parts.length < 2 || parts.length > 3) {
            return Double.NaN;
        }
        double sec = 0;
        try {
            for (String p : parts) {
                if (p.isEmpty()) {
                    return Double.NaN;
                }
                double x = Double.parseDouble(p.replace(',', '.'));
                if (x < 0) {
                    return Double.NaN;
                }
                sec = sec * 60 + x;
            }
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
        return days * 86400 + sec;
    }

    /** Builds the units map entry: {@code "<raw header> -> unit"}. */
    static void unit(Map<String, String> units, String quantity, String raw, String unit) {
        units.put(quantity, raw.trim() + " -> " + (unit.isEmpty() ? "(implied)" : unit));
    }

    static Map<String, String> newUnits() {
        return new LinkedHashMap<>();
    }
}
