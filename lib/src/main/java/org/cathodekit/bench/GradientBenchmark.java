package org.cathodekit.bench;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.Locale;

import org.cathodekit.core.AtomicFiles;
import org.cathodekit.gradient.GradientOptions;
import org.cathodekit.gradient.ThetaStatistics;
import org.cathodekit.gradient.ValenceGradient;
import org.cathodekit.synthetic.Microstructure;
import org.cathodekit.synthetic.ParticleOptions;
import org.cathodekit.synthetic.SocEnergyMap;
import org.cathodekit.synthetic.SocField;
import org.cathodekit.synthetic.Synthetic;

import io.jhdf.HdfFile;
import io.jhdf.WritableHdfFile;

/**
 * Benchmark of the valence-gradient model on paper A's scale: a charged rod particle of about 20 M
 * voxels (sphere of radius 168 in a 340^3 grid, seed 1) from {@link Synthetic}.
 *
 * <p>{@code java -cp cathodekit-cli.jar org.cathodekit.bench.GradientBenchmark [outDir] [n]} writes
 * {@code outDir/particle340.h5} (dataset {@code /edge50}, float32) and {@code outDir/particle340.npy}
 * (the same values for {@code lib/bench/gradient_numpy.py}), then times the library in-process for
 * b = 1, 2, 3 with 1 thread and all threads and checks that the results are bit-identical. The
 * whole-command wall time and peak RSS are measured from the shell:
 * {@code /usr/bin/time -v ./cathodekit gradient --input outDir/particle340.h5 --voxel-nm 30 --bin 1 --json}.
 */
public final class GradientBenchmark {
    private GradientBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args.length > 0 ? args[0] : "target/bench");
        int n = args.length > 1 ? Integer.parseInt(args[1]) : 340;
        Files.createDirectories(out);
        double radius = Math.min(168, n / 2.0 - 2);
        long t0 = System.nanoTime();
        var p = Synthetic.particle(ParticleOptions.DEFAULTS.withSphere(n, radius).withMicrostructure(Microstructure.ROD));
        float[] v = Synthetic.edgeVolume(p, SocField.charged(Microstructure.ROD), SocEnergyMap.DEFAULTS);
        long valid = 0;
        for (float f : v) {
            if (!Float.isNaN(f)) {
                valid++;
            }
        }
        System.out.printf(Locale.ROOT, "generated %d^3 volume, %d valid voxels in %.2f s%n", n, valid, (System.nanoTime() - t0) / 1e9);
        Path h5 = out.resolve("particle" + n + ".h5");
        Path npy = out.resolve("particle" + n + ".npy");
        if (!Files.exists(h5)) {
            writeHdf5(h5, v, n);
        }
        if (!Files.exists(npy)) {
            writeNpy(npy, v, n);
        }
        System.out.println("wrote " + h5 + " and " + npy);
        String old = System.getProperty("cathodekit.threads");
        for (int b = 1; b <= 3; b++) {
            GradientOptions o = GradientOptions.DEFAULTS.withMerge(b);
            ThetaStatistics ref = null;
            for (String threads : new String[] {"1", String.valueOf(Runtime.getRuntime().availableProcessors())}) {
                System.setProperty("cathodekit.threads", threads);
                double best = Double.MAX_VALUE;
                ThetaStatistics s = null;
                for (int rep = 0; rep < 3; rep++) {
                    long t = System.nanoTime();
                    s = ValenceGradient.volume(v, n, n, n, o);
                    best = Math.min(best, (System.nanoTime() - t) / 1e9);
                }
                boolean same = ref == null || (Arrays.equals(ref.thetaDensityPerDeg(), s.thetaDensityPerDeg())
                        && Arrays.equals(ref.weightedThetaDensityPerDeg(), s.weightedThetaDensityPerDeg())
                        && Arrays.equals(ref.groupMeanSizeEvPerNm(), s.groupMeanSizeEvPerNm())
                        && ref.meanAbsCos() == s.meanAbsCos());
                if (ref == null) {
                    ref = s;
                }
                System.out.printf(Locale.ROOT, "b=%d threads=%s: %.3f s (best of 3), vectors %d, mean|cos| %.6f, "
                        + "tangential index %.4f, peak %.1f deg%s%n", b, threads, best, s.vectors(), s.meanAbsCos(),
                        s.tangentialIndex(), s.peakThetaDeg(), ref == s ? "" : (same ? ", bit-identical to 1 thread" : ", DIFFERS from 1 thread"));
            }
        }
        if (old == null) {
            System.clearProperty("cathodekit.threads");
        } else {
            System.setProperty("cathodekit.threads", old);
        }
    }

    private static void writeHdf5(Path h5, float[] v, int n) throws IOException {
        float[][][] a = new float[n][n][n];
        for (int z = 0; z < n; z++) {
            for (int y = 0; y < n; y++) {
                System.arraycopy(v, (z * n + y) * n, a[z][y], 0, n);
            }
        }
        AtomicFiles.write(h5, tmp -> {
            try (WritableHdfFile w = HdfFile.write(tmp)) {
                w.putDataset("edge50", a);
            }
        });
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
