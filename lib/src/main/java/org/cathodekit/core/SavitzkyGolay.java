package org.cathodekit.core;


/**
 * Savitzky-Golay smoothing and first derivative as local least-squares polynomials (Savitzky and
 * Golay, Anal. Chem. 36, 1627 (1964)), written for any abscissa spacing: at point {@code i} a
 * polynomial of order {@code p} in {@code (x - x_i)} is fitted by least squares to the
 * {@code window} points centred on {@code i} (shifted inwards at the ends, so every fit uses
 * exactly {@code window} points), and its value and slope at {@code x_i} are returned. On a uniform
 * grid this is exactly the classical convolution filter; on a slightly uneven grid (real TGA
 * temperature readings) it avoids the bias of the convolution coefficients.
 *
 * <p>Edge cases: fewer distinct abscissae than {@code p + 1} in a window give NaN at that point;
 * NaN inputs propagate to the windows that contain them. Results are identical for any thread count
 * (each point is computed independently).
 */
public final class SavitzkyGolay {
    private SavitzkyGolay() {
    }

    private static final int CHUNK = 4096;

    /**
     * Smooths {@code y(x)} and differentiates it.
     *
     * @param x          abscissa, non-decreasing (not modified)
     * @param y          ordinate, same length (not modified)
     * @param window     odd number of points, {@code >= order + 2} and {@code <= x.length}
     * @param order      polynomial order, 1..5
     * @param value      output: smoothed values (length n; may be null)
     * @param derivative output: dy/dx (length n; may be null)
     */
    public static void smoothAndDerivative(double[] x, double[] y, int window, int order, double[] value,
            double[] derivative) {
        int n = x.length;
        if (y.length != n) {
            throw new IllegalArgumentException("x and y must have the same length, got " + n + " and " + y.length);
        }
        if (order < 1 || order > 5) {
            throw new IllegalArgumentException("order must lie in 1..5, got " + order);
        }
        if (window % 2 == 0 || window < order + 2 || window > n) {
            throw new IllegalArgumentException("window must be odd, >= order + 2 = " + (order + 2) + " and <= n = " + n
                    + ", got " + window);
        }
        if ((value != null && value.length != n) || (derivative != null && derivative.length != n)) {
            throw new IllegalArgumentException("output buffers must have length " + n);
        }
        int half = window / 2;
        int m = order + 1;
        Parallel.forEachChunk(n, CHUNK, (chunk, from, to) -> {
            double[] a = new double[m * m];
            double[] b = new double[m];
            double[] pw = new double[2 * m];
            for (int i = from; i < to; i++) {
                int lo = Math.min(Math.max(i - half, 0), n - window);
                int hi = lo + window - 1;
                double c = x[i];
                double scale = Math.max(Math.abs(x[hi] - c), Math.abs(x[lo] - c));
                double v = Double.NaN;
                double d = Double.NaN;
                if (scale > 0) {
                    java.util.Arrays.fill(a, 0);
                    java.util.Arrays.fill(b, 0);
                    for (int j = lo; j <= hi; j++) {
                        double u = (x[j] - c) / scale;
                        pw[0] = 1;
                        for (int k = 1; k < 2 * m; k++) {
                            pw[k] = pw[k - 1] * u;
                        }
                        for (int r = 0; r < m; r++) {
                            b[r] += pw[r] * y[j];
                            for (int s = 0; s < m; s++) {
                                a[r * m + s] += pw[r + s];
                            }
                        }
                    }
                    if (solve(a, b, m)) {
                        v = b[0];
                        d = b[1] / scale;
                    }
                }
                if (value != null) {
                    value[i] = v;
                }
                if (derivative != null) {
                    derivative[i] = d;
                }
            }
        });
    }

    /** Gaussian elimination with partial pivoting in place; the solution replaces {@code b}. */
    private static boolean solve(double[] a, double[] b, int m) {
        for (int col = 0; col < m; col++) {
            int piv = col;
            for (int r = col + 1; r < m; r++) {
                if (Math.abs(a[r * m + col]) > Math.abs(a[piv * m + col])) {
                    piv = r;
                }
            }
            double pv = a[piv * m + col];
            if (!(Math.abs(pv) > 1e-12 * Math.abs(a[0])) || !Double.isFinite(pv)) {
                return false;
            }
            if (piv != col) {
                for (int s = 0; s < m; s++) {
                    double t = a[col * m + s];
                    a[col * m + s] = a[piv * m + s];
                    a[piv * m + s] = t;
                }
                double t = b[col];
                b[col] = b[piv];
                b[piv] = t;
            }
            for (int r = col + 1; r < m; r++) {
                double f = a[r * m + col] / pv;
                if (f != 0) {
                    for (int s = col; s < m; s++) {
                        a[r * m + s] -= f * a[col * m + s];
                    }
                    b[r] -= f * b[col];
                }
            }
        }
        for (int r = m - 1; r >= 0; r--) {
            double s = b[r];
            for (int k = r + 1; k < m; k++) {
                s -= a[r * m + k] * b[k];
            }
            b[r] = s / a[r * m + r];
        }
        return true;
    }

    /**
     * The odd window in points closest to {@code widthX / step} (at least {@code order + 2}, at most
     * n or n-1 to stay odd), where {@code step} is the median |x[i+1] - x[i]|.
     */
    public static int windowPoints(double[] x, double widthX, int order) {
        int n = x.length;
        double step = medianStep(x);
        int w = (int) Math.round(widthX / step);
        if (w % 2 == 0) {
            w++;
        }
        w = Math.max(w, order + 2 + ((order + 2) % 2 == 0 ? 1 : 0));
        int maxOdd = n % 2 == 1 ? n : n - 1;
        return Math.min(w, maxOdd);
    }

    /** @return the median of |x[i+1] - x[i]| (0 for fewer than 2 points). */
    public static double medianStep(double[] x) {
        if (x.length < 2) {
            return 0;
        }
        double[] d = new double[x.length - 1];
        for (int i = 0; i < d.length; i++) {
            d[i] = Math.abs(x[i + 1] - x[i]);
        }
        java.util.Arrays.sort(d);
        int k = d.length / 2;
        return d.length % 2 == 1 ? d[k] : 0.5 * (d[k - 1] + d[k]);
    }
}
