package org.cathodekit.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.cathodekit.core.DiffractionPattern;
import org.cathodekit.core.JsonOutput;
import org.cathodekit.core.XrdWavelength;
import org.cathodekit.diffraction.CrystalSystem;
import org.cathodekit.diffraction.FitWarnings;
import org.cathodekit.diffraction.PeakWeights;
import org.cathodekit.diffraction.InstrumentFunction;
import org.cathodekit.diffraction.KAlpha2;
import org.cathodekit.diffraction.LatticeFit;
import org.cathodekit.diffraction.PeakFitOptions;
import org.cathodekit.diffraction.PeakResult;
import org.cathodekit.diffraction.Profile;
import org.cathodekit.diffraction.Reflection;
import org.cathodekit.diffraction.StandardMaterial;
import org.cathodekit.diffraction.WhPoint;
import org.cathodekit.diffraction.WilliamsonHall;
import org.cathodekit.diffraction.WilliamsonHallOptions;
import org.cathodekit.diffraction.WilliamsonHallResult;
import org.cathodekit.io.PatternReader;

import com.fasterxml.jackson.databind.node.ObjectNode;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code cathodekit wh}: Williamson-Hall size and microstrain (paper C eq. 4) from one pattern.
 * {@code strain} is eps of eq. 4 and equals {@code slope} (the 4 is on the x axis
 * {@code 4 sin(theta)/(K lambda)}); {@code intercept} = 1/D in 1/A, {@code size_nm} = D.
 * JSON keys: {@code size_nm}, {@code strain}, {@code r2}, {@code intercept}, {@code slope} (each
 * with a {@code _stderr} sibling except r2) and {@code peaks} (each with {@code two_theta_deg},
 * {@code fwhm_deg}, {@code beta_rad} = sample width after instrument removal), plus
 * {@code failed_peaks} (fits that failed, and fitted peaks the instrument correction removed, status
 * {@code REMOVED_BY_INSTRUMENT}), the resolved wavelength, profile, K and instrument correction,
 * {@code weights} / {@code weights_reason} (the one weighting rule of {@code PeakWeights}) and
 * {@code warnings} (what was doubtful: {@code FitWarnings}).
 */
@Command(name = "wh", mixinStandardHelpOptions = true,
        description = "Williamson-Hall crystallite size and microstrain (paper C eq. 4) from Lorentzian (or Gaussian/pseudo-Voigt) peak fits.")
final class WhCommand extends JsonCommand {

    @Mixin
    PatternOptions pattern = new PatternOptions();

    @Option(names = "--peaks", split = ",", description = "Peak positions (deg 2-theta), e.g. 18.7,36.6,44.4. Default: layered-oxide reflections of --a0/--c0 inside the scan.")
    double[] peaks;

    @Option(names = "--a0", defaultValue = "2.87", description = "a (A) for the default peak list (default ${DEFAULT-VALUE}).")
    double a0;

    @Option(names = "--c0", defaultValue = "14.2", description = "c (A) for the default peak list (default ${DEFAULT-VALUE}).")
    double c0;

    @Option(names = "--profile", defaultValue = "lorentzian", description = "lorentzian (paper C), gaussian or pseudo-voigt.")
    String profile;

    @Option(names = "--instrument", description = "Standard pattern (LaB6/CeO2) measured on the same instrument: Caglioti function removed from the widths.")
    Path instrument;

    /** {@code --standard} values (any case). */
    enum Standard {
        /** NIST SRM 660c. */
        LAB6(StandardMaterial.LAB6_SRM660C),
        /** NIST SRM 674b. */
        CEO2(StandardMaterial.CEO2_SRM674B);

        final StandardMaterial material;

        Standard(StandardMaterial material) {
            this.material = material;
        }
    }

    @Option(names = "--standard", defaultValue = "lab6", description = "Material of --instrument: lab6 (SRM 660c) or ceo2 (SRM 674b).")
    Standard standard;

    @Option(names = "--k", defaultValue = "0.9", description = "Scherrer constant K (default ${DEFAULT-VALUE}).")
    double k;

    @Option(names = "--window-deg", defaultValue = "1.0", description = "Half width of each fit window (deg, default ${DEFAULT-VALUE}).")
    double windowDeg;

    @Option(names = "--max-iterations", defaultValue = "200", description = "Levenberg-Marquardt iteration limit per fit window; a window that"
            + " does not converge is reported in failed_peaks (default ${DEFAULT-VALUE}).")
    int maxIterations;

    @Mixin
    CsvOutput csv = new CsvOutput();


    @Override
    protected java.util.List<Path> inputs() {
        return instrument == null ? java.util.List.of(pattern.input) : java.util.List.of(pattern.input, instrument);
    }

    /** {@code --csv} writes the {@code peaks} rows (as in the JSON). */
    @Override
    protected String tableKey() {
        return "peaks";
    }

