package org.cathodekit.diffraction;

/**
 * One fitted peak (K-alpha1 component when fitted as a doublet). Failed fits carry NaN numbers
 * and a status and message.
 *
 * @param requestedDeg       the position asked for (deg 2-theta)
 * @param status             fit outcome
 * @param twoThetaDeg        fitted centre (deg)
 * @param twoThetaStderrDeg  its standard error
 * @param fwhmDeg            fitted FWHM (deg), instrument included
 * @param fwhmStderrDeg      its standard error
 * @param fwhmRad            the same FWHM in radians (the observed beta)
 * @param area               integrated area of the K-alpha1 component (intensity x deg)
 * @param areaStderr         its standard error
 * @param height             peak height above background (intensity)
 * @param eta                pseudo-Voigt mixing (1 for Lorentzian, 0 for Gaussian)
 * @param windowR2           coefficient of determination of the whole window fit
 * @param windowLoDeg        window start
 * @param windowHiDeg        window end
 * @param peaksInWindow      number of peaks fitted together
 * @param background0        fitted background of the window at its centre (intensity)
 * @param background1        its slope (intensity/deg)
 * @param background2        its curvature (intensity/deg^2; 0 below order 2)
 * @param windowCentreDeg    the window centre the background polynomial refers to
 * @param message            what went wrong, or empty
 */
public record PeakResult(double requestedDeg, FitStatus status, double twoThetaDeg, double twoThetaStderrDeg, double fwhmDeg,
        double fwhmStderrDeg, double fwhmRad, double area, double areaStderr, double height, double eta, double windowR2,
        double windowLoDeg, double windowHiDeg, int peaksInWindow, double background0, double background1, double background2,
        double windowCentreDeg, String message) {

    static PeakResult failed(double requested, FitStatus status, double lo, double hi, int n, String message) {
        double nan = Double.NaN;
        return new PeakResult(requested, status, nan, nan, nan, nan, nan, nan, nan, nan, nan, nan, lo, hi, n, nan, nan, nan, nan, message);
    }

    /** @return the window background at 2-theta {@code x} (deg); NaN for failed fits. */
    public double backgroundAt(double x) {
        double d = x - windowCentreDeg;
        return background0 + background1 * d + background2 * d * d;
    }
}
