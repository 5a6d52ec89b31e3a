package org.cathodekit.io;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

/**
 * Absolute date-times in cycler exports, to seconds (package-private helper of {@link CyclerReader}):
 * BT-Lab/EC-Lab {@code 11/20/2024 11:38:41.707}, Maccor {@code 5/11/2021 3:40:24 PM} and
 * {@code 23-Nov-23 3:56:11 PM}, ISO {@code 2026-03-06 12:37:25} (Neware, also with {@code T}).
 * No time zone is applied: only differences between rows are used.
 *
 * <p>Day/month order of {@code a/b/yyyy} (and {@code a.b.yyyy}): day first when some value of the
 * column has {@code a > 12}, month first otherwise (the order BioLogic and Maccor write; a file whose
 * days never exceed 12 is ambiguous and the reader says so in its warnings).
 */
final class CyclerDateTimes {
    private CyclerDateTimes() {
    }

    private static final String[] MONTHS = {"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct",
        "nov", "dec"};

    /** @return whether {@code s} looks like a date followed by a clock time. */
    static boolean looksLikeDateTime(String s) {
        String t = s.trim();
        return t.matches("\\d{4}-\\d{1,2}-\\d{1,2}[ T]\\d{1,2}:\\d{2}.*")
                || t.matches("\\d{1,2}[/.]\\d{1,2}[/.]\\d{2,4}\\s+\\d{1,2}:\\d{2}.*")
                || t.matches("\\d{1,2}-[A-Za-z]{3}-\\d{2,4}\\s+\\d{1,2}:\\d{2}.*");
    }

    /** @return true when some {@code a/b/y} value of the sample has {@code a > 12} (day first). */
    static boolean dayFirst(List<String> sample) {
        for (String s : sample) {
            String t = s.trim();
            int sep = indexOfAny(t, '/', '.');
            if (sep > 0 && t.matches("\\d{1,2}[/.].*")) {
                try {
                    if (Integer.parseInt(t.substring(0, sep)) > 12) {
                        return true;
                    }
                } catch (NumberFormatException e) {
                    // not a slashed date
                }
            }
        }
        return false;
    }

    /** @return whether the order of the sample's slashed dates cannot be told (every day &le; 12). */
    static boolean ambiguousOrder(List<String> sample) {
        boolean slashed = false;
        for (String s : sample) {
            String t = s.trim();
            if (!t.matches("\\d{1,2}[/.]\\d{1,2}[/.].*")) {
                continue;
            }
            slashed = true;
            String[] p = t.split("[/. ]");
            try {
                if (Integer.parseInt(p[0]) > 12 || Integer.parseInt(p[1]) > 12) {
                    return false;
                }
            } catch (NumberFormatException e) {
                return false;
            }
        }
        return slashed;
    }

    private static int indexOfAny(String s, char a, char b) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) == a || s.charAt(i) == b) {
                return i;
            }
        }
        return -1;
    }

    /**
     * @return seconds since 1970-01-01T00:00 of the wall-clock time written, or NaN when {@code s} is not
     *         one of the forms above
     */
    static double seconds(String s, boolean dayFirst) {
        String t = s.trim();
        int sp = t.indexOf(' ');
        int tt = t.indexOf('T');
        int cut = sp > 0 ? sp : (tt > 0 && t.charAt(0) != 'T' ? tt : -1);
        if (cut < 0) {
            return Double.NaN;
        }
        String date = t.substring(0, cut);
        String rest = t.substring(cut + 1).trim();
        int y;
        int m;
        int d;
        try {
            if (date.length() >= 8 && date.charAt(4) == '-') {
                String[] p = date.split("-");
                y = Integer.parseInt(p[0]);
                m = Integer.parseInt(p[1]);
                d = Integer.parseInt(p[2]);
            } else if (date.indexOf('-') > 0) {
                String[] p = date.split("-");
                d = Integer.parseInt(p[0]);
                m = month(p[1]);
                y = Integer.parseInt(p[2]);
            } else {
                String[] p = date.split("[/.]");
                if (p.length != 3) {
                    return Double.NaN;
                }
                int a = Integer.parseInt(p[0]);
                int b = Integer.parseInt(p[1]);
                m = dayFirst ? b : a;
                d = dayFirst ? a : b;
                y = Integer.parseInt(p[2]);
            }
            if (y < 100) {
                y += 2000;
            }
            boolean pm = false;
            boolean am = false;
            String upper = rest.toUpperCase(Locale.ROOT);
            if (upper.endsWith("PM") || upper.endsWith("AM")) {
                pm = upper.endsWith("PM");
                am = !pm;
                rest = rest.substring(0, rest.length() - 2).trim();
            }
            String[] c = rest.split(":");
            if (c.length < 2 || c.length > 3) {
                return Double.NaN;
            }
            int h = Integer.parseInt(c[0]);
            if (pm && h < 12) {
                h += 12;
            } else if (am && h == 12) {
                h = 0;
            }
            int min = Integer.parseInt(c[1]);
            double sec = c.length == 3 ? Double.parseDouble(c[2].replace(',', '.')) : 0;
            if (m < 1 || m > 12 || d < 1 || d > 31 || h > 23 || min > 59 || sec >= 61 || sec < 0) {
                return Double.NaN;
            }
            return LocalDate.of(y, m, d).toEpochDay() * 86400.0 + h * 3600.0 + min * 60.0 + sec;
        } catch (RuntimeException e) {
            return Double.NaN;
        }
    }

    private static int month(String name) {
        String l = name.toLowerCase(Locale.ROOT);
        for (int i = 0; i < MONTHS.length; i++) {
            if (l.startsWith(MONTHS[i])) {
                return i + 1;
            }
        }
        return Integer.parseInt(name);
    }
}
