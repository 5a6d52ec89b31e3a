package org.cathodekit.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Side-by-side benchmark of {@code xanes map} and the numpy peer (issue 15; not a unit test). For each
 * input, {@code rounds} times in alternation (so that the load of a shared machine hits all three
 * alike): {@link XanesBenchmark} in a fresh JVM with the JIT the launcher chooses for that input (its
 * first, cold run: the in-process breakdown), the whole command (through {@code --launcher ./cathodekit},
 * or {@code java -Xmx1g -XX:+UseParallelGC [-XX:TieredStopAtLevel=1] -jar CLI.jar xanes map ...}, the
 * launcher's JVM options) under {@code /usr/bin/time -v} (wall time and peak RSS), and the
 * peer {@code /usr/bin/python3 xanes_peer.py} under {@code /usr/bin/time -v} (its own "seconds": read
 * and compute in-process; and its peak RSS). Prints every round, the best of each, and the ratio
 * peer / CathodeKit in-process of the bests and of every round. Before each timed run the stack file is
 * read once (see {@link #pageIn}), so that no run measures the disk. The load average before and after is
 * printed: absolute times on a shared 2-core machine are noisy, ratios measured in the same minute less so.
 *
 * <pre>
 * java -cp lib/target/cathodekit-0.1.0-cli.jar org.cathodekit.bench.XanesPeerBenchmark --jar lib/target/cathodekit-0.1.0-cli.jar \
 *      --peer ../shared/bench-peers/xanes_peer.py --work /work/bench-data --rounds 3 [--launcher ./cathodekit] [--peer-max-voxels 5000000] STACK.h5...
 * </pre>
 *
 * Stacks with more voxels than {@code --peer-max-voxels} (as the command's JSON reports them) skip the
 * peer: it holds the whole stack and several float64 arrays of it at once (5.3 GB peak RSS for the
 * 480 MB stack, issue 15), which the 4.8 GB stack would multiply by ten.
 */
public final class XanesPeerBenchmark {
    private XanesPeerBenchmark() {
    }

    /** The launcher's rule: {@code xanes map} on a stack file below this size runs on the C1 JIT alone (see ./cathodekit). */
    static final long LAUNCHER_C1_MAX_BYTES = 1280L << 20;

    static final String[] WINDOWS = {"--pre", "8250:8320", "--post", "8380:8600", "--edge", "8330:8365", "--whiteline", "8343:8357"};
    /** "in-process" of this XanesBenchmark; "total" (open to write, no summary) of the version before issue 15, for before/after runs. */
    private static final Pattern IN_PROCESS = Pattern.compile("(?:in-process|total) ([0-9.]+) s");
    private static final Pattern RSS = Pattern.compile("Maximum resident set size \\(kbytes\\): ([0-9]+)");
    private static final Pattern USER = Pattern.compile("User time \\(seconds\\): ([0-9.]+)");
    private static final Pattern SYS = Pattern.compile("System time \\(seconds\\): ([0-9.]+)");
    private static final Pattern PEER_SECONDS = Pattern.compile("\"seconds\": ([0-9.eE+-]+)");
    private static final Pattern VOXELS = Pattern.compile("\"voxels\":([0-9]+)");

    public static void main(String[] args) throws Exception {
        Path jar = null;
        Path peer = null;
        Path work = Path.of(System.getProperty("java.io.tmpdir"));
        int rounds = 3;
        Path launcher = null;
        long peerMaxVoxels = 5_000_000;
        List<Path> inputs = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--jar" -> jar = Path.of(args[++i]);
                case "--peer" -> peer = Path.of(args[++i]);
                case "--work" -> work = Path.of(args[++i]);
                case "--rounds" -> rounds = Integer.parseInt(args[++i]);
                case "--launcher" -> launcher = Path.of(args[++i]);
                case "--peer-max-voxels" -> peerMaxVoxels = Long.parseLong(args[++i]);
                default -> inputs.add(Path.of(args[i]));
            }
        }
        if (jar == null || peer == null || inputs.isEmpty()) {
            throw new IllegalArgumentException("usage: XanesPeerBenchmark --jar CLI.jar --peer xanes_peer.py [--work DIR] [--rounds N] "
                    + "[--peer-max-voxels N] STACK.h5...");
        }
        System.out.println("load average before: " + loadAverage());
        for (Path in : inputs) {
            double bestIn = Double.POSITIVE_INFINITY;
            double bestWhole = Double.POSITIVE_INFINITY;
            double bestPeer = Double.POSITIVE_INFINITY;
            long rssWhole = 0;
            long rssPeer = 0;
            long voxels = -1;
            List<String> roundRatios = new ArrayList<>();
            // the JIT the launcher chooses for this input (C1 alone below LAUNCHER_C1_MAX_BYTES)
            List<String> jit = Files.size(in) < LAUNCHER_C1_MAX_BYTES ? List.of("-XX:TieredStopAtLevel=1") : List.of();
            for (int r = 1; r <= rounds; r++) {
                List<String> b = new ArrayList<>(List.of("java", "-Xmx1g", "-XX:+UseParallelGC"));
                b.addAll(jit);
                b.addAll(List.of("-cp", jar.toString(), XanesBenchmark.class.getName(),
                        "--input", in.toString(), "--out", work.resolve("speedx-bench-maps.h5").toString()));
                pageIn(in, r, "in-process");
                String bench = run(b);
                double inProcess = parse(IN_PROCESS, bench, "XanesBenchmark");
                String runLine = bench.lines().filter(l -> l.startsWith("run 1") && l.contains("threads")).findFirst().orElse("threads ? " + bench);
                System.out.println(in.getFileName() + " round " + r + " in-process: " + runLine.substring(runLine.indexOf("threads")));
                List<String> cmd = new ArrayList<>(List.of("/usr/bin/time", "-v"));
                if (launcher != null) {
                    cmd.add(launcher.toString());
                } else {
                    cmd.addAll(List.of("java", "-Djava.awt.headless=true", "-Xmx1g", "-XX:+UseParallelGC"));
                    cmd.addAll(jit);
                    cmd.addAll(List.of("-jar", jar.toString()));
                }
                cmd.addAll(List.of("xanes", "map", "--input", in.toString(), "--out", work.resolve("speedx-cmd-maps.h5").toString(), "--json"));
                cmd.addAll(List.of(WINDOWS));
                pageIn(in, r, "whole command");
                long t0 = System.nanoTime();
                String whole = run(cmd);
                double wholeS = (System.nanoTime() - t0) / 1e9;
                long rss = (long) parse(RSS, whole, "time -v");
                voxels = (long) parse(VOXELS, whole, "xanes map --json");
                System.out.printf(Locale.ROOT, "%s round %d whole command: %.3f s wall (CPU: user %.2f s, system %.2f s), peak RSS %d MB%n",
                        in.getFileName(), r, wholeS, parse(USER, whole, "time -v"), parse(SYS, whole, "time -v"), rss >> 10);
                bestIn = Math.min(bestIn, inProcess);
                bestWhole = Math.min(bestWhole, wholeS);
                rssWhole = Math.max(rssWhole, rss);
                if (voxels <= peerMaxVoxels) {
                    List<String> p = new ArrayList<>(List.of("/usr/bin/time", "-v", "/usr/bin/python3", peer.toString(), in.toString(),
                            "--images", "/img_xanes", "--energies", "/X_eng", "--min-edge-jump", "0"));
                    p.addAll(List.of(WINDOWS));
                    pageIn(in, r, "numpy peer");
                    String po = run(p);
                    double peerS = parse(PEER_SECONDS, po, "xanes_peer.py");
                    long prss = (long) parse(RSS, po, "time -v");
                    // user and system CPU: the peer's fresh 5 GB of memory costs system time that varies with the VM's memory state
                    System.out.printf(Locale.ROOT, "%s round %d numpy peer: %.3f s in-process (process CPU: user %.2f s, system %.2f s), peak RSS %d MB; "
                                    + "ratio peer / CathodeKit in-process %.2f%n",
                            in.getFileName(), r, peerS, parse(USER, po, "time -v"), parse(SYS, po, "time -v"), prss >> 10, peerS / inProcess);
                    roundRatios.add(String.format(Locale.ROOT, "%.2f", peerS / inProcess));
                    bestPeer = Math.min(bestPeer, peerS);
                    rssPeer = Math.max(rssPeer, prss);
                }
            }
            System.out.printf(Locale.ROOT, "== %s (%d voxels), best of %d: CathodeKit in-process %.3f s, whole command %.3f s (peak RSS %d MB)", in.getFileName(),
                    voxels, rounds, bestIn, bestWhole, rssWhole >> 10);
            if (Double.isFinite(bestPeer)) {
                System.out.printf(Locale.ROOT, "; numpy peer %.3f s (peak RSS %d MB); ratio of bests %.2fx, per round %s%n", bestPeer, rssPeer >> 10,
                        bestPeer / bestIn, roundRatios);
            } else {
                System.out.printf(Locale.ROOT, "; numpy peer not run (more than %d voxels)%n", peerMaxVoxels);
            }
        }
        System.out.println("load average after: " + loadAverage());
    }

    private static String loadAverage() throws IOException {
        return Files.readString(Path.of("/proc/loadavg")).trim();
    }

    private static double parse(Pattern p, String text, String what) {
        Matcher m = p.matcher(text);
        if (!m.find()) {
            throw new IllegalStateException(what + " printed no " + p.pattern() + ":\n" + text);
        }
        return Double.parseDouble(m.group(1));
    }

    /**
     * Reads the whole stack file once before each timed run, so that every run (CathodeKit's and the
     * peer's alike) starts with it in the page cache: this machine's memory reclaim (DAMON) and the
     * peer's 5 GB of memory evict it between runs, and a run that then reads from disk measures the disk
     * (about 100 MB/s here), not the code. Prints the time when the file was not cached (over 0.5 s).
     */
    private static void pageIn(Path file, int round, String before) throws IOException {
        long t0 = System.nanoTime();
        java.nio.ByteBuffer buf = java.nio.ByteBuffer.allocateDirect(8 << 20);
        try (java.nio.channels.FileChannel ch = java.nio.channels.FileChannel.open(file)) {
            while (ch.read(buf) >= 0) {
                buf.clear();
            }
        }
        double s = (System.nanoTime() - t0) / 1e9;
        if (s > 0.5) {
            System.out.printf(Locale.ROOT, "%s round %d: the stack was not in the page cache before the %s run (read in %.1f s)%n",
                    file.getFileName(), round, before, s);
        }
    }

    private static String run(List<String> cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int rc = p.waitFor();
        if (rc != 0) {
            throw new IllegalStateException(String.join(" ", cmd) + " exited with " + rc + ":\n" + out);
        }
        return out;
    }
}
