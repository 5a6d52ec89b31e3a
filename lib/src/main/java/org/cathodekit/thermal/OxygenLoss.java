package org.cathodekit.thermal;

import org.cathodekit.core.Checks;

/**
 * Oxygen bookkeeping of a TGA curve, assuming (as paper B does for its delithiated powders) that
 * all mass lost after the reference temperature is oxygen released by the oxide:
 *
 * <pre>
 *   delta(T) = (dm(T) / m_active) * M(formula) / M(O),   m_active = (1 - f_inactive) m_ref
 *   O(T)     = n_O(formula) - delta(T)
 * </pre>
 *
 * with {@code dm = m_ref - m(T)}, {@code M} molar masses from {@link ChemicalFormula} (CIAAW 2021)
 * and {@code f_inactive} the mass fraction of binder/carbon in the sample that loses no oxygen. In
 * mass-% terms {@code dm/m_ref = (100 - M%(T))/100}. Valid while the loss is oxygen only (no
 * carbonate, water or electrolyte residue above the reference temperature); a mass gain gives a
 * negative delta.
 */
public final class OxygenLoss {
    private OxygenLoss() {
    }

    /**
     * Oxygen per formula unit lost for a fractional mass loss.
     *
     * @param massLossFraction     {@code dm/m_ref} (0.01 for 1 %)
     * @param formula              the formula of the material at the reference state
     * @param inactiveMassFraction binder/carbon mass fraction in [0, 1)
     * @return delta, O atoms per formula unit
     */
    public static double deltaO(double massLossFraction, ChemicalFormula formula, double inactiveMassFraction) {
        Checks.requireFinite(massLossFraction, "massLossFraction");
        checkInactive(inactiveMassFraction);
        return massLossFraction / (1.0 - inactiveMassFraction) * formula.molarMassGPerMol()
                / ChemicalFormula.atomicWeight("O");
    }

    private static void checkInactive(double f) {
        if (!(f >= 0 && f < 1)) {
            throw new IllegalArgumentException("inactiveMassFraction must lie in [0, 1), got " + f);
        }
    }

    /**
     * The curve of oxygen per formula unit vs temperature for an analysed thermogram (mass % relative
     * to the result's reference mass).
     *
     * @param result               an analysed curve (not modified)
     * @param formula              formula at the reference state; must contain O
     * @param inactiveMassFraction binder/carbon mass fraction in [0, 1)
     */
    public static OxygenCurve curve(TgaResult result, ChemicalFormula formula, double inactiveMassFraction) {
        checkInactive(inactiveMassFraction);
        double nO = formula.amountOf("O");
        if (!(nO > 0)) {
            throw new IllegalArgumentException("formula '" + formula.text() + "' contains no oxygen; expected an oxide such as "
                    + "Li0.3Ni0.8Mn0.1Co0.1O2");
        }
        double[] t = result.temperatureC();
        double[] pct = result.massPct();
        double[] delta = new double[t.length];
        double[] o = new double[t.length];
        for (int i = 0; i < t.length; i++) {
            delta[i] = deltaO((100.0 - pct[i]) / 100.0, formula, inactiveMassFraction);
            o[i] = nO - delta[i];
        }
        return new OxygenCurve(formula.text(), formula.molarMassGPerMol(), nO, inactiveMassFraction,
                result.referenceTemperatureC(), t, delta, o);
    }
}
