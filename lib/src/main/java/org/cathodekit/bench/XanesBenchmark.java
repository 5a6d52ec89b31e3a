package org.cathodekit.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
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
import org.cathodekit.xanes.Summary;
import org.cathodekit.xanes.Xanes;
import org.cathodekit.xanes.XanesStatistics;

/**
 * XANES map benchmark (not a unit test): the in-process work of {@code cathodekit xanes map}, timed
 * part by part. Input stacks are made by {@code lib/bench/xanes_numpy.py generate} (FXI layout, 60
 * energies); {@link XanesPeerBenchmark} runs this, the whole command and the numpy peer side by side.
 *
 * <pre>
 * java -Xmx1g -XX:+UseParallelGC -cp lib/target/cathodekit-0.1.0-cli.jar org.cathodekit.bench.XanesBenchmark \
 *      --input small.h5 --out maps.h5 [--threads N] [--repeat R] [--read-only] [--check-threads] [--whiteline-fit FIT]
 * </pre>
 *
 * Prints, per run: {@code startup} (JVM start to {@code main}, first run only), {@code open} (HDF5
 * metadata, energies), {@code read+compute} ({@link Xanes#maps}: the next slab is read on a background
 * thread while the current one is computed, so the two overlap), {@code summary} (edge50 and
 * white-line summaries as the command computes them: one map per thread, on their own thread while the
 * maps are written; their own time), {@code write} ({@link Hdf5MapFile#write}, until the summaries are
 * done too) and {@code in-process} (open to the end of both). With {@code --read-only}, afterwards the time of one pass that
 * only reads every slab (the reader's share of read+compute). The JVM's peak resident set size
 * ({@code VmHWM}); with {@code --check-threads}, whether 1 thread (16 MB slabs) gives bit-identical
 * maps. Windows: pre 8250:8320, post 8380:8600, edge 8330:8365, white line 8343:8357 eV, auto masking.
 * The first run is the one a command sees (cold JIT); later runs are warm.
 */
public final class XanesBenchmark {
    private XanesBenchmark() {
    }

    static final EdgeOptions OPTIONS = EdgeOptions.DEFAULTS
            .withEdgeWindows(new EnergyWindow(8250, 8320), new EnergyWindow(8380, 8600), new EnergyWindow(8330, 8365))
            .withWhiteline(new EnergyWindow(8343, 8357));

