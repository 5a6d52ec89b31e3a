package org.cathodekit.io;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import org.cathodekit.core.DataFormatException;

/**
 * The layout step of {@link TgaReader}: where the table is (header line, units row, first and last
 * data line) for the generic layout, Mettler STARe {@code Curve:} blocks and PerkinElmer Pyris, the
 * delimiter and decimal separator checked against the content, and a trailing delimiter dropped.
 * Package-private.
 */
final class TgaLayout {
    private TgaLayout() {
    }

    /** A Pyris stage line: {@code 1) TGA Isothermal}, {@code 2) TGA Temperature Scan}. */
    static final Pattern PYRIS_STAGE = Pattern.compile("^\\s*(\\d+)\\)\\s+TGA\\b.*$");
    /** Share of data lines that must end with the same delimiter for it to be a trailing delimiter. */
    static final double TRAILING_DELIMITER_SHARE = 0.9;

    /** Where the table of one layout is: header fields, optional units row, lines. */
    record Table(List<String> header, List<String> unitsRow, int headerLine, int dataStart, int dataEnd) {
    }


    static ColumnHeader[] columnHeaders(List<String> header, List<String> unitsRow) {
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
        return cols;
    }


    /** The header line, optional units row and first data row of a table in {@code [from, to)}. */
    static Table locateTable(Path file, List<String> lines, Delimited.Dialect dialect, int from, int to) {
        int d = firstDataLine(lines, dialect, from, to);
        if (d < 0) {
            throw new DataFormatException(file, from > 0 ? "from line " + (from + 1) : null, "no block of numeric rows found ("
                    + dialect.describe() + "); expected a header line naming the columns followed by rows of numbers");
        }
        int u = previousContentLine(lines, d, from);
        if (u < 0) {
            throw new DataFormatException(file, "line " + (d + 1),
                    "no header line before the first data row; expected column names such as 'Temperature (°C)' and 'Mass (mg)'");
        }
        List<String> uf = Delimited.split(lines.get(u), dialect.delimiter());
        int h = previousContentLine(lines, u, from);
        if (h >= 0 && TgaColumns.isUnitsRow(uf)) {
            return new Table(Delimited.split(lines.get(h), dialect.delimiter()), uf, h, d, to);
        }
        return new Table(uf, null, u, d, to);
    }

    /**
     * Mettler STARe with {@code Curve:} blocks: the first block whose mass column has a mass unit; the other
     * blocks' value columns go to {@code others} (role from their unit) and to the warnings.
     */
    static Table mettlerTable(Path file, List<String> lines, List<Integer> curves, Delimited.Dialect dialect,
            List<Inspection.Column> others, List<String> warnings) {
        Table chosen = null;
        int chosenBlock = -1;
        List<Table> tables = new ArrayList<>();
        List<String> found = new ArrayList<>();
        for (int b = 0; b < curves.size(); b++) {
            int from = curves.get(b) + 1;
            int to = b + 1 < curves.size() ? curves.get(b + 1) : lines.size();
            Table t = locateTable(file, lines, dialect, from, to);
            int end = t.dataStart();
            while (end < to && (lines.get(end).isBlank() || numericRow(lines.get(end), dialect))) {
                end++; // the table ends at its first text line (the next block's preamble, LastKeyWD:, ...)
            }
            t = new Table(t.header(), t.unitsRow(), t.headerLine(), t.dataStart(), end);
            tables.add(t);
            ColumnHeader[] cols = columnHeaders(t.header(), t.unitsRow());
            ColumnHeader value = cols[cols.length - 1];
            int m = TgaColumns.pickMass(cols);
            boolean isMass = m >= 0 && (TgaColumns.isMassUnit(cols[m].unit()) || TgaColumns.isMassFraction(cols[m]));
            found.add("curve " + (b + 1) + " '" + value.raw() + "' [" + value.unit() + "] (line " + (curves.get(b) + 1) + ")");
            if (isMass && chosen == null) {
                chosen = t;
                chosenBlock = b;
            }
        }
        if (chosen == null) {
            throw new DataFormatException(file, "Curve: blocks", "no TG (mass) curve among " + found
                    + "; expected a curve whose value is in mg, g, µg or %");
        }
        for (int b = 0; b < tables.size(); b++) {
            if (b == chosenBlock) {
                continue;
            }
            ColumnHeader[] cols = columnHeaders(tables.get(b).header(), tables.get(b).unitsRow());
            ColumnHeader value = cols[cols.length - 1];
            others.add(new Inspection.Column(value.raw() + " (curve " + (b + 1) + ")", value.unit(),
                    TgaColumns.isHeatFlow(value) ? "dsc_heat_flow" : Inspection.UNUSED));
            warnings.add("the export holds " + tables.size() + " curves; read curve " + (chosenBlock + 1) + " (TG, lines "
                    + (chosen.dataStart() + 1) + "-" + chosen.dataEnd() + "), not " + found.get(b)
                    + (TgaColumns.isHeatFlow(value) ? ", a DSC heat flow" : ""));
        }
        return chosen;
    }

