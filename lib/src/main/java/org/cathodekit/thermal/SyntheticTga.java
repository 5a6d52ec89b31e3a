package org.cathodekit.thermal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Random;

import org.cathodekit.core.AtomicFiles;
import org.cathodekit.core.OptionsRecord;

/**
 * Seeded forward model of the TGA of a chemically delithiated Ni-rich cathode powder, for tests and
 * the notebook (paper B's raw curves are not public). The mass % relative to the initial mass is
 *
 * <pre>
 *   M(T) = 100 - dW s((T - T_W)/w_W) + b (T - T_0) - dO s((T - T_c)/w),   s(x) = 1/(1 + e^-x)
 * </pre>
 *
 * a small adsorbed-water/surface-species step (dW at T_W, width w_W), a slow linear loss (b &lt; 0,
 * %/K) and the oxygen-release step (dO, width w) centred at {@code T_c = T_on + 2w}, so that the ISO
 * 11358-1 extrapolated onset of the noise-free curve is exactly the planted {@code T_on} (the
 * tangent at the inflection, slope {@code b - dO/(4w)}, meets the line {@code 100 + b(T - T_0)} at
 * {@code T_c - 2w}; the water step's tail contributes &lt; 1e-4 K at these widths). The sample is
 * heated linearly ({@code T = T_0 + r t}) and sampled every {@code dt}; Gaussian noise is added to
 * the mass (microbalance) and to the temperature reading (thermocouple). Same seed, same numbers.
 *
 * <p>{@link #ROD} and {@link #GRAVEL} carry paper B's onsets (217 and 234 C, 5 C/min to 300 C);
 * the step heights and widths are assumptions chosen so that the gravel loses less mass, as the paper
 * states. Regenerate the data samples with
 * {@code java -cp lib/target/cathodekit-0.1.0-cli.jar org.cathodekit.thermal.SyntheticTga data-samples/tga}.
 */
public final class SyntheticTga {
    private SyntheticTga() {
    }

    /**
     * Model parameters.
     *
     * @param sample             sample name
     * @param initialMassMg      sample mass at the start
     * @param waterStepPct       dW, % of the initial mass
     * @param waterCenterC       T_W
     * @param waterWidthK        w_W
     * @param slowLossPctPerK    b (negative for a loss)
     * @param oxygenStepPct      dO, % of the initial mass
     * @param oxygenWidthK       w
     * @param isoOnsetC          planted ISO 11358-1 onset T_on
     * @param startC             T_0
     * @param endC               last temperature
     * @param heatingRateCPerMin r
     * @param sampleIntervalS    dt
     * @param massNoiseMg        SD of the mass noise
     * @param temperatureNoiseK  SD of the temperature-reading noise
     */
    @OptionsRecord
    public record Model(String sample, double initialMassMg, double waterStepPct, double waterCenterC,
            double waterWidthK, double slowLossPctPerK, double oxygenStepPct, double oxygenWidthK, double isoOnsetC,
            double startC, double endC, double heatingRateCPerMin, double sampleIntervalS, double massNoiseMg,
            double temperatureNoiseK)
            implements SyntheticTgaModelBuilder.With {

        /** @return the centre of the oxygen step, {@code T_on + 2w}. */
        public double oxygenCenterC() {
            return isoOnsetC + 2 * oxygenWidthK;
        }

        /** @return a copy with other noise levels (0 for the noise-free curve). */
        public Model withNoise(double massMg, double temperatureK) {
            return toBuilder().massNoiseMg(massMg).temperatureNoiseK(temperatureK).build();
        }

        /** @return a builder preset to these values: {@code DEFAULTS.toBuilder().a(..).b(..).build()}. */
        public SyntheticTgaModelBuilder toBuilder() {
            return with();
        }
    }

    /** Rod-like delithiated powder: onset 217 C (paper B), larger oxygen loss (assumed 4.5 %, w = 8 K). */
    public static final Model ROD = new Model("rod", 10.0, 0.6, 90, 10, -0.004, 4.5, 8.0, 217.0, 25, 300, 5, 6,
            0.0005, 0.02);
    /** Gravel-like delithiated powder: onset 234 C (paper B), smaller oxygen loss (assumed 3.0 %, w = 7.5 K). */
    public static final Model GRAVEL = new Model("gravel", 10.0, 0.5, 90, 10, -0.003, 3.0, 7.5, 234.0, 25, 300, 5,
            6, 0.0005, 0.02);

