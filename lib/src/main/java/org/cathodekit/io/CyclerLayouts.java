package org.cathodekit.io;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.cathodekit.core.CyclerFormat;
import org.cathodekit.core.DataFormatException;

/** Finds header, dialect and columns of a cycler export (package-private helper of {@link CyclerReader}). */
final class CyclerLayouts {
    private CyclerLayouts() {
    }

    /** Time column aliases (normalised), most specific first; per-step times are never used. */
    static final String[] TIME = {"test time", "total time", "cumulative time", "testtime", "time", "elapsed time",
        "t", "run time"};
    static final String[] VOLTAGE = {"ewe", "voltage", "volts", "ecell", "cell voltage", "potential", "ewe ece", "e",
        "u", "v"};
    static final String[] CURRENT = {"i", "current", "amps", "amp", "cell current"};
    static final String[] STEP = {"ns", "step index", "step", "step number", "step no", "step id"};
    static final String[] CYCLE = {"cycle number", "cycle index", "cycle", "cyc", "cycle no", "cycle id"};

    static CyclerReader.Layout resolve(TextFile text, CyclerFormat format) {
        Path file = text.file();
        int header = findHeader(text, format);
        int dataStart = header + 1;
        List<String> sample = new ArrayList<>();
        for (int i = dataStart; i < Math.min(text.size(), dataStart + 60); i++) {
            if (!text.line(i).isBlank()) {
                sample.add(text.line(i));
            }
        }
        if (sample.isEmpty()) {
            throw new DataFormatException(file, "line " + (header + 1),
                    "no data rows after the header; expected rows of numbers below it");
        }
        // the last line may be cut: leave it out of the dialect sample when there are others
        if (sample.size() > 2 && dataStart + sample.size() >= text.size()) {
            sample.remove(sample.size() - 1);
        }
        Delimited.Dialect dialect = Delimited.detect(sample);
        if ((format == CyclerFormat.MACCOR_TEXT || format == CyclerFormat.BIOLOGIC_MPT)
                && dialect.delimiter() != '\t' && text.line(header).indexOf('\t') >= 0) {
            // both write tab-separated columns; fields may contain blanks ("  0d 00:00:5")
            dialect = new Delimited.Dialect('\t', tabDecimal(sample));
        }
        List<String> names = Delimited.split(text.line(header), dialect.delimiter());
        int nf = names.size();
        ColumnHeader[] cols = new ColumnHeader[nf];
        String[] raw = new String[nf];
        String[] units = new String[nf];
        for (int i = 0; i < nf; i++) {
            cols[i] = ColumnHeader.parse(names.get(i));
            raw[i] = names.get(i);
            units[i] = cols[i].unit();
        }
        int tc = find(cols, TIME);
        int vc = find(cols, VOLTAGE);
        int ic = find(cols, CURRENT);
        if (tc < 0 || vc < 0 || ic < 0) {
            List<String> missing = new ArrayList<>();
            if (tc < 0) {
                missing.add("time (e.g. 'time/s', 'Time (s)', 'Test Time (s)', 'time_s', 'TestTime')");
            }
            if (vc < 0) {
                missing.add("voltage (e.g. 'Ewe/V', 'Voltage(V)', 'voltage_V', 'Volts')");
            }
            if (ic < 0) {
                missing.add("current (e.g. 'I/mA', '<I>/mA', 'Current(A)', 'current_mA', 'Amps')");
            }
            throw new DataFormatException(file, "line " + (header + 1) + " (header, read as " + format + ", "
                    + dialect.describe() + ")", "no " + String.join(", no ", missing) + " column; columns found: "
                    + names);
        }
        int sc = find(cols, STEP);
        int cc = find(cols, CYCLE);
        int st = format == CyclerFormat.MACCOR_TEXT ? find(cols, new String[] {"state", "md"}) : -1;
        Map<String, String> detected = CyclerReader.newUnits();

        // time
        String tu = units[tc];
        CyclerReader.TimeKind kind;
        double tf = 1;
        String firstTime = firstField(text, dataStart, dialect, tc);
        if (tu.contains(":") || (tu.isEmpty() && firstTime.contains(":"))) {
            kind = CyclerReader.TimeKind.CLOCK;
            CyclerReader.unit(detected, "time", raw[tc], tu.isEmpty() ? "[d ]h:mm:ss" : tu);
        } else {
            kind = CyclerReader.TimeKind.NUMBER;
            tf = switch (tu.toLowerCase(Locale.ROOT)) {
                case "s", "sec", "seconds" -> 1;
                case "ms" -> 1e-3;
                case "min" -> 60;
                case "h", "hr", "hours" -> 3600;
                default -> throw unitError(file, header, raw[tc], tu, "s, ms, min, h or h:mm:ss values");
            };
            CyclerReader.unit(detected, "time", raw[tc], tu);
        }
        // voltage
        String vu = units[vc];
        double vf = switch (vu) {
            case "V" , "v" -> 1;
            case "mV" -> 1e-3;
            case "" -> cols[vc].nameIs("volts", "voltage") && format != CyclerFormat.GENERIC ? 1
                    : Double.NaN;
            default -> Double.NaN;
        };
        if (Double.isNaN(vf)) {
            throw unitError(file, header, raw[vc], vu, "V or mV");
        }
        CyclerReader.unit(detected, "voltage", raw[vc], vu.isEmpty() ? "V" : vu);
        // current
        String iu = units[ic];
        double cf = switch (iu) {
            case "A", "a" -> 1;
            case "mA" -> 1e-3;
            case "uA", "µA", "μA" -> 1e-6;
            case "nA" -> 1e-9;
            case "" -> cols[ic].nameIs("amps", "amp") && format != CyclerFormat.GENERIC ? 1 : Double.NaN;
            default -> Double.NaN;
        };
        if (Double.isNaN(cf)) {
            throw unitError(file, header, raw[ic], iu, "A, mA, uA/µA or nA");
        }
        CyclerReader.unit(detected, "current", raw[ic], iu.isEmpty() ? "A" : iu);
        if (st >= 0) {
            detected.put("current sign", "from '" + raw[st] + "' (C charge +, D discharge -)");
        }
        return new CyclerReader.Layout(format, header, dataStart, dialect, nf, tc, kind, tf, vc, vf, ic, cf, sc, cc, st,
                units, raw, detected);
    }