    static boolean isPyris(List<String> lines, int stage) {
        String pre = String.join("\n", lines.subList(0, stage)).toLowerCase(Locale.ROOT);
        String after = String.join(" ", lines.subList(stage, Math.min(lines.size(), stage + 4))).toLowerCase(Locale.ROOT);
        return pre.contains("pyris") || pre.contains("perkinelmer") || after.contains("unsubtracted");
    }

    /** Pyris: the two header lines after the first stage line, joined column by column, with Pyris's units. */
    static Table pyrisTable(Path file, List<String> lines, int stage, List<String> warnings) {
        int h1 = stage + 1;
        int h2 = h1 + 1;
        if (h2 >= lines.size()) {
            throw new DataFormatException(file, "line " + (stage + 1), "PerkinElmer Pyris stage line without the two header lines after it");
        }
        List<String> a = pyrisFields(lines.get(h1));
        List<String> b = pyrisFields(lines.get(h2));
        List<String> header = new ArrayList<>();
        List<String> units = new ArrayList<>();
        for (int j = 0; j < a.size(); j++) {
            String name = (a.get(j) + " " + (j < b.size() ? b.get(j) : "")).trim();
            header.add(name);
            String l = name.toLowerCase(Locale.ROOT);
            units.add(l.equals("time") ? "min" : l.endsWith("temperature") ? "C" : l.endsWith("weight") ? "mg" : "");
        }
        if (!header.contains("Time")) {
            throw new DataFormatException(file, "lines " + (h1 + 1) + "-" + (h2 + 1),
                    "PerkinElmer Pyris header without a 'Time' column; expected 'Time / Unsubtracted Weight / ... / Sample Temperature'");
        }
        warnings.add("PerkinElmer Pyris writes no units: read time in min, weights in mg, temperatures in °C (Pyris export units)");
        return new Table(header, units, h1, h2 + 1, lines.size());
    }

    static List<String> pyrisFields(String line) {
        List<String> f = new ArrayList<>(Delimited.split(line, '\t'));
        if (!f.isEmpty() && f.get(0).isEmpty()) {
            f.remove(0); // every Pyris table line starts with a tab; further empty fields are blank header cells
        }
        while (!f.isEmpty() && f.get(f.size() - 1).isEmpty()) {
            f.remove(f.size() - 1);
        }
        return f;
    }

    /**
     * A delimiter ({@code ,}, {@code ;} or tab) that closes at least {@link #TRAILING_DELIMITER_SHARE} of the
     * lines of the file's second half (the data rows), as MaCFP's Sandia exports have, is dropped from every
     * line ending with it; otherwise it reads as an empty last column.
     */
    static List<String> dropTrailingDelimiter(List<String> lines, List<String> notes) {
        int from = lines.size() / 2;
        for (char c : new char[] {',', ';', '\t'}) {
            int all = 0;
            int ending = 0;
            for (int i = from; i < lines.size(); i++) {
                String l = stripRightSpaces(lines.get(i));
                if (l.isEmpty()) {
                    continue;
                }
                all++;
                if (l.charAt(l.length() - 1) == c) {
                    ending++;
                }
            }
            if (all >= TgaReader.MIN_ROWS && ending >= TRAILING_DELIMITER_SHARE * all) {
                List<String> out = new ArrayList<>(lines.size());
                for (String l0 : lines) {
                    String l = stripRightSpaces(l0);
                    out.add(!l.isEmpty() && l.charAt(l.length() - 1) == c ? l.substring(0, l.length() - 1) : l0);
                }
                notes.add("every line ends with '" + (c == '\t' ? "\\t" : String.valueOf(c))
                        + "': the trailing delimiter was dropped (not an empty column)");
                return out;
            }
        }
        return lines;
    }

    static String stripRightSpaces(String s) {
        int e = s.length();
        while (e > 0 && s.charAt(e - 1) == ' ') {
            e--;
        }
        return s.substring(0, e);
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

    static double numericFraction(List<String> sample, Delimited.Dialect d) {
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

    static List<String> sample(List<String> lines, int from) {
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

    static int firstDataLine(List<String> lines, Delimited.Dialect d, int from, int to) {
        for (int i = from; i < to; i++) {
            if (numericRow(lines.get(i), d)) {
                int ok = 1;
                int j = i + 1;
                while (j < to && ok < 3) {
                    String l = lines.get(j);
                    if (!l.isBlank()) {
                        if (!numericRow(l, d)) {
                            break;
                        }
                        ok++;
                    }
                    j++;
                }
                if (ok >= 3 || j >= to) {
                    return i;
                }
            }
        }
        return -1;
    }

    static boolean numericRow(String line, Delimited.Dialect d) {
        if (line.isBlank() || line.trim().startsWith("#")) {
            return false;
        }
        List<String> f = Delimited.split(line, d.delimiter());
        return f.size() >= 2 && Delimited.allNumeric(f, d.decimal());
    }

    static int previousContentLine(List<String> lines, int before, int from) {
        for (int i = before - 1; i >= from; i--) {
            String l = lines.get(i).trim();
            if (!l.isEmpty() && !l.startsWith("#")) {
                return i;
            }
        }
        return -1;
    }

}
