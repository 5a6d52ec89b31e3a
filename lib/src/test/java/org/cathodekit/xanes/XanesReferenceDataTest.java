package org.cathodekit.xanes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.cathodekit.io.SpectrumFile;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Real spectra from public repositories (../shared/reference-data/xanes, see its README) as
 * oracles. Skipped with a message when the folder is absent (a user's clone has none).
 */
class XanesReferenceDataTest {
    static final Path REF = Path.of(System.getProperty("user.dir")).resolve("../../shared/reference-data/xanes").normalize();

    /** Windows for the xanespy SSRL TXM spectra (8250-8640 eV). */
    static final EdgeOptions NCA = EdgeOptions.DEFAULTS
            .withEdgeWindows(new EnergyWindow(8250, 8325), new EnergyWindow(8400, 8640), new EnergyWindow(8330, 8365))
            .withWhiteline(new EnergyWindow(8346, 8355));

    @BeforeAll
    static void requireData() {
        Assumptions.assumeTrue(Files.isDirectory(REF), "SKIP: real reference spectra not found at " + REF);
    }

    static SpectrumMetrics of(String name, EdgeOptions o) {
        SpectrumFile s = SpectrumFile.read(REF.resolve(name));
        return Xanes.spectrum(s.energiesEv(), s.mu(), o);
    }

    /** xanespy NCA: charging oxidises Ni, the edge moves up by about 1 eV (reference README). */
    @Test
    void xanespyChargedNcaEdgeShiftsUpAboutOneEv() {
        SpectrumMetrics p = of("xanespy_NCA_pristine_xanes.csv", NCA);
        SpectrumMetrics c = of("xanespy_NCA_charged_soc1_xanes.tsv", NCA);
        assertTrue(p.valid() && c.valid(), p + " / " + c);
        double shift = c.edge50Ev() - p.edge50Ev();
        System.out.printf(java.util.Locale.ROOT, "xanespy NCA edge50 pristine %.3f charged %.3f shift %.3f eV; white line %.3f -> %.3f eV%n",
                p.edge50Ev(), c.edge50Ev(), shift, p.whitelineEv(), c.whitelineEv());
        assertEquals(1.0, shift, 0.6, "edge shift on charging");
        // xanespy's own test: direct white line (argmax in 8341-8360 eV) of the pristine spectrum = 8350.0 eV;
        // the fitted parabola vertex lies within one 1 eV grid step of it
        assertEquals(8350.0, p.whitelineEv(), 1.0);
        assertTrue(c.whitelineEv() > p.whitelineEv(), "white line moves up on charging");
    }

    /** pyxas normalised references: Ni3+ (LiNiO2) edge above Ni2+ (NiO); already normalised (jump ~1). */
    @Test
    void pyxasLiNiO2EdgeLiesAboveNiO() {
        EdgeOptions o = EdgeOptions.DEFAULTS.withEdgeWindows(new EnergyWindow(8200, 8320), new EnergyWindow(8450, 9000),
                new EnergyWindow(8330, 8360)).withWhiteline(new EnergyWindow(8343, 8353));
        SpectrumMetrics nio = of("pyxas_ref_NiO.txt", o);
        SpectrumMetrics lno = of("pyxas_ref_LiNiO2.txt", o);
        System.out.printf(java.util.Locale.ROOT, "pyxas edge50 NiO %.3f LiNiO2 %.3f; jumps %.3f %.3f; white line %.3f %.3f%n",
                nio.edge50Ev(), lno.edge50Ev(), nio.edgeJump(), lno.edgeJump(), nio.whitelineEv(), lno.whitelineEv());
        assertTrue(lno.edge50Ev() - nio.edge50Ev() > 0.5 && lno.edge50Ev() - nio.edge50Ev() < 4.0);
        assertEquals(1.0, nio.edgeJump(), 0.15);
        assertEquals(1.0, lno.edgeJump(), 0.15);
        // read from the table: NiO crosses 0.5 between 8340.0 (0.494) and 8340.5 (0.551)
        assertEquals(8340.0, nio.edge50Ev(), 0.6);
    }

    /** Ni foil (larch XDI): the metal edge, nominal 8333 eV (XDI header Scan.edge_energy). */
    @Test
    void larchNiFoilEdgeIsTheMetalEdge() {
        EdgeOptions o = EdgeOptions.DEFAULTS.withEdgeWindows(new EnergyWindow(8150, 8300), new EnergyWindow(8400, 8700),
                new EnergyWindow(8320, 8350)).withWhiteline(null);
        SpectrumMetrics m = of("larch_ni_metal_rt.xdi", o);
        System.out.printf(java.util.Locale.ROOT, "Ni foil edge50 %.3f eV, jump %.3f%n", m.edge50Ev(), m.edgeJump());
        // the half-step of the metal lies above its first inflection point (8333 eV, the nominal E0)
        // but below the Ni2+ oxide's half-step (pyxas NiO: 8340.1 eV)
        assertTrue(m.edge50Ev() > 8333.0 && m.edge50Ev() < 8340.0, "edge50 " + m.edge50Ev());
        assertTrue(m.valid());
    }
}
