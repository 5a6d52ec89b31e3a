package org.cathodekit.synthetic;

/** Shape of the white-line peak, unit height at its centre, width given as FWHM w. */
public enum PeakProfile {
    /** {@code 1 / (1 + (2 (E - Ec) / w)^2)}. */
    LORENTZIAN,
    /** {@code exp(-4 ln 2 ((E - Ec) / w)^2)}. */
    GAUSSIAN;

    /** @return the profile value at {@code t = (E - Ec) / fwhm} */
    public double value(double t) {
        return this == LORENTZIAN ? 1.0 / (1.0 + 4.0 * t * t) : Math.exp(-4.0 * Math.log(2) * t * t);
    }
}
