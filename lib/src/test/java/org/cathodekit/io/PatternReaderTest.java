package org.cathodekit.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.cathodekit.core.DataFormatException;
import org.cathodekit.core.DiffractionPattern;
import org.cathodekit.core.XrdWavelength;
import org.cathodekit.diffraction.KAlpha2;
import org.cathodekit.diffraction.PeakWeights;
import org.cathodekit.diffraction.Weighting;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Readers against the hand-made fixtures (one Lorentzian peak written in every format; see
 * src/test/resources/org/cathodekit/io/xrd/README.md) and the real LaB6 .xye.
 */
class PatternReaderTest {

    static Path fixture(String name) {
        try {
            return Path.of(PatternReaderTest.class.getResource("xrd/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The intensities every fixture holds: 50 + 100 L(x; 44.40, 0.20), rounded. */
    static double[] expected() {
        double[] y = new double[41];
        for (int i = 0; i < 41; i++) {
            double x = 43.4 + 0.05 * i;
            y[i] = Math.rint(50 + 100 * 2 * 0.2 / (Math.PI * (0.04 + 4 * (x - 44.4) * (x - 44.4))));
        }
        return y;
    }

    static void assertSamePeak(DiffractionPattern p, double tolDeg) {
        assertEquals(41, p.size());
        assertArrayEquals(expected(), p.intensity(), 1e-9);
        double[] tt = p.twoThetaDeg();
        assertEquals(43.40, tt[0], tolDeg);
        assertEquals(45.40, tt[40], tolDeg);
        assertEquals(44.40, tt[20], tolDeg);
    }

    @Test
    void xrdmlStartEndWithDoublet() {
        DiffractionPattern p = PatternReader.read(fixture("handmade_peak.xrdml"));
        assertSamePeak(p, 1e-9);
        XrdWavelength w = p.wavelength().orElseThrow();
        assertEquals(1.5405980, w.alpha1A(), 1e-12);
        assertEquals(1.5444260, w.alpha2A(), 1e-12);
        assertEquals(0.5, w.ratio21(), 1e-12);
        assertTrue(w.origin().contains("usedWavelength"));
        assertEquals("counts", p.intensityUnit());
        assertTrue(p.sigma().isEmpty(), "sigma is only a file's esd column; Poisson weights come from PeakWeights");
        assertEquals(Weighting.POISSON, PeakWeights.resolve(p, Weighting.AUTO, KAlpha2.DOUBLET).weighting());
    }

    @Test
    void xrdmlListPositionsCpsMonochromatic() {
        DiffractionPattern p = PatternReader.read(fixture("handmade_peak_listpositions.xrdml"));
        assertSamePeak(p, 1e-9);
        assertEquals("cps", p.intensityUnit());
        assertFalse(p.wavelength().orElseThrow().hasAlpha2(), "intended K-Alpha 1 is monochromatic");
    }

    /** XRDML wavelengths: nm converted, an unknown unit or an impossible value refused with the element named. */
    @Test
    void xrdmlWavelengthUnits(@TempDir Path dir) throws IOException {
        String x = Files.readString(fixture("handmade_peak.xrdml"));
        Path nm = Files.writeString(dir.resolve("nm.xrdml"), x.replace("<kAlpha1 unit=\"Angstrom\">1.5405980", "<kAlpha1 unit=\"nm\">0.15405980")
                .replace("<kAlpha2 unit=\"Angstrom\">1.5444260", "<kAlpha2 unit=\"nm\">0.15444260"));
        XrdWavelength w = PatternReader.read(nm).wavelength().orElseThrow();
        assertEquals(1.5405980, w.alpha1A(), 1e-12);
        assertEquals(1.5444260, w.alpha2A(), 1e-12);
        Path pm = Files.writeString(dir.resolve("pm.xrdml"), x.replace("<kAlpha1 unit=\"Angstrom\">", "<kAlpha1 unit=\"pm\">"));
        DataFormatException e = assertThrows(DataFormatException.class, () -> PatternReader.read(pm));
        assertTrue(e.getMessage().contains("pm.xrdml") && e.location().contains("kAlpha1 unit=\"pm\""), e.getMessage());
        Path swapped = Files.writeString(dir.resolve("swapped.xrdml"), x.replace(">1.5444260<", ">1.5300000<"));
        DataFormatException s = assertThrows(DataFormatException.class, () -> PatternReader.read(swapped));
        assertEquals("<usedWavelength>", s.location(), s.getMessage());
        assertTrue(s.getMessage().contains("K-alpha2 must be longer"), s.getMessage());
    }

    /** A wavelength stated in a comment but impossible (15.4 A) is bad input at its line, never silently used or dropped. */
    @Test
    void impossibleStatedWavelengthNamesTheLine(@TempDir Path dir) throws IOException {
        Path f = Files.writeString(dir.resolve("w.xy"), "# sample\n# lambda = 15.406\n10 5\n11 6\n12 7\n");
        DataFormatException e = assertThrows(DataFormatException.class, () -> PatternReader.read(f));
        assertEquals("line 2", e.location(), e.getMessage());
        Path g = Files.writeString(dir.resolve("w.fxye"), "title\n# wavelength 0.01\nBANK 1 3 3 CONS 1000 5 0 0 FXYE\n1000 5 1\n1005 6 1\n1010 7 1\n");
        assertEquals("line 2", assertThrows(DataFormatException.class, () -> PatternReader.read(g)).location());
    }

    @Test
    void malformedXmlNamesFileAndLine() {
        DataFormatException e = assertThrows(DataFormatException.class, () -> PatternReader.read(fixture("bad_malformed.xrdml")));
        assertTrue(e.getMessage().contains("bad_malformed.xrdml"), e.getMessage());
        assertTrue(e.getMessage().contains("malformed XML"), e.getMessage());
        assertTrue(e.location().startsWith("line "), e.getMessage());
    }

    @Test
    void rasMultipliesAttenuation() {
        DiffractionPattern p = PatternReader.read(fixture("handmade_peak.ras"));
        assertSamePeak(p, 1e-9);
        XrdWavelength w = p.wavelength().orElseThrow();
        assertEquals(1.540593, w.alpha1A(), 1e-12);
        assertEquals(1.544414, w.alpha2A(), 1e-12);
        assertTrue(p.notes().stream().anyMatch(n -> n.contains("conventional 0.5")), p.notes().toString());
        assertTrue(p.notes().stream().anyMatch(n -> n.contains("attenuation")));
    }

    @Test
    void chiInQAndTwoTheta() {
        DiffractionPattern q = PatternReader.read(fixture("handmade_peak_q.chi"));
        assertEquals(DiffractionPattern.AxisUnit.Q_PER_NM, q.axisUnit());
        assertSamePeak(q, 1e-5); // Q written with 7 significant digits
        DiffractionPattern t = PatternReader.read(fixture("handmade_peak_2theta.chi"));
        assertEquals(DiffractionPattern.AxisUnit.TWO_THETA_DEG, t.axisUnit());
        assertSamePeak(t, 1e-5);
        assertTrue(t.wavelength().isEmpty());
    }

    @Test
    void gsasFxyeAndEsd() {
        DiffractionPattern f = PatternReader.read(fixture("handmade_peak.fxye"));
        assertSamePeak(f, 1e-9);
        assertEquals(1.540593, f.wavelength().orElseThrow().alpha1A(), 1e-12);
        DiffractionPattern e = PatternReader.read(fixture("handmade_peak_esd.gsa"));
        assertSamePeak(e, 1e-9);
        assertTrue(e.wavelength().isEmpty());
        assertEquals(Math.sqrt(53), e.sigma().orElseThrow()[0], 0.01);
    }

    @Test
    void semicolonDecimalCommaCsv() {
        DiffractionPattern p = PatternReader.read(fixture("handmade_peak_decimal_comma.csv"));
        assertSamePeak(p, 1e-9);
        assertTrue(p.notes().stream().anyMatch(n -> n.contains("decimal ','")), p.notes().toString());
    }

    @Test
    void missingWavelengthMustBeSuppliedNeverGuessed() {
        DiffractionPattern p = PatternReader.read(fixture("handmade_peak_nowavelength.xy"));
        assertTrue(p.wavelength().isEmpty());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, p::requireWavelength);
        assertTrue(e.getMessage().contains("handmade_peak_nowavelength.xy") && e.getMessage().contains("--wavelength-A"), e.getMessage());
        DiffractionPattern w = PatternReader.read(fixture("handmade_peak_nowavelength.xy"), XrdWavelength.monochromatic(1.5406, "user"));
        assertEquals("user", w.wavelength().orElseThrow().origin());
        DiffractionPattern q = PatternReader.read(fixture("handmade_peak_q.chi"));
        assertTrue(q.wavelength().isPresent(), "the .chi title states lambda");
    }

    /** pyFAI-style header: wavelength in metres, axis named q_nm^-1. */
    @Test
    void pyfaiStyleHeader(@TempDir Path dir) throws IOException {
        Path f = Files.writeString(dir.resolve("integrated.dat"), "# == pyFAI calibration ==\n# Wavelength: 7.2932e-11 m\n"
                + "#  q_nm^-1  I\n10.0 5\n10.1 7\n10.2 6\n");
        DiffractionPattern p = PatternReader.read(f);
        assertEquals(0.72932, p.wavelength().orElseThrow().alpha1A(), 1e-12);
        assertEquals(DiffractionPattern.AxisUnit.Q_PER_NM, p.axisUnit());
        // 2 theta = 2 asin(Q lambda / 4 pi), Q = 1.0 1/A
        assertEquals(2 * Math.toDegrees(Math.asin(1.0 * 0.72932 / (4 * Math.PI))), p.twoThetaDeg()[0], 1e-9);
    }

    @Test
    void negativeCountsNameTheLine() {
        DataFormatException e = assertThrows(DataFormatException.class, () -> PatternReader.read(fixture("bad_negative_counts.xy")));
        assertTrue(e.getMessage().contains("line 7") && e.getMessage().contains("negative"), e.getMessage());
    }

    @Test
    void otherBadInputs(@TempDir Path dir) throws IOException {
        Path unk = Files.writeString(dir.resolve("p.raw2"), "1 2\n");
        assertThrows(DataFormatException.class, () -> PatternReader.read(unk));
        Path dec = Files.writeString(dir.resolve("p.xy"), "10 5\n11 6\n10.5 7\n");
        DataFormatException e = assertThrows(DataFormatException.class, () -> PatternReader.read(dec));
        assertTrue(e.getMessage().contains("line 3"), e.getMessage());
        Path chi = Files.writeString(dir.resolve("p.chi"), "t\n2-Theta Angle (Degrees)\nI\n5\n1 2\n2 3\n3 4\n");
        assertTrue(assertThrows(DataFormatException.class, () -> PatternReader.read(chi)).getMessage().contains("declares 5"));
        Path gsas = Files.writeString(dir.resolve("p.gsa"), "title\nBANK 1 3 1 TIME_MAP 1 2 0 0 STD\n");
        assertTrue(assertThrows(DataFormatException.class, () -> PatternReader.read(gsas)).getMessage().contains("CONS"));
        assertThrows(DataFormatException.class, () -> PatternReader.read(dir.resolve("missing.xye")));
        byte[] before = Files.readAllBytes(fixture("handmade_peak.ras"));
        PatternReader.read(fixture("handmade_peak.ras"));
        assertArrayEquals(before, Files.readAllBytes(fixture("handmade_peak.ras")), "input never modified");
    }

    /** The real LaB6 .xye (xrayutilities): three columns, Cu, wavelength not in the file. */
    @Test
    void realLab6Xye() {
        Path f = Path.of(System.getProperty("user.dir")).resolve("../../shared/reference-data/xrd/xrayutilities_LaB6_d500_si_psd.xye");
        Assumptions.assumeTrue(Files.isRegularFile(f), "skipped: real LaB6 fixture not found at " + f);
        DiffractionPattern p = PatternReader.read(f);
        assertEquals(17381, p.size());
        assertTrue(p.sigma().isPresent());
        assertTrue(p.wavelength().isEmpty(), "the .xye does not state the wavelength");
        assertEquals(4.57208, p.twoThetaDeg()[0], 1e-9);
    }
}
