package org.cathodekit.io;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.cathodekit.core.DataFormatException;

/**
 * Reads TGA text exports: generic CSV/TSV and the text exports of TA Instruments (Universal
 * Analysis, TRIOS), Mettler Toledo STARe, NETZSCH Proteus ("DATA SINGLE" and "DATA ALL"), Setaram
 * (Calisto, SETSOFT) and PerkinElmer Pyris. One design for every vendor: bytes, then the encoding
 * (UTF-8, latin-1 {@code °} included, see {@link TextFile}; UTF-16 as TA Universal Analysis and
 * Setaram Calisto write it), the delimiter and decimal separator ({@link Delimited}: semicolons with
 * decimal commas included; a delimiter closing every line, as MaCFP's Sandia files have, is dropped),
 * then the layout (header line, optional units row, vendor blocks and segment markers), then columns
 * recognised by alias and unit ({@link ColumnHeader}, {@link TgaColumns}).
 *
 * <p>Columns: temperature = a column with unit C or K (sample temperature {@code Ts}, "Sample
 * temperature", "Temp", "Temperature" preferred over furnace/program/reference temperatures; a degree
 * sign mangled to U+FFFD, written as byte 0x9B as NETZSCH does, {@code deg C} or left out is read as C
 * only under a temperature name); time = unit s, min, h or ms (or named "time"/"t" without unit);
 * mass = unit mg, g, µg or % (or named mass/weight/TG/value), absolute mg preferred over %, or a
 * mass fraction ({@code Mass fraction [g/g]}, read as %, so the analysis works in % of the initial
 * mass). A mass column in mg that starts at 0 is a mass change (Setaram "TG") and the sample mass
 * from the preamble ({@code Sample mass}, {@code Size}, {@code #SAMPLE MASS}) is added. Everything is
 * converted to C, s and mg (% stays %).
 *
 * <p>Vendor layouts:
 * <ul>
 *   <li>TA Universal Analysis: {@code SigN Name (unit)} lines name the columns, {@code StartOfData}
 *       starts them; a row whose first field is {@code -3} and whose fields after the second are 0 is a
 *       segment marker (the second field is the segment number), with {@code -1} the end of the run: both
 *       are segment boundaries, not data.</li>
 *   <li>Mettler STARe: each {@code Curve:} line starts a table ({@code Index t Ts Tr Value} and a
 *       bracketed units row); the first curve whose {@code Value} has a mass unit is read, the others
 *       (a DSC curve in mW) are listed in {@link TgaCurve#warnings()}. No mass curve: an error listing
 *       the curves found.</li>
 *   <li>NETZSCH: {@code #KEY:value} lines and a {@code ##} header; a {@code Segment} column gives the
 *       segments.</li>
 *   <li>PerkinElmer Pyris: a stage line ({@code 2) TGA Temperature Scan}) starts each segment; the
 *       header is two lines and carries no units: time min, weights mg, temperatures °C (Pyris's
 *       export units), said in the warnings.</li>
 * </ul>
 *
 * <p>Bad rows (a needed field that is not a number, a short row, a repeated time) are skipped and
 * counted in {@link TgaCurve#skippedRows()} with the first few named in {@link TgaCurve#notes()}.
 * Errors ({@link DataFormatException}, naming file, line and column): no temperature or mass column,
 * a unit that is not a temperature/mass unit, fewer than 7 data rows, time going backwards, and a
 * temperature that decreases when there is no time column to order the rows.
 *
 * <p>Implementation: the layout step (tables, blocks, dialect, trailing delimiter) is {@link TgaLayout},
 * column recognition {@link TgaColumns}; this class decodes, converts units and reads the rows.
 */
public final class TgaReader {
    private TgaReader() {
    }

    static final int MIN_ROWS = 7;
    private static final Pattern SIG = Pattern.compile("^\\s*Sig(\\d+)\\s+(.+?)\\s*$", Pattern.CASE_INSENSITIVE);
    private static final Pattern SAMPLE_MASS = Pattern.compile(
            "(?i)^\\s*#*\\s*(sample\\s*mass|sample\\s*weight|initial\\s*mass|size)\\b[^0-9+-]*([-+]?\\d+(?:[.,]\\d+)?)\\s*(mg|g|µg|ug)?");
    /** TA Universal Analysis marker rows: time field -3 (segment start) or -1 (end of run). */
    private static final double TA_SEGMENT_MARKER = -3;
    private static final double TA_END_MARKER = -1;

