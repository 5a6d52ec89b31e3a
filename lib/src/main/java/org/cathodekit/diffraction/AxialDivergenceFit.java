package org.cathodekit.diffraction;

import java.util.List;

import org.apache.commons.math3.optim.MaxEval;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.apache.commons.math3.optim.univariate.BrentOptimizer;
import org.apache.commons.math3.optim.univariate.SearchInterval;
import org.apache.commons.math3.optim.univariate.UnivariateObjectiveFunction;
import org.apache.commons.math3.optim.univariate.UnivariatePointValuePair;
import org.cathodekit.core.DiffractionPattern;
import org.cathodekit.core.XrdWavelength;

/**
 * Refines the one instrument parameter {@code A = (S + H)/L} of {@link AxialDivergence} on a whole
 * pattern: A is a property of the diffractometer (Soller slits, specimen and slit lengths), the same
 * for every peak, so it is chosen to minimise the total weighted chi-square of all peak windows
 * (each window refitted with its own centres, widths, areas and background at every trial A),
 * rather than freed peak by peak where high-angle peaks, almost symmetric, cannot fix it.
 *
 * <p>Search: the chi-square on the grid {@code A = 0, 0.01, ..., }{@link #GRID_MAX} (a grid first
 * because the chi-square of low-angle peaks can have a shallow secondary minimum near small A, as
 * GSAS-II's CWInstDemo tutorial warns for SH/L), then Brent's method (Commons Math
 * {@link BrentOptimizer}) inside the two grid cells around the best grid point. A trial at which
 * fewer peaks fit than at A = 0 is rejected (its chi-square would cover fewer windows). The esd of A
 * is {@code sqrt(2 chi2_red / chi2'')} from the second difference of the chi-square at the optimum
 * (step {@link #ESD_STEP})
 * (the usual {@code Delta chi2 = 1} rule scaled by the reduced chi-square, as the peak-fit esd's are).
 *
 * <p>Significance rule: the refined A is applied only when it lowers the chi-square by at least
 * {@link #SIGNIFICANCE} times the reduced chi-square (the likelihood-ratio test of one added
 * parameter, {@code Delta chi2 > 9} = 3 sigma, scaled by the reduced chi-square for data whose misfit
 * exceeds the counting noise). Broad peaks hide an axial tail (it grows as A^2 while the width does
 * not), and there the chi-square is flat in A: symmetric peaks are kept and the result says so
 * ({@link Result#significant()} false, {@link Result#candidateShOverL()} the A that was tried).
 */
public final class AxialDivergenceFit {
    private AxialDivergenceFit() {
    }

    /** Upper end of the search grid: 0.1 = an axial opening of ~6 deg, beyond laboratory Soller slits. */
    public static final double GRID_MAX = 0.1;

    /** Grid step of the first search. */
    static final double GRID_STEP = 0.01;

    /** Brent's absolute tolerance on A: 1e-4 moves a LaB6 (100) centre by ~3e-5 deg, below its esd. */
    static final double A_TOLERANCE = 1e-4;

    /** Smallest chi-square drop, in reduced chi-squares, for which the refined A is applied (3 sigma for one parameter). */
    public static final double SIGNIFICANCE = 9;

    /**
     * Step of the second difference that gives the esd of A: 0.002, large against the scatter of the
     * chi-square from the refits' own convergence tolerance, small against the curvature scale (~0.01).
     */
    static final double ESD_STEP = 0.002;

    /**
     * The refined asymmetry with the fits it gave.
     *
     * @param axialDivergence  the A applied: the refined one, or {@link AxialDivergence#NONE} when not significant
     * @param shOverLEsd       esd of the refined A (NaN when the chi-square curvature is not positive)
     * @param candidateShOverL the A that minimised the chi-square (applied only when significant)
     * @param significant      whether the chi-square drop passed {@link #SIGNIFICANCE}
     * @param candidateChiSquare total weighted chi-square at the candidate A
     * @param reducedChiSquare reduced chi-square at the candidate A (the scale of the significance test)
     * @param chiSquare        total weighted chi-square of the windows at the applied A
     * @param chiSquareSymmetric the same at A = 0 (symmetric peaks), for comparison
     * @param points           number of points in the windows
     * @param evaluations      number of whole-pattern fits made
     * @param fits             the peak fits at the refined A (one per requested position)
     */
    public record Result(AxialDivergence axialDivergence, double shOverLEsd, double candidateShOverL, double candidateChiSquare,
            boolean significant, double reducedChiSquare, double chiSquare, double chiSquareSymmetric, int points, int evaluations, List<PeakResult> fits) {
        public Result {
            fits = List.copyOf(fits);
        }
    }

