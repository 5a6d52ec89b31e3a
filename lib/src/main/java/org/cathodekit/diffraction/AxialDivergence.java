package org.cathodekit.diffraction;

import org.apache.commons.math3.analysis.integration.gauss.GaussIntegrator;
import org.apache.commons.math3.analysis.integration.gauss.GaussIntegratorFactory;
import org.cathodekit.core.Checks;

/**
 * Axial-divergence peak asymmetry after Finger, Cox &amp; Jephcoat, "A correction for powder
 * diffraction peak asymmetry due to axial divergence", J. Appl. Cryst. 27, 892-900 (1994) (FCJ),
 * with one parameter {@code A = (S + H)/L} and {@code S = H}, the convention of GSAS-II's
 * {@code SH/L} (S the axial half-length of the illuminated specimen, H that of the receiving slit,
 * L the goniometer radius).
 *
 * <h2>Model</h2>
 * A ray from a specimen point to a receiving-slit point that differ by {@code h} in axial height
 * meets the Debye-Scherrer cone of Bragg angle {@code 2theta} at the detector angle {@code 2phi} with
 * (FCJ's intersection of the cone with the detector circle)
 * <pre>  cos(2phi) = cos(2theta) sqrt(1 + (h/L)^2).</pre>
 * For specimen and slit heights uniform on [-S, S] and [-H, H] with S = H, {@code u = |h|/L} has the
 * triangular density {@code 2 (A - u)/A^2} on {@code [0, A]} (FCJ's weight function {@code W = H + S - h}
 * with S = H, where its flat part between {@code 2phi_infl} and {@code 2theta} vanishes). The
 * observed peak is the symmetric profile {@code P} averaged over that distribution:
 * <pre>  I(x) = int_0^A 2 (A - u)/A^2 P(x - 2phi(u)) du,    2phi(u) = acos(cos(2theta) sqrt(1 + u^2)),</pre>
 * the FCJ convolution written in {@code u} instead of {@code 2phi}: the change of variable removes
 * their {@code 1/h} singularity at {@code 2phi = 2theta}, so a plain Gauss-Legendre rule in u
 * (Commons Math) converges fast. FCJ's further intensity factor {@code 1/cos(2phi)} differs from
 * {@code 1/cos(2theta)} by less than {@code A^2/2} relatively across the tail (2e-4 for A = 0.02) and
 * is left out. Every peak keeps its area; the tail lies below {@code 2theta} for 2-theta &lt; 90 deg and
 * above it past 90 deg (the same formula); its length {@code 2theta - 2phi(A)} is about
 * {@code A^2/(2 tan 2theta)} rad, so low-angle peaks are the asymmetric ones.
 *
 * <h2>What it changes</h2>
 * The fitted centre is the Bragg angle {@code 2theta} of the symmetric profile before the axial
 * convolution, the position the lattice fit needs. A symmetric profile fitted to an axially
 * asymmetric peak puts its centre inside the low-angle tail, by an amount that grows like
 * {@code cot(2theta)} (the leading axial-divergence aberration of Wilson, <i>Mathematical Theory of
 * X-ray Powder Diffractometry</i> (1963), and Cheary &amp; Coelho, J. Appl. Cryst. 31, 851 (1998)):
 * neither a zero shift nor a {@code cos(theta)} displacement describes that, and the refined lattice
 * parameter comes out low.
 *
 * <h2>Edge cases</h2>
 * <ul>
 *   <li>{@code A = 0} ({@link #NONE}): the symmetric profile, bit for bit (no quadrature).</li>
 *   <li>2-theta where {@code |cos(2theta)| sqrt(1 + A^2) > 1} (within ~A rad of 0 or 180 deg): u is
 *       cut where the cone becomes tangent to the detector circle.</li>
 * </ul>
 *
 * @param shOverL {@code A = (S + H)/L} (dimensionless, 0 &lt;= A &lt;= {@link #MAX_SH_OVER_L}); typical
 *                laboratory Bragg-Brentano values 0.01-0.06 (2.5-5 deg Soller slits)
 */
public record AxialDivergence(double shOverL) {

    /** No asymmetry: the symmetric profile. */
    public static final AxialDivergence NONE = new AxialDivergence(0);

