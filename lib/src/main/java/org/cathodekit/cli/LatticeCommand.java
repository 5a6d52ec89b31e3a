package org.cathodekit.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.cathodekit.core.DiffractionPattern;
import org.cathodekit.core.JsonOutput;
import org.cathodekit.core.XrdWavelength;
import org.cathodekit.diffraction.AxialDivergence;
import org.cathodekit.diffraction.AxialDivergenceFit;
import org.cathodekit.diffraction.CrystalSystem;
import org.cathodekit.diffraction.FitWarnings;
import org.cathodekit.diffraction.PeakWeights;
import org.cathodekit.diffraction.IndexedPeak;
import org.cathodekit.diffraction.LatticeFit;
import org.cathodekit.diffraction.LatticeOptions;
import org.cathodekit.diffraction.LatticeResult;
import org.cathodekit.diffraction.PeakFitOptions;
import org.cathodekit.diffraction.PeakFitting;
import org.cathodekit.diffraction.PeakResult;
import org.cathodekit.diffraction.Reflection;

import org.cathodekit.io.PatternReader;

import com.fasterxml.jackson.databind.node.ObjectNode;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code cathodekit lattice}: lattice parameters by least squares over indexed reflections. JSON
 * keys: {@code a_A}, {@code c_A}, {@code volume_A3} (with {@code _esd} siblings), {@code c_over_a},
 * {@code zero_shift_deg}, {@code sample_displacement_mm} (with {@code goniometer_radius_mm}; both 0
 * when not refined, see {@link LatticeFit} for when to use which), {@code ratio_003_104},
 * {@code peaks} (the indexed reflections used), {@code weights}, the peak asymmetry applied
 * ({@code axial_divergence_sh_over_l} with {@code _esd} and {@code axial_divergence_source}, see
 * {@link AxialDivergence}), the {@code profile} and {@code kalpha2_treatment} of the peak fits and {@code warnings}.
 *
 * <p>{@code --axial-divergence} rule: {@code auto} (default) refines the axial-divergence asymmetry
 * ({@link AxialDivergenceFit}) when {@code --sample-displacement} declares a Bragg-Brentano pattern
 * (the laboratory reflection geometry whose Soller-slit axial divergence makes low-angle peaks
 * asymmetric) and fits symmetric peaks otherwise; {@code none}, {@code refine} or a number (an A =
 * (S+H)/L known from the instrument's calibration, e.g. GSAS-II's SH/L) override it.
 */
@Command(name = "lattice", mixinStandardHelpOptions = true,
        description = "Lattice parameters (R-3m hexagonal setting or cubic) by least squares over indexed, profile-fitted reflections.")
final class LatticeCommand extends JsonCommand {

    @Mixin
    PatternOptions pattern = new PatternOptions();

    @Option(names = "--system", defaultValue = "r3m", description = "r3m (hexagonal setting), cubic (primitive, LaB6) or cubic-f (CeO2).")
    String system;

    @Option(names = "--a0", defaultValue = "2.87", description = "Starting a (A) for indexing (default ${DEFAULT-VALUE}).")
    double a0;

    @Option(names = "--c0", defaultValue = "14.2", description = "Starting c (A) for indexing (default ${DEFAULT-VALUE}).")
    double c0;

    @Option(names = "--zero-shift", description = "Refine a 2-theta zero shift z (constant offset; the term for transmission and"
            + " Debye-Scherrer/capillary geometries).")
    boolean zeroShift;

    @Option(names = "--sample-displacement", description = "Refine the Bragg-Brentano specimen displacement s: 2-theta shift"
            + " -2 s cos(theta)/R (reflection, flat plate); alone or with --zero-shift.")
    boolean sampleDisplacement;

    @Option(names = "--goniometer-radius-mm", description = "Goniometer radius R (mm) expressing s (default: the file's, else"
            + " 250, Bruker D8; PANalytical 240 or 320). Changes s only, never a or c.")
    Double goniometerRadiusMm;

    @Option(names = "--tolerance-deg", defaultValue = "0.25", description = "Indexing tolerance (deg, default ${DEFAULT-VALUE}).")
    double toleranceDeg;

    @Option(names = "--peaks", split = ",", description = "Peak positions to fit (deg); default: the reflections of a0/c0 inside the scan.")
    double[] peaks;

    @Option(names = "--profile", defaultValue = "lorentzian", description = "lorentzian, gaussian or pseudo-voigt.")
    String profile;

    @Option(names = "--window-deg", defaultValue = "1.0", description = "Half width of each fit window (deg, default ${DEFAULT-VALUE}).")
    double windowDeg;

    @Option(names = "--axial-divergence", defaultValue = "auto", description = "Peak asymmetry from axial divergence (Finger-Cox-Jephcoat,"
            + " A = (S+H)/L): auto (refined with --sample-displacement, else none), none, refine, or a value of A (e.g. GSAS-II's SH/L).")
    String axialDivergence;