    @Override
    protected ObjectNode compute() {
        DiffractionPattern p = readPattern(pattern.input, pattern.wavelengthA, pattern.kalpha2A, pattern.kalpha2Ratio);
        XrdWavelength wl = p.requireWavelength();
        PeakFitOptions po = peakOptions(profile, pattern.kalpha2Mode, windowDeg).withMaxIterations(maxIterations)
                .withWeights(pattern.weighting());
        PeakWeights weights = PeakWeights.resolve(p, po.weights(), po.kAlpha2());
        InstrumentFunction inst = InstrumentFunction.NONE;
        if (instrument != null) {
            DiffractionPattern std = readPattern(instrument, pattern.wavelengthA, pattern.kalpha2A, pattern.kalpha2Ratio);
            StandardMaterial mat = standard.material;
            try {
                inst = InstrumentFunction.fromStandard(std, mat, po, 15, 150);
            } catch (IllegalArgumentException e) {
                throw inFile(instrument, "--instrument standard " + mat, e);
            }
        }
        double[] pk = peaks;
        boolean defaultList = pk == null;
        if (pk == null) {
            double[] x = p.twoThetaDeg();
            List<Reflection> refl = LatticeFit.observable(CrystalSystem.HEXAGONAL_R3M.reflections(a0, c0, wl.alpha1A(), x[0] + windowDeg,
                    x[x.length - 1] - windowDeg), CrystalSystem.HEXAGONAL_R3M);
            pk = refl.stream().mapToDouble(Reflection::twoThetaDeg).toArray();
        }
        WilliamsonHallOptions who = WilliamsonHallOptions.DEFAULTS.withK(k).withCorrection(po.profile().defaultCorrection());
        WilliamsonHallResult r;
        try {
            r = WilliamsonHall.analyse(p, pk, po, inst, who);
        } catch (IllegalArgumentException e) {
            throw inFile(pattern.input, (defaultList ? "default layered-oxide peaks (a0 " + a0 + " A, c0 " + c0
                    + " A; if the pattern is not a layered oxide give --peaks) " : "peaks ") + describe(pk), e);
        }
        List<String> warnings = new ArrayList<>(FitWarnings.lowWindowR2(r.fits(), FitWarnings.WINDOW_R2_FLOOR));
        if (defaultList) {
            FitWarnings.notLayeredOxide(r.fits(), a0, c0, FitWarnings.WINDOW_R2_FLOOR, FitWarnings.LAYERED_OXIDE_MIN_SHARE)
                    .ifPresent(warnings::add);
        }
        FitWarnings.negativeStrain(r).ifPresent(warnings::add);
        List<FitWarnings.RemovedPeak> removed = FitWarnings.removedByInstrument(r);
        if (!removed.isEmpty()) {
            warnings.add(removed.size() + " of " + r.fits().size() + " peaks removed by the instrument correction (listed in failed_peaks)");
        }
        List<Object> failedPeaks = failed(r.fits());
        for (FitWarnings.RemovedPeak rp : removed) {
            failedPeaks.add(JsonOutput.object().put("requested_deg", rp.requestedDeg()).put("status", "REMOVED_BY_INSTRUMENT")
                    .put("two_theta_deg", rp.twoThetaDeg()).put("fwhm_deg", rp.fwhmDeg()).put("instrument_fwhm_deg", rp.instrumentFwhmDeg())
                    .put("message", rp.reason()));
        }
        List<Object> pts = new ArrayList<>();
        for (WhPoint w : r.points()) {
            PeakResult f = r.fits().stream().filter(q -> q.status().ok() && q.twoThetaDeg() == w.twoThetaDeg()).findFirst().orElse(null);
            pts.add(JsonOutput.object()
                    .put("two_theta_deg", w.twoThetaDeg())
                    .put("two_theta_stderr_deg", f == null ? null : f.twoThetaStderrDeg())
                    .put("fwhm_deg", Math.toDegrees(w.betaObservedRad()))
                    .put("fwhm_stderr_deg", f == null ? null : f.fwhmStderrDeg())
                    .put("beta_rad", w.betaRad())
                    .put("beta_observed_rad", w.betaObservedRad())
                    .put("beta_instrument_rad", w.betaInstrumentRad())
                    .put("area", f == null ? null : f.area())
                    .put("x_per_A", w.x())
                    .put("y_per_A", w.y())
                    .put("residual_per_A", w.residual())
                    .put("scherrer_size_nm", w.scherrerSizeNm())
                    .put("window_r2", f == null ? null : f.windowR2()));
        }
        return JsonOutput.object()
                .put("input", pattern.input.toString())
                .put("size_nm", r.sizeNm())
                .put("size_nm_stderr", r.sizeStderrNm())
                .put("strain", r.strain())
                .put("strain_stderr", r.strainStderr())
                .put("r2", r.r2())
                .put("intercept", r.intercept())
                .put("intercept_stderr", r.interceptStderr())
                .put("slope", r.slope())
                .put("slope_stderr", r.slopeStderr())
                .put("intercept_unit", "1/A")
                .put("equation", "paper C eq. 4: beta cos(theta)/(K lambda) = 1/D + eps 4 sin(theta)/(K lambda); x = 4 sin(theta)/(K lambda),"
                        + " y = beta cos(theta)/(K lambda) (1/A), beta = sample Lorentzian FWHM (rad), theta = 2-theta/2;"
                        + " intercept = 1/D, slope = strain = eps (dimensionless)")
                .put("size_note", r.intercept() > 0 ? "D = 1/intercept" : "intercept <= 0: size broadening not resolved, size_nm null")
                .putPOJO("peaks", pts)
                .putPOJO("failed_peaks", failedPeaks)
                .put("n_peaks", r.points().size())
                .put("weights", weights.label())
                .put("weights_reason", weights.reason())
                .put("window_r2_floor", FitWarnings.WINDOW_R2_FLOOR)
                .putPOJO("warnings", warnings)
                .put("k", r.k())
                .putPOJO("profile", po.profile())
                .put("kalpha2", wl.hasAlpha2() ? po.kAlpha2().name().toLowerCase(Locale.ROOT) : "none")
                .put("wavelength_A", wl.alpha1A())
                .put("wavelength_source", wl.describe())
                .putPOJO("instrument_correction", r.correction())
                .putPOJO("instrument", inst.isNone() ? null : JsonOutput.object().put("u_deg2", inst.uDeg2()).put("v_deg2", inst.vDeg2())
                        .put("w_deg2", inst.wDeg2()).put("r2", inst.r2()).put("source", inst.source()));
    }

