package org.cathodekit.diffraction;

import org.apache.commons.math3.fitting.leastsquares.MultivariateJacobianFunction;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.RealVector;
import org.apache.commons.math3.util.Pair;

/**
 * The model of one fit window (see {@link PeakFitting}) with its analytic Jacobian, evaluated on
 * primitive arrays. Parameters: background coefficients, then per peak centre, FWHM, area (and eta).
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

    PeakWindowModel(double[] x, double[] s, double xm, int nb, int npk, Profile profile, boolean doublet, double ratio, double lamRatio) {
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
                profile.derivatives(x[i] - c, w, eta, buf);
                double sv = buf[0];
                double sc = buf[1];
                double sw = buf[2];
                double se = buf[3];
                if (doublet) {
                    double half = Math.toRadians(c) / 2;
                    double sin2 = lamRatio * Math.sin(half);
                    if (sin2 < 1) {
                        double c2 = 2 * Math.toDegrees(Math.asin(sin2));
                        double dc2 = lamRatio * Math.cos(half) / Math.sqrt(1 - sin2 * sin2);
                        profile.derivatives(x[i] - c2, w, eta, buf);
                        sv += ratio * buf[0];
                        sc += ratio * buf[1] * dc2;
                        sw += ratio * buf[2];
                        se += ratio * buf[3];
                    }
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
