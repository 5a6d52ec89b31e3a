package org.cathodekit.xanes;

import java.nio.FloatBuffer;

import org.cathodekit.core.Plausibility;

/**
 * {@link EdgeKernel#analyse} restructured for the CPU (issue 15): a block of up to {@link #BLOCK}
 * voxels is analysed energy plane by energy plane instead of voxel by voxel, so the inner loops run
 * over contiguous voxels of one plane (no gather of each spectrum from 60 planes) and the JIT can
 * unroll and vectorise them.
 *
 * <p>Passes over one block ({@code mu} of every voxel converted once to double, as the reference does):
 * <ol>
 *   <li>all energies: each plane's floats taken from the slab buffer and converted, the spectrum's
 *       sum of squares (the {@link Plausibility#MU_MAX_ABS} screen: the reference's per-value
 *       non-finite and implausible test runs only for spectra that fail it, see
 *       {@link #SCREEN_SUM_SQUARES}), and the pre- and post-edge sums {@code sum mu_i} and slope sums
 *       {@code sum w_i mu_i} (weights precomputed per energy grid, as the numpy peer's projections);</li>
 *   <li>pre/post energies (auto masking only): the residual sum of squares of both lines;</li>
 *   <li>white-line energies: the polynomial coefficients {@code c_k = sum W_ki mu_i} and the
 *       {@link Plausibility#WHITELINE_MU_MAX_JUMPS} check;</li>
 *   <li>per voxel: jump, mask decision, the 0.5 crossing (first crossing, early exit) and the
 *       decisions of the reference, in the reference's order.</li>
 * </ol>
 *
 * <p><b>Bit-identical to {@link EdgeKernel#analyse}</b>: every per-voxel sum adds the same terms in
 * the same order starting from 0, every expression is the reference's (Java evaluates double
 * arithmetic exactly as written: no fused multiply-add, no reassociation, also when vectorised), and
 * the hoisted quantities ({@code E_i - Ebar}) are the same doubles the reference computes inline.
 * {@link WhitelineFit#GAUSSIAN} and {@link WhitelineFit#QUADRATIC_AT_MAXIMUM} (a log per point, a
 * data-dependent sub-window) call the reference's methods on the voxel's spectrum. Proven by
 * {@code EdgeBlockKernelTest} on planted data with bad voxels.
 *
 * <p>Not thread-safe: one instance per worker chunk (it owns its scratch arrays).
 */
final class EdgeBlockKernel {
    /** Voxels per block: 60 energies x 256 voxels x 8 bytes = 120 KB of double scratch (level-2 cache). */
    static final int BLOCK = 256;

    /**
     * Plausibility screen: a spectrum whose computed sum of squares is at most this has every
     * {@code |mu| <= MU_MAX_ABS}. The computed sum of n non-negative rounded terms is within
     * {@code (n + 1) 2^-53} of the exact one, far inside the 1e-9 margin, so the exact sum is below
     * {@code MU_MAX_ABS^2} and so is every exact square. NaN, infinities and overflowing squares fail
     * the test; spectra that fail it get the reference's test of each value (exact flags).
     */
    static final double SCREEN_SUM_SQUARES = Plausibility.MU_MAX_ABS * Plausibility.MU_MAX_ABS * (1 - 1e-9);
    private static final int NON_FINITE_FLAG = 1;
    private static final int IMPLAUSIBLE_FLAG = 2;

