package org.cathodekit.io;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.cathodekit.core.CyclerData;
import org.cathodekit.core.CyclerFormat;
import org.cathodekit.core.DataFormatException;

/**
 * Finds header, dialect and columns of a cycler export (package-private helper of {@link CyclerReader}).
 *
 * <p>Rules, in order:
 * <ol>
 *   <li><b>Header</b>: EC-Lab/BT-Lab {@code Nb header lines}; Maccor: the line starting {@code Rec#} or
 *       {@code Rec} + delimiter (any preamble above it); otherwise the first line not blank and not
 *       {@code #}. Copies of the header line right below it are skipped and reported (duplicated header).</li>
 *   <li><b>Nested levels</b> (Neware BTS "regular" export): when the header line is followed by header
 *       lines with one and two leading empty fields, the three are the cycle, step and record headers;
 *       only record rows are data, and cycle and step come from the parent rows.</li>
 *   <li><b>Roles</b>: each of time, voltage and current goes to the first column, in alias order of
 *       {@link CyclerColumns}, whose sample rows hold a finite number (an empty EIS column such as
 *       {@code |Ewe|/V} loses to {@code Ecell/V}); when several such columns exist the choice and the
 *       others are reported in the warnings. A {@link CyclerReadOptions} override replaces the choice.</li>
 *   <li><b>Units</b> from the header; a header without unit is read in the vendor's fixed units
 *       ({@link CyclerColumns#fixedUnit}, stated in the warnings), refused for generic CSV. A Maccor time
 *       column without unit ({@code TestTime}) is calibrated against the wall-clock column
 *       ({@code DPT Time}): the factor among s, min, h that matches the elapsed wall-clock time within
 *       {@value #WALL_CLOCK_TOLERANCE_PERCENT} %; a time column holding date-times (BT-Lab) is read as
 *       seconds from the first row.</li>
 * </ol>
 */
final class CyclerLayouts {
    private CyclerLayouts() {
    }

    /** Agreement needed between a unitless time span and the wall-clock span to adopt a unit [%]: DPT Time has 1 s resolution. */
    static final int WALL_CLOCK_TOLERANCE_PERCENT = 5;
    private static final int SAMPLE_ROWS = 60;

