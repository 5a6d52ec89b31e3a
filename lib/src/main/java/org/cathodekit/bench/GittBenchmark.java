package org.cathodekit.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import org.cathodekit.core.AtomicFiles;
import org.cathodekit.core.CyclerData;
import org.cathodekit.gitt.Gitt;
import org.cathodekit.gitt.GittModel;
import org.cathodekit.gitt.GittModelOptions;
import org.cathodekit.gitt.GittOptions;
import org.cathodekit.gitt.GittResult;
import org.cathodekit.gitt.GittSimulation;
import org.cathodekit.io.CyclerReader;

/**
 * GITT speed benchmark: writes a 1,000,000-row CSV (synthetic, {@link GittModel} with 1 s sampling:
 * pulses of 780 s and rests of 9219 s: 10,000 rows per pulse, about 100 pulses; seed 7) and times reading + analysis in-process.
 * The command-line measurement (the criterion) is
 * {@code time ./cathodekit gitt --input FILE --radius-um 2 --json > /dev/null}.
 *
 * <p>Usage: {@code java -cp lib/target/cathodekit-0.1.0-cli.jar org.cathodekit.bench.GittBenchmark [FILE]}
 * (default {@code target/bench/gitt-1M.csv}; the file is created when missing).
 */
public final class GittBenchmark {
    private GittBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        Path file = Path.of(args.length > 0 ? args[0] : "target/bench/gitt-1M.csv");
        if (!Files.exists(file)) {
            GittModelOptions o = GittModelOptions.DEFAULTS.withTimingS(780, 9219).withRestSamplingS(9219, 60)
                    .withXRange(0.97, 0.15).withDischarge(true).withNoise(1e-4, 7);
            GittSimulation sim = GittModel.simulate(o);
            CyclerData d = sim.data();
            int rows = Math.min(1_000_000, d.size());
            AtomicFiles.write(file, tmp -> {
                try (BufferedWriter w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                    w.write("time/s,Ewe/V,I/mA\n");
                    for (int i = 0; i < rows; i++) {
                        w.write(String.format(Locale.ROOT, "%.1f,%.6f,%.5f%n", d.timeAt(i), d.voltageAt(i),
                                d.currentAt(i) * 1e3));
                    }
                }
            });
            System.out.println("wrote " + file + " (" + rows + " rows, " + sim.pulses() + " pulses simulated)");
        }
        for (int rep = 0; rep < 3; rep++) {
            long t0 = System.nanoTime();
            CyclerData d = CyclerReader.read(file);
            long t1 = System.nanoTime();
            GittResult r = Gitt.analyse(d, GittOptions.DEFAULTS.withRadiusM(2e-6));
            long t2 = System.nanoTime();
            System.out.printf(Locale.ROOT, "rep %d: %d rows, read %.3f s, analyse %.3f s, %d pulses, %d dropped%n", rep,
                    d.size(), (t1 - t0) / 1e9, (t2 - t1) / 1e9, r.pulses().size(), r.dropped().size());
        }
    }
}
