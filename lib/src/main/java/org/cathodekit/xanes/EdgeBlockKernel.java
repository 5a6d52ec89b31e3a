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
 *   <li>each plausible spectrum then goes through the reference's steps with loop-invariant work
 *       hoisted: fused window sums ({@code sum mu_i} and {@code sum w_i mu_i} in one loop), the
 *       energy offsets {@code E_i - Ebar} precomputed, the 0.5-crossing loop split by normalisation,
 *       the white-line window's pre-edge line reused instead of refitted.</li>
 * </ol>
 *
 * <p>Why voxel-major (measured on this 2-core machine, 2 M voxels x 60 energies, in a fresh JVM):
 * per-voxel sums stay in registers, where the energy-plane-major passes this replaced stored and
 * reloaded an accumulator array per value. With the C1 JIT the launcher uses for inputs of this size
 * that took the first run's read+compute from 0.54-0.82 s to 0.43-0.47 s; with C2, warm, the two are
 * equal (0.30-0.35 s).
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
    /** One block's floats, one array per energy plane: {@code planeFloats[e][v]}. */
    private final float[][] planeFloats;
    /** Four spectra being analysed, as doubles (the reference's {@code mu}). */
    private final double[][] spectra = new double[4][];
    /** The reference's output triple for the voxel at hand. */
    private final double[] out = new double[3];
    /** {@code E_i - Ebar_pre} and {@code E_i - Ebar_post} for every energy (the reference's inline differences). */
    private final double[] dPre;
    private final double[] dPost;

    EdgeBlockKernel(EdgeKernel kernel) {
        this.k = kernel;
        this.ne = kernel.energyCount();
        this.planeFloats = new float[ne][BLOCK];
        for (int i = 0; i < spectra.length; i++) {
            spectra[i] = new double[ne];
        }
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
        final double[] s0 = spectra[0];
        final double[] s1 = spectra[1];
        final double[] s2 = spectra[2];
        final double[] s3 = spectra[3];
        final double screen = SCREEN_SUM_SQUARES;
        int v = 0;
        for (; v + 4 <= n; v += 4) {
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
            voxel(s0, q0 <= screen, v, e50Out, wlOut, jumpOut, statusOut);
            voxel(s1, q1 <= screen, v + 1, e50Out, wlOut, jumpOut, statusOut);
            voxel(s2, q2 <= screen, v + 2, e50Out, wlOut, jumpOut, statusOut);
            voxel(s3, q3 <= screen, v + 3, e50Out, wlOut, jumpOut, statusOut);
        }
        for (; v < n; v++) {
            for (int e = 0; e < ne; e++) {
                s0[e] = rows[e][v];
            }
            voxel(s0, false, v, e50Out, wlOut, jumpOut, statusOut);
        }
    }

    /** One voxel's spectrum {@code s}: the reference's plausibility test unless {@code screened}, then the rest. */
    private void voxel(double[] s, boolean screened, int v, double[] e50Out, double[] wlOut, double[] jumpOut, byte[] statusOut) {
        final double[] out = this.out;
        int st;
        int f = 0;
        if (!screened) {
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
            st = plausibleSpectrum(s, out);
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

    /** {@link EdgeKernel#analyse} after its plausibility loop, for a spectrum with every |mu| within the bound; fills {@code out}. */
    private int plausibleSpectrum(double[] s, double[] out) {
        final EdgeKernel k = this.k;
        double e50 = Double.NaN;
        double wl = Double.NaN;
        double jump = Double.NaN;
        int status = 0;
        double preMean = 0;
        double preSlope = 0;
        if (k.edgeOn) {
            final int p0 = k.p0;
            final int p1 = k.p1;
            final int q0 = k.q0;
            final int q1 = k.q1;
            final double[] preW = k.preW;
            final double[] postW = k.postW;
            double sum = 0;
            double slope = 0;
            for (int i = p0; i <= p1; i++) {
                double x = s[i];
                sum += x;
                slope += preW[i - p0] * x;
            }
            preMean = sum / (p1 - p0 + 1);
            preSlope = slope;
            sum = 0;
            slope = 0;
            for (int i = q0; i <= q1; i++) {
                double x = s[i];
                sum += x;
                slope += postW[i - q0] * x;
            }
            double postMean = sum / (q1 - q0 + 1);
            double postSlope = slope;
            jump = (postMean + postSlope * k.refPost) - (preMean + preSlope * k.refPre);
            out[EdgeKernel.JUMP] = jump;
            double threshold = k.minJump;
            if (k.autoMask) {
                if (!(jump > 0)) {
                    out[EdgeKernel.EDGE50] = out[EdgeKernel.WHITELINE] = Double.NaN;
                    return VoxelStatus.MASKED.bit();
                }
                final double[] dPre = this.dPre;
                final double[] dPost = this.dPost;
                double ssr = 0;
                for (int i = p0; i <= p1; i++) {
                    double r = s[i] - (preMean + preSlope * dPre[i]);
                    ssr += r * r;
                }
                for (int i = q0; i <= q1; i++) {
                    double r = s[i] - (postMean + postSlope * dPost[i]);
                    ssr += r * r;
                }
                threshold = k.jumpDof > 0 ? k.noiseFactor * Math.sqrt(ssr / k.jumpDof) * k.jumpLeverage : 0.0;
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
                final double[] r1 = k.wW[1];
                final double[] r2 = k.wW[2];
                double c1 = 0;
                double c2 = 0;
                if (k.cubic) {
                    final double[] r3 = k.wW[3];
                    double c3 = 0;
                    for (int i = w0; i <= w1; i++) {
                        double y = s[i];
                        c1 += r1[i - w0] * y;
                        c2 += r2[i - w0] * y;
                        c3 += r3[i - w0] * y;
                    }
                    wl = k.cubicMax(c1, c2, c3);
                } else {
                    for (int i = w0; i <= w1; i++) {
                        double y = s[i];
                        c1 += r1[i - w0] * y;
                        c2 += r2[i - w0] * y;
                    }
                    wl = k.quadraticVertex(c1, c2);
                }
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