    static CyclerReader.Layout resolve(TextFile text, CyclerFormat format, CyclerReadOptions opt) {
        Path file = text.file();
        List<String> warnings = new ArrayList<>();
        int header = findHeader(text, format);
        Nesting nesting = nesting(text, header);
        int recordHeader = nesting == null ? header : header + nesting.levels() - 1;
        int dataStart = recordHeader + 1;
        String headerLine = text.line(recordHeader).trim();
        while (dataStart < text.size() && !headerLine.isEmpty() && text.line(dataStart).trim().equals(headerLine)) {
            warnings.add("line " + (dataStart + 1) + " repeats the header line (duplicated header); skipped");
            dataStart++;
        }
        String prefix = nesting == null ? null : nesting.recordPrefix();
        List<String> sample = new ArrayList<>();
        for (int i = dataStart; i < text.size() && sample.size() < SAMPLE_ROWS; i++) {
            String l = text.line(i);
            if (!l.isBlank() && l.indexOf('\0') < 0 && (prefix == null || l.startsWith(prefix))
                    && !l.trim().equals(headerLine)) {
                sample.add(l);
            }
        }
        if (sample.isEmpty()) {
            throw new DataFormatException(file, "line " + (recordHeader + 1),
                    "no data rows after the header; expected rows of numbers below it");
        }
        if (sample.size() > 2 && dataStart + sample.size() >= text.size()) {
            sample.remove(sample.size() - 1); // the last line may be cut
        }
        Delimited.Dialect dialect = Delimited.detect(sample);
        if ((format == CyclerFormat.MACCOR_TEXT || format == CyclerFormat.BIOLOGIC_MPT)
                && dialect.delimiter() != '\t' && text.line(recordHeader).indexOf('\t') >= 0) {
            dialect = new Delimited.Dialect('\t', tabDecimal(sample)); // fields may contain blanks
        }
        if (nesting != null && dialect.delimiter() != nesting.delimiter()) {
            dialect = new Delimited.Dialect(nesting.delimiter(), dialect.decimal());
        }
        char delim = dialect.delimiter();
        List<String> names = Delimited.split(text.line(recordHeader), delim);
        int nf = names.size();
        ColumnHeader[] cols = new ColumnHeader[nf];
        String[] raw = new String[nf];
        String[] units = new String[nf];
        for (int i = 0; i < nf; i++) {
            cols[i] = ColumnHeader.parse(names.get(i));
            raw[i] = names.get(i);
            units[i] = cols[i].unit();
        }
        List<List<String>> rows = new ArrayList<>();
        for (String l : sample) {
            rows.add(Delimited.split(l, delim));
        }
        char dec = dialect.decimal();
        Map<String, String> detected = CyclerReader.newUnits();
        String[] roles = new String[nf];
        String[] roleUnits = units.clone();

        int tc = choose(file, recordHeader, cols, rows, dec, "time", CyclerColumns.TIME, opt.timeColumn(), warnings, true);
        int vc = choose(file, recordHeader, cols, rows, dec, "voltage", CyclerColumns.VOLTAGE, opt.voltageColumn(), warnings, false);
        int ic = choose(file, recordHeader, cols, rows, dec, "current", CyclerColumns.CURRENT, opt.currentColumn(), warnings, false);
        if (tc < 0 || vc < 0 || ic < 0) {
            List<String> missing = new ArrayList<>();
            if (tc < 0) {
                missing.add("time (e.g. 'time/s', 'Time (s)', 'Test Time (s)', 'Test (Sec)', 'time_s', 'TestTime')");
            }
            if (vc < 0) {
                missing.add("voltage (e.g. 'Ewe/V', 'Voltage(V)', 'voltage_V', 'Volts')");
            }
            if (ic < 0) {
                missing.add("current (e.g. 'I/mA', '<I>/mA', 'Current(A)', 'current_mA', 'Amps')");
            }
            throw new DataFormatException(file, "line " + (recordHeader + 1) + " (header, read as " + format + ", "
                    + dialect.describe() + ")", "no " + String.join(", no ", missing) + " column with numbers; columns found: "
                    + names);
        }
        int sc = findNotTime(cols, CyclerColumns.STEP);
        int cc = findNotTime(cols, CyclerColumns.CYCLE);
        int st = format == CyclerFormat.MACCOR_TEXT ? findNotTime(cols, CyclerColumns.STATE) : -1;
        int rc = findNotTime(cols, CyclerColumns.RECORD);
        List<String> implied = new ArrayList<>();

        // time
        String tu = units[tc];
        CyclerReader.TimeKind kind;
        double tf = 1;
        boolean dayFirst = false;
        List<String> timeSample = column(rows, tc);
        String firstTime = timeSample.isEmpty() ? "" : timeSample.get(0);
        if (CyclerDateTimes.looksLikeDateTime(firstTime)) {
            kind = CyclerReader.TimeKind.DATETIME;
            List<String> all = timeSample;
            if (CyclerDateTimes.ambiguousOrder(timeSample)) {
                all = wholeColumn(text, dataStart, prefix, dialect, tc); // the first rows may all be day <= 12
            }
            dayFirst = CyclerDateTimes.dayFirst(all);
            warnings.add("time column '" + raw[tc] + "' holds date-times (first '" + firstTime + "', read as "
                    + (dayFirst ? "day/month" : "month/day") + " order" + (CyclerDateTimes.ambiguousOrder(all)
                    ? ", ambiguous: no day above 12 in the file" : "") + "); converted to seconds from the first row");
            CyclerReader.unit(detected, "time", raw[tc], "date-time -> s from first row");
            roleUnits[tc] = "date-time";
        } else if (tu.contains(":") || (tu.isEmpty() && firstTime.contains(":"))) {
            kind = CyclerReader.TimeKind.CLOCK;
            CyclerReader.unit(detected, "time", raw[tc], tu.isEmpty() ? "[d ]h:mm:ss" : tu);
            roleUnits[tc] = tu.isEmpty() ? "h:mm:ss" : tu;
        } else {
            kind = CyclerReader.TimeKind.NUMBER;
            if (tu.isEmpty()) {
                tf = unitlessTime(text, file, recordHeader, dataStart, cols, raw, dialect, tc, format, warnings);
                CyclerReader.unit(detected, "time", raw[tc], tf == 1 ? "s" : tf == 60 ? "min" : "h");
                roleUnits[tc] = tf == 1 ? "s" : tf == 60 ? "min" : "h";
            } else {
                tf = CyclerColumns.timeFactor(tu);
                if (Double.isNaN(tf)) {
                    throw unitError(file, recordHeader, raw[tc], tu, "s, ms, min, h or h:mm:ss values");
                }
                CyclerReader.unit(detected, "time", raw[tc], tu);
            }
        }
        // voltage and current
        double vf = factor(file, recordHeader, format, cols[vc], raw[vc], "voltage", "V or mV", implied, roleUnits, vc);
        CyclerReader.unit(detected, "voltage", raw[vc], roleUnits[vc]);
        double cf = factor(file, recordHeader, format, cols[ic], raw[ic], "current", "A, mA, uA/µA or nA", implied, roleUnits, ic);
        CyclerReader.unit(detected, "current", raw[ic], roleUnits[ic]);
        if (st >= 0) {
            detected.put("current sign", "from '" + raw[st] + "' (C charge +, D discharge -)");
        }
        roles[tc] = "time";
        roles[vc] = "voltage";
        roles[ic] = "current";
        if (sc >= 0) {
            roles[sc] = "step";
        }
        if (cc >= 0) {
            roles[cc] = "cycle";
        }
        if (st >= 0) {
            roles[st] = "state";
        }
        if (rc >= 0) {
            roles[rc] = "record";
        }
        List<CyclerReader.Counter> counters = counters(cols, raw, format, roles, roleUnits, implied, warnings, detected);
        if (!implied.isEmpty()) {
            warnings.add(format + " header without units: " + String.join(", ", implied) + " (the vendor's fixed units)");
        }
        List<CyclerData.Column> columns = new ArrayList<>();
        if (nesting != null) {
            columns.addAll(nesting.columns());
        }
        for (int i = 0; i < nf; i++) {
            if (!raw[i].isBlank()) {
                columns.add(new CyclerData.Column(raw[i], roleUnits[i], roles[i]));
            }
        }
        return new CyclerReader.Layout(format, recordHeader, dataStart, dialect, nf, tc, kind, tf, dayFirst, vc, vf, ic, cf,
                sc, cc, st, rc, counters, nesting, units, raw, detected, warnings, columns);
    }

