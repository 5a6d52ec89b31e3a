package org.cathodekit.diffraction;

import org.apache.commons.math3.analysis.integration.gauss.GaussIntegrator;
import org.apache.commons.math3.fitting.leastsquares.MultivariateJacobianFunction;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.RealVector;
import org.apache.commons.math3.util.Pair;

/**
 * The model of one fit window (see {@link PeakFitting}) with its analytic Jacobian, evaluated on
 * primitive arrays. Parameters: background coefficients, then per peak centre, FWHM, area (and eta).
 * With an {@link AxialDivergence} each profile (K-alpha1 and K-alpha2) is the quadrature average of
 * the symmetric profile over the detector angles of its nodes; the centre derivative carries the
 * exact node derivative {@code d(2phi_k)/d(2theta)}.
 */
final class PeakWindowModel implements MultivariateJacobianFunction {
    private final double[] x;
    private final double[] s;
    private final double xm;
    private final int nb;
    private final int npk;
    private final Profile profile;
    private final boolean doublet;
    private final double ratio;
    private final double lamRatio;
    private final int per;
    private final double[] buf = new double[4];
    private final AxialDivergence axial;
    private final GaussIntegrator rule;
    private final double[][] off1;
    private final double[][] dd1;
    private final double[][] off2;
    private final double[][] dd2;
    private final double[] wq1;
    private final double[] wq2;
    private final double[] c2s;
    private final double[] dc2s;
    private final boolean[] has2;

    PeakWindowModel(double[] x, double[] s, double xm, int nb, int npk, Profile profile, boolean doublet, double ratio, double lamRatio) {
        this(x, s, xm, nb, npk, profile, doublet, ratio, lamRatio, AxialDivergence.NONE, 0);
    }

    /**
     * @param axial asymmetry ({@link AxialDivergence#NONE} for symmetric peaks)
     * @param nodes Gauss-Legendre nodes per profile when asymmetric (fixed for the whole fit so that
     *              the model is a smooth function of the parameters)
     */
    PeakWindowModel(double[] x, double[] s, double xm, int nb, int npk, Profile profile, boolean doublet, double ratio, double lamRatio,
            AxialDivergence axial, int nodes) {
        this.x = x;
        this.s = s;
        this.xm = xm;
        this.nb = nb;
        this.npk = npk;
        this.profile = profile;
        this.doublet = doublet;
        this.ratio = ratio;
        this.lamRatio = lamRatio;
        this.per = profile.hasEta() ? 4 : 3;
        this.axial = axial;
        boolean asym = axial.isAsymmetric();
        int nq = asym ? nodes : 0;
        this.rule = asym ? AxialDivergence.rule(nodes) : null;
        this.off1 = new double[npk][nq];
        this.dd1 = new double[npk][nq];
        this.off2 = new double[npk][nq];
        this.dd2 = new double[npk][nq];
        this.wq1 = new double[nq];
        this.wq2 = new double[nq];
        this.c2s = new double[npk];
        this.dc2s = new double[npk];
        this.has2 = new boolean[npk];
    }

    /** Sum over the quadrature nodes of the symmetric profile's value and derivatives into {@code acc}. */
    private void asymmetric(double u, double w, double eta, double[] off, double[] dd, double[] wq, double[] acc) {
        acc[0] = 0;
        acc[1] = 0;
        acc[2] = 0;
        acc[3] = 0;
        for (int q = 0; q < wq.length; q++) {
            profile.derivatives(u - off[q], w, eta, buf);
            acc[0] += wq[q] * buf[0];
            acc[1] += wq[q] * buf[1] * dd[q];
            acc[2] += wq[q] * buf[2];
            acc[3] += wq[q] * buf[3];
        }
    }

    @Override
    public Pair<RealVector, RealMatrix> value(RealVector point) {
        double[] p = point.toArray();
        double[] f = new double[x.length];
        double[][] jac = new double[x.length][p.length];
        evaluate(p, f, jac, true);
        return new Pair<>(new ArrayRealVector(f, false), new Array2DRowRealMatrix(jac, false));
    }

    /** Fills f (model, divided by sigma when {@code weighted}) and, if non-null, the Jacobian. */
    void evaluate(double[] p, double[] f, double[][] jac, boolean weighted) {
        int m = x.length;
        boolean asym = axial.isAsymmetric();
        for (int k = 0; k < npk; k++) {
            double c = p[nb + k * per];
            has2[k] = false;
            if (doublet) {
                double half = Math.toRadians(c) / 2;
                double sin2 = lamRatio * Math.sin(half);
                if (sin2 < 1) {
                    has2[k] = true;
                    c2s[k] = 2 * Math.toDegrees(Math.asin(sin2));
                    dc2s[k] = lamRatio * Math.cos(half) / Math.sqrt(1 - sin2 * sin2);
                }
            }
            if (asym) {
                axial.nodes(rule, c, off1[k], dd1[k], wq1);
                if (has2[k]) {
                    axial.nodes(rule, c2s[k], off2[k], dd2[k], wq2);
                }
            }
        }
        double[] acc = new double[4];
        for (int i = 0; i < m; i++) {
            double dx = x[i] - xm;
            double v = 0;
            double pw = 1;
            for (int j = 0; j < nb; j++) {
                v += p[j] * pw;
                if (jac != null) {
                    jac[i][j] = pw;
                }
                pw *= dx;
            }
            for (int k = 0; k < npk; k++) {
                int base = nb + k * per;
                double c = p[base];
                double w = p[base + 1];
                double a = p[base + 2];
                double eta = per == 4 ? p[base + 3] : 0;
                double[] d1 = buf;
                if (asym) {
                    asymmetric(x[i] - c, w, eta, off1[k], dd1[k], wq1, acc);
                    d1 = acc;
                } else {
                    profile.derivatives(x[i] - c, w, eta, buf);
                }
                double sv = d1[0];
                double sc = d1[1];
                double sw = d1[2];
                double se = d1[3];
                if (has2[k]) {
                    double c2 = c2s[k];
                    double dc2 = dc2s[k];
                    double[] d2 = buf;
                    if (asym) {
                        asymmetric(x[i] - c2, w, eta, off2[k], dd2[k], wq2, acc);
                        d2 = acc;
                    } else {
                        profile.derivatives(x[i] - c2, w, eta, buf);
                    }
                    sv += ratio * d2[0];
                    sc += ratio * d2[1] * dc2;
                    sw += ratio * d2[2];
                    se += ratio * d2[3];
                }
                v += a * sv;
                if (jac != null) {
                    jac[i][base] = a * sc;
                    jac[i][base + 1] = a * sw;
                    jac[i][base + 2] = sv;
                    if (per == 4) {
                        jac[i][base + 3] = a * se;
                    }
                }
            }
            double inv = weighted ? 1.0 / s[i] : 1.0;
            f[i] = v * inv;
            if (jac != null && weighted) {
                for (int j = 0; j < jac[i].length; j++) {
                    jac[i][j] *= inv;
                }
            }
        }
    }
}
