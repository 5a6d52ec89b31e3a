package org.cathodekit.gitt;

import java.util.Arrays;

/** Pulse segmentation (package-private): returns pairs {first, last} of rows with the current on. */
final class GittPulses {
    private GittPulses() {
    }

    /**
     * Resolves {on, off} thresholds [A]. Auto: the typical pulse current I_p is the median |I| of the
     * samples above 5 % of the largest |I| (a subsample of at most 200,000 evenly spaced rows);
     * on = I_p/2, off = I_p/4.
     */
    static double[] thresholds(double[] c, GittOptions o) {
        double on = o.onThresholdA();
        double off = o.offThresholdA();
        if (Double.isNaN(on) || Double.isNaN(off)) {
            double max = 0;
            for (double x : c) {
                max = Math.max(max, Math.abs(x));
            }
            int stride = Math.max(1, c.length / 200_000);
            double[] buf = new double[c.length / stride + 1];
            int m = 0;
            for (int i = 0; i < c.length; i += stride) {
                double a = Math.abs(c[i]);
                if (a > 0.05 * max) {
                    buf[m++] = a;
                }
            }
            double typical = 0;
            if (m > 0) {
                double[] s = Arrays.copyOf(buf, m);
                Arrays.sort(s);
                typical = s[m / 2];
            }
            if (!(typical > 0)) {
                typical = Double.MIN_NORMAL; // all-zero current: nothing will be found
            }
            if (Double.isNaN(on)) {
                on = Double.isNaN(off) ? typical / 2 : Math.max(off, typical / 2);
            }
            if (Double.isNaN(off)) {
                off = Math.min(on, typical / 4);
            }
        }
        return new double[] {on, off};
    }

    /** Hysteresis on |I|; a sign change ends a pulse (and may start the next). */
    static int[] byCurrent(double[] c, double on, double off) {
        int n = c.length;
        int[] out = new int[16];
        int m = 0;
        boolean active = false;
        int start = 0;
        double sign = 0;
        for (int i = 0; i < n; i++) {
            double a = Math.abs(c[i]);
            if (active) {
                boolean flipped = Math.signum(c[i]) != sign && a >= off;
                if (a < off || flipped) {
                    if (m + 2 > out.length) {
                        out = Arrays.copyOf(out, out.length * 2);
                    }
                    out[m++] = start;
                    out[m++] = i - 1;
                    active = false;
                }
            }
            if (!active && a > on) {
                active = true;
                start = i;
                sign = Math.signum(c[i]);
            }
        }
        if (active) {
            if (m + 2 > out.length) {
                out = Arrays.copyOf(out, out.length + 2);
            }
            out[m++] = start;
            out[m++] = n - 1;
        }
        return keepMultiSample(Arrays.copyOf(out, m));
    }

    /** Runs of equal step index with mean |I| above {@code on}. */
    static int[] byStep(double[] c, int[] step, double on) {
        int n = c.length;
        int[] out = new int[16];
        int m = 0;
        int s = 0;
        while (s < n) {
            int e = s;
            double sum = 0;
            while (e + 1 < n && step[e + 1] == step[s]) {
                e++;
            }
            for (int i = s; i <= e; i++) {
                sum += Math.abs(c[i]);
            }
            if (sum / (e - s + 1) > on) {
                if (m + 2 > out.length) {
                    out = Arrays.copyOf(out, out.length * 2);
                }
                out[m++] = s;
                out[m++] = e;
            }
            s = e + 1;
        }
        return keepMultiSample(Arrays.copyOf(out, m));
    }

    /** Drops single-sample spikes (a glitch is not a titration). */
    private static int[] keepMultiSample(int[] seg) {
        int m = 0;
        int[] out = new int[seg.length];
        for (int k = 0; k < seg.length; k += 2) {
            if (seg[k + 1] > seg[k]) {
                out[m++] = seg[k];
                out[m++] = seg[k + 1];
            }
        }
        return Arrays.copyOf(out, m);
    }
}
