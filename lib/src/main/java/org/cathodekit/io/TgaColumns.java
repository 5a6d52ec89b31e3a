package org.cathodekit.io;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** Column recognition for {@link TgaReader}: units rows, and which column is temperature, time and mass. */
final class TgaColumns {
    private TgaColumns() {
    }

    static final Pattern UNIT_TOKEN = Pattern.compile(
            "(?i)(s|sec|min|h|ms|°c|ºc|c|degc|k|mg|g|µg|ug|%|wt%|mw|w|w/g|mw/mg|%/min|mg/min|%/°c|%/c|µv|uv|1/min|\\-)");

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
            String u = c.unit();
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
