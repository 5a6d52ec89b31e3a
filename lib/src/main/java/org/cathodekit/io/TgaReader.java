package org.cathodekit.io;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.cathodekit.core.DataFormatException;

/**
 * Reads TGA text exports: generic CSV/TSV and the text exports of TA Instruments (Universal
 * Analysis, TRIOS), Mettler Toledo STARe, NETZSCH Proteus and Setaram, with the encoding detected
 * (latin-1 {@code °} included, see {@link TextFile}), the delimiter and decimal separator detected
 * ({@link Delimited}: semicolons with decimal commas included), an optional units row below the
 * header, and columns recognised by alias and unit ({@link ColumnHeader}).
 *
 * <p>Columns: temperature = a column with unit C or K (sample temperature {@code Ts}, "Sample
 * temperature", "Temp", "Temperature" preferred over furnace/program/reference temperatures); time =
 * unit s, min, h or ms (or named "time"/"t" without unit); mass = unit mg, g, µg or % (or named
 * mass/weight/TG/value), absolute mg preferred over %. A mass column in mg that starts at 0 is a
 * mass change (Setaram "TG") and the sample mass from the preamble ({@code Sample mass}, {@code Size},
 * {@code #SAMPLE MASS}) is added. Everything is converted to C, s and mg (% stays %).
 *
 * <p>Bad rows (a needed field that is not a number, a short row, a repeated time) are skipped and
 * counted in {@link TgaCurve#skippedRows()} with the first few named in {@link TgaCurve#notes()}.
 * Errors ({@link DataFormatException}, naming file, line and column): no temperature or mass column,
 * a unit that is not a temperature/mass unit, fewer than 7 data rows, time going backwards, and a
 * temperature that decreases when there is no time column to order the rows.
 */
public final class TgaReader {
    private TgaReader() {
    }

    private static final int MIN_ROWS = 7;
    private static final Pattern SIG = Pattern.compile("^\\s*Sig(\\d+)\\s+(.+?)\\s*$", Pattern.CASE_INSENSITIVE);
    private static final Pattern SAMPLE_MASS = Pattern.compile(
            "(?i)^\\s*#*\\s*(sample\\s*mass|sample\\s*weight|initial\\s*mass|size)\\b[^0-9+-]*([-+]?\\d+(?:[.,]\\d+)?)\\s*(mg|g|µg|ug)?");

    /**
     * Reads a TGA export (never modifies it).
     *
     * @throws DataFormatException naming the file, the line/column and what was expected
     */
    public static TgaCurve read(Path file) {
        return parse(TextFile.read(file));
    }

