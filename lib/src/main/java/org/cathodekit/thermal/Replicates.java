package org.cathodekit.thermal;

import java.util.List;

/**
 * Mean and standard deviation over samples and replicate runs (onsets, mass losses, curves).
 * Non-finite values (e.g. "no onset") are left out and counted.
 */
public final class Replicates {
    private Replicates() {
    }

    /**
     * Summary of replicate values.
     *
     * @param n       finite values used
     * @param missing non-finite values left out
     * @param mean    arithmetic mean (NaN when n = 0)
     * @param std     sample standard deviation, n - 1 denominator (NaN when n &lt; 2)
     */
    public record Summary(int n, int missing, double mean, double std) {
        /** @return {@code std / sqrt(n)}. */
        public double standardError() {
            return std / Math.sqrt(n);
        }
    }

    /**
     * Mean curve of replicates.
     *
     * @param gridC   grid temperatures (C)
     * @param meanPct mean mass % at each grid temperature
     * @param stdPct  sample standard deviation of the mass %
     */
    public record CurveSummary(double[] gridC, double[] meanPct, double[] stdPct) {
        public CurveSummary {
            gridC = gridC.clone();
            meanPct = meanPct.clone();
            stdPct = stdPct.clone();
        }

        @Override
        public double[] gridC() {
            return gridC.clone();
        }

        @Override
        public double[] meanPct() {
            return meanPct.clone();
        }

        @Override
        public double[] stdPct() {
            return stdPct.clone();
        }
    }

    /** Mean and sample standard deviation (two-pass) of the finite values (not modified). */
    public static Summary of(double... values) {
        int n = 0;
        double sum = 0;
        for (double v : values) {
            if (Double.isFinite(v)) {
                n++;
                sum += v;
            }
        }
        double mean = n == 0 ? Double.NaN : sum / n;
        double ss = 0;
        for (double v : values) {
            if (Double.isFinite(v)) {
                ss += (v - mean) * (v - mean);
            }
        }
        return new Summary(n, values.length - n, mean, n < 2 ? Double.NaN : Math.sqrt(ss / (n - 1)));
    }

    /** Summary of the onset temperature of each result (by its own onset method). */
    public static Summary onsetC(List<TgaResult> results) {
        double[] v = new double[results.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = results.get(i).onset().temperatureC();
        }
        return of(v);
    }

    /**
     * Mean and standard deviation of the smoothed mass % of several results at each grid
     * temperature (linear interpolation; grid points outside a curve count as missing).
     *
     * @return mean and std per grid temperature
     */
    public static CurveSummary massPctCurve(List<TgaResult> results, double[] gridC) {
        double[] mean = new double[gridC.length];
        double[] std = new double[gridC.length];
        double[] v = new double[results.size()];
        for (int g = 0; g < gridC.length; g++) {
            for (int r = 0; r < v.length; r++) {
                try {
                    v[r] = results.get(r).massPctAt(gridC[g]);
                } catch (IllegalArgumentException e) {
                    v[r] = Double.NaN;
                }
            }
            Summary s = of(v);
            mean[g] = s.mean();
            std[g] = s.std();
        }
        return new CurveSummary(gridC.clone(), mean, std);
    }
}