    /**
     * Reads a TGA export (never modifies it).
     *
     * @throws DataFormatException naming the file, the line/column and what was expected
     */
    public static TgaCurve read(Path file) {
        // TextFile: one open/gzip/folder block for every text reader, and UTF-16 detection (TA Universal
        // Analysis, Setaram Calisto) by BOM or NUL pattern
        return parse(TextFile.decode(file, TextFile.readBytes(file)));
    }

    /**
     * The first bytes of a file as text for format sniffing: UTF-16 when {@link TextFile#utf16} says so
     * (an odd trailing byte of a cut head is dropped), else latin-1. Never throws.
     */
    static String sniffText(byte[] head) {
        Charset cs = TextFile.utf16(head);
        if (cs == null) {
            return new String(head, StandardCharsets.ISO_8859_1);
        }
        String text = new String(head, 0, head.length & ~1, cs);
        return !text.isEmpty() && text.charAt(0) == '\uFEFF' ? text.substring(1) : text;
    }

    /** Reads already-decoded text (for tests); messages name {@code text.file()}. */
    public static TgaCurve parse(TextFile text) {
        Path file = text.file();
        List<String> notes = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        List<String> lines = TgaLayout.dropTrailingDelimiter(text.lines(), notes);
        TgaFormat format;
        TgaLayout.Table table;
        Delimited.Dialect dialect;
        List<Inspection.Column> otherCurves = new ArrayList<>();

        int startOfData = -1;
        int proteusHeader = -1;
        int pyrisStage = -1;
        List<Integer> mettlerCurves = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String l = lines.get(i).trim();
            if (startOfData < 0 && l.equalsIgnoreCase("StartOfData")) {
                startOfData = i;
            }
            if (proteusHeader < 0 && l.startsWith("##")) {
                proteusHeader = i;
            }
            if (pyrisStage < 0 && TgaLayout.PYRIS_STAGE.matcher(l).matches()) {
                pyrisStage = i;
            }
            if (l.equals("Curve:")) {
                mettlerCurves.add(i);
            }
        }
        if (startOfData >= 0) {
            format = TgaFormat.TA_UNIVERSAL_ANALYSIS;
            List<String> header = new ArrayList<>();
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
            table = new TgaLayout.Table(header, null, startOfData, startOfData + 1, lines.size());
            dialect = TgaLayout.detectDialect(TgaLayout.sample(lines, startOfData + 1));
        } else if (proteusHeader >= 0) {
            format = TgaFormat.NETZSCH_PROTEUS;
            dialect = TgaLayout.detectDialect(TgaLayout.sample(lines, proteusHeader + 1));
            table = new TgaLayout.Table(Delimited.split(lines.get(proteusHeader).trim().substring(2), dialect.delimiter()), null,
                    proteusHeader, proteusHeader + 1, lines.size());
        } else if (pyrisStage >= 0 && TgaLayout.isPyris(lines, pyrisStage)) {
            format = TgaFormat.PERKINELMER_PYRIS;
            table = TgaLayout.pyrisTable(file, lines, pyrisStage, warnings);
            Delimited.Dialect d = TgaLayout.detectDialect(TgaLayout.sample(lines, table.dataStart()));
            dialect = new Delimited.Dialect(' ', d.decimal());
        } else {
            dialect = TgaLayout.detectDialect(TgaLayout.sample(lines, lines.size() / 2));
            if (!mettlerCurves.isEmpty()) {
                table = TgaLayout.mettlerTable(file, lines, mettlerCurves, dialect, otherCurves, warnings);
            } else {
                table = TgaLayout.locateTable(file, lines, dialect, 0, lines.size());
            }
            String pre = String.join("\n", lines.subList(0, table.headerLine())).toLowerCase(Locale.ROOT);
            String head = String.join(" ", table.header()).toLowerCase(Locale.ROOT);
            if (pre.contains("setaram") || pre.contains("calisto") || pre.contains("setsoft")
                    || (head.contains("furnace temperature") && head.contains("heatflow"))) {
                format = TgaFormat.SETARAM;
            } else if (!mettlerCurves.isEmpty() || pre.contains("stare") || pre.contains("mettler")
                    || (head.matches(".*\\bts\\b.*") && head.contains("value"))) {
                format = TgaFormat.METTLER_STARE;
            } else if (pre.contains("trios")) {
                format = TgaFormat.TA_TRIOS;
            } else {
                format = TgaFormat.GENERIC_DELIMITED;
            }
        }
        int headerLine = table.headerLine();
        int dataStart = table.dataStart();
        List<String> header = table.header();
        List<String> unitsRow = table.unitsRow();
        double sampleMassMg = sampleMass(lines.subList(0, Math.max(0, headerLine)));