    private final EdgeKernel k;
    private final int ne;
    /**
     * The block's spectra, one array per energy plane: {@code mu[e][v]}. Separate rows, not one flat
     * array at offsets {@code e * BLOCK}: the loops then index every array with the same {@code v}, and
     * measured on this machine (C2 of Java 17) such a plane pass runs at 0.16 ns per value against
     * 0.46-0.8 ns at a variable offset into one array (whose 2 KB plane steps also alias the
     * per-voxel accumulators at 4 KB, stalling loads behind stores).
     */
    private final double[][] mu;
    private final int[] flags = new int[BLOCK];
    private final double[] preSum = new double[BLOCK];
    private final double[] preSlope = new double[BLOCK];
    private final double[] postSum = new double[BLOCK];
    private final double[] postSlope = new double[BLOCK];
    private final double[] ssr = new double[BLOCK];
    private final double[] c1 = new double[BLOCK];
    private final double[] c2 = new double[BLOCK];
    private final double[] c3 = new double[BLOCK];
    private final double[] largestDeviation = new double[BLOCK];
    private final double[] sumSquares = new double[BLOCK];
    private final boolean[] windowPlausible = new boolean[BLOCK];
    private final double[] spectrum;
    /** One plane's floats of the block, copied out of the slab buffer. */
    private final float[] planeFloats = new float[BLOCK];
    /** {@code E_i - Ebar_pre} and {@code E_i - Ebar_post} for every energy (the reference's inline differences). */
    private final double[] dPre;
    private final double[] dPost;

    EdgeBlockKernel(EdgeKernel kernel) {
        this.k = kernel;
        this.ne = kernel.energyCount();
        this.mu = new double[ne][BLOCK];
        this.spectrum = new double[ne];
        this.dPre = new double[ne];
        this.dPost = new double[ne];
        if (kernel.edgeOn) {
            for (int i = 0; i < ne; i++) {
                dPre[i] = kernel.energies[i] - kernel.preXm;
                dPost[i] = kernel.energies[i] - kernel.postXm;
            }
        }
    }

    /**
     * Analyses voxels {@code from .. from + n - 1} of {@code planes} ({@code n <= BLOCK}).
     *
     * @param planes  the slab, energy {@code e}'s voxel {@code v} at float {@code e * stride + v} (not modified)
     * @param stride  floats from one energy's plane to the next
     * @param e50     receives edge50 per voxel at {@code [0, n)} (eV, the reference's double), or null
     * @param wl      receives the white-line energy, or null
     * @param jump    receives the edge jump, or null
     * @param status  receives the {@link VoxelStatus} bits
     */
    void analyse(FloatBuffer planes, int stride, int from, int n, double[] e50, double[] wl, double[] jump, byte[] status) {
        load(planes, stride, from, n);
        if (k.edgeOn) {
            lines(n);
        }
        if (k.whitelineOn) {
            whitelineSums(n);
        }
        for (int v = 0; v < n; v++) {
            finish(v, e50, wl, jump, status);
        }
    }

    /** Pass 1: convert to double, flag bad values, pre/post sums. */
    private void load(FloatBuffer planes, int stride, int from, int n) {
        final double max = Plausibility.MU_MAX_ABS;
        final boolean edge = k.edgeOn;
        java.util.Arrays.fill(flags, 0, n, 0);
        java.util.Arrays.fill(sumSquares, 0, n, 0.0);
        if (edge) {
            java.util.Arrays.fill(preSum, 0, n, 0.0);
            java.util.Arrays.fill(preSlope, 0, n, 0.0);
            java.util.Arrays.fill(postSum, 0, n, 0.0);
            java.util.Arrays.fill(postSlope, 0, n, 0.0);
        }
        final float[] p = planeFloats;
        for (int e = 0; e < ne; e++) {
            planes.get(e * stride + from, p, 0, n);
            double[] row = mu[e];
            for (int v = 0; v < n; v++) {
                row[v] = p[v];
            }
            // plausibility screen: the spectrum's sum of squares (elementwise, vectorised); see SCREEN_SUM_SQUARES
            for (int v = 0; v < n; v++) {
                double x = row[v];
                sumSquares[v] += x * x;
            }
            if (edge && e >= k.p0 && e <= k.p1) {
                double w = k.preW[e - k.p0];
                for (int v = 0; v < n; v++) {
                    double x = row[v];
                    preSum[v] += x;
                    preSlope[v] += w * x;
                }
            }
            if (edge && e >= k.q0 && e <= k.q1) {
                double w = k.postW[e - k.q0];
                for (int v = 0; v < n; v++) {
                    double x = row[v];
                    postSum[v] += x;
                    postSlope[v] += w * x;
                }
            }
        }
        for (int v = 0; v < n; v++) {
            if (!(sumSquares[v] <= SCREEN_SUM_SQUARES)) {
                // a value may be non-finite or implausible: the reference's test on each value decides
                for (int e = 0; e < ne; e++) {
                    double x = mu[e][v];
                    if (!(Math.abs(x) <= max)) {
                        flags[v] |= Double.isFinite(x) ? IMPLAUSIBLE_FLAG : NON_FINITE_FLAG;
                    }
                }
            }
        }
        if (edge) {
            double np = k.p1 - k.p0 + 1;
            double nq = k.q1 - k.q0 + 1;
            for (int v = 0; v < n; v++) {
                preSum[v] = preSum[v] / np; // now the window mean
                postSum[v] = postSum[v] / nq;
            }
        }
    }