    /** Reads already-decoded text (for tests); messages name {@code text.file()}. */
    public static TgaCurve parse(TextFile text) {
        Path file = text.file();
        List<String> lines = text.lines();
        List<String> notes = new ArrayList<>();
        TgaFormat format;
        List<String> header = null;
        List<String> unitsRow = null;
        int headerLine = -1;
        int dataStart;
        Delimited.Dialect dialect;

        int startOfData = -1;
        int proteusHeader = -1;
        for (int i = 0; i < lines.size(); i++) {
            String l = lines.get(i).trim();
            if (startOfData < 0 && l.equalsIgnoreCase("StartOfData")) {
                startOfData = i;
            }
            if (proteusHeader < 0 && l.startsWith("##")) {
                proteusHeader = i;
            }
        }
        if (startOfData >= 0) {
            format = TgaFormat.TA_UNIVERSAL_ANALYSIS;
            header = new ArrayList<>();
            for (int i = 0; i < startOfData; i++) {
                Matcher m = SIG.matcher(lines.get(i));
                if (m.matches()) {
                    header.add(m.group(2).trim());
                }
            }
            if (header.isEmpty()) {
                throw new DataFormatException(file, "lines 1-" + (startOfData + 1),
                        "TA Universal Analysis export without 'SigN Name (unit)' lines before StartOfData; "
                                + "expected e.g. 'Sig1  Time (min)'");
            }
            headerLine = startOfData;
            dataStart = startOfData + 1;
            dialect = detectDialect(sample(lines, dataStart));
        } else if (proteusHeader >= 0) {
            format = TgaFormat.NETZSCH_PROTEUS;
            headerLine = proteusHeader;
            dataStart = proteusHeader + 1;
            dialect = detectDialect(sample(lines, dataStart));
            header = Delimited.split(lines.get(proteusHeader).trim().substring(2), dialect.delimiter());
        } else {
            dialect = detectDialect(sample(lines, lines.size() / 2));
            int d = firstDataLine(lines, dialect);
            if (d < 0) {
                throw new DataFormatException(file, null, "no block of numeric rows found (" + dialect.describe()
                        + "); expected a header line naming the columns followed by rows of numbers");
            }
            int u = previousContentLine(lines, d);
            if (u < 0) {
                throw new DataFormatException(file, "line " + (d + 1),
                        "no header line before the first data row; expected column names such as 'Temperature (°C)' and 'Mass (mg)'");
            }
            List<String> uf = Delimited.split(lines.get(u), dialect.delimiter());
            int h = previousContentLine(lines, u);
            if (h >= 0 && TgaColumns.isUnitsRow(uf)) {
                headerLine = h;
                header = Delimited.split(lines.get(h), dialect.delimiter());
                unitsRow = uf;
            } else {
                headerLine = u;
                header = uf;
            }
            dataStart = d;
            String pre = String.join("\n", lines.subList(0, headerLine)).toLowerCase(Locale.ROOT);
            String head = String.join(" ", header).toLowerCase(Locale.ROOT);
            if (pre.contains("setaram") || pre.contains("calisto") || pre.contains("setsoft")) {
                format = TgaFormat.SETARAM;
            } else if (pre.contains("stare") || pre.contains("mettler") || (head.matches(".*\\bts\\b.*") && head.contains("value"))) {
                format = TgaFormat.METTLER_STARE;
            } else if (pre.contains("trios")) {
                format = TgaFormat.TA_TRIOS;
            } else {
                format = TgaFormat.GENERIC_DELIMITED;
            }
        }
        double sampleMassMg = sampleMass(lines.subList(0, Math.max(0, headerLine)));

        // column headers with units
        int nc = header.size();
        ColumnHeader[] cols = new ColumnHeader[nc];
        for (int j = 0; j < nc; j++) {
            ColumnHeader ch = ColumnHeader.parse(header.get(j));
            String unit = ch.unit();
            if (unitsRow != null) {
                int k = j - (nc - unitsRow.size()); // right-align a shorter units row
                if (k >= 0 && k < unitsRow.size() && !unitsRow.get(k).isBlank()) {
                    unit = TgaColumns.stripBrackets(unitsRow.get(k));
                }
            }
            cols[j] = new ColumnHeader(header.get(j), ch.name(), ColumnHeader.normaliseUnit(unit));
        }
        String location = "header line " + (headerLine + 1);
        int tCol = TgaColumns.pickTemperature(cols);
        if (tCol < 0) {
            throw new DataFormatException(file, location, "no temperature column among " + describe(cols)
                    + "; expected a column such as 'Temperature (°C)', 'Temp [K]' or 'Ts' with unit C or K");
        }
        int mCol = TgaColumns.pickMass(cols);
        if (mCol < 0) {
            throw new DataFormatException(file, location, "no mass column among " + describe(cols)
                    + "; expected a column such as 'Mass (mg)', 'Weight (%)' or 'TG/mg' with unit mg, g, µg or %");
        }
        int timeCol = TgaColumns.pickTime(cols, tCol, mCol);

        String tUnit = cols[tCol].unit();
        double tOffset;
        if (tUnit.equals("C")) {
            tOffset = 0;
        } else if (tUnit.equals("K")) {
            tOffset = -273.15;
        } else if (tUnit.isEmpty()) {
            tOffset = 0;
            notes.add("temperature column '" + cols[tCol].raw() + "' has no unit; assumed C");
        } else {
            throw new DataFormatException(file, location + ", column '" + cols[tCol].raw() + "'",
                    "temperature unit '" + tUnit + "' not supported; expected C (°C, degC) or K");
        }
        String mUnitRaw = cols[mCol].unit();
        String mUnit = mUnitRaw.toLowerCase(Locale.ROOT);
        double mScale;
        String massUnit = "mg";
        switch (mUnit) {
            case "mg" -> mScale = 1;
            case "g" -> mScale = 1000;
            case "µg", "ug", "μg" -> mScale = 1e-3;
            case "%", "pct", "percent", "wt%", "wt.%" -> {
                mScale = 1;
                massUnit = "%";
            }
            case "" -> {
                mScale = 1;
                notes.add("mass column '" + cols[mCol].raw() + "' has no unit; assumed mg");
            }
            default -> throw new DataFormatException(file, location + ", column '" + cols[mCol].raw() + "'",
                    "mass unit '" + mUnitRaw + "' not supported; expected mg, g, µg or %");
        }
        double timeScale = 1;
        String timeUnit = "";
        if (timeCol >= 0) {
            timeUnit = cols[timeCol].unit();
            switch (timeUnit.toLowerCase(Locale.ROOT)) {
                case "s", "sec", "" -> timeScale = 1;
                case "min" -> timeScale = 60;
                case "h" -> timeScale = 3600;
                case "ms" -> timeScale = 1e-3;
                default -> throw new DataFormatException(file, location + ", column '" + cols[timeCol].raw() + "'",
                        "time unit '" + timeUnit + "' not supported; expected s, min, h or ms");
            }
            if (timeUnit.isEmpty()) {
                notes.add("time column '" + cols[timeCol].raw() + "' has no unit; assumed s");
            }
        }

        // data rows
        int cap = Math.max(16, lines.size() - dataStart);
        double[] tt = new double[cap];
        double[] tm = new double[cap];
        double[] ts = new double[cap];
        int n = 0;
        int skipped = 0;
        int need = Math.max(tCol, Math.max(mCol, timeCol)) + 1;
        char dec = dialect.decimal();
        for (int i = dataStart; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank() || line.trim().startsWith("#")) {
                continue;
            }
            List<String> f = Delimited.split(line, dialect.delimiter());
            if (f.size() < need) {
                skipped++;
                if (skipped <= 3) {
                    notes.add("skipped line " + (i + 1) + ": " + f.size() + " fields, expected at least " + need);
                }
                continue;
            }
            double temp = Delimited.parse(f.get(tCol), dec);
            double mass = Delimited.parse(f.get(mCol), dec);
            double time = timeCol >= 0 ? Delimited.parse(f.get(timeCol), dec) : 0;
            String bad = !Double.isFinite(temp) ? cols[tCol].raw() + "' = '" + f.get(tCol)
                    : !Double.isFinite(mass) ? cols[mCol].raw() + "' = '" + f.get(mCol)
                    : !Double.isFinite(time) ? cols[timeCol].raw() + "' = '" + f.get(timeCol) : null;
            if (bad != null) {
                skipped++;
                if (skipped <= 3) {
                    notes.add("skipped line " + (i + 1) + ": column '" + bad + "' is not a number");
                }
                continue;
            }
            time *= timeScale;
            temp += tOffset;
            if (timeCol >= 0 && n > 0 && time <= ts[n - 1]) {
                if (time == ts[n - 1]) {
                    skipped++;
                    if (skipped <= 3) {
                        notes.add("skipped line " + (i + 1) + ": repeated time " + time + " s");
                    }
                    continue;
                }
                throw new DataFormatException(file, "line " + (i + 1) + ", column '" + cols[timeCol].raw() + "'",
                        "time goes backwards (" + ts[n - 1] + " -> " + time + " s); expected increasing time (one run per file)");
            }
            if (timeCol < 0 && n > 0 && temp < tt[n - 1]) {
                throw new DataFormatException(file, "line " + (i + 1) + ", column '" + cols[tCol].raw() + "'",
                        "temperature decreases (" + fmt(tt[n - 1]) + " -> " + fmt(temp) + " C) and there is no time column "
                                + "to put the rows in order; expected a heating ramp, or an export with a time column");
            }
            tt[n] = temp;
            tm[n] = mass * mScale;
            ts[n] = time;
            n++;
        }
        if (skipped > 3) {
            notes.add("skipped " + skipped + " rows in all");
        }
        if (n < MIN_ROWS) {
            throw new DataFormatException(file, "from line " + (dataStart + 1), "only " + n + " usable data rows"
                    + (skipped > 0 ? " (" + skipped + " skipped)" : "") + "; expected at least " + MIN_ROWS);
        }
        double[] temperature = java.util.Arrays.copyOf(tt, n);
        double[] mass = java.util.Arrays.copyOf(tm, n);
        double[] time = timeCol >= 0 ? java.util.Arrays.copyOf(ts, n) : null;

