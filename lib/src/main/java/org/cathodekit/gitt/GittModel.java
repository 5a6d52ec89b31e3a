package org.cathodekit.gitt;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.zip.GZIPOutputStream;

import org.apache.commons.math3.special.Erf;
import org.cathodekit.core.AtomicFiles;
import org.cathodekit.core.CyclerData;

/**
 * Synthetic GITT forward model with planted truth: spherical particles of radius r, Fickian
 * diffusion with a diffusivity D(x) ({@link PlantedDiffusivity}), an open-circuit-voltage curve
 * {@link #ocvV(double)}, an ohmic IR drop and seeded Gaussian voltage noise.
 *
 * <p><b>Physics.</b> A pulse of current I changes the mean Li content at the rate
 * q = dx/dt = -I/(F m/M) (charge, I &gt; 0, delithiates). For a sphere under constant surface flux
 * (the classical constant-flux solution for a sphere, Crank, <i>The Mathematics of Diffusion</i>,
 * 2nd ed., ch. 6; checked against a finite-volume solution in the tests) the surface content rises above the mean by
 * <pre>  x_s(t) - x_avg(t) = q * r^2/(3D) * h(D t / r^2)
 *   h(theta) = 1/5 - 2 sum_n exp(-alpha_n^2 theta)/alpha_n^2,   tan(alpha_n) = alpha_n</pre>
 * and for theta &lt; 0.05 from the Laplace-domain short-time solution (coth -&gt; 1; neglected terms
 * are of order exp(-1/theta) &lt; 1e-8) {@code h = e^theta (1 + erf(sqrt theta)) - 1 - 3 theta},
 * whose expansion {@code x_s - x_0 = q r^2/(3D) (2 sqrt(theta/pi) + theta + ...)} gives the
 * semi-infinite law dx_s/dsqrt(t) = 2 q r /(3 sqrt(pi D)) used by eq. 2 plus the first sphere correction. Titrations
 * superpose (the equation is linear for a given D): each pulse k carries its own
 * D_k = D(x_avg at the pulse middle) through its pulse and all later times ("D per titration": this
 * is exact for the model as stated and approximates a concentration-dependent D when D varies little
 * over one titration, Delta x &asymp; 0.024 at 20 mA/g for 20 min).
 * The voltage is E = OCV(x_s) + I R + noise.
 *
 * <p><b>What eq. 2 recovers from it.</b> Expanding h, the slope of E against sqrt(t) over a window
 * centred at s_mid (s^0.5) exceeds the semi-infinite slope by the relative amount
 * eps = sqrt(pi) s_mid sqrt(D)/r (first order), and dE_s is exact once the rest has relaxed
 * (exp(-alpha_1^2 D t_rest / r^2), alpha_1^2 = 20.19); so eq. 2 returns D (1 + eps)^-2 up to
 * second-order terms O(eps^2) and the OCV curvature over one titration, |E''| Delta x / |E'|.
 * {@link #firstOrderBias} returns eps.
 *
 * <p>Determinism: the same options give bit-identical output (noise from {@link Random} with the seed).
 */
public final class GittModel {
    private GittModel() {
    }

    private static final int ROOTS = 80;
    private static final double[] ALPHA2 = new double[ROOTS];

    static {
        for (int n = 1; n <= ROOTS; n++) {
            double a = (n + 0.5) * Math.PI - 1.0 / ((n + 0.5) * Math.PI);
            for (int it = 0; it < 50; it++) {
                double f = a * Math.cos(a) - Math.sin(a);
                double fp = -a * Math.sin(a);
                double na = a - f / fp;
                if (Math.abs(na - a) < 1e-15 * a) {
                    a = na;
                    break;
                }
                a = na;
            }
            ALPHA2[n - 1] = a * a;
        }
    }

    /**
     * Synthetic open-circuit voltage of a Ni-rich layered oxide vs Li content x (a smooth,
     * monotonic curve with an H2-H3-like step near x = 0.25; not fitted to any measurement):
     * <pre>  E(x) = 3.90 - 0.75 (x - 0.5) + 0.0257 ln((1 - x)/x) - 0.06 tanh((x - 0.25)/0.025)   [V]</pre>
     */
    public static double ocvV(double x) {
        double xc = Math.min(1 - 1e-9, Math.max(1e-9, x));
        return 3.90 - 0.75 * (xc - 0.5) + 0.0257 * Math.log((1 - xc) / xc) - 0.06 * Math.tanh((xc - 0.25) / 0.025);
    }