    /** Pass 2: residual sums of squares of the two lines (auto masking). */
    private void lines(int n) {
        if (!k.autoMask) {
            return;
        }
        java.util.Arrays.fill(ssr, 0, n, 0.0);
        for (int i = k.p0; i <= k.p1; i++) {
            double[] row = mu[i];
            double d = dPre[i];
            for (int v = 0; v < n; v++) {
                double r = row[v] - (preSum[v] + preSlope[v] * d);
                ssr[v] += r * r;
            }
        }
        for (int i = k.q0; i <= k.q1; i++) {
            double[] row = mu[i];
            double d = dPost[i];
            for (int v = 0; v < n; v++) {
                double r = row[v] - (postSum[v] + postSlope[v] * d);
                ssr[v] += r * r;
            }
        }
    }

    /** Pass 3: white-line polynomial coefficients and the white-line plausibility check. */
    private void whitelineSums(int n) {
        boolean linear = !(k.gaussian || k.atMaximum);
        if (linear) {
            java.util.Arrays.fill(c1, 0, n, 0.0);
            java.util.Arrays.fill(c2, 0, n, 0.0);
            if (k.cubic) {
                java.util.Arrays.fill(c3, 0, n, 0.0);
            }
            double[] r1 = k.wW[1];
            double[] r2 = k.wW[2];
            double[] r3 = k.cubic ? k.wW[3] : null;
            for (int i = k.w0; i <= k.w1; i++) {
                double[] row = mu[i];
                double a = r1[i - k.w0];
                double b = r2[i - k.w0];
                for (int v = 0; v < n; v++) {
                    double y = row[v];
                    c1[v] += a * y;
                    c2[v] += b * y;
                }
                if (r3 != null) {
                    double c = r3[i - k.w0];
                    for (int v = 0; v < n; v++) {
                        c3[v] += c * row[v];
                    }
                }
            }
        }
        if (k.edgeOn) {
            // EdgeKernel.whitelineWindowPlausible with the jump of EdgeKernel.analyse
            // all |mu_i - pre(E_i)| <= limit  <=>  max_i |mu_i - pre(E_i)| <= limit, NaN included (Math.max propagates
            // it and every comparison with NaN is false); the window is never empty
            java.util.Arrays.fill(largestDeviation, 0, n, 0.0);
            for (int i = k.w0; i <= k.w1; i++) {
                double[] row = mu[i];
                double d = dPre[i];
                for (int v = 0; v < n; v++) {
                    largestDeviation[v] = Math.max(largestDeviation[v], Math.abs(row[v] - (preSum[v] + preSlope[v] * d)));
                }
            }
            for (int v = 0; v < n; v++) {
                double j = (postSum[v] + postSlope[v] * k.refPost) - (preSum[v] + preSlope[v] * k.refPre);
                windowPlausible[v] = largestDeviation[v] <= Plausibility.WHITELINE_MU_MAX_JUMPS * Math.abs(j);
            }
        }
    }

