package org.cathodekit.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.cathodekit.core.CyclerData;
import org.cathodekit.core.CyclerFormat;
import org.cathodekit.core.JsonOutput;
import org.cathodekit.cycling.CycleOptions;
import org.cathodekit.cycling.CycleSource;
import org.cathodekit.cycling.CycleSummary;
import org.cathodekit.cycling.Cycles;
import org.cathodekit.cycling.OnsetDefinition;
import org.cathodekit.io.CyclerReader;
import org.cathodekit.table.CyclingTables;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import tech.tablesaw.api.Table;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code cathodekit cycles --input FILE [--mass-mg M] [--reference-cycle 2] [--onset first-point|time:S|capacity:MAH_G] [--csv OUT] --json}:
 * the cycle summary of {@link Cycles} (capacities, efficiencies, onset discharge voltage, retention).
 */
@Command(name = "cycles", mixinStandardHelpOptions = true,
        description = "Cycle summary of a cycler export: charge/discharge capacity (mAh, mAh/g), coulombic and energy "
                + "efficiency, mean/end voltages, onset discharge voltage, IR drop, retention vs a reference cycle. "
                + "Reads only; writes only --csv.")
final class CyclesCommand extends JsonCommand {
    @Option(names = "--input", required = true, description = "Cycler export (read-only; .gz accepted).")
    Path input;

    @Option(names = "--format", defaultValue = "auto",
            description = "auto, generic, mpt, neware, maccor or arbin (default ${DEFAULT-VALUE}).")
    String format;

    @Option(names = "--mass-mg", description = "Active-material mass [mg] (default: the mass stated in the file, if any).")
    Double massMg;

    @Option(names = "--reference-cycle", defaultValue = "2",
            description = "Cycle whose discharge capacity is 100 %% retention (default ${DEFAULT-VALUE}, the 2nd discharge).")
    int referenceCycle;

    @Option(names = "--onset", defaultValue = "first-point",
            description = "Onset discharge voltage: first-point, time:SECONDS or capacity:MAH_PER_G into the discharge "
                    + "(default ${DEFAULT-VALUE}).")
    String onset;

    /** {@code --cycles} values (any case): where cycle numbers come from. */
    enum CycleNumbers {
        /** The file's cycle column when present, else current sign changes ({@link CycleSource#AUTO}). */
        AUTO(CycleSource.AUTO),
        /** The file's cycle column ({@link CycleSource#CYCLE_COLUMN}). */
        COLUMN(CycleSource.CYCLE_COLUMN),
        /** Current sign changes ({@link CycleSource#CURRENT_SIGN}). */
        SIGN(CycleSource.CURRENT_SIGN);

        final CycleSource source;

        CycleNumbers(CycleSource source) {
            this.source = source;
        }
    }

    @Option(names = "--cycles", defaultValue = "auto",
            description = "Cycle numbers from: auto (the file's cycle column when present), column, or sign "
                    + "(current sign changes) (default ${DEFAULT-VALUE}).")
    CycleNumbers cycles;

    @Option(names = "--current-threshold-a", description = "|I| at most this is rest [A] (default 1e-3 of the largest |I|).")
    Double thresholdA;

    @picocli.CommandLine.Mixin
    CsvOutput csv = new CsvOutput();

    /** The summary of the last {@link #compute()}, for {@link #table}. */
    private CycleSummary summary;


    @Override
    protected List<Path> inputs() {
        return List.of(input);
    }

    /** The per-cycle table ({@link CyclingTables#cycles}). */
    @Override
    protected Table table(Object result) {
        return CyclingTables.cycles(summary);
    }

    @Override
    protected Map<String, List<String>> textColumns() {
        return Map.of("cycles", List.of("cycle", "charge_mAh", "discharge_mAh", "charge_mAh_g", "discharge_mAh_g",
                "coulombic_efficiency", "onset_discharge_V", "ir_drop_V", "retention_pct", "flags"));
    }