        if (massUnit.equals("mg") && Math.abs(mass[0]) <= 0.01) {
            if (!(sampleMassMg > 0)) {
                throw new DataFormatException(file, "column '" + cols[mCol].raw() + "'",
                        "the mass starts at " + mass[0] + " mg, i.e. it is a mass change (TG), but the preamble gives no "
                                + "sample mass; expected a line such as 'Sample mass (mg): 10.25'");
            }
            for (int i = 0; i < n; i++) {
                mass[i] += sampleMassMg;
            }
            notes.add("column '" + cols[mCol].raw() + "' is a mass change; added the sample mass " + sampleMassMg + " mg");
        }
        List<String> units = List.of(timeCol >= 0 ? timeUnit : "", tUnit, mUnitRaw);
        return new TgaCurve(file, format, text.charset(), dialect.describe(), time, temperature, mass, massUnit,
                timeCol >= 0 ? cols[timeCol].raw() : null, cols[tCol].raw(), cols[mCol].raw(), units, sampleMassMg,
                skipped, notes);
    }

    /**
     * {@link Delimited#detect}, checked against the content: rows of decimal-comma numbers separated by
     * semicolons can split into as many fields on ',' as on ';', and then the rows must be numeric under
     * the chosen layout. When they are not, the first of ';'+',', tab+',', tab+'.', whitespace+'.' under
     * which most sample rows are numeric is taken.
     */
    static Delimited.Dialect detectDialect(List<String> sample) {
        Delimited.Dialect d = Delimited.detect(sample);
        if (numericFraction(sample, d) >= 0.5) {
            return d;
        }
        Delimited.Dialect[] alternatives = {new Delimited.Dialect(';', ','), new Delimited.Dialect('\t', ','),
            new Delimited.Dialect(';', '.'), new Delimited.Dialect('\t', '.'), new Delimited.Dialect(' ', '.'),
            new Delimited.Dialect(' ', ',')};
        for (Delimited.Dialect a : alternatives) {
            if (numericFraction(sample, a) >= 0.5) {
                return a;
            }
        }
        return d;
    }

    private static double numericFraction(List<String> sample, Delimited.Dialect d) {
        int num = 0;
        int all = 0;
        for (String l : sample) {
            if (l.isBlank()) {
                continue;
            }
            all++;
            if (numericRow(l, d)) {
                num++;
            }
        }
        return all == 0 ? 0 : (double) num / all;
    }

    private static List<String> sample(List<String> lines, int from) {
        List<String> s = new ArrayList<>();
        for (int i = Math.max(0, from); i < lines.size() && s.size() < 200; i++) {
            String l = lines.get(i);
            if (!l.isBlank() && !l.trim().startsWith("#")) {
                s.add(l);
            }
        }
        if (s.isEmpty()) {
            for (int i = 0; i < lines.size() && s.size() < 200; i++) {
                if (!lines.get(i).isBlank()) {
                    s.add(lines.get(i));
                }
            }
        }
        return s;
    }

    private static int firstDataLine(List<String> lines, Delimited.Dialect d) {
        for (int i = 0; i < lines.size(); i++) {
            if (numericRow(lines.get(i), d)) {
                int ok = 1;
                int j = i + 1;
                while (j < lines.size() && ok < 3) {
                    String l = lines.get(j);
                    if (!l.isBlank()) {
                        if (!numericRow(l, d)) {
                            break;
                        }
                        ok++;
                    }
                    j++;
                }
                if (ok >= 3 || j >= lines.size()) {
                    return i;
                }
            }
        }
        return -1;
    }

    private static boolean numericRow(String line, Delimited.Dialect d) {
        if (line.isBlank() || line.trim().startsWith("#")) {
            return false;
        }
        List<String> f = Delimited.split(line, d.delimiter());
        return f.size() >= 2 && Delimited.allNumeric(f, d.decimal());
    }

    private static int previousContentLine(List<String> lines, int before) {
        for (int i = before - 1; i >= 0; i--) {
            String l = lines.get(i).trim();
            if (!l.isEmpty() && !l.startsWith("#")) {
                return i;
            }
        }
        return -1;
    }

    private static double sampleMass(List<String> preamble) {
        for (String l : preamble) {
            Matcher m = SAMPLE_MASS.matcher(l);
            if (m.find()) {
                double v = Double.parseDouble(m.group(2).replace(',', '.'));
                String unit = m.group(3);
                if (unit != null && unit.equalsIgnoreCase("g") && !l.toLowerCase(Locale.ROOT).contains("mg")) {
                    v *= 1000;
                } else if (unit != null && (unit.equalsIgnoreCase("µg") || unit.equalsIgnoreCase("ug"))) {
                    v /= 1000;
                }
                return v;
            }
        }
        return Double.NaN;
    }

    private static String describe(ColumnHeader[] cols) {
        StringBuilder sb = new StringBuilder("[");
        for (int j = 0; j < cols.length; j++) {
            sb.append(j > 0 ? ", " : "").append('\'').append(cols[j].raw()).append('\'');
            if (!cols[j].unit().isEmpty()) {
                sb.append(" (").append(cols[j].unit()).append(')');
            }
        }
        return sb.append(']').toString();
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.4g", v);
    }
}
