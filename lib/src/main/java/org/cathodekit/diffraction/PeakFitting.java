package org.cathodekit.diffraction;

import java.util.Arrays;
import java.util.List;

import org.apache.commons.math3.exception.ConvergenceException;
import org.apache.commons.math3.exception.TooManyEvaluationsException;
import org.apache.commons.math3.exception.TooManyIterationsException;
import org.apache.commons.math3.fitting.leastsquares.LeastSquaresBuilder;
import org.apache.commons.math3.fitting.leastsquares.LeastSquaresOptimizer;
import org.apache.commons.math3.fitting.leastsquares.LeastSquaresProblem;
import org.apache.commons.math3.fitting.leastsquares.LevenbergMarquardtOptimizer;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.SingularMatrixException;
import org.cathodekit.core.Checks;
import org.cathodekit.core.DiffractionPattern;
import org.cathodekit.core.XrdWavelength;

/**
 * Single and multi-peak profile fits by Levenberg-Marquardt (Commons Math) with a polynomial
 * background under each window.
 *
 * <p>Model of one window holding peaks {@code k}:
 * {@code f(x) = sum_j b_j (x - x_m)^j + sum_k A_k [S(x - c_k; w_k) + R S(x - c2_k; w_k)]},
 * with {@code S} the unit-area {@link Profile}, {@code x_m} the window centre and, for a K-alpha
 * doublet, {@code c2_k = 2 asin((lambda2/lambda1) sin(c_k/2))} and {@code R = I2/I1} fixed from the
 * radiation ({@link KAlpha2#DOUBLET}). Requested peaks closer than two window half widths share
 * one window (overlapping R-3m pairs such as 006/012 and 018/110).
 *
 * <p>Residuals of a pattern are weighted by the one rule of {@link PeakWeights} (the options'
 * {@link Weighting}; by default Poisson for counts, the esd column when the file has one, unweighted
 * for arbitrary units), the same whatever the file format; the primitive-array form takes sigma as
 * given (null = unweighted; sigma = 0 points fall back to sqrt(max(I, 1))). Standard errors come from the covariance
 * {@code (J^T J)^-1} scaled by the reduced chi-square (as lmfit's default).
 *
 * <p>Edge cases: a window with no peak above {@code minSignalToNoise} x noise (noise from the
 * median absolute first difference) gives {@link FitStatus#NO_PEAK} for that peak and the others
 * are still fitted; non-convergence gives {@link FitStatus#NOT_CONVERGED}; nothing is thrown for
 * per-peak failures.
 */
public final class PeakFitting {
    private PeakFitting() {
    }

    /**
     * Fits peaks near the requested positions of a 2-theta pattern.
     *
     * @param pattern    the pattern (not modified); its radiation is used for the K-alpha2 doublet
     * @param centresDeg requested peak positions (deg 2-theta)
     * @return one result per requested position, in the order given
     */
    public static List<PeakResult> fit(DiffractionPattern pattern, double[] centresDeg, PeakFitOptions options) {
        double[] s = PeakWeights.resolve(pattern, options.weights(), options.kAlpha2()).sigma(pattern);
        return fit(pattern.twoThetaDeg(), pattern.intensity(), s, pattern.wavelength().orElse(null), centresDeg, options);
    }

    /**
     * Rachinger K-alpha2 stripping (Rachinger, J. Sci. Instrum. 25, 254 (1948)): returns
     * {@code I1(x) = I(x) - R I1(x')}, where {@code x'} is the 2-theta whose K-alpha2 line lies at
     * {@code x}: {@code sin(x'/2) = (lambda1/lambda2) sin(x/2)}. Points whose {@code x'} is below the
     * scan start are returned unchanged. Inputs are not modified.
     *
     * @param x  strictly increasing 2-theta (deg)
     * @param y  intensities
     * @param wl radiation with K-alpha2 (returned as a copy of y otherwise)
     */
    public static double[] stripKAlpha2(double[] x, double[] y, XrdWavelength wl) {
        double[] out = y.clone();
        if (wl == null || !wl.hasAlpha2()) {
            return out;
        }
        double r = wl.ratio21();
        double k = wl.alpha1A() / wl.alpha2A();
        int j = 0;
        for (int i = 0; i < x.length; i++) {
            double xp = 2 * Math.toDegrees(Math.asin(k * Math.sin(Math.toRadians(x[i]) / 2)));
            if (xp < x[0]) {
                continue;
            }
            while (j + 1 < i && x[j + 1] <= xp) {
                j++;
            }
            if (j + 1 > i) {
                continue;
            }
            double t = (xp - x[j]) / (x[j + 1] - x[j]);
            double i1 = j + 1 == i ? out[j] : out[j] + t * (out[j + 1] - out[j]);
            out[i] = y[i] - r * i1;
        }
        return out;
    }

