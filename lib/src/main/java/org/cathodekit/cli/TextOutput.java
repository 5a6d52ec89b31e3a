package org.cathodekit.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The text form of a command's result, derived from the same JSON tree as {@code --json} (so the
 * two cannot disagree): first a summary, one {@code key: value} line per scalar with numbers rounded
 * to {@value #SIGNIFICANT} significant digits (the unit is in the key, e.g. {@code tau_s: 10.00});
 * nested objects as {@code key.sub: value}; numeric arrays inline when short, else as count and range;
 * then every list of objects (pulses, peaks, cycles...) as an aligned table with a title line; last
 * the warnings, one per line. Missing values (JSON null: NaN or not applicable) print as {@code -}.
 */
final class TextOutput {
    private TextOutput() {
    }

    /** Significant digits of numbers in the text output. */
    static final int SIGNIFICANT = 4;
    /** Numeric arrays up to this length are printed inline. */
    static final int INLINE_ARRAY = 8;
    /** Text values longer than this are cut (the full value is in {@code --json}). */
    static final int MAX_TEXT = 160;

    static void print(JsonNode result, Map<String, List<String>> columns, PrintWriter out) {
        if (!result.isObject()) {
            out.println(scalar(result));
            return;
        }
        List<String> warnings = new ArrayList<>();
        List<Map.Entry<String, JsonNode>> tables = new ArrayList<>();
        summary("", result, warnings, tables, out);
        for (Map.Entry<String, JsonNode> t : tables) {
            out.println();
            out.println(t.getKey() + " (" + t.getValue().size() + "):");
            table(t.getValue(), columns.get(t.getKey()), out);
        }
        for (String w : warnings) {
            out.println("warning: " + w);
        }
    }

    private static void summary(String prefix, JsonNode o, List<String> warnings, List<Map.Entry<String, JsonNode>> tables,
            PrintWriter out) {
        for (Iterator<Map.Entry<String, JsonNode>> it = o.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> e = it.next();
            String key = prefix + e.getKey();
            JsonNode v = e.getValue();
            if (e.getKey().equals("warnings") && v.isArray()) {
                for (JsonNode w : v) {
                    warnings.add((prefix.isEmpty() ? "" : prefix) + w.asText());
                }
            } else if (v.isObject()) {
                summary(key + ".", v, warnings, tables, out);
            } else if (v.isArray() && v.size() > 0 && v.get(0).isObject()) {
                tables.add(Map.entry(key, v));
            } else if (v.isArray()) {
                out.println(key + ": " + array(v));
            } else {
                out.println(key + ": " + cut(scalar(v)));
            }
        }
    }

    /** Short arrays inline; long numeric arrays as {@code n values, min .. max}. */
    static String array(JsonNode a) {
        if (a.size() == 0) {
            return "none";
        }
        boolean numeric = true;
        for (JsonNode x : a) {
            numeric &= x.isNumber() || x.isNull();
        }
        if (a.size() <= INLINE_ARRAY || !numeric) {
            List<String> parts = new ArrayList<>();
            for (JsonNode x : a) {
                parts.add(x.isArray() ? array(x) : scalar(x));
            }
            return cut("[" + String.join(", ", parts) + "]");
        }
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        int finite = 0;
        for (JsonNode x : a) {
            if (x.isNumber()) {
                lo = Math.min(lo, x.doubleValue());
                hi = Math.max(hi, x.doubleValue());
                finite++;
            }
        }
        return a.size() + " values" + (finite == 0 ? ", all missing" : ", " + number(lo) + " .. " + number(hi));
    }

    static String scalar(JsonNode v) {
        if (v == null || v.isNull()) {
            return "-";
        }
        if (v.isIntegralNumber()) {
            return v.asText();
        }
        if (v.isNumber()) {
            return number(v.doubleValue());
        }
        if (v.isArray()) {
            return array(v);
        }
        return v.asText();
    }

    /** A number rounded to {@value #SIGNIFICANT} significant digits, without exponent between 1e-3 and 1e6. */
    static String number(double d) {
        if (!Double.isFinite(d)) {
            return "-";
        }
        double a = Math.abs(d);
        if (a == 0) {
            return "0";
        }
        if (a < 1e-3 || a >= 1e6) {
            return String.format(Locale.ROOT, "%." + (SIGNIFICANT - 1) + "e", d);
        }
        int decimals = Math.max(0, SIGNIFICANT - 1 - (int) Math.floor(Math.log10(a)));
        return String.format(Locale.ROOT, "%." + decimals + "f", d);
    }

    private static String cut(String s) {
        return s.length() <= MAX_TEXT ? s : s.substring(0, MAX_TEXT - 3) + "...";
    }

    /** Rows of objects as aligned columns: numbers right-aligned, text left-aligned. */
    static void table(JsonNode rows, List<String> only, PrintWriter out) {
        List<String> cols = new ArrayList<>();
        if (only != null) {
            cols.addAll(only);
        } else {
            for (JsonNode r : rows) {
                for (Iterator<String> it = r.fieldNames(); it.hasNext();) {
                    String k = it.next();
                    JsonNode v = r.get(k);
                    boolean longArray = v.isArray() && v.size() > INLINE_ARRAY;
                    if (!cols.contains(k) && !v.isObject() && !longArray) {
                        cols.add(k);
                    }
                }
            }
        }
        String[][] cells = new String[rows.size() + 1][cols.size()];
        boolean[] text = new boolean[cols.size()];
        for (int j = 0; j < cols.size(); j++) {
            cells[0][j] = cols.get(j);
        }
        int i = 1;
        for (JsonNode r : rows) {
            for (int j = 0; j < cols.size(); j++) {
                JsonNode v = r.get(cols.get(j));
                String s;
                if (v != null && v.isArray()) {
                    List<String> parts = new ArrayList<>();
                    v.forEach(x -> parts.add(scalar(x)));
                    s = String.join("|", parts);
                    text[j] = true;
                } else {
                    s = v == null ? "-" : scalar(v);
                    text[j] |= v != null && v.isTextual();
                }
                cells[i][j] = s;
            }
            i++;
        }
        int[] w = new int[cols.size()];
        for (String[] row : cells) {
            for (int j = 0; j < row.length; j++) {
                w[j] = Math.max(w[j], row[j].length());
            }
        }
        for (String[] row : cells) {
            StringBuilder b = new StringBuilder();
            for (int j = 0; j < row.length; j++) {
                String f = text[j] ? "%-" + w[j] + "s" : "%" + w[j] + "s";
                b.append(j == 0 ? "" : "  ").append(String.format(Locale.ROOT, f, row[j]));
            }
            out.println(b.toString().stripTrailing());
        }
    }
}
