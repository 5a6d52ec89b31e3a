package org.cathodekit.cycling;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Random;
import java.util.zip.GZIPOutputStream;

import org.cathodekit.core.AtomicFiles;
import org.cathodekit.core.CyclerData;
import org.cathodekit.core.CyclerFormat;
import org.cathodekit.core.OptionsRecord;

/**
 * Seeded forward model of galvanostatic cycling of a Ni-rich cathode half-cell, for teaching and tests:
 * planted capacity fade, polarisation growth (so the onset discharge voltage falls) and an H2 -> H3
 * feature (a dQ/dV peak near 4.2 V).
 *
 * <p>Model. The electrode's state is an "equilibrium" voltage U with
 * {@code G(U) = sum_k w_k F((U - c_k) / s_k)}, {@code F(x) = 1 / (1 + e^-x)}: each logistic is one
 * phase transition and gives a dQ/dV peak at {@code c_k} of width {@code s_k} (components in
 * {@link #CHARGE_CENTRES_V}, {@link #DISCHARGE_CENTRES_V}, {@link #WIDTHS_V}, {@link #WEIGHTS}: H1 -> M,
 * M -> H2, H2 -> H3 and a broad background; discharge centres 40 mV below charge, the hysteresis).
 * Cycle n has polarisation {@code eta(n) = ETA_0 + onset(2) - onset(n)}:
 * <ul>
 *   <li>charge at constant current from {@code U = } {@link #CHARGE_START_U_V} to the cut-off 4.5 V,
 *       measured {@code V = U + eta(n)}, capacity {@code Q_dis(n) / CE(n)} (CE 0.88 in cycle 1, 0.995 after);</li>
 *   <li>discharge at once (no rest) from {@code U_top = onset(2) + ETA_0}, measured {@code V = U - eta(n)}, so the
 *       first discharge point is exactly the planted {@code onset(n)} and the IR drop {@code 4.5 - onset(n)};
 *       it ends at 2.8 V with the planted capacity {@code Q_dis(n)}:
 *       {@code Q(U) = Q_dis(n) (G(U_top) - G(U)) / (G(U_top) - G(2.8 + eta(n)))};</li>
 *   <li>rows every {@code samplingS} seconds plus the exact end of every half-cycle; the last discharge
 *       row and the next charge's first row share a time stamp (as real exports at a step change); a
 *       10-minute rest ends the record; Gaussian voltage noise {@code noiseV}; current exact.</li>
 * </ul>
 * Planted truths: {@link PlantedCycling} (capacities and onsets), {@link #plantedPeakV} (dQ/dV peak
 * positions, from the analytic G'). Deterministic for a seed.
 */
public final class CyclingModel {
    private CyclingModel() {
    }

    /** Charge peak centres [V]: H1 -> M, M -> H2, H2 -> H3, background. */
    public static final double[] CHARGE_CENTRES_V = {3.72, 4.02, 4.20, 3.85};
    /** Discharge peak centres [V] (40 mV hysteresis). */
    public static final double[] DISCHARGE_CENTRES_V = {3.68, 3.98, 4.16, 3.85};
    /** Logistic widths [V]. */
    public static final double[] WIDTHS_V = {0.05, 0.03, 0.015, 0.35};
    /** Weights (fractions of G). */
    public static final double[] WEIGHTS = {0.35, 0.25, 0.15, 0.25};
    /** Index of the H2 -> H3 component. */
    public static final int H2_H3 = 2;
    /** Polarisation of cycle 2 [V]. */
    public static final double ETA_0 = 0.02;
    /** Upper cut-off [V]. */
    public static final double UPPER_CUTOFF_V = 4.5;
    /** Lower cut-off [V]. */
    public static final double LOWER_CUTOFF_V = 2.8;
    /** Equilibrium voltage where each charge starts [V]. */
    public static final double CHARGE_START_U_V = 3.45;
    /** Rest at the end of the record [s]. */
    public static final double FINAL_REST_S = 600;

    /**
     * Simulation options.
     *
     * @param planted    planted truths
     * @param massMg     active mass [mg]
     * @param samplingS  row interval [s]
     * @param noiseV     voltage noise (standard deviation) [V]
     * @param seed       random seed
     * @param cycles     cycles to simulate (at most {@code planted.cycles()})
     */
    @OptionsRecord
    public record Options(PlantedCycling planted, double massMg, double samplingS, double noiseV, long seed, int cycles)
            implements CyclingModelOptionsBuilder.With {
        public Options {
            if (!(massMg > 0) || !(samplingS > 0) || !(noiseV >= 0) || cycles < 1 || cycles > planted.cycles()) {
                throw new IllegalArgumentException("mass, sampling must be positive, noise >= 0, 1 <= cycles <= "
                        + planted.cycles() + "; got " + massMg + " mg, " + samplingS + " s, " + noiseV + " V, "
                        + cycles + " cycles");
            }
        }

        /** 5 mg, 60 s sampling, 0.5 mV noise, all planted cycles. */
        public static Options of(PlantedCycling planted, long seed) {
            return new Options(planted, 5.0, 60, 0.0005, seed, planted.cycles());
        }

        /** @return a builder preset to these values: {@code DEFAULTS.toBuilder().a(..).b(..).build()}. */
        public CyclingModelOptionsBuilder toBuilder() {
            return with();
        }
    }

