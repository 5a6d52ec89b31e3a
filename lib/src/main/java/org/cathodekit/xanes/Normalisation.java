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
     * {@code J = post(E_ref) - pre(E_ref)} at the reference energy {@link EdgeOptions#resolvedEdgeReferenceEv()}
     * (no flattening). This is the "norm" of Larch's {@code pre_edge} / Athena (edge step at e0;
     * B. Ravel and M. Newville, J. Synchrotron Rad. 12, 537-541 (2005); M. Newville, J. Phys.: Conf.
     * Ser. 430, 012007 (2013)), except that {@code post(E)} here is a straight line (Larch's
     * default is a quadratic post-edge, {@code nnorm} 2 or 3) and {@code E_ref} is user-given or the
     * edge-window middle rather than Larch's e0 (maximum of the derivative). Above the edge the
     * normalised spectrum follows the post-edge slope ({@code n != 1} away from {@code E_ref}), so
     * edge50 differs from {@link #PRE_POST_LINES} when the post-edge line is sloped.
     */
    CONSTANT_STEP
}
