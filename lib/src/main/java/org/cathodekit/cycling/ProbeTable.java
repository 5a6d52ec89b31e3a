package org.cathodekit.cycling;

import java.io.IOException;
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
 * Reads a small four-point-probe table: comma-separated, one header line (lines starting with
 * {@code #} and blank lines skipped, no quoted fields), one measurement per row. Columns by name, the
 * unit written in the header as {@code name_unit}, {@code name (unit)} or {@code name/unit}:
 * <ul>
 *   <li>{@code sample} (text), {@code geometry} ({@code thin_film} or {@code pellet});</li>
 *   <li>{@code voltage} in V, mV or uV; {@code current} in A, mA, uA or nA;</li>
 *   <li>{@code thickness} and, for pellets, {@code width} and {@code length} in m, cm, mm, um or nm.</li>
 * </ul>
 * A missing column or unit, an unknown unit, or a value that is not a positive number is refused with a
 * {@link DataFormatException} naming file, line and column. Example:
 * <pre>
 * sample,geometry,voltage_mV,current_mA,thickness_um,width_mm,length_mm
 * SC-NC91 film,thin_film,2.31,1.00,1.5,,
 * </pre>
 */
public final class ProbeTable {
    private ProbeTable() {
    }

    private static final Pattern HEADER = Pattern.compile("^\\s*([A-Za-z]+)\\s*(?:[_/]\\s*|\\(\\s*)?([A-Za-zµμ]*)\\s*\\)?\\s*$");

    /** Reads {@code file} (not modified). */
    public static List<ProbeMeasurement> read(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new DataFormatException(file, null, "file not found");
        } catch (IOException e) {
            throw new DataFormatException(file, null, "cannot read as UTF-8 text: " + e.getMessage(), e);
        }
        int h = 0;
        while (h < lines.size() && (lines.get(h).isBlank() || lines.get(h).startsWith("#"))) {
            h++;
        }
        if (h >= lines.size()) {
            throw new DataFormatException(file, null, "empty file; expected a header line "
                    + "'sample,geometry,voltage_mV,current_mA,thickness_um,width_mm,length_mm' and rows");
        }
        String[] head = lines.get(h).split(",", -1);
        int cSample = -1;
        int cGeom = -1;
        int[] col = {-1, -1, -1, -1, -1};
        double[] factor = new double[5];
        String[] names = {"voltage", "current", "thickness", "width", "length"};
        for (int j = 0; j < head.length; j++) {
            Matcher m = HEADER.matcher(head[j]);
            String name = m.matches() ? m.group(1).toLowerCase(Locale.ROOT) : head[j].trim().toLowerCase(Locale.ROOT);
            String unit = m.matches() ? m.group(2) : "";
            if (name.equals("sample")) {
                cSample = j;
                continue;
            }
            if (name.equals("geometry")) {
                cGeom = j;
                continue;
            }
            for (int q = 0; q < names.length; q++) {
                if (name.equals(names[q])) {
                    col[q] = j;
                    factor[q] = factor(file, h, head[j], q, unit);
                }
            }
        }
        List<String> missing = new ArrayList<>();
        if (cGeom < 0) {
            missing.add("geometry");
        }
        for (int q = 0; q < 3; q++) {
            if (col[q] < 0) {
                missing.add(names[q] + " (with unit)");
            }
        }
        if (!missing.isEmpty()) {
            throw new DataFormatException(file, "line " + (h + 1) + " (header)", "no " + String.join(", no ", missing)
                    + " column; expected e.g. 'sample,geometry,voltage_mV,current_mA,thickness_um,width_mm,length_mm'");
        }
        List<ProbeMeasurement> out = new ArrayList<>();
        for (int i = h + 1; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split(",", -1);
            String where = "line " + (i + 1);
            String sample = cSample >= 0 && cSample < f.length ? f[cSample].trim() : "row " + (i + 1);
            String g = cGeom < f.length ? f[cGeom].trim().toLowerCase(Locale.ROOT).replace(' ', '_').replace('-', '_') : "";
            ProbeGeometry geom = switch (g) {
                case "thin_film", "film" -> ProbeGeometry.THIN_FILM;
                case "pellet", "bar" -> ProbeGeometry.PELLET;
                default -> throw new DataFormatException(file, where + ", column '" + head[cGeom].trim() + "'",
                        "geometry '" + g + "'; expected thin_film or pellet");
            };
            double[] val = new double[5];
            for (int q = 0; q < 5; q++) {
                boolean needed = q < 3 || geom == ProbeGeometry.PELLET;
                if (!needed) {
                    val[q] = Double.NaN;
                    continue;
                }
                if (col[q] < 0) {
                    throw new DataFormatException(file, where, "pellet '" + sample + "' needs a " + names[q]
                            + " column (with unit); expected width and length for pellets");
                }
                String tok = col[q] < f.length ? f[col[q]].trim() : "";
                double x;
                try {
                    x = Double.parseDouble(tok);
                } catch (NumberFormatException e) {
                    x = Double.NaN;
                }
                if (!(x > 0) || !Double.isFinite(x)) {
                    throw new DataFormatException(file, where + ", column '" + head[col[q]].trim() + "'",
                            "value '" + tok + "'; expected a positive number");
                }
                val[q] = x * factor[q];
            }
            out.add(new ProbeMeasurement(sample, geom, val[0], val[1], val[2], val[3], val[4]));
        }
        if (out.isEmpty()) {
            throw new DataFormatException(file, "line " + (h + 2), "no measurement rows after the header");
        }
        return out;
    }

    private static double factor(Path file, int h, String raw, int q, String unit) {
        String u = unit.replace('µ', 'u').replace('μ', 'u');
        double f = switch (q) {
            case 0 -> switch (u) {
                case "V" -> 1;
                case "mV" -> 1e-3;
                case "uV" -> 1e-6;
                default -> Double.NaN;
            };
            case 1 -> switch (u) {
                case "A" -> 1;
                case "mA" -> 1e-3;
                case "uA" -> 1e-6;
                case "nA" -> 1e-9;
                default -> Double.NaN;
            };
            default -> switch (u) {
                case "m" -> 1;
                case "cm" -> 1e-2;
                case "mm" -> 1e-3;
                case "um" -> 1e-6;
                case "nm" -> 1e-9;
                default -> Double.NaN;
            };
        };
        if (Double.isNaN(f)) {
            String expected = q == 0 ? "V, mV or uV" : q == 1 ? "A, mA, uA or nA" : "m, cm, mm, um or nm";
            throw new DataFormatException(file, "line " + (h + 1) + ", column '" + raw.trim() + "'",
                    unit.isEmpty() ? "no unit; expected the unit in the header (" + expected + "), e.g. 'thickness_um'"
                            : "unknown unit '" + unit + "'; expected " + expected);
        }
        return f;
    }
}
