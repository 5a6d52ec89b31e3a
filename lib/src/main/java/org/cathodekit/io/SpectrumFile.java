package org.cathodekit.io;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.cathodekit.core.DataFormatException;

/**
 * One XANES spectrum read from a text file: XDI ({@code # XDI/1.0}, columns named by
 * {@code # Column.N:} lines) or plain two-column text (CSV, TSV, semicolon or whitespace
 * separated, optional header line, {@code #} comments). Energies with a largest value below 100
 * are keV and converted to eV (said in {@link #note()}).
 *
 * <p>Which columns: plain text uses the first column as energy and the second as mu (more columns
 * are ignored and reported). XDI uses the column named {@code energy} and, in this order,
 * {@code mutrans}, {@code mufluor}, {@code mu}, {@code normtrans}, {@code norm}; else
 * {@code ln(i0/itrans)} from {@code i0} and {@code itrans}; else {@code ifluor/i0}.
 *
 * @param file         the file (read-only)
 * @param format       {@code "XDI"} or {@code "text"}
 * @param energiesEv   strictly increasing energies, eV (accessor returns a copy)
 * @param mu           absorbance values (accessor returns a copy)
 * @param energyColumn the energy column used
 * @param muColumn     the mu column (or formula) used
 * @param note         what was detected and converted
 */
