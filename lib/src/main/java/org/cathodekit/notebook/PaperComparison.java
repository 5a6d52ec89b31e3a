package org.cathodekit.notebook;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The "paper vs reproduced" table of a notebook: one row per quantity with the paper's value and
 * where it is quoted from, the reproduced value, and its origin (synthetic data with the planted
 * value, or a real file). Shown once, as one HTML table ({@link #show()}); the rows also travel as
 * output metadata ({@code cathodekit.comparison}) from which {@code ./reproduce} builds its summary.
 *
 * <pre>{@code
 * PaperComparison cmp = Nb.comparison();
 * cmp.row("rod edge shift, pristine -> charged", "eV").paper("+1.2", "paper A, bulk XAS")
 *    .synthetic(Nb.f("%+.2f", shift), "planted +1.2").key("rod_charge_shift_eV", shift);
 * cmp.show();
 * }</pre>
 */
public final class PaperComparison {

    /**
     * One finished row.
     *
     * @param quantity     what is compared
     * @param unit         its unit ("" when dimensionless or qualitative)
     * @param paper        the paper's value as printed there (may be qualitative)
     * @param source       where the paper value comes from (paper, figure, table)
     * @param reproduced   the value computed here ("" when not run)
     * @param origin       synthetic / real / not run
     * @param originDetail planted value, file name, or why it was not run
     * @param key          summary key ({@code null} when none)
     * @param value        the key's number (NaN when no key)
     */
    public record Entry(String quantity, String unit, String paper, String source, String reproduced, Origin origin,
            String originDetail, String key, double value) {
        public Entry {
            Objects.requireNonNull(quantity, "quantity");
            Objects.requireNonNull(origin, "origin (call synthetic(...), real(...) or notRun(...))");
        }

        /** The origin as one phrase: {@code synthetic (planted -1.90)}, {@code real: file.csv}, {@code not run: why}. */
        public String originText() {
            if (originDetail == null || originDetail.isEmpty()) {
                return origin.label();
            }
            return origin == Origin.SYNTHETIC ? origin.label() + " (" + originDetail + ")" : origin.label() + ": " + originDetail;
        }
    }

    /** A row being filled in. */
    public final class Row {
        private final String quantity;
        private final String unit;
        private String paper = "";
        private String source = "";
        private String reproduced = "";
        private Origin origin;
        private String detail = "";
        private String key;
        private double value = Double.NaN;

        private Row(String quantity, String unit) {
            this.quantity = quantity;
            this.unit = unit;
        }

        /** The paper's value as printed there, and where (e.g. {@code "paper A, Fig. 2b"}). */
        public Row paper(String paperValue, String paperSource) {
            this.paper = paperValue;
            this.source = paperSource;
            return this;
        }

        /** Reproduced from synthetic data; {@code planted}: the value the generator planted (or the model's assumption). */
        public Row synthetic(String reproducedValue, String planted) {
            return set(reproducedValue, Origin.SYNTHETIC, planted);
        }

        /** Reproduced from a real file (named in {@code file}). */
        public Row real(String reproducedValue, String file) {
            return set(reproducedValue, Origin.REAL, file);
        }

        /** Not reproduced in this run, with the reason. */
        public Row notRun(String why) {
            return set("", Origin.NOT_RUN, why);
        }

        /** Also report this number in the {@code ./reproduce} summary under {@code name}. */
        public Row key(String name, double number) {
            this.key = name;
            this.value = number;
            return this;
        }

        private Row set(String reproducedValue, Origin o, String d) {
            this.reproduced = reproducedValue;
            this.origin = o;
            this.detail = d == null ? "" : d;
            return this;
        }

        Entry entry() {
            return new Entry(quantity, unit, paper, source, reproduced, origin, detail, key, value);
        }
    }

    private final List<Row> rows = new ArrayList<>();

    PaperComparison() {
    }

    /** Starts a row; {@code unit} may be empty. */
    public Row row(String quantity, String unit) {
        Row r = new Row(quantity, unit == null ? "" : unit);
        rows.add(r);
        return r;
    }

    /** The finished rows, in order. */
    public List<Entry> entries() {
        List<Entry> out = new ArrayList<>();
        for (Row r : rows) {
            out.add(r.entry());
        }
        return List.copyOf(out);
    }

    /** The table as HTML + text with its rows as metadata. */
    public Rich rich() {
        List<Entry> es = entries();
        List<List<String>> cells = new ArrayList<>();
        List<String> styles = new ArrayList<>();
        List<Map<String, Object>> meta = new ArrayList<>();
        StringBuilder html = new StringBuilder("<table class=\"cathodekit comparison\" style=\"" + Html.STYLE + "\"><thead><tr>");
        for (String h : List.of("quantity", "paper (source)", "reproduced", "origin")) {
            html.append("<th style=\"").append(Html.CELL).append(";text-align:left;background:#f3f3f3\">").append(h).append("</th>");
        }
        html.append("</tr></thead><tbody>");
        for (Entry e : es) {
            String q = e.unit().isEmpty() ? e.quantity() : e.quantity() + " (" + e.unit() + ")";
            String paperText = e.source().isEmpty() ? e.paper() : e.paper() + " (" + e.source() + ")";
            cells.add(List.of(q, paperText, e.reproduced(), e.originText()));
            String colour = switch (e.origin()) {
                case SYNTHETIC -> "#8a5a00";
                case REAL -> "#1b6e20";
                case NOT_RUN -> "#777";
            };
            styles.add(colour);
            html.append("<tr><td style=\"").append(Html.CELL).append("\">").append(Html.escape(q)).append("</td>");
            html.append("<td style=\"").append(Html.CELL).append("\">").append(Html.escape(e.paper()));
            if (!e.source().isEmpty()) {
                html.append("<br><span style=\"color:#666;font-size:0.85em\">").append(Html.escape(e.source())).append("</span>");
            }
            html.append("</td><td style=\"").append(Html.CELL).append(";font-weight:bold\">").append(Html.escape(e.reproduced()))
                    .append("</td><td style=\"").append(Html.CELL).append(";color:").append(colour).append("\">")
                    .append(Html.escape(e.originText())).append("</td></tr>");
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("quantity", q);
            m.put("paper", e.paper());
            m.put("source", e.source());
            m.put("reproduced", e.reproduced());
            m.put("origin", e.origin().label());
            m.put("origin_detail", e.originDetail());
            if (e.key() != null) {
                m.put("key", e.key());
                m.put("value", Double.isFinite(e.value()) ? Html.number(e.value()) : "");
            }
            meta.add(m);
        }
        html.append("</tbody></table>");
        String plain = Html.plainGrid("paper vs reproduced", List.of("quantity", "paper (source)", "reproduced", "origin"), cells);
        return new Rich(html.toString(), plain, Map.of("cathodekit", Map.of("comparison", meta)));
    }

    /** Shows the table once (HTML with a text fallback). */
    public void show() {
        Display.show(rich());
    }
}