    /** G(U) for a direction. */
    static double g(double u, double[] centres) {
        double s = 0;
        for (int k = 0; k < WEIGHTS.length; k++) {
            s += WEIGHTS[k] / (1 + Math.exp(-(u - centres[k]) / WIDTHS_V[k]));
        }
        return s;
    }

    /** dG/dU. */
    static double dg(double u, double[] centres) {
        double s = 0;
        for (int k = 0; k < WEIGHTS.length; k++) {
            double f = 1 / (1 + Math.exp(-(u - centres[k]) / WIDTHS_V[k]));
            s += WEIGHTS[k] * f * (1 - f) / WIDTHS_V[k];
        }
        return s;
    }

    /** Polarisation of cycle n [V]. */
    public static double etaV(PlantedCycling p, int n) {
        return ETA_0 + p.onsetSecondV() - p.onsetV(n);
    }

    /** Planted coulombic efficiency of cycle n. */
    public static double coulombicEfficiency(int n) {
        return n <= 1 ? 0.88 : 0.995;
    }

    /**
     * The planted (noise-free, analytic) position of the dQ/dV peak of component {@code k} in cycle
     * {@code n}: the maximum of G' near the component's centre, shifted by the polarisation.
     */
    public static double plantedPeakV(PlantedCycling p, int n, Direction d, int k) {
        double[] c = d == Direction.CHARGE ? CHARGE_CENTRES_V : DISCHARGE_CENTRES_V;
        double lo = c[k] - WIDTHS_V[k];
        double hi = c[k] + WIDTHS_V[k];
        for (int it = 0; it < 100; it++) { // golden-section search for the maximum of G'
            double a = hi - 0.618034 * (hi - lo);
            double b = lo + 0.618034 * (hi - lo);
            if (dg(a, c) > dg(b, c)) {
                hi = b;
            } else {
                lo = a;
            }
        }
        double u = 0.5 * (lo + hi);
        return d == Direction.CHARGE ? u + etaV(p, n) : u - etaV(p, n);
    }

