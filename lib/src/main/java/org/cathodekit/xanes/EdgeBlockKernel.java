package org.cathodekit.xanes;

import java.nio.FloatBuffer;

import org.cathodekit.core.Plausibility;

/**
 * {@link EdgeKernel#analyse} organised for the CPU and the JIT (issue 15), over a block of up to
 * {@link #BLOCK} voxels of a slab:
 * <ol>
 *   <li>each energy plane's floats of the block are copied out of the slab buffer in one bulk get
 *       ({@code planeFloats[e][v]});</li>
 *   <li>voxels are taken four at a time: one pass over the energies transposes their four spectra
 *       into {@code double} arrays and accumulates each spectrum's sum of squares, the plausibility
 *       screen (see {@link #SCREEN_SUM_SQUARES}; spectra that fail it get the reference's test of every
 *       value, so the statuses are exact);</li>
 *   <li>the group's sums run as four independent addition chains, one loop per window: the pre- and
 *       post-edge lines ({@code sum mu_i}, {@code sum w_i mu_i}), the residual sums of squares about
 *       them (auto masking) and the white-line coefficients {@code sum W_ki mu_i}
 *       ({@link #weightedSums});</li>
 *   <li>each plausible spectrum then gets the reference's decisions in the reference's order: the
 *       jump and mask, the first 0.5 crossing (loop split by normalisation), the white-line fit and
 *       the white-line window's plausibility (the pre-edge line reused, not refitted).</li>
 * </ol>
 *
 * <p>Why (measured on this 2-core machine, 2 M voxels x 60 energies): per-voxel sums stay in
 * registers, where the energy-plane-major passes this replaced stored and reloaded an accumulator
 * array per value; with the C1 JIT the launcher uses for inputs of this size that took the first
 * run's read+compute from 0.54-0.82 s to 0.43-0.47 s. Four chains instead of one hide the latency of
 * the additions, which bounds a single voxel's sums: with C2, warm, on one thread, 0.46-0.48 s ->
 * 0.33-0.37 s.
 *
 * <p><b>Bit-identical to {@link EdgeKernel#analyse}</b>: every sum adds the same terms in the same
 * order starting from 0, every expression is the reference's (Java evaluates double arithmetic
 * exactly as written: no fused multiply-add, no reassociation), and the hoisted quantities
 * ({@code E_i - Ebar}) are the same doubles the reference computes inline. {@link WhitelineFit#GAUSSIAN}
 * and {@link WhitelineFit#QUADRATIC_AT_MAXIMUM} (a log per point, a data-dependent sub-window) call the
 * reference's methods. Proven by {@code EdgeBlockKernelTest} on planted data with bad voxels.
 *
 * <p>Not thread-safe: one instance per worker (it owns its scratch arrays).
 */
final class EdgeBlockKernel {
    /** Voxels per block: 60 energies x 256 voxels x 4 bytes = 60 KB of plane floats (level-2 cache). */
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
     * One block's floats, one array per energy plane: {@code planeFloats[e][v]}; 3 floats longer than
     * the block so that the last group of four of a partial block reads in bounds (its extra spectra are
     * analysed from stale values and discarded).
     */
    private final float[][] planeFloats;
    /** The group's four spectra, as doubles (the reference's {@code mu}). */
    private final double[] s0;
    private final double[] s1;
    private final double[] s2;
    private final double[] s3;
    /** Per spectrum of the group: sum of squares (the screen), line fits, SSR and white-line coefficients. */
    private final double[] sumSquares = new double[4];
    private final double[] preMean = new double[4];
    private final double[] preSlope = new double[4];
    private final double[] postMean = new double[4];
    private final double[] postSlope = new double[4];
    private final double[] ssr = new double[4];
    private final double[] c1 = new double[4];
    private final double[] c2 = new double[4];
    private final double[] c3 = new double[4];
    /** The reference's output triple for the voxel at hand. */
    private final double[] out = new double[3];
    /** {@code E_i - Ebar_pre} and {@code E_i - Ebar_post} for every energy (the reference's inline differences). */
    private final double[] dPre;
    private final double[] dPost;
    /** Weights 1.0 for every energy: {@link #weightedSums} with them gives the plain window sums. */
    private final double[] ones;
    /** Whether the white-line fit is linear in mu (coefficients by projection): not GAUSSIAN or QUADRATIC_AT_MAXIMUM. */
    private final boolean linearWhiteline;

