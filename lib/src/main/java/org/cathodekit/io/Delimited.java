package org.cathodekit.io;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.cathodekit.core.DataFormatException;

import com.univocity.parsers.csv.CsvParser;
import com.univocity.parsers.csv.CsvParserSettings;

/**
 * Delimiter and decimal-separator detection, field splitting and locale-free number parsing for
 * instrument text exports (CSV, TSV, semicolon CSV with decimal commas, whitespace columns): the shared
 * text layer of every reader. Splitting is done by the univocity CSV parser ({@link #split}); numbers
 * by {@link Double#parseDouble} after the decimal separator is normalised ({@link #parse}).
 *
 * <p>Detection looks only at the content: the delimiter is the candidate (tab, semicolon, comma,
 * whitespace run) that splits the sample lines into the same number (&ge; 2) of fields most
 * consistently; the decimal separator is a comma when the delimiter is not a comma and numeric
 * fields contain {@code digit,digit}; otherwise a point.
 */
public final class Delimited {
    private Delimited() {
    }

    /** A detected layout. {@code delimiter} is {@code ' '} for "any run of spaces/tabs". */
    public record Dialect(char delimiter, char decimal) {
        /** @return a short human-readable description, e.g. {@code "';' delimited, decimal ','"}. */
        public String describe() {
            String d = switch (delimiter) {
                case '\t' -> "tab";
                case ' ' -> "whitespace";
                default -> "'" + delimiter + "'";
            };
            return d + " delimited, decimal '" + decimal + "'";
        }
    }

    private static final char[] CANDIDATES = {'\t', ';', ',', ' '};

    /**
     * Detects the dialect from sample data lines (header excluded or included; blank lines ignored).
     */
    public static Dialect detect(List<String> sample) {
        char best = ' ';
        double bestScore = -1;
        for (char c : CANDIDATES) {
            int[] counts = new int[sample.size()];
            int used = 0;
            int fields = 0;
            int numeric = 0;
            for (String line : sample) {
                if (line.isBlank()) {
                    continue;
                }
                List<String> parts = split(line, c);
                counts[used++] = parts.size();
                for (String f : parts) {
                    fields++;
                    if (looksNumeric(f)) {
                        numeric++;
                    }
                }
            }
            if (used == 0) {
                continue;
            }
            // score: fraction of lines having the modal field count, times log(modal count)
            int mode = mode(counts, used);
            if (mode < 2) {
                continue;
            }
            int agree = 0;
            for (int i = 0; i < used; i++) {
                if (counts[i] == mode) {
                    agree++;
                }
            }
            // consistent field counts first, then fields that read as numbers, then more columns
            double score = (double) agree / used + 0.5 * numeric / Math.max(1, fields) + 0.01 * Math.min(mode, 50);
            if (c == ' ') {
                score -= 0.05; // prefer an explicit delimiter when both explain the lines
            }
            if (score > bestScore) {
                bestScore = score;
                best = c;
            }
        }
        char decimal = '.';
        if (best != ',') {
            int commaNumbers = 0;
            int pointNumbers = 0;
            for (String line : sample) {
                for (String f : split(line, best)) {
                    String t = f.trim();
                    if (t.matches("[-+]?\\d+,\\d+([eE][-+]?\\d+)?")) {
                        commaNumbers++;
                    } else if (t.matches("[-+]?\\d*\\.\\d+([eE][-+]?\\d+)?")) {
                        pointNumbers++;
                    }
                }
            }
            if (commaNumbers > pointNumbers) {
                decimal = ',';
            }
        }
        return new Dialect(best, decimal);
    }

    private static boolean looksNumeric(String field) {
        String t = field.trim();
        return t.matches("[-+]?(\\d+([.,]\\d*)?|[.,]\\d+)([eE][-+]?\\d+)?");
    }

    private static int mode(int[] counts, int n) {
        int bestVal = 0;
        int bestCount = 0;
        for (int i = 0; i < n; i++) {
            int c = 0;
            for (int j = 0; j < n; j++) {
                if (counts[j] == counts[i]) {
                    c++;
                }
            }
            if (c > bestCount || (c == bestCount && counts[i] > bestVal)) {
                bestCount = c;
                bestVal = counts[i];
            }
        }
        return bestVal;
    }

    /** Widest row accepted by the CSV parser [fields] and longest field [chars]. */
    static final int MAX_COLUMNS = 1 << 14;
    static final int MAX_CHARS_PER_FIELD = 1 << 20;

