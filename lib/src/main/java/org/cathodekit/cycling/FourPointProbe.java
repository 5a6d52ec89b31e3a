package org.cathodekit.cycling;

import java.util.List;

/**
 * Four-point-probe resistivity and conductivity (paper C, eq. 3):
 * {@code rho = (pi t / ln 2)(V / I)} for a thin film, {@code rho = (w L / t)(V / I)} for a pellet,
 * {@code sigma = 1 / rho}. All inputs in SI units ({@link ProbeMeasurement}); unit conversion from a
 * table happens in {@link ProbeTable}.
 */
public final class FourPointProbe {
    private FourPointProbe() {
    }

    /** @return rho and sigma of one measurement. */
    public static ProbeResult of(ProbeMeasurement m) {
        double r = m.voltageV() / m.currentA();
        double g = switch (m.geometry()) {
            case THIN_FILM -> Math.PI * m.thicknessM() / Math.log(2);
            case PELLET -> m.widthM() * m.lengthM() / m.thicknessM();
        };
        double rho = g * r;
        return new ProbeResult(m, r, g, rho, 1 / rho);
    }

    /** @return one result per measurement, in order. */
    public static List<ProbeResult> of(List<ProbeMeasurement> ms) {
        return ms.stream().map(FourPointProbe::of).toList();
    }
}
