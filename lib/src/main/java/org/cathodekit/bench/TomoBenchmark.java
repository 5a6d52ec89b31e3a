package org.cathodekit.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;

import org.cathodekit.core.FloatVolume;
import org.cathodekit.io.Hdf5Volumes;
import org.cathodekit.synthetic.TomoParticle;
import org.cathodekit.tomo.Registration;
import org.cathodekit.tomo.RegistrationResult;
import org.cathodekit.tomo.Segmentation;
import org.cathodekit.tomo.SegmentationResult;

/**
 * Benchmark of the tomography analyses on paper-sized volumes: a hollow, cracked particle of radius
 * 0.45 n in an n^3 grid (default n = 340, 39.3 M voxels) and a copy moved by a planted sub-voxel
 * shift with other noise.
 *
 * <p>{@code java -Xmx4g -cp cathodekit-cli.jar org.cathodekit.bench.TomoBenchmark [outDir] [n]}
 * renders both, times {@link Segmentation#segment} (three segmentations: the threshold and its band)
 * and {@link Registration#register} in-process (best of 2), prints the recovered values against the
 * planted ones, and writes {@code outDir/tomo-ref-n.h5} and {@code outDir/tomo-moved-n.h5} for timing
 * the whole commands ({@code /usr/bin/time -v ./cathodekit tomo segment --input ... --json}).
 */
public final class TomoBenchmark {
    private TomoBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args.length > 0 ? args[0] : "target/bench");
        int n = args.length > 1 ? Integer.parseInt(args[1]) : 340;
        Files.createDirectories(out);
        double r = 0.45 * n;
        double[] move = {3.3, -7.45, 11.8};
        long t0 = System.nanoTime();
        TomoParticle p = TomoParticle.of3d(n, r, 0.3 * r, 5, 2, new double[] {0, 0, 0}, 0.1, 1);
        TomoParticle.Rendered ref = p.render(30);
        FloatVolume moved = p.shiftedBy(move).withNoise(0.1, 2).render(30).volume();
        System.out.printf(Locale.ROOT, "rendered 2 x %d^3 = %.1f M voxels in %.1f s%n", n, ref.volume().voxels() / 1e6,
                (System.nanoTime() - t0) / 1e9);
        Hdf5Volumes.write(out.resolve("tomo-ref-" + n + ".h5"), "volume", ref.volume(), Map.of("origin", "TomoBenchmark"));
        Hdf5Volumes.write(out.resolve("tomo-moved-" + n + ".h5"), "volume", moved, Map.of("origin", "TomoBenchmark"));
        for (int rep = 0; rep < 2; rep++) {
            long a = System.nanoTime();
            SegmentationResult s = Segmentation.segment(ref.volume());
            long b = System.nanoTime();
            RegistrationResult g = Registration.register(ref.volume(), moved);
            long c = System.nanoTime();
            System.out.printf(Locale.ROOT, "run %d: segment %.2f s (void fraction %.4f, planted %.4f; band %s), register %.2f s "
                    + "(shift %s, planted %s, peak %.3f)%n", rep + 1, (b - a) / 1e9, s.voidFraction(), ref.truth().voidFraction(),
                    Arrays.toString(s.voidFractionBand()), (c - b) / 1e9, Arrays.toString(g.shiftVox()),
                    Arrays.toString(new double[] {-move[0], -move[1], -move[2]}), g.peak());
        }
    }
}