    public static void main(String[] args) throws IOException {
        long mainNs = System.nanoTime();
        double startupS = (System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime()) / 1e3;
        Path input = null;
        Path out = null;
        int threads = Parallel.threads();
        int repeat = 1;
        boolean checkThreads = false;
        boolean readOnly = false;
        long slabBytes = Xanes.DEFAULT_SLAB_BYTES;
        EdgeOptions options = OPTIONS;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--input" -> input = Path.of(args[++i]);
                case "--out" -> out = Path.of(args[++i]);
                case "--threads" -> threads = Integer.parseInt(args[++i]);
                case "--repeat" -> repeat = Integer.parseInt(args[++i]);
                case "--check-threads" -> checkThreads = true;
                case "--read-only" -> readOnly = true;
                case "--slab-mb" -> slabBytes = Long.parseLong(args[++i]) << 20;
                case "--whiteline-fit" -> options = OPTIONS.withWhitelineFit(org.cathodekit.xanes.WhitelineFit.valueOf(args[++i]));
                default -> throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }
        if (input == null || out == null) {
            throw new IllegalArgumentException("usage: XanesBenchmark --input STACK.h5 --out MAPS.h5 [--threads N] [--repeat R] "
                    + "[--read-only] [--check-threads] [--whiteline-fit FIT]");
        }
        EdgeMaps last = null;
        for (int r = 0; r < repeat; r++) {
            long t0 = System.nanoTime();
            EdgeMaps maps;
            long t1;
            try (Hdf5XanesStack s = Hdf5XanesStack.open(input)) {
                t1 = System.nanoTime();
                maps = Xanes.maps(s, options, threads, slabBytes);
            }
            long t2 = System.nanoTime();
            // as the command does it: the two summaries (one map per thread) on their own thread while the maps
            // are written; "summary" is their own time, "write" the time until both are done
            final EdgeMaps m = maps;
            long[] summaryNs = new long[1];
            java.util.concurrent.FutureTask<java.util.List<Summary>> summaries = new java.util.concurrent.FutureTask<>(() -> {
                long s0 = System.nanoTime();
                java.util.List<Summary> both = XanesStatistics.summaries(java.util.Arrays.asList(m.edge50(), m.whiteline()));
                summaryNs[0] = System.nanoTime() - s0;
                return both;
            });
            if (threads > 1) {
                Thread st = new Thread(summaries, "cathodekit-summaries");
                st.setDaemon(true);
                st.start();
            } else {
                summaries.run();
            }
            Hdf5MapFile.write(out, maps, Map.of("input_file", input.toString(), "command", "XanesBenchmark"));
            java.util.List<Summary> both;
            try {
                both = summaries.get();
            } catch (InterruptedException | java.util.concurrent.ExecutionException e) {
                throw new IllegalStateException(e);
            }
            long t4 = System.nanoTime();
            Summary e50 = both.get(0);
            Summary wl = both.get(1);
            System.out.printf(Locale.ROOT, "run %d (%s): %d voxels x %d energies, threads %d: %sopen %.3f s, read+compute %.3f s, "
                            + "summary %.3f s, write (summaries beside it) %.3f s, in-process %.3f s; valid %d, masked %d, "
                            + "edge50 mean %.6f eV, whiteline mean %.6f eV%n",
                    r + 1, options.whitelineFit(), maps.counts().voxels(), maps.energiesEv().length, threads,
                    r == 0 ? String.format(Locale.ROOT, "startup %.3f s (+%.3f s to the first run), ", startupS, (t0 - mainNs) / 1e9) : "",
                    (t1 - t0) / 1e9, (t2 - t1) / 1e9, summaryNs[0] / 1e9, (t4 - t2) / 1e9, (t4 - t0) / 1e9,
                    maps.counts().valid(), maps.counts().masked(), e50.mean(), wl.mean());
            last = maps;
            maps = null;
        }
        if (readOnly) {
            long t0 = System.nanoTime();
            long values = readAll(input);
            System.out.printf(Locale.ROOT, "read only (every slab, no compute, 1 thread): %.3f s for %d values%n", (System.nanoTime() - t0) / 1e9, values);
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

    /**
     * Reads every z slab (or row slab of a 2D stack) of the default size, as {@link Xanes#maps} plans them
     * for volumes whose z plane fits the budget (the benchmark stacks).
     */
    private static long readAll(Path input) throws IOException {
        try (Hdf5XanesStack s = Hdf5XanesStack.open(input)) {
            int ne = s.energiesEv().length;
            int nz = s.depth();
            int ny = s.height();
            int nx = s.width();
            long voxelsPerSlab = Math.max(1, Xanes.DEFAULT_SLAB_BYTES / (4L * ne));
            int dz = nz > 1 ? (int) Math.max(1, Math.min(nz, voxelsPerSlab / ((long) ny * nx))) : 1;
            int pref = Math.max(1, s.preferredSlabDepth());
            dz = nz > 1 ? (dz >= pref ? dz / pref * pref : Math.min(pref, nz)) : 1;
            int dy = nz > 1 ? ny : (int) Math.max(1, Math.min(ny, voxelsPerSlab / nx));
            // the slab reads of Xanes.maps: straight into one native-order buffer
            int planeLen = dz * dy * nx;
            java.nio.ByteBuffer planes = java.nio.ByteBuffer.allocateDirect(4 * ne * planeLen).order(java.nio.ByteOrder.nativeOrder());
            long n = 0;
            if (nz > 1) {
                for (int z = 0; z < nz; z += dz) {
                    int d = Math.min(dz, nz - z);
                    s.read(z, d, 0, ny, planes, planeLen);
                    n += (long) ne * d * ny * nx;
                }
            } else {
                for (int y = 0; y < ny; y += dy) {
                    int d = Math.min(dy, ny - y);
                    s.read(0, 1, y, d, planes, planeLen);
                    n += (long) ne * d * nx;
                }
            }
            return n;
        }
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
