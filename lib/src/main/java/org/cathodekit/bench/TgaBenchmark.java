package org.cathodekit.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import org.cathodekit.io.TgaCurve;
import org.cathodekit.io.TgaReader;
import org.cathodekit.thermal.SyntheticTga;
import org.cathodekit.thermal.Tga;
import org.cathodekit.thermal.TgaOptions;
import org.cathodekit.thermal.TgaResult;
import org.cathodekit.thermal.Thermogram;

/**
 * Speed of the TGA analysis and reader on long synthetic runs (not a test). Run:
 * {@code java -cp lib/target/cathodekit-0.1.0-cli.jar org.cathodekit.bench.TgaBenchmark [points]}.
 * Prints the time per analysis for 1 thread and all threads (and checks that both give identical
 * onsets), the reader's throughput on a written CSV, and the onset error against the planted value.
 */
public final class TgaBenchmark {
    private TgaBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int points = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        SyntheticTga.Model base = SyntheticTga.ROD;
        double rate = base.heatingRateCPerMin() / 60.0;
        double dt = (base.endC() - base.startC()) / rate / (points - 1);
        SyntheticTga.Model m = new SyntheticTga.Model("rod", 10, base.waterStepPct(), base.waterCenterC(),
                base.waterWidthK(), base.slowLossPctPerK(), base.oxygenStepPct(), base.oxygenWidthK(), base.isoOnsetC(),
                base.startC(), base.endC(), base.heatingRateCPerMin(), dt, base.massNoiseMg(), base.temperatureNoiseK());
        Thermogram th = SyntheticTga.generate(m, 1);
        TgaOptions opt = TgaOptions.DEFAULTS.withReferenceTemperatureC(150);
        System.out.printf(Locale.ROOT, "points %d, processors %d%n", th.size(), Runtime.getRuntime().availableProcessors());
        double[] onsets = new double[2];
        String[] threads = {"1", String.valueOf(Runtime.getRuntime().availableProcessors())};
        for (int k = 0; k < 2; k++) {
            System.setProperty("cathodekit.threads", threads[k]);
            TgaResult r = null;
            for (int w = 0; w < 2; w++) {
                r = Tga.analyze(th, opt);
            }
            int reps = 5;
            long t0 = System.nanoTime();
            for (int i = 0; i < reps; i++) {
                r = Tga.analyze(th, opt);
            }
            double ms = (System.nanoTime() - t0) / 1e6 / reps;
            onsets[k] = r.onset().temperatureC();
            System.out.printf(Locale.ROOT, "analyze, %s thread(s): %.1f ms (%.0f ns/point), SG window %d points, onset %.3f C "
                    + "(planted %.1f), DTG peak %.3f C%n", threads[k], ms, ms * 1e6 / th.size(), r.dtgWindowPoints(),
                    onsets[k], m.isoOnsetC(), r.dtgPeakC());
        }
        System.out.println("identical onsets for 1 and all threads: " + (Double.compare(onsets[0], onsets[1]) == 0));
        System.clearProperty("cathodekit.threads");

        Path tmp = Files.createTempFile("tga-bench", ".csv");
        try {
            SyntheticTga.write(tmp, m, 1);
            long bytes = Files.size(tmp);
            TgaCurve c = null;
            TgaReader.read(tmp);
            long t0 = System.nanoTime();
            int reps = 3;
            for (int i = 0; i < reps; i++) {
                c = TgaReader.read(tmp);
            }
            double s = (System.nanoTime() - t0) / 1e9 / reps;
            System.out.printf(Locale.ROOT, "read %d rows (%.1f MB) in %.3f s: %.1f MB/s%n", c.size(), bytes / 1e6, s,
                    bytes / 1e6 / s);
            Runtime rt = Runtime.getRuntime();
            System.out.printf(Locale.ROOT, "heap used after runs: %.0f MB%n", (rt.totalMemory() - rt.freeMemory()) / 1e6);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