    static CycleOptions parseOnset(CycleOptions o, String onset) {
        String s = onset.trim().toLowerCase(Locale.ROOT);
        if (s.equals("first-point") || s.equals("first")) {
            return o.withOnset(OnsetDefinition.FIRST_POINT, 0);
        }
        String[] p = s.split(":");
        if (p.length == 2 && (p[0].equals("time") || p[0].equals("capacity"))) {
            double x;
            try {
                x = Double.parseDouble(p[1]);
            } catch (NumberFormatException e) {
                x = Double.NaN;
            }
            if (!(x >= 0) || !Double.isFinite(x)) {
                throw new IllegalArgumentException("--onset " + onset + ": expected a number >= 0 after '" + p[0] + ":'");
            }
            return o.withOnset(p[0].equals("time") ? OnsetDefinition.AT_TIME_INTO_DISCHARGE
                    : OnsetDefinition.AT_CAPACITY_INTO_DISCHARGE, x);
        }
        throw new IllegalArgumentException("--onset must be first-point, time:SECONDS or capacity:MAH_PER_G, got '" + onset + "'");
    }

    static CycleOptions options(Path input, Double massMg, int referenceCycle, String onset, CycleNumbers cycles,
            Double thresholdA) {
        if (massMg != null && !(massMg > 0 && Double.isFinite(massMg))) {
            throw new IllegalArgumentException(input + ": --mass-mg " + massMg
                    + " is not a mass; expected the positive active-material mass in mg");
        }
        CycleOptions o = CycleOptions.DEFAULTS.withReferenceCycle(referenceCycle);
        if (massMg != null) {
            o = o.withActiveMassMg(massMg);
        }
        o = parseOnset(o, onset);
        o = o.withCycleSource(cycles.source);
        if (thresholdA != null) {
            o = o.withCurrentThresholdA(thresholdA);
        }
        return o;
    }

    @Override
    protected ObjectNode compute() throws Exception {
        CycleOptions o = options(input, massMg, referenceCycle, onset, cycles, thresholdA);
        CyclerData data = CyclerReader.read(input, CyclerFormat.fromName(format));
        CycleSummary s = Cycles.summarise(data, o);
        summary = s;
        return JsonOutput.object()
                .put("file", input.toString())
                .putPOJO("file_format", data.format())
                .put("rows", data.size())
                .putPOJO("units_detected", data.unitsDetected())
                .putPOJO("cycle_source", s.source())
                .put("current_threshold_A", s.currentThresholdA())
                .put("active_mass_mg", s.activeMassMg())
                .put("mass_source", s.massSource())
                .putPOJO("onset_definition", o.onset())
                .put("onset_amount", o.onset() == OnsetDefinition.FIRST_POINT ? null : o.onsetAmount())
                .put("onset_amount_unit", switch (o.onset()) {
                    case FIRST_POINT -> null;
                    case AT_TIME_INTO_DISCHARGE -> "s";
                    case AT_CAPACITY_INTO_DISCHARGE -> "mAh/g";
                })
                .put("reference_cycle", s.referenceCycle())
                .put("reference_discharge_mAh", s.referenceDischargeMAh())
                .put("last_complete_cycle", s.lastCompleteCycle() < 0 ? null : s.lastCompleteCycle())
                .put("retention_pct", s.lastRetentionPct())
                .put("counters_compared", s.countersCompared())
                .putPOJO("warnings", s.warnings())
                .put("csv", csv.file() == null ? null : csv.file().toString())
                .putPOJO("cycles", CyclingCli.json(s.cycles(), CyclingTables.CYCLE_COLUMNS));
    }

    /** The generic text (summary, per-cycle table), then the retention sentence. */
    @Override
    protected void printHuman(JsonNode result, PrintWriter out) {
        super.printHuman(result, out);
        JsonNode ret = result.path("retention_pct");
        out.println("retention of cycle " + TextOutput.scalar(result.path("last_complete_cycle")) + " vs cycle "
                + TextOutput.scalar(result.path("reference_cycle")) + ": " + (ret.isNumber() ? TextOutput.number(ret.doubleValue()) + " %" : "-"));
    }
}
