package org.cathodekit.diffraction;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

import org.cathodekit.core.AtomicFiles;
import org.cathodekit.core.DiffractionPattern;
import org.cathodekit.core.XrdWavelength;

/**
 * Documented, seeded forward model of powder patterns with planted crystallite size and
 * microstrain, used for notebooks, tests and benchmarks. <b>Synthetic: not the papers' data.</b>
 *
 * <p>For every reflection hkl of the lattice inside the scan (2-theta from Bragg's law with
 * K-alpha1):
 * <ul>
 *   <li>sample FWHM (rad), the inverse of paper C eq. 4:
 *       {@code beta = K lambda / (D cos theta) + 4 eps tan theta}, K = 0.9;</li>
 *   <li>observed FWHM = instrument FWHM (Caglioti, {@link SyntheticSpec#instrument()}) + beta
 *       (Lorentzian widths add under convolution, so the linear correction is exact here);</li>
 *   <li>Lorentzian profile of integrated area {@code peakArea x I_rel/100}; with a K-alpha2
 *       component a second Lorentzian of the same FWHM at
 *       {@code 2 asin((lambda2/lambda1) sin theta)} with area ratio I2/I1;</li>
 *   <li>R-3m relative areas (typical layered LiMO2 with Cu radiation): 003 100, 101 35, 006 6,
 *       012 12, 104 100/ratio003to104, 015 12, 107 10, 018 9, 110 10, 113 9; cubic standards: 60 for
 *       every reflection;</li>
 *   <li>background {@code max(0, b0 + b1 (2theta - start))}, then Poisson noise from {@link Random}(seed)
 *       (normal approximation above 50 counts, Knuth's product method below).</li>
 * </ul>
 *
 * <p>Regenerate the data samples: {@code java -cp lib/target/cathodekit-0.1.0-cli.jar
 * org.cathodekit.diffraction.SyntheticPatterns data-samples/xrd}.
 */
public final class SyntheticPatterns {
    private SyntheticPatterns() {
    }

    /** Scherrer constant of the forward model. */
    public static final double K = 0.9;

    private static final Map<String, Double> R3M = Map.of("003", 100.0, "101", 35.0, "006", 6.0, "012", 12.0, "015", 12.0, "107", 10.0,
            "018", 9.0, "110", 10.0, "113", 9.0);

    /** Relative area (003 = 100) of an R-3m reflection in the model; 0 for reflections the model omits. */
    public static double relativeArea(Reflection r, SyntheticSpec s) {
        if (!s.system().hasC()) {
            return 60.0;
        }
        String l = r.label();
        if (l.equals("104")) {
            return 100.0 / s.ratio003to104();
        }
        return R3M.getOrDefault(l, 0.0);
    }

    /** Sample FWHM (rad) at 2-theta: {@code K lambda/(D cos theta) + 4 eps tan theta}. */
    public static double sampleFwhmRad(double twoThetaDeg, double lambdaA, double sizeNm, double strain) {
        double th = Math.toRadians(twoThetaDeg) / 2;
        double size = Double.isInfinite(sizeNm) ? 0 : K * lambdaA / (sizeNm * 10 * Math.cos(th));
        return size + 4 * strain * Math.tan(th);
    }

    /** The reflections the model draws (non-zero relative area, inside the scan). */
    public static List<Reflection> reflections(SyntheticSpec s) {
        List<Reflection> all = s.system().reflections(s.aA(), s.cA(), s.wavelength().alpha1A(), s.minTwoThetaDeg(), s.maxTwoThetaDeg());
        List<Reflection> out = new ArrayList<>();
        for (Reflection r : all) {
            if (relativeArea(r, s) > 0) {
                out.add(r);
            }
        }
        return out;
    }

