package org.cathodekit.thermal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class OxygenLossTest {
    static final ChemicalFormula NMC = ChemicalFormula.parse("Li0.3Ni0.8Mn0.1Co0.1O2");

    /**
     * 1e-6 O per formula unit is a relative mass error of 1e-6 * 15.999 / 92.42 = 1.7e-7, about 60x below
     * the resolution of a microbalance (0.1 ug on a 10 mg sample, 1e-5): far below anything measurable,
     * yet it catches a wrong reference mass, molar mass or interpolation (errors of 1e-3 and more). 150
     * and 290 C are sample points of the noise-free curve, so only floating-point rounding remains
     * (about 1e-8 observed).
     */
    static final double O_TOL_PER_FU = 1e-6;

    /** delta = (dm/m) M/M(O): 1 % of 92.4218437 g/mol is 0.924218 g/mol, i.e. 0.0577673 O (15.999 g/mol). */
    @Test
    void deltaByHand() {
        assertEquals(0.924218437 / 15.999, OxygenLoss.deltaO(0.01, NMC, 0), 1e-9);
        assertEquals(0.924218437 / 15.999 / 0.9, OxygenLoss.deltaO(0.01, NMC, 0.1), 1e-9);
        assertEquals(0.0, OxygenLoss.deltaO(0, NMC, 0), 0);
        assertThrows(IllegalArgumentException.class, () -> OxygenLoss.deltaO(0.01, NMC, 1.0));
    }

    /** Oxygen curve of the noise-free synthetic rod, reference 150 C, against the model's mass ratio. */
    @Test
    void curveFollowsModelMassRatio() {
        SyntheticTga.Model m = SyntheticTga.ROD.withNoise(0, 0);
        TgaResult r = Tga.analyze(SyntheticTga.generate(m, 1), TgaOptions.DEFAULTS.withReferenceTemperatureC(150));
        OxygenCurve oc = OxygenLoss.curve(r, NMC, 0.0);
        assertEquals(2.0, oc.oxygenAt(150), 1e-9);
        double ratio = SyntheticTga.massPct(m, 290) / SyntheticTga.massPct(m, 150);
        double expected = 2.0 - (1 - ratio) * NMC.molarMassGPerMol() / 15.999;
        assertEquals(expected, oc.oxygenAt(290), O_TOL_PER_FU);
        OxygenCurve withBinder = OxygenLoss.curve(r, NMC, 0.1);
        assertEquals(oc.deltaOAt(290) / 0.9, withBinder.deltaOAt(290), 1e-9);
        assertThrows(IllegalArgumentException.class, () -> OxygenLoss.curve(r, ChemicalFormula.parse("LiNi"), 0));
    }
}