    /** Dimensionless surface excess h(theta) of a sphere under constant flux (see class doc). */
    static double surfaceExcess(double theta) {
        if (theta <= 0) {
            return 0;
        }
        if (theta < 0.05) {
            return Math.exp(theta) * (1 + Erf.erf(Math.sqrt(theta))) - 1 - 3 * theta;
        }
        double s = 0;
        for (int n = 0; n < ROOTS; n++) {
            double e = ALPHA2[n] * theta;
            if (e > 700) {
                break;
            }
            s += Math.exp(-e) / ALPHA2[n];
        }
        return 0.2 - 2 * s;
    }

    /**
     * First-order relative excess of the fitted sqrt(t) slope over the semi-infinite one:
     * eps = sqrt(pi) * s_mid * sqrt(D)/r with s_mid = (w1 + w2)/2; eq. 2 returns about D/(1+eps)^2.
     */
    public static double firstOrderBias(double dM2PerS, double radiusM, double windowStartSqrtS, double windowEndSqrtS) {
        return Math.sqrt(Math.PI) * 0.5 * (windowStartSqrtS + windowEndSqrtS) * Math.sqrt(dM2PerS) / radiusM;
    }

    /** Runs the model. */
    public static GittSimulation simulate(GittModelOptions o) {
        double r = o.radiusM();
        double current = o.currentA();
        double q = current / (Gitt.FARADAY * o.activeMassG() / o.molarMassGPerMol()); // |dx/dt| during a pulse
        double dt = o.sampleS();
        int perPulse = (int) Math.round(o.pulseS() / dt);
        double tau = perPulse * dt;
        Random rnd = new Random(o.seed());
        Series s = new Series();
        List<double[]> pulses = new ArrayList<>(); // {t_k, qk, D_k, xMid, direction(+1 charge)}
        double[] x0 = {o.xStart()};
        // initial rest
        appendRest(s, 0, o.initialRestS(), dt, o.initialRestS(), o.restCoarseS(), 0.0, false);
        double t = o.initialRestS();
        double xAvg = o.xStart();
        int dir = 1;
        double lastEnd = ocvV(xAvg);
        while (true) {
            double qk = dir > 0 ? -q : q;
            double xNext = xAvg + qk * tau;
            boolean ok = dir > 0 ? xNext >= o.xMin() && lastEnd < o.upperCutoffV()
                    : xNext <= o.xStart() && lastEnd > o.lowerCutoffV();
            if (!ok) {
                if (dir > 0 && o.withDischarge() && !pulses.isEmpty()) {
                    dir = -1;
                    lastEnd = ocvV(xAvg);
                    continue;
                }
                break;
            }
            double xMid = xAvg + qk * tau / 2;
            double dk = o.diffusivity().at(xMid);
            pulses.add(new double[] {t, qk, dk, xMid, dir});
            int from = s.n;
            for (int j = 0; j <= perPulse; j++) {
                s.add(t + j * dt, dir * current);
            }
            appendRest(s, t + tau, o.restS(), dt, o.restFineS(), o.restCoarseS(), 0.0, true);
            t += tau + o.restS();
            xAvg = xNext;
            // voltage at the pulse end, for the cut-off decision
            int endRow = from + perPulse;
            lastEnd = voltage(s.t[endRow], s.i[endRow], pulses, x0[0], r, o.resistanceOhm(), tau, 0);
        }
        // voltages
        double[] v = new double[s.n];
        int first = 0;
        for (int i = 0; i < s.n; i++) {
            double ti = s.t[i];
            while (first < pulses.size() && (ti - pulses.get(first)[0] - tau) * pulses.get(first)[2] / (r * r) > 5) {
                first++;
            }
            v[i] = voltage(ti, s.i[i], pulses, x0[0], r, o.resistanceOhm(), tau, first)
                    + (o.noiseV() > 0 ? o.noiseV() * rnd.nextGaussian() : 0);
        }
        int np = pulses.size();
        double[] pd = new double[np];
        double[] xm = new double[np];
        double[] ps = new double[np];
        PulseDirection[] dirs = new PulseDirection[np];
        for (int k = 0; k < np; k++) {
            double[] p = pulses.get(k);
            ps[k] = p[0];
            pd[k] = p[2];
            xm[k] = p[3];
            dirs[k] = p[4] > 0 ? PulseDirection.CHARGE : PulseDirection.DISCHARGE;
        }
        CyclerData data = CyclerData.ofArrays(Arrays.copyOf(s.t, s.n), v, Arrays.copyOf(s.i, s.n));
        return new GittSimulation(o, data, ps, pd, xm, List.of(dirs), tau);
    }

