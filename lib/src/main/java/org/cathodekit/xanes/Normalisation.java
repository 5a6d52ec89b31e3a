package org.cathodekit.xanes;

/**
 * How a spectrum {@code mu(E)} is normalised before the half-step edge energy is read.
 * {@code pre(E)} and {@code post(E)} are the least-squares lines over the pre- and post-edge windows.
 */
public enum Normalisation {
    /**
     * Energy-dependent two-line normalisation (paper A, Methods: "pre-edge set to 0, post-edge set
     * to 1"): {@code n(E) = (mu(E) - pre(E)) / (post(E) - pre(E))}. Where
     * {@code post(E) - pre(E) <= 0} the normalised value is undefined (NaN) and no crossing is read
     * through it.
     */
    PRE_POST_LINES,
    /**
     * Larch/Athena-style constant step: {@code n(E) = (mu(E) - pre(E)) / J}, with the edge jump
     * {@code J = post(E_ref) - pre(E_ref)} at the reference energy (no flattening).
     */
    CONSTANT_STEP
}
