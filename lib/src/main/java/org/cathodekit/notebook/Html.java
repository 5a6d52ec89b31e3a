package org.cathodekit.notebook;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

import org.cathodekit.table.Tables;

import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * HTML and plain-text renderings of Tablesaw tables and result records, the single code path that
 * every kernel adapter of {@link Display} uses (so IJava and rapaio show identical outputs).
 *
 * <p>Numbers are shown with {@value #SIGNIFICANT} significant digits ({@link #number(double)}); NaN
 * and infinities as an empty cell (a value that was not computed is not a number to read). Text is
 * HTML-escaped. The plain-text fallback is an aligned text table.
 */
public final class Html {
    /** Significant digits of displayed floating-point numbers (full precision stays in the data). */
    public static final int SIGNIFICANT = 6;
    /** Rows shown before a table is cut (the data keep every row). */
    public static final int MAX_ROWS = 60;

    static final String STYLE = "border-collapse:collapse;font-size:0.92em;margin:0.3em 0";
    static final String CELL = "border:1px solid #ccc;padding:2px 8px";

    private Html() {
    }

    /** HTML-escapes {@code &}, {@code <}, {@code >} and {@code "}. */
    public static String escape(String s) {
        StringBuilder b = new StringBuilder(s.length() + 8);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }

    /**
     * A number as shown in tables: {@value #SIGNIFICANT} significant digits, plain notation between
     * 1e-4 and 1e6, scientific outside, trailing zeros dropped; empty for NaN/infinite.
     */
    public static String number(double v) {
        if (!Double.isFinite(v)) {
            return "";
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return String.format(Locale.ROOT, "%d", (long) v);
        }
        double a = Math.abs(v);
        String s;
        if (a >= 1e-4 && a < 1e6) {
            int decimals = Math.max(0, SIGNIFICANT - 1 - (int) Math.floor(Math.log10(a)));
            s = String.format(Locale.ROOT, "%." + decimals + "f", v);
            if (s.contains(".")) {
                s = s.replaceAll("0+$", "").replaceAll("\\.$", "");
            }
        } else {
            s = String.format(Locale.ROOT, "%." + (SIGNIFICANT - 1) + "e", v).replaceAll("0+e", "e").replace(".e", "e");
        }
        return s;
    }

    /** A cell value as text: numbers by {@link #number(double)}, collections joined by {@code ", "}. */
    public static String text(Object v) {
        if (v == null) {
            return "";
        }
        if (v instanceof Double d) {
            return number(d);
        }
        if (v instanceof Float f) {
            return number(f);
        }
        if (v instanceof Collection<?> c) {
            List<String> parts = new ArrayList<>();
            for (Object o : c) {
                parts.add(text(o));
            }
            return String.join(", ", parts);
        }
        if (v instanceof Enum<?> e) {
            return e.name();
        }
        if (v.getClass().isArray()) {
            return "[" + java.lang.reflect.Array.getLength(v) + " values]";
        }
        if (v instanceof Record r && r.getClass().getRecordComponents().length > 4) {
            return r.getClass().getSimpleName() + " (" + r.getClass().getRecordComponents().length + " fields)";
        }
        return v.toString();
    }

    /** A table as {@code text/html} and {@code text/plain} (caption = the table's name). */
    public static Rich table(Table t) {
        List<String> header = t.columnNames();
        List<List<String>> rows = new ArrayList<>();
        int shown = Math.min(t.rowCount(), MAX_ROWS);
        for (int r = 0; r < shown; r++) {
            List<String> row = new ArrayList<>();
            for (Column<?> c : t.columns()) {
                row.add(c.isMissing(r) ? "" : text(c.get(r)));
            }
            rows.add(row);
        }
        String caption = t.name() == null ? "" : t.name();
        if (shown < t.rowCount()) {
            caption += " (first " + shown + " of " + t.rowCount() + " rows)";
        }
        return Rich.of(grid(caption, header, rows, null), plainGrid(caption, header, rows));
    }

    /**
     * A record as a two-column field/value table; components holding a list of records follow as
     * their own tables (via {@link Tables#of(List)}).
     */
    public static Rich record(Record r) {
        List<List<String>> rows = new ArrayList<>();
        StringBuilder html = new StringBuilder();
        StringBuilder plain = new StringBuilder();
        List<Rich> nested = new ArrayList<>();
        for (RecordComponent c : r.getClass().getRecordComponents()) {
            Object v = Tables.component(r, c);
            if (v instanceof List<?> l && !l.isEmpty() && l.get(0) instanceof Record) {
                @SuppressWarnings("unchecked")
                List<? extends Record> recs = (List<? extends Record>) l;
                nested.add(table(Tables.of(recs).setName(c.getName() + " (" + l.size() + ")")));
                continue;
            }
            // the record's JSON key (as Tables.of and the command line name it)
            rows.add(List.of(org.cathodekit.core.JsonOutput.keys(r.getClass()).getOrDefault(c.getName(), Tables.columnName(c.getName())),
                    text(v)));
        }
        String caption = r.getClass().getSimpleName();
        html.append(grid(caption, List.of("field", "value"), rows, null));
        plain.append(plainGrid(caption, List.of("field", "value"), rows));
        for (Rich n : nested) {
            html.append(n.html());
            plain.append('\n').append(n.plain());
        }
        return Rich.of(html.toString(), plain.toString());
    }

    /** An HTML table; {@code rowClass} (may be null) gives a CSS class per row. */
    static String grid(String caption, List<String> header, List<List<String>> rows, List<String> rowStyle) {
        StringBuilder b = new StringBuilder("<table class=\"cathodekit\" style=\"" + STYLE + "\">");
        if (caption != null && !caption.isEmpty()) {
            b.append("<caption style=\"text-align:left;font-weight:bold\">").append(escape(caption)).append("</caption>");
        }
        b.append("<thead><tr>");
        for (String h : header) {
            b.append("<th style=\"").append(CELL).append(";text-align:left;background:#f3f3f3\">").append(escape(h)).append("</th>");
        }
        b.append("</tr></thead><tbody>");
        for (int i = 0; i < rows.size(); i++) {
            String extra = rowStyle == null || rowStyle.get(i) == null ? "" : ";" + rowStyle.get(i);
            b.append("<tr>");
            for (String v : rows.get(i)) {
                boolean numeric = v.matches("[-+]?[0-9][0-9.eE+-]*");
                b.append("<td style=\"").append(CELL).append(numeric ? ";text-align:right" : ";text-align:left").append(extra)
                        .append("\">").append(escape(v)).append("</td>");
            }
            b.append("</tr>");
        }
        return b.append("</tbody></table>").toString();
    }

    /** An aligned plain-text table (the {@code text/plain} fallback). */
    static String plainGrid(String caption, List<String> header, List<List<String>> rows) {
        int[] w = new int[header.size()];
        for (int j = 0; j < w.length; j++) {
            w[j] = header.get(j).length();
            for (List<String> r : rows) {
                w[j] = Math.max(w[j], r.get(j).length());
            }
        }
        StringBuilder b = new StringBuilder();
        if (caption != null && !caption.isEmpty()) {
            b.append(caption).append('\n');
        }
        appendRow(b, header, w);
        for (List<String> r : rows) {
            appendRow(b, r, w);
        }
        return b.toString();
    }

    private static void appendRow(StringBuilder b, List<String> cells, int[] w) {
        for (int j = 0; j < w.length; j++) {
            String v = cells.get(j);
            b.append(v);
            if (j < w.length - 1) {
                b.append(" ".repeat(w[j] - v.length())).append(" | ");
            }
        }
        b.append('\n');
    }
}
