package org.cathodekit.io;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.cathodekit.core.DataFormatException;

/**
 * One XANES spectrum read from a text file: XDI ({@code # XDI/1.0}, columns named by
 * {@code # Column.N:} lines) or plain text (CSV, TSV, semicolon or whitespace separated, optional
 * header line, {@code #} comments). Energies with a largest value below 100 are keV and converted to
 * eV (said in {@link #note()}).
 *
 * <p><b>Channels.</b> The columns are recognised by name (XDI names; a text header's names the same
 * way, case-insensitive): mu columns {@code mutrans}, {@code mufluor}, {@code murefer}, {@code mu},
 * {@code xmu}, {@code normtrans}, {@code normfluor}, {@code norm}; raw intensities {@code i0},
 * {@code itrans}, {@code ifluor}, {@code irefer}, from which the channels
 * {@code ln(i0/itrans)} (transmission), {@code ifluor/i0} (fluorescence) and
 * {@code ln(itrans/irefer)} (reference foil) are formed. {@link Options#muColumn()} names one of them
 * (aliases {@code trans}/{@code transmission}, {@code fluor}/{@code fluorescence},
 * {@code refer}/{@code reference} pick the stored column, else the formed one; a text file also
 * takes any header name or {@code column N}). The default, {@link #DEFAULT_RULE}:
 * <ol>
 *   <li>candidates are the stored sample channels ({@code mutrans}, {@code mufluor}, {@code mu},
 *       {@code xmu}); if none, the formed {@code ln(i0/itrans)} and {@code ifluor/i0}; if none, the
 *       normalised columns; the reference channel is never a default (it is the foil, not the sample);</li>
 *   <li>of several candidates, the one with the largest edge contrast
 *       {@code (median(last k) - median(first k)) / sigma} wins, {@code k = max(3, n/10)} points and
 *       {@code sigma = 1.4826 MAD(d2) / sqrt(6)} the white-noise level from the second differences
 *       {@code d2_i = mu_(i+1) - 2 mu_i + mu_(i-1)} (robust to the edge itself; sqrt(6) because a
 *       second difference of white noise has variance 6 sigma^2). A real edge rises, so a falling
 *       channel scores negative. On the dilute Cu roman glass (larch) fluorescence scores 967 and
 *       transmission -86.</li>
 * </ol>
 * A plain file without recognised names uses the first column as energy and the second as mu.
 *
 * <p><b>Monochromator jitter.</b> Energies must increase; a step back by at most
 * {@link Options#energyToleranceEv()} below the largest energy so far (read-back jitter) is accepted:
 * the points are sorted by energy, equal energies merged (mu averaged) and {@link #warnings()} says
 * how many. A larger step back is refused naming the line and both energies.
 *
 * @param file              the file (read-only)
 * @param format            {@code "XDI"}, {@code "text"} or the caller's name for arrays ({@link #of})
 * @param energiesEv        strictly increasing energies, eV (accessor returns a copy)
 * @param mu                absorbance values (accessor returns a copy)
 * @param energyColumn      the energy column used
 * @param muColumn          the mu column (or formula) used
 * @param note              what was detected and converted, and how the channel was chosen
 * @param availableChannels every mu channel the file offers (stored and formed)
 * @param columns           each column with its unit and role ({@code energy}, {@code mu}, {@code i0},
 *                          {@code itrans}, {@code ifluor}, {@code irefer}, {@code unused})
 * @param warnings          jitter merged, ...
 */
