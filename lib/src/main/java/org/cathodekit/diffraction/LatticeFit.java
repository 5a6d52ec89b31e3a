package org.cathodekit.diffraction;

import java.util.ArrayList;
import java.util.List;

import org.apache.commons.math3.fitting.leastsquares.LeastSquaresBuilder;
import org.apache.commons.math3.fitting.leastsquares.LeastSquaresOptimizer;
import org.apache.commons.math3.fitting.leastsquares.LevenbergMarquardtOptimizer;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.util.Pair;
import org.cathodekit.core.Checks;
import org.cathodekit.core.DiffractionPattern;
import org.cathodekit.core.XrdWavelength;

/**
 * Lattice parameters by least squares over indexed reflections.
 *
 * <p>Model: {@code 2theta_obs = z + 2 asin(lambda/(2 d_hkl(a, c)))} with, for R-3m (hexagonal
 * setting), {@code 1/d^2 = 4/3 (h^2 + hk + k^2)/a^2 + l^2/c^2} (issue 6; papers A and C); z is the
 * optional zero shift. Minimises the sum of squared 2-theta residuals by Levenberg-Marquardt with
 * the analytic Jacobian {@code d(2theta)/d(1/d^2) = lambda / (2 cos(theta) sqrt(1/d^2))} (rad).
 * Esd's: covariance scaled by the reduced chi-square; V and c/a esd's propagate the full covariance.
 *
 * <h2>Zero shift and sample displacement</h2>
 * The full model is {@code 2theta_obs = 2theta_calc + z + (180/pi) (-2 s cos(theta_calc) / R)}:
 * <ul>
 *   <li>{@code z} (deg), the zero shift ({@link LatticeOptions#refineZeroShift}): a constant offset of
 *       the 2-theta scale (detector zero, encoder offset). It is the only geometric term for
 *       transmission and Debye-Scherrer (capillary, synchrotron) geometries, where no specimen
 *       surface sets the angle; use it alone there.</li>
 *   <li>{@code s} (mm), the specimen displacement of Bragg-Brentano (reflection, flat plate)
 *       geometry ({@link LatticeOptions#refineSampleDisplacement}): the specimen surface lies {@code s}
 *       off the goniometer axis, which shifts every peak by {@code Delta 2theta = -2 s cos(theta) / R}
 *       (rad; R the goniometer radius; s > 0 moves peaks to lower angles). Klug & Alexander, <i>X-ray
 *       Diffraction Procedures</i>, 2nd ed. (1974), sec. 5-2; the same cos(theta) term as TOPAS'
 *       {@code Specimen_Displacement} and GSAS-II's Bragg-Brentano {@code Shift} (there s in micrometres:
 *       {@code Delta 2theta = -0.36 s cos(theta) / (pi R)} deg, identical). A height error of 0.1 mm on a 250 mm goniometer shifts the 2-theta = 30 deg
 *       peak by 0.044 deg, far more than a typical zero error, and biases a by ~0.03 %: on a
 *       reflection instrument refine s (with z when the scan reaches past ~90 deg, so that cos(theta)
 *       and the constant separate; their correlation is reported).</li>
 * </ul>
 * Only {@code s/R} enters the fit: R changes the reported s, never the lattice parameters.
 *
 * <h2>Peak asymmetry</h2>
 * The model needs Bragg angles. On laboratory Bragg-Brentano patterns the axial divergence makes
 * low-angle peaks asymmetric, and a symmetric profile puts their centres into the low-angle tail by
 * an amount growing like {@code cot(2theta)}: neither z nor s describes it, and over a short range
 * (10-70 deg, where z and the cos(theta) term correlate 0.9999) a comes out low (1e-3 A on the GSAS-II
 * tutorial LaB6). Fit the peaks with {@link AxialDivergence} (refined by {@link AxialDivergenceFit})
 * and refine over those centres.
 */
public final class LatticeFit {
    private LatticeFit() {
    }