public record SpectrumFile(Path file, String format, double[] energiesEv, double[] mu, String energyColumn,
                           String muColumn, String note) {
    public SpectrumFile {
        energiesEv = energiesEv.clone();
        mu = mu.clone();
    }

    @Override
    public double[] energiesEv() {
        return energiesEv.clone();
    }

    @Override
    public double[] mu() {
        return mu.clone();
    }

    /**
     * Reads a spectrum file.
     *
     * @throws DataFormatException naming the file and line: no numeric rows, fewer than two
     *                             columns, energies not strictly increasing, missing XDI columns
     */
    public static SpectrumFile read(Path file) {
        TextFile t = TextFile.read(file);
        List<String> lines = t.lines();
        if (!lines.isEmpty() && lines.get(0).trim().toUpperCase(Locale.ROOT).startsWith("# XDI/")) {
            return readXdi(file, lines);
        }
        return readText(file, lines);
    }

    private static boolean isComment(String s) {
        String x = s.trim();
        return x.isEmpty() || x.startsWith("#") || x.startsWith("%") || x.startsWith("!");
    }

    private static SpectrumFile readText(Path file, List<String> lines) {
        List<String> sample = new ArrayList<>();
        for (String l : lines) {
            if (!isComment(l)) {
                sample.add(l);
                if (sample.size() >= 50) {
                    break;
                }
            }
        }
        if (sample.isEmpty()) {
            throw new DataFormatException(file, null, "no data lines; expected two columns: energy (eV or keV) and mu");
        }
        Delimited.Dialect d = Delimited.detect(sample);
        String eName = "column 1";
        String mName = "column 2";
        List<double[]> rows = new ArrayList<>();
        List<Integer> lineNos = new ArrayList<>();
        int maxCols = 0;
        boolean header = false;
        for (int i = 0; i < lines.size(); i++) {
            String l = lines.get(i);
            if (isComment(l)) {
                continue;
            }
            List<String> f = Delimited.split(l, d.delimiter());
            if (rows.isEmpty() && !header && !Delimited.allNumeric(f, d.decimal())) {
                header = true;
                if (f.size() >= 2) {
                    eName = f.get(0);
                    mName = f.get(1);
                }
                continue;
            }
            if (f.size() < 2) {
                throw new DataFormatException(file, "line " + (i + 1), "has " + f.size() + " field(s) with " + d.describe()
                        + "; expected two columns: energy and mu");
            }
            maxCols = Math.max(maxCols, f.size());
            double e = Delimited.parseOrThrow(f.get(0), d.decimal(), file, i + 1, eName);
            double m = Delimited.parseOrThrow(f.get(1), d.decimal(), file, i + 1, mName);
            rows.add(new double[] {e, m});
            lineNos.add(i + 1);
        }
        String note = d.describe() + (header ? ", header line" : ", no header") + (maxCols > 2 ? ", " + maxCols
                + " columns (using the first two)" : "");
        return finish(file, "text", rows, lineNos, eName, mName, note);
    }

    private static SpectrumFile readXdi(Path file, List<String> lines) {
        List<String> names = new ArrayList<>();
        List<String> units = new ArrayList<>();
        List<double[]> data = new ArrayList<>();
        List<Integer> lineNos = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String l = lines.get(i).trim();
            if (l.startsWith("#")) {
                String h = l.substring(1).trim();
                if (h.toLowerCase(Locale.ROOT).startsWith("column.")) {
                    int colon = h.indexOf(':');
                    if (colon < 0) {
                        continue;
                    }
                    int idx;
                    try {
                        idx = Integer.parseInt(h.substring(7, colon).trim());
                    } catch (NumberFormatException e) {
                        throw new DataFormatException(file, "line " + (i + 1), "bad XDI column header '" + l + "'; expected '# Column.N: name [units]'");
                    }
                    String[] nu = h.substring(colon + 1).trim().split("\\s+");
                    while (names.size() < idx) {
                        names.add("");
                        units.add("");
                    }
                    names.set(idx - 1, nu[0].toLowerCase(Locale.ROOT));
                    units.set(idx - 1, nu.length > 1 ? nu[1] : "");
                }
                continue;
            }
            if (l.isEmpty()) {
                continue;
            }
            List<String> f = Delimited.split(l, ' ');
            double[] r = new double[f.size()];
            for (int k = 0; k < r.length; k++) {
                r[k] = Delimited.parseOrThrow(f.get(k), '.', file, i + 1, k < names.size() ? names.get(k) : "column " + (k + 1));
            }
            data.add(r);
            lineNos.add(i + 1);
        }
        int ie = names.indexOf("energy");
        if (ie < 0) {
            throw new DataFormatException(file, "XDI header", "no '# Column.N: energy' line; columns are " + names);
        }
        int im = -1;
        String how = null;
        for (String c : new String[] {"mutrans", "mufluor", "mu", "normtrans", "norm"}) {
            if (names.contains(c)) {
                im = names.indexOf(c);
                how = c;
                break;
            }
        }
        int i0 = names.indexOf("i0");
        int it = names.indexOf("itrans");
        int ifl = names.indexOf("ifluor");
        if (im < 0 && !(i0 >= 0 && (it >= 0 || ifl >= 0))) {
            throw new DataFormatException(file, "XDI header", "no mu column (mutrans, mufluor, mu, normtrans, norm) and no i0 with "
                    + "itrans or ifluor; columns are " + names);
        }
        List<double[]> rows = new ArrayList<>();
        for (int k = 0; k < data.size(); k++) {
            double[] r = data.get(k);
            int need = Math.max(ie, Math.max(im, Math.max(i0, Math.max(it, ifl))));
            if (r.length <= need) {
                throw new DataFormatException(file, "line " + lineNos.get(k), "has " + r.length + " values; the XDI header declares "
                        + names.size() + " columns");
            }
            double m;
            if (im >= 0) {
                m = r[im];
            } else if (it >= 0) {
                m = Math.log(r[i0] / r[it]);
                how = "ln(i0/itrans)";
            } else {
                m = r[ifl] / r[i0];
                how = "ifluor/i0";
            }
            rows.add(new double[] {r[ie], m});
        }
        String eu = units.get(ie);
        return finish(file, "XDI", rows, lineNos, "energy" + (eu.isEmpty() ? "" : " [" + eu + "]"), how, "XDI columns " + names);
    }

    private static SpectrumFile finish(Path file, String format, List<double[]> rows, List<Integer> lineNos, String eName,
                                       String mName, String note) {
        if (rows.size() < 2) {
            throw new DataFormatException(file, null, "holds " + rows.size() + " data row(s); a spectrum needs at least 2");
        }
        double[] e = new double[rows.size()];
        double[] m = new double[rows.size()];
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < e.length; i++) {
            e[i] = rows.get(i)[0];
            m[i] = rows.get(i)[1];
            if (!Double.isFinite(e[i])) {
                throw new DataFormatException(file, "line " + lineNos.get(i) + ", column '" + eName + "'", "energy is " + e[i]
                        + "; expected a finite number");
            }
            if (i > 0 && !(e[i] > e[i - 1])) {
                throw new DataFormatException(file, "line " + lineNos.get(i) + ", column '" + eName + "'", "energies must be strictly "
                        + "increasing, but " + e[i - 1] + " is followed by " + e[i] + (e[i] == e[i - 1] ? " (duplicate)" : ""));
            }
            max = Math.max(max, e[i]);
        }
        String n = note;
        if (max < Hdf5XanesStack.KEV_THRESHOLD) {
            for (int i = 0; i < e.length; i++) {
                e[i] *= 1000.0;
            }
            n += String.format(Locale.ROOT, "; energies converted keV -> eV (largest value %.4f < 100 taken as keV)", max);
        } else {
            n += "; energies in eV as stored";
        }
        return new SpectrumFile(file, format, e, m, eName, mName, n);
    }
}
