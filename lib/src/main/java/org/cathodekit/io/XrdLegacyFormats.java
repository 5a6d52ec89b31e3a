package org.cathodekit.io;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;

import org.cathodekit.core.DataFormatException;
import org.cathodekit.core.DiffractionPattern;
import org.cathodekit.core.DiffractionPattern.AxisUnit;
import org.cathodekit.core.XrdWavelength;

/** Rigaku .ras, Fit2D/pyFAI .chi and GSAS .fxye/.gsa/.gsas/.xra readers (see {@link PatternReader}). */
final class XrdLegacyFormats {
    private XrdLegacyFormats() {
    }

    static DiffractionPattern readRas(Path file) {
        TextFile tf = TextFile.read(file);
        List<String> notes = new ArrayList<>();
        double a1 = Double.NaN;
        double a2 = Double.NaN;
        double ratio = Double.NaN;
        String unitX = null;
        boolean inData = false;
        boolean done = false;
        int sections = 0;
        List<double[]> rows = new ArrayList<>();
        for (int i = 0; i < tf.size(); i++) {
            String t = tf.line(i).trim();
            int ln = i + 1;
            if (t.isEmpty()) {
                continue;
            }
            if (t.startsWith("*")) {
                String key = t.split("\\s+", 2)[0];
                String val = t.contains(" ") ? t.substring(t.indexOf(' ') + 1).trim().replace("\"", "") : "";
                switch (key) {
                    case "*RAS_DATA_START" -> sections++;
                    case "*RAS_INT_START" -> inData = !done;
                    case "*RAS_INT_END" -> {
                        if (inData) {
                            done = true;
                        }
                        inData = false;
                    }
                    case "*HW_XG_WAVE_LENGTH_ALPHA1" -> a1 = done ? a1 : rasNumber(file, ln, key, val);
                    case "*HW_XG_WAVE_LENGTH_ALPHA2" -> a2 = done ? a2 : rasNumber(file, ln, key, val);
                    case "*HW_XG_WAVE_LENGTH_RATIO", "*HW_XG_RATIO_ALPHA21" -> ratio = done ? ratio : rasNumber(file, ln, key, val);
                    case "*MEAS_SCAN_UNIT_X" -> unitX = done ? unitX : val;
                    default -> {
                    }
                }
                continue;
            }
            if (!inData) {
                continue;
            }
            List<String> f = Delimited.split(t, ' ');
            if (f.size() < 2) {
                throw new DataFormatException(file, "line " + ln, "expected '2theta counts [attenuation]', found '" + t + "'");
            }
            double x = Delimited.parseOrThrow(f.get(0), '.', file, ln, "2theta");
            double c = Delimited.parseOrThrow(f.get(1), '.', file, ln, "counts");
            double att = f.size() >= 3 ? Delimited.parseOrThrow(f.get(2), '.', file, ln, "attenuation") : 1.0;
            PatternReader.checkIntensity(file, "line " + ln, c);
            if (!(att > 0)) {
                throw new DataFormatException(file, "line " + ln, "attenuation factor " + att + "; expected > 0");
            }
            rows.add(new double[] {x, c * att, ln});
        }
        if (rows.isEmpty()) {
            throw new DataFormatException(file, null, "no data between *RAS_INT_START and *RAS_INT_END; expected a Rigaku RAS file");
        }
        if (sections > 1) {
            notes.add(sections + " data sections in the file; the first is read");
        }
        if (unitX != null && !unitX.equalsIgnoreCase("deg")) {
            throw new DataFormatException(file, "*MEAS_SCAN_UNIT_X", "unit '" + unitX + "'; expected deg");
        }
        notes.add("intensity = counts x attenuation (column 3)");
        double[] x = new double[rows.size()];
        double[] y = new double[rows.size()];
        double[] s = null;
        for (int i = 0; i < x.length; i++) {
            x[i] = rows.get(i)[0];
            y[i] = rows.get(i)[1];
            if (i > 0 && !(x[i] > x[i - 1])) {
                throw new DataFormatException(file, "line " + (int) rows.get(i)[2], "2theta " + x[i]
                        + " is not greater than the previous " + x[i - 1] + "; expected a strictly increasing scan");
            }
        }
        XrdWavelength wl = null;
        if (Double.isFinite(a1)) {
            if (Double.isFinite(a2) && a2 > a1) {
                if (Double.isNaN(ratio)) {
                    ratio = XrdWavelength.CU_RATIO;
                    notes.add("K-alpha2/K-alpha1 ratio not in the file: conventional 0.5 used");
                }
                wl = PatternReader.statedWavelength(file, "*HW_XG_WAVE_LENGTH_ALPHA1/ALPHA2", a1, a2, ratio,
                        "file: *HW_XG_WAVE_LENGTH_ALPHA1/ALPHA2");
            } else {
                wl = PatternReader.statedWavelength(file, "*HW_XG_WAVE_LENGTH_ALPHA1", a1, Double.NaN, 0.0, "file: *HW_XG_WAVE_LENGTH_ALPHA1");
            }
        } else {
            notes.add("no *HW_XG_WAVE_LENGTH_ALPHA1 in the file: wavelength must be supplied");
        }
        return PatternReader.build(file, "ras", x, AxisUnit.TWO_THETA_DEG, y, s, "counts", wl, notes);
    }