    private static double sigmoid(double x) {
        return 1.0 / (1.0 + Math.exp(-x));
    }

    /** @return the noise-free mass % of the initial mass at {@code tC}. */
    public static double massPct(Model m, double tC) {
        return 100.0 - m.waterStepPct() * sigmoid((tC - m.waterCenterC()) / m.waterWidthK())
                + m.slowLossPctPerK() * (tC - m.startC())
                - m.oxygenStepPct() * sigmoid((tC - m.oxygenCenterC()) / m.oxygenWidthK());
    }

    /**
     * Generates one run.
     *
     * @param seed noise seed ({@link java.util.Random})
     * @return time (s), temperature reading (C) and mass (mg)
     */
    public static Thermogram generate(Model m, long seed) {
        Random rnd = new Random(seed);
        double rate = m.heatingRateCPerMin() / 60.0;
        int n = (int) Math.floor((m.endC() - m.startC()) / rate / m.sampleIntervalS() + 1e-9) + 1;
        double[] time = new double[n];
        double[] temp = new double[n];
        double[] mass = new double[n];
        for (int i = 0; i < n; i++) {
            time[i] = i * m.sampleIntervalS();
            double tTrue = m.startC() + rate * time[i];
            temp[i] = tTrue + m.temperatureNoiseK() * rnd.nextGaussian();
            mass[i] = m.initialMassMg() * massPct(m, tTrue) / 100.0 + m.massNoiseMg() * rnd.nextGaussian();
        }
        return new Thermogram(time, temp, mass, "mg");
    }

    /**
     * Writes a run as CSV ({@code time (s),temperature (C),mass (mg)}) with '#' provenance lines,
     * atomically.
     */
    public static void write(Path file, Model m, long seed) throws IOException {
        Thermogram th = generate(m, seed);
        double[] time = th.timeS();
        double[] temp = th.temperatureC();
        double[] mass = th.mass();
        StringBuilder sb = new StringBuilder(time.length * 32 + 512);
        sb.append("# synthetic TGA made by CathodeKit org.cathodekit.thermal.SyntheticTga (not a measurement)\n");
        sb.append(String.format(Locale.ROOT, "# sample: %s, seed: %d, initial mass: %.4f mg%n", m.sample(), seed,
                m.initialMassMg()));
        sb.append(String.format(Locale.ROOT,
                "# planted ISO 11358-1 onset: %.2f C; oxygen step %.2f %% (width %.2f K); water step %.2f %% at %.1f C;"
                        + " slow loss %.4f %%/K; %.1f C/min%n",
                m.isoOnsetC(), m.oxygenStepPct(), m.oxygenWidthK(), m.waterStepPct(), m.waterCenterC(),
                m.slowLossPctPerK(), m.heatingRateCPerMin()));
        sb.append("time (s),temperature (C),mass (mg)\n");
        for (int i = 0; i < time.length; i++) {
            sb.append(String.format(Locale.ROOT, "%.3f,%.3f,%.5f%n", time[i], temp[i], mass[i]));
        }
        AtomicFiles.writeString(file, sb.toString());
    }

    /** Seeds of the committed samples: rod replicates 7101-7103, gravel 7201-7203. */
    public static long seed(String sample, int replicate) {
        return (sample.equals("rod") ? 7100 : 7200) + replicate;
    }

    /** Replicate initial masses (mg): 10.0, 9.6, 10.4. */
    public static double replicateMassMg(int replicate) {
        return new double[] {10.0, 9.6, 10.4}[(replicate - 1) % 3];
    }

    /**
     * Writes {@code rod_r1.csv .. rod_r3.csv, gravel_r1.csv .. gravel_r3.csv} into the folder given
     * as the only argument (default {@code data-samples/tga}).
     */
    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args.length > 0 ? args[0] : "data-samples/tga");
        for (Model m : new Model[] {ROD, GRAVEL}) {
            for (int r = 1; r <= 3; r++) {
                Path f = dir.resolve(m.sample() + "_r" + r + ".csv");
                write(f, m.withInitialMassMg(replicateMassMg(r)), seed(m.sample(), r));
                System.out.println("wrote " + f);
            }
        }
    }
}
