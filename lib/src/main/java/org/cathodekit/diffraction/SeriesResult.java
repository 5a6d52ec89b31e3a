package org.cathodekit.diffraction;

import java.util.List;

/**
 * An analysed series.
 *
 * @param points one per pattern, in input order (unmodifiable)
 */
public record SeriesResult(List<SeriesPoint> points) {

    public SeriesResult {
        points = List.copyOf(points);
    }

    /** @return the number of patterns whose lattice refinement failed. */
    public int latticeFailures() {
        return (int) points.stream().filter(p -> !p.latticeOk()).count();
    }

    /** @return the number of patterns whose W-H fit failed. */
    public int whFailures() {
        return (int) points.stream().filter(p -> !p.whOk()).count();
    }

    /** @return a(t) (A) */
    public double[] a() {
        return points.stream().mapToDouble(SeriesPoint::aA).toArray();
    }

    /** @return c(t) (A) */
    public double[] c() {
        return points.stream().mapToDouble(SeriesPoint::cA).toArray();
    }

    /** @return V(t) (A^3) */
    public double[] volume() {
        return points.stream().mapToDouble(SeriesPoint::volumeA3).toArray();
    }

    /** @return microstrain(t) */
    public double[] strain() {
        return points.stream().mapToDouble(SeriesPoint::strain).toArray();
    }

    /** @return c/c0 with c0 the first successful value (paper C's anisotropy plot, y axis) */
    public double[] cOverC0() {
        return relative(c());
    }

    /**
     * @return (a/a0)^2, the x axis of paper C's anisotropy plot c/c0 vs (a/a0)^2; isotropic change
     *         (c/c0 = a/a0) lies on {@code y = sqrt(x)}, see {@link #isotropicCOverC0(double)}
     */
    public double[] aOverA0Squared() {
        double[] r = relative(a());
        for (int i = 0; i < r.length; i++) {
            r[i] *= r[i];
        }
        return r;
    }

    /** @return c/c0 of an isotropic change at x = (a/a0)^2: {@code sqrt(x)}. */
    public static double isotropicCOverC0(double aOverA0Squared) {
        return Math.sqrt(aOverA0Squared);
    }

    /** @return 100 (x_last - x_0)/x_0 over the successful points of {@code values} (%), NaN if fewer than 2 */
    public static double relativeChangePercent(double[] values) {
        double first = Double.NaN;
        double last = Double.NaN;
        for (double v : values) {
            if (Double.isFinite(v)) {
                if (Double.isNaN(first)) {
                    first = v;
                }
                last = v;
            }
        }
        return 100 * (last - first) / first;
    }

    /** @return 100 (min - x_0)/x_0 (%): the largest contraction, for quantities that recover at the end */
    public static double maxContractionPercent(double[] values) {
        double first = Double.NaN;
        double min = Double.POSITIVE_INFINITY;
        for (double v : values) {
            if (Double.isFinite(v)) {
                if (Double.isNaN(first)) {
                    first = v;
                }
                min = Math.min(min, v);
            }
        }
        return 100 * (min - first) / first;
    }

    private static double[] relative(double[] v) {
        double first = Double.NaN;
        for (double x : v) {
            if (Double.isFinite(x)) {
                first = x;
                break;
            }
        }
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = v[i] / first;
        }
        return out;
    }
}
