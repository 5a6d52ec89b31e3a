package org.cathodekit.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.cathodekit.core.CyclerData;
import org.cathodekit.core.CyclerFormat;
import org.cathodekit.core.Json;
import org.cathodekit.cycling.CycleOptions;
import org.cathodekit.cycling.Dqdv;
import org.cathodekit.cycling.DqdvCurve;
import org.cathodekit.cycling.DqdvOptions;
import org.cathodekit.cycling.DqdvResult;
import org.cathodekit.cycling.PeakPair;
import org.cathodekit.io.CyclerReader;
import org.cathodekit.table.CyclingTables;

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
    String cycles;

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

    @Option(names = "--csv", description = "Also write the dQ/dV curve (long form) as CSV (never over the input).")
    Path csv;

    @Override
    protected Json.Obj compute() throws Exception {
        CycleOptions co = CyclesCommand.options(input, null, 2, "first-point", cycles, null);
        DqdvOptions o = DqdvOptions.DEFAULTS.withGridStepV(gridMv / 1000).withSmoothing(windowMv / 1000, order)
                .withMinProminence(minProminence).withCycleOptions(co);
        CyclingCli.guard(csv, input);
        CyclerData data = CyclerReader.read(input, CyclerFormat.fromName(format));
        DqdvResult r = Dqdv.of(data, cycle, o);
        if (csv != null) {
            CyclingCli.writeCsv(CyclingTables.dqdvCurve(r), csv);
        }
        List<Object> pairs = new ArrayList<>();
        for (PeakPair p : r.pairs()) {
            pairs.add(Json.object().put("charge_V", p.charge().voltageV()).put("discharge_V", p.discharge().voltageV())
                    .put("hysteresis_V", p.hysteresisV()).put("h2_h3", p.h2h3()));
        }
        PeakPair h = r.h2h3();
        return Json.object()
                .put("file", input.toString())
                .put("file_format", data.format())
                .put("cycle", r.cycle())
                .put("method", "Q(V) piecewise linear spread on a uniform voltage grid, Savitzky-Golay smoothing")
                .put("grid_step_V", o.gridStepV())
                .put("smoothing_window_V", o.smoothingWindowV())
                .put("smoothing_window_points", r.smoothingWindowPoints())
                .put("smoothing_order", o.smoothingOrder())
                .put("min_prominence", o.minProminence())
                .put("charge_mAh", r.charge().capacityMAh())
                .put("discharge_mAh", r.discharge().capacityMAh())
                .put("peaks", CyclingCli.json(r.peaks(), CyclingTables.PEAK_COLUMNS))
                .put("pairs", pairs)
                .put("h2_h3", h == null ? null : Json.object().put("charge_V", h.charge().voltageV())
                        .put("discharge_V", h.discharge().voltageV()).put("hysteresis_V", h.hysteresisV()))
                .put("csv", csv == null ? null : csv.toString())
                .put("curve", Json.object().put("charge", curve(r.charge())).put("discharge", curve(r.discharge())));
    }

    private static Json.Obj curve(DqdvCurve c) {
        return Json.object().put("voltage_V", c.voltageV()).put("dqdv_mAh_V", c.dqdv()).put("dqdv_raw_mAh_V", c.dqdvRaw())
                .put("capacity_mAh", c.capacityGridMAh()).put("dvdq_V_mAh", c.dvdq());
    }

    @Override
    protected void printHuman(Json.Obj result, PrintWriter out) {
        out.println("file: " + result.fields().get("file") + ", cycle " + result.fields().get("cycle") + ": "
                + result.fields().get("method") + " (grid " + CyclingCli.fmt((Double) result.fields().get("grid_step_V") * 1000)
                + " mV, window " + result.fields().get("smoothing_window_points") + " points)");
        List<?> peaks = (List<?>) result.fields().get("peaks");
        List<String> cols = List.of("direction", "voltage_V", "height", "area_mAh");
        out.println(String.format(java.util.Locale.ROOT, "%-10s %10s %12s %12s", cols.toArray()));
        for (Object p : peaks) {
            Json.Obj o = (Json.Obj) p;
            out.println(String.format(java.util.Locale.ROOT, "%-10s %10.4f %12.4g %12.4g", o.fields().get("direction"),
                    (Double) o.fields().get("voltage_V"), (Double) o.fields().get("height"), (Double) o.fields().get("area_mAh")));
        }
        Object h = result.fields().get("h2_h3");
        out.println("H2-H3 pair: " + (h == null ? "none found" : ((Json.Obj) h).fields()));
    }
}
