package org.cathodekit.diffraction;

import java.util.ArrayList;
import java.util.List;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.QRDecomposition;
import org.apache.commons.math3.linear.RealVector;
import org.cathodekit.core.DiffractionPattern;
import org.cathodekit.core.XrdWavelength;

/**
 * Instrument broadening as a Caglioti function measured on a standard:
 * {@code FWHM^2 = U tan^2(theta) + V tan(theta) + W} (deg^2; Caglioti, Paoletti and Ricci, Nucl.
 * Instrum. 3, 223 (1958)), fitted by linear least squares to the FWHMs of the standard's peaks.
 * The same profile shape must be used for the standard and the sample so that the width removal
 * rule ({@link BroadeningCorrection}) is consistent.
 *
 * @param uDeg2        U (deg^2)
 * @param vDeg2        V (deg^2)
 * @param wDeg2        W (deg^2)
 * @param profile      profile the standard was fitted with
 * @param r2           R^2 of the Caglioti fit to the standard's FWHM^2 (NaN for {@link #NONE})
 * @param source       what it was measured on
 * @param standardPeaks the standard's fitted peaks that were used (unmodifiable)
 */
public record InstrumentFunction(double uDeg2, double vDeg2, double wDeg2, Profile profile, double r2, String source,
        List<PeakResult> standardPeaks) {

    /** No instrument broadening (zero width everywhere). */
    public static final InstrumentFunction NONE = new InstrumentFunction(0, 0, 0, Profile.LORENTZIAN, Double.NaN, "none", List.of());

    public InstrumentFunction {
        standardPeaks = List.copyOf(standardPeaks);
    }

    /** @return whether this is {@link #NONE}. */
    public boolean isNone() {
        return uDeg2 == 0 && vDeg2 == 0 && wDeg2 == 0;
    }

    /** @return the instrument FWHM (deg) at 2-theta (deg); 0 where the quadratic is negative. */
    public double fwhmDeg(double twoThetaDeg) {
        double t = Math.tan(Math.toRadians(twoThetaDeg) / 2);
        double f2 = uDeg2 * t * t + vDeg2 * t + wDeg2;
        return f2 > 0 ? Math.sqrt(f2) : 0;
    }

    /**
     * Fits U, V, W to measured widths.
     *
     * @throws IllegalArgumentException with fewer than 3 peaks
     */
    public static InstrumentFunction fitCaglioti(double[] twoThetaDeg, double[] fwhmDeg, Profile profile, String source,
            List<PeakResult> peaks) {
        int n = twoThetaDeg.length;
        if (n < 3) {
            throw new IllegalArgumentException("the Caglioti fit needs at least 3 standard peaks, got " + n + " (" + source + ")");
        }
        double[][] a = new double[n][3];
        double[] b = new double[n];
        double mean = 0;
        for (int i = 0; i < n; i++) {
            double t = Math.tan(Math.toRadians(twoThetaDeg[i]) / 2);
            a[i][0] = t * t;
            a[i][1] = t;
            a[i][2] = 1;
            b[i] = fwhmDeg[i] * fwhmDeg[i];
            mean += b[i] / n;
        }
        RealVector sol = new QRDecomposition(new Array2DRowRealMatrix(a, false)).getSolver().solve(new ArrayRealVector(b, false));
        double rss = 0;
        double tss = 0;
        for (int i = 0; i < n; i++) {
            double f = sol.getEntry(0) * a[i][0] + sol.getEntry(1) * a[i][1] + sol.getEntry(2);
            rss += (b[i] - f) * (b[i] - f);
            tss += (b[i] - mean) * (b[i] - mean);
        }
        return new InstrumentFunction(sol.getEntry(0), sol.getEntry(1), sol.getEntry(2), profile, tss > 0 ? 1 - rss / tss : Double.NaN,
                source, peaks);
    }

    /**
     * Measures the instrument function on a standard pattern: the standard's reflections from its
     * certified lattice parameter, profile fits there (search radius covers a zero shift), Caglioti fit
     * to the peaks that fitted.
     *
     * @param minTwoThetaDeg, maxTwoThetaDeg range of reflections used
     */
    public static InstrumentFunction fromStandard(DiffractionPattern standard, StandardMaterial material, PeakFitOptions options,
            double minTwoThetaDeg, double maxTwoThetaDeg) {
        XrdWavelength wl = standard.requireWavelength();
        double[] x = standard.twoThetaDeg();
        double lo = Math.max(minTwoThetaDeg, x[0] + options.windowHalfWidthDeg());
        double hi = Math.min(maxTwoThetaDeg, x[x.length - 1] - options.windowHalfWidthDeg());
        List<Reflection> refl = material.system().reflections(material.certifiedAA(), Double.NaN, wl.alpha1A(), lo, hi);
        double[] c = refl.stream().mapToDouble(Reflection::twoThetaDeg).toArray();
        List<PeakResult> fits = PeakFitting.fit(standard, c, options);
        List<PeakResult> ok = new ArrayList<>();
        for (PeakResult r : fits) {
            if (r.status().ok()) {
                ok.add(r);
            }
        }
        double[] tt = ok.stream().mapToDouble(PeakResult::twoThetaDeg).toArray();
        double[] fw = ok.stream().mapToDouble(PeakResult::fwhmDeg).toArray();
        return fitCaglioti(tt, fw, options.profile(), material + " " + standard.describeSource() + ", " + ok.size() + " of "
                + fits.size() + " reflections fitted", ok);
    }
}
