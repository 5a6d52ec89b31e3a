package org.cathodekit.cycling;

import org.cathodekit.core.Checks;

/**
 * One four-point-probe reading in SI units.
 *
 * @param sample     a label
 * @param geometry   thin film or pellet
 * @param voltageV   voltage between the inner probes [V] (positive)
 * @param currentA   current through the outer probes [A] (positive)
 * @param thicknessM thickness t [m]
 * @param widthM     width w [m] (pellet only; NaN for a thin film)
 * @param lengthM    length L [m] (pellet only; NaN for a thin film)
 */
public record ProbeMeasurement(String sample, ProbeGeometry geometry, double voltageV, double currentA,
        double thicknessM, double widthM, double lengthM) {

    public ProbeMeasurement {
        if (geometry == null) {
            throw new IllegalArgumentException("geometry must be thin_film or pellet");
        }
        Checks.requirePositive(voltageV, "voltage [V] of " + sample);
        Checks.requirePositive(currentA, "current [A] of " + sample);
        Checks.requirePositive(thicknessM, "thickness [m] of " + sample);
        if (geometry == ProbeGeometry.PELLET) {
            Checks.requirePositive(widthM, "width [m] of pellet " + sample);
            Checks.requirePositive(lengthM, "length [m] of pellet " + sample);
        }
    }

    /** A thin film. */
    public static ProbeMeasurement thinFilm(String sample, double voltageV, double currentA, double thicknessM) {
        return new ProbeMeasurement(sample, ProbeGeometry.THIN_FILM, voltageV, currentA, thicknessM, Double.NaN,
                Double.NaN);
    }

    /** A pellet. */
    public static ProbeMeasurement pellet(String sample, double voltageV, double currentA, double thicknessM,
            double widthM, double lengthM) {
        return new ProbeMeasurement(sample, ProbeGeometry.PELLET, voltageV, currentA, thicknessM, widthM, lengthM);
    }
}