    private static double rasNumber(Path file, int ln, String key, String val) {
        double v = Delimited.parse(val, '.');
        if (!Double.isFinite(v)) {
            throw new DataFormatException(file, "line " + ln + " (" + key + ")", "expected a number, found '" + val + "'");
        }
        return v;
    }

    // ------------------------------------------------------------------ chi

    static DiffractionPattern readChi(Path file) {
        TextFile tf = TextFile.read(file);
        if (tf.size() < 5) {
            throw new DataFormatException(file, null, "only " + tf.size()
                    + " lines; expected a Fit2D .chi file: title, x label, y label, point count, then data rows");
        }
        List<String> notes = new ArrayList<>();
        String xLabel = tf.line(1).trim();
        AxisUnit unit = PatternReader.axisUnitFromLabel(xLabel);
        if (unit == null) {
            throw new DataFormatException(file, "line 2", "x-axis label '" + xLabel
                    + "' names neither 2-theta (degrees) nor Q (1/nm or 1/A)");
        }
        notes.add("axis " + unit + " from label '" + xLabel + "'");
        int declared;
        try {
            declared = Integer.parseInt(tf.line(3).trim());
        } catch (NumberFormatException e) {
            throw new DataFormatException(file, "line 4", "expected the number of points, found '" + tf.line(3).trim() + "'");
        }
        List<double[]> rows = new ArrayList<>();
        boolean hasSigma = false;
        for (int i = 4; i < tf.size(); i++) {
            String t = tf.line(i).trim();
            if (t.isEmpty()) {
                continue;
            }
            int ln = i + 1;
            List<String> f = Delimited.split(t, ' ');
            if (f.size() < 2) {
                throw new DataFormatException(file, "line " + ln, "expected 'x intensity [sigma]', found '" + t + "'");
            }
            double x = Delimited.parseOrThrow(f.get(0), '.', file, ln, "x");
            double y = Delimited.parseOrThrow(f.get(1), '.', file, ln, "intensity");
            PatternReader.checkIntensity(file, "line " + ln, y);
            double s = f.size() >= 3 ? Delimited.parseOrThrow(f.get(2), '.', file, ln, "sigma") : Double.NaN;
            hasSigma |= f.size() >= 3;
            if (!rows.isEmpty() && !(x > rows.get(rows.size() - 1)[0])) {
                throw new DataFormatException(file, "line " + ln, "x " + x + " is not greater than the previous value; expected a strictly increasing axis");
            }
            rows.add(new double[] {x, y, s});
        }
        if (rows.size() != declared) {
            throw new DataFormatException(file, "line 4", "declares " + declared + " points but " + rows.size()
                    + " data rows follow (file truncated?)");
        }
        double[] x = new double[rows.size()];
        double[] y = new double[rows.size()];
        double[] s = hasSigma ? new double[rows.size()] : null;
        for (int i = 0; i < x.length; i++) {
            x[i] = rows.get(i)[0];
            y[i] = rows.get(i)[1];
            if (s != null) {
                s[i] = rows.get(i)[2];
            }
        }
        XrdWavelength wl = null;
        Matcher m = PatternReader.WAVELENGTH_COMMENT.matcher(tf.line(0));
        if (m.find()) {
            wl = PatternReader.statedWavelength(file, "line 1 (title)", Double.parseDouble(m.group(1)), Double.NaN, 0.0, "file: title line");
        }
        return PatternReader.build(file, "chi", x, unit, y, s, "counts", wl, notes);
    }

    // ------------------------------------------------------------------ GSAS