    /**
     * Primitive-array form of {@link #fit(DiffractionPattern, double[], PeakFitOptions)}: {@code x}
     * strictly increasing 2-theta (deg), {@code y} intensities, {@code sigma} may be null,
     * {@code wavelength} may be null (then no doublet). Arrays are not modified.
     */
    public static List<PeakResult> fit(double[] x, double[] y, double[] sigma, XrdWavelength wavelength, double[] centresDeg,
            PeakFitOptions options) {
        if (x.length != y.length) {
            throw new IllegalArgumentException("x has " + x.length + " points, y has " + y.length);
        }
        for (double c : centresDeg) {
            Checks.requireFinite(c, "peak position (deg)");
        }
        if (options.kAlpha2() == KAlpha2.STRIP && wavelength != null && wavelength.hasAlpha2()) {
            y = stripKAlpha2(x, y, wavelength);
            sigma = null; // stripped intensities are no longer Poisson counts: unweighted fit
        }
        int n = centresDeg.length;
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(centresDeg[a], centresDeg[b]));
        PeakResult[] out = new PeakResult[n];
        double hw = options.windowHalfWidthDeg();
        int g0 = 0;
        while (g0 < n) {
            int g1 = g0 + 1;
            while (g1 < n && centresDeg[order[g1]] - centresDeg[order[g1 - 1]] < 2 * hw) {
                g1++;
            }
            int[] idx = new int[g1 - g0];
            double[] cs = new double[g1 - g0];
            for (int k = g0; k < g1; k++) {
                idx[k - g0] = order[k];
                cs[k - g0] = centresDeg[order[k]];
            }
            PeakResult[] r = fitWindow(x, y, sigma, wavelength, cs[0] - hw, cs[cs.length - 1] + hw, cs, options);
            for (int k = 0; k < idx.length; k++) {
                out[idx[k]] = r[k];
            }
            g0 = g1;
        }
        return List.of(out);
    }

    /**
     * Fits the given peaks together in the window {@code [loDeg, hiDeg]}.
     *
     * @return one result per centre, in the order given
     */
    public static PeakResult[] fitWindow(double[] x, double[] y, double[] sigma, XrdWavelength wavelength, double loDeg,
            double hiDeg, double[] centresDeg, PeakFitOptions o) {
        int npk = centresDeg.length;
        PeakResult[] out = new PeakResult[npk];
        int i0 = lowerBound(x, loDeg);
        int i1 = lowerBound(x, hiDeg + 1e-12);
        int m = i1 - i0;
        int nb = o.backgroundOrder() + 1;
        int per = o.profile().hasEta() ? 4 : 3;
        if (m < nb + npk * per + 3) {
            for (int k = 0; k < npk; k++) {
                out[k] = PeakResult.failed(centresDeg[k], FitStatus.TOO_FEW_POINTS, loDeg, hiDeg, npk,
                        "window " + fmt(loDeg) + "-" + fmt(hiDeg) + " deg holds " + m + " points, need at least " + (nb + npk * per + 3)
                                + (m == 0 ? " (outside the measured range)" : ""));
            }
            return out;
        }
        double lo = x[i0];
        double hi = x[i1 - 1];
        double step = (hi - lo) / (m - 1);
        double xm = 0.5 * (lo + hi);
        double[] wx = Arrays.copyOfRange(x, i0, i1);
        double[] wy = Arrays.copyOfRange(y, i0, i1);
        double[] ws = new double[m];
        for (int i = 0; i < m; i++) {
            double s = sigma == null ? 1.0 : sigma[i0 + i];
            ws[i] = sigma == null ? 1.0 : (s > 0 ? s : Math.sqrt(Math.max(wy[i], 1.0)));
        }
        // noise: median absolute first difference / (0.6745 sqrt 2)
        double[] d = new double[m - 1];
        for (int i = 0; i < m - 1; i++) {
            d[i] = Math.abs(wy[i + 1] - wy[i]);
        }
        Arrays.sort(d);
        double noise = Math.max(d[(m - 1) / 2] / (0.6745 * Math.sqrt(2)), 1e-12);
        // background start: line through the means of the first and last tenth
        int q = Math.max(2, m / 10);
        double xa = 0;
        double ya = 0;
        double xb = 0;
        double yb = 0;
        for (int i = 0; i < q; i++) {
            xa += wx[i];
            ya += wy[i];
            xb += wx[m - 1 - i];
            yb += wy[m - 1 - i];
        }
        xa /= q;
        ya /= q;
        xb /= q;
        yb /= q;
        double slope = o.backgroundOrder() == 0 ? 0 : (yb - ya) / (xb - xa);
        double b0 = o.backgroundOrder() == 0 ? Math.min(ya, yb) : ya + slope * (xm - xa);
        // peak starts
        boolean[] present = new boolean[npk];
        double[] c0 = new double[npk];
        double[] w0 = new double[npk];
        double[] a0 = new double[npk];
        double[] h0 = new double[npk];
        int nPresent = 0;
        XrdWavelength wl = wavelength;
        boolean doublet = o.kAlpha2() == KAlpha2.DOUBLET && wl != null && wl.hasAlpha2();
        double ratio = doublet ? wl.ratio21() : 0.0;
        double lamRatio = doublet ? wl.alpha2A() / wl.alpha1A() : 1.0;
        for (int k = 0; k < npk; k++) {
            double r = o.searchRadiusDeg();
            for (int j = 0; j < npk; j++) {
                if (j != k) {
                    r = Math.min(r, 0.45 * Math.abs(centresDeg[j] - centresDeg[k]));
                }
            }
            r = Math.max(r, 1.5 * step);
            int best = -1;
            double bestH = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < m; i++) {
                if (Math.abs(wx[i] - centresDeg[k]) <= r) {
                    double h = wy[i] - (b0 + slope * (wx[i] - xm));
                    if (h > bestH) {
                        bestH = h;
                        best = i;
                    }
                }
            }
            if (best < 0 || !(bestH > o.minSignalToNoise() * noise) || !(bestH > 0)) {
                out[k] = PeakResult.failed(centresDeg[k], FitStatus.NO_PEAK, loDeg, hiDeg, npk, String.format(java.util.Locale.ROOT,
                        "no peak within %.3f deg of %.3f deg: height above background %.4g < %.1f x noise %.4g", r, centresDeg[k],
                        bestH, o.minSignalToNoise(), noise));
                continue;
            }
            present[k] = true;
            nPresent++;
            c0[k] = wx[best];
            h0[k] = bestH;
            int l = best;
            while (l > 0 && wy[l] - (b0 + slope * (wx[l] - xm)) > bestH / 2) {
                l--;
            }
            int rr = best;
            while (rr < m - 1 && wy[rr] - (b0 + slope * (wx[rr] - xm)) > bestH / 2) {
                rr++;
            }
            double w = wx[rr] - wx[l];
            if (doublet) {
                w = Math.max(w * 0.8, 2 * step);
            }
            w0[k] = Math.min(Math.max(w, 2 * step), 0.5 * (hi - lo));
            a0[k] = bestH / (o.profile().heightPerArea(w0[k], 0.5) * (1 + ratio));
        }
        if (nPresent == 0) {
            return out;
        }
        int[] map = new int[nPresent];
        int t = 0;
        for (int k = 0; k < npk; k++) {
            if (present[k]) {
                map[t++] = k;
            }
        }
        int np = nb + nPresent * per;
        double[] start = new double[np];
        start[0] = b0;
        if (nb > 1) {
            start[1] = slope;
        }
        for (int j = 0; j < nPresent; j++) {
            int k = map[j];
            int base = nb + j * per;
            start[base] = c0[k];
            start[base + 1] = w0[k];
            start[base + 2] = a0[k];
            if (per == 4) {
                start[base + 3] = 0.5;
            }
        }
        double wMin = step;
        double wMax = hi - lo;
        AxialDivergence axial = o.axialDivergence();
        int nodes = 0;
        for (int j = 0; j < nPresent && axial.isAsymmetric(); j++) {
            nodes = Math.max(nodes, axial.nodeCount(c0[map[j]], w0[map[j]]));
        }
        PeakWindowModel model = new PeakWindowModel(wx, ws, xm, nb, nPresent, o.profile(), doublet, ratio, lamRatio, axial, nodes);
        double[] target = new double[m];
        for (int i = 0; i < m; i++) {
            target[i] = wy[i] / ws[i];
        }
        final int perF = per;
        final int nPresentF = nPresent;
        LeastSquaresProblem problem = new LeastSquaresBuilder()
                .start(start)
                .target(target)
                .model(model)
                .maxIterations(o.maxIterations())
                .maxEvaluations(o.maxIterations() * 4)
                .lazyEvaluation(false)
                .parameterValidator(p -> {
                    for (int j = 0; j < nPresentF; j++) {
                        int base = nb + j * perF;
                        p.setEntry(base, Math.min(Math.max(p.getEntry(base), lo), hi));
                        p.setEntry(base + 1, Math.min(Math.max(p.getEntry(base + 1), wMin), wMax));
                        p.setEntry(base + 2, Math.max(p.getEntry(base + 2), 0.0));
                        if (perF == 4) {
                            p.setEntry(base + 3, Math.min(Math.max(p.getEntry(base + 3), 0.0), 1.0));
                        }
                    }
                    return p;
                })
                .build();
        LeastSquaresOptimizer.Optimum opt;
        try {
            opt = new LevenbergMarquardtOptimizer().optimize(problem);
        } catch (TooManyEvaluationsException | TooManyIterationsException | ConvergenceException e) {
            for (int j = 0; j < nPresent; j++) {
                int k = map[j];
                out[k] = PeakResult.failed(centresDeg[k], FitStatus.NOT_CONVERGED, loDeg, hiDeg, npk,
                        "Levenberg-Marquardt did not converge within " + o.maxIterations() + " iterations: " + e.getMessage());
            }
            return out;
        }
        double[] p = opt.getPoint().toArray();
        // unweighted R^2 of the window and weighted chi-square
        double[] f = new double[m];
        model.evaluate(p, f, null, false);
        double mean = 0;
        for (int i = 0; i < m; i++) {
            mean += wy[i];
        }
        mean /= m;
        double rss = 0;
        double tss = 0;
        double chi2 = 0;
        for (int i = 0; i < m; i++) {
            double e = wy[i] - f[i];
            rss += e * e;
            tss += (wy[i] - mean) * (wy[i] - mean);
            chi2 += (e / ws[i]) * (e / ws[i]);
        }
        double r2 = tss > 0 ? 1 - rss / tss : Double.NaN;
        double redChi2 = chi2 / Math.max(1, m - np);
        double[] err = new double[np];
        String covNote = "";
        try {
            RealMatrix cov = opt.getCovariances(1e-14);
            for (int i = 0; i < np; i++) {
                err[i] = Math.sqrt(Math.max(0, cov.getEntry(i, i) * redChi2));
            }
        } catch (SingularMatrixException e) {
            Arrays.fill(err, Double.NaN);
            covNote = "covariance singular: standard errors unavailable";
        }
        for (int j = 0; j < nPresent; j++) {
            int k = map[j];
            int base = nb + j * per;
            double c = p[base];
            double w = p[base + 1];
            double a = p[base + 2];
            double eta = per == 4 ? p[base + 3] : (o.profile() == Profile.LORENTZIAN ? 1.0 : 0.0);
            FitStatus st = FitStatus.OK;
            String msg = covNote;
            if (c <= lo + 0.5 * step || c >= hi - 0.5 * step) {
                st = FitStatus.AT_BOUND;
                msg = "centre " + fmt(c) + " deg at the window edge " + fmt(lo) + "-" + fmt(hi) + " deg";
            } else if (wObserved(axial, o.profile(), c, w, eta) < 2 * step || w >= wMax * 0.9999) {
                st = FitStatus.AT_BOUND;
                msg = "FWHM " + fmt(w) + " deg" + (axial.isAsymmetric() ? " (observed with the axial tail " + fmt(wObserved(axial, o.profile(), c, w,
                        eta)) + ")" : "") + " outside [2 steps = " + fmt(2 * step) + ", window " + fmt(wMax) + "] deg";
            } else if (!(a > 0)) {
                st = FitStatus.AT_BOUND;
                msg = "area fitted to zero";
            }
            for (int j2 = 0; j2 < nPresent && st == FitStatus.OK; j2++) {
                int b2 = nb + j2 * per;
                if (j2 != j && Math.abs(p[b2] - c) < 0.3 * Math.min(w, p[b2 + 1])) {
                    st = FitStatus.AT_BOUND;
                    msg = "merged with the neighbouring peak at " + fmt(p[b2]) + " deg (centres closer than 0.3 FWHM): not separable";
                }
            }
            double height = a * axial.heightPerArea(o.profile(), c, w, eta);
            out[k] = new PeakResult(centresDeg[k], st, c, err[base], w, err[base + 1], Math.toRadians(w), a, err[base + 2], height, eta,
                    r2, loDeg, hiDeg, npk, p[0], nb > 1 ? p[1] : 0, nb > 2 ? p[2] : 0, xm, msg);
        }
        return out;
    }

    /**
     * The fitted model (background + peaks, K-alpha2 doublet included when {@code options} say so) at
     * the given 2-theta values, from the results of {@link #fit}; NaN where no fitted window covers x.
     * For plots of data against fit.
     */
    public static double[] modelCurve(double[] x, List<PeakResult> fits, XrdWavelength wavelength, PeakFitOptions options) {
        boolean doublet = options.kAlpha2() == KAlpha2.DOUBLET && wavelength != null && wavelength.hasAlpha2();
        double[] out = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            PeakResult owner = null;
            for (PeakResult f : fits) {
                if (Double.isFinite(f.background0()) && x[i] >= f.windowLoDeg() && x[i] <= f.windowHiDeg()) {
                    owner = f;
                    break;
                }
            }
            if (owner == null) {
                out[i] = Double.NaN;
                continue;
            }
            double v = owner.backgroundAt(x[i]);
            for (PeakResult f : fits) {
                if (f.windowLoDeg() == owner.windowLoDeg() && f.windowHiDeg() == owner.windowHiDeg() && Double.isFinite(f.area())) {
                    AxialDivergence ax = options.axialDivergence();
                    v += f.area() * ax.value(options.profile(), x[i], f.twoThetaDeg(), f.fwhmDeg(), f.eta());
                    if (doublet) {
                        double c2 = Wavelengths.convertTwoThetaDeg(f.twoThetaDeg(), wavelength.alpha1A(), wavelength.alpha2A());
                        if (Double.isFinite(c2)) {
                            v += wavelength.ratio21() * f.area() * ax.value(options.profile(), x[i], c2, f.fwhmDeg(), f.eta());
                        }
                    }
                }
            }
            out[i] = v;
        }
        return out;
    }

    /** The observed FWHM that the sampling step must resolve: the symmetric one, or that of the asymmetric profile. */
    private static double wObserved(AxialDivergence axial, Profile profile, double c, double w, double eta) {
        return axial.isAsymmetric() ? axial.observedFwhmDeg(profile, c, w, eta) : w;
    }

    static int lowerBound(double[] x, double v) {
        int lo = 0;
        int hi = x.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (x[mid] < v) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    static String fmt(double v) {
        return String.format(java.util.Locale.ROOT, "%.4f", v);
    }
}
