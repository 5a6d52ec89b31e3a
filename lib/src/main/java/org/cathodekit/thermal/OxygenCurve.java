package org.cathodekit.thermal;

/**
 * Oxygen content vs temperature from {@link OxygenLoss#curve}. Arrays are copied in and out.
 *
 * @param formula                the formula at the reference state
 * @param molarMassGPerMol       its molar mass (CIAAW 2021 atomic weights)
 * @param oxygenInFormula        O per formula unit at the reference state
 * @param inactiveMassFraction   binder/carbon mass fraction assumed
 * @param referenceTemperatureC  temperature of the reference mass (delta = 0 there)
 * @param temperatureC           temperatures (C)
 * @param deltaOPerFu            oxygen lost per formula unit
 * @param oxygenPerFu            oxygen remaining per formula unit
 */
public record OxygenCurve(String formula, double molarMassGPerMol, double oxygenInFormula,
        double inactiveMassFraction, double referenceTemperatureC, double[] temperatureC, double[] deltaOPerFu,
        double[] oxygenPerFu) {

    public OxygenCurve {
        temperatureC = temperatureC.clone();
        deltaOPerFu = deltaOPerFu.clone();
        oxygenPerFu = oxygenPerFu.clone();
    }

    @Override
    public double[] temperatureC() {
        return temperatureC.clone();
    }

    @Override
    public double[] deltaOPerFu() {
        return deltaOPerFu.clone();
    }

    @Override
    public double[] oxygenPerFu() {
        return oxygenPerFu.clone();
    }

    /** @return oxygen lost per formula unit at {@code tC} (linear interpolation). */
    public double deltaOAt(double tC) {
        return TgaMath.interpolateAtTemperature(temperatureC, deltaOPerFu, tC, "temperature");
    }

    /** @return oxygen remaining per formula unit at {@code tC}. */
    public double oxygenAt(double tC) {
        return oxygenInFormula - deltaOAt(tC);
    }
}