    /**
     * Refines A for the peaks near {@code centresDeg} of {@code pattern}; the other options (profile,
     * windows, K-alpha2, weights) are those of {@code options}, whose own A is ignored.
     */
    public static Result refine(DiffractionPattern pattern, double[] centresDeg, PeakFitOptions options) {
        double[] x = pattern.twoThetaDeg();
        double[] s = PeakWeights.resolve(pattern, options.weights(), options.kAlpha2()).sigma(pattern);
        XrdWavelength wl = pattern.wavelength().orElse(null);
        // the chi-square is that of the data the windows were fitted to: stripped ones under STRIP
        double[] y = options.kAlpha2() == KAlpha2.STRIP ? PeakFitting.stripKAlpha2(x, pattern.intensity(), wl) : pattern.intensity();
        int[] evals = {0};
        List<PeakResult> sym = PeakFitting.fit(x, y, s, wl, centresDeg, options.withAxialDivergence(AxialDivergence.NONE));
        long okSym = sym.stream().filter(r -> r.status().ok()).count();
        double[] pts = {0};
        double chiSym = chiSquare(x, y, s, wl, sym, options.withAxialDivergence(AxialDivergence.NONE), pts);
        java.util.function.DoubleUnaryOperator chi = a -> {
            evals[0]++;
            if (a <= 0) {
                return chiSym;
            }
            PeakFitOptions o = options.withAxialDivergence(new AxialDivergence(a));
            List<PeakResult> f = PeakFitting.fit(x, y, s, wl, centresDeg, o);
            if (f.stream().filter(r -> r.status().ok()).count() < okSym) {
                return Double.POSITIVE_INFINITY;
            }
            return chiSquare(x, y, s, wl, f, o, null);
        };
        int ng = (int) Math.round(GRID_MAX / GRID_STEP);
        double best = 0;
        double bestChi = chiSym;
        for (int i = 1; i <= ng; i++) {
            double a = i * GRID_STEP;
            double c = chi.applyAsDouble(a);
            if (c < bestChi) {
                bestChi = c;
                best = a;
            }
        }
        double lo = Math.max(0, best - GRID_STEP);
        double hi = Math.min(GRID_MAX, best + GRID_STEP);
        UnivariatePointValuePair opt = new BrentOptimizer(1e-10, A_TOLERANCE).optimize(new MaxEval(100), GoalType.MINIMIZE,
                new UnivariateObjectiveFunction(chi::applyAsDouble), new SearchInterval(lo, hi, best));
        double a = opt.getValue() < bestChi ? opt.getPoint() : best;
        double chiA = Math.min(opt.getValue(), bestChi);
        double esd = Double.NaN;
        double h = ESD_STEP;
        int np = 0;
        for (PeakResult r : sym) {
            np += r.status().ok() ? (options.profile().hasEta() ? 4 : 3) + options.backgroundOrder() + 1 : 0;
        }
        double red = chiA / Math.max(1, pts[0] - np - 1);
        boolean significant = a > 0 && chiSym - chiA >= SIGNIFICANCE * red;
        if (!significant) {
            return new Result(AxialDivergence.NONE, Double.NaN, a, chiA, false, red, chiSym, chiSym, (int) pts[0], evals[0], sym);
        }
        if (a > h) {
            double cp = chi.applyAsDouble(a + h);
            double cm = chi.applyAsDouble(a - h);
            double curv = (cp - 2 * chiA + cm) / (h * h);
            if (curv > 0 && Double.isFinite(curv)) {
                esd = Math.sqrt(2 * red / curv);
            }
        }
        AxialDivergence ad = new AxialDivergence(a);
        List<PeakResult> fits = PeakFitting.fit(x, y, s, wl, centresDeg, options.withAxialDivergence(ad));
        return new Result(ad, esd, a, chiA, true, red, chiA, chiSym, (int) pts[0], evals[0], fits);
    }

    /**
     * Total weighted chi-square {@code sum ((y - model)/sigma)^2} over the points of every window that
     * holds at least one successful fit (each window counted once, with its own background and peaks;
     * sigma as in {@link PeakFitting}: null = 1, non-positive = sqrt(max(I, 1))).
     *
     * @param points if non-null, {@code points[0]} receives the number of points summed
     */
    static double chiSquare(double[] x, double[] y, double[] sigma, XrdWavelength wl, List<PeakResult> fits, PeakFitOptions o,
            double[] points) {
        double chi = 0;
        int n = 0;
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (PeakResult f : fits) {
            if (!f.status().ok() || !seen.add(f.windowLoDeg() + ":" + f.windowHiDeg())) {
                continue;
            }
            List<PeakResult> same = fits.stream().filter(g -> g.windowLoDeg() == f.windowLoDeg() && g.windowHiDeg() == f.windowHiDeg()
                    && Double.isFinite(g.area())).toList();
            int i0 = PeakFitting.lowerBound(x, f.windowLoDeg());
            int i1 = PeakFitting.lowerBound(x, f.windowHiDeg() + 1e-12);
            double[] wx = java.util.Arrays.copyOfRange(x, i0, i1);
            double[] m = PeakFitting.modelCurve(wx, same, wl, o);
            for (int i = i0; i < i1; i++) {
                double sg = sigma == null ? 1.0 : (sigma[i] > 0 ? sigma[i] : Math.sqrt(Math.max(y[i], 1.0)));
                double e = (y[i] - m[i - i0]) / sg;
                chi += e * e;
                n++;
            }
        }
        if (points != null) {
            points[0] = n;
        }
        return chi;
    }
}