    EdgeBlockKernel(EdgeKernel kernel) {
        this.k = kernel;
        this.ne = kernel.energyCount();
        this.planeFloats = new float[ne][BLOCK + 3];
        this.s0 = new double[ne];
        this.s1 = new double[ne];
        this.s2 = new double[ne];
        this.s3 = new double[ne];
        this.dPre = new double[ne];
        this.dPost = new double[ne];
        if (kernel.edgeOn) {
            for (int i = 0; i < ne; i++) {
                dPre[i] = kernel.energies[i] - kernel.preXm;
                dPost[i] = kernel.energies[i] - kernel.postXm;
            }
        }
        this.ones = new double[ne];
        java.util.Arrays.fill(ones, 1.0);
        this.linearWhiteline = kernel.whitelineOn && !(kernel.gaussian || kernel.atMaximum);
    }

    /**
     * Analyses voxels {@code from .. from + n - 1} of {@code planes} ({@code n <= BLOCK}).
     *
     * @param planes  the slab, energy {@code e}'s voxel {@code v} at float {@code e * stride + v} (not modified)
     * @param stride  floats from one energy's plane to the next
     * @param e50Out  receives edge50 per voxel at {@code [0, n)} (eV, the reference's double), or null
     * @param wlOut   receives the white-line energy, or null
     * @param jumpOut receives the edge jump, or null
     * @param statusOut receives the {@link VoxelStatus} bits
     */
    void analyse(FloatBuffer planes, int stride, int from, int n, double[] e50Out, double[] wlOut, double[] jumpOut, byte[] statusOut) {
        final float[][] rows = planeFloats;
        final int ne = this.ne;
        for (int e = 0; e < ne; e++) {
            planes.get(e * stride + from, rows[e], 0, n);
        }
        final double[] s0 = this.s0;
        final double[] s1 = this.s1;
        final double[] s2 = this.s2;
        final double[] s3 = this.s3;
        for (int v = 0; v < n; v += 4) {
            double q0 = 0;
            double q1 = 0;
            double q2 = 0;
            double q3 = 0;
            for (int e = 0; e < ne; e++) {
                float[] row = rows[e];
                double a = row[v];
                double b = row[v + 1];
                double c = row[v + 2];
                double d = row[v + 3];
                s0[e] = a;
                s1[e] = b;
                s2[e] = c;
                s3[e] = d;
                q0 += a * a;
                q1 += b * b;
                q2 += c * c;
                q3 += d * d;
            }
            sumSquares[0] = q0;
            sumSquares[1] = q1;
            sumSquares[2] = q2;
            sumSquares[3] = q3;
            if (k.edgeOn) {
                lineFits();
                if (k.autoMask) {
                    residuals();
                }
            }
            if (linearWhiteline) {
                whitelineCoefficients();
            }
            int m = Math.min(4, n - v);
            for (int j = 0; j < m; j++) {
                voxel(j, v + j, e50Out, wlOut, jumpOut, statusOut);
            }
        }
    }

    /** The four spectra's pre- and post-edge lines: window mean and slope {@code sum w_i mu_i}, one loop per window. */
    private void lineFits() {
        weightedSums(k.p0, k.p1, ones, k.preW, preMean, preSlope);
        weightedSums(k.q0, k.q1, ones, k.postW, postMean, postSlope);
        int np = k.p1 - k.p0 + 1;
        int nq = k.q1 - k.q0 + 1;
        for (int j = 0; j < 4; j++) {
            preMean[j] = preMean[j] / np; // the reference's sum / (to - from + 1)
            postMean[j] = postMean[j] / nq;
        }
    }

    /**
     * {@code outA[j] = sum_i wa[i - lo] mu_j[i]} and {@code outB[j] = sum_i wb[i - lo] mu_j[i]} over
     * {@code i = lo..hi} for the group's four spectra, each sum from 0 in the reference's order (with
     * {@link #ones} as weights the plain sum: {@code 1.0 * mu} is exactly {@code mu}).
     */
    private void weightedSums(int lo, int hi, double[] wa, double[] wb, double[] outA, double[] outB) {
        final double[] s0 = this.s0;
        final double[] s1 = this.s1;
        final double[] s2 = this.s2;
        final double[] s3 = this.s3;
        double a0 = 0;
        double a1 = 0;
        double a2 = 0;
        double a3 = 0;
        double b0 = 0;
        double b1 = 0;
        double b2 = 0;
        double b3 = 0;
        for (int i = lo; i <= hi; i++) {
            double u = wa[i - lo];
            double t = wb[i - lo];
            double x0 = s0[i];
            double x1 = s1[i];
            double x2 = s2[i];
            double x3 = s3[i];
            a0 += u * x0;
            a1 += u * x1;
            a2 += u * x2;
            a3 += u * x3;
            b0 += t * x0;
            b1 += t * x1;
            b2 += t * x2;
            b3 += t * x3;
        }
        outA[0] = a0;
        outA[1] = a1;
        outA[2] = a2;
        outA[3] = a3;
        outB[0] = b0;
        outB[1] = b1;
        outB[2] = b2;
        outB[3] = b3;
    }

