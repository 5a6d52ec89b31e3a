package org.cathodekit.io;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Column recognition for {@link TgaReader}: units rows, and which column is temperature, time and mass
 * (absolute, relative in %, or a mass fraction in g/g), DSC heat flow, and the tolerant reading of a
 * mangled degree sign.
 */
final class TgaColumns {
    private TgaColumns() {
    }

    static final Pattern UNIT_TOKEN = Pattern.compile(
            "(?i)(s|sec|min|h|ms|°c|ºc|c|degc|k|mg|g|µg|ug|%|wt%|mw|w|w/g|mw/mg|%/min|mg/min|%/°c|%/c|µv|uv|1/min|\\-)");

    /**
     * A Celsius unit whose degree sign was mangled or left out: {@code °C} written in another code page
     * (U+FFFD after a failed decode, byte 0x9B = U+009B in latin-1 or U+203A in cp1252 as NETZSCH writes it,
     * {@code º}, {@code ?}), {@code deg C}, {@code degC}, a bare {@code C}.
     */
    static final Pattern MANGLED_CELSIUS = Pattern.compile("(?i)^(?:[\u00b0\u00ba\ufffd\u009b\u203a\u02da?*]|deg\\.?)?\\s*C$");

    /**
     * The unit of a temperature column, reading a mangled degree sign ({@link #MANGLED_CELSIUS}) as C
     * only when the column's name makes it a temperature ({@code Temp}, {@code Temperature},
     * {@code Ts}, {@code Tr}, "Sample temperature", ...): a lone {@code ?C} under another name stays unknown.
     *
     * @return {@code "C"}, {@code "K"} or the unit unchanged
     */
    static String temperatureUnit(ColumnHeader c) {
        String u = c.unit();
        if (isTemperatureUnit(u)) {
            return u;
        }
        if (MANGLED_CELSIUS.matcher(u.trim()).matches() && isTemperatureName(c)) {
            return "C";
        }
        return u;
    }

    static boolean isTemperatureName(ColumnHeader c) {
        String n = c.name();
        return c.nameIs("ts", "tr", "tp", "t", "temp", "temperature") || n.endsWith(" temperature") || n.endsWith(" temp")
                || n.startsWith("temperature ") || n.startsWith("temp ");
    }

    /** @return whether the column is a mass fraction: unit g/g or mg/mg, or named "mass fraction" without a unit. */
    static boolean isMassFraction(ColumnHeader c) {
        String u = c.unit().toLowerCase(Locale.ROOT);
        if (u.equals("g/g") || u.equals("mg/mg")) {
            String n = c.name();
            return !(n.contains("error") || n.contains("uncertainty") || n.contains("std") || n.contains("sigma")
                    || n.contains("deviation"));
        }
        return (u.isEmpty() || u.equals("-") || u.equals("1")) && c.nameIs("mass fraction", "weight fraction",
                "residual mass fraction", "normalized mass", "normalised mass");
    }

    /** @return whether the column is a DSC/DTA signal: unit mW, W/g, mW/mg, µV, or named DSC/heat flow. */
    static boolean isHeatFlow(ColumnHeader c) {
        String u = c.unit().toLowerCase(Locale.ROOT);
        return u.equals("mw") || u.equals("w") || u.equals("w/g") || u.equals("mw/mg") || u.equals("µv") || u.equals("uv")
                || u.equals("μv") || c.name().startsWith("dsc") || c.name().contains("heat flow")
                || c.name().contains("heatflow") || c.nameIs("dta");
    }

    static boolean isUnitsRow(List<String> fields) {
        boolean any = false;
        for (String f : fields) {
            String t = f.trim();
            if (t.isEmpty()) {
                continue;
            }
            boolean bracketed = (t.startsWith("[") && t.endsWith("]")) || (t.startsWith("(") && t.endsWith(")"));
            String inner = stripBrackets(t);
            if (!bracketed && !UNIT_TOKEN.matcher(inner).matches()) {
                return false;
            }
            if (!Double.isNaN(Delimited.parse(inner, '.'))) { // a number is never a unit
                return false;
            }
            any = true;
        }
        return any;
    }

    static String stripBrackets(String s) {
        String t = s.trim();
        if (t.length() >= 2 && ((t.startsWith("[") && t.endsWith("]")) || (t.startsWith("(") && t.endsWith(")")))) {
            t = t.substring(1, t.length() - 1).trim();
        }
        return t;
    }

    static boolean isTemperatureUnit(String u) {
        return u.equals("C") || u.equals("K");
    }

    static boolean isTimeUnit(String u) {
        String l = u.toLowerCase(Locale.ROOT);
        return l.equals("s") || l.equals("sec") || l.equals("min") || l.equals("h") || l.equals("ms");
    }

    static boolean isMassUnit(String u) {
        String l = u.toLowerCase(Locale.ROOT);
        return l.equals("mg") || l.equals("g") || l.equals("µg") || l.equals("μg") || l.equals("ug") || l.equals("%")
                || l.equals("wt%");
    }

    static int pickTemperature(ColumnHeader[] cols) {
        int best = -1;
        int bestScore = 0;
        for (int j = 0; j < cols.length; j++) {
            ColumnHeader c = cols[j];
            String u = temperatureUnit(c);
            int score = 0;
            boolean sampleName = c.nameIs("ts", "sample temperature", "sample temp", "temperature", "temp",
                    "t sample", "temperature sample", "sample t", "temp sample", "t");
            boolean otherName = c.nameIs("tr", "tp", "furnace temperature", "furnace temp", "reference temperature",
                    "program temperature", "programme temperature", "set temperature", "oven temperature");
            if (isTemperatureUnit(u)) {
                score = otherName ? 1 : sampleName ? 3 : 2;
            } else if (u.isEmpty() && !c.nameIs("t")) {
                score = sampleName ? 2 : 0;
            }
            if (score > bestScore) {
                bestScore = score;
                best = j;
            }
        }
        return best;
    }

    static int pickMass(ColumnHeader[] cols) {
        int best = -1;
        int bestScore = 0;
        for (int j = 0; j < cols.length; j++) {
            ColumnHeader c = cols[j];
            String u = c.unit();
            boolean named = c.nameIs("mass", "weight", "tg", "value", "sample mass", "m", "mass change", "weight change",
                    "dm", "delta m", "sample weight");
            int score = 0;
            if (isMassUnit(u)) {
                score = u.equals("%") || u.equalsIgnoreCase("wt%") ? 2 : 3;
            } else if (isMassFraction(c)) {
                score = 2;
            } else if (u.isEmpty() && named) {
                score = 1;
            }
            if (score > bestScore) {
                bestScore = score;
                best = j;
            }
        }
        return best;
    }

    static int pickTime(ColumnHeader[] cols, int tCol, int mCol) {
        for (int j = 0; j < cols.length; j++) {
            if (j != tCol && j != mCol && isTimeUnit(cols[j].unit())) {
                return j;
            }
        }
        for (int j = 0; j < cols.length; j++) {
            if (j != tCol && j != mCol && cols[j].unit().isEmpty() && cols[j].nameIs("time", "t", "test time", "elapsed time")) {
                return j;
            }
        }
        return -1;
    }
}