    /**
     * Indexes observed peak positions against the reflections of the starting lattice: each observed
     * peak goes to the nearest reflection within {@code indexToleranceDeg}; a reflection takes at most
     * one peak (the nearest). Reflections with a neighbour closer than the tolerance are ambiguous and
     * not indexed ({@link #unambiguous}).
     *
     * @param twoThetaDeg observed centres (deg)
     * @param areas       their areas (may be null)
     */
    public static List<IndexedPeak> index(double[] twoThetaDeg, double[] areas, double lambdaA, LatticeOptions o) {
        List<Reflection> refl = unambiguous(observable(o.system().reflections(o.a0A(), o.c0A(), lambdaA, o.minTwoThetaDeg(),
                o.maxTwoThetaDeg()), o.system()), o.indexToleranceDeg());
        int[] owner = new int[refl.size()];
        double[] best = new double[refl.size()];
        java.util.Arrays.fill(owner, -1);
        java.util.Arrays.fill(best, Double.POSITIVE_INFINITY);
        for (int i = 0; i < twoThetaDeg.length; i++) {
            if (!Double.isFinite(twoThetaDeg[i])) {
                continue;
            }
            int r = -1;
            double dmin = o.indexToleranceDeg();
            for (int j = 0; j < refl.size(); j++) {
                double dd = Math.abs(refl.get(j).twoThetaDeg() - twoThetaDeg[i]);
                if (dd <= dmin) {
                    dmin = dd;
                    r = j;
                }
            }
            if (r >= 0 && dmin < best[r]) {
                best[r] = dmin;
                owner[r] = i;
            }
        }
        List<IndexedPeak> out = new ArrayList<>();
        for (int j = 0; j < refl.size(); j++) {
            if (owner[j] >= 0) {
                int i = owner[j];
                out.add(new IndexedPeak(refl.get(j), twoThetaDeg[i], Double.NaN, areas == null ? Double.NaN : areas[i]));
            }
        }
        return out;
    }

