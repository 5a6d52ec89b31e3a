package org.cathodekit.diffraction;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.cathodekit.core.Checks;
import org.cathodekit.core.DiffractionPattern;
import org.cathodekit.core.XrdWavelength;

/**
 * Williamson-Hall size/strain analysis exactly as paper C, eq. 4:
 *
 * <pre>
 *   beta cos(theta) / (K lambda) = 1/D + eps * 4 sin(theta) / (K lambda)
 * </pre>
 *
 * <ul>
 *   <li>{@code beta} (rad): the sample FWHM of the Lorentzian-fitted peak (the paper's profile; Gaussian
 *       and pseudo-Voigt are options) after removal of the instrument FWHM at the same angle by the rule
 *       consistent with the profile ({@link BroadeningCorrection}: linear for Lorentzian);</li>
 *   <li>{@code theta} (rad): half the fitted K-alpha1 peak position 2-theta;</li>
 *   <li>{@code K} (dimensionless): Scherrer constant, 0.9 by default as in paper C;</li>
 *   <li>{@code lambda} (A): the K-alpha1 (or monochromatic) wavelength;</li>
 *   <li>{@code D} (A internally, reported in nm): crystallite size; {@code eps} (dimensionless): microstrain.</li>
 * </ul>
 *
 * An ordinary least-squares line {@code y = intercept + slope x} through
 * {@code x = 4 sin(theta)/(K lambda)} (1/A) and {@code y = beta cos(theta)/(K lambda)} (1/A) is then
 * eq. 4 itself: the intercept is {@code 1/D} (1/A) and, because the factor 4 is part of {@code x}, the
 * slope IS {@code eps} (not 4 eps). Hence {@code D = 1/intercept} (A, divided by 10 for nm) and
 * {@code eps = slope}; equivalently {@code beta = K lambda / (D cos theta) + 4 eps tan theta}.
 * Standard errors are the OLS ones ({@code s^2 = RSS/(n-2)}, {@code se(slope) = sqrt(s^2/Sxx)},
 * {@code se(intercept) = sqrt(s^2 (1/n + mean(x)^2/Sxx))}), {@code se(D) = se(intercept)/intercept^2}.
 * Each point also gets its residual (1/A; anisotropic broadening is physical) and its Scherrer size
 * {@code K lambda/(beta cos theta)} (nm).
 *
 * <p>Edge cases: fewer than {@code minPeaks} usable peaks throws {@link IllegalArgumentException}
 * naming the failed peaks; a peak not broader than the instrument is dropped; an intercept <= 0
 * gives {@code sizeNm = NaN} (size broadening below resolution: paper C notes size effects are
 * negligible).
 */
public final class WilliamsonHall {
    private WilliamsonHall() {
    }

    /**
     * W-H line from given observed widths.
     *
     * @param twoThetaDeg     peak centres (deg)
     * @param betaObservedRad observed FWHM (rad)
     * @param lambdaA         wavelength (A)
     * @param instrument      instrument function to remove ({@link InstrumentFunction#NONE} for none)
     */
    public static WilliamsonHallResult fit(double[] twoThetaDeg, double[] betaObservedRad, double lambdaA, InstrumentFunction instrument,
            WilliamsonHallOptions o) {
        return fit(twoThetaDeg, betaObservedRad, lambdaA, instrument, o, List.of());
    }