    /** Pass 4: the decisions of {@link EdgeKernel#analyse}, in its order, for voxel {@code v}. */
    private void finish(int v, double[] e50Out, double[] wlOut, double[] jumpOut, byte[] statusOut) {
        double e50 = Double.NaN;
        double wl = Double.NaN;
        double jump = Double.NaN;
        int status = decide(v);
        if (status >= 0) {
            // decide() returned early: status only (jump may be set for masked voxels)
            if ((status & VoxelStatus.MASKED.bit()) != 0) {
                jump = jumpOf(v);
            }
        } else {
            status = 0;
            boolean implausible = false;
            if (k.edgeOn) {
                jump = jumpOf(v);
                e50 = crossing(v, jump);
                if (Double.isNaN(e50)) {
                    status |= VoxelStatus.NO_CROSSING.bit();
                }
            }
            if (k.whitelineOn) {
                wl = whiteline(v);
                if (Double.isNaN(wl)) {
                    status |= VoxelStatus.BAD_FIT.bit();
                }
                if (k.edgeOn && !windowPlausible[v]) {
                    e50 = Double.NaN;
                    wl = Double.NaN;
                    status |= VoxelStatus.IMPLAUSIBLE.bit();
                    implausible = true;
                }
            }
            if (!implausible && (!(Double.isNaN(e50) || k.inRange(e50)) || !(Double.isNaN(wl) || k.inRange(wl)))) {
                e50 = Double.NaN;
                wl = Double.NaN;
                status |= VoxelStatus.IMPLAUSIBLE.bit();
            }
        }
        statusOut[v] = (byte) status;
        if (e50Out != null) {
            e50Out[v] = e50;
        }
        if (wlOut != null) {
            wlOut[v] = wl;
        }
        if (jumpOut != null) {
            jumpOut[v] = jump;
        }
    }

    private double jumpOf(int v) {
        return (postSum[v] + postSlope[v] * k.refPost) - (preSum[v] + preSlope[v] * k.refPre);
    }

    /** The early returns of the reference: the final status, or -1 to go on. */
    private int decide(int v) {
        int f = flags[v];
        if ((f & NON_FINITE_FLAG) != 0) {
            return VoxelStatus.NON_FINITE.bit();
        }
        if ((f & IMPLAUSIBLE_FLAG) != 0) {
            return VoxelStatus.IMPLAUSIBLE.bit();
        }
        if (k.edgeOn) {
            double jump = jumpOf(v);
            double threshold = k.minJump;
            if (k.autoMask) {
                if (!(jump > 0)) {
                    return VoxelStatus.MASKED.bit();
                }
                threshold = k.jumpDof > 0 ? k.noiseFactor * Math.sqrt(ssr[v] / k.jumpDof) * k.jumpLeverage : 0.0;
            }
            if (!(jump >= threshold)) {
                return VoxelStatus.MASKED.bit();
            }
        }
        return -1;
    }

    /** First upward crossing of n = 0.5 in the edge window, as {@link EdgeKernel#analyse}. */
    private double crossing(int v, double jump) {
        double preMean = preSum[v];
        double preSl = preSlope[v];
        double postMean = postSum[v];
        double postSl = postSlope[v];
        double[] gPre = k.gPre;
        double[] gPost = k.gPost;
        double[] energies = k.energies;
        int g0 = k.g0;
        double prev = Double.NaN;
        for (int i = g0; i <= k.g1; i++) {
            double pre = preMean + preSl * gPre[i - g0];
            double m = mu[i][v];
            double n;
            if (k.constantStep) {
                n = (m - pre) / jump;
            } else {
                double den = postMean + postSl * gPost[i - g0] - pre;
                n = den > 0 ? (m - pre) / den : Double.NaN;
            }
            if (prev < 0.5 && n >= 0.5) {
                double e0 = energies[i - 1];
                return e0 + (0.5 - prev) * (energies[i] - e0) / (n - prev);
            }
            prev = n;
        }
        return Double.NaN;
    }

    private double whiteline(int v) {
        if (k.gaussian || k.atMaximum) {
            for (int e = 0; e < ne; e++) {
                spectrum[e] = mu[e][v];
            }
            return k.gaussian ? k.gaussianCentre(spectrum) : k.quadraticAtMaximum(spectrum);
        }
        return k.cubic ? k.cubicMax(c1[v], c2[v], c3[v]) : k.quadraticVertex(c1[v], c2[v]);
    }
}