    /** The unit of a voltage or current column: from its header, or the vendor's fixed unit. */
    private static double factor(Path file, int header, CyclerFormat format, ColumnHeader col, String raw, String quantity,
            String expected, List<String> implied, String[] roleUnits, int index) {
        String u = col.unit();
        if (u.isEmpty()) {
            u = CyclerColumns.fixedUnit(format, quantity);
            if (u.isEmpty() && format != CyclerFormat.GENERIC
                    && col.nameIs(quantity.equals("voltage") ? new String[] {"volts", "voltage"} : new String[] {"amps", "amp"})) {
                u = quantity.equals("voltage") ? "V" : "A"; // Maccor-style names say their unit
            }
            if (u.isEmpty()) {
                throw unitError(file, header, raw, "", expected);
            }
            implied.add("'" + raw + "' in " + u);
        }
        double f = quantity.equals("voltage") ? CyclerColumns.voltageFactor(u) : CyclerColumns.currentFactor(u);
        if (Double.isNaN(f)) {
            throw unitError(file, header, raw, u, expected);
        }
        roleUnits[index] = u;
        return f;
    }

    /**
     * Seconds per unit of a time column without unit: Arbin's fixed seconds; for Maccor the factor
     * (s, min, h) matching the wall-clock column's span, else seconds with a warning; refused otherwise.
     */
    private static double unitlessTime(TextFile text, Path file, int header, int dataStart, ColumnHeader[] cols, String[] raw,
            Delimited.Dialect d, int tc, CyclerFormat format, List<String> warnings) {
        if (format == CyclerFormat.ARBIN_CSV) {
            warnings.add("time column '" + raw[tc] + "' has no unit: read in s (Arbin's fixed unit)");
            return 1;
        }
        if (format != CyclerFormat.MACCOR_TEXT) {
            throw unitError(file, header, raw[tc], "", "s, ms, min, h or h:mm:ss values");
        }
        int wc = findNotTime(cols, CyclerColumns.WALL_CLOCK);
        if (wc >= 0) {
            String[] first = null;
            String[] last = null;
            for (int i = dataStart; i < text.size(); i++) {
                List<String> f = Delimited.split(text.line(i), d.delimiter());
                if (f.size() > Math.max(tc, wc) && !Double.isNaN(Delimited.parse(f.get(tc), d.decimal()))) {
                    first = new String[] {f.get(tc), f.get(wc)};
                    break;
                }
            }
            for (int i = text.size() - 1; i >= dataStart; i--) {
                List<String> f = Delimited.split(text.line(i), d.delimiter());
                if (f.size() > Math.max(tc, wc) && !Double.isNaN(Delimited.parse(f.get(tc), d.decimal()))) {
                    last = new String[] {f.get(tc), f.get(wc)};
                    break;
                }
            }
            if (first != null && last != null) {
                boolean dayFirst = CyclerDateTimes.dayFirst(List.of(first[1], last[1]));
                double wall = CyclerDateTimes.seconds(last[1], dayFirst) - CyclerDateTimes.seconds(first[1], dayFirst);
                double span = Delimited.parse(last[0], d.decimal()) - Delimited.parse(first[0], d.decimal());
                if (wall > 100 && span > 0) {
                    for (double f : new double[] {1, 60, 3600}) {
                        if (Math.abs(span * f - wall) <= WALL_CLOCK_TOLERANCE_PERCENT / 100.0 * wall) {
                            warnings.add("time column '" + raw[tc] + "' has no unit: read in "
                                    + (f == 1 ? "s" : f == 60 ? "min" : "h") + ", the unit that matches the wall clock '"
                                    + raw[wc] + "' (" + wall + " s elapsed over " + span + " units)");
                            return f;
                        }
                    }
                    throw new DataFormatException(file, "line " + (header + 1) + ", column '" + raw[tc] + "'",
                            "time has no unit and its span (" + span + ") matches neither s, min nor h of the wall clock '"
                                    + raw[wc] + "' (" + wall + " s); expected a time unit in the header");
                }
            }
        }
        warnings.add("time column '" + raw[tc] + "' has no unit and no wall clock to check it against: read in s");
        return 1;
    }

