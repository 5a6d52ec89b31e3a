package org.cathodekit.io;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.cathodekit.core.JsonOutput;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * What a reader understood of one file: the answer of {@code cathodekit inspect}, the first command a
 * user runs on a new file. One record for every family (cycler, TGA, diffraction, XANES), produced by
 * the family's {@link FileInspector}.
 *
 * @param file     the file as given
 * @param family   {@code cycler}, {@code tga}, {@code diffraction} or {@code xanes}
 * @param format   the detected format's name, e.g. {@code "BioLogic .mpr"}, {@code "Arbin .res"}
 * @param rows     data rows; for patterns and spectra the number of points; for image stacks the images
 * @param columns  each column (or axis / dataset) with its name as in the file, unit and the role given
 * @param encoding detected text encoding, or {@code "binary"}
 * @param dialect  delimiter and decimal separator for text, else a short description (e.g. {@code "OLE2"})
 * @param warnings what was doubtful (skipped rows, ambiguous columns, counter mismatches, ...)
 * @param details  family-specific facts in JSON-ready values (e.g. {@code time_s: [min, max]},
 *                 {@code wavelength_A}, {@code energy_eV}, {@code shape}, {@code segments}); keys carry units
 */
public record Inspection(Path file, String family, String format, long rows, List<Column> columns,
        String encoding, String dialect, List<String> warnings, Map<String, Object> details) {

    /** Roles a column can be given; {@code unused} for read but not used. */
    public static final String UNUSED = "unused";

    /**
     * One column, axis or dataset.
     *
     * @param name as written in the file
     * @param unit the unit understood ({@code ""} when dimensionless or unknown)
     * @param role what it was used as: {@code time}, {@code voltage}, {@code current}, {@code step},
     *             {@code cycle}, {@code temperature}, {@code mass}, {@code two_theta}, {@code intensity},
     *             {@code energy}, {@code mu}, {@code image}, ... or {@link #UNUSED}
     */
    public record Column(String name, String unit, String role) {
        public Column {
            unit = unit == null ? "" : unit;
            role = role == null ? UNUSED : role;
        }
    }

    public Inspection {
        columns = List.copyOf(columns);
        warnings = List.copyOf(warnings);
        details = Collections.unmodifiableMap(new LinkedHashMap<>(details));
    }

    /** @return the JSON object printed by {@code cathodekit inspect --json} (details merged at top level). */
    public ObjectNode toJson() {
        ObjectNode o = JsonOutput.object()
                .put("file", file == null ? null : file.toString())
                .put("family", family)
                .put("format", format)
                .put("rows", rows);
        List<Object> cols = new java.util.ArrayList<>();
        for (Column c : columns) {
            cols.add(JsonOutput.object().put("name", c.name()).put("unit", c.unit()).put("role", c.role()));
        }
        o.putPOJO("columns", cols)
                .put("encoding", encoding)
                .put("dialect", dialect)
                .putPOJO("warnings", warnings);
        for (Map.Entry<String, Object> e : details.entrySet()) {
            o.putPOJO(e.getKey(), e.getValue());
        }
        return o;
    }
}
