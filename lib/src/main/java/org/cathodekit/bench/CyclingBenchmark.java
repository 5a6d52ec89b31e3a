package org.cathodekit.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import org.cathodekit.core.CyclerData;
import org.cathodekit.cycling.CycleOptions;
import org.cathodekit.cycling.CycleSummary;
import org.cathodekit.cycling.Cycles;
import org.cathodekit.cycling.CyclingModel;
import org.cathodekit.cycling.Dqdv;
import org.cathodekit.cycling.DqdvOptions;
import org.cathodekit.cycling.PlantedCycling;
import org.cathodekit.io.CyclerReader;

/**
 * Cycle-summary speed benchmark: writes a ~1,000,000-row CSV (synthetic, {@link CyclingModel}, paper A
 * rod planted, 100 cycles, rows every 3.6 s, seed 1601; ~40 MB) and times reading, the summary and one
 * dQ/dV in-process. The command-line measurement (the criterion, "under 2 s wall") is
 * {@code time ./cathodekit cycles --input FILE --mass-mg 5 --json > /dev/null}.
 *
 * <p>Usage: {@code java -cp lib/target/cathodekit-0.1.0-cli.jar org.cathodekit.bench.CyclingBenchmark [FILE]}
 * (default {@code target/bench/cycling-1M.csv}; the file is created when missing).
 */
public final class CyclingBenchmark {
    private CyclingBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        Path file = Path.of(args.length > 0 ? args[0] : "target/bench/cycling-1M.csv");
        if (!Files.exists(file)) {
            Files.createDirectories(file.toAbsolutePath().getParent());
            CyclerData d = CyclingModel.simulate(CyclingModel.Options.of(PlantedCycling.ROD_PAPER_A, 1601).withSamplingS(3.6));
            CyclingModel.writeCsv(d, file, "SYNTHETIC benchmark record, CyclingModel rod (paper A planted), 3.6 s rows");
            System.out.println("wrote " + file + ": " + d.size() + " rows, " + Files.size(file) / 1_000_000 + " MB");
        }
        for (int run = 0; run < 3; run++) {
            long t0 = System.nanoTime();
            CyclerData d = CyclerReader.read(file);
            long t1 = System.nanoTime();
            CycleSummary s = Cycles.summarise(d, CycleOptions.DEFAULTS.withActiveMassMg(5));
            long t2 = System.nanoTime();
            Dqdv.of(d, 50, DqdvOptions.DEFAULTS);
            long t3 = System.nanoTime();
            System.out.println(String.format(Locale.ROOT,
                    "run %d: %d rows, read %.3f s, summary %.3f s (%d cycles, retention %.2f %%), dQ/dV of one cycle %.3f s",
                    run, d.size(), (t1 - t0) / 1e9, (t2 - t1) / 1e9, s.cycles().size(), s.lastRetentionPct(),
                    (t3 - t2) / 1e9));
        }
    }
}
