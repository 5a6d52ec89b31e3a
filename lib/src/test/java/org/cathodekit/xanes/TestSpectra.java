package org.cathodekit.xanes;

import java.util.SplittableRandom;

/** Spectra with planted truth for the tests. */
final class TestSpectra {
    private TestSpectra() {
    }

    /** A TXM-like grid: 8250-8320 every 10 eV, 8322-8370 every 1 eV (wait: 2 eV below 8330), 8380-8600 every 20 eV. */
    static double[] grid() {
        java.util.List<Double> e = new java.util.ArrayList<>();
        for (double x = 8250; x <= 8320; x += 10) {
            e.add(x);
        }
        for (double x = 8322; x < 8330; x += 2) {
            e.add(x);
        }
        for (double x = 8330; x <= 8370; x += 1) {
            e.add(x);
        }
        for (double x = 8380; x <= 8600; x += 20) {
            e.add(x);
        }
        double[] a = new double[e.size()];
        for (int i = 0; i < a.length; i++) {
            a[i] = e.get(i);
        }
        return a;
    }

    static final EdgeOptions OPTIONS = EdgeOptions.DEFAULTS
            .withEdgeWindows(new EnergyWindow(8250, 8320), new EnergyWindow(8380, 8600), new EnergyWindow(8330, 8365))
            .withWhiteline(new EnergyWindow(8343, 8357));

    /**
     * Arctan edge at e0 (half width gamma) of height jump on a sloped background, plus a Gaussian
     * white line (amplitude a, centre ew, sigma w).
     */
    static double model(double e, double e0, double jump, double a, double ew) {
        double bg = 0.2 + 1e-4 * (e - 8300);
        double step = jump * (0.5 + Math.atan((e - e0) / 1.5) / Math.PI);
        double wl = a * Math.exp(-0.5 * Math.pow((e - ew) / 3.0, 2));
        return bg + step + wl;
    }

    static double[] spectrum(double[] energies, double e0, double jump, double a, double ew, double noise, SplittableRandom rnd) {
        double[] mu = new double[energies.length];
        for (int i = 0; i < mu.length; i++) {
            mu[i] = model(energies[i], e0, jump, a, ew) + (noise > 0 ? noise * gaussian(rnd) : 0);
        }
        return mu;
    }

    static double gaussian(SplittableRandom rnd) {
        // Box-Muller (deterministic for a seeded generator)
        double u1 = rnd.nextDouble();
        double u2 = rnd.nextDouble();
        return Math.sqrt(-2 * Math.log(1 - u1)) * Math.cos(2 * Math.PI * u2);
    }

    /** A 2D stack [energy][y][x]: left half edge at e0a, right half at e0b, a background border (mu = noise only). */
    static float[][][] stack2d(double[] energies, int ny, int nx, double e0a, double e0b, double noise, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        float[][][] s = new float[energies.length][ny][nx];
        for (int y = 0; y < ny; y++) {
            for (int x = 0; x < nx; x++) {
                boolean background = y == 0 || x == 0 || y == ny - 1 || x == nx - 1;
                double e0 = x < nx / 2 ? e0a : e0b;
                for (int i = 0; i < energies.length; i++) {
                    double v = background ? 0.02 + noise * gaussian(rnd)
                            : model(energies[i], e0, 1.0, 0.6, e0 + 6.5) + noise * gaussian(rnd);
                    s[i][y][x] = (float) v;
                }
            }
        }
        return s;
    }

    /**
     * Naive reference edge50, written independently of {@code EdgeKernel}: pre/post lines by Commons
     * Math {@code SimpleRegression} on the raw energies, two-line normalisation, first upward crossing of
     * 0.5 in the edge window by linear interpolation. NaN when there is none.
     */
    static double naiveEdge50(double[] e, double[] mu, EnergyWindow pre, EnergyWindow post, EnergyWindow edge) {
        org.apache.commons.math3.stat.regression.SimpleRegression a = new org.apache.commons.math3.stat.regression.SimpleRegression();
        org.apache.commons.math3.stat.regression.SimpleRegression b = new org.apache.commons.math3.stat.regression.SimpleRegression();
        for (int i = 0; i < e.length; i++) {
            if (pre.contains(e[i])) {
                a.addData(e[i], mu[i]);
            }
            if (post.contains(e[i])) {
                b.addData(e[i], mu[i]);
            }
        }
        double prev = Double.NaN;
        double prevE = Double.NaN;
        for (int i = 0; i < e.length; i++) {
            if (!edge.contains(e[i])) {
                continue;
            }
            double n = (mu[i] - a.predict(e[i])) / (b.predict(e[i]) - a.predict(e[i]));
            if (prev < 0.5 && n >= 0.5) {
                return prevE + (0.5 - prev) * (e[i] - prevE) / (n - prev);
            }
            prev = n;
            prevE = e[i];
        }
        return Double.NaN;
    }

    /**
     * Naive reference white line: Commons Math {@code PolynomialCurveFitter} (Levenberg-Marquardt, an
     * algorithm independent of the kernel's precomputed QR weights) of a parabola in {@code E - centre}
     * over the window; the vertex, or NaN when it opens upward.
     */
    static double naiveVertex(double[] e, double[] mu, EnergyWindow w) {
        org.apache.commons.math3.fitting.WeightedObservedPoints pts = new org.apache.commons.math3.fitting.WeightedObservedPoints();
        double c = w.middleEv();
        for (int i = 0; i < e.length; i++) {
            if (w.contains(e[i])) {
                pts.add(e[i] - c, mu[i]);
            }
        }
        double[] k = org.apache.commons.math3.fitting.PolynomialCurveFitter.create(2).fit(pts.toList());
        return k[2] < 0 ? c - k[1] / (2 * k[2]) : Double.NaN;
    }
}
