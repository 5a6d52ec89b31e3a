package org.cathodekit.io;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.cathodekit.core.DataFormatException;
import org.cathodekit.core.DiffractionPattern;
import org.cathodekit.core.DiffractionPattern.AxisUnit;
import org.cathodekit.core.XrdWavelength;

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
 *   <li>{@code .fxye .gsa .gsas .xra}, and {@code .raw} not starting with {@code RAW} (GSAS):
 *       {@code BANK} line with {@code CONS} or {@code CONST start step} (constant-wavelength steps in
 *       centidegrees) and data type {@code FXYE}, {@code ESD} or {@code STD}.</li>
 *   <li>{@code .raw} starting with {@code RAW} (Bruker binary, v1-v4): {@link BrukerRawReader}.</li>
 *   <li>{@code .brml} (Bruker zip) and {@code .rasx} (Rigaku zip): {@link ZipPatternReaders}.</li>
 *   <li>{@code .asc} (Rigaku) and {@code .csv} opening with {@code [Measurement conditions]}
 *       (PANalytical): {@link VendorTextPatterns}.</li>
 * </ul>
 *
 * <p>Intensity kind: a format that stores counts (xrdml {@code unit="counts"}, Bruker raw/brml,
 * Rigaku ras/rasx/asc, GSAS) gives {@code intensityUnit() = "counts"} ({@code "cps"} when the xrdml
 * says so); a column file gives {@code "counts"} only when its header names counts, otherwise
 * {@code "arb."}. Sigma is only the file's own esd column (xye, GSAS ESD/FXYE, chi, PANalytical ESD);
 * Poisson weights for counts are decided by {@code diffraction.PeakWeights}, not here.
 *
 * <p>Every problem is a {@link DataFormatException} naming the file, the line and what was
 * expected; negative or non-finite intensities are rejected. The file is never modified.
 */
public final class PatternReader {
    private PatternReader() {
    }

    static final Pattern WAVELENGTH_COMMENT = Pattern.compile(
            "(?i)(?:wave\\s*length|lambda|wavelength1|alpha1)[^0-9]{0,20}?([0-9]+\\.[0-9]+(?:[eE][-+]?[0-9]+)?)");

    private static final Pattern KALPHA2_COMMENT = Pattern.compile("(?i)k-?alpha-?2[^0-9]{0,10}([0-9]+\\.[0-9]+)");
    private static final Pattern RATIO_COMMENT = Pattern.compile("(?i)ratio[^0-9]{0,10}([0-9]*\\.[0-9]+)");

    /** The extensions read, for messages and {@code --input} help. */
    public static final String EXTENSIONS = ".xy, .xye, .dat, .csv, .txt, .xrdml, .ras, .rasx, .asc, .brml, .raw, .chi, .fxye, .gsa, .gsas or .xra";

    /** Reads a pattern, format by extension and, for {@code .raw} and {@code .csv}, by content (see class doc). */
    public static DiffractionPattern read(Path file) {
        if (java.nio.file.Files.isDirectory(file)) {
            throw new DataFormatException(file, null, "is a folder, expected a file");
        }
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        String ext = name.contains(".") ? name.substring(name.lastIndexOf('.') + 1) : "";
        return read(file, ext);
    }

    /**
     * Reads a pattern as the named format: an extension ({@code xy}, {@code raw}, {@code brml}, ...) or
     * one of {@code bruker-raw}, {@code gsas}, {@code panalytical-csv}, {@code columns}.
     */
    public static DiffractionPattern read(Path file, String format) {
        String f = format.toLowerCase(Locale.ROOT);
        return switch (f) {
            case "xy", "xye", "dat", "txt", "columns" -> readColumns(file, f);
            case "csv" -> VendorTextPatterns.isPanalyticalCsv(TextFile.read(file)) ? VendorTextPatterns.readPanalyticalCsv(file)
                    : readColumns(file, f);
            case "panalytical-csv" -> VendorTextPatterns.readPanalyticalCsv(file);
            case "xrdml" -> XrdmlReader.read(file);
            case "ras" -> XrdLegacyFormats.readRas(file);
            case "rasx" -> ZipPatternReaders.readRasx(file);
            case "asc", "rigaku-asc" -> VendorTextPatterns.readRigakuAsc(file);
            case "brml" -> ZipPatternReaders.readBrml(file);
            case "chi" -> XrdLegacyFormats.readChi(file);
            case "raw" -> BrukerRawReader.isBrukerRaw(Inspect.head(file)) ? BrukerRawReader.read(file) : XrdLegacyFormats.readGsas(file);
            case "bruker-raw" -> BrukerRawReader.read(file);
            case "fxye", "gsa", "gsas", "xra" -> XrdLegacyFormats.readGsas(file);
            default -> throw new DataFormatException(file, null, "unknown diffraction pattern format '" + format
                    + "'; expected " + EXTENSIONS);
        };
    }

