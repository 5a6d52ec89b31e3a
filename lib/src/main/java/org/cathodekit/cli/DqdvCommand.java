package org.cathodekit.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.cathodekit.core.CyclerData;
import org.cathodekit.core.CyclerFormat;
import org.cathodekit.core.JsonOutput;
import org.cathodekit.cycling.CycleOptions;
import org.cathodekit.cycling.Dqdv;
import org.cathodekit.cycling.DqdvCurve;
import org.cathodekit.cycling.DqdvOptions;
import org.cathodekit.cycling.DqdvResult;
import org.cathodekit.cycling.PeakPair;
import org.cathodekit.io.CyclerReader;
import org.cathodekit.table.CyclingTables;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import tech.tablesaw.api.Table;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code cathodekit dqdv --input FILE --cycle N [--grid-mv 2] [--window-mv 30] [--csv OUT] --json}:
 * dQ/dV and dV/dQ of one cycle with peaks and charge/discharge pairs ({@link Dqdv}).
 */
@Command(name = "dqdv", mixinStandardHelpOptions = true,
        description = "Differential capacity dQ/dV (voltage grid + Savitzky-Golay) and dV/dQ of one cycle of a cycler "
                + "export, peaks (position, height, area) and charge/discharge peak pairs (H2-H3 near 4.2 V). "
                + "Reads only; writes only --csv.")
final class DqdvCommand extends JsonCommand {
    @Option(names = "--input", required = true, description = "Cycler export (read-only; .gz accepted).")
    Path input;

    @Option(names = "--cycle", required = true, description = "Cycle number (as printed by 'cathodekit cycles').")
    int cycle;

    @Option(names = "--format", defaultValue = "auto",
            description = "auto, generic, mpt, neware, maccor or arbin (default ${DEFAULT-VALUE}).")
    String format;

    @Option(names = "--cycles", defaultValue = "auto", description = "Cycle numbers from: auto, column or sign (default ${DEFAULT-VALUE}).")
    CyclesCommand.CycleNumbers cycles;

    @Option(names = "--grid-mv", defaultValue = "2", description = "Voltage grid step [mV] (default ${DEFAULT-VALUE}).")
    double gridMv;

    @Option(names = "--window-mv", defaultValue = "30",
            description = "Savitzky-Golay window [mV], 0 = no smoothing (default ${DEFAULT-VALUE}).")
    double windowMv;

    @Option(names = "--order", defaultValue = "2", description = "Savitzky-Golay order (default ${DEFAULT-VALUE}).")
    int order;

    @Option(names = "--min-prominence", defaultValue = "0.10",
            description = "Peak prominence as a fraction of the largest |dQ/dV| (default ${DEFAULT-VALUE}).")
    double minProminence;

    @picocli.CommandLine.Mixin
    CsvOutput csv = new CsvOutput();

    /** The result of the last {@link #compute()}, for {@link #table}. */
    private DqdvResult result;


    @Override
    protected List<Path> inputs() {
        return List.of(input);
    }

    /** The dQ/dV curve in long form ({@link CyclingTables#dqdvCurve}): the table of this command. */
    @Override
    protected Table table(Object json) {
        return CyclingTables.dqdvCurve(result);
    }

    @Override
    protected ObjectNode compute() throws Exception {
        CycleOptions co = CyclesCommand.options(input, null, 2, "first-point", cycles, null);
        DqdvOptions o = DqdvOptions.DEFAULTS.withGridStepV(gridMv / 1000).withSmoothing(windowMv / 1000, order)
                .withMinProminence(minProminence).withCycleOptions(co);
        CyclerData data = CyclerReader.read(input, CyclerFormat.fromName(format));
        DqdvResult r = Dqdv.of(data, cycle, o);
        result = r;
        List<Object> pairs = new ArrayList<>();
        for (PeakPair p : r.pairs()) {
            pairs.add(JsonOutput.object().put("charge_V", p.charge().voltageV()).put("discharge_V", p.discharge().voltageV())
                    .put("hysteresis_V", p.hysteresisV()).put("h2_h3", p.h2h3()));
        }
        PeakPair h = r.h2h3();
        return JsonOutput.object()
                .put("file", input.toString())
                .putPOJO("file_format", data.format())
                .put("cycle", r.cycle())
                .put("method", "Q(V) piecewise linear spread on a uniform voltage grid, Savitzky-Golay smoothing")
                .put("grid_step_V", o.gridStepV())
                .put("smoothing_window_V", o.smoothingWindowV())
                .put("smoothing_window_points", r.smoothingWindowPoints())
                .put("smoothing_order", o.smoothingOrder())
                .put("min_prominence", o.minProminence())
                .put("charge_mAh", r.charge().capacityMAh())
                .put("discharge_mAh", r.discharge().capacityMAh())
                .putPOJO("peaks", CyclingCli.json(r.peaks(), CyclingTables.PEAK_COLUMNS))
                .putPOJO("pairs", pairs)
                .putPOJO("h2_h3", h == null ? null : JsonOutput.object().put("charge_V", h.charge().voltageV())
                        .put("discharge_V", h.discharge().voltageV()).put("hysteresis_V", h.hysteresisV()))
                .put("csv", csv.file() == null ? null : csv.file().toString())
                .putPOJO("curve", JsonOutput.object().putPOJO("charge", curve(r.charge())).putPOJO("discharge", curve(r.discharge())));
    }

    private static ObjectNode curve(DqdvCurve c) {
        return JsonOutput.object().putPOJO("voltage_V", c.voltageV()).putPOJO("dqdv_mAh_V", c.dqdv()).putPOJO("dqdv_raw_mAh_V", c.dqdvRaw())
                .putPOJO("capacity_mAh", c.capacityGridMAh()).putPOJO("dvdq_V_mAh", c.dvdq());
    }

    /** The generic text (summary, peaks and pairs), then the H2-H3 pair in one sentence. */
    @Override
    protected void printHuman(JsonNode result, PrintWriter out) {
        super.printHuman(result, out);
        JsonNode h = result.path("h2_h3");
        out.println("H2-H3 pair: " + (h.isObject() ? "charge " + TextOutput.scalar(h.path("charge_V")) + " V, discharge "
                + TextOutput.scalar(h.path("discharge_V")) + " V, hysteresis " + TextOutput.scalar(h.path("hysteresis_V")) + " V"
                : "none found"));
    }
}
