package org.cathodekit.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.cathodekit.core.CyclerData;
import org.cathodekit.core.CyclerFormat;
import org.cathodekit.core.Json;
import org.cathodekit.gitt.DroppedPulse;
import org.cathodekit.gitt.Gitt;
import org.cathodekit.gitt.GittOptions;
import org.cathodekit.gitt.GittPulse;
import org.cathodekit.gitt.GittResult;
import org.cathodekit.gitt.PulseDetection;
import org.cathodekit.io.CyclerReadOptions;
import org.cathodekit.io.CyclerReader;

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

    @Option(names = "--window-sqrt-s", defaultValue = "10:20",
            description = "Fit window in sqrt(t - t_start) [s^0.5], start:end (default ${DEFAULT-VALUE}).")
    String window;

    @Option(names = "--format", defaultValue = "auto",
            description = "auto, generic, mpt, neware, maccor or arbin (default ${DEFAULT-VALUE}).")
    String format;

    @picocli.CommandLine.Mixin
    CyclerColumnOptions columns = new CyclerColumnOptions();

    @Option(names = "--detection", defaultValue = "current",
            description = "Pulse detection: current (hysteresis on |I|) or step (step column) (default ${DEFAULT-VALUE}).")
    String detection;

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

    @Option(names = "--voltage-range-v", defaultValue = "0:10", paramLabel = "LO:HI",
            description = "Plausible cell voltage [V]; rows outside are left out and counted in 'warnings' (default ${DEFAULT-VALUE}).")
    String voltageRange;

    @Override
    protected Json.Obj compute() {
        double[] vr = range(voltageRange, "--voltage-range-v");
        String[] w = window.split(":");
        if (w.length != 2) {
            throw new IllegalArgumentException("--window-sqrt-s must be start:end in s^0.5, e.g. 10:20, got '" + window + "'");
        }
        double w1;
        double w2;
        try {
            w1 = Double.parseDouble(w[0].trim());
            w2 = Double.parseDouble(w[1].trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--window-sqrt-s must be two numbers start:end, got '" + window + "'");
        }
        GittOptions o = GittOptions.DEFAULTS.withRadiusM(radiusUm / 1e6).withWindowSqrtS(w1, w2);
        o = switch (detection.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "current" -> o;
            case "step" -> o.withDetection(PulseDetection.STEP_COLUMN);
            default -> throw new IllegalArgumentException("--detection must be current or step, got '" + detection + "'");
        };
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
        List<Object> pulses = new ArrayList<>();
        for (GittPulse p : r.pulses()) {
            pulses.add(Json.object()
                    .put("index", p.index())
                    .put("direction", p.direction())
                    .put("start_s", p.startS())
                    .put("tau_s", p.tauS())
                    .put("current_A", p.currentA())
                    .put("E_before_V", p.eBeforeV())
                    .put("E_after_V", p.eAfterV())
                    .put("dEs_V", p.dEsV())
                    .put("dEt_V", p.dEtV())
                    .put("ir_drop_V", p.irDropV())
                    .put("slope_V_per_sqrt_s", p.slopeVPerSqrtS())
                    .put("r2", p.r2())
                    .put("window_points", p.windowPoints())
                    .put("D_m2_s", p.dM2PerS())
                    .put("D_wh_m2_s", p.dWhM2PerS())
                    .put("D_wh_mass_form_m2_s", p.dWhMassFormM2PerS())
                    .put("li_content_after", p.liContentAfter())
                    .put("ocv_nonlinearity", p.ocvNonlinearity())
                    .put("flags", p.flags().stream().map(Enum::name).toList()));
        }
        List<Object> dropped = new ArrayList<>();
        for (DroppedPulse d : r.dropped()) {
            dropped.add(Json.object().put("start_s", d.startS()).put("end_s", d.endS()).put("current_A", d.currentA())
                    .put("reason", d.reason()));
        }
        return Json.object()
                .put("file", input.toString())
                .put("file_format", data.format())
                .put("encoding", data.encoding())
                .put("dialect", data.dialect())
                .put("units_detected", data.unitsDetected())
                .put("rows", data.size())
                .put("skipped_rows", data.skippedRowCount())
                .put("voltage_range_V", vr)
                .put("warnings", concat(data.warnings(), r.warnings()))
                .put("radius_m", o.radiusM())
                .put("window_sqrt_s", new double[] {w1, w2})
                .put("on_threshold_A", r.onThresholdA())
                .put("off_threshold_A", r.offThresholdA())
                .put("pulses", pulses)
                .put("dropped", dropped);
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }

    private static double[] range(String s, String option) {
        String[] p = s.split(":");
        try {
            if (p.length == 2) {
                double lo = Double.parseDouble(p[0].trim());
                double hi = Double.parseDouble(p[1].trim());
                if (lo < hi) {
                    return new double[] {lo, hi};
                }
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(option + " must be LO:HI with numbers LO < HI (volts), got '" + s + "'");
    }
}