    /** The provenance note a reader adds when the file states the goniometer radius: {@code "goniometer radius 250.0 mm (...)"}. */
    static final String RADIUS_NOTE = "goniometer radius ";

    private static final Pattern RADIUS_NOTE_VALUE = Pattern.compile("^goniometer radius ([0-9]+(?:\\.[0-9]*)?) mm");

    /**
     * The goniometer radius the file states (Bruker RAW v3 offset 564, XRDML
     * {@code <incidentBeamPath><radius unit="mm">}), from the reader's provenance note.
     *
     * @return the radius in mm, or empty when the file does not state one
     */
    public static java.util.OptionalDouble goniometerRadiusMm(DiffractionPattern p) {
        for (String n : p.notes()) {
            Matcher m = RADIUS_NOTE_VALUE.matcher(n);
            if (m.find()) {
                double r = Double.parseDouble(m.group(1));
                if (r > 0) {
                    return java.util.OptionalDouble.of(r);
                }
            }
        }
        return java.util.OptionalDouble.empty();
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
                        // pyFAI writes "# Wavelength: 1.0332e-10 m" (metres)
                        double a = v < 1e-6 ? v * 1e10 : (nm ? v * 10 : v);
                        Matcher k2 = KALPHA2_COMMENT.matcher(t);
                        Matcher ra = RATIO_COMMENT.matcher(t);
                        if (k2.find() && ra.find()) {
                            wl = statedWavelength(file, "line " + (i + 1), a, Double.parseDouble(k2.group(1)),
                                    Double.parseDouble(ra.group(1)), "file: comment line " + (i + 1));
                        } else {
                            wl = statedWavelength(file, "line " + (i + 1), a, Double.NaN, 0.0, "file: comment line " + (i + 1));
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
        String yUnit = "arb.";
        if (axisLabel != null && axisLabel.toLowerCase(Locale.ROOT).matches(".*\\b(counts?|cts)\\b.*")) {
            yUnit = "counts";
            notes.add("intensities are counts (header '" + axisLabel + "')");
        }
        return build(file, ext, x, unit, y, s, yUnit, wl, notes);
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

    static void checkIntensity(Path file, String where, double v) {
        if (!Double.isFinite(v)) {
            throw new DataFormatException(file, where, "intensity is " + v + "; expected a finite count");
        }
        if (v < 0) {
            throw new DataFormatException(file, where, "negative intensity " + v
                    + "; expected counts >= 0 (background-subtracted data are not accepted: fit the raw pattern)");
        }
    }

    /**
     * A wavelength stated in a file; a value outside what an X-ray diffraction wavelength can be (or a
     * K-alpha2 not longer than K-alpha1) is bad input naming the file and where the value was found.
     */
    static XrdWavelength statedWavelength(Path file, String where, double alpha1A, double alpha2A, double ratio, String origin) {
        try {
            return new XrdWavelength(alpha1A, alpha2A, ratio, origin);
        } catch (IllegalArgumentException e) {
            throw new DataFormatException(file, where, "unusable wavelength: " + e.getMessage()
                    + "; expected Angstrom in 0.05-5 (or nm / m marked as such)");
        }
    }

    static DiffractionPattern build(Path file, String format, double[] x, AxisUnit unit, double[] y, double[] s,
            String yUnit, XrdWavelength wl, List<String> notes) {
        try {
            return new DiffractionPattern(file, format, x, unit, y, s, yUnit, wl, notes);
        } catch (DataFormatException e) {
            throw e;
        } catch (IllegalArgumentException e) {
            throw new DataFormatException(file, null, e.getMessage());
        }
    }

}