    /** The requested peak list for messages, e.g. {@code [18.750, 44.450] deg}. */
    static String describe(double[] pk) {
        StringBuilder b = new StringBuilder("[");
        for (int i = 0; i < pk.length; i++) {
            b.append(i == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%.3f", pk[i]));
        }
        return b.append("] deg").toString();
    }

    static List<Object> failed(List<PeakResult> fits) {
        List<Object> out = new ArrayList<>();
        for (PeakResult f : fits) {
            if (!f.status().ok()) {
                out.add(JsonOutput.object().put("requested_deg", f.requestedDeg()).putPOJO("status", f.status()).put("message", f.message()));
            }
        }
        return out;
    }

    /** Reads a pattern; an explicit wavelength replaces the file's (noted in the pattern). */
    static DiffractionPattern readPattern(Path file, Double l1, Double l2, Double ratio) {
        DiffractionPattern p = PatternReader.read(file);
        if (l1 == null) {
            if (l2 != null || ratio != null) {
                throw new IllegalArgumentException("--kalpha2-A/--kalpha2-ratio need --wavelength-A as well");
            }
            return p;
        }
        XrdWavelength w;
        try {
            w = l2 == null ? XrdWavelength.monochromatic(l1, "user: --wavelength-A")
                    : new XrdWavelength(l1, l2, ratio == null ? XrdWavelength.CU_RATIO : ratio, "user: --wavelength-A/--kalpha2-A");
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(file + ": --wavelength-A/--kalpha2-A: " + e.getMessage()
                    + "; expected an X-ray wavelength of 0.05-5 A (Cu K-alpha1 1.540593)");
        }
        return p.withWavelength(w);
    }

    /**
     * Names the input file and the option or peak list in an analysis error that does not name
     * them yet (file-format errors already do and pass through unchanged).
     */
    static IllegalArgumentException inFile(Path file, String where, IllegalArgumentException e) {
        if (e instanceof org.cathodekit.core.DataFormatException || String.valueOf(e.getMessage()).contains(file.toString())) {
            return e;
        }
        return new IllegalArgumentException(file + ": " + where + ": " + e.getMessage(), e);
    }

    static PeakFitOptions peakOptions(String profile, String kalpha2, double windowDeg) {
        Map<String, Profile> names = Map.of("lorentzian", Profile.LORENTZIAN, "gaussian", Profile.GAUSSIAN, "pseudo-voigt",
                Profile.PSEUDO_VOIGT, "pseudovoigt", Profile.PSEUDO_VOIGT, "pv", Profile.PSEUDO_VOIGT);
        Profile pr = names.get(profile.toLowerCase(Locale.ROOT));
        if (pr == null) {
            throw new IllegalArgumentException("--profile must be lorentzian, gaussian or pseudo-voigt, got '" + profile + "'");
        }
        KAlpha2 ka = switch (kalpha2.toLowerCase(Locale.ROOT)) {
            case "doublet" -> KAlpha2.DOUBLET;
            case "strip" -> KAlpha2.STRIP;
            case "ignore", "none" -> KAlpha2.IGNORE;
            default -> throw new IllegalArgumentException("--kalpha2 must be doublet, strip or ignore, got '" + kalpha2 + "'");
        };
        return PeakFitOptions.DEFAULTS.withProfile(pr).withKAlpha2(ka).withWindowHalfWidthDeg(windowDeg);
    }
}
