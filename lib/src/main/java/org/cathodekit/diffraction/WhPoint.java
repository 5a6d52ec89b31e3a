package org.cathodekit.diffraction;

/**
 * One peak in a Williamson-Hall plot.
 *
 * @param twoThetaDeg       peak centre (deg)
 * @param betaObservedRad   observed FWHM (rad)
 * @param betaInstrumentRad instrument FWHM at this angle (rad)
 * @param betaRad           sample broadening after the correction (rad)
 * @param x                 4 sin(theta) / (K lambda) (1/A)
 * @param y                 beta cos(theta) / (K lambda) (1/A)
 * @param residual          y - (intercept + slope x) (1/A): anisotropic broadening is physical
 * @param scherrerSizeNm    Scherrer size K lambda / (beta cos theta) of this peak alone (nm)
 */
public record WhPoint(double twoThetaDeg, double betaObservedRad, double betaInstrumentRad, double betaRad, double x, double y,
        double residual, double scherrerSizeNm) {
}
