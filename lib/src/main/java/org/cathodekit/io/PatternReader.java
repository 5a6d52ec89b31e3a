package org.cathodekit.io;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import org.cathodekit.core.DataFormatException;
import org.cathodekit.io.DiffractionPattern.AxisUnit;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * Reads powder diffraction patterns. The format is chosen by the file extension:
 *
 * <ul>
 *   <li>{@code .xy .xye .dat .csv .txt}: 2-3 numeric columns (2-theta or Q, intensity, optional
 *       sigma); comment lines start with {@code #}, {@code !} or {@code '}; delimiter and decimal
 *       comma detected by {@link Delimited}; an optional header row or last comment row names the
 *       axis ({@code 2th_deg}, {@code q_nm^-1}, {@code q_A^-1}, {@code Q (1/A)}); a comment
 *       {@code wavelength = 1.5406} (Angstrom) sets the radiation, with K-alpha2 when the same line
 *       says {@code K-alpha2 1.544427 ... ratio 0.5}.</li>
 *   <li>{@code .xrdml} (PANalytical): first scan; 2-theta from {@code startPosition}/{@code endPosition}
 *       or {@code listPositions}; {@code intensities} or {@code counts} (unit counts or cps);
 *       {@code beamAttenuationFactors} applied; K-alpha1, K-alpha2 and their ratio from
 *       {@code usedWavelength}.</li>
 *   <li>{@code .ras} (Rigaku): intensity = counts x attenuation (third column);
 *       {@code *HW_XG_WAVE_LENGTH_ALPHA1/ALPHA2}; the K-alpha2 ratio is not written by Rigaku, so
 *       the conventional 0.5 is used and said so in the notes.</li>
 *   <li>{@code .chi} (Fit2D/pyFAI): 4 header lines (title, x label, y label, point count); the x
 *       label decides 2-theta (deg) or Q (1/nm or 1/A).</li>
 *   <li>{@code .fxye .gsa .gsas .raw} (GSAS): {@code BANK} line with {@code CONS start step}
 *       (constant-wavelength steps in centidegrees) and data type {@code FXYE}, {@code ESD} or
 *       {@code STD}.</li>
 * </ul>
 *
 * <p>Every problem is a {@link DataFormatException} naming the file, the line and what was
 * expected; negative or non-finite intensities are rejected. The file is never modified.
 */
public final class PatternReader {
    private PatternReader() {
    }

    private static final Pattern WAVELENGTH_COMMENT = Pattern.compile(
            "(?i)(?:wave\\s*length|lambda|wavelength1|alpha1)[^0-9]{0,20}?([0-9]+\\.[0-9]+)");

    private static final Pattern KALPHA2_COMMENT = Pattern.compile("(?i)k-?alpha-?2[^0-9]{0,10}([0-9]+\\.[0-9]+)");
    private static final Pattern RATIO_COMMENT = Pattern.compile("(?i)ratio[^0-9]{0,10}([0-9]*\\.[0-9]+)");

    /** Reads a pattern, format by extension (see class doc). */
    public static DiffractionPattern read(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        String ext = name.contains(".") ? name.substring(name.lastIndexOf('.') + 1) : "";
        return switch (ext) {
            case "xy", "xye", "dat", "csv", "txt" -> readColumns(file, ext);
            case "xrdml" -> readXrdml(file);
            case "ras" -> readRas(file);
            case "chi" -> readChi(file);
            case "fxye", "gsa", "gsas", "raw" -> readGsas(file);
            default -> throw new DataFormatException(file, null, "unknown diffraction pattern extension '." + ext
                    + "'; expected .xy, .xye, .dat, .csv, .txt, .xrdml, .ras, .chi, .fxye or .gsa");
        };
    }

    /** Reads a pattern and sets the radiation when the file does not state it. */
    public static DiffractionPattern read(Path file, XrdWavelength ifAbsent) {
        DiffractionPattern p = read(file);
        return p.wavelength().isPresent() || ifAbsent == null ? p : p.withWavelength(ifAbsent);
    }

    // ------------------------------------------------------------------ columns

    static DiffractionPattern readColumns(Path file, String ext) {
        TextFile tf = TextFile.read(file);
        List<String> notes = new ArrayList<>();
        XrdWavelength wl = null;
        AxisUnit unit = null;
        String lastComment = null;
        List<Integer> dataLines = new ArrayList<>();
        String header = null;
        for (int i = 0; i < tf.size(); i++) {
            String t = tf.line(i).trim();
            if (t.isEmpty()) {
                continue;
            }
            char c0 = t.charAt(0);
            if (c0 == '#' || c0 == '!' || c0 == '\'') {
                lastComment = t.substring(1).trim();
                if (wl == null) {
                    Matcher m = WAVELENGTH_COMMENT.matcher(t);
                    if (m.find()) {
                        double v = Double.parseDouble(m.group(1));
                        boolean nm = t.toLowerCase(Locale.ROOT).matches(".*\\bnm\\b.*") && v < 0.5;
                        double a = nm ? v * 10 : v;
                        Matcher k2 = KALPHA2_COMMENT.matcher(t);
                        Matcher ra = RATIO_COMMENT.matcher(t);
                        if (k2.find() && ra.find()) {
                            wl = new XrdWavelength(a, Double.parseDouble(k2.group(1)), Double.parseDouble(ra.group(1)),
                                    "file: comment line " + (i + 1));
                        } else {
                            wl = XrdWavelength.monochromatic(a, "file: comment line " + (i + 1));
                        }
                        notes.add("radiation " + wl.describe());
                    }
                }
                continue;
            }
            if (dataLines.isEmpty() && header == null && t.matches(".*[A-DF-Za-df-z].*")) {
                header = t;
                continue;
            }
            dataLines.add(i);
        }
        if (dataLines.isEmpty()) {
            throw new DataFormatException(file, null, "no numeric data rows found; expected 2-3 columns (2-theta, intensity[, sigma])");
        }
        String axisLabel = header != null ? header : lastComment;
        if (axisLabel != null) {
            unit = axisUnitFromLabel(axisLabel);
        }
        if (unit == null) {
            unit = AxisUnit.TWO_THETA_DEG;
            notes.add("axis taken as 2-theta in degrees (no header names it otherwise)");
        } else {
            notes.add("axis " + unit + " from header '" + axisLabel + "'");
        }
        List<String> sample = new ArrayList<>();
        for (int k = 0; k < Math.min(50, dataLines.size()); k++) {
            sample.add(tf.line(dataLines.get(k)));
        }
        Delimited.Dialect d = Delimited.detect(sample);
        notes.add("layout: " + d.describe());
        int n = dataLines.size();
        double[] x = new double[n];
        double[] y = new double[n];
        double[] s = null;
        int cols = -1;
        for (int k = 0; k < n; k++) {
            int ln = dataLines.get(k) + 1;
            List<String> f = Delimited.split(tf.line(ln - 1), d.delimiter());
            if (cols < 0) {
                cols = Math.min(3, f.size());
                if (cols < 2) {
                    throw new DataFormatException(file, "line " + ln, "expected 2-3 columns (2-theta, intensity[, sigma]), found "
                            + f.size() + " field(s) with " + d.describe());
                }
                if (cols == 3) {
                    s = new double[n];
                }
            }
            if (f.size() < cols) {
                throw new DataFormatException(file, "line " + ln, "expected " + cols + " columns like the first data row, found " + f.size());
            }
            x[k] = Delimited.parseOrThrow(f.get(0), d.decimal(), file, ln, "axis");
            y[k] = Delimited.parseOrThrow(f.get(1), d.decimal(), file, ln, "intensity");
            checkIntensity(file, "line " + ln, y[k]);
            if (k > 0 && !(x[k] > x[k - 1])) {
                throw new DataFormatException(file, "line " + ln, "axis value " + x[k] + " is not greater than the previous "
                        + x[k - 1] + "; expected a strictly increasing scan");
            }
            if (s != null) {
                s[k] = Delimited.parseOrThrow(f.get(2), d.decimal(), file, ln, "sigma");
                if (!(s[k] >= 0)) {
                    throw new DataFormatException(file, "line " + ln, "sigma " + s[k] + " is negative; expected a standard deviation >= 0");
                }
            }
        }
        return build(file, ext, x, unit, y, s, "counts", wl, notes);
    }

    static AxisUnit axisUnitFromLabel(String label) {
        String l = label.toLowerCase(Locale.ROOT).replace(" ", "");
        if (l.startsWith("q") || l.contains("q(") || l.contains("q_") || l.contains("q[") || l.contains("q/")) {
            if (l.contains("nm")) {
                return AxisUnit.Q_PER_NM;
            }
            if (l.contains("a^-1") || l.contains("1/a") || l.contains("å") || l.contains("a-1") || l.contains("ang")) {
                return AxisUnit.Q_PER_A;
            }
            return null;
        }
        if (l.contains("2th") || l.contains("2theta") || l.contains("2-theta") || l.contains("twotheta") || l.contains("angle")) {
            return AxisUnit.TWO_THETA_DEG;
        }
        return null;
    }

    private static void checkIntensity(Path file, String where, double v) {
        if (!Double.isFinite(v)) {
            throw new DataFormatException(file, where, "intensity is " + v + "; expected a finite count");
        }
        if (v < 0) {
            throw new DataFormatException(file, where, "negative intensity " + v
                    + "; expected counts >= 0 (background-subtracted data are not accepted: fit the raw pattern)");
        }
    }

    private static DiffractionPattern build(Path file, String format, double[] x, AxisUnit unit, double[] y, double[] s,
            String yUnit, XrdWavelength wl, List<String> notes) {
        try {
            return new DiffractionPattern(file, format, x, unit, y, s, yUnit, wl, notes);
        } catch (DataFormatException e) {
            throw e;
        } catch (IllegalArgumentException e) {
            throw new DataFormatException(file, null, e.getMessage());
        }
    }

    // ------------------------------------------------------------------ xrdml

    static DiffractionPattern readXrdml(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new DataFormatException(file, null, "file not found");
        } catch (IOException e) {
            throw new DataFormatException(file, null, "cannot read file: " + e.getMessage(), e);
        }
        Document doc;
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setExpandEntityReferences(false);
            DocumentBuilder b = f.newDocumentBuilder();
            b.setErrorHandler(null);
            doc = b.parse(new ByteArrayInputStream(bytes));
        } catch (SAXParseException e) {
            throw new DataFormatException(file, "line " + e.getLineNumber() + ", column " + e.getColumnNumber(),
                    "malformed XML: " + e.getMessage() + " (expected a PANalytical XRDML document)", e);
        } catch (SAXException | IOException | ParserConfigurationException e) {
            throw new DataFormatException(file, null, "malformed XML: " + e.getMessage(), e);
        }
        List<String> notes = new ArrayList<>();
        Element root = doc.getDocumentElement();
        if (!"xrdMeasurements".equals(root.getLocalName())) {
            throw new DataFormatException(file, "root element <" + root.getLocalName() + ">",
                    "expected <xrdMeasurements> (PANalytical XRDML)");
        }
        XrdWavelength wl = null;
        Element used = first(root, "usedWavelength");
        if (used != null) {
            double a1 = number(file, first(used, "kAlpha1"), "usedWavelength/kAlpha1");
            Element k2 = first(used, "kAlpha2");
            Element r = first(used, "ratioKAlpha2KAlpha1");
            String intended = used.getAttribute("intended");
            double a2 = k2 == null ? Double.NaN : number(file, k2, "usedWavelength/kAlpha2");
            double ratio = r == null ? 0.0 : number(file, r, "usedWavelength/ratioKAlpha2KAlpha1");
            if (intended != null && intended.toLowerCase(Locale.ROOT).contains("alpha 1") && !intended.contains("2")) {
                // a K-alpha1-only (monochromated) measurement still lists kAlpha2; intended says what reached the sample
                notes.add("usedWavelength intended='" + intended + "': treated as monochromatic K-alpha1");
                ratio = 0.0;
            }
            wl = new XrdWavelength(a1, a2, ratio, "file: usedWavelength");
        } else {
            notes.add("no <usedWavelength> in the file: wavelength must be supplied");
        }
        NodeList scans = root.getElementsByTagNameNS("*", "scan");
        if (scans.getLength() == 0) {
            throw new DataFormatException(file, "<xrdMeasurement>", "no <scan> element; expected at least one scan");
        }
        if (scans.getLength() > 1) {
            notes.add(scans.getLength() + " scans in the file; the first is read");
        }
        Element scan = (Element) scans.item(0);
        Element dp = first(scan, "dataPoints");
        if (dp == null) {
            throw new DataFormatException(file, "<scan> 1", "no <dataPoints>");
        }
        Element intens = first(dp, "intensities");
        String yUnit = "counts";
        if (intens == null) {
            intens = first(dp, "counts");
        }
        if (intens == null) {
            throw new DataFormatException(file, "<scan> 1 <dataPoints>", "no <intensities> or <counts> element");
        }
        if (!intens.getAttribute("unit").isEmpty()) {
            yUnit = intens.getAttribute("unit");
        }
        double[] y = numbers(file, intens, "dataPoints/" + intens.getLocalName());
        for (int i = 0; i < y.length; i++) {
            checkIntensity(file, "<" + intens.getLocalName() + "> value " + (i + 1), y[i]);
        }
        Element att = first(dp, "beamAttenuationFactors");
        if (att != null) {
            double[] a = numbers(file, att, "dataPoints/beamAttenuationFactors");
            if (a.length != y.length) {
                throw new DataFormatException(file, "<beamAttenuationFactors>", a.length + " values but " + y.length + " intensities");
            }
            boolean any = false;
            for (int i = 0; i < y.length; i++) {
                any |= a[i] != 1.0;
                y[i] *= a[i];
            }
            if (any) {
                notes.add("intensities multiplied by beamAttenuationFactors");
            }
        }
        Element pos = null;
        NodeList ps = dp.getElementsByTagNameNS("*", "positions");
        for (int i = 0; i < ps.getLength(); i++) {
            Element e = (Element) ps.item(i);
            String axis = e.getAttribute("axis");
            if (axis.equalsIgnoreCase("2Theta")) {
                pos = e;
            }
        }
        if (pos == null) {
            throw new DataFormatException(file, "<dataPoints>", "no <positions axis=\"2Theta\">; expected a 2-theta scan");
        }
        String pu = pos.getAttribute("unit");
        if (!pu.isEmpty() && !pu.equalsIgnoreCase("deg")) {
            throw new DataFormatException(file, "<positions axis=\"2Theta\">", "unit '" + pu + "'; expected deg");
        }
        double[] x;
        Element list = first(pos, "listPositions");
        if (list != null) {
            x = numbers(file, list, "positions/listPositions");
            if (x.length != y.length) {
                throw new DataFormatException(file, "<listPositions>", x.length + " positions but " + y.length + " intensities");
            }
        } else {
            double start = number(file, first(pos, "startPosition"), "positions/startPosition");
            double end = number(file, first(pos, "endPosition"), "positions/endPosition");
            if (y.length < 2) {
                throw new DataFormatException(file, "<intensities>", "fewer than 2 values");
            }
            x = new double[y.length];
            for (int i = 0; i < y.length; i++) {
                x[i] = start + (end - start) * i / (y.length - 1);
            }
            notes.add("2-theta from startPosition " + start + " to endPosition " + end + " in " + y.length + " points");
        }
        double[] s = null;
        if (yUnit.equalsIgnoreCase("counts")) {
            s = new double[y.length];
            for (int i = 0; i < y.length; i++) {
                s[i] = Math.sqrt(Math.max(y[i], 1.0));
            }
            notes.add("sigma = sqrt(counts) (Poisson)");
        }
        return build(file, "xrdml", x, AxisUnit.TWO_THETA_DEG, y, s, yUnit, wl, notes);
    }

    private static Element first(Element parent, String localName) {
        NodeList l = parent.getElementsByTagNameNS("*", localName);
        return l.getLength() == 0 ? null : (Element) l.item(0);
    }

    private static double number(Path file, Element e, String what) {
        if (e == null) {
            throw new DataFormatException(file, "<" + what + ">", "missing element; expected a number");
        }
        double v = Delimited.parse(e.getTextContent(), '.');
        if (!Double.isFinite(v)) {
            throw new DataFormatException(file, "<" + what + ">", "expected a number, found '" + e.getTextContent().trim() + "'");
        }
        return v;
    }

    private static double[] numbers(Path file, Element e, String what) {
        String t = e.getTextContent().trim();
        if (t.isEmpty()) {
            return new double[0];
        }
        String[] parts = t.split("\\s+");
        double[] out = new double[parts.length];
        for (int i = 0; i < parts.length; i++) {
            out[i] = Delimited.parse(parts[i], '.');
            if (Double.isNaN(out[i])) {
                throw new DataFormatException(file, "<" + what + "> value " + (i + 1), "expected a number, found '" + parts[i] + "'");
            }
        }
        return out;
    }

    // ------------------------------------------------------------------ ras

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
            checkIntensity(file, "line " + ln, c);
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
        double[] s = new double[rows.size()];
        for (int i = 0; i < x.length; i++) {
            x[i] = rows.get(i)[0];
            y[i] = rows.get(i)[1];
            s[i] = Math.sqrt(Math.max(y[i], 1.0));
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
                wl = new XrdWavelength(a1, a2, ratio, "file: *HW_XG_WAVE_LENGTH_ALPHA1/ALPHA2");
            } else {
                wl = XrdWavelength.monochromatic(a1, "file: *HW_XG_WAVE_LENGTH_ALPHA1");
            }
        } else {
            notes.add("no *HW_XG_WAVE_LENGTH_ALPHA1 in the file: wavelength must be supplied");
        }
        return build(file, "ras", x, AxisUnit.TWO_THETA_DEG, y, s, "counts", wl, notes);
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
        AxisUnit unit = axisUnitFromLabel(xLabel);
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
            checkIntensity(file, "line " + ln, y);
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
        Matcher m = WAVELENGTH_COMMENT.matcher(tf.line(0));
        if (m.find()) {
            wl = XrdWavelength.monochromatic(Double.parseDouble(m.group(1)), "file: title line");
        }
        return build(file, "chi", x, unit, y, s, "counts", wl, notes);
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
            Matcher m = WAVELENGTH_COMMENT.matcher(t);
            if (wl == null && m.find()) {
                wl = XrdWavelength.monochromatic(Double.parseDouble(m.group(1)), "file: line " + (i + 1));
            }
        }
        if (bank < 0) {
            throw new DataFormatException(file, null, "no BANK line; expected a GSAS powder data file");
        }
        String[] b = tf.line(bank).trim().split("\\s+");
        int bl = bank + 1;
        if (b.length < 7 || !b[4].equalsIgnoreCase("CONS")) {
            throw new DataFormatException(file, "line " + bl, "expected 'BANK n nchan nrec CONS start step 0 0 FXYE|ESD|STD' "
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
        double[] s = new double[nchan];
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
                    checkIntensity(file, "line " + ln, y[k]);
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
                        checkIntensity(file, "line " + ln, y[k]);
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
                        checkIntensity(file, "line " + ln, y[k]);
                        s[k] = Math.sqrt(Math.max(y[k], 1.0));
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
        return build(file, "gsas-" + type.toLowerCase(Locale.ROOT), x, AxisUnit.TWO_THETA_DEG, y, s, "counts", wl, notes);
    }

    private static String field(String line, int from, int width) {
        if (from >= line.length()) {
            return "";
        }
        return line.substring(from, Math.min(line.length(), from + width));
    }
}
