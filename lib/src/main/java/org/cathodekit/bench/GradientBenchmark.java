package org.cathodekit.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.cathodekit.core.AtomicFiles;
import org.cathodekit.core.JsonOutput;
import org.cathodekit.gradient.GradientOptions;
import org.cathodekit.gradient.PlaneReader;
import org.cathodekit.gradient.ThetaStatistics;
import org.cathodekit.gradient.ValenceGradient;
import org.cathodekit.io.Hdf5Volume;
import org.cathodekit.synthetic.Microstructure;
import org.cathodekit.synthetic.ParticleOptions;
import org.cathodekit.synthetic.SocEnergyMap;
import org.cathodekit.synthetic.SocField;
import org.cathodekit.synthetic.Synthetic;


/**
 * Benchmark of {@code cathodekit gradient} against the numpy peer ({@code ../shared/bench-peers/gradient_peer.py})
 * on charged rod particles from {@link Synthetic} (seed 1): spheres of radius min(168, n/2 - 2) in n^3
 * grids, n = 82, 160, 340 by default (0.25 M, 2.0 M and 19.9 M valid voxels; paper A's particles are
 * of the last size).
 *
 * <p>{@code java -cp cathodekit-cli.jar org.cathodekit.bench.GradientBenchmark [outDir] [reps] [b] [n ...]}
 * writes {@code outDir/particle<n>.h5} (dataset {@code /edge50}, float32, contiguous) and
 * {@code .npy} (for {@code lib/bench/gradient_numpy.py}) when missing, then per size and repetition runs,
 * one after the other in the same minute (the machine is shared: compare ratios, not absolute times):
 * <ol>
 *   <li>the whole command in a fresh JVM with the launcher's options ({@code -Xmx1g -XX:+UseParallelGC}),
 *       wall time and peak RSS from {@code /usr/bin/time}; start-up = its wall time minus the
 *       {@code seconds} it reports (JVM start, class loading, picocli, exit);</li>
 *   <li>a fresh JVM running the same work through the library with the breakdown: open (HDF5
 *       metadata), read (time inside the plane reads of both passes),
 *       compute (statistics, merge, kernel), summary (derived values and the result object as the CLI
 *       builds it), write (its JSON text);</li>
 *   <li>the numpy peer ({@code /usr/bin/python3}): its own in-process seconds and the wall time.</li>
 * </ol>
 * and prints the best of the repetitions with the ratios peer / CathodeKit.
 */
public final class GradientBenchmark {
    private GradientBenchmark() {
    }

