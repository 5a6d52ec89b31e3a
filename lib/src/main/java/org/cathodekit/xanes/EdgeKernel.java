package org.cathodekit.xanes;

import java.util.Locale;

import org.cathodekit.core.Plausibility;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.QRDecomposition;
import org.apache.commons.math3.linear.RealMatrix;

/**
 * The per-voxel computation for one energy grid. Everything that depends only on the energies
 * (window indices, least-squares weights) is computed once in the constructor; {@link #analyse}
 * then costs a few multiply-adds per energy and allocates nothing. Instances are immutable and
 * shared by all threads. {@link EdgeBlockKernel} is the same computation organised over blocks of
 * voxels, four spectra at a time (bit-identical); this per-voxel form is its reference and serves
 * single spectra.
 */
final class EdgeKernel {
    /** Index of the edge50 result in the output triple. */
    static final int EDGE50 = 0;
    /** Index of the white-line result in the output triple. */
    static final int WHITELINE = 1;
    /** Index of the edge-jump result in the output triple. */
    static final int JUMP = 2;

    final double[] energies;
    final EdgeOptions options;
    final boolean edgeOn;
    final boolean whitelineOn;
    final boolean constantStep;
    final boolean autoMask;
    final double minJump;
    final double noiseFactor;
    // pre/post lines: mean-centred least squares, slope = sum(w_i y_i), value = mean + slope (E - xm)
    final int p0;
    final int p1;
    final double preXm;
    final double[] preW;
    final int q0;
    final int q1;
    final double postXm;
    final double[] postW;
    // edge window and its offsets from the line centres
    final int g0;
    final int g1;
    final double[] gPre;
    final double[] gPost;
    final double refPre;
    final double refPost;
    // auto masking: standard error of the jump = sigma * jumpLeverage, sigma^2 = (SSR_pre + SSR_post) / jumpDof
    final double jumpLeverage;
    final int jumpDof;
    // white-line fit weights: c_k = sum_i W[k][i - w0] y_i in t = (E - wc) / wh
    final int w0;
    final int w1;
    final double wc;
    final double wh;
    final double[][] wW;
    final boolean cubic;
    final boolean atMaximum;
    final boolean gaussian;
    // QUADRATIC_AT_MAXIMUM: per peak index i (relative to w0) the sub-window [subLo, subHi] and its weights
    final int[] subLo;
    final int[] subHi;
    final double[] subC;
    final double[] subH;
    final double[][][] subW;

    /**
     * Whether mu must also lie within {@link Plausibility#MU_MAX_ABS}: true for image stacks (optical
     * densities from transmission images); false for single spectra, which may be stored in detector
     * counts or arbitrary units (Athena projects, XDI fluorescence channels): they get the relative
     * rule of {@link #singleSpectrumPlausible} over the whole spectrum instead.
     */
    private boolean absoluteMuBound = true;

    /** Single spectra: no absolute bound on mu (see {@link #absoluteMuBound}). */
    EdgeKernel forSingleSpectrum() {
        absoluteMuBound = false;
        return this;
    }

