package org.cathodekit.io;

import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * A TGA curve as read by {@link TgaReader}, converted to C, s and mg (or % when the export holds
 * only relative mass), together with what was detected. Array accessors return copies.
 *
 * @param file               the file read (never modified)
 * @param format             the detected layout
 * @param charset            the detected text encoding
 * @param dialect            delimiter and decimal separator, e.g. {@code "';' delimited, decimal ','"}
 * @param timeS              time in s, or null when the file has no time column
 * @param temperatureC       sample temperature in C
 * @param mass               mass in {@code massUnit}
 * @param massUnit           {@code "mg"} or {@code "%"} (a mass fraction in g/g is given here as %)
 * @param timeColumn         header of the time column used (null when none)
 * @param temperatureColumn  header of the temperature column used
 * @param massColumn         header of the mass column used
 * @param sourceUnits        the units as written in the file: time, temperature, mass
 * @param sampleMassMg       sample mass from the preamble (NaN when not given)
 * @param skippedRows        data rows left out because a needed field was not a number
 * @param notes              what the reader assumed or skipped, one sentence each
 * @param segments           the segments of the run, in row order, covering every row (one segment
 *                           "whole file" when the export marks none); see {@link Segment}
 * @param columns            every column of the table read, with the unit understood and its role
 *                           ({@code time}, {@code temperature}, {@code mass}, {@code mass_fraction},
 *                           {@code dsc_heat_flow}, {@code unused}); curves of other blocks follow
 * @param warnings           what was doubtful (other curves not used, a mangled degree sign, units
 *                           assumed by vendor convention, relative mass), one sentence each
 */
public record TgaCurve(
        Path file,
        TgaFormat format,
        Charset charset,
        String dialect,
        double[] timeS,
        double[] temperatureC,
        double[] mass,
        String massUnit,
        String timeColumn,
        String temperatureColumn,
        String massColumn,
        List<String> sourceUnits,
        double sampleMassMg,
        int skippedRows,
        List<String> notes,
        List<Segment> segments,
        List<Inspection.Column> columns,
        List<String> warnings) {

    /**
     * A temperature change below this over a whole segment makes it {@link SegmentKind#ISOTHERMAL}: program
     * holds overshoot by up to about 7 K (a NETZSCH STA 449 hold at 1000 C: 999.3 -> 1006.4 C), while a
     * program ramp spans tens of K.
     */
    public static final double ISOTHERMAL_SPAN_K = 10.0;

    /** What the temperature does over a segment. */
    public enum SegmentKind {
        /** {@code max(T) - T_first >= } {@link #ISOTHERMAL_SPAN_K} and the rise exceeds the fall. */
        HEATING,
        /** Neither rise nor fall reaches {@link #ISOTHERMAL_SPAN_K}. */
        ISOTHERMAL,
        /** {@code T_first - min(T) >= } {@link #ISOTHERMAL_SPAN_K} and the fall exceeds the rise. */
        COOLING;

        /** @return the JSON name: {@code heating}, {@code isothermal} or {@code cooling}. */
        public String jsonName() {
            return name().toLowerCase(Locale.ROOT);
        }

        static SegmentKind of(double[] t, int from, int to) {
            double first = t[from];
            double max = first;
            double min = first;
            for (int i = from; i < to; i++) {
                max = Math.max(max, t[i]);
                min = Math.min(min, t[i]);
            }
            double rise = max - first;
            double fall = first - min;
            if (rise >= ISOTHERMAL_SPAN_K && rise >= fall) {
                return HEATING;
            }
            if (fall >= ISOTHERMAL_SPAN_K) {
                return COOLING;
            }
            return ISOTHERMAL;
        }
    }

    /**
     * One segment of the run: the rows {@code [firstRow, endRow)} of the curve's arrays.
     *
     * @param index    1-based number (the {@code --segment N} of the {@code tga} command)
     * @param firstRow first row (0-based, into the arrays of the curve)
     * @param endRow   one past the last row
     * @param kind     heating, isothermal or cooling (from the temperatures, see {@link SegmentKind})
     * @param startC   temperature of the first row
     * @param endC     temperature of the last row
     * @param minC     lowest temperature
     * @param maxC     highest temperature
     * @param source   where the boundary came from, e.g. {@code "TA segment marker 2 (line 10230)"},
     *                 {@code "NETZSCH Segment column = 1"}, {@code "Pyris stage '2) TGA Temperature Scan'"},
     *                 {@code "whole file"}
     */
    public record Segment(int index, int firstRow, int endRow, SegmentKind kind, double startC, double endC,
            double minC, double maxC, String source) {

        /** @return number of rows. */
        public int rows() {
            return endRow - firstRow;
        }

        /** @return e.g. {@code "segment 1 (heating 22.7-121.1 C, 1437 rows, TA segment marker 1)"}. */
        public String describe() {
            return String.format(Locale.ROOT, "segment %d (%s %.1f-%.1f C, %d rows, %s)", index, kind.jsonName(), minC,
                    maxC, rows(), source);
        }
    }

    public TgaCurve {
        timeS = timeS == null ? null : timeS.clone();
        temperatureC = temperatureC.clone();
        mass = mass.clone();
        sourceUnits = List.copyOf(sourceUnits);
        notes = List.copyOf(notes);
        segments = List.copyOf(segments);
        columns = List.copyOf(columns);
        warnings = List.copyOf(warnings);
    }

    @Override
    public double[] timeS() {
        return timeS == null ? null : timeS.clone();
    }

    @Override
    public double[] temperatureC() {
        return temperatureC.clone();
    }

    @Override
    public double[] mass() {
        return mass.clone();
    }

    /** @return number of data rows read. */
    public int size() {
        return temperatureC.length;
    }

    /**
     * The segment analysed when the user names none. Rule: the {@link SegmentKind#HEATING heating}
     * segment in which the sample loses the most mass ({@code mass(first row) - min(mass)}; the first one
     * on ties): the decomposition ramp, not a drying ramp before it nor a burn-off ramp after it. When no
     * segment heats, the first segment.
     */
    public Segment defaultSegment() {
        Segment best = null;
        double bestLoss = Double.NEGATIVE_INFINITY;
        for (Segment s : segments) {
            if (s.kind() != SegmentKind.HEATING) {
                continue;
            }
            double min = mass[s.firstRow()];
            for (int i = s.firstRow(); i < s.endRow(); i++) {
                min = Math.min(min, mass[i]);
            }
            double loss = mass[s.firstRow()] - min;
            if (best == null || loss > bestLoss) {
                best = s;
                bestLoss = loss;
            }
        }
        return best != null ? best : segments.get(0);
    }

    /**
     * @param index 1-based segment number
     * @throws IllegalArgumentException naming the file and the segments there are
     */
    public Segment segment(int index) {
        if (index < 1 || index > segments.size()) {
            StringBuilder sb = new StringBuilder();
            for (Segment s : segments) {
                sb.append(sb.length() > 0 ? "; " : "").append(s.describe());
            }
            throw new IllegalArgumentException(file + ": --segment " + index + " does not exist; expected 1.."
                    + segments.size() + " (" + sb + ")");
        }
        return segments.get(index - 1);
    }
}