    /**
     * Refines the lattice from indexed peaks.
     *
     * @throws IllegalArgumentException when fewer reflections than parameters are given, or a hexagonal
     *                                  refinement has no reflection with l != 0 or none with (h,k) != 0
     */
    public static LatticeResult refine(List<IndexedPeak> peaks, double lambdaA, LatticeOptions o) {
        Checks.requirePositive(lambdaA, "wavelength (A)");
        CrystalSystem sys = o.system();
        int nl = sys.hasC() ? 2 : 1;
        int np = nl + (o.refineZeroShift() ? 1 : 0) + (o.refineSampleDisplacement() ? 1 : 0);
        int n = peaks.size();
        if (n < np) {
            throw new IllegalArgumentException("lattice refinement of " + sys + " needs at least " + np + " indexed reflections, got " + n
                    + " (check the wavelength, a0/c0 and the peak list)");
        }
        double[] pc = new double[n];
        double[] qc = new double[n];
        double[] obs = new double[n];
        boolean anyL = false;
        boolean anyHk = false;
        for (int i = 0; i < n; i++) {
            Reflection r = peaks.get(i).reflection();
            pc[i] = CrystalSystem.p(r.h(), r.k(), r.l(), sys);
            qc[i] = CrystalSystem.q(r.h(), r.k(), r.l(), sys);
            obs[i] = peaks.get(i).twoThetaObsDeg();
            anyL |= qc[i] > 0;
            anyHk |= pc[i] > 0;
        }
        if (sys.hasC() && (!anyL || !anyHk)) {
            throw new IllegalArgumentException("hexagonal refinement needs reflections with l != 0 and with (h,k) != (0,0) to fix both a and c; got "
                    + peaks.stream().map(p -> p.reflection().label()).toList());
        }
        double[] start = new double[np];
        start[0] = o.a0A();
        if (nl == 2) {
            start[1] = o.c0A();
        }
        final double lam = lambdaA;
        final int iz = o.refineZeroShift() ? nl : -1;
        final int is = o.refineSampleDisplacement() ? np - 1 : -1;
        final double radius = o.goniometerRadiusMm();
        LeastSquaresOptimizer.Optimum opt = new LevenbergMarquardtOptimizer().optimize(new LeastSquaresBuilder()
                .start(start)
                .target(obs)
                .maxIterations(500)
                .maxEvaluations(2000)
                .lazyEvaluation(false)
                .model(point -> {
                    double[] p = point.toArray();
                    double[] f = new double[n];
                    double[][] j = new double[n][np];
                    double sd = is >= 0 ? p[is] : 0;
                    for (int i = 0; i < n; i++) {
                        double a = p[0];
                        double c = nl == 2 ? p[1] : 1;
                        double inv = pc[i] / (a * a) + (nl == 2 ? qc[i] / (c * c) : 0);
                        double s = lam / 2 * Math.sqrt(inv);
                        s = Math.min(s, 1 - 1e-12);
                        double tt = 2 * Math.toDegrees(Math.asin(s));
                        double th = Math.toRadians(tt) / 2;
                        // displacement term (deg) and its derivative with respect to 2theta_calc (deg/deg)
                        double disp = Math.toDegrees(-2 * sd * Math.cos(th) / radius);
                        double dDispDtt = sd * Math.sin(th) / radius;
                        double dtt = Math.toDegrees(lam / (2 * Math.sqrt(1 - s * s) * Math.sqrt(inv))) * (1 + dDispDtt);
                        f[i] = tt + (iz >= 0 ? p[iz] : 0) + disp;
                        j[i][0] = dtt * (-2 * pc[i] / (a * a * a));
                        if (nl == 2) {
                            j[i][1] = dtt * (-2 * qc[i] / (c * c * c));
                        }
                        if (iz >= 0) {
                            j[i][iz] = 1;
                        }
                        if (is >= 0) {
                            j[i][is] = Math.toDegrees(-2 * Math.cos(th) / radius);
                        }
                    }
                    return new Pair<>(new ArrayRealVector(f, false), new Array2DRowRealMatrix(j, false));
                })
                .build());
        double[] p = opt.getPoint().toArray();
        double a = p[0];
        double c = nl == 2 ? p[1] : Double.NaN;
        double z = iz >= 0 ? p[iz] : 0;
        double sdisp = is >= 0 ? p[is] : 0;
        double[] res = opt.getResiduals().toArray();
        double ss = 0;
        for (double r : res) {
            ss += r * r;
        }
        double rms = Math.sqrt(ss / n);
        double[][] cov = new double[np][np];
        boolean haveEsd = n > np;
        if (haveEsd) {
            RealMatrix cm = opt.getCovariances(1e-14);
            double red = ss / (n - np);
            for (int i = 0; i < np; i++) {
                for (int k = 0; k < np; k++) {
                    cov[i][k] = cm.getEntry(i, k) * red;
                }
            }
        }
        double nan = Double.NaN;
        double ea = haveEsd ? Math.sqrt(cov[0][0]) : nan;
        double ec = haveEsd && nl == 2 ? Math.sqrt(cov[1][1]) : nan;
        double v = sys.volumeA3(a, c);
        double ev;
        double coa = nl == 2 ? c / a : nan;
        double ecoa = nan;
        if (nl == 2) {
            double dva = 2 * v / a;
            double dvc = v / c;
            ev = haveEsd ? Math.sqrt(dva * dva * cov[0][0] + dvc * dvc * cov[1][1] + 2 * dva * dvc * cov[0][1]) : nan;
            double dra = -c / (a * a);
            double drc = 1 / a;
            ecoa = haveEsd ? Math.sqrt(dra * dra * cov[0][0] + drc * drc * cov[1][1] + 2 * dra * drc * cov[0][1]) : nan;
        } else {
            ev = haveEsd ? 3 * a * a * ea : nan;
        }
        double ez = iz >= 0 && haveEsd ? Math.sqrt(cov[iz][iz]) : nan;
        double es = is >= 0 && haveEsd ? Math.sqrt(cov[is][is]) : nan;
        double corr = iz >= 0 && is >= 0 && haveEsd ? cov[iz][is] / Math.sqrt(cov[iz][iz] * cov[is][is]) : nan;
        List<IndexedPeak> used = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            IndexedPeak ip = peaks.get(i);
            used.add(new IndexedPeak(ip.reflection(), ip.twoThetaObsDeg(), ip.twoThetaObsDeg() - res[i], ip.area()));
        }
        return new LatticeResult(sys, a, ea, c, ec, v, ev, coa, ecoa, z, ez, rms, lambdaA, used, sdisp, es, radius, corr);
    }

    /**
     * Whole workflow on one pattern: reflections of the starting lattice inside the measured range,
     * profile fits at their positions, indexing of the peaks that fitted, refinement.
     *
     * @throws IllegalArgumentException when the wavelength is unknown or too few reflections fit
     */
    public static LatticeResult fit(DiffractionPattern pattern, LatticeOptions o, PeakFitOptions peakOptions) {
        XrdWavelength wl = pattern.requireWavelength();
        double[] x = pattern.twoThetaDeg();
        LatticeOptions oo = o.withRange(Math.max(o.minTwoThetaDeg(), x[0] + 0.3), Math.min(o.maxTwoThetaDeg(), x[x.length - 1] - 0.3));
        List<Reflection> refl = observable(oo.system().reflections(oo.a0A(), oo.c0A(), wl.alpha1A(), oo.minTwoThetaDeg(),
                oo.maxTwoThetaDeg()), oo.system());
        double[] centres = fitPositions(refl, oo.indexToleranceDeg());
        List<PeakResult> fits = PeakFitting.fit(pattern, centres, peakOptions);
        return fromPeaks(fits, wl.alpha1A(), oo);
    }

    /**
     * Reflections of layered R-3m oxides that carry measurable intensity in laboratory and synchrotron
     * patterns (003, 101, 006, 012, 104, 015, 107, 018, 110, 113, 1010, 116, 021, 024, 0012, 0111, 205, 208, 119, 1013);
     * weak ones such as 009 are left out so that they do not take a neighbour's flank.
     */
    public static final java.util.Set<String> LAYERED_OXIDE_REFLECTIONS = java.util.Set.of("003", "101", "006", "012", "104", "015",
            "107", "018", "110", "113", "1010", "116", "021", "024", "0012", "0111", "205", "208", "119", "1013");

    /** @return the reflections of {@code all} worth fitting: all for cubic, {@link #LAYERED_OXIDE_REFLECTIONS} for R-3m. */
    public static List<Reflection> observable(List<Reflection> all, CrystalSystem system) {
        if (system != CrystalSystem.HEXAGONAL_R3M) {
            return all;
        }
        return all.stream().filter(r -> LAYERED_OXIDE_REFLECTIONS.contains(r.label())).toList();
    }

    /**
     * Reflections of {@code refl} (sorted by 2-theta) with no other reflection closer than
     * {@code minSeparationDeg}: only these are indexed, because a pair closer than that (e.g. 006/012 or
     * 018/110 when c/a passes through their crossing during delithiation) is one unresolved peak.
     */
    public static List<Reflection> unambiguous(List<Reflection> refl, double minSeparationDeg) {
        List<Reflection> out = new ArrayList<>();
        for (int i = 0; i < refl.size(); i++) {
            double t = refl.get(i).twoThetaDeg();
            boolean lonely = (i == 0 || t - refl.get(i - 1).twoThetaDeg() >= minSeparationDeg)
                    && (i == refl.size() - 1 || refl.get(i + 1).twoThetaDeg() - t >= minSeparationDeg);
            if (lonely) {
                out.add(refl.get(i));
            }
        }
        return out;
    }

    /**
     * Positions to fit for {@code refl} (sorted): each reflection's 2-theta, except that groups closer
     * than {@code minSeparationDeg} are fitted as one peak at their mean (so the window model stays
     * right), which {@link #index} then leaves unindexed.
     */
    public static double[] fitPositions(List<Reflection> refl, double minSeparationDeg) {
        List<Double> out = new ArrayList<>();
        int i = 0;
        while (i < refl.size()) {
            int j = i + 1;
            double sum = refl.get(i).twoThetaDeg();
            while (j < refl.size() && refl.get(j).twoThetaDeg() - refl.get(j - 1).twoThetaDeg() < minSeparationDeg) {
                sum += refl.get(j).twoThetaDeg();
                j++;
            }
            out.add(sum / (j - i));
            i = j;
        }
        return out.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /**
     * Indexes the successful fits among {@code fits} and refines; fits that failed are skipped.
     * Outliers are then removed one at a time (at most 3, keeping more reflections than parameters):
     * the reflection with the largest |obs - calc| when it exceeds both 0.02 deg and 5 robust standard
     * deviations (1.4826 x median |residual|) of the others; typically a peak whose fit swapped with an
     * overlapping neighbour.
     */
    public static LatticeResult fromPeaks(List<PeakResult> fits, double lambdaA, LatticeOptions o) {
        double[] tt = new double[fits.size()];
        double[] ar = new double[fits.size()];
        for (int i = 0; i < tt.length; i++) {
            PeakResult r = fits.get(i);
            tt[i] = r.status().ok() ? r.twoThetaDeg() : Double.NaN;
            ar[i] = r.area();
        }
        List<IndexedPeak> peaks = new ArrayList<>(index(tt, ar, lambdaA, o));
        LatticeResult res = refine(peaks, lambdaA, o);
        int np = (o.system().hasC() ? 2 : 1) + (o.refineZeroShift() ? 1 : 0) + (o.refineSampleDisplacement() ? 1 : 0);
        for (int round = 0; round < 3 && peaks.size() > np + 2; round++) {
            double[] r = res.peaks().stream().mapToDouble(p -> Math.abs(p.residualDeg())).toArray();
            int worst = 0;
            for (int i = 1; i < r.length; i++) {
                if (r[i] > r[worst]) {
                    worst = i;
                }
            }
            double[] others = new double[r.length - 1];
            for (int i = 0, j = 0; i < r.length; i++) {
                if (i != worst) {
                    others[j++] = r[i];
                }
            }
            java.util.Arrays.sort(others);
            double sigma = 1.4826 * others[others.length / 2];
            if (!(r[worst] > 0.02 && r[worst] > 5 * sigma)) {
                break;
            }
            peaks.remove(worst);
            res = refine(peaks, lambdaA, o);
        }
        return res;
    }

    /**
     * The (003)/(104) integrated-intensity ratio (paper A: 1.337 rod vs 1.355 gravel), from the
     * areas of the indexed peaks.
     *
     * @return the ratio, or NaN when either reflection is missing
     */
    public static double intensityRatio003to104(List<IndexedPeak> peaks) {
        double i003 = Double.NaN;
        double i104 = Double.NaN;
        for (IndexedPeak p : peaks) {
            String l = p.reflection().label();
            if (l.equals("003")) {
                i003 = p.area();
            } else if (l.equals("104")) {
                i104 = p.area();
            }
        }
        return i003 / i104;
    }
}