    static final String PEER = "../shared/bench-peers/gradient_peer.py";

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("--child")) {
            child(Path.of(args[1]), Integer.parseInt(args[2]));
            return;
        }
        Path out = Path.of(args.length > 0 ? args[0] : "target/bench");
        int reps = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        int b = args.length > 2 ? Integer.parseInt(args[2]) : 1;
        List<Integer> sizes = new ArrayList<>();
        for (int i = 3; i < args.length; i++) {
            sizes.add(Integer.parseInt(args[i]));
        }
        if (sizes.isEmpty()) {
            sizes = List.of(82, 160, 340);
        }
        Files.createDirectories(out);
        String jar = Path.of(GradientBenchmark.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        Path peer = Path.of(PEER).toAbsolutePath().normalize();
        boolean hasPeer = Files.isRegularFile(peer) && Files.isExecutable(Path.of("/usr/bin/python3"));
        System.out.println("load before: " + uptime());
        List<String> table = new ArrayList<>();
        for (int n : sizes) {
            Path h5 = prepare(out, n);
            double[] best = new double[12];
            java.util.Arrays.fill(best, Double.MAX_VALUE);
            long rss = 0;
            long peerRss = 0;
            for (int rep = 0; rep < reps; rep++) {
                StringBuilder json = new StringBuilder();
                double[] cmd = timed(List.of("java", "-Djava.awt.headless=true", "-Xmx1g", "-XX:+UseParallelGC", "-jar", jar, "gradient",
                        "--input", h5.toString(), "--voxel-nm", "30", "--bin", String.valueOf(b), "--json"), json);
                best[0] = Math.min(best[0], cmd[0]);
                rss = Math.max(rss, (long) cmd[1]);
                java.util.regex.Matcher cs = java.util.regex.Pattern.compile("\"seconds\":([0-9.eE+-]+)").matcher(json);
                if (cs.find()) {
                    best[10] = Math.min(best[10], cmd[0] - Double.parseDouble(cs.group(1)));
                }
                StringBuilder line = new StringBuilder();
                timed(List.of("java", "-Djava.awt.headless=true", "-Xmx1g", "-XX:+UseParallelGC", "-cp", jar,
                        GradientBenchmark.class.getName(), "--child", h5.toString(), String.valueOf(b)), line);
                String[] f = line.toString().trim().split("\\s+");
                for (int i = 0; i < 6 && i < f.length; i++) {
                    best[2 + i] = Math.min(best[2 + i], Double.parseDouble(f[i]));
                }
                best[1] = best[10];
                if (hasPeer) {
                    StringBuilder pj = new StringBuilder();
                    double[] p = timed(List.of("/usr/bin/python3", peer.toString(), h5.toString(), "/edge50", String.valueOf(b)), pj);
                    best[8] = Math.min(best[8], p[0]);
                    peerRss = Math.max(peerRss, (long) p[1]);
                    java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"seconds\": ([0-9.eE+-]+)").matcher(pj);
                    if (m.find()) {
                        best[9] = Math.min(best[9], Double.parseDouble(m.group(1)));
                    }
                }
            }
            double inProcess = best[7];
            table.add(String.format(Locale.ROOT, "| %d^3 | %.2f M | %.3f | %d | %.3f | %.3f | %.3f | %.3f | %.4f | %.4f | %.3f | %s | %s | %s |",
                    n, valid(h5) / 1e6, best[0], rss / 1024, best[1], best[2], best[3], best[4], best[5], best[6], inProcess,
                    hasPeer ? String.format(Locale.ROOT, "%.3f / %.3f", best[9], best[8]) : "-",
                    hasPeer ? String.format(Locale.ROOT, "%.1fx / %.1fx", best[9] / inProcess, best[8] / best[0]) : "-",
                    hasPeer ? String.valueOf(peerRss / 1024) : "-"));
        }
        System.out.println("load after: " + uptime());
        System.out.printf(Locale.ROOT, "gradient b = %d, best of %d (s; RSS in MB):%n", b, reps);
        System.out.println("| grid | valid voxels | whole command | peak RSS | start-up | open | read | compute | summary | write "
                + "| in-process | numpy in-process / wall | ratio in-process / wall | numpy RSS |");
        System.out.println("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|");
        table.forEach(System.out::println);
    }

    /** One fresh-JVM run through the library: prints open, read, compute, summary, write and in-process seconds. */
    private static void child(Path h5, int b) throws Exception {
        long t0 = System.nanoTime();
        long[] readNs = new long[1];
        ThetaStatistics s;
        long t1;
        long t2;
        try (Hdf5Volume v = Hdf5Volume.open(h5, "/edge50", "an HDF5 volume")) {
            t1 = System.nanoTime();
            PlaneReader timedReads = (z0, planes, dst, offset) -> {
                long t = System.nanoTime();
                v.readPlanes(z0, planes, dst, offset);
                readNs[0] += System.nanoTime() - t;
            };
            s = ValenceGradient.volume(timedReads, v.depth(), v.height(), v.width(), v.chunkPlanes(),
                    GradientOptions.DEFAULTS.withMerge(b));
            t2 = System.nanoTime();
        }
        double[] c = s.centreUnits();
        double h = s.unitSpacingNm();
        Object o = JsonOutput.object().put("valid_units", s.validUnits()).put("interior_units", s.interiorUnits())
                .putPOJO("centre_xyz_nm", new double[] {c[0] * h, c[1] * h, c[2] * h}).put("vectors", s.vectors())
                .put("mean_abs_cos", s.meanAbsCos()).put("tangential_index", s.tangentialIndex())
                .put("peak_theta_deg", s.peakThetaDeg()).putPOJO("theta_density", s.thetaDensityPerDeg())
                .putPOJO("weighted_theta_density", s.weightedThetaDensityPerDeg())
                .putPOJO("reference_density", s.referenceDensityPerDeg())
                .putPOJO("group_counts", s.groupCounts()).putPOJO("mean_size_by_group", s.groupMeanSizeEvPerNm())
                .putPOJO("warnings", s.warnings());
        long t3 = System.nanoTime();
        PrintStream sink = new PrintStream(OutputStream.nullOutputStream(), false, StandardCharsets.UTF_8);
        sink.println(JsonOutput.write(o));
        sink.flush();
        long t4 = System.nanoTime();
        double read = readNs[0] / 1e9;
        System.out.printf(Locale.ROOT, "%.4f %.4f %.4f %.4f %.4f %.4f%n", (t1 - t0) / 1e9, read,
                (t2 - t1) / 1e9 - read, (t3 - t2) / 1e9, (t4 - t3) / 1e9, (t4 - t0) / 1e9);
    }

    /** Runs a process (under /usr/bin/time when present): {wall s, max RSS kB}; its stdout appended to {@code out}. */
    private static double[] timed(List<String> cmd, StringBuilder out) throws IOException, InterruptedException {
        Path time = Path.of("/usr/bin/time");
        Path report = Files.createTempFile("ck-bench", ".time");
        List<String> full = new ArrayList<>();
        if (Files.isExecutable(time)) {
            full.addAll(List.of(time.toString(), "-f", "%e %M", "-o", report.toString()));
        }
        full.addAll(cmd);
        long t = System.nanoTime();
        Process p = new ProcessBuilder(full).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String stdout = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int code = p.waitFor();
        double wall = (System.nanoTime() - t) / 1e9;
        if (code != 0) {
            throw new IllegalStateException(String.join(" ", cmd) + " exited with " + code + ": " + stdout);
        }
        if (out != null) {
            out.append(stdout);
        }
        double rss = 0;
        String r = Files.readString(report).trim();
        Files.deleteIfExists(report);
        if (!r.isEmpty()) {
            String[] f = r.split("\\s+");
            wall = Double.parseDouble(f[f.length - 2]);
            rss = Double.parseDouble(f[f.length - 1]);
        }
        return new double[] {wall, rss};
    }

    private static String uptime() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static long valid(Path h5) {
        try (Hdf5Volume v = Hdf5Volume.open(h5, "/edge50", null)) {
            long c = 0;
            for (float f : v.readAll()) {
                if (!Float.isNaN(f)) {
                    c++;
                }
            }
            return c;
        }
    }

    /** Writes the particle of grid n (HDF5 and .npy) when missing. */
    private static Path prepare(Path out, int n) throws IOException {
        Path h5 = out.resolve("particle" + n + ".h5");
        Path npy = out.resolve("particle" + n + ".npy");
        if (Files.exists(h5) && Files.exists(npy)) {
            return h5;
        }
        double radius = Math.min(168, n / 2.0 - 2);
        var p = Synthetic.particle(ParticleOptions.DEFAULTS.withSphere(n, radius).withMicrostructure(Microstructure.ROD));
        float[] v = Synthetic.edgeVolume(p, SocField.charged(Microstructure.ROD), SocEnergyMap.DEFAULTS);
        if (!Files.exists(h5)) {
            writeHdf5(h5, v, n);
        }
        if (!Files.exists(npy)) {
            writeNpy(npy, v, n);
        }
        System.out.println("wrote " + h5 + " and " + npy);
        return h5;
    }

    private static void writeHdf5(Path h5, float[] v, int n) throws IOException {
        float[][][] a = new float[n][n][n];
        for (int z = 0; z < n; z++) {
            for (int y = 0; y < n; y++) {
                System.arraycopy(v, (z * n + y) * n, a[z][y], 0, n);
            }
        }
        org.cathodekit.io.Hdf5Writes.write(h5, w -> w.putDataset("edge50", a));
    }

    private static void writeNpy(Path npy, float[] v, int n) throws IOException {
        String dict = "{'descr': '<f4', 'fortran_order': False, 'shape': (" + n + ", " + n + ", " + n + "), }";
        int total = 10 + dict.length() + 1;
        int pad = (64 - total % 64) % 64;
        StringBuilder header = new StringBuilder(dict);
        header.append(" ".repeat(pad)).append('\n');
        byte[] hb = header.toString().getBytes(StandardCharsets.US_ASCII);
        ByteBuffer head = ByteBuffer.allocate(10 + hb.length).order(ByteOrder.LITTLE_ENDIAN);
        head.put((byte) 0x93).put("NUMPY".getBytes(StandardCharsets.US_ASCII)).put((byte) 1).put((byte) 0);
        head.putShort((short) hb.length).put(hb).flip();
        AtomicFiles.write(npy, tmp -> {
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE, StandardOpenOption.CREATE,
                    StandardOpenOption.TRUNCATE_EXISTING)) {
                ch.write(head);
                ByteBuffer buf = ByteBuffer.allocate(1 << 20).order(ByteOrder.LITTLE_ENDIAN);
                for (float f : v) {
                    if (!buf.hasRemaining()) {
                        buf.flip();
                        while (buf.hasRemaining()) {
                            ch.write(buf);
                        }
                        buf.clear();
                    }
                    buf.putFloat(f);
                }
                buf.flip();
                while (buf.hasRemaining()) {
                    ch.write(buf);
                }
            }
        });
    }
}