public record SpectrumFile(Path file, String format, double[] energiesEv, double[] mu, String energyColumn,
                           String muColumn, String note, List<String> availableChannels, List<Inspection.Column> columns,
                           List<String> warnings) {

    /** The default channel rule in one line (reported in the JSON note). */
    public static final String DEFAULT_RULE = "default channel: the stored (else formed) sample channel with the largest "
            + "edge contrast (end-median - start-median) / noise";

    /**
     * Reading options.
     *
     * @param muColumn          the channel to use, or null for {@link #DEFAULT_RULE}
     * @param energyToleranceEv largest accepted step back of the energy (eV); 0 refuses any
     */
    public record Options(String muColumn, double energyToleranceEv) {
        /**
         * No channel forced; 0.05 eV jitter: monochromator encoder read-backs scatter by a few 0.01 eV,
         * while XANES steps are 0.2 eV or more.
         */
        public static final Options DEFAULTS = new Options(null, 0.05);

        public Options {
            if (!(energyToleranceEv >= 0) || !Double.isFinite(energyToleranceEv)) {
                throw new IllegalArgumentException("energy tolerance must be finite and >= 0 eV, got " + energyToleranceEv);
            }
        }
    }

    public SpectrumFile {
        energiesEv = energiesEv.clone();
        mu = mu.clone();
        availableChannels = List.copyOf(availableChannels);
        columns = List.copyOf(columns);
        warnings = List.copyOf(warnings);
    }

    @Override
    public double[] energiesEv() {
        return energiesEv.clone();
    }

    @Override
    public double[] mu() {
        return mu.clone();
    }

    /** Reads a spectrum file with the default options. */
    public static SpectrumFile read(Path file) {
        return read(file, Options.DEFAULTS);
    }

    /**
     * Reads a spectrum file.
     *
     * @throws DataFormatException naming the file and line: no numeric rows, fewer than two
     *                             columns, energies stepping back by more than the tolerance, missing
     *                             XDI columns, an unknown {@code muColumn}
     */
    public static SpectrumFile read(Path file, Options options) {
        TextFile t = TextFile.read(file);
        List<String> lines = t.lines();
        if (!lines.isEmpty() && lines.get(0).trim().toUpperCase(Locale.ROOT).startsWith("# XDI/")) {
            return readXdi(file, lines, options);
        }
        return readText(file, lines, options);
    }

    /**
     * A spectrum from arrays another reader found (e.g. an Athena group), checked and ordered by the
     * same rules (keV detection, jitter tolerance).
     */
    public static SpectrumFile of(Path file, String format, double[] energies, double[] mu, String energyColumn, String muColumn,
                                  String note, double energyToleranceEv) {
        if (energies.length != mu.length) {
            throw new DataFormatException(file, null, energies.length + " energies but " + mu.length + " mu values");
        }
        List<double[]> rows = new ArrayList<>();
        List<Integer> lineNos = new ArrayList<>();
        for (int i = 0; i < energies.length; i++) {
            rows.add(new double[] {energies[i], mu[i]});
            lineNos.add(i + 1);
        }
        return finish(file, format, rows, lineNos, energyColumn, muColumn, note, List.of(muColumn),
                List.of(new Inspection.Column(energyColumn, "eV", "energy"), new Inspection.Column(muColumn, "", "mu")),
                energyToleranceEv, "point");
    }

    private static boolean isComment(String s) {
        String x = s.trim();
        return x.isEmpty() || x.startsWith("#") || x.startsWith("%") || x.startsWith("!");
    }

    private static SpectrumFile readText(Path file, List<String> lines, Options options) {
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
        List<String> header = null;
        List<double[]> rows = new ArrayList<>();
        List<Integer> lineNos = new ArrayList<>();
        int width = -1;
        for (int i = 0; i < lines.size(); i++) {
            String l = lines.get(i);
            if (isComment(l)) {
                continue;
            }
            List<String> f = Delimited.split(l, d.delimiter());
            if (rows.isEmpty() && header == null && !Delimited.allNumeric(f, d.decimal())) {
                header = new ArrayList<>(f);
                continue;
            }
            if (f.size() < 2) {
                throw new DataFormatException(file, "line " + (i + 1), "has " + f.size() + " field(s) with " + d.describe()
                        + "; expected two columns: energy and mu");
            }
            if (width < 0) {
                width = f.size();
            }
            int use = Math.min(f.size(), width);
            double[] r = new double[width];
            Arrays.fill(r, Double.NaN);
            for (int k = 0; k < use; k++) {
                String name = header != null && k < header.size() ? header.get(k) : "column " + (k + 1);
                // only the energy and the chosen channel must parse; others are checked when used
                r[k] = k < 2 ? Delimited.parseOrThrow(f.get(k), d.decimal(), file, i + 1, name) : tryParse(f.get(k), d.decimal());
            }
            rows.add(r);
            lineNos.add(i + 1);
        }
        List<String> names = new ArrayList<>();
        for (int k = 0; k < Math.max(width, 2); k++) {
            names.add(header != null && k < header.size() && !header.get(k).isBlank() ? header.get(k) : "column " + (k + 1));
        }
        String note = d.describe() + (header != null ? ", header line" : ", no header") + (width > 2 ? ", " + width + " columns" : "");
        List<String> lower = new ArrayList<>();
        for (String n : names) {
            lower.add(n.toLowerCase(Locale.ROOT).trim());
        }
        boolean named = false;
        for (String n : lower) {
            named |= STORED.contains(n) || RAW.contains(n);
        }
        List<String> units = new ArrayList<>();
        for (int k = 0; k < names.size(); k++) {
            units.add("");
        }
        if (named && width > 2) {
            return channels(file, "text", names, lower, units, rows, lineNos, 0, options, note);
        }
        // plain columns: energy first, mu second unless a header name or "column N" is asked for
        int im = 1;
        if (options.muColumn() != null) {
            im = -1;
            for (int k = 1; k < names.size(); k++) {
                if (names.get(k).equalsIgnoreCase(options.muColumn().trim()) || ("column " + (k + 1)).equalsIgnoreCase(options.muColumn().trim())) {
                    im = k;
                }
            }
            if (im < 0) {
                throw new DataFormatException(file, "--mu-column '" + options.muColumn() + "'", "no such column; columns are "
                        + names.subList(1, names.size()) + " (or 'column N')");
            }
        }
        List<double[]> two = new ArrayList<>();
        for (int k = 0; k < rows.size(); k++) {
            double[] r = rows.get(k);
            if (im >= r.length || Double.isNaN(r[im]) && im >= 2) {
                throw new DataFormatException(file, "line " + lineNos.get(k) + ", column '" + names.get(im) + "'",
                        "is missing or not a number; expected mu");
            }
            two.add(new double[] {r[0], r[im]});
        }
        List<Inspection.Column> cols = new ArrayList<>();
        for (int k = 0; k < names.size(); k++) {
            cols.add(new Inspection.Column(names.get(k), "", k == 0 ? "energy" : k == im ? "mu" : Inspection.UNUSED));
        }
        List<String> avail = names.subList(1, names.size());
        return finish(file, "text", two, lineNos, names.get(0), names.get(im), note + (avail.size() > 1 ? "; mu from "
                + (im == 1 ? "the second column (default for unnamed columns)" : "--mu-column") + ", available " + avail : ""),
                avail, cols, options.energyToleranceEv(), "line");
    }

    private static double tryParse(String s, char decimal) {
        try {
            return Double.parseDouble(decimal == ',' ? s.trim().replace(',', '.') : s.trim());
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    private static SpectrumFile readXdi(Path file, List<String> lines, Options options) {
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
                    String spec = h.substring(colon + 1);
                    int hash = spec.indexOf('#');
                    String[] nu = (hash >= 0 ? spec.substring(0, hash) : spec).trim().split("\\s+");
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
        return channels(file, "XDI", names, names, units, data, lineNos, ie, options, "XDI columns " + names);
    }

    /** Stored mu channels, in the order used for ties. */
    static final List<String> STORED = List.of("mutrans", "mufluor", "mu", "xmu", "murefer", "normtrans", "normfluor", "norm");
    /** Raw intensity columns. */
    static final List<String> RAW = List.of("i0", "itrans", "ifluor", "irefer");
    private static final List<String> SAMPLE_STORED = List.of("mutrans", "mufluor", "mu", "xmu");
    private static final List<String> NORMALISED = List.of("normtrans", "normfluor", "norm");
    static final String TRANS = "ln(i0/itrans)";
    static final String FLUOR = "ifluor/i0";
    static final String REFER = "ln(itrans/irefer)";

    private static SpectrumFile channels(Path file, String format, List<String> names, List<String> lower, List<String> units,
                                         List<double[]> data, List<Integer> lineNos, int ie, Options options, String note) {
        int i0 = lower.indexOf("i0");
        int it = lower.indexOf("itrans");
        int ifl = lower.indexOf("ifluor");
        int ir = lower.indexOf("irefer");
        Map<String, int[]> avail = new LinkedHashMap<>();
        for (String c : STORED) {
            int k = lower.indexOf(c);
            if (k >= 0 && k != ie) {
                avail.put(c, new int[] {k});
            }
        }
        if (i0 >= 0 && it >= 0) {
            avail.put(TRANS, new int[] {i0, it});
        }
        if (i0 >= 0 && ifl >= 0) {
            avail.put(FLUOR, new int[] {ifl, i0});
        }
        if (it >= 0 && ir >= 0) {
            avail.put(REFER, new int[] {it, ir});
        }
        if (avail.isEmpty()) {
            throw new DataFormatException(file, "XDI".equals(format) ? "XDI header" : "header line", "no mu column (mutrans, mufluor, "
                    + "murefer, mu, normtrans, norm) and no i0 with itrans or ifluor; columns are " + names);
        }
        String chosen;
        String how;
        if (options.muColumn() != null) {
            chosen = resolveChannel(options.muColumn(), avail.keySet(), names, lower);
            if (chosen == null) {
                throw new DataFormatException(file, "--mu-column '" + options.muColumn() + "'", "no such channel; available "
                        + new ArrayList<>(avail.keySet()) + " (aliases trans, fluor, refer)");
            }
            how = "mu_column " + chosen + " (chosen with --mu-column)";
        } else {
            List<String> cands = new ArrayList<>();
            for (String c : SAMPLE_STORED) {
                if (avail.containsKey(c)) {
                    cands.add(c);
                }
            }
            if (cands.isEmpty()) {
                for (String c : List.of(TRANS, FLUOR)) {
                    if (avail.containsKey(c)) {
                        cands.add(c);
                    }
                }
            }
            if (cands.isEmpty()) {
                for (String c : NORMALISED) {
                    if (avail.containsKey(c)) {
                        cands.add(c);
                    }
                }
            }
            if (cands.isEmpty()) {
                cands.add(avail.keySet().iterator().next());
            }
            if (cands.size() == 1) {
                chosen = cands.get(0);
                how = "mu_column " + chosen + " (the only sample channel)";
            } else {
                chosen = null;
                double best = Double.NEGATIVE_INFINITY;
                StringBuilder scores = new StringBuilder();
                for (String c : cands) {
                    double s = edgeContrast(values(file, data, lineNos, avail.get(c), c, names));
                    scores.append(scores.length() > 0 ? ", " : "").append(c).append(' ').append(String.format(Locale.ROOT, "%.3g", s));
                    if (chosen == null || s > best) {
                        best = s;
                        chosen = c;
                    }
                }
                how = "mu_column " + chosen + " by the " + DEFAULT_RULE + " (" + scores + "); choose with --mu-column";
            }
        }
        double[] mu = values(file, data, lineNos, avail.get(chosen), chosen, names);
        List<double[]> rows = new ArrayList<>();
        for (int k = 0; k < data.size(); k++) {
            if (data.get(k).length <= ie) {
                throw new DataFormatException(file, "line " + lineNos.get(k), "has " + data.get(k).length + " values; the header declares "
                        + names.size() + " columns");
            }
            rows.add(new double[] {data.get(k)[ie], mu[k]});
        }
        int[] used = avail.get(chosen);
        List<Inspection.Column> cols = new ArrayList<>();
        for (int k = 0; k < names.size(); k++) {
            String n = lower.get(k);
            String role = k == ie ? "energy" : used.length == 1 && used[0] == k ? "mu" : RAW.contains(n) ? n : Inspection.UNUSED;
            cols.add(new Inspection.Column(names.get(k), k < units.size() ? units.get(k) : "", role));
        }
        String eu = k(units, ie);
        return finish(file, format, rows, lineNos, names.get(ie) + (eu.isEmpty() ? "" : " [" + eu + "]"), chosen,
                note + "; " + how + "; available " + new ArrayList<>(avail.keySet()), new ArrayList<>(avail.keySet()), cols,
                options.energyToleranceEv(), "line");
    }

    private static String k(List<String> units, int i) {
        return i < units.size() ? units.get(i) : "";
    }

    private static String resolveChannel(String asked, java.util.Set<String> avail, List<String> names, List<String> lower) {
        String a = asked.trim().toLowerCase(Locale.ROOT);
        for (String c : avail) {
            if (c.equals(a)) {
                return c;
            }
        }
        String[][] aliases = {{"trans", "mutrans", TRANS}, {"transmission", "mutrans", TRANS}, {"fluor", "mufluor", FLUOR},
            {"fluorescence", "mufluor", FLUOR}, {"refer", "murefer", REFER}, {"reference", "murefer", REFER}};
        for (String[] al : aliases) {
            if (al[0].equals(a)) {
                return avail.contains(al[1]) ? al[1] : avail.contains(al[2]) ? al[2] : null;
            }
        }
        return null;
    }

    /** The channel per row: one column, or ln(a/b) for transmission/reference, a/b for fluorescence. */
    private static double[] values(Path file, List<double[]> data, List<Integer> lineNos, int[] cols, String channel, List<String> names) {
        double[] v = new double[data.size()];
        for (int k = 0; k < v.length; k++) {
            double[] r = data.get(k);
            int need = cols.length == 1 ? cols[0] : Math.max(cols[0], cols[1]);
            if (r.length <= need || Double.isNaN(r[cols[0]]) || cols.length > 1 && Double.isNaN(r[cols[1]])) {
                throw new DataFormatException(file, "line " + lineNos.get(k), "has no value for " + channel + " (" + r.length
                        + " values; the header declares " + names.size() + " columns)");
            }
            v[k] = cols.length == 1 ? r[cols[0]] : channel.equals(FLUOR) ? r[cols[0]] / r[cols[1]] : Math.log(r[cols[0]] / r[cols[1]]);
        }
        return v;
    }

    /**
     * Edge contrast of a channel (see the class comment): {@code (median(last k) - median(first k)) / sigma};
     * +infinity for a noiseless rising channel, NaN-free (non-finite values count as no edge).
     */
    static double edgeContrast(double[] mu) {
        int n = mu.length;
        for (double m : mu) {
            if (!Double.isFinite(m)) {
                return Double.NEGATIVE_INFINITY;
            }
        }
        if (n < 6) {
            return mu[n - 1] - mu[0];
        }
        int k = Math.max(3, n / 10);
        double step = median(Arrays.copyOfRange(mu, n - k, n)) - median(Arrays.copyOfRange(mu, 0, k));
        double[] d2 = new double[n - 2];
        for (int i = 1; i < n - 1; i++) {
            d2[i - 1] = mu[i + 1] - 2 * mu[i] + mu[i - 1];
        }
        double med = median(d2.clone());
        double[] dev = new double[d2.length];
        for (int i = 0; i < d2.length; i++) {
            dev[i] = Math.abs(d2[i] - med);
        }
        double sigma = 1.4826 * median(dev) / Math.sqrt(6);
        if (sigma == 0) {
            return step > 0 ? Double.POSITIVE_INFINITY : step < 0 ? Double.NEGATIVE_INFINITY : 0;
        }
        return step / sigma;
    }

    private static double median(double[] v) {
        return new org.apache.commons.math3.stat.descriptive.rank.Median().evaluate(v);
    }

    private static SpectrumFile finish(Path file, String format, List<double[]> rows, List<Integer> lineNos, String eName,
                                       String mName, String note, List<String> avail, List<Inspection.Column> cols,
                                       double tolEv, String place) {
        if (rows.size() < 2) {
            throw new DataFormatException(file, null, "holds " + rows.size() + " data row(s); a spectrum needs at least 2");
        }
        int n = rows.size();
        double[] e = new double[n];
        double[] m = new double[n];
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            e[i] = rows.get(i)[0];
            m[i] = rows.get(i)[1];
            if (!Double.isFinite(e[i])) {
                throw new DataFormatException(file, place + " " + lineNos.get(i) + ", column '" + eName + "'", "energy is " + e[i]
                        + "; expected a finite number");
            }
            max = Math.max(max, e[i]);
        }
        String nt = note;
        double toFile = 1.0;
        if (max < Hdf5XanesStack.KEV_THRESHOLD) {
            for (int i = 0; i < n; i++) {
                e[i] *= 1000.0;
            }
            toFile = 1e-3;
            nt += String.format(Locale.ROOT, "; energies converted keV -> eV (largest value %.4f < 100 taken as keV)", max);
        } else {
            nt += "; energies in eV as stored";
        }
        // monochromator jitter: steps back within the tolerance are sorted, equal energies merged
        int back = 0;
        double worst = 0;
        double run = e[0];
        for (int i = 1; i < n; i++) {
            if (e[i] <= run) {
                double d = run - e[i];
                if (d > tolEv) {
                    throw new DataFormatException(file, place + " " + lineNos.get(i) + ", column '" + eName + "'", String.format(Locale.ROOT,
                            "energies must be increasing: %s is below the earlier %s (a step back of %.4g eV, more than the "
                            + "monochromator-jitter tolerance %.4g eV)", fmt(e[i] * toFile), fmt(run * toFile), d, tolEv));
                }
                back++;
                worst = Math.max(worst, d);
            }
            run = Math.max(run, e[i]);
        }
        List<String> warnings = new ArrayList<>();
        if (back > 0) {
            Integer[] order = new Integer[n];
            for (int i = 0; i < n; i++) {
                order[i] = i;
            }
            final double[] ef = e;
            Arrays.sort(order, (a, b) -> Double.compare(ef[a], ef[b]));
            List<Double> es = new ArrayList<>();
            List<Double> ms = new ArrayList<>();
            int merged = 0;
            for (int j = 0; j < n;) {
                int k = j;
                double sum = 0;
                while (k < n && e[order[k]] == e[order[j]]) {
                    sum += m[order[k]];
                    k++;
                }
                merged += k - j - 1;
                es.add(e[order[j]]);
                ms.add(sum / (k - j));
                j = k;
            }
            e = es.stream().mapToDouble(Double::doubleValue).toArray();
            m = ms.stream().mapToDouble(Double::doubleValue).toArray();
            warnings.add(String.format(Locale.ROOT, "%d point(s) stepped back in energy by at most %.4g eV (monochromator jitter, "
                    + "tolerance %.4g eV): points sorted by energy, %d duplicate energies merged (mu averaged); %d points remain",
                    back, worst, tolEv, merged, e.length));
            if (e.length < 2) {
                throw new DataFormatException(file, null, "holds " + e.length + " distinct energy after merging duplicates; a spectrum "
                        + "needs at least 2");
            }
        }
        return new SpectrumFile(file, format, e, m, eName, mName, nt, avail, cols, warnings);
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.4f", v).replaceAll("0+$", "").replaceAll("\\.$", "");
    }
}