    /** Capacity and energy counters present in the header (dedicated charge/discharge columns before unsigned ones). */
    private static List<CyclerReader.Counter> counters(ColumnHeader[] cols, String[] raw, CyclerFormat format, String[] roles,
            String[] roleUnits, List<String> implied, List<String> warnings, Map<String, String> detected) {
        List<CyclerReader.Counter> out = new ArrayList<>();
        for (boolean capacity : new boolean[] {true, false}) {
            String q = capacity ? "capacity" : "energy";
            int chg = findFree(cols, roles, capacity ? CyclerColumns.CHARGE_CAPACITY : CyclerColumns.CHARGE_ENERGY);
            int dch = findFree(cols, roles, capacity ? CyclerColumns.DISCHARGE_CAPACITY : CyclerColumns.DISCHARGE_ENERGY);
            int[] picked = chg >= 0 || dch >= 0 ? new int[] {chg, dch}
                    : new int[] {findFree(cols, roles, capacity ? CyclerColumns.CAPACITY : CyclerColumns.ENERGY)};
            for (int k = 0; k < picked.length; k++) {
                int c = picked[k];
                if (c < 0) {
                    continue;
                }
                String u = cols[c].unit();
                boolean fixed = false;
                if (u.isEmpty()) {
                    u = CyclerColumns.fixedUnit(format, q);
                    fixed = true;
                }
                double f = capacity ? CyclerColumns.capacityFactor(u) : CyclerColumns.energyFactor(u);
                roles[c] = q;
                if (Double.isNaN(f)) {
                    warnings.add(q + " column '" + raw[c] + "' has " + (u.isEmpty() ? "no unit" : "unit '" + u + "'")
                            + ": not used as a counter");
                    continue;
                }
                if (fixed) {
                    implied.add("'" + raw[c] + "' in " + u);
                }
                roleUnits[c] = u;
                int direction = picked.length == 1 ? 0 : (k == 0 ? 1 : -1);
                out.add(new CyclerReader.Counter(c, raw[c], capacity, direction, f));
                detected.put(direction == 0 ? CyclerColumns.key(capacity, true).replace("charge_", "")
                        : CyclerColumns.key(capacity, direction > 0), raw[c].trim() + " -> " + u);
            }
        }
        return out;
    }