    private static double voltage(double t, double current, List<double[]> pulses, double xStart, double r,
            double resistance, double tau, int first) {
        double xAvg = xStart;
        double excess = 0;
        for (int k = 0; k < pulses.size(); k++) {
            double[] p = pulses.get(k);
            double u = t - p[0];
            if (u <= 0) {
                break;
            }
            xAvg += p[1] * Math.min(u, tau);
            if (k < first) {
                continue;
            }
            double d = p[2];
            double scale = r * r / (3 * d);
            excess += p[1] * scale * (surfaceExcess(d * u / (r * r)) - surfaceExcess(d * (u - tau) / (r * r)));
        }
        return ocvV(xAvg + excess) + current * resistance;
    }

    private static void appendRest(Series s, double t0, double rest, double dt, double fine, double coarse,
            double current, boolean skipFirst) {
        double t = skipFirst ? t0 + dt : t0;
        double end = t0 + rest;
        while (t < end - 1e-9) {
            s.add(t, current);
            t += (t - t0 < fine - 1e-9) ? dt : coarse;
            if (t > end) {
                t = end;
            }
        }
        s.add(end, current);
    }

    /** A growable (time, current) buffer. */
    private static final class Series {
        double[] t = new double[1024];
        double[] i = new double[1024];
        int n;

        void add(double time, double current) {
            if (n == t.length) {
                t = Arrays.copyOf(t, 2 * n);
                i = Arrays.copyOf(i, 2 * n);
            }
            t[n] = time;
            i[n] = current;
            n++;
        }
    }

    /**
     * Writes a simulation as a generic CSV ({@code time/s,Ewe/V,I/mA}) with {@code #} provenance lines,
     * gzip-compressed when the name ends in {@code .gz}; atomically.
     */
    public static void writeCsv(GittSimulation sim, Path file, String description) throws IOException {
        CyclerData d = sim.data();
        StringBuilder sb = new StringBuilder(d.size() * 32 + 512);
        sb.append("# ").append(description).append('\n');
        sb.append("# synthetic GITT made by org.cathodekit.gitt.GittModel: ").append(sim.options()).append('\n');
        sb.append("time/s,Ewe/V,I/mA\n");
        for (int i = 0; i < d.size(); i++) {
            sb.append(String.format(Locale.ROOT, "%.1f,%.6f,%.5f%n", d.timeAt(i), d.voltageAt(i), d.currentAt(i) * 1e3));
        }
        byte[] bytes = sb.toString().getBytes(StandardCharsets.UTF_8);
        boolean gz = file.getFileName().toString().endsWith(".gz");
        AtomicFiles.writeStream(file, out -> {
            if (gz) {
                // fixed header (mtime 0) so the file is byte-identical for the same input
                try (OutputStream z = new GZIPOutputStream(out)) {
                    z.write(bytes);
                }
            } else {
                out.write(bytes);
            }
        });
    }

    /**
     * Regenerates the notebook samples: {@code java -cp lib/target/cathodekit-0.1.0-cli.jar
     * org.cathodekit.gitt.GittModel data-samples/gitt}.
     */
    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args.length > 0 ? args[0] : "data-samples/gitt");
        GittModelOptions base = sampleOptions();
        writeCsv(simulate(base.withDiffusivity(PlantedDiffusivity.SC_NC91)), dir.resolve("sc-nc91-gitt-synthetic.csv.gz"),
                "SC-NC91 (planted D(x) = PlantedDiffusivity.SC_NC91), seed " + base.seed());
        writeCsv(simulate(base.withDiffusivity(PlantedDiffusivity.SC_NM91).withNoise(base.noiseV(), base.seed() + 1)),
                dir.resolve("sc-nm91-gitt-synthetic.csv.gz"),
                "SC-NM91 (planted D(x) = PlantedDiffusivity.SC_NM91), seed " + (base.seed() + 1));
    }

    /**
     * The sample-data protocol: {@link GittModelOptions#DEFAULTS} (20 mA/g, 1200 s pulses, 8400 s
     * rests, 1 s sampling) with the rests compressed: 1 s sampling for the first 120 s, then every 60 s.
     */
    public static GittModelOptions sampleOptions() {
        return GittModelOptions.DEFAULTS.withRestSamplingS(120, 60);
    }
}
