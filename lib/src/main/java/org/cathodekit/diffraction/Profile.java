package org.cathodekit.diffraction;

/**
 * Peak profile shapes, each normalised to unit area and parametrised by its full width at half
 * maximum {@code w} (degrees 2-theta) at offset {@code u = 2theta - centre}.
 */
public enum Profile {
    /**
     * Lorentzian (Cauchy), the shape used by paper C for Williamson-Hall:
     * {@code L(u) = (2/(pi w)) / (1 + 4 u^2 / w^2)}. Widths of convolved Lorentzians add, so the
     * instrument width is removed linearly ({@link BroadeningCorrection#LINEAR}).
     */
    LORENTZIAN,
    /**
     * Gaussian: {@code G(u) = sqrt(4 ln2 / pi) / w * exp(-4 ln2 u^2 / w^2)}. Variances of convolved
     * Gaussians add, so the instrument width is removed in quadrature
     * ({@link BroadeningCorrection#QUADRATURE}).
     */
    GAUSSIAN,
    /**
     * Pseudo-Voigt with one FWHM for both parts: {@code pV = eta L + (1 - eta) G}, 0 <= eta <= 1 fitted
     * per peak. The instrument width is removed with the parabolic rule
     * ({@link BroadeningCorrection#PARABOLIC}), an approximation between the two limits.
     */
    PSEUDO_VOIGT;

    static final double FOUR_LN2 = 4 * Math.log(2);
    static final double G0 = Math.sqrt(FOUR_LN2 / Math.PI);

    /** @return the instrument-broadening removal rule consistent with this profile. */
    public BroadeningCorrection defaultCorrection() {
        return switch (this) {
            case LORENTZIAN -> BroadeningCorrection.LINEAR;
            case GAUSSIAN -> BroadeningCorrection.QUADRATURE;
            case PSEUDO_VOIGT -> BroadeningCorrection.PARABOLIC;
        };
    }

    /** @return whether the profile has the mixing parameter eta. */
    public boolean hasEta() {
        return this == PSEUDO_VOIGT;
    }

    /** Unit-area profile value at offset {@code u} for FWHM {@code w} (and mixing {@code eta} for pseudo-Voigt). */
    public double value(double u, double w, double eta) {
        return switch (this) {
            case LORENTZIAN -> lorentz(u, w);
            case GAUSSIAN -> gauss(u, w);
            case PSEUDO_VOIGT -> eta * lorentz(u, w) + (1 - eta) * gauss(u, w);
        };
    }

    /** @return peak height / area for FWHM {@code w}: 2/(pi w) (L), sqrt(4ln2/pi)/w (G), mixed (pV). */
    public double heightPerArea(double w, double eta) {
        return value(0, w, eta);
    }

    static double lorentz(double u, double w) {
        double d = w * w + 4 * u * u;
        return 2 * w / (Math.PI * d);
    }

    static double gauss(double u, double w) {
        return G0 / w * Math.exp(-FOUR_LN2 * u * u / (w * w));
    }

    /**
     * Value and partial derivatives at offset u: {@code out[0] = S}, {@code out[1] = dS/dcentre},
     * {@code out[2] = dS/dw}, {@code out[3] = dS/deta}. No allocation.
     */
    void derivatives(double u, double w, double eta, double[] out) {
        double l = 0;
        double lc = 0;
        double lw = 0;
        double g = 0;
        double gc = 0;
        double gw = 0;
        if (this != GAUSSIAN) {
            double d = w * w + 4 * u * u;
            l = 2 * w / (Math.PI * d);
            lc = 16 * w * u / (Math.PI * d * d);
            lw = 2 * (4 * u * u - w * w) / (Math.PI * d * d);
        }
        if (this != LORENTZIAN) {
            g = G0 / w * Math.exp(-FOUR_LN2 * u * u / (w * w));
            gc = g * 2 * FOUR_LN2 * u / (w * w);
            gw = g * (-1 / w + 2 * FOUR_LN2 * u * u / (w * w * w));
        }
        switch (this) {
            case LORENTZIAN -> {
                out[0] = l;
                out[1] = lc;
                out[2] = lw;
                out[3] = 0;
            }
            case GAUSSIAN -> {
                out[0] = g;
                out[1] = gc;
                out[2] = gw;
                out[3] = 0;
            }
            default -> {
                out[0] = eta * l + (1 - eta) * g;
                out[1] = eta * lc + (1 - eta) * gc;
                out[2] = eta * lw + (1 - eta) * gw;
                out[3] = l - g;
            }
        }
    }
}