    /** One univocity parser per thread and delimiter (parsers are not thread-safe). */
    private static final ThreadLocal<java.util.Map<Character, CsvParser>> PARSERS =
            ThreadLocal.withInitial(java.util.HashMap::new);

    private static CsvParser parser(char delimiter) {
        return PARSERS.get().computeIfAbsent(delimiter, d -> {
            CsvParserSettings s = new CsvParserSettings();
            s.getFormat().setDelimiter(d);
            s.getFormat().setQuote('"');
            s.getFormat().setQuoteEscape('"');
            s.getFormat().setComment('\0'); // no comment lines: '#' lines are the readers' business
            s.setSkipEmptyLines(false);
            s.setIgnoreLeadingWhitespaces(true);
            s.setIgnoreTrailingWhitespaces(true);
            s.setNullValue("");
            s.setEmptyValue("");
            s.setMaxColumns(MAX_COLUMNS);
            s.setMaxCharsPerColumn(MAX_CHARS_PER_FIELD);
            s.setReadInputOnSeparateThread(false);
            return new CsvParser(s);
        });
    }

    /**
     * Splits one line. Explicit delimiters go through the univocity CSV parser (RFC 4180 quotes:
     * {@code "a,b"}, {@code ""} inside quotes); {@code ' '} splits on runs of spaces/tabs and ignores
     * leading/trailing blanks (hand-written: no CSV library has a "run of blanks" delimiter). Fields
     * are returned trimmed; an empty line gives one empty field.
     */
    public static List<String> split(String line, char delimiter) {
        if (delimiter == ' ') {
            List<String> out = new ArrayList<>();
            int n = line.length();
            int i = 0;
            while (i < n) {
                while (i < n && (line.charAt(i) == ' ' || line.charAt(i) == '\t')) {
                    i++;
                }
                if (i >= n) {
                    break;
                }
                int s = i;
                while (i < n && line.charAt(i) != ' ' && line.charAt(i) != '\t') {
                    i++;
                }
                out.add(line.substring(s, i));
            }
            return out;
        }
        if (line.isEmpty()) {
            return new ArrayList<>(List.of(""));
        }
        String[] f = parser(delimiter).parseLine(line);
        List<String> out = new ArrayList<>(f == null ? 1 : f.length);
        if (f == null) {
            out.add("");
            return out;
        }
        for (String x : f) {
            out.add(x == null ? "" : x.trim());
        }
        return out;
    }

    /**
     * Parses a number written with {@code decimal} as the decimal separator, independent of the JVM
     * locale. Accepts {@code NaN}, {@code inf}, exponents; rejects thousands separators.
     *
     * @return the value, or {@code Double.NaN} when {@code token} is not a number (callers decide
     *         whether that is an error; see {@link #parseOrThrow})
     */
    public static double parse(String token, char decimal) {
        String t = token.trim();
        if (t.isEmpty()) {
            return Double.NaN;
        }
        if (decimal == ',') {
            if (t.indexOf('.') >= 0) {
                return Double.NaN;
            }
            t = t.replace(',', '.');
        }
        char c0 = t.charAt(0);
        if (!(Character.isDigit(c0) || c0 == '-' || c0 == '+' || c0 == '.')) {
            String low = t.toLowerCase(java.util.Locale.ROOT);
            if (low.equals("nan")) {
                return Double.NaN;
            }
            if (low.equals("inf") || low.equals("infinity")) {
                return Double.POSITIVE_INFINITY;
            }
            return Double.NaN;
        }
        try {
            return Double.parseDouble(t);
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    /**
     * Parses a required number, throwing a message that names file, line number and column.
     *
     * @param lineNumber 1-based line number in the file
     * @param column     the column's header or a description
     */
    public static double parseOrThrow(String token, char decimal, Path file, int lineNumber, String column) {
        double v = parse(token, decimal);
        if (Double.isNaN(v) && !token.trim().equalsIgnoreCase("nan")) {
            throw new DataFormatException(file, "line " + lineNumber + ", column '" + column + "'",
                    "expected a number (decimal separator '" + decimal + "'), found '" + token + "'");
        }
        return v;
    }

    /** @return whether every field of {@code fields} parses as a number. */
    public static boolean allNumeric(List<String> fields, char decimal) {
        if (fields.isEmpty()) {
            return false;
        }
        for (String f : fields) {
            if (Double.isNaN(parse(f, decimal)) && !f.trim().equalsIgnoreCase("nan")) {
                return false;
            }
        }
        return true;
    }
}