    /** Generates one pattern (deterministic for a given spec). */
    public static DiffractionPattern generate(SyntheticSpec s) {
        int n = s.points();
        double[] x = new double[n];
        double[] y = new double[n];
        double step = (s.maxTwoThetaDeg() - s.minTwoThetaDeg()) / (n - 1);
        for (int i = 0; i < n; i++) {
            x[i] = s.minTwoThetaDeg() + i * step;
            y[i] = Math.max(0, s.background() + s.backgroundSlope() * (x[i] - s.minTwoThetaDeg()));
        }
        XrdWavelength wl = s.wavelength();
        for (Reflection r : reflections(s)) {
            double area = s.peakArea() * relativeArea(r, s) / 100.0;
            double tt = r.twoThetaDeg();
            double w = s.instrument().fwhmDeg(tt) + Math.toDegrees(sampleFwhmRad(tt, wl.alpha1A(), s.sizeNm(), s.strain()));
            addLorentz(x, y, tt, w, area);
            if (wl.hasAlpha2()) {
                double t2 = Wavelengths.convertTwoThetaDeg(tt, wl.alpha1A(), wl.alpha2A());
                if (Double.isFinite(t2)) {
                    addLorentz(x, y, t2, w, area * wl.ratio21());
                }
            }
        }
        if (s.noise()) {
            Random rnd = new Random(s.seed());
            for (int i = 0; i < n; i++) {
                y[i] = poisson(Math.max(y[i], 0), rnd);
            }
        }
        List<String> notes = List.of(String.format(Locale.ROOT,
                "SYNTHETIC (CathodeKit forward model): %s a=%.5f A c=%.5f A, D=%s nm, eps=%.6f, (003)/(104)=%.3f, %s, seed %d",
                s.system(), s.aA(), s.cA(), Double.isInfinite(s.sizeNm()) ? "inf" : String.format(Locale.ROOT, "%.2f", s.sizeNm()), s.strain(),
                s.ratio003to104(), wl.describe(), s.seed()));
        // noise-free intensities are expectations, not counts: "arb." so that fits of them are unweighted (PeakWeights)
        return new DiffractionPattern(null, "synthetic", x, DiffractionPattern.AxisUnit.TWO_THETA_DEG, y, null, s.noise() ? "counts" : "arb.",
                wl, notes);
    }

    private static void addLorentz(double[] x, double[] y, double c, double w, double area) {
        double lim = 60 * w;
        int n = x.length;
        double step = (x[n - 1] - x[0]) / (n - 1);
        int i0 = Math.max(0, (int) Math.floor((c - lim - x[0]) / step));
        int i1 = Math.min(n - 1, (int) Math.ceil((c + lim - x[0]) / step));
        for (int i = i0; i <= i1; i++) {
            y[i] += area * Profile.lorentz(x[i] - c, w);
        }
    }

    static double poisson(double lambda, Random rnd) {
        if (lambda <= 0) {
            return 0;
        }
        if (lambda > 50) {
            return Math.max(0, Math.rint(lambda + Math.sqrt(lambda) * rnd.nextGaussian()));
        }
        double l = Math.exp(-lambda);
        int k = 0;
        double p = 1;
        do {
            k++;
            p *= rnd.nextDouble();
        } while (p > l);
        return k - 1;
    }

    /**
     * Planted in-situ lattice trajectory at state of charge {@code s} in [0, 1] (shape only
     * illustrative; end-points from paper C when called with its numbers):
     * {@code c/c0 = 1 + 0.02 s - (0.02 + cDrop) smoothstep((s - 0.6)/0.4)},
     * {@code V/V0 = 1 - vDrop s^1.5}, {@code a = a0 sqrt((V/V0)/(c/c0))}.
     *
     * @return {a, c} (A)
     */
    public static double[] latticeAt(double a0, double c0, double cDrop, double vDrop, double s) {
        double u = Math.min(1, Math.max(0, (s - 0.6) / 0.4));
        double smooth = u * u * (3 - 2 * u);
        double cr = 1 + 0.02 * s - (0.02 + cDrop) * smooth;
        double vr = 1 - vDrop * Math.pow(s, 1.5);
        return new double[] {a0 * Math.sqrt(vr / cr), c0 * cr};
    }

    /**
     * The values planted by {@link #generate} (read back from the pattern's {@code SYNTHETIC} note,
     * which {@link #writeXye} writes as the first comment line and the readers keep).
     *
     * @param aA      planted a (A)
     * @param cA      planted c (A)
     * @param sizeNm  planted crystallite size D (nm; infinite when no size broadening)
     * @param strain  planted microstrain eps
     * @param ratio003to104 planted (003)/(104) integrated-intensity ratio
     */
    public record Planted(double aA, double cA, double sizeNm, double strain, double ratio003to104) {
    }

