package org.cathodekit.diffraction;

/**
 * A reflection hkl with its d-spacing and 2-theta for a given lattice and wavelength.
 *
 * @param h           Miller index h
 * @param k           Miller index k
 * @param l           Miller index l
 * @param dA          d-spacing (A)
 * @param twoThetaDeg 2-theta (deg)
 */
public record Reflection(int h, int k, int l, double dA, double twoThetaDeg) {
    /** @return the label, e.g. {@code "003"}, {@code "10-1"}. */
    public String label() {
        return "" + h + k + l;
    }
}
