package org.cathodekit.thermal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Molar masses against sums written out by hand from the CIAAW 2021 standard atomic weights
 * (Prohaska et al., Pure Appl. Chem. 94, 573 (2022); conventional values Li 6.94, O 15.999, H 1.008):
 * Ni 58.6934, Co 58.933194, Mn 54.938043, Al 26.9815384, Ca 40.078.
 */
class ChemicalFormulaTest {

    @Test
    void delithiatedNmc811() {
        ChemicalFormula f = ChemicalFormula.parse("Li0.3Ni0.8Mn0.1Co0.1O2");
        double hand = 0.3 * 6.94 + 0.8 * 58.6934 + 0.1 * 54.938043 + 0.1 * 58.933194 + 2 * 15.999;
        assertEquals(92.4218437, hand, 1e-7);
        assertEquals(hand, f.molarMassGPerMol(), 1e-9);
        assertEquals(2.0, f.amountOf("O"), 0);
        assertEquals(0.3, f.amountOf("Li"), 0);
    }

    /** Published molar masses: LiCoO2 97.87 g/mol (supplier data sheets), Al2O3 101.96 g/mol, H2O 18.015 g/mol. */
    @Test
    void familiarCompounds() {
        assertEquals(97.87, ChemicalFormula.parse("LiCoO2").molarMassGPerMol(), 0.005);
        assertEquals(101.96, ChemicalFormula.parse("Al2O3").molarMassGPerMol(), 0.005);
        assertEquals(18.015, ChemicalFormula.parse("H2O").molarMassGPerMol(), 0.0005);
        assertEquals(40.078 + 2 * (15.999 + 1.008), ChemicalFormula.parse("Ca(OH)2").molarMassGPerMol(), 1e-9);
    }

    @Test
    void groupsAndBrackets() {
        ChemicalFormula nca = ChemicalFormula.parse("Li(Ni0.8Co0.15Al0.05)O2");
        assertEquals(6.94 + 0.8 * 58.6934 + 0.15 * 58.933194 + 0.05 * 26.9815384 + 2 * 15.999, nca.molarMassGPerMol(), 1e-9);
        ChemicalFormula lr = ChemicalFormula.parse("Li1.2[Ni0.2Mn0.6]O2");
        assertEquals(0.6, lr.amountOf("Mn"), 1e-12);
        ChemicalFormula nested = ChemicalFormula.parse("Li(Ni(CoO)2)3");
        assertEquals(6.0, nested.amountOf("Co"), 1e-12);
        assertEquals(6.0, nested.amountOf("O"), 1e-12);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "Li0.3Xx0.8O2", "li0.3NiO2", "Li(NiO2", "LiNiO2)", "Li0..3NiO2", "Li-1O2", "Li()O2",
            "Li0.3 Ni0.8", "Li[Ni0.8)O2", "LiNi0O2"})
    void malformedFormulasAreRejectedWithPosition(String bad) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ChemicalFormula.parse(bad));
        assertTrue(e.getMessage().contains("formula"), e.getMessage());
        assertTrue(e.getMessage().contains("expected"), e.getMessage());
    }
}