    private static final java.util.regex.Pattern PLANTED = java.util.regex.Pattern.compile(
            "SYNTHETIC \\(CathodeKit forward model\\): \\S+ a=([0-9.]+) A c=([0-9.]+) A, D=([0-9.]+|inf) nm, eps=([0-9.]+), \\(003\\)/\\(104\\)=([0-9.]+)");

    /**
     * The planted values of a synthetic pattern, or empty when its notes carry no {@code SYNTHETIC}
     * line (a measured pattern).
     */
    public static java.util.Optional<Planted> planted(DiffractionPattern p) {
        return planted(p.notes());
    }

    /**
     * The planted values written by {@link #writeXye} into the leading comment lines of a synthetic
     * {@code .xye} file, or empty for a file without a {@code SYNTHETIC} line (only the first
     * {@value #HEADER_LINES} lines are read).
     */
    public static java.util.Optional<Planted> planted(Path xyeFile) throws IOException {
        List<String> head = new java.util.ArrayList<>();
        try (java.io.BufferedReader r = java.nio.file.Files.newBufferedReader(xyeFile, java.nio.charset.StandardCharsets.UTF_8)) {
            String line;
            while (head.size() < HEADER_LINES && (line = r.readLine()) != null) {
                head.add(line);
            }
        }
        return planted(head);
    }

    /** Comment lines searched for the planted values by {@link #planted(Path)}. */
    public static final int HEADER_LINES = 5;

    private static java.util.Optional<Planted> planted(List<String> notes) {
        for (String note : notes) {
            java.util.regex.Matcher m = PLANTED.matcher(note);
            if (m.find()) {
                double d = m.group(3).equals("inf") ? Double.POSITIVE_INFINITY : Double.parseDouble(m.group(3));
                return java.util.Optional.of(new Planted(Double.parseDouble(m.group(1)), Double.parseDouble(m.group(2)), d,
                        Double.parseDouble(m.group(4)), Double.parseDouble(m.group(5))));
            }
        }
        return java.util.Optional.empty();
    }

    /** Writes a pattern as three-column .xye (2-theta deg, counts, sqrt(max(counts,1))) with a provenance header. */
    public static void writeXye(DiffractionPattern p, Path file) throws IOException {
        StringBuilder sb = new StringBuilder(p.size() * 32);
        for (String note : p.notes()) {
            sb.append("# ").append(note).append('\n');
        }
        p.wavelength().ifPresent(w -> sb.append(String.format(Locale.ROOT, "# wavelength = %.6f A (K-alpha1)%s%n", w.alpha1A(),
                w.hasAlpha2() ? String.format(Locale.ROOT, "; K-alpha2 %.6f A, ratio %.3f present in the data", w.alpha2A(), w.ratio21()) : "")));
        sb.append("# 2theta_deg intensity_counts sigma_counts\n");
        double[] x = p.twoThetaDeg();
        double[] y = p.intensity();
        for (int i = 0; i < x.length; i++) {
            sb.append(String.format(Locale.ROOT, "%.4f %.0f %.2f%n", x[i], y[i], Math.sqrt(Math.max(y[i], 1))));
        }
        AtomicFiles.writeString(file, sb.toString());
    }

    /** Regenerates the data samples into the given folder (default {@code data-samples/xrd}). */
    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args.length > 0 ? args[0] : "data-samples/xrd");
        SyntheticSpec nc = SyntheticSpec.DEFAULTS.withScan(15, 85, 3500).withSeed(91);
        writeXye(generate(nc.withSizeNm(120).withStrain(0.0012)), dir.resolve("synthetic_SC-NC91_CuKa12.xye"));
        writeXye(generate(nc.withSizeNm(120).withStrain(0.0030).withSeed(92)), dir.resolve("synthetic_SC-NM91_CuKa12.xye"));
        writeXye(generate(nc.asLab6Standard().withScan(15, 120, 6000).withSeed(660)), dir.resolve("synthetic_LaB6_standard_CuKa12.xye"));
    }
}