    /**
     * The column for one role: the override, else the first alias (in order) whose sample rows hold a
     * finite number. Ties between several columns with numbers are reported.
     */
    private static int choose(Path file, int header, ColumnHeader[] cols, List<List<String>> rows, char dec, String role,
            String[] aliases, String override, List<String> warnings, boolean time) {
        if (override != null) {
            String o = override.trim();
            String norm = ColumnHeader.normaliseName(o);
            for (int i = 0; i < cols.length; i++) {
                if (cols[i].raw().trim().equalsIgnoreCase(o)) {
                    return i;
                }
            }
            for (int i = 0; i < cols.length; i++) {
                if (!norm.isEmpty() && cols[i].name().equals(norm)) {
                    return i;
                }
            }
            List<String> names = new ArrayList<>();
            for (ColumnHeader c : cols) {
                names.add(c.raw());
            }
            throw new IllegalArgumentException("--" + role + "-column '" + override + "' is not a column of " + file
                    + " (line " + (header + 1) + "); columns found: " + names);
        }
        List<Integer> candidates = new ArrayList<>();
        for (String a : aliases) {
            for (int i = 0; i < cols.length; i++) {
                if (cols[i].name().equals(a) && !candidates.contains(i)) {
                    if (a.equals("test") && !CyclerColumns.isTimeUnit(cols[i].unit())) {
                        continue;
                    }
                    if (!time && CyclerColumns.isTimeUnit(cols[i].unit()) && !cols[i].unit().isEmpty()) {
                        continue;
                    }
                    candidates.add(i);
                }
            }
        }
        if (candidates.isEmpty()) {
            return -1;
        }
        List<Integer> withValues = new ArrayList<>();
        for (int c : candidates) {
            if (hasValues(rows, c, dec, time)) {
                withValues.add(c);
            }
        }
        if (withValues.isEmpty()) {
            return candidates.get(0); // no numbers in the first rows: the row check reports it with line numbers
        }
        int chosen = withValues.get(0);
        if (chosen != candidates.get(0)) {
            warnings.add(role + ": '" + cols[chosen].raw() + "' chosen over '" + cols[candidates.get(0)].raw()
                    + "', which holds no numbers in the first rows (override with --" + role + "-column)");
        } else if (!time && withValues.size() > 1) {
            List<String> others = new ArrayList<>();
            for (int k = 1; k < withValues.size(); k++) {
                others.add("'" + cols[withValues.get(k)].raw() + "'");
            }
            warnings.add(role + ": '" + cols[chosen].raw() + "' chosen (first by alias order); also present: "
                    + String.join(", ", others) + " (override with --" + role + "-column)");
        }
        return chosen;
    }