    /**
     * Largest accepted A: 0.2 is an axial opening of 11 deg, beyond any instrument with Soller slits; a
     * refinement that reaches it has fitted something else (background, a neighbour).
     */
    public static final double MAX_SH_OVER_L = 0.2;

    /** Fewest and most Gauss-Legendre nodes over u (see {@link #nodeCount}). */
    static final int MIN_NODES = 12;
    static final int MAX_NODES = 96;

    private static final GaussIntegratorFactory GAUSS = new GaussIntegratorFactory();

    public AxialDivergence {
        Checks.requireFinite(shOverL, "axial divergence (S+H)/L");
        if (shOverL < 0 || shOverL > MAX_SH_OVER_L) {
            throw new IllegalArgumentException("axial divergence (S+H)/L must be in [0, " + MAX_SH_OVER_L + "], got " + shOverL);
        }
    }

    /** @return whether there is any asymmetry ({@code A > 0}). */
    public boolean isAsymmetric() {
        return shOverL > 0;
    }

    /** @return the largest u usable at {@code twoThetaDeg}: A, or where the cone touches the detector circle. */
    double uMax(double twoThetaDeg) {
        double c = Math.abs(Math.cos(Math.toRadians(twoThetaDeg)));
        double lim = c > 0 ? Math.sqrt(Math.max(0, 1 / (c * c) - 1)) : Double.POSITIVE_INFINITY;
        return Math.min(shOverL, lim);
    }

    /**
     * Detector angle {@code 2phi(u) = acos(cos(2theta) sqrt(1 + u^2))} (deg) of height ratio u.
     */
    static double detectorAngleDeg(double twoThetaDeg, double u) {
        double v = Math.cos(Math.toRadians(twoThetaDeg)) * Math.sqrt(1 + u * u);
        return Math.toDegrees(Math.acos(Math.max(-1, Math.min(1, v))));
    }

    /** @return the tail length {@code |2theta - 2phi(A)|} (deg) at {@code twoThetaDeg}. */
    public double tailDeg(double twoThetaDeg) {
        return Math.abs(twoThetaDeg - detectorAngleDeg(twoThetaDeg, uMax(twoThetaDeg)));
    }

    /**
     * Number of quadrature nodes for a peak of FWHM {@code fwhmDeg} at {@code twoThetaDeg}: enough that
     * nodes are at most ~FWHM/6 apart along the tail ({@code 12 + 6 tail/FWHM}, within
     * [{@value #MIN_NODES}, {@value #MAX_NODES}]).
     */
    int nodeCount(double twoThetaDeg, double fwhmDeg) {
        double r = tailDeg(twoThetaDeg) / Math.max(fwhmDeg, 1e-6);
        return (int) Math.max(MIN_NODES, Math.min(MAX_NODES, Math.ceil(MIN_NODES + 6 * r)));
    }

    /** Gauss-Legendre rule on [0, 1] with n nodes (Commons Math). */
    static GaussIntegrator rule(int n) {
        return GAUSS.legendre(n, 0, 1);
    }

    /**
     * Fills, for the peak at {@code twoThetaDeg}, the quadrature of {@link AxialDivergence}: node
     * detector angles minus the Bragg angle {@code offsetDeg[k] = 2phi(u_k) - 2theta}, their derivatives
     * {@code dDetDtt[k] = d(2phi(u_k))/d(2theta) = sin(2theta) sqrt(1 + u^2) / sin(2phi)} and the
     * weights {@code weight[k]} (sum 1; the triangular density times the Gauss-Legendre weights,
     * normalised over the usable u range). No allocation.
     */
    void nodes(GaussIntegrator rule, double twoThetaDeg, double[] offsetDeg, double[] dDetDtt, double[] weight) {
        int n = rule.getNumberOfPoints();
        double um = uMax(twoThetaDeg);
        double tt = Math.toRadians(twoThetaDeg);
        double cos = Math.cos(tt);
        double sin = Math.sin(tt);
        double sum = 0;
        for (int k = 0; k < n; k++) {
            double u = um * rule.getPoint(k);
            double v = Math.max(-1, Math.min(1, cos * Math.sqrt(1 + u * u)));
            double phi = Math.acos(v);
            offsetDeg[k] = Math.toDegrees(phi) - twoThetaDeg;
            double sphi = Math.sin(phi);
            dDetDtt[k] = sphi > 1e-12 ? sin * Math.sqrt(1 + u * u) / sphi : 1;
            weight[k] = rule.getWeight(k) * (shOverL - u);
            sum += weight[k];
        }
        for (int k = 0; k < n; k++) {
            weight[k] /= sum;
        }
    }