        // column headers with units
        int nc = header.size();
        ColumnHeader[] cols = TgaLayout.columnHeaders(header, unitsRow);
        String location = "header line " + (headerLine + 1);
        int tCol = TgaColumns.pickTemperature(cols);
        if (tCol < 0) {
            throw new DataFormatException(file, location, "no temperature column among " + describe(cols)
                    + "; expected a column such as 'Temperature (°C)', 'Temp [K]' or 'Ts' with unit C or K");
        }
        int mCol = TgaColumns.pickMass(cols);
        if (mCol < 0) {
            throw new DataFormatException(file, location, "no mass column among " + describe(cols)
                    + "; expected a column such as 'Mass (mg)', 'Weight (%)', 'TG/mg' or 'Mass fraction [g/g]' with unit mg, g, µg, % or g/g");
        }
        int timeCol = TgaColumns.pickTime(cols, tCol, mCol);
        int segCol = -1;
        if (format == TgaFormat.NETZSCH_PROTEUS) {
            for (int j = 0; j < nc; j++) {
                if (j != tCol && j != mCol && j != timeCol && cols[j].nameIs("segment") && cols[j].unit().isEmpty()) {
                    segCol = j;
                }
            }
        }

        String tUnit = TgaColumns.temperatureUnit(cols[tCol]);
        if (!tUnit.equals(cols[tCol].unit())) {
            warnings.add("temperature column '" + cols[tCol].raw() + "': unit '" + cols[tCol].unit()
                    + "' read as °C (a degree sign written in another code page, or none)");
        }
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
        boolean massFraction = TgaColumns.isMassFraction(cols[mCol]);
        if (massFraction) {
            mScale = 100;
            massUnit = "%";
            warnings.add("mass column '" + cols[mCol].raw() + "' is a mass fraction" + (mUnitRaw.isEmpty() ? "" : " (" + mUnitRaw + ")")
                    + ", read as % (x 100): the analysis works in % of the initial mass, with no absolute mass");
        } else {
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
                        "mass unit '" + mUnitRaw + "' not supported; expected mg, g, µg, % or g/g");
            }
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
        int dataEnd = table.dataEnd();
        int cap = Math.max(16, dataEnd - dataStart);
        double[] tt = new double[cap];
        double[] tm = new double[cap];
        double[] ts = new double[cap];
        double[] tseg = segCol >= 0 ? new double[cap] : null;
        List<Integer> boundaryRows = new ArrayList<>();
        List<String> boundaryLabels = new ArrayList<>();
        int n = 0;
        int skipped = 0;
        int need = Math.max(Math.max(tCol, segCol), Math.max(mCol, timeCol)) + 1;
        char dec = dialect.decimal();
        boolean taMarkers = format == TgaFormat.TA_UNIVERSAL_ANALYSIS;
        if (format == TgaFormat.PERKINELMER_PYRIS) {
            boundaryRows.add(0);
            boundaryLabels.add("Pyris stage '" + lines.get(pyrisStage).trim() + "' (line " + (pyrisStage + 1) + ")");
        }
        for (int i = dataStart; i < dataEnd; i++) {
            String line = lines.get(i);
            if (line.isBlank() || line.trim().startsWith("#")) {
                continue;
            }
            if (format == TgaFormat.PERKINELMER_PYRIS) {
                Matcher st = TgaLayout.PYRIS_STAGE.matcher(line);
                if (st.matches()) {
                    boundaryRows.add(n);
                    boundaryLabels.add("Pyris stage '" + line.trim() + "' (line " + (i + 1) + ")");
                    continue;
                }
            }
            List<String> f = Delimited.split(line, dialect.delimiter());
            if (taMarkers && isTaMarker(f, dec)) {
                if (Delimited.parse(f.get(0), dec) == TA_SEGMENT_MARKER) {
                    double k = Delimited.parse(f.get(1), dec);
                    boundaryRows.add(n);
                    boundaryLabels.add("TA segment marker " + (Double.isNaN(k) ? "?" : String.valueOf((long) k))
                            + " (line " + (i + 1) + ")");
                } else {
                    notes.add("line " + (i + 1) + ": TA end-of-run marker (time -1), not data");
                }
                continue;
            }
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
            if (tseg != null) {
                double sv = Delimited.parse(f.get(segCol), dec);
                if (n == 0 || Double.compare(sv, tseg[n - 1]) != 0) {
                    boundaryRows.add(n);
                    boundaryLabels.add("NETZSCH Segment column = " + (sv == Math.rint(sv) ? String.valueOf((long) sv) : f.get(segCol))
                            + " (line " + (i + 1) + ")");
                }
                tseg[n] = sv;
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
        List<TgaCurve.Segment> segments = segments(temperature, boundaryRows, boundaryLabels);
        List<Inspection.Column> columns = new ArrayList<>();
        for (int j = 0; j < nc; j++) {
            String role = j == tCol ? "temperature" : j == mCol ? (massFraction ? "mass_fraction" : "mass")
                    : j == timeCol ? "time" : j == segCol ? "segment"
                    : TgaColumns.isHeatFlow(cols[j]) ? "dsc_heat_flow" : Inspection.UNUSED;
            columns.add(new Inspection.Column(cols[j].raw(), TgaColumns.temperatureUnit(cols[j]), role));
        }
        columns.addAll(otherCurves);
        List<String> units = List.of(timeCol >= 0 ? timeUnit : "", cols[tCol].unit(), mUnitRaw);
        return new TgaCurve(file, format, text.charset(), dialect.describe(), time, temperature, mass, massUnit,
                timeCol >= 0 ? cols[timeCol].raw() : null, cols[tCol].raw(), cols[mCol].raw(), units, sampleMassMg,
                skipped, notes, segments, columns, warnings);
    }

    /**
     * A TA Universal Analysis marker row: first field {@code -3} (segment start, the second field its number)
     * or {@code -1} (end of run), every field after the second 0.
     */
    private static boolean isTaMarker(List<String> f, char dec) {
        if (f.size() < 2) {
            return false;
        }
        double first = Delimited.parse(f.get(0), dec);
        if (first != TA_SEGMENT_MARKER && first != TA_END_MARKER) {
            return false;
        }
        for (int j = 2; j < f.size(); j++) {
            if (Delimited.parse(f.get(j), dec) != 0) {
                return false;
            }
        }
        return true;
    }

    /** Segments from the boundary rows (a first one at row 0 is implied); empty ones are left out. */
    private static List<TgaCurve.Segment> segments(double[] t, List<Integer> rows, List<String> labels) {
        List<Integer> starts = new ArrayList<>(rows);
        List<String> names = new ArrayList<>(labels);
        if (starts.isEmpty()) {
            starts.add(0);
            names.add("whole file");
        } else if (starts.get(0) > 0) {
            starts.add(0, 0);
            names.add(0, "rows before the first marker");
        }
        List<TgaCurve.Segment> out = new ArrayList<>();
        for (int k = 0; k < starts.size(); k++) {
            int from = starts.get(k);
            int to = k + 1 < starts.size() ? starts.get(k + 1) : t.length;
            if (to <= from) {
                continue;
            }
            double min = Double.POSITIVE_INFINITY;
            double max = Double.NEGATIVE_INFINITY;
            for (int i = from; i < to; i++) {
                min = Math.min(min, t[i]);
                max = Math.max(max, t[i]);
            }
            out.add(new TgaCurve.Segment(out.size() + 1, from, to, TgaCurve.SegmentKind.of(t, from, to), t[from],
                    t[to - 1], min, max, names.get(k)));
        }
        return out;
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