    /** Decimal separator of tab-separated lines: ',' when digit,digit numbers outnumber digit.digit ones. */
    private static char tabDecimal(List<String> sample) {
        int comma = 0;
        int point = 0;
        for (String line : sample) {
            for (String f : Delimited.split(line, '\t')) {
                if (f.matches("[-+]?\\d+,\\d+([eE][-+]?\\d+)?")) {
                    comma++;
                } else if (f.matches("[-+]?\\d*\\.\\d+([eE][-+]?\\d+)?")) {
                    point++;
                }
            }
        }
        return comma > point ? ',' : '.';
    }

    private static DataFormatException unitError(Path file, int header, String raw, String unit, String expected) {
        return new DataFormatException(file, "line " + (header + 1) + ", column '" + raw + "'",
                unit.isEmpty() ? "no unit in the header; expected the unit written in it (" + expected + "), e.g. 'name/unit' or 'name (unit)'"
                        : "unknown unit '" + unit + "'; expected " + expected);
    }

    private static String firstField(TextFile text, int dataStart, Delimited.Dialect d, int col) {
        for (int i = dataStart; i < Math.min(text.size(), dataStart + 20); i++) {
            List<String> f = Delimited.split(text.line(i), d.delimiter());
            if (f.size() > col && !f.get(col).isEmpty()) {
                return f.get(col);
            }
        }
        return "";
    }

    private static int find(ColumnHeader[] cols, String[] aliases) {
        for (String a : aliases) {
            for (int i = 0; i < cols.length; i++) {
                if (cols[i].name().equals(a)) {
                    return i;
                }
            }
        }
        return -1;
    }

    private static int findHeader(TextFile text, CyclerFormat format) {
        Path file = text.file();
        int n = Math.min(text.size(), 200);
        switch (format) {
            case BIOLOGIC_MPT -> {
                for (int i = 0; i < Math.min(n, 10); i++) {
                    String l = text.line(i).toLowerCase(Locale.ROOT);
                    if (l.startsWith("nb header lines")) {
                        String num = l.substring(l.indexOf(':') + 1).trim();
                        try {
                            int h = Integer.parseInt(num);
                            if (h < 1 || h > text.size()) {
                                throw new NumberFormatException();
                            }
                            return h - 1;
                        } catch (NumberFormatException e) {
                            throw new DataFormatException(file, "line " + (i + 1),
                                    "'Nb header lines' is '" + num + "'; expected a whole number of lines within the file");
                        }
                    }
                }
                if (text.size() > 0 && text.line(0).startsWith("EC-Lab ASCII FILE")) {
                    throw new DataFormatException(file, "lines 1-10",
                            "EC-Lab banner without 'Nb header lines : N'; expected the standard EC-Lab text export");
                }
                return firstHeaderLike(text);
            }
            case MACCOR_TEXT -> {
                for (int i = 0; i < n; i++) {
                    if (text.line(i).startsWith("Rec#")) {
                        return i;
                    }
                }
                throw new DataFormatException(file, "lines 1-" + n,
                        "no header line starting with 'Rec#'; expected a Maccor text export");
            }
            default -> {
                return firstHeaderLike(text);
            }
        }
    }

    private static int firstHeaderLike(TextFile text) {
        for (int i = 0; i < Math.min(text.size(), 200); i++) {
            String l = text.line(i);
            if (!l.isBlank() && !l.startsWith("#")) {
                return i;
            }
        }
        throw new DataFormatException(text.file(), null, "empty file; expected a header line and data rows");
    }
}
