package org.cathodekit.cycling;

/**
 * Resistivity and conductivity of one {@link ProbeMeasurement}.
 *
 * @param measurement          the input
 * @param resistanceOhm        V / I [ohm]
 * @param geometryFactorM      pi t / ln 2 (thin film) or w L / t (pellet) [m]
 * @param resistivityOhmM      rho [ohm m]
 * @param conductivitySPerM    sigma = 1 / rho [S/m]
 */
public record ProbeResult(ProbeMeasurement measurement, double resistanceOhm, double geometryFactorM,
        double resistivityOhmM, double conductivitySPerM) {

    /** @return rho [ohm cm]. */
    public double resistivityOhmCm() {
        return resistivityOhmM * 100;
    }

    /** @return sigma [S/cm]. */
    public double conductivitySPerCm() {
        return conductivitySPerM / 100;
    }
}
