package org.cathodekit.io;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.cathodekit.core.JsonOutput;

/**
 * The TGA family of {@code cathodekit inspect}: recognises TGA text exports from their first bytes
 * and reports what {@link TgaReader} understood (format, rows, columns with units and roles
 * {@code time}, {@code temperature}, {@code mass}, {@code mass_fraction}, {@code dsc_heat_flow},
 * {@code segment}, {@code unused}; encoding, dialect, segments, warnings). No second parser: the
 * inspection is the reader's {@link TgaCurve}.
 *
 * <p>Details keys: {@code segments} (index, kind heating/isothermal/cooling, {@code temperature_range_C},
 * {@code start_C}, {@code end_C}, rows, first_row, source), {@code default_segment} (the one the
 * {@code tga} command analyses without {@code --segment}, see {@link TgaCurve#defaultSegment()}),
 * {@code time_s} and {@code temperature_C} as [min, max], {@code mass_unit}, {@code sample_mass_mg}.
 */
public final class TgaInspector implements FileInspector {

    /** Score of a vendor signature in the first bytes (StartOfData, #EXPORTTYPE, STARe, Pyris, Setaram). */
    static final int SIGNATURE_SCORE = 80;
    /** Score of a header naming both a temperature and a mass column (generic CSV). */
    static final int HEADER_SCORE = 30;

    @Override
    public String family() {
        return "tga";
    }

    @Override
    public int recognise(Path file, byte[] head) {
        String text = TgaReader.sniffText(head).toLowerCase(Locale.ROOT);
        if (text.contains("startofdata") && text.contains("sig1")
                || text.contains("#exporttype") && (text.contains("#mtype:tg") || text.contains("mass/"))
                || text.contains("stare sw") || text.contains("mettler")
                || text.contains("curve:") && text.contains("value") && text.matches("(?s).*\\bts\\b.*")
                || text.contains("pyris") || text.contains("tga temperature scan") || text.contains("tga isothermal")
                || text.contains("setaram") || text.contains("calisto")) {
            return SIGNATURE_SCORE;
        }
        boolean temperature = text.contains("temp");
        boolean mass = text.contains("mass") || text.contains("weight") || text.contains("tg ") || text.contains("tg/")
                || text.contains("tg (");
        boolean cycler = text.contains("voltage") || text.contains("current") || text.contains("ewe");
        return temperature && mass && !cycler ? HEADER_SCORE : 0;
    }

    @Override
    public Inspection inspect(Path file, String format) {
        TgaCurve c = TgaReader.read(file);
        if (format != null && !matches(format, c.format())) {
            StringBuilder names = new StringBuilder();
            for (TgaFormat f : TgaFormat.values()) {
                names.append(names.length() > 0 ? ", " : "").append(f.name().toLowerCase(Locale.ROOT));
            }
            throw new IllegalArgumentException(file + ": --format '" + format + "' but the TGA reader detected '"
                    + c.format().description() + "' (TGA formats: " + names + "); the TGA formats are detected, not forced");
        }
        List<String> warnings = new ArrayList<>(c.warnings());
        warnings.addAll(c.notes());
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("segments", segmentsJson(c));
        details.put("default_segment", c.defaultSegment().index());
        double[] time = c.timeS();
        details.put("time_s", time == null ? null : new double[] {time[0], time[time.length - 1]});
        double[] t = c.temperatureC();
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double v : t) {
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        details.put("temperature_C", new double[] {min, max});
        details.put("mass_unit", c.massUnit());
        details.put("sample_mass_mg", Double.isNaN(c.sampleMassMg()) ? null : c.sampleMassMg());
        details.put("skipped_rows", c.skippedRows());
        return new Inspection(file, family(), c.format().description(), c.size(), c.columns(), c.charset().name(),
                c.dialect(), warnings, details);
    }

    private static boolean matches(String format, TgaFormat f) {
        String l = format.trim().toLowerCase(Locale.ROOT);
        return l.equals(f.name().toLowerCase(Locale.ROOT)) || l.equals(f.description().toLowerCase(Locale.ROOT));
    }

    /**
     * @return the curve's segments as JSON objects: {@code index}, {@code kind}, {@code temperature_range_C}
     *         [min, max], {@code start_C}, {@code end_C}, {@code rows}, {@code first_row}, {@code source}
     */
    public static List<Object> segmentsJson(TgaCurve curve) {
        List<Object> out = new ArrayList<>();
        for (TgaCurve.Segment s : curve.segments()) {
            out.add(JsonOutput.object().put("index", s.index()).put("kind", s.kind().jsonName())
                    .putPOJO("temperature_range_C", new double[] {s.minC(), s.maxC()})
                    .put("start_C", s.startC()).put("end_C", s.endC())
                    .put("rows", s.rows()).put("first_row", s.firstRow()).put("source", s.source()));
        }
        return out;
    }
}
