package org.cathodekit.diffraction;

/** Outcome of one peak fit; failures are reported per peak and never stop a series. */
public enum FitStatus {
    /** Converged with the peak inside its window and a positive width and area. */
    OK,
    /** The window holds no peak above the noise (signal-to-noise below the option's threshold). */
    NO_PEAK,
    /** Levenberg-Marquardt did not converge within the iteration limit. */
    NOT_CONVERGED,
    /** Converged to a bound (centre at the window edge, width at its limit): not a trustworthy peak. */
    AT_BOUND,
    /** The window holds too few points for the number of parameters. */
    TOO_FEW_POINTS;

    /** @return whether the peak can be used downstream. */
    public boolean ok() {
        return this == OK;
    }
}
