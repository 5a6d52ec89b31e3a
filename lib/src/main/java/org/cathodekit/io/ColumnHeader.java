package org.cathodekit.io;

import java.util.Locale;

/**
 * A column header split into a normalised name and a unit, so that readers recognise columns by
 * alias: {@code "Time (s)"}, {@code "time/s"}, {@code "time_s"}, {@code "Temp [K]"},
 * {@code "<I>/mA"}, {@code "<Ewe/V>"} (EC-Lab 11.50), {@code "Voltage(V)"} all give a name and a unit.
 *
 * @param raw  the header as written in the file
 * @param name normalised name: lower case, {@code <>} and punctuation removed, inner blanks and
 *             underscores collapsed to one space ({@code "test time"}, {@code "ewe"}, {@code "i"})
 * @param unit the unit as written inside (), [], after '/' or after a final '_' (empty if none),
 *             with {@code µ}/{@code u} kept as written and {@code °C}/{@code degC} normalised to {@code C}
 */
public record ColumnHeader(String raw, String name, String unit) {

    /** Parses one header cell. */
    public static ColumnHeader parse(String raw) {
        String s = raw.trim();
        if (s.length() > 2 && s.charAt(0) == '<' && s.charAt(s.length() - 1) == '>' && s.indexOf('>') == s.length() - 1) {
            s = s.substring(1, s.length() - 1).trim(); // EC-Lab 11.50 writes averaged columns as <Ewe/V>
        }
        String unit = "";
        String name = s;
        int open = Math.max(s.lastIndexOf('('), s.lastIndexOf('['));
        if (open > 0 && (s.endsWith(")") || s.endsWith("]"))) {
            unit = s.substring(open + 1, s.length() - 1).trim();
            name = s.substring(0, open);
        } else {
            int slash = s.lastIndexOf('/');
            if (slash > 0 && slash < s.length() - 1) {
                unit = s.substring(slash + 1).trim();
                name = s.substring(0, slash);
            } else {
                int us = s.lastIndexOf('_');
                if (us > 0 && us < s.length() - 1 && looksLikeUnit(s.substring(us + 1))) {
                    unit = s.substring(us + 1);
                    name = s.substring(0, us);
                }
            }
        }
        return new ColumnHeader(raw, normaliseName(name), normaliseUnit(unit));
    }

    private static boolean looksLikeUnit(String u) {
        String l = u.toLowerCase(Locale.ROOT);
        return l.matches("(s|min|h|ms|v|mv|a|ma|ua|µa|na|mah|ah|c|k|degc|mg|g|ug|pct|percent|ev|kev|deg|mw|w|wh|mwh|ohm)");
    }

    static String normaliseName(String name) {
        String l = name.toLowerCase(Locale.ROOT).replace('<', ' ').replace('>', ' ');
        StringBuilder sb = new StringBuilder();
        boolean space = false;
        for (int i = 0; i < l.length(); i++) {
            char c = l.charAt(i);
            if (Character.isLetterOrDigit(c)) {
                if (space && sb.length() > 0) {
                    sb.append(' ');
                }
                space = false;
                sb.append(c);
            } else {
                space = true;
            }
        }
        return sb.toString();
    }

    static String normaliseUnit(String unit) {
        String u = unit.trim();
        String l = u.toLowerCase(Locale.ROOT);
        if (l.equals("°c") || l.equals("degc") || l.equals("deg c") || l.equals("ºc") || l.equals("c")) {
            return "C";
        }
        if (l.equals("k") || l.equals("°k")) {
            return "K";
        }
        return u;
    }

    /** @return whether the normalised name equals one of {@code aliases} (already normalised). */
    public boolean nameIs(String... aliases) {
        for (String a : aliases) {
            if (name.equals(a)) {
                return true;
            }
        }
        return false;
    }
}