    @Mixin
    CsvOutput csv = new CsvOutput();


    @Override
    protected java.util.List<Path> inputs() {
        return java.util.List.of(pattern.input);
    }

    /** {@code --csv} writes the {@code peaks} rows (as in the JSON). */
    @Override
    protected String tableKey() {
        return "peaks";
    }

    @Override
    protected ObjectNode compute() {
        DiffractionPattern p = WhCommand.readPattern(pattern.input, pattern.wavelengthA, pattern.kalpha2A, pattern.kalpha2Ratio);
        XrdWavelength wl = p.requireWavelength();
        CrystalSystem sys = switch (system.toLowerCase(Locale.ROOT)) {
            case "r3m", "r-3m", "hexagonal" -> CrystalSystem.HEXAGONAL_R3M;
            case "cubic", "cubic-p" -> CrystalSystem.CUBIC_P;
            case "cubic-f", "fcc" -> CrystalSystem.CUBIC_F;
            default -> throw new IllegalArgumentException("--system must be r3m, cubic or cubic-f, got '" + system + "'");
        };
        PeakFitOptions po = WhCommand.peakOptions(profile, pattern.kalpha2Mode, windowDeg).withWeights(pattern.weighting());
        PeakWeights weights = PeakWeights.resolve(p, po.weights(), po.kAlpha2());
        double[] x = p.twoThetaDeg();
        String radiusSource = "user: --goniometer-radius-mm";
        double radius;
        if (goniometerRadiusMm != null) {
            radius = goniometerRadiusMm;
            if (!(radius > 0)) {
                throw new IllegalArgumentException(pattern.input + ": --goniometer-radius-mm must be > 0, got " + radius);
            }
        } else if (PatternReader.goniometerRadiusMm(p).isPresent()) {
            radius = PatternReader.goniometerRadiusMm(p).getAsDouble();
            radiusSource = "file";
        } else {
            radius = LatticeOptions.DEFAULT_GONIOMETER_RADIUS_MM;
            radiusSource = "default (the file states none)";
        }
        LatticeOptions lo = new LatticeOptions(sys, a0, c0, zeroShift, toleranceDeg, x[0] + windowDeg / 2, x[x.length - 1] - windowDeg / 2,
                sampleDisplacement, radius);
        double[] pk = peaks;
        boolean defaultList = pk == null;
        if (pk == null) {
            List<Reflection> refl = LatticeFit.observable(sys.reflections(a0, c0, wl.alpha1A(), lo.minTwoThetaDeg(), lo.maxTwoThetaDeg()), sys);
            pk = LatticeFit.fitPositions(refl, toleranceDeg);
        }
        String axialMode = axialDivergence.trim().toLowerCase(Locale.ROOT);
        boolean refineAxial = axialMode.equals("refine") || axialMode.equals("auto") && sampleDisplacement;
        String axialSource;
        AxialDivergence axial = AxialDivergence.NONE;
        switch (axialMode) {
            case "auto", "refine" -> axialSource = refineAxial ? null : "none (auto: symmetric peaks without --sample-displacement)";
            case "none" -> axialSource = "none (user: --axial-divergence none)";
            default -> {
                double v;
                try {
                    v = Double.parseDouble(axialMode);
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException(pattern.input + ": --axial-divergence must be auto, none, refine or a number"
                            + " A = (S+H)/L in [0, " + AxialDivergence.MAX_SH_OVER_L + "], got '" + axialDivergence + "'");
                }
                if (!(v >= 0 && v <= AxialDivergence.MAX_SH_OVER_L)) {
                    throw new IllegalArgumentException(pattern.input + ": --axial-divergence A = (S+H)/L must be in [0, "
                            + AxialDivergence.MAX_SH_OVER_L + "], got " + v);
                }
                axial = new AxialDivergence(v);
                axialSource = "user: --axial-divergence " + v;
            }
        }
        double axialEsd = Double.NaN;
        List<PeakResult> fits;
        LatticeResult r;
        AxialDivergenceFit.Result axialFit = null;
        try {
            if (refineAxial) {
                axialFit = AxialDivergenceFit.refine(p, pk, po);
                axial = axialFit.axialDivergence();
                axialEsd = axialFit.shOverLEsd();
                fits = axialFit.fits();
                String why = axialMode.equals("auto") ? "auto: --sample-displacement declares Bragg-Brentano" : "user: --axial-divergence refine";
                axialSource = axialFit.significant()
                        ? String.format(Locale.ROOT, "refined (%s): total chi-square of the %d window points %.6g (symmetric peaks) -> %.6g",
                                why, axialFit.points(), axialFit.chiSquareSymmetric(), axialFit.chiSquare())
                        : String.format(Locale.ROOT, "none: refined (%s) but not significant, A = %.4f lowers the chi-square of the %d window"
                                + " points by %.3g < %.0f x reduced chi-square %.3g; symmetric peaks kept", why, axialFit.candidateShOverL(),
                                axialFit.points(), axialFit.chiSquareSymmetric() - axialFit.candidateChiSquare(),
                                AxialDivergenceFit.SIGNIFICANCE, axialFit.reducedChiSquare());
            } else {
                fits = PeakFitting.fit(p, pk, po.withAxialDivergence(axial));
            }
            r = LatticeFit.fromPeaks(fits, wl.alpha1A(), lo);
        } catch (IllegalArgumentException e) {
            throw WhCommand.inFile(pattern.input, (defaultList ? "default " + sys + " reflections of a0 " + a0 + " A, c0 " + c0
                    + " A (if the pattern is not this material give --peaks or its a0/c0) " : "peaks ") + WhCommand.describe(pk), e);
        }
        List<String> warnings = new ArrayList<>(FitWarnings.lowWindowR2(fits, FitWarnings.WINDOW_R2_FLOOR));
        if (defaultList && sys == CrystalSystem.HEXAGONAL_R3M) {
            FitWarnings.notLayeredOxide(fits, a0, c0, FitWarnings.WINDOW_R2_FLOOR, FitWarnings.LAYERED_OXIDE_MIN_SHARE).ifPresent(warnings::add);
        }
        if (Math.abs(r.zeroDisplacementCorrelation()) > 0.98) {
            warnings.add(String.format(Locale.ROOT, "zero shift and sample displacement correlated (r = %.3f): the scan range cannot separate"
                    + " them; refine only one", r.zeroDisplacementCorrelation()));
        }
        if (axialFit != null && axial.shOverL() >= AxialDivergenceFit.GRID_MAX - 1e-9) {
            warnings.add(String.format(Locale.ROOT, "axial-divergence asymmetry refined to the search limit A = %.3f: the peak shapes are"
                    + " not those of axial divergence (give --axial-divergence none or the instrument's value)", axial.shOverL()));
        }
        List<Object> used = new ArrayList<>();
        for (IndexedPeak ip : r.peaks()) {
            Reflection f = ip.reflection();
            used.add(JsonOutput.object().put("hkl", f.label()).put("h", f.h()).put("k", f.k()).put("l", f.l())
                    .put("two_theta_obs_deg", ip.twoThetaObsDeg()).put("two_theta_calc_deg", ip.twoThetaCalcDeg())
                    .put("residual_deg", ip.residualDeg()).put("d_A", sys.dSpacingA(f.h(), f.k(), f.l(), r.aA(), r.cA()))
                    .put("area", ip.area()));
        }
        return JsonOutput.object()
                .put("input", pattern.input.toString())
                .putPOJO("system", sys)
                .put("a_A", r.aA())
                .put("a_esd_A", r.aEsdA())
                .put("c_A", r.cA())
                .put("c_esd_A", r.cEsdA())
                .put("volume_A3", r.volumeA3())
                .put("volume_esd_A3", r.volumeEsdA3())
                .put("c_over_a", r.cOverA())
                .put("c_over_a_esd", r.cOverAEsd())
                .put("zero_shift_deg", r.zeroShiftDeg())
                .put("zero_shift_esd_deg", r.zeroShiftEsdDeg())
                .put("zero_shift_refined", lo.refineZeroShift())
                .put("sample_displacement_mm", r.sampleDisplacementMm())
                .put("sample_displacement_esd_mm", r.sampleDisplacementEsdMm())
                .put("sample_displacement_refined", lo.refineSampleDisplacement())
                .put("goniometer_radius_mm", r.goniometerRadiusMm())
                .put("goniometer_radius_source", radiusSource)
                .put("zero_displacement_correlation", r.zeroDisplacementCorrelation())
                .put("profile", po.profile().name().toLowerCase(Locale.ROOT))
                .put("kalpha2_treatment", wl.hasAlpha2() ? po.kAlpha2().name().toLowerCase(Locale.ROOT) : "none (monochromatic)")
                .put("axial_divergence_sh_over_l", axial.shOverL())
                .put("axial_divergence_sh_over_l_esd", axialEsd)
                .put("axial_divergence_source", axialSource)
                .put("rms_residual_deg", r.rmsResidualDeg())
                .put("ratio_003_104", sys == CrystalSystem.HEXAGONAL_R3M ? LatticeFit.intensityRatio003to104(r.peaks()) : null)
                .put("n_peaks", r.peaks().size())
                .putPOJO("peaks", used)
                .putPOJO("failed_peaks", WhCommand.failed(fits))
                .put("wavelength_A", wl.alpha1A())
                .put("wavelength_source", wl.describe())
                .put("weights", weights.label())
                .put("weights_reason", weights.reason())
                .put("window_r2_floor", FitWarnings.WINDOW_R2_FLOOR)
                .putPOJO("warnings", warnings);
    }
}
