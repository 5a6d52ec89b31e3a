package org.cathodekit.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;

import org.cathodekit.core.Parallel;
import org.cathodekit.io.Hdf5MapFile;
import org.cathodekit.io.Hdf5XanesStack;
import org.cathodekit.xanes.EdgeMaps;
import org.cathodekit.xanes.EdgeOptions;
import org.cathodekit.xanes.EnergyWindow;
import org.cathodekit.xanes.Xanes;

/**
 * XANES map benchmark (not a unit test). Input stacks are made by {@code lib/bench/xanes_numpy.py
 * generate} (FXI layout, 60 energies), which also times a vectorised numpy implementation of the same
 * definitions ({@code compute}) and compares maps ({@code compare}).
 *
 * <pre>
 * java -Xmx1g -cp lib/target/cathodekit-0.1.0-cli.jar org.cathodekit.bench.XanesBenchmark \
 *      --input small.h5 --out maps.h5 [--threads N] [--repeat R] [--check-threads] [--whiteline-fit QUADRATIC|QUADRATIC_AT_MAXIMUM|CUBIC|GAUSSIAN]
 * </pre>
 *
 * Prints the wall time of HDF5 -> edge50 + whiteline maps -> HDF5 (read, compute, write), the JVM's
 * peak resident set size ({@code VmHWM}), and with {@code --check-threads} whether the maps computed
 * with 1 thread and with all threads are bit-identical. Windows: pre 8250:8320, post 8380:8600,
 * edge 8330:8365, white line 8343:8357 eV, auto masking.
 */
public final class XanesBenchmark {
    private XanesBenchmark() {
    }

    static final EdgeOptions OPTIONS = EdgeOptions.DEFAULTS
            .withEdgeWindows(new EnergyWindow(8250, 8320), new EnergyWindow(8380, 8600), new EnergyWindow(8330, 8365))
            .withWhiteline(new EnergyWindow(8343, 8357));

    public static void main(String[] args) throws IOException {
        Path input = null;
        Path out = null;
        int threads = Parallel.threads();
        int repeat = 1;
        boolean checkThreads = false;
        EdgeOptions options = OPTIONS;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--input" -> input = Path.of(args[++i]);
                case "--out" -> out = Path.of(args[++i]);
                case "--threads" -> threads = Integer.parseInt(args[++i]);
                case "--repeat" -> repeat = Integer.parseInt(args[++i]);
                case "--check-threads" -> checkThreads = true;
                case "--whiteline-fit" -> options = OPTIONS.withWhitelineFit(org.cathodekit.xanes.WhitelineFit.valueOf(args[++i]));
                default -> throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }
        if (input == null || out == null) {
            throw new IllegalArgumentException("usage: XanesBenchmark --input STACK.h5 --out MAPS.h5 [--threads N] [--repeat R] [--check-threads] [--whiteline-fit FIT]");
        }
        EdgeMaps last = null;
        for (int r = 0; r < repeat; r++) {
            long t0 = System.nanoTime();
            EdgeMaps maps;
            try (Hdf5XanesStack s = Hdf5XanesStack.open(input)) {
                maps = Xanes.maps(s, options, threads, Xanes.DEFAULT_SLAB_BYTES);
            }
            long t1 = System.nanoTime();
            Hdf5MapFile.write(out, maps, Map.of("input_file", input.toString(), "command", "XanesBenchmark"));
            long t2 = System.nanoTime();
            System.out.printf(Locale.ROOT, "run %d (%s): %d voxels x %d energies, threads %d: read+compute %.2f s, write %.2f s, total %.2f s; "
                            + "valid %d, masked %d%n", r + 1, options.whitelineFit(), maps.counts().voxels(), maps.energiesEv().length, threads,
                    (t1 - t0) / 1e9, (t2 - t1) / 1e9, (t2 - t0) / 1e9, maps.counts().valid(), maps.counts().masked());
            last = maps;
            maps = null;
        }
        if (checkThreads) {
            EdgeMaps one;
            try (Hdf5XanesStack s = Hdf5XanesStack.open(input)) {
                one = Xanes.maps(s, options, 1, Xanes.DEFAULT_SLAB_BYTES / 4);
            }
            boolean same = one.edge50().equals(last.edge50()) && one.whiteline().equals(last.whiteline())
                    && one.edgeJump().equals(last.edgeJump()) && Arrays.deepEquals(one.status().toArray(), last.status().toArray());
            System.out.println("bit-identical maps with 1 thread (slab 16 MB) and " + threads + " threads (slab 64 MB): " + same);
        }
        System.out.println("peak RSS (VmHWM): " + peakRss());
        System.out.println("max heap: " + Runtime.getRuntime().maxMemory() / (1 << 20) + " MB");
    }

    static String peakRss() {
        try {
            for (String l : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (l.startsWith("VmHWM")) {
                    return l.substring(6).trim();
                }
            }
        } catch (IOException e) {
            return "unknown (" + e.getMessage() + ")";
        }
        return "unknown";
    }
}