    static WilliamsonHallResult fit(double[] twoThetaDeg, double[] betaObservedRad, double lambdaA, InstrumentFunction instrument,
            WilliamsonHallOptions o, List<PeakResult> fits) {
        Checks.requirePositive(lambdaA, "wavelength (A)");
        if (twoThetaDeg.length != betaObservedRad.length) {
            throw new IllegalArgumentException(twoThetaDeg.length + " peak positions but " + betaObservedRad.length + " widths");
        }
        BroadeningCorrection corr = instrument.isNone() ? BroadeningCorrection.NONE : o.correction();
        double kl = o.k() * lambdaA;
        List<double[]> rows = new ArrayList<>();
        List<String> dropped = new ArrayList<>();
        for (int i = 0; i < twoThetaDeg.length; i++) {
            double tt = twoThetaDeg[i];
            double b = betaObservedRad[i];
            if (!Double.isFinite(tt) || !Double.isFinite(b) || !(b > 0)) {
                continue;
            }
            double bi = Math.toRadians(instrument.fwhmDeg(tt));
            double beta = corr.apply(b, bi);
            if (!(beta > 0)) {
                dropped.add(String.format(Locale.ROOT, "%.3f deg (FWHM %.4f deg not broader than the instrument %.4f deg)", tt,
                        Math.toDegrees(b), Math.toDegrees(bi)));
                continue;
            }
            double th = Math.toRadians(tt) / 2;
            rows.add(new double[] {tt, b, bi, beta, 4 * Math.sin(th) / kl, beta * Math.cos(th) / kl});
        }
        int n = rows.size();
        if (n < o.minPeaks()) {
            throw new IllegalArgumentException("Williamson-Hall needs at least " + o.minPeaks() + " usable peaks, got " + n
                    + (dropped.isEmpty() ? "" : "; dropped: " + String.join("; ", dropped)));
        }
        double mx = 0;
        double my = 0;
        for (double[] r : rows) {
            mx += r[4] / n;
            my += r[5] / n;
        }
        double sxx = 0;
        double sxy = 0;
        double syy = 0;
        for (double[] r : rows) {
            sxx += (r[4] - mx) * (r[4] - mx);
            sxy += (r[4] - mx) * (r[5] - my);
            syy += (r[5] - my) * (r[5] - my);
        }
        if (!(sxx > 0)) {
            throw new IllegalArgumentException("Williamson-Hall needs peaks at different angles; all " + n + " peaks share one 2-theta");
        }
        double slope = sxy / sxx;
        double icpt = my - slope * mx;
        double rss = 0;
        List<WhPoint> pts = new ArrayList<>(n);
        for (double[] r : rows) {
            double e = r[5] - (icpt + slope * r[4]);
            rss += e * e;
            double th = Math.toRadians(r[0]) / 2;
            pts.add(new WhPoint(r[0], r[1], r[2], r[3], r[4], r[5], e, kl / (r[3] * Math.cos(th)) / 10));
        }
        double s2 = rss / (n - 2);
        double seSlope = Math.sqrt(s2 / sxx);
        double seIcpt = Math.sqrt(s2 * (1.0 / n + mx * mx / sxx));
        double r2 = syy > 0 ? 1 - rss / syy : Double.NaN;
        double size = icpt > 0 ? 1 / icpt / 10 : Double.NaN;
        double seSize = icpt > 0 ? seIcpt / (icpt * icpt) / 10 : Double.NaN;
        return new WilliamsonHallResult(size, seSize, slope, seSlope, icpt, seIcpt, slope, seSlope, r2, o.k(), lambdaA, corr, instrument,
                pts, fits);
    }

    /**
     * Whole workflow on one pattern: profile fits at the requested positions, instrument removal,
     * W-H line. Failed peaks are kept in {@link WilliamsonHallResult#fits()} with their status.
     *
     * @throws IllegalArgumentException when the wavelength is unknown or fewer than {@code minPeaks} peaks fit
     */
    public static WilliamsonHallResult analyse(DiffractionPattern pattern, double[] peaksDeg, PeakFitOptions peakOptions,
            InstrumentFunction instrument, WilliamsonHallOptions o) {
        XrdWavelength wl = pattern.requireWavelength();
        if (peaksDeg.length < o.minPeaks()) {
            throw new IllegalArgumentException("Williamson-Hall needs at least " + o.minPeaks() + " peaks, " + peaksDeg.length + " requested");
        }
        List<PeakResult> fits = PeakFitting.fit(pattern, peaksDeg, peakOptions);
        return fromFits(fits, wl.alpha1A(), instrument, o);
    }

    /** W-H line from profile fits; failed fits are skipped (and named if too few remain). */
    public static WilliamsonHallResult fromFits(List<PeakResult> fits, double lambdaA, InstrumentFunction instrument, WilliamsonHallOptions o) {
        double[] tt = new double[fits.size()];
        double[] b = new double[fits.size()];
        List<String> failed = new ArrayList<>();
        int ok = 0;
        for (int i = 0; i < tt.length; i++) {
            PeakResult r = fits.get(i);
            if (r.status().ok()) {
                tt[i] = r.twoThetaDeg();
                b[i] = r.fwhmRad();
                ok++;
            } else {
                tt[i] = Double.NaN;
                b[i] = Double.NaN;
                failed.add(String.format(Locale.ROOT, "%.3f deg: %s (%s)", r.requestedDeg(), r.status(), r.message()));
            }
        }
        if (ok < o.minPeaks()) {
            throw new IllegalArgumentException("Williamson-Hall needs at least " + o.minPeaks() + " fitted peaks, only " + ok
                    + " of " + fits.size() + " fitted; failed: " + String.join("; ", failed));
        }
        return fit(tt, b, lambdaA, instrument, o, fits);
    }
}
