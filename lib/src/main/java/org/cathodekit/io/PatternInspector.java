package org.cathodekit.io;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.cathodekit.core.DiffractionPattern;
import org.cathodekit.core.XrdWavelength;
import org.cathodekit.diffraction.KAlpha2;
import org.cathodekit.diffraction.PeakWeights;
import org.cathodekit.diffraction.Weighting;

/**
 * The diffraction family of {@code cathodekit inspect}: reads the file with {@link PatternReader} (no
 * second parser) and reports the format, the points ({@code rows}), the axes with units and roles
 * ({@code two_theta} or {@code q}, {@code intensity}, {@code esd}), {@code wavelength_A} and where it
 * came from, {@code intensity_kind} ({@code counts} or {@code arbitrary}), the weighting the peak fits
 * will use ({@code weights}, {@link PeakWeights}) and {@code warnings}.
 */
public final class PatternInspector implements FileInspector {

    @Override
    public String family() {
        return "diffraction";
    }

    @Override
    public int recognise(Path file, byte[] head) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        String ext = name.contains(".") ? name.substring(name.lastIndexOf('.') + 1) : "";
        String text = new String(head, 0, Math.min(head.length, 2048), StandardCharsets.ISO_8859_1);
        boolean zip = head.length >= 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4;
        switch (ext) {
            case "xrdml":
                return text.contains("xrdMeasurements") ? 100 : 60;
            case "raw":
                return BrukerRawReader.isBrukerRaw(head) ? 100 : (text.contains("BANK") ? 90 : 20);
            case "brml":
            case "rasx":
                return zip ? 95 : 40;
            case "ras":
                return text.contains("*RAS_") ? 100 : 50;
            case "asc":
                return text.contains("*START") ? 90 : 20;
            case "gsa":
            case "gsas":
            case "fxye":
            case "xra":
                return text.contains("BANK") ? 95 : 50;
            case "chi":
                return 70;
            case "xy":
            case "xye":
                return 60;
            case "csv":
                return text.trim().toLowerCase(Locale.ROOT).startsWith("[measurement conditions]") ? 100 : 5;
            case "dat":
            case "txt":
                return 5;
            default:
                return 0;
        }
    }

    @Override
    public Inspection inspect(Path file, String format) {
        DiffractionPattern p = format == null ? PatternReader.read(file) : PatternReader.read(file, format);
        List<Inspection.Column> cols = new ArrayList<>();
        String axisUnit = switch (p.axisUnit()) {
            case TWO_THETA_DEG -> "deg";
            case Q_PER_A -> "1/A";
            case Q_PER_NM -> "1/nm";
        };
        cols.add(new Inspection.Column(p.axisUnit() == DiffractionPattern.AxisUnit.TWO_THETA_DEG ? "2theta" : "Q", axisUnit,
                p.axisUnit() == DiffractionPattern.AxisUnit.TWO_THETA_DEG ? "two_theta" : "q"));
        cols.add(new Inspection.Column("intensity", p.intensityUnit(), "intensity"));
        if (p.sigma().isPresent()) {
            cols.add(new Inspection.Column("esd", p.intensityUnit(), "esd"));
        }
        List<String> warnings = new ArrayList<>();
        Map<String, Object> details = new LinkedHashMap<>();
        double[] x = p.axis();
        details.put("axis_range", List.of(x[0], x[x.length - 1]));
        XrdWavelength wl = p.wavelength().orElse(null);
        details.put("wavelength_A", wl == null ? null : wl.alpha1A());
        details.put("kalpha2_A", wl == null || !wl.hasAlpha2() ? null : wl.alpha2A());
        details.put("kalpha2_ratio", wl == null || !wl.hasAlpha2() ? null : wl.ratio21());
        details.put("wavelength_source", wl == null ? "not in the file: give --wavelength-A" : wl.describe());
        if (wl == null) {
            warnings.add("the file does not state the wavelength: wh/lattice need --wavelength-A");
        }
        java.util.OptionalDouble radius = PatternReader.goniometerRadiusMm(p);
        details.put("goniometer_radius_mm", radius.isPresent() ? radius.getAsDouble() : null);
        String unit = p.intensityUnit();
        boolean counts = "counts".equalsIgnoreCase(unit) || "cps".equalsIgnoreCase(unit);
        details.put("intensity_kind", counts ? "counts" : "arbitrary");
        PeakWeights w = PeakWeights.resolve(p, Weighting.AUTO, KAlpha2.DOUBLET);
        details.put("weights", w.label());
        details.put("weights_reason", w.reason());
        if (!counts && w.weighting() == Weighting.POISSON) {
            warnings.add("intensity unit not stated; integer intensities taken as counts (Poisson weights): say --weights none if not");
        } else if (w.weighting() == Weighting.NONE) {
            warnings.add("intensities not known to be counts: peak fits unweighted unless --weights poisson");
        }
        for (String n : p.notes()) {
            if (n.contains("first is read") || n.contains("conventional 0.5") || n.contains("assumed") || n.contains("taken as")) {
                warnings.add(n);
            }
        }
        details.put("notes", p.notes());
        boolean binary = p.format().startsWith("bruker-raw") || p.format().equals("brml") || p.format().equals("rasx");
        String encoding = "binary";
        String dialect = binary ? (p.format().startsWith("bruker-raw") ? "little-endian binary" : "zip") : "text";
        for (String n : p.notes()) {
            if (!binary && n.startsWith("layout: ")) {
                dialect = n.substring("layout: ".length());
            }
        }
        if (!binary) {
            TextFile tf = TextFile.read(file);
            encoding = tf.charset().name();
        }
        return new Inspection(file, family(), p.format(), p.size(), cols, encoding, dialect, warnings, details);
    }
}
