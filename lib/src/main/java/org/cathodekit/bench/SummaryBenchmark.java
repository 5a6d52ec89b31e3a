package org.cathodekit.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

import org.cathodekit.core.Parallel;
import org.cathodekit.xanes.Summary;
import org.cathodekit.xanes.VoxelMap;
import org.cathodekit.xanes.XanesStatistics;

/**
 * Benchmark of the map summaries of {@code cathodekit xanes map} (not a unit test): count, mean,
 * median, std, min, max of synthetic edge50 and white-line maps of {@code n x n x n} voxels
 * (default 272: 20.1 M voxels, a paper-A-sized particle), values around 8343 and 8350 eV (a smooth
 * gradient of 2 eV across the map plus Gaussian noise of sigma 0.8 eV, rounded to float32) with
 * 2 % NaN voxels at random.
 *
 * <pre>
 * java -Xmx2g -XX:+UseParallelGC -cp lib/target/cathodekit-0.1.0-cli.jar org.cathodekit.bench.SummaryBenchmark \
 *      [--n 272] [--maps one|two] [--repeat 5]
 * </pre>
 *
 * Prints the first call (cold: the one a command sees in a fresh JVM) and the best of the
 * following {@code repeat} calls (warm), wall and CPU time of the calling thread (which computes a
 * single map itself; with two, the second runs on a worker), for one map ({@link XanesStatistics#summary(VoxelMap)}) or
 * two ({@link XanesStatistics#summaries(List)}, as the command computes them), and the summaries
 * themselves (so runs of two builds can be compared for bit-identical results).
 */
public final class SummaryBenchmark {
    private SummaryBenchmark() {
    }

    /** Synthetic map: {@code centreEv} + 2 eV gradient along x + N(0, 0.8 eV) noise, 2 % NaN. */
    static VoxelMap syntheticMap(String name, double centreEv, int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        float[][][] v = new float[n][n][n];
        for (int z = 0; z < n; z++) {
            for (int y = 0; y < n; y++) {
                float[] row = v[z][y];
                for (int x = 0; x < n; x++) {
                    row[x] = r.nextDouble() < 0.02 ? Float.NaN
                            : (float) (centreEv + 2.0 * (x - n / 2.0) / n + 0.8 * r.nextGaussian());
                }
            }
        }
        return VoxelMap.of(name, "eV", v);
    }

    public static void main(String[] args) {
        int n = 272;
        boolean two = false;
        int repeat = 5;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--n" -> n = Integer.parseInt(args[++i]);
                case "--maps" -> two = switch (args[++i]) {
                    case "one" -> false;
                    case "two" -> true;
                    default -> throw new IllegalArgumentException("--maps takes one or two, got " + args[i]);
                };
                case "--repeat" -> repeat = Integer.parseInt(args[++i]);
                default -> throw new IllegalArgumentException("unknown argument " + args[i]
                        + "; usage: SummaryBenchmark [--n 272] [--maps one|two] [--repeat 5]");
            }
        }
        long tg = System.nanoTime();
        VoxelMap edge50 = syntheticMap("edge50", 8343.0, n, 1);
        VoxelMap whiteline = two ? syntheticMap("whiteline", 8350.0, n, 2) : null;
        System.out.printf(Locale.ROOT, "%d x %d x %d = %d voxels per map, %s, threads %d (maps made in %.2f s)%n",
                n, n, n, edge50.voxels(), two ? "two maps" : "one map", Parallel.threads(), (System.nanoTime() - tg) / 1e9);
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        double cold = 0;
        double coldCpu = 0;
        double best = Double.POSITIVE_INFINITY;
        double bestCpu = Double.POSITIVE_INFINITY;
        List<Summary> result = null;
        for (int r = 0; r <= repeat; r++) {
            long c0 = cpu.getCurrentThreadCpuTime();
            long t0 = System.nanoTime();
            result = two ? XanesStatistics.summaries(List.of(edge50, whiteline)) : List.of(XanesStatistics.summary(edge50));
            double s = (System.nanoTime() - t0) / 1e9;
            double c = (cpu.getCurrentThreadCpuTime() - c0) / 1e9;
            if (r == 0) {
                cold = s;
                coldCpu = c;
            } else {
                best = Math.min(best, s);
                bestCpu = Math.min(bestCpu, c);
            }
        }
        System.out.printf(Locale.ROOT, "cold (first call) %.3f s, warm (best of %d) %.3f s; CPU of the calling thread: cold %.3f s, "
                + "warm %.3f s%n", cold, repeat, best, coldCpu, bestCpu);
        for (Summary s : result) {
            System.out.printf(Locale.ROOT, "%s: count %d mean %s median %s std %s min %s max %s%n", s.name(), s.count(),
                    Double.toHexString(s.mean()), Double.toHexString(s.median()), Double.toHexString(s.std()),
                    Double.toHexString(s.min()), Double.toHexString(s.max()));
        }
    }
}
