package org.cathodekit.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.cathodekit.core.CyclerData;
import org.cathodekit.core.CyclerFormat;
import org.cathodekit.core.JsonOutput;
import org.cathodekit.gitt.Gitt;
import org.cathodekit.gitt.GittOptions;
import org.cathodekit.gitt.GittPulse;
import org.cathodekit.gitt.GittResult;
import org.cathodekit.gitt.PulseDetection;
import org.cathodekit.io.CyclerReadOptions;
import org.cathodekit.io.CyclerReader;
import org.cathodekit.table.GittTables;

import com.fasterxml.jackson.databind.node.ObjectNode;

import org.apache.commons.math3.stat.descriptive.rank.Median;

import tech.tablesaw.api.Table;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code cathodekit gitt --input FILE --radius-um R [--window-sqrt-s 10:20] [--format auto] --json}:
 * Li diffusivity per GITT pulse (paper C eq. 2 and Weppner-Huggins) from a cycler export.
 */
@Command(name = "gitt", mixinStandardHelpOptions = true,
        description = "Li diffusivity per GITT pulse (paper C eq. 2 and Weppner-Huggins) from a cycler export "
                + "(generic CSV/TSV, BioLogic .mpt, Neware, Maccor, Arbin; .gz accepted). Reads only; writes nothing.")
final class GittCommand extends JsonCommand {
    @Option(names = "--input", required = true, description = "Cycler export (read-only).")
    Path input;

    @Option(names = "--radius-um", required = true, description = "Mean particle radius r_p [um].")
    double radiusUm;

    @Option(names = "--window-sqrt-s", defaultValue = "10:20", paramLabel = "START:END", converter = Range.Converter.class,
            description = "Fit window in sqrt(t - t_start) [s^0.5], start:end (default ${DEFAULT-VALUE}).")
    Range window;

    @Option(names = "--format", defaultValue = "auto",
            description = "auto, generic, mpt, neware, maccor or arbin (default ${DEFAULT-VALUE}).")
    String format;

    @picocli.CommandLine.Mixin
    CyclerColumnOptions columns = new CyclerColumnOptions();

    /** {@code --detection} values (any case). */
    enum Detection {
        /** Hysteresis on |I| ({@link PulseDetection#CURRENT_HYSTERESIS}). */
        CURRENT(PulseDetection.CURRENT_HYSTERESIS),
        /** The file's step column ({@link PulseDetection#STEP_COLUMN}). */
        STEP(PulseDetection.STEP_COLUMN);

        final PulseDetection rule;

        Detection(PulseDetection rule) {
            this.rule = rule;
        }
    }

    @Option(names = "--detection", defaultValue = "current",
            description = "Pulse detection: current (hysteresis on |I|) or step (step column) (default ${DEFAULT-VALUE}).")
    Detection detection;

    @Option(names = "--on-threshold-a", description = "|I| that starts a pulse [A] (default: half the typical pulse current).")
    Double onA;

    @Option(names = "--off-threshold-a", description = "|I| that ends a pulse [A] (default: a quarter of the typical pulse current).")
    Double offA;

    @Option(names = "--mass-mg", description = "Active mass [mg], for Li content per pulse.")
    Double massMg;

    @Option(names = "--molar-mass", description = "Molar mass of the active material [g/mol], for Li content.")
    Double molarMass;

    @Option(names = "--molar-volume-cm3", description = "Molar volume V_M [cm^3/mol] for the Weppner-Huggins (m, V_M, M, S) form (with --mass-mg, --molar-mass, --area-cm2).")
    Double molarVolume;

    @Option(names = "--area-cm2", description = "Contact area S [cm^2] for the Weppner-Huggins (m, V_M, M, S) form.")
    Double areaCm2;

    @Option(names = "--voltage-range-v", defaultValue = "0:10", paramLabel = "LO:HI", converter = Range.Converter.class,
            description = "Plausible cell voltage [V]; rows outside are left out and counted in 'warnings' (default ${DEFAULT-VALUE}).")
    Range voltageRange;

    @picocli.CommandLine.Mixin
    CsvOutput csv = new CsvOutput();

    /** The result of the last {@link #compute()}, for {@link #table}. */
    private GittResult result;


    @Override
    protected List<Path> inputs() {
        return List.of(input);
    }

    /** One row per pulse: {@link GittTables#pulses}, the same records as the JSON {@code pulses}. */
    @Override
    protected Table table(Object json) {
        return GittTables.pulses(result);
    }

    @Override
    protected Map<String, List<String>> textColumns() {
        return Map.of("pulses", List.of("index", "direction", "start_s", "tau_s", "current_A", "dEs_V", "dEt_V",
                "slope_V_per_sqrt_s", "r2", "D_m2_s", "flags"));
    }

    @Override
    protected ObjectNode compute() {
        double[] vr = voltageRange.toArray();
        double w1 = window.lo();
        double w2 = window.hi();
        GittOptions o = GittOptions.DEFAULTS.withRadiusM(radiusUm / 1e6).withWindowSqrtS(w1, w2);
        if (detection.rule != o.detection()) {
            o = o.withDetection(detection.rule);
        }
        if (onA != null || offA != null) {
            o = o.withThresholdsA(onA == null ? Double.NaN : onA, offA == null ? Double.NaN : offA);
        }
        if (massMg != null || molarMass != null) {
            if (massMg == null || molarMass == null) {
                throw new IllegalArgumentException("--mass-mg and --molar-mass must be given together");
            }
            o = o.withMaterial(massMg / 1e3, molarMass, 1.0);
        }
        if (molarVolume != null || areaCm2 != null) {
            if (molarVolume == null || areaCm2 == null || massMg == null) {
                throw new IllegalArgumentException("the (m, V_M, M, S) form needs --mass-mg, --molar-mass, --molar-volume-cm3 and --area-cm2 together");
            }
            o = o.withMolarVolumeAndArea(molarVolume, areaCm2);
        }
        CyclerFormat f = CyclerFormat.fromName(format);
        CyclerData data = CyclerReader.read(input, columns.applyTo(CyclerReadOptions.DEFAULTS.withFormat(f)));
        GittResult r = Gitt.analyse(data, o, vr[0], vr[1]);
        result = r;
        double[] d = r.pulses().stream().mapToDouble(GittPulse::dM2PerS).filter(Double::isFinite).toArray();
        return JsonOutput.object()
                .put("file", input.toString())
                .putPOJO("file_format", data.format())
                .put("encoding", data.encoding())
                .put("dialect", data.dialect())
                .putPOJO("units_detected", data.unitsDetected())
                .put("rows", data.size())
                .put("skipped_rows", data.skippedRowCount())
                .putPOJO("voltage_range_V", vr)
                .putPOJO("warnings", concat(data.warnings(), r.warnings()))
                .put("radius_m", o.radiusM())
                .putPOJO("window_sqrt_s", new double[] {w1, w2})
                .put("on_threshold_A", r.onThresholdA())
                .put("off_threshold_A", r.offThresholdA())
                .put("pulse_count", r.pulses().size())
                .put("median_D_m2_s", d.length == 0 ? Double.NaN : new Median().evaluate(d))
                .putPOJO("pulses", r.pulses())
                .putPOJO("dropped", r.dropped());
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }
}
