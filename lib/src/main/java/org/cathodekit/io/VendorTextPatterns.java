package org.cathodekit.io;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.cathodekit.core.DataFormatException;
import org.cathodekit.core.DiffractionPattern;
import org.cathodekit.core.DiffractionPattern.AxisUnit;
import org.cathodekit.core.XrdWavelength;

/**
 * Vendor text exports whose header is a key/value block:
 *
 * <ul>
 *   <li>Rigaku {@code .asc} (RINT/PDXL "ASC"): lines {@code *KEY = value}; {@code *START},
 *       {@code *STOP}, {@code *STEP}, {@code *COUNT} (points) define the 2-theta grid, then
 *       comma-separated counts (several per line) until the next {@code *} line; {@code *WAVE_LENGTH1}
 *       / {@code *WAVE_LENGTH2} (Angstrom). The first block ({@code *BEGIN ... *END}) is read.</li>
 *   <li>PANalytical (X'Pert Data Collector / HighScore) CSV export: {@code [Measurement conditions]}
 *       then {@code key,value} lines ({@code K-Alpha1 wavelength}, {@code K-Alpha2 wavelength},
 *       {@code Ratio K-Alpha2/K-Alpha1}, Angstrom), then {@code [Scan points]}, a header
 *       ({@code Angle,Intensity} or {@code Angle,Counts}, optionally {@code ESD}) and the rows. The
 *       intensities are taken as counts when the header or the conditions say {@code Counts}.</li>
 * </ul>
 */
final class VendorTextPatterns {
    private VendorTextPatterns() {
    }

    /** @return whether the first non-blank line opens a PANalytical CSV export. */
    static boolean isPanalyticalCsv(TextFile tf) {
        for (int i = 0; i < Math.min(tf.size(), 5); i++) {
            String t = tf.line(i).trim();
            if (!t.isEmpty()) {
                return t.toLowerCase(Locale.ROOT).startsWith("[measurement conditions]");
            }
        }
        return false;
    }

    static DiffractionPattern readRigakuAsc(Path file) {
        TextFile tf = TextFile.read(file);
        Map<String, String> keys = new LinkedHashMap<>();
        Map<String, Integer> keyLine = new LinkedHashMap<>();
        List<Double> counts = new ArrayList<>();
        boolean blockDone = false;
        int blocks = 0;
        int firstData = -1;
        for (int i = 0; i < tf.size(); i++) {
            String t = tf.line(i).trim();
            int ln = i + 1;
            if (t.isEmpty()) {
                continue;
            }
            if (t.startsWith("*")) {
                String k = t.substring(1).split("[\\s=]", 2)[0].toUpperCase(Locale.ROOT);
                if (k.equals("BEGIN")) {
                    blocks++;
                }
                if (!counts.isEmpty() || k.equals("END")) {
                    blockDone |= !counts.isEmpty();
                }
                if (!blockDone && t.contains("=")) {
                    keys.put(k, t.substring(t.indexOf('=') + 1).trim());
                    keyLine.put(k, ln);
                }
                continue;
            }
            if (blockDone) {
                continue;
            }
            if (firstData < 0) {
                firstData = ln;
            }
            for (String f : t.split("[,\\s]+")) {
                if (f.isEmpty()) {
                    continue;
                }
                double v = Delimited.parseOrThrow(f, '.', file, ln, "counts");
                PatternReader.checkIntensity(file, "line " + ln, v);
                counts.add(v);
            }
        }
        double start = ascNumber(file, keys, keyLine, "START");
        double step = ascNumber(file, keys, keyLine, "STEP");
        if (counts.isEmpty()) {
            throw new DataFormatException(file, null, "no count rows after the *START/*STEP header; expected a Rigaku ASC file");
        }
        if (!(step > 0)) {
            throw new DataFormatException(file, "line " + keyLine.get("STEP") + " (*STEP)", "step " + step + "; expected > 0");
        }
        List<String> notes = new ArrayList<>();
        notes.add("Rigaku ASC: 2-theta = *START + i x *STEP");
        if (keys.containsKey("COUNT")) {
            int declared = (int) ascNumber(file, keys, keyLine, "COUNT");
            if (declared != counts.size()) {
                throw new DataFormatException(file, "line " + keyLine.get("COUNT") + " (*COUNT)", "declares " + declared + " points but "
                        + counts.size() + " values follow from line " + firstData + " (file truncated?)");
            }
        }
        if (blocks > 1) {
            notes.add(blocks + " blocks (*BEGIN) in the file; the first is read");
        }
        double[] x = new double[counts.size()];
        double[] y = new double[counts.size()];
        for (int i = 0; i < x.length; i++) {
            x[i] = start + i * step;
            y[i] = counts.get(i);
        }
        XrdWavelength wl = null;
        if (keys.containsKey("WAVE_LENGTH1")) {
            double a1 = ascNumber(file, keys, keyLine, "WAVE_LENGTH1");
            double a2 = keys.containsKey("WAVE_LENGTH2") ? ascNumber(file, keys, keyLine, "WAVE_LENGTH2") : Double.NaN;
            boolean doublet = a2 > a1;
            wl = PatternReader.statedWavelength(file, "line " + keyLine.get("WAVE_LENGTH1") + " (*WAVE_LENGTH1)", a1,
                    doublet ? a2 : Double.NaN, doublet ? XrdWavelength.CU_RATIO : 0.0, "file: *WAVE_LENGTH1/2");
            if (doublet) {
                notes.add("K-alpha2/K-alpha1 ratio not written by Rigaku: conventional 0.5 used");
            }
        } else {
            notes.add("no *WAVE_LENGTH1 in the file: wavelength must be supplied");
        }
        return PatternReader.build(file, "rigaku-asc", x, AxisUnit.TWO_THETA_DEG, y, null, "counts", wl, notes);
    }

