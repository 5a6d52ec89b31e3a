package org.cathodekit.core;

import java.util.Arrays;

import org.apache.commons.math3.stat.descriptive.rank.Median;

/**
 * Recovered vs planted values (synthetic data with a known truth): over the pairs where both are
 * finite, the mean error (bias) {@code (1/n) sum (r_i - p_i)}, the root-mean-square error
 * {@code sqrt((1/n) sum (r_i - p_i)^2)}, the largest absolute error, and the median of the ratios
 * {@code r_i / p_i} (Commons Math {@link Median}, NaN when a planted value is 0).
 *
 * <p>Edge cases: arrays of different lengths are an {@link IllegalArgumentException}; no finite
 * pair gives {@code n = 0} and NaN statistics (never an exception).
 *
 * @param name        what is compared (for tables)
 * @param unit        unit of the values and errors ("" when dimensionless)
 * @param n           number of finite pairs used
 * @param bias        mean recovered - planted
 * @param rms         RMS of recovered - planted
 * @param maxAbsError largest |recovered - planted|
 * @param medianRatio median of recovered / planted
 */
public record Comparison(String name, String unit, long n, double bias, double rms, double maxAbsError, double medianRatio) {

    /** Compares element by element (float maps, e.g. edge-energy maps against planted maps). */
    public static Comparison of(String name, String unit, float[] recovered, float[] planted) {
        double[] r = new double[recovered.length];
        double[] p = new double[planted.length];
        for (int i = 0; i < r.length; i++) {
            r[i] = recovered[i];
        }
        for (int i = 0; i < p.length; i++) {
            p[i] = planted[i];
        }
        return of(name, unit, r, p);
    }

    /** Compares a map {@code recovered[y][x]} with planted values stored row by row ({@code planted[y * width + x]}). */
    public static Comparison of(String name, String unit, float[][] recovered, float[] planted) {
        int w = recovered.length == 0 ? 0 : recovered[0].length;
        float[] flat = new float[recovered.length * w];
        for (int y = 0; y < recovered.length; y++) {
            System.arraycopy(recovered[y], 0, flat, y * w, w);
        }
        return of(name, unit, flat, planted);
    }

    /** The mean of the finite values (NaN when none): e.g. the mean planted value of a map. */
    public static double finiteMean(float[] values) {
        double s = 0;
        long n = 0;
        for (float v : values) {
            if (Float.isFinite(v)) {
                s += v;
                n++;
            }
        }
        return n == 0 ? Double.NaN : s / n;
    }

    /** Compares element by element. */
    public static Comparison of(String name, String unit, double[] recovered, double[] planted) {
        if (recovered.length != planted.length) {
            throw new IllegalArgumentException("Comparison '" + name + "': " + recovered.length + " recovered values but "
                    + planted.length + " planted values; they must pair up");
        }
        double sum = 0, sumSq = 0, max = 0;
        double[] ratios = new double[recovered.length];
        int n = 0, nr = 0;
        for (int i = 0; i < recovered.length; i++) {
            double r = recovered[i], p = planted[i];
            if (!Double.isFinite(r) || !Double.isFinite(p)) {
                continue;
            }
            double d = r - p;
            sum += d;
            sumSq += d * d;
            max = Math.max(max, Math.abs(d));
            n++;
            if (p != 0) {
                ratios[nr++] = r / p;
            }
        }
        if (n == 0) {
            return new Comparison(name, unit, 0, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        }
        double median = nr == 0 ? Double.NaN : new Median().evaluate(Arrays.copyOf(ratios, nr));
        return new Comparison(name, unit, n, sum / n, Math.sqrt(sumSq / n), max, median);
    }
}
