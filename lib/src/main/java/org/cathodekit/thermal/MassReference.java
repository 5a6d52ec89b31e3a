package org.cathodekit.thermal;

/** Which mass is 100 % in the mass-% curve. */
public enum MassReference {
    /** The (smoothed) mass at the first point of the curve. */
    INITIAL_MASS,
    /**
     * The (smoothed) mass interpolated at {@link TgaOptions#referenceTemperatureC()}, e.g. 150 C
     * after adsorbed water and surface species have left, so that the mass % describes the
     * oxide alone.
     */
    MASS_AT_TEMPERATURE
}