    /** The four spectra's residual sums of squares about both lines (auto masking). */
    private void residuals() {
        final double[] s0 = this.s0;
        final double[] s1 = this.s1;
        final double[] s2 = this.s2;
        final double[] s3 = this.s3;
        double r0 = 0;
        double r1 = 0;
        double r2 = 0;
        double r3 = 0;
        for (int line = 0; line < 2; line++) {
            final int lo = line == 0 ? k.p0 : k.q0;
            final int hi = line == 0 ? k.p1 : k.q1;
            final double[] dx = line == 0 ? dPre : dPost;
            final double[] mean = line == 0 ? preMean : postMean;
            final double[] slope = line == 0 ? preSlope : postSlope;
            final double m0 = mean[0];
            final double m1 = mean[1];
            final double m2 = mean[2];
            final double m3 = mean[3];
            final double k0 = slope[0];
            final double k1 = slope[1];
            final double k2 = slope[2];
            final double k3 = slope[3];
            for (int i = lo; i <= hi; i++) {
                double d = dx[i];
                double e0 = s0[i] - (m0 + k0 * d);
                double e1 = s1[i] - (m1 + k1 * d);
                double e2 = s2[i] - (m2 + k2 * d);
                double e3 = s3[i] - (m3 + k3 * d);
                r0 += e0 * e0;
                r1 += e1 * e1;
                r2 += e2 * e2;
                r3 += e3 * e3;
            }
        }
        ssr[0] = r0;
        ssr[1] = r1;
        ssr[2] = r2;
        ssr[3] = r3;
    }

    /** The four spectra's white-line polynomial coefficients {@code c_k = sum W_ki mu_i} (QUADRATIC, CUBIC). */
    private void whitelineCoefficients() {
        final int w0 = k.w0;
        final int w1 = k.w1;
        weightedSums(w0, w1, k.wW[1], k.wW[2], c1, c2);
        if (k.cubic) {
            final double[] r3 = k.wW[3];
            double g0 = 0;
            double g1 = 0;
            double g2 = 0;
            double g3 = 0;
            final double[] s0 = this.s0;
            final double[] s1 = this.s1;
            final double[] s2 = this.s2;
            final double[] s3 = this.s3;
            for (int i = w0; i <= w1; i++) {
                double u = r3[i - w0];
                g0 += u * s0[i];
                g1 += u * s1[i];
                g2 += u * s2[i];
                g3 += u * s3[i];
            }
            c3[0] = g0;
            c3[1] = g1;
            c3[2] = g2;
            c3[3] = g3;
        }
    }

    /** Voxel {@code j} of the group (block index {@code v}): the reference's plausibility test unless screened, then the rest. */
    private void voxel(int j, int v, double[] e50Out, double[] wlOut, double[] jumpOut, byte[] statusOut) {
        final double[] s = j == 0 ? s0 : j == 1 ? s1 : j == 2 ? s2 : s3;
        final double[] out = this.out;
        int st;
        int f = 0;
        if (!(sumSquares[j] <= SCREEN_SUM_SQUARES)) {
            final double max = Plausibility.MU_MAX_ABS;
            for (int e = 0; e < s.length; e++) {
                double x = s[e];
                if (!(Math.abs(x) <= max)) {
                    f |= Double.isFinite(x) ? IMPLAUSIBLE_FLAG : NON_FINITE_FLAG;
                }
            }
        }
        if ((f & NON_FINITE_FLAG) != 0) {
            st = VoxelStatus.NON_FINITE.bit();
            out[EdgeKernel.EDGE50] = out[EdgeKernel.WHITELINE] = out[EdgeKernel.JUMP] = Double.NaN;
        } else if (f != 0) {
            st = VoxelStatus.IMPLAUSIBLE.bit();
            out[EdgeKernel.EDGE50] = out[EdgeKernel.WHITELINE] = out[EdgeKernel.JUMP] = Double.NaN;
        } else {
            st = plausibleSpectrum(s, j, out);
        }
        statusOut[v] = (byte) st;
        if (e50Out != null) {
            e50Out[v] = out[EdgeKernel.EDGE50];
        }
        if (wlOut != null) {
            wlOut[v] = out[EdgeKernel.WHITELINE];
        }
        if (jumpOut != null) {
            jumpOut[v] = out[EdgeKernel.JUMP];
        }
    }