    private static boolean hasValues(List<List<String>> rows, int col, char dec, boolean time) {
        for (List<String> r : rows) {
            if (r.size() > col) {
                String f = r.get(col);
                double x = Delimited.parse(f, dec);
                if (Double.isFinite(x) || (time && (f.contains(":") || CyclerDateTimes.looksLikeDateTime(f)))) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Every non-blank value of one column (data rows; record rows only when nested). */
    private static List<String> wholeColumn(TextFile text, int dataStart, String prefix, Delimited.Dialect d, int col) {
        List<String> out = new ArrayList<>();
        for (int i = dataStart; i < text.size(); i++) {
            String l = text.line(i);
            if (l.isBlank() || (prefix != null && !l.startsWith(prefix))) {
                continue;
            }
            List<String> f = Delimited.split(l, d.delimiter());
            if (f.size() > col && !f.get(col).isBlank()) {
                out.add(f.get(col));
            }
        }
        return out;
    }

    private static List<String> column(List<List<String>> rows, int col) {
        List<String> out = new ArrayList<>();
        for (List<String> r : rows) {
            if (r.size() > col && !r.get(col).isBlank()) {
                out.add(r.get(col));
            }
        }
        return out;
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

    /** First column (alias order) named like {@code aliases} whose unit is not a time unit (Maccor's {@code Step (Sec)} is no step index). */
    static int findNotTime(ColumnHeader[] cols, String[] aliases) {
        for (String a : aliases) {
            for (int i = 0; i < cols.length; i++) {
                if (cols[i].name().equals(a) && (cols[i].unit().isEmpty() || !CyclerColumns.isTimeUnit(cols[i].unit()))) {
                    return i;
                }
            }
        }
        return -1;
    }

    private static int findFree(ColumnHeader[] cols, String[] roles, String[] aliases) {
        for (String a : aliases) {
            for (int i = 0; i < cols.length; i++) {
                if (roles[i] == null && cols[i].name().equals(a)) {
                    return i;
                }
            }
        }
        return -1;
    }

    /**
     * Nested header levels (Neware BTS "regular" export): header lines {@code h, h+1, h+2} with 0, 1, 2
     * leading empty fields. Null when the file is flat.
     */
    static Nesting nesting(TextFile text, int header) {
        if (header + 3 >= text.size()) {
            return null;
        }
        for (char d : new char[] {',', ';', '\t'}) {
            String l0 = text.line(header);
            String l1 = text.line(header + 1);
            String l2 = text.line(header + 2);
            if (l0.isEmpty() || l0.charAt(0) == d || !l1.startsWith(String.valueOf(d)) || l1.startsWith("" + d + d)
                    || !l2.startsWith("" + d + d) || l2.startsWith("" + d + d + d) || l1.length() < 2 || l0.indexOf(d) < 0) {
                continue;
            }
            if (!Character.isLetter(l1.charAt(1)) || !Character.isLetter(l2.charAt(2))) {
                continue; // level headers are names, not numbers
            }
            List<String> h0 = Delimited.split(l0, d);
            List<String> h1 = Delimited.split(l1, d);
            ColumnHeader[] c0 = parseAll(h0);
            ColumnHeader[] c1 = parseAll(h1);
            int cycleField = findNotTime(c0, CyclerColumns.CYCLE);
            int stepField = findNotTime(c1, CyclerColumns.STEP);
            List<CyclerData.Column> columns = new ArrayList<>();
            for (int i = 0; i < h0.size(); i++) {
                columns.add(new CyclerData.Column(h0.get(i), c0[i].unit(), i == cycleField ? "cycle" : "unused"));
            }
            for (int i = 0; i < h1.size(); i++) {
                if (!h1.get(i).isBlank()) {
                    columns.add(new CyclerData.Column(h1.get(i), c1[i].unit(), i == stepField ? "step" : "unused"));
                }
            }
            return new Nesting(3, d, h0.size(), cycleField, stepField, columns);
        }
        return null;
    }

    private static ColumnHeader[] parseAll(List<String> names) {
        ColumnHeader[] c = new ColumnHeader[names.size()];
        for (int i = 0; i < c.length; i++) {
            c[i] = ColumnHeader.parse(names.get(i));
        }
        return c;
    }

    /**
     * Nested header levels.
     *
     * @param levels       number of levels (3: cycle, step, record)
     * @param delimiter    the delimiter whose leading copies mark the level
     * @param level0Fields fields of the level-0 (cycle) header; a longer cycle row continues with its
     *                     first step row (Neware writes them on one line)
     * @param cycleField   field of the cycle index in level-0 rows, or -1
     * @param stepField    field of the step index in level-1 rows, or -1
     * @param columns      the level-0 and level-1 columns with their roles, for the column list
     */
    record Nesting(int levels, char delimiter, int level0Fields, int cycleField, int stepField,
            List<CyclerData.Column> columns) {
        /** @return the leading delimiters of a record row. */
        String recordPrefix() {
            return String.valueOf(delimiter).repeat(levels - 1);
        }

        /** @return the level of a row: its number of leading delimiters. */
        int level(String line) {
            int k = 0;
            while (k < line.length() && line.charAt(k) == delimiter) {
                k++;
            }
            return k;
        }
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
                    if (isMaccorHeader(text.line(i))) {
                        return i;
                    }
                }
                throw new DataFormatException(file, "lines 1-" + n,
                        "no header line starting with 'Rec#' or 'Rec'; expected a Maccor text export");
            }
            default -> {
                return firstHeaderLike(text);
            }
        }
    }

    /** @return whether a line is a Maccor header: {@code Rec#...} or {@code Rec} followed by a delimiter. */
    static boolean isMaccorHeader(String line) {
        return line.startsWith("Rec#") || (line.length() > 4 && line.startsWith("Rec")
                && (line.charAt(3) == '\t' || line.charAt(3) == ',' || line.charAt(3) == ';'));
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