    EdgeKernel(double[] energiesEv, EdgeOptions options) {
        this.energies = energiesEv.clone();
        this.options = options;
        this.edgeOn = options.hasEdge();
        this.whitelineOn = options.hasWhiteline();
        this.constantStep = options.normalisation() == Normalisation.CONSTANT_STEP;
        this.autoMask = Double.isNaN(options.minEdgeJump());
        this.minJump = options.minEdgeJump();
        this.noiseFactor = options.autoNoiseFactor();
        if (edgeOn) {
            int[] pre = indices(options.preEdge(), 2, "pre-edge window");
            int[] post = indices(options.postEdge(), 2, "post-edge window");
            int[] edge = indices(options.edge(), 2, "edge window");
            p0 = pre[0];
            p1 = pre[1];
            q0 = post[0];
            q1 = post[1];
            g0 = edge[0];
            g1 = edge[1];
            preXm = mean(p0, p1);
            postXm = mean(q0, q1);
            preW = slopeWeights(p0, p1, preXm);
            postW = slopeWeights(q0, q1, postXm);
            gPre = new double[g1 - g0 + 1];
            gPost = new double[g1 - g0 + 1];
            for (int i = g0; i <= g1; i++) {
                gPre[i - g0] = energies[i] - preXm;
                gPost[i - g0] = energies[i] - postXm;
            }
            double ref = options.resolvedEdgeReferenceEv();
            refPre = ref - preXm;
            refPost = ref - postXm;
            int mp = p1 - p0 + 1;
            int mq = q1 - q0 + 1;
            jumpLeverage = Math.sqrt(1.0 / mp + refPre * refPre / sxx(p0, p1, preXm) + 1.0 / mq + refPost * refPost / sxx(q0, q1, postXm));
            jumpDof = mp + mq - 4;
        } else {
            p0 = p1 = q0 = q1 = g0 = g1 = -1;
            jumpLeverage = Double.NaN;
            jumpDof = 0;
            preXm = postXm = refPre = refPost = Double.NaN;
            preW = postW = gPre = gPost = null;
        }
        if (whitelineOn) {
            int[] wl = indices(options.whiteline(), options.whitelineFit().coefficients(), "white-line window");
            w0 = wl[0];
            w1 = wl[1];
            wc = options.whiteline().middleEv();
            wh = 0.5 * (options.whiteline().endEv() - options.whiteline().startEv());
            cubic = options.whitelineFit() == WhitelineFit.CUBIC;
            atMaximum = options.whitelineFit() == WhitelineFit.QUADRATIC_AT_MAXIMUM;
            gaussian = options.whitelineFit() == WhitelineFit.GAUSSIAN;
            wW = polynomialWeights(w0, w1, options.whitelineFit().coefficients(), wc, wh);
            int m = w1 - w0 + 1;
            subLo = new int[m];
            subHi = new int[m];
            subC = new double[m];
            subH = new double[m];
            subW = new double[m][][];
            if (atMaximum) {
                double hw = options.peakHalfWidthEv();
                for (int k = 0; k < m; k++) {
                    int i = w0 + k;
                    int lo = i;
                    int hi = i;
                    while (lo > w0 && energies[i] - energies[lo - 1] <= hw) {
                        lo--;
                    }
                    while (hi < w1 && energies[hi + 1] - energies[i] <= hw) {
                        hi++;
                    }
                    subLo[k] = lo;
                    subHi[k] = hi;
                    if (hi - lo + 1 >= 3 && i > w0 && i < w1) {
                        subC[k] = 0.5 * (energies[lo] + energies[hi]);
                        subH[k] = 0.5 * (energies[hi] - energies[lo]);
                        subW[k] = polynomialWeights(lo, hi, 3, subC[k], subH[k]);
                    }
                }
            }
        } else {
            w0 = w1 = -1;
            wc = wh = Double.NaN;
            cubic = false;
            atMaximum = false;
            gaussian = false;
            wW = null;
            subLo = subHi = null;
            subC = subH = null;
            subW = null;
        }
    }

    EdgeOptions options() {
        return options;
    }

    int energyCount() {
        return energies.length;
    }