    /** Solves G(U) = target on [lo, hi] by bisection (G increasing). */
    private static double invert(double target, double lo, double hi, double[] c) {
        for (int it = 0; it < 48; it++) {
            double mid = 0.5 * (lo + hi);
            if (g(mid, c) < target) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return 0.5 * (lo + hi);
    }

    /** Simulates the record (cycle column filled, no file). */
    public static CyclerData simulate(Options o) {
        PlantedCycling p = o.planted();
        double massG = o.massMg() / 1000;
        double currentA = p.rateMAPerG() * massG / 1000;
        Random rnd = new Random(o.seed());
        Rows rows = new Rows(1 << 14);
        double t = 0;
        double uTopDis = p.onsetSecondV() + ETA_0;
        for (int n = 1; n <= o.cycles(); n++) {
            double eta = etaV(p, n);
            double qd = p.dischargeMAhG(n) * massG / 1000 * 3600; // A s
            double qc = qd / coulombicEfficiency(n);
            // charge: U from CHARGE_START_U_V to 4.5 - eta, Q linear in G
            double g0 = g(CHARGE_START_U_V, CHARGE_CENTRES_V);
            double g1 = g(UPPER_CUTOFF_V - eta, CHARGE_CENTRES_V);
            t = half(rows, t, qc, currentA, n, o, rnd, g0, g1, CHARGE_CENTRES_V, eta, +1);
            double h0 = g(uTopDis, DISCHARGE_CENTRES_V);
            double h1 = g(LOWER_CUTOFF_V + eta, DISCHARGE_CENTRES_V);
            t = half(rows, t, qd, currentA, n, o, rnd, h0, h1, DISCHARGE_CENTRES_V, eta, -1);
        }
        double vEnd = rows.v[rows.n - 1];
        for (double s = o.samplingS(); s <= FINAL_REST_S + 1e-9; s += o.samplingS()) {
            rows.add(t + s, vEnd + 0.3 * (1 - Math.exp(-s / 120)) + o.noiseV() * rnd.nextGaussian(), 0, o.cycles());
        }
        return rows.data();
    }

    /** One constant-current half-cycle of capacity q [A s]; returns the end time. */
    private static double half(Rows rows, double t0, double q, double currentA, int n, Options o, Random rnd,
            double gStart, double gEnd, double[] centres, double eta, int sign) {
        double duration = q / currentA;
        int steps = (int) Math.ceil(duration / o.samplingS() - 1e-9);
        double lo = 2.0;
        double hi = 5.0;
        for (int j = 0; j <= steps; j++) {
            double dt = Math.min(j * o.samplingS(), duration);
            double frac = dt / duration;
            double target = gStart + (gEnd - gStart) * frac;
            double u = invert(target, lo, hi, centres);
            double v = sign > 0 ? u + eta : u - eta;
            if (j == 0 && sign < 0) {
                v = u - eta; // = the planted onset
            }
            rows.add(t0 + dt, v + o.noiseV() * rnd.nextGaussian(), sign * currentA, n);
        }
        return t0 + duration;
    }

    /** Growable row buffer. */
    private static final class Rows {
        double[] t;
        double[] v;
        double[] i;
        int[] c;
        int n;

        Rows(int cap) {
            t = new double[cap];
            v = new double[cap];
            i = new double[cap];
            c = new int[cap];
        }

        void add(double tt, double vv, double ii, int cc) {
            if (n == t.length) {
                int m = 2 * n;
                t = Arrays.copyOf(t, m);
                v = Arrays.copyOf(v, m);
                i = Arrays.copyOf(i, m);
                c = Arrays.copyOf(c, m);
            }
            t[n] = tt;
            v[n] = vv;
            i[n] = ii;
            c[n++] = cc;
        }

        CyclerData data() {
            return new CyclerData(null, CyclerFormat.GENERIC, "n/a", "n/a", Arrays.copyOf(t, n), Arrays.copyOf(v, n),
                    Arrays.copyOf(i, n), null, Arrays.copyOf(c, n),
                    java.util.Map.of("time", "s", "voltage", "V", "current", "A"), java.util.List.of(), 0, 0);
        }
    }

    /**
     * Writes a record as generic CSV ({@code #} provenance lines, then {@code time/s,Ewe/V,I/mA,cycle number}),
     * gzip-compressed when the name ends in {@code .gz}; byte-identical for the same data (gzip header
     * without time stamp). Written atomically.
     */
    public static void writeCsv(CyclerData d, Path file, String... provenance) throws IOException {
        AtomicFiles.writeStream(file, out -> {
            java.io.OutputStream os = file.toString().endsWith(".gz") ? new GZIPOutputStream(out, 1 << 16) : out;
            BufferedWriter w = new BufferedWriter(new OutputStreamWriter(os, StandardCharsets.UTF_8), 1 << 16);
            for (String line : provenance) {
                w.write("# " + line + "\n");
            }
            w.write("time/s,Ewe/V,I/mA,cycle number\n");
            double[] t = d.timeS();
            double[] v = d.voltageV();
            double[] i = d.currentA();
            int[] c = d.cycle();
            for (int k = 0; k < t.length; k++) {
                w.write(String.format(Locale.ROOT, "%.1f,%.5f,%.6f,%d\n", t[k], v[k], i[k] * 1000, c == null ? 0 : c[k]));
            }
            w.flush();
            if (os instanceof GZIPOutputStream gz) {
                gz.finish();
            }
        });
    }

    /**
     * Writes the sample files into {@code dir} (default {@code data-samples/cycling}): rod and gravel
     * (paper A numbers planted, seeds 1601, 1602). Byte-identical on re-generation.
     */
    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args.length > 0 ? args[0] : "data-samples/cycling");
        Files.createDirectories(dir);
        long seed = 1601;
        for (PlantedCycling p : new PlantedCycling[] {PlantedCycling.ROD_PAPER_A, PlantedCycling.GRAVEL_PAPER_A}) {
            Options o = Options.of(p, seed);
            writeCsv(simulate(o), dir.resolve(p.name() + "-cycling-synthetic.csv.gz"),
                    "SYNTHETIC cycling record (CathodeKit org.cathodekit.cycling.CyclingModel), not measured data",
                    "planted: " + p.name() + " " + p.dischargeSecondMAhG() + " -> " + p.dischargeLastMAhG()
                            + " mAh/g (cycle 2 -> " + p.cycles() + "), onset " + p.onsetSecondV() + " -> "
                            + p.onsetLastV() + " V; numbers from " + p.source(),
                    "active mass " + o.massMg() + " mg, " + p.rateMAPerG() + " mA/g, rows every " + o.samplingS()
                            + " s, voltage noise " + o.noiseV() + " V, seed " + o.seed(),
                    "licence CC0");
            seed++;
        }
    }
}