    /**
     * The asymmetric unit-area profile at {@code x} (deg) for a peak of Bragg angle {@code centreDeg},
     * FWHM {@code fwhmDeg} and mixing {@code eta} ({@link Profile#value} when {@link #NONE}). For plots and
     * heights; fits use the same quadrature inside their model.
     */
    public double value(Profile profile, double x, double centreDeg, double fwhmDeg, double eta) {
        if (!isAsymmetric()) {
            return profile.value(x - centreDeg, fwhmDeg, eta);
        }
        int n = nodeCount(centreDeg, fwhmDeg);
        double[] off = new double[n];
        double[] dd = new double[n];
        double[] w = new double[n];
        nodes(rule(n), centreDeg, off, dd, w);
        double v = 0;
        for (int k = 0; k < n; k++) {
            v += w[k] * profile.value(x - centreDeg - off[k], fwhmDeg, eta);
        }
        return v;
    }

    /**
     * Height of the asymmetric unit-area profile (its maximum, by a golden-section search over the
     * tail), equal to {@link Profile#heightPerArea} when {@link #NONE}.
     */
    public double heightPerArea(Profile profile, double centreDeg, double fwhmDeg, double eta) {
        if (!isAsymmetric()) {
            return profile.heightPerArea(fwhmDeg, eta);
        }
        return value(profile, modeDeg(profile, centreDeg, fwhmDeg, eta), centreDeg, fwhmDeg, eta);
    }

    /**
     * Full width at half maximum (deg) of the asymmetric profile as observed (symmetric width and
     * tail together), by bisection of the half-maximum crossings on both sides of the mode; equal to
     * {@code fwhmDeg} when {@link #NONE}. This, not the symmetric part's width, is what the sampling
     * step must resolve.
     */
    public double observedFwhmDeg(Profile profile, double centreDeg, double fwhmDeg, double eta) {
        if (!isAsymmetric()) {
            return fwhmDeg;
        }
        double mode = modeDeg(profile, centreDeg, fwhmDeg, eta);
        double half = 0.5 * value(profile, mode, centreDeg, fwhmDeg, eta);
        double reach = tailDeg(centreDeg) + 4 * fwhmDeg;
        double[] side = new double[2];
        for (int sgn = 0; sgn < 2; sgn++) {
            double dir = sgn == 0 ? -1 : 1;
            double in = 0;
            double out = reach;
            for (int i = 0; i < 60; i++) {
                double m = 0.5 * (in + out);
                if (value(profile, mode + dir * m, centreDeg, fwhmDeg, eta) > half) {
                    in = m;
                } else {
                    out = m;
                }
            }
            side[sgn] = 0.5 * (in + out);
        }
        return side[0] + side[1];
    }

    /** Position (deg) of the maximum of the asymmetric profile, by golden-section search over the tail side. */
    double modeDeg(Profile profile, double centreDeg, double fwhmDeg, double eta) {
        double tail = tailDeg(centreDeg);
        double dir = Math.cos(Math.toRadians(centreDeg)) >= 0 ? -1 : 1;
        double lo = 0;
        double hi = tail + fwhmDeg;
        double g = (Math.sqrt(5) - 1) / 2;
        for (int i = 0; i < 60; i++) {
            double m1 = hi - g * (hi - lo);
            double m2 = lo + g * (hi - lo);
            if (value(profile, centreDeg + dir * m1, centreDeg, fwhmDeg, eta) >= value(profile, centreDeg + dir * m2, centreDeg, fwhmDeg, eta)) {
                hi = m2;
            } else {
                lo = m1;
            }
        }
        return centreDeg + dir * 0.5 * (lo + hi);
    }
}
