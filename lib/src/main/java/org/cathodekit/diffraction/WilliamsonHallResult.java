package org.cathodekit.diffraction;

import java.util.List;

/**
 * Williamson-Hall fit (paper C, eq. 4).
 *
 * @param sizeNm            crystallite size D = 1/intercept (nm); NaN when the intercept is <= 0
 *                          (size broadening not resolved)
 * @param sizeStderrNm      its standard error (propagated from the intercept)
 * @param strain            microstrain eps of eq. 4 = the slope itself (dimensionless; the 4 of eq. 4 is on the x axis)
 * @param strainStderr      its standard error
 * @param intercept         intercept 1/D (1/A) of y = beta cos(theta)/(K lambda) (1/A) vs x = 4 sin(theta)/(K lambda) (1/A)
 * @param interceptStderr   its standard error
 * @param slope             slope (dimensionless) = eps
 * @param slopeStderr       its standard error
 * @param r2                coefficient of determination of the line
 * @param k                 Scherrer constant used
 * @param wavelengthA       wavelength used (A; K-alpha1 when the data hold a doublet)
 * @param correction        instrument-width rule applied
 * @param instrument        instrument function removed
 * @param points            the peaks used (unmodifiable)
 * @param fits              the profile fits of all requested peaks, failed ones included (unmodifiable; empty when
 *                          widths were given directly)
 */
public record WilliamsonHallResult(double sizeNm, double sizeStderrNm, double strain, double strainStderr, double intercept,
        double interceptStderr, double slope, double slopeStderr, double r2, double k, double wavelengthA,
        BroadeningCorrection correction, InstrumentFunction instrument, List<WhPoint> points, List<PeakResult> fits) {

    public WilliamsonHallResult {
        points = List.copyOf(points);
        fits = List.copyOf(fits);
    }
}
