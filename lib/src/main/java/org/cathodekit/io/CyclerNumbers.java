package org.cathodekit.io;

/**
 * Number and clock-time parsers for cycler rows (package-private helper of {@link CyclerReader}):
 * allocation-free on the common path, locale-free, NaN for anything they cannot read so that the
 * caller can fall back to {@link Delimited#parse} or report the row. Hand-written for the measured hot
 * loop of {@link CyclerRowParser} (see there); every number it accepts equals
 * {@link Double#parseDouble} of the same text (tested), anything else goes to the JDK parser.
 */
final class CyclerNumbers {
    private CyclerNumbers() {
    }

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
}