    private static double ascNumber(Path file, Map<String, String> keys, Map<String, Integer> lines, String key) {
        String v = keys.get(key);
        if (v == null) {
            throw new DataFormatException(file, "*" + key, "missing; expected a Rigaku ASC header with *START, *STEP and *COUNT");
        }
        double d = Delimited.parse(v.split("\\s+")[0], '.');
        if (!Double.isFinite(d)) {
            throw new DataFormatException(file, "line " + lines.get(key) + " (*" + key + ")", "expected a number, found '" + v + "'");
        }
        return d;
    }

    static DiffractionPattern readPanalyticalCsv(Path file) {
        TextFile tf = TextFile.read(file);
        Map<String, String> cond = new LinkedHashMap<>();
        Map<String, Integer> condLine = new LinkedHashMap<>();
        int scan = -1;
        for (int i = 0; i < tf.size(); i++) {
            String t = tf.line(i).trim();
            if (t.toLowerCase(Locale.ROOT).startsWith("[scan points]")) {
                scan = i;
                break;
            }
            int c = t.indexOf(',') >= 0 ? t.indexOf(',') : t.indexOf(';');
            if (c > 0) {
                cond.put(t.substring(0, c).trim().toLowerCase(Locale.ROOT), t.substring(c + 1).trim());
                condLine.put(t.substring(0, c).trim().toLowerCase(Locale.ROOT), i + 1);
            }
        }
        if (scan < 0) {
            throw new DataFormatException(file, null, "no [Scan points] section; expected a PANalytical CSV export"
                    + " ([Measurement conditions] ... [Scan points])");
        }
        int h = scan + 1;
        while (h < tf.size() && tf.line(h).isBlank()) {
            h++;
        }
        if (h >= tf.size()) {
            throw new DataFormatException(file, "line " + (scan + 1) + " ([Scan points])", "no header or rows follow");
        }
        String header = tf.line(h).trim();
        List<String> sample = new ArrayList<>();
        List<Integer> rows = new ArrayList<>();
        for (int i = h + 1; i < tf.size(); i++) {
            if (!tf.line(i).isBlank()) {
                rows.add(i);
                if (sample.size() < 50) {
                    sample.add(tf.line(i));
                }
            }
        }
        if (rows.isEmpty()) {
            throw new DataFormatException(file, "line " + (h + 1) + " (header '" + header + "')", "no scan rows follow");
        }
        Delimited.Dialect d = Delimited.detect(sample);
        List<String> cols = Delimited.split(header, d.delimiter());
        int ix = -1;
        int iy = -1;
        int ie = -1;
        for (int k = 0; k < cols.size(); k++) {
            String c = cols.get(k).toLowerCase(Locale.ROOT);
            if (ix < 0 && (c.startsWith("angle") || c.contains("2theta") || c.contains("pos"))) {
                ix = k;
            } else if (iy < 0 && (c.startsWith("intensit") || c.startsWith("count"))) {
                iy = k;
            } else if (ie < 0 && (c.startsWith("esd") || c.contains("error"))) {
                ie = k;
            }
        }
        if (ix < 0 || iy < 0) {
            throw new DataFormatException(file, "line " + (h + 1) + " ([Scan points] header)", "'" + header
                    + "' names no Angle and Intensity/Counts column");
        }
        List<String> notes = new ArrayList<>();
        notes.add("PANalytical CSV: columns '" + cols.get(ix) + "' (2-theta, deg) and '" + cols.get(iy) + "'; " + d.describe());
        int n = rows.size();
        double[] x = new double[n];
        double[] y = new double[n];
        double[] s = ie >= 0 ? new double[n] : null;
        for (int k = 0; k < n; k++) {
            int ln = rows.get(k) + 1;
            List<String> f = Delimited.split(tf.line(ln - 1), d.delimiter());
            int need = Math.max(ix, Math.max(iy, ie)) + 1;
            if (f.size() < need) {
                throw new DataFormatException(file, "line " + ln, "expected " + need + " fields like the header '" + header + "', found " + f.size());
            }
            x[k] = Delimited.parseOrThrow(f.get(ix), d.decimal(), file, ln, cols.get(ix));
            y[k] = Delimited.parseOrThrow(f.get(iy), d.decimal(), file, ln, cols.get(iy));
            PatternReader.checkIntensity(file, "line " + ln, y[k]);
            if (s != null) {
                s[k] = Delimited.parseOrThrow(f.get(ie), d.decimal(), file, ln, cols.get(ie));
            }
            if (k > 0 && !(x[k] > x[k - 1])) {
                throw new DataFormatException(file, "line " + ln, "angle " + x[k] + " is not greater than the previous " + x[k - 1]
                        + "; expected a strictly increasing scan");
            }
        }
        boolean counts = cols.get(iy).toLowerCase(Locale.ROOT).startsWith("count")
                || cond.entrySet().stream().anyMatch(e -> e.getKey().startsWith("intensit") && e.getValue().toLowerCase(Locale.ROOT).contains("count"));
        XrdWavelength wl = null;
        String k1 = "k-alpha1 wavelength";
        if (cond.containsKey(k1)) {
            double a1 = condNumber(file, cond, condLine, k1);
            double a2 = cond.containsKey("k-alpha2 wavelength") ? condNumber(file, cond, condLine, "k-alpha2 wavelength") : Double.NaN;
            double r = cond.containsKey("ratio k-alpha2/k-alpha1") ? condNumber(file, cond, condLine, "ratio k-alpha2/k-alpha1") : Double.NaN;
            boolean doublet = a2 > a1 && r > 0;
            wl = PatternReader.statedWavelength(file, "line " + condLine.get(k1) + " (K-Alpha1 wavelength)", a1, doublet ? a2 : Double.NaN,
                    doublet ? r : 0.0, "file: [Measurement conditions] K-Alpha1/K-Alpha2 wavelength, ratio");
        } else {
            notes.add("no 'K-Alpha1 wavelength' in [Measurement conditions]: wavelength must be supplied");
        }
        return PatternReader.build(file, "panalytical-csv", x, AxisUnit.TWO_THETA_DEG, y, s, counts ? "counts" : "arb.", wl, notes);
    }

    private static double condNumber(Path file, Map<String, String> cond, Map<String, Integer> lines, String key) {
        String v = cond.get(key).replace("\"", "").trim();
        double d = Delimited.parse(v.split("[,;\\s]+")[0], '.');
        if (!Double.isFinite(d)) {
            throw new DataFormatException(file, "line " + lines.get(key) + " (" + key + ")", "expected a number, found '" + v + "'");
        }
        return d;
    }
}