    /** Inclusive index range of the energies inside {@code w}; throws when fewer than {@code min}. */
    private int[] indices(EnergyWindow w, int min, String name) {
        int a = -1;
        int b = -1;
        for (int i = 0; i < energies.length; i++) {
            if (w.contains(energies[i])) {
                if (a < 0) {
                    a = i;
                }
                b = i;
            }
        }
        int count = a < 0 ? 0 : b - a + 1;
        if (count < min) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "%s %s holds %d measured energies, need at least %d (the stack covers %.2f-%.2f eV in %d energies); widen the window",
                    name, w, count, min, energies[0], energies[energies.length - 1], energies.length));
        }
        return new int[] {a, b};
    }

    private double mean(int a, int b) {
        double s = 0;
        for (int i = a; i <= b; i++) {
            s += energies[i];
        }
        return s / (b - a + 1);
    }

    private double sxx(int a, int b, double xm) {
        double s = 0;
        for (int i = a; i <= b; i++) {
            double d = energies[i] - xm;
            s += d * d;
        }
        return s;
    }

    private double[] slopeWeights(int a, int b, double xm) {
        double sxx = 0;
        for (int i = a; i <= b; i++) {
            double d = energies[i] - xm;
            sxx += d * d;
        }
        double[] w = new double[b - a + 1];
        for (int i = a; i <= b; i++) {
            w[i - a] = (energies[i] - xm) / sxx;
        }
        return w;
    }

    /** Rows of the least-squares solution operator (X^T X)^-1 X^T for a polynomial in t. */
    private double[][] polynomialWeights(int a, int b, int k, double wc, double wh) {
        int m = b - a + 1;
        double[][] x = new double[m][k];
        for (int i = 0; i < m; i++) {
            double t = (energies[a + i] - wc) / wh;
            double p = 1;
            for (int j = 0; j < k; j++) {
                x[i][j] = p;
                p *= t;
            }
        }
        RealMatrix xm = new Array2DRowRealMatrix(x, false);
        RealMatrix pinv = new QRDecomposition(xm).getSolver().getInverse(); // k x m least-squares operator
        return pinv.getData();
    }

    /**
     * Analyses one spectrum.
     *
     * @param mu  the spectrum on this kernel's energies (not modified)
     * @param out receives edge50 (eV), whiteline (eV), edge jump (NaN where not computed)
     * @return the status bits ({@link VoxelStatus})
     */
    int analyse(double[] mu, double[] out) {
        out[EDGE50] = Double.NaN;
        out[WHITELINE] = Double.NaN;
        out[JUMP] = Double.NaN;
        boolean implausible = false;
        for (int i = 0; i < mu.length; i++) {
            if (!Double.isFinite(mu[i])) {
                return VoxelStatus.NON_FINITE.bit();
            }
            implausible |= absoluteMuBound && !Plausibility.muPlausible(mu[i]);
        }
        if (implausible || (!absoluteMuBound && edgeOn && !singleSpectrumPlausible(mu))) {
            return VoxelStatus.IMPLAUSIBLE.bit();
        }
        int status = 0;
        if (edgeOn) {
            double preMean = windowMean(mu, p0, p1);
            double preSlope = windowSlope(mu, preW, p0, p1);
            double postMean = windowMean(mu, q0, q1);
            double postSlope = windowSlope(mu, postW, q0, q1);
            double jump = (postMean + postSlope * refPost) - (preMean + preSlope * refPre);
            out[JUMP] = jump;
            double threshold = minJump;
            if (autoMask) {
                if (!(jump > 0)) {
                    return VoxelStatus.MASKED.bit();
                }
                double ssr = 0;
                for (int i = p0; i <= p1; i++) {
                    double r = mu[i] - (preMean + preSlope * (energies[i] - preXm));
                    ssr += r * r;
                }
                for (int i = q0; i <= q1; i++) {
                    double r = mu[i] - (postMean + postSlope * (energies[i] - postXm));
                    ssr += r * r;
                }
                threshold = jumpDof > 0 ? noiseFactor * Math.sqrt(ssr / jumpDof) * jumpLeverage : 0.0;
            }
            if (!(jump >= threshold)) {
                return VoxelStatus.MASKED.bit();
            }
            double prev = Double.NaN;
            double edge50 = Double.NaN;
            for (int i = g0; i <= g1; i++) {
                double pre = preMean + preSlope * gPre[i - g0];
                double n;
                if (constantStep) {
                    n = (mu[i] - pre) / jump;
                } else {
                    double den = postMean + postSlope * gPost[i - g0] - pre;
                    n = den > 0 ? (mu[i] - pre) / den : Double.NaN;
                }
                if (prev < 0.5 && n >= 0.5) {
                    double e0 = energies[i - 1];
                    edge50 = e0 + (0.5 - prev) * (energies[i] - e0) / (n - prev);
                    break;
                }
                prev = n;
            }
            if (Double.isNaN(edge50)) {
                status |= VoxelStatus.NO_CROSSING.bit();
            }
            out[EDGE50] = edge50;
        }
        if (whitelineOn) {
            double wl = cubic ? cubicMax(mu) : atMaximum ? quadraticAtMaximum(mu)
                    : gaussian ? gaussianCentre(mu) : quadraticVertex(mu);
            if (Double.isNaN(wl)) {
                status |= VoxelStatus.BAD_FIT.bit();
            }
            out[WHITELINE] = wl;
            if (edgeOn && !whitelineWindowPlausible(mu, out[JUMP])) {
                out[EDGE50] = Double.NaN;
                out[WHITELINE] = Double.NaN;
                return status | VoxelStatus.IMPLAUSIBLE.bit();
            }
        }
        if (!(Double.isNaN(out[EDGE50]) || inRange(out[EDGE50])) || !(Double.isNaN(out[WHITELINE]) || inRange(out[WHITELINE]))) {
            out[EDGE50] = Double.NaN;
            out[WHITELINE] = Double.NaN;
            return status | VoxelStatus.IMPLAUSIBLE.bit();
        }
        return status;
    }

    /**
     * The single-spectrum rule of {@link Plausibility} (spectra may be in counts, so no absolute bound):
     * every mu within {@link Plausibility#WHITELINE_MU_MAX_JUMPS} robust edge jumps of the pre-edge
     * level, the jump taken as median(post window) - median(pre window) so that one wild point cannot
     * inflate it. A spectrum without a step (robust jump 0) passes: the edge-jump mask decides then.
     */
    private boolean singleSpectrumPlausible(double[] mu) {
        double pre = median(mu, p0, p1);
        double jump = Math.abs(median(mu, q0, q1) - pre);
        if (!(jump > 0)) {
            return true;
        }
        double limit = Plausibility.WHITELINE_MU_MAX_JUMPS * jump;
        for (double m : mu) {
            if (!(Math.abs(m - pre) <= limit)) {
                return false;
            }
        }
        return true;
    }

    private static double median(double[] mu, int from, int to) {
        double[] w = java.util.Arrays.copyOfRange(mu, from, to + 1);
        java.util.Arrays.sort(w);
        int n = w.length;
        return n % 2 == 1 ? w[n / 2] : 0.5 * (w[n / 2 - 1] + w[n / 2]);
    }

    /** Whether an energy lies inside the measured grid (a metric outside would be an extrapolation). */
    boolean inRange(double ev) {
        return ev >= energies[0] && ev <= energies[energies.length - 1];
    }

    /**
     * {@link Plausibility#WHITELINE_MU_MAX_JUMPS}: every mu in the white-line window within that many
     * edge jumps of the pre-edge line (only called for voxels that passed the edge-jump mask).
     */
    private boolean whitelineWindowPlausible(double[] mu, double jump) {
        double preMean = windowMean(mu, p0, p1);
        double preSlope = windowSlope(mu, preW, p0, p1);
        double limit = Plausibility.WHITELINE_MU_MAX_JUMPS * Math.abs(jump);
        for (int i = w0; i <= w1; i++) {
            if (!(Math.abs(mu[i] - (preMean + preSlope * (energies[i] - preXm))) <= limit)) {
                return false;
            }
        }
        return true;
    }

    /** Mean of {@code mu[from..to]} (inclusive): the intercept of the least-squares line at the window's mean energy. */
    private static double windowMean(double[] mu, int from, int to) {
        double sum = 0;
        for (int i = from; i <= to; i++) {
            sum += mu[i];
        }
        return sum / (to - from + 1);
    }

    /**
     * Least-squares slope over {@code mu[from..to]} from precomputed weights
     * {@code w[i - from] = (E_i - Ebar) / sum (E_j - Ebar)^2}.
     */
    private static double windowSlope(double[] mu, double[] w, int from, int to) {
        double slope = 0;
        for (int i = from; i <= to; i++) {
            slope += w[i - from] * mu[i];
        }
        return slope;
    }

    /** Fills {@code out} with the normalised spectrum over all energies (NaN where undefined); needs edge windows. */
    void normalise(double[] mu, double[] out) {
        double preMean = windowMean(mu, p0, p1);
        double preSlope = windowSlope(mu, preW, p0, p1);
        double postMean = windowMean(mu, q0, q1);
        double postSlope = windowSlope(mu, postW, q0, q1);
        double jump = (postMean + postSlope * refPost) - (preMean + preSlope * refPre);
        for (int i = 0; i < mu.length; i++) {
            double pre = preMean + preSlope * (energies[i] - preXm);
            if (constantStep) {
                out[i] = (mu[i] - pre) / jump;
            } else {
                double den = postMean + postSlope * (energies[i] - postXm) - pre;
                out[i] = den > 0 ? (mu[i] - pre) / den : Double.NaN;
            }
        }
    }

    double quadraticVertex(double[] mu) {
        double[] r1 = wW[1];
        double[] r2 = wW[2];
        double c1 = 0;
        double c2 = 0;
        for (int i = w0; i <= w1; i++) {
            double y = mu[i];
            c1 += r1[i - w0] * y;
            c2 += r2[i - w0] * y;
        }
        return quadraticVertex(c1, c2);
    }

    /** Vertex {@code wc + wh t}, {@code t = -c1 / (2 c2)}, of {@code c0 + c1 t + c2 t^2}: NaN unless {@code c2 < 0} and {@code |t| <= 1}. */
    double quadraticVertex(double c1, double c2) {
        if (!(c2 < 0)) {
            return Double.NaN;
        }
        double t = -c1 / (2 * c2);
        if (!(t >= -1 && t <= 1)) {
            return Double.NaN;
        }
        return wc + wh * t;
    }

    /** {@link WhitelineFit#GAUSSIAN}: vertex of the least-squares parabola through ln(mu); NaN when any mu <= 0. */
    double gaussianCentre(double[] mu) {
        double[] r1 = wW[1];
        double[] r2 = wW[2];
        double c1 = 0;
        double c2 = 0;
        for (int i = w0; i <= w1; i++) {
            double y = mu[i];
            if (!(y > 0)) {
                return Double.NaN;
            }
            double ly = Math.log(y);
            c1 += r1[i - w0] * ly;
            c2 += r2[i - w0] * ly;
        }
        if (!(c2 < 0)) {
            return Double.NaN;
        }
        double t = -c1 / (2 * c2);
        if (!(t >= -1 && t <= 1)) {
            return Double.NaN;
        }
        return wc + wh * t;
    }

    double quadraticAtMaximum(double[] mu) {
        int best = w0;
        for (int i = w0 + 1; i <= w1; i++) {
            if (mu[i] > mu[best]) {
                best = i;
            }
        }
        int k = best - w0;
        double[][] w = subW[k];
        if (w == null) {
            return Double.NaN;
        }
        int lo = subLo[k];
        double c1 = 0;
        double c2 = 0;
        for (int i = lo; i <= subHi[k]; i++) {
            c1 += w[1][i - lo] * mu[i];
            c2 += w[2][i - lo] * mu[i];
        }
        if (!(c2 < 0)) {
            return Double.NaN;
        }
        double t = -c1 / (2 * c2);
        if (!(t >= -1 && t <= 1)) {
            return Double.NaN;
        }
        return subC[k] + subH[k] * t;
    }

    double cubicMax(double[] mu) {
        double c1 = 0;
        double c2 = 0;
        double c3 = 0;
        for (int i = w0; i <= w1; i++) {
            double y = mu[i];
            c1 += wW[1][i - w0] * y;
            c2 += wW[2][i - w0] * y;
            c3 += wW[3][i - w0] * y;
        }
        return cubicMax(c1, c2, c3);
    }

    /** Maximum {@code wc + wh t} of {@code c0 + c1 t + c2 t^2 + c3 t^3} inside {@code |t| <= 1}, else NaN. */
    double cubicMax(double c1, double c2, double c3) {
        // derivative: c1 + 2 c2 t + 3 c3 t^2 = 0; the maximum has second derivative 2 c2 + 6 c3 t < 0
        double a = 3 * c3;
        double b = 2 * c2;
        double t;
        if (Math.abs(a) <= 1e-12 * (Math.abs(b) + Math.abs(c1))) {
            if (!(b < 0)) {
                return Double.NaN;
            }
            t = -c1 / b;
        } else {
            double disc = b * b - 4 * a * c1;
            if (!(disc > 0)) {
                return Double.NaN;
            }
            t = (-b - Math.sqrt(disc)) / (2 * a);
        }
        if (!(t >= -1 && t <= 1)) {
            return Double.NaN;
        }
        return wc + wh * t;
    }
}