    static DiffractionPattern readGsas(Path file) {
        TextFile tf = TextFile.read(file);
        List<String> notes = new ArrayList<>();
        XrdWavelength wl = null;
        int bank = -1;
        for (int i = 0; i < tf.size(); i++) {
            String t = tf.line(i).trim();
            if (t.startsWith("BANK")) {
                bank = i;
                break;
            }
            Matcher m = PatternReader.WAVELENGTH_COMMENT.matcher(t);
            if (wl == null && m.find()) {
                wl = PatternReader.statedWavelength(file, "line " + (i + 1), Double.parseDouble(m.group(1)), Double.NaN, 0.0,
                        "file: line " + (i + 1));
            }
        }
        if (bank < 0) {
            throw new DataFormatException(file, null, "no BANK line; expected a GSAS powder data file");
        }
        String[] b = tf.line(bank).trim().split("\\s+");
        int bl = bank + 1;
        if (b.length < 7 || !(b[4].equalsIgnoreCase("CONS") || b[4].equalsIgnoreCase("CONST"))) {
            throw new DataFormatException(file, "line " + bl, "expected 'BANK n nchan nrec CONS|CONST start step 0 0 FXYE|ESD|STD' "
                    + "(constant-wavelength steps in centidegrees), found '" + tf.line(bank).trim() + "'");
        }
        int nchan;
        double start;
        double step;
        try {
            nchan = Integer.parseInt(b[2]);
            start = Double.parseDouble(b[5]);
            step = Double.parseDouble(b[6]);
        } catch (NumberFormatException e) {
            throw new DataFormatException(file, "line " + bl, "BANK line fields nchan/start/step are not numbers: '" + tf.line(bank).trim() + "'");
        }
        String type = b[b.length - 1].toUpperCase(Locale.ROOT);
        if (!(type.equals("FXYE") || type.equals("ESD") || type.equals("STD"))) {
            type = "STD";
            notes.add("no data type on the BANK line: STD assumed (GSAS default)");
        }
        double[] x = new double[nchan];
        double[] y = new double[nchan];
        double[] s = type.equals("STD") ? null : new double[nchan];
        int k = 0;
        for (int i = bank + 1; i < tf.size() && k < nchan; i++) {
            String line = tf.line(i);
            int ln = i + 1;
            if (line.isBlank() || line.trim().startsWith("#")) {
                continue;
            }
            if (line.trim().startsWith("BANK")) {
                notes.add("more than one BANK; the first is read");
                break;
            }
            switch (type) {
                case "FXYE" -> {
                    List<String> f = Delimited.split(line, ' ');
                    if (f.size() < 3) {
                        throw new DataFormatException(file, "line " + ln, "expected 'x(centideg) y esd' (FXYE), found '" + line.trim() + "'");
                    }
                    x[k] = Delimited.parseOrThrow(f.get(0), '.', file, ln, "2theta (centideg)") / 100.0;
                    y[k] = Delimited.parseOrThrow(f.get(1), '.', file, ln, "intensity");
                    s[k] = Delimited.parseOrThrow(f.get(2), '.', file, ln, "esd");
                    PatternReader.checkIntensity(file, "line " + ln, y[k]);
                    k++;
                }
                case "ESD" -> {
                    for (int c = 0; c + 16 <= Math.max(line.length(), 16) && k < nchan && c < 80; c += 16) {
                        String fy = field(line, c, 8);
                        String fe = field(line, c + 8, 8);
                        if (fy.isBlank()) {
                            break;
                        }
                        y[k] = Delimited.parseOrThrow(fy, '.', file, ln, "intensity (field " + (c / 16 + 1) + ")");
                        s[k] = Delimited.parseOrThrow(fe, '.', file, ln, "esd (field " + (c / 16 + 1) + ")");
                        PatternReader.checkIntensity(file, "line " + ln, y[k]);
                        x[k] = (start + k * step) / 100.0;
                        k++;
                    }
                }
                default -> {
                    for (int c = 0; c < 80 && k < nchan; c += 8) {
                        String fy = field(line, c + 2, 6);
                        if (fy.isBlank()) {
                            break;
                        }
                        y[k] = Delimited.parseOrThrow(fy, '.', file, ln, "intensity (field " + (c / 8 + 1) + ")");
                        PatternReader.checkIntensity(file, "line " + ln, y[k]);
                        x[k] = (start + k * step) / 100.0;
                        k++;
                    }
                }
            }
        }
        if (k != nchan) {
            throw new DataFormatException(file, "BANK line " + bl, "declares " + nchan + " points but only " + k + " were found (file truncated?)");
        }
        notes.add("GSAS " + type + ": 2-theta = (" + start + " + i x " + step + ") centidegrees / 100");
        if (wl == null) {
            notes.add("GSAS data files do not carry the wavelength (it is in the instrument parameter file): supply it");
        }
        return PatternReader.build(file, "gsas-" + type.toLowerCase(Locale.ROOT), x, AxisUnit.TWO_THETA_DEG, y, s, "counts", wl, notes);
    }

    private static String field(String line, int from, int width) {
        if (from >= line.length()) {
            return "";
        }
        return line.substring(from, Math.min(line.length(), from + width));
    }
}
