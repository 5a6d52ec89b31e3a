package org.cathodekit.cycling;

/** Sample geometry of a four-point-probe measurement (paper C, eq. 3). */
public enum ProbeGeometry {
    /**
     * Thin film on an insulating substrate, collinear equally spaced probes, thickness t much smaller than
     * the probe spacing: {@code rho = (pi t / ln 2) (V / I)} (paper C eq. 3; Smits, Bell Syst. Tech. J. 37,
     * 711 (1958), the infinite-sheet limit).
     */
    THIN_FILM,
    /**
     * Pellet (bar) with width w, length L and thickness t: {@code rho = (w L / t) (V / I)} as written in
     * paper C (eq. 3); the factor w L / t has the unit of length, so rho is in ohm m.
     */
    PELLET
}
