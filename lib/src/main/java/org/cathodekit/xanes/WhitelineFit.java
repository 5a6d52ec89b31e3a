package org.cathodekit.xanes;

/**
 * The model fitted (linear least squares) to the raw {@code mu(E)} inside the white-line window;
 * the white-line energy is the model's maximum inside the window ({@link #GAUSSIAN} fits {@code ln mu}).
 *
 * <p>All fits use the centred, scaled variable {@code t = (E - E_c) / h}, with {@code E_c} the
 * window middle and {@code h} its half width, so the normal equations stay well conditioned at
 * 8 keV. The fit weights depend only on the energy grid and are computed once per map.
 */
public enum WhitelineFit {
    /**
     * {@code mu ~ c0 + c1 t + c2 t^2}; white line at the vertex {@code t* = -c1 / (2 c2)}. Rejected
     * (NaN, status {@link VoxelStatus#BAD_FIT}) when {@code c2 >= 0} (opens upward: a minimum, not
     * a peak) or when the vertex falls outside the window. Needs at least 3 energies in the window.
     * This is the "polynomial vertex" of paper B and the usual choice for paper C's 8340-8360 eV scans.
     */
    QUADRATIC(3),
    /**
     * Parabola around the highest measured point: {@code i* = argmax mu} inside the white-line
     * window; a least-squares parabola (as {@link #QUADRATIC}) over the energies within
     * {@link EdgeOptions#peakHalfWidthEv()} of {@code E_i*}; white line at its vertex. Rejected when
     * {@code i*} is the first or last energy of the window (no peak inside), when the sub-window holds
     * fewer than 3 energies, the parabola opens upward, or its vertex leaves the sub-window. Unlike a
     * fixed window, the fit follows the peak, so shifts of the white line are not attenuated (a fixed
     * window pulls the vertex toward its middle when the peak is off-centre).
     */
    QUADRATIC_AT_MAXIMUM(3),
    /**
     * {@code mu ~ c0 + c1 t + c2 t^2 + c3 t^3}; white line at the local maximum (root of
     * {@code c1 + 2 c2 t + 3 c3 t^2} with negative second derivative). Rejected when there is no
     * local maximum inside the window. Follows skewed white lines better than the parabola; needs at
     * least 4 energies in the window.
     */
    CUBIC(4),
    /**
     * Gaussian peak by the log-parabola fit (Caruana's algorithm, unweighted; see H. Guo, "A Simple
     * Algorithm for Fitting a Gaussian Function", IEEE Signal Processing Magazine 28(5), 134-137,
     * 2011): a Gaussian {@code A exp(-(E - E_w)^2 / (2 s^2))} is a parabola in {@code ln mu}, so
     * {@code ln mu ~ c0 + c1 t + c2 t^2} is fitted by linear least squares over the window and the
     * white line is the vertex {@code t* = -c1 / (2 c2)}, i.e. the Gaussian centre {@code E_w}
     * (width {@code s = h sqrt(-1 / (2 c2))}). Exact for a noise-free Gaussian without background;
     * the edge step under the white line is not subtracted (no background term), so on raw spectra it
     * is a peak-shape model like the others, not a deconvolution. Rejected (NaN,
     * {@link VoxelStatus#BAD_FIT}) when any {@code mu <= 0} in the window (the logarithm is
     * undefined), when {@code c2 >= 0}, or when the vertex falls outside the window. Needs at least
     * 3 energies in the window.
     */
    GAUSSIAN(3);

    private final int coefficients;

    WhitelineFit(int coefficients) {
        this.coefficients = coefficients;
    }

    /** @return the number of polynomial coefficients (minimum number of energies in the window). */
    public int coefficients() {
        return coefficients;
    }
}
