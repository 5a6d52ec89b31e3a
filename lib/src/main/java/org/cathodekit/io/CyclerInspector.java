package org.cathodekit.io;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.cathodekit.core.CyclerData;
import org.cathodekit.core.CyclerFormat;

/**
 * {@code cathodekit inspect} for cycler files (text exports and native binaries alike): reads the file
 * once with {@link CyclerReader} and reports what the {@link CyclerData} says, so inspect and the
 * analyses can never disagree.
 *
 * <p>Details: {@code time_s}, {@code voltage_V}, {@code current_A} as [min, max];
 * {@code skipped_rows}, {@code duplicate_times}, {@code units_detected}, {@code counters} (the keys
 * present) and {@code counter_check} (steps checked and mismatched per counter, see
 * {@link CounterCheck}).
 */
public final class CyclerInspector implements FileInspector {

    /** Score for a native signature or a vendor banner/header: certain. */
    static final int CERTAIN = 100;
    /** Score for a delimited text whose header names a time, voltage and current column. */
    static final int LIKELY = 60;

    @Override
    public String family() {
        return "cycler";
    }

    @Override
    public int recognise(Path file, byte[] head) {
        if (NativeCyclerFiles.recognise(file, head) != null) {
            return CERTAIN;
        }
        if (TextFile.utf16(head) == null) {
            for (byte b : head) {
                if (b == 0) {
                    return 0;
                }
            }
        }
        TextFile text;
        try {
            byte[] h = head;
            if (head.length >= 2 && (head[0] & 0xFF) == 0x1F && (head[1] & 0xFF) == 0x8B) {
                h = TextFile.readBytes(file); // gzip: the head says nothing
                h = java.util.Arrays.copyOf(h, Math.min(h.length, Inspect.HEAD_BYTES));
            }
            text = TextFile.decode(file, (h.length % 2 == 1 && TextFile.utf16(h) != null) ? java.util.Arrays.copyOf(h, h.length - 1) : h);
        } catch (RuntimeException e) {
            return 0;
        }
        CyclerFormat f = CyclerReader.detect(text);
        if (f != CyclerFormat.GENERIC) {
            return CERTAIN;
        }
        boolean time = false;
        boolean voltage = false;
        boolean current = false;
        for (int i = 0; i < Math.min(text.size(), 40); i++) {
            for (String cell : text.line(i).split("[\t,;]")) {
                ColumnHeader h = ColumnHeader.parse(cell);
                time |= h.nameIs(CyclerColumns.TIME) && CyclerColumns.isTimeUnit(h.unit());
                voltage |= h.nameIs(CyclerColumns.VOLTAGE) && !Double.isNaN(CyclerColumns.voltageFactor(h.unit()));
                current |= h.nameIs(CyclerColumns.CURRENT) && !Double.isNaN(CyclerColumns.currentFactor(h.unit()));
            }
        }
        return time && voltage && current ? LIKELY : 0;
    }

    @Override
    public Inspection inspect(Path file, String format) {
        CyclerFormat f = format == null ? null : CyclerFormat.fromName(format);
        return of(file, CyclerReader.read(file, f));
    }

    /** The inspection of already read data (also for the native readers' results). */
    public static Inspection of(Path file, CyclerData d) {
        List<Inspection.Column> cols = new ArrayList<>();
        for (CyclerData.Column c : d.columns()) {
            cols.add(new Inspection.Column(c.name(), c.unit(), c.role()));
        }
        if (cols.isEmpty()) {
            // a reader that does not list its columns: the ones it used, from unitsDetected ("<name> -> <unit>")
            for (Map.Entry<String, String> e : d.unitsDetected().entrySet()) {
                String v = e.getValue();
                int arrow = v.lastIndexOf(" -> ");
                String role = switch (e.getKey()) {
                    case "time", "voltage", "current", "step", "cycle" -> e.getKey();
                    default -> e.getKey().contains("capacity") ? "capacity" : e.getKey().contains("energy") ? "energy" : null;
                };
                if (role != null) {
                    cols.add(new Inspection.Column(arrow < 0 ? v : v.substring(0, arrow), arrow < 0 ? "" : v.substring(arrow + 4),
                            role));
                }
            }
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("time_s", range(d.timeS()));
        details.put("voltage_V", range(d.voltageV()));
        details.put("current_A", range(d.currentA()));
        details.put("skipped_rows", d.skippedRowCount());
        details.put("duplicate_times", d.duplicateTimes());
        details.put("units_detected", d.unitsDetected());
        details.put("counters", List.copyOf(d.counters().keySet()));
        // the reader's own cross-check (io.CounterCheck, one rule for text and native files); its mismatches
        // are in the warnings
        List<Object> checks = new ArrayList<>();
        for (CyclerData.CounterSummary k : d.counterChecks()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("counter", k.counter());
            m.put("unit", k.unit());
            m.put("steps_checked", k.stepsChecked());
            m.put("steps_mismatched", k.stepsMismatched());
            checks.add(m);
        }
        details.put("counter_check", checks);
        if (!Double.isNaN(d.activeMassMg())) {
            details.put("active_mass_mg", d.activeMassMg());
        }
        List<String> warnings = new ArrayList<>(d.warnings());
        if (d.skippedRowCount() > 0) {
            warnings.add(d.skippedRowCount() + " data row(s) skipped (first lines: " + d.skippedRows() + ")");
        }
        return new Inspection(file, "cycler", formatName(d.format()), d.size(), cols,
                d.encoding(), d.dialect(), warnings, details);
    }

    /** @return the human name of a cycler format, e.g. {@code "Maccor text export"}. */
    public static String formatName(CyclerFormat f) {
        return switch (f) {
            case GENERIC -> "generic delimited text";
            case BIOLOGIC_MPT -> "BioLogic EC-Lab/BT-Lab text export (.mpt)";
            case NEWARE_CSV -> "Neware BTSDA CSV export";
            case MACCOR_TEXT -> "Maccor text export";
            case ARBIN_CSV -> "Arbin CSV export";
            default -> NativeCyclerFiles.describe(f);
        };
    }

    private static double[] range(double[] x) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double v : x) {
            if (v < lo) {
                lo = v;
            }
            if (v > hi) {
                hi = v;
            }
        }
        return x.length == 0 ? new double[0] : new double[] {lo, hi};
    }
}
