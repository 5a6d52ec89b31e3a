package org.cathodekit.cli;

import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.cathodekit.core.AtomicFiles;
import org.cathodekit.core.CyclerData;
import org.cathodekit.core.CyclerFormat;
import org.cathodekit.core.JsonOutput;
import org.cathodekit.core.OutputGuard;
import org.cathodekit.io.CyclerInspector;
import org.cathodekit.io.CyclerReadOptions;
import org.cathodekit.io.CyclerReader;

import com.fasterxml.jackson.databind.node.ObjectNode;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code cathodekit convert --input FILE --out F.csv}: any cycler file the reader understands, written as
 * one tidy comma-separated table in SI units with Battery Data Format style {@code Quantity / unit}
 * headers: {@code Test Time / s}, {@code Voltage / V}, {@code Current / A} (positive on charge), then
 * {@code Step Index / 1} and {@code Cycle Count / 1} when the source has them, then the cycler's counters
 * ({@code Charge Capacity / Ah}, {@code Discharge Capacity / Ah}, {@code Charge Energy / Wh},
 * {@code Discharge Energy / Wh}) when present. Numbers are written with {@link Double#toString} so they
 * read back to the identical doubles. The output is written atomically and may not be the input.
 */
@Command(name = "convert", mixinStandardHelpOptions = true,
        description = "Write a cycler file (any supported export or native file) as a tidy CSV with "
                + "'Quantity / unit' headers (Test Time / s, Voltage / V, Current / A, Step Index / 1, Cycle Count / 1, counters).")
final class ConvertCommand extends JsonCommand {

    @Option(names = "--input", required = true, description = "Cycler file (read-only).")
    Path input;

    @Option(names = "--out", required = true, description = "CSV file to write (atomically).")
    Path out;

    @Option(names = "--format", defaultValue = "auto",
            description = "auto, generic, mpt, neware, maccor, arbin, mpr, res, nda or ndax (default ${DEFAULT-VALUE}).")
    String format;

    @Mixin
    CyclerColumnOptions columns = new CyclerColumnOptions();

    /** Header of each counter key, in the order written. */
    static final Map<String, String> COUNTER_HEADERS = Map.of(
            CyclerData.CHARGE_CAPACITY_AH, "Charge Capacity / Ah",
            CyclerData.DISCHARGE_CAPACITY_AH, "Discharge Capacity / Ah",
            CyclerData.CHARGE_ENERGY_WH, "Charge Energy / Wh",
            CyclerData.DISCHARGE_ENERGY_WH, "Discharge Energy / Wh");
    private static final List<String> COUNTER_ORDER = List.of(CyclerData.CHARGE_CAPACITY_AH,
            CyclerData.DISCHARGE_CAPACITY_AH, CyclerData.CHARGE_ENERGY_WH, CyclerData.DISCHARGE_ENERGY_WH);

    @Override
    protected ObjectNode compute() throws Exception {
        OutputGuard.output("--out", out).notSameAs("--input", input);
        CyclerFormat f = CyclerFormat.fromName(format);
        CyclerData d = CyclerReader.read(input, columns.applyTo(CyclerReadOptions.DEFAULTS.withFormat(f)));
        List<String> headers = new ArrayList<>(List.of("Test Time / s", "Voltage / V", "Current / A"));
        int[] step = d.step();
        int[] cycle = d.cycle();
        if (step != null) {
            headers.add("Step Index / 1");
        }
        if (cycle != null) {
            headers.add("Cycle Count / 1");
        }
        List<double[]> counters = new ArrayList<>();
        for (String k : COUNTER_ORDER) {
            double[] c = d.counter(k);
            if (c != null) {
                headers.add(COUNTER_HEADERS.get(k));
                counters.add(c);
            }
        }
        double[] t = d.timeS();
        double[] v = d.voltageV();
        double[] i = d.currentA();
        AtomicFiles.writeStream(out, os -> {
            BufferedWriter w = new BufferedWriter(new OutputStreamWriter(os, StandardCharsets.UTF_8), 1 << 16);
            w.write(String.join(",", headers));
            w.write('\n');
            StringBuilder sb = new StringBuilder(128);
            for (int r = 0; r < t.length; r++) {
                sb.setLength(0);
                sb.append(t[r]).append(',').append(v[r]).append(',').append(i[r]);
                if (step != null) {
                    sb.append(',').append(step[r]);
                }
                if (cycle != null) {
                    sb.append(',').append(cycle[r]);
                }
                for (double[] c : counters) {
                    sb.append(',').append(c[r]);
                }
                sb.append('\n');
                w.append(sb);
            }
            w.flush();
        });
        return JsonOutput.object()
                .put("file", input.toString())
                .put("out", out.toString())
                .putPOJO("file_format", d.format())
                .put("format_name", CyclerInspector.formatName(d.format()))
                .put("rows", d.size())
                .put("skipped_rows", d.skippedRowCount())
                .putPOJO("columns", headers)
                .putPOJO("units_detected", d.unitsDetected())
                .putPOJO("warnings", d.warnings());
    }
}
