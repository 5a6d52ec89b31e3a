package org.cathodekit.bench;

import java.util.Locale;

import org.cathodekit.core.DiffractionPattern;
import org.cathodekit.core.Parallel;
import org.cathodekit.core.XrdWavelength;
import org.cathodekit.diffraction.DiffractionSeries;
import org.cathodekit.diffraction.SeriesOptions;
import org.cathodekit.diffraction.SeriesResult;
import org.cathodekit.diffraction.SyntheticPatterns;
import org.cathodekit.diffraction.SyntheticSpec;

/**
 * Issue 6 speed target: a series of 1,000 patterns x 5,000 points (Cu K-alpha1/2, 10 layered-oxide
 * reflections in 15-70 deg, fitted as K-alpha doublets in 7 windows: 006/012 and 018/110 as pairs)
 * -> W-H + lattice per pattern, in under 20 s wall. Pattern generation is timed separately.
 *
 * <p>Run: {@code java -Xmx1g -cp lib/target/cathodekit-0.1.0-cli.jar org.cathodekit.bench.DiffractionBenchmark [patterns] [points]}
 */
public final class DiffractionBenchmark {
    private DiffractionBenchmark() {
    }

    public static void main(String[] args) {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        int pts = args.length > 1 ? Integer.parseInt(args[1]) : 5000;
        long t0 = System.nanoTime();
        double[][] x = new double[n][];
        double[][] y = new double[n][];
        XrdWavelength wl = SyntheticSpec.DEFAULTS.wavelength();
        for (int i = 0; i < n; i++) {
            double s = (double) i / Math.max(1, n - 1);
            double[] ac = SyntheticPatterns.latticeAt(2.872, 14.19, 0.060, 0.078, s);
            DiffractionPattern p = SyntheticPatterns.generate(SyntheticSpec.DEFAULTS.withLattice(ac[0], ac[1])
                    .withStrain(0.001 + 0.0015 * s).withScan(15, 70, pts).withSeed(i));
            x[i] = p.twoThetaDeg();
            y[i] = p.intensity();
        }
        double gen = (System.nanoTime() - t0) / 1e9;
        // warm-up on a few patterns (JIT), not timed
        DiffractionSeries.analyse(java.util.Arrays.copyOf(x, Math.min(20, n)), java.util.Arrays.copyOf(y, Math.min(20, n)), wl,
                SeriesOptions.DEFAULTS.withInstrument(SyntheticSpec.LAB_INSTRUMENT));
        long t1 = System.nanoTime();
        SeriesResult r = DiffractionSeries.analyse(x, y, wl, SeriesOptions.DEFAULTS.withInstrument(SyntheticSpec.LAB_INSTRUMENT));
        double fit = (System.nanoTime() - t1) / 1e9;
        int peaks = r.points().stream().mapToInt(p -> p.peaksFitted() + p.peaksFailed()).sum();
        int failedPeaks = r.points().stream().mapToInt(p -> p.peaksFailed()).sum();
        double[] c = r.c();
        double maxErrC = 0;
        double maxErrA = 0;
        for (int i = 0; i < n; i++) {
            double[] ac = SyntheticPatterns.latticeAt(2.872, 14.19, 0.060, 0.078, (double) i / Math.max(1, n - 1));
            maxErrC = Math.max(maxErrC, Math.abs(c[i] - ac[1]));
            maxErrA = Math.max(maxErrA, Math.abs(r.a()[i] - ac[0]));
        }
        System.out.printf(Locale.ROOT, "patterns %d x %d points, threads %d%n", n, pts, Parallel.threads());
        System.out.printf(Locale.ROOT, "generation %.2f s (not part of the target)%n", gen);
        System.out.printf(Locale.ROOT, "fit W-H + lattice: %.2f s wall (target < 20 s), %.2f ms/pattern%n", fit, 1000 * fit / n);
        System.out.printf(Locale.ROOT, "peaks fitted %d, failed %d; lattice failures %d, W-H failures %d%n", peaks - failedPeaks, failedPeaks,
                r.latticeFailures(), r.whFailures());
        System.out.printf(Locale.ROOT, "max |a - planted| %.5f A, max |c - planted| %.5f A; c change %.2f %%, V change %.2f %%%n", maxErrA,
                maxErrC, SeriesResult.relativeChangePercent(c), SeriesResult.relativeChangePercent(r.volume()));
    }
}