    /**
     * {@link EdgeKernel#analyse} after its plausibility loop, for spectrum {@code s} (group slot {@code j},
     * whose sums are computed) with every |mu| within the bound; fills {@code out}.
     */
    private int plausibleSpectrum(double[] s, int j, double[] out) {
        final EdgeKernel k = this.k;
        double e50 = Double.NaN;
        double wl = Double.NaN;
        double jump = Double.NaN;
        int status = 0;
        double preMean = 0;
        double preSlope = 0;
        if (k.edgeOn) {
            preMean = this.preMean[j];
            preSlope = this.preSlope[j];
            double postMean = this.postMean[j];
            double postSlope = this.postSlope[j];
            jump = (postMean + postSlope * k.refPost) - (preMean + preSlope * k.refPre);
            out[EdgeKernel.JUMP] = jump;
            double threshold = k.minJump;
            if (k.autoMask) {
                if (!(jump > 0)) {
                    out[EdgeKernel.EDGE50] = out[EdgeKernel.WHITELINE] = Double.NaN;
                    return VoxelStatus.MASKED.bit();
                }
                threshold = k.jumpDof > 0 ? k.noiseFactor * Math.sqrt(ssr[j] / k.jumpDof) * k.jumpLeverage : 0.0;
            }
            if (!(jump >= threshold)) {
                out[EdgeKernel.EDGE50] = out[EdgeKernel.WHITELINE] = Double.NaN;
                return VoxelStatus.MASKED.bit();
            }
            final int g0 = k.g0;
            final int g1 = k.g1;
            final double[] gPre = k.gPre;
            final double[] energies = k.energies;
            double prev = Double.NaN;
            if (k.constantStep) {
                for (int i = g0; i <= g1; i++) {
                    double n = (s[i] - (preMean + preSlope * gPre[i - g0])) / jump;
                    if (prev < 0.5 && n >= 0.5) {
                        double e0 = energies[i - 1];
                        e50 = e0 + (0.5 - prev) * (energies[i] - e0) / (n - prev);
                        break;
                    }
                    prev = n;
                }
            } else {
                final double[] gPost = k.gPost;
                for (int i = g0; i <= g1; i++) {
                    double pre = preMean + preSlope * gPre[i - g0];
                    double den = postMean + postSlope * gPost[i - g0] - pre;
                    double n = den > 0 ? (s[i] - pre) / den : Double.NaN;
                    if (prev < 0.5 && n >= 0.5) {
                        double e0 = energies[i - 1];
                        e50 = e0 + (0.5 - prev) * (energies[i] - e0) / (n - prev);
                        break;
                    }
                    prev = n;
                }
            }
            if (Double.isNaN(e50)) {
                status |= VoxelStatus.NO_CROSSING.bit();
            }
        }
        if (k.whitelineOn) {
            final int w0 = k.w0;
            final int w1 = k.w1;
            if (k.gaussian) {
                wl = k.gaussianCentre(s);
            } else if (k.atMaximum) {
                wl = k.quadraticAtMaximum(s);
            } else {
                wl = k.cubic ? k.cubicMax(c1[j], c2[j], c3[j]) : k.quadraticVertex(c1[j], c2[j]);
            }
            if (Double.isNaN(wl)) {
                status |= VoxelStatus.BAD_FIT.bit();
            }
            if (k.edgeOn) {
                final double[] dPre = this.dPre;
                double limit = Plausibility.WHITELINE_MU_MAX_JUMPS * Math.abs(jump);
                for (int i = w0; i <= w1; i++) {
                    if (!(Math.abs(s[i] - (preMean + preSlope * dPre[i])) <= limit)) {
                        out[EdgeKernel.EDGE50] = out[EdgeKernel.WHITELINE] = Double.NaN;
                        return status | VoxelStatus.IMPLAUSIBLE.bit();
                    }
                }
            }
        }
        if (!(Double.isNaN(e50) || k.inRange(e50)) || !(Double.isNaN(wl) || k.inRange(wl))) {
            e50 = Double.NaN;
            wl = Double.NaN;
            status |= VoxelStatus.IMPLAUSIBLE.bit();
        }
        out[EdgeKernel.EDGE50] = e50;
        out[EdgeKernel.WHITELINE] = wl;
        out[EdgeKernel.JUMP] = jump;
        return status;
    }
}
