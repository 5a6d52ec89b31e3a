package org.cathodekit.diffraction;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.cathodekit.core.DiffractionPattern;
import org.cathodekit.core.XrdWavelength;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The forward model: determinism, planted widths, and that the committed data samples regenerate byte for byte. */
class SyntheticPatternsTest {

    @Test
    void sameSeedSamePatternDifferentSeedDifferentNoise() {
        DiffractionPattern a = SyntheticPatterns.generate(SyntheticSpec.DEFAULTS);
        DiffractionPattern b = SyntheticPatterns.generate(SyntheticSpec.DEFAULTS);
        DiffractionPattern c = SyntheticPatterns.generate(SyntheticSpec.DEFAULTS.withSeed(2));
        assertArrayEquals(a.intensity(), b.intensity(), 0.0);
        assertTrue(!java.util.Arrays.equals(a.intensity(), c.intensity()));
        assertTrue(a.notes().get(0).startsWith("SYNTHETIC"));
    }

    /**
     * The noise-free pattern is sampled at 0.014 deg on peaks ~0.1 deg wide and fitted in a +-2 deg window
     * with a constant background: sampling and the Lorentzian tails beyond the window (1.6 % of the area for
     * w = 0.1 deg, partly taken up by the constant) bound the recovery: width to 0.1 %, centre to 1e-5 deg,
     * area to 1 %.
     */
    static final double NOISE_FREE_WIDTH_REL_TOL = 1e-3;
    static final double NOISE_FREE_CENTRE_TOL_DEG = 1e-5;
    static final double NOISE_FREE_AREA_REL_TOL = 0.01;

    /** Noise-free model: the 104 peak's width (instrument + eq. 4 sample width), centre and area are the planted ones. */
    @Test
    void noiseFreeAreaAndWidthAreThePlantedOnes() {
        SyntheticSpec s = SyntheticSpec.DEFAULTS.withNoise(false).withCounts(1000, 0).withWavelength(XrdWavelength.monochromatic(1.540593, "t"));
        DiffractionPattern p = SyntheticPatterns.generate(s);
        Reflection r104 = SyntheticPatterns.reflections(s).stream().filter(r -> r.label().equals("104")).findFirst().orElseThrow();
        PeakResult r = PeakFitting.fit(p, new double[] {r104.twoThetaDeg()}, PeakFitOptions.DEFAULTS.withBackgroundOrder(0)
                .withWindowHalfWidthDeg(2.0)).get(0);
        // planted sample width by hand from eq. 4 (K = 0.9), independent of SyntheticPatterns.sampleFwhmRad
        double th = Math.toRadians(r104.twoThetaDeg()) / 2;
        double sampleRad = 0.9 * 1.540593 / (s.sizeNm() * 10 * Math.cos(th)) + 4 * s.strain() * Math.tan(th);
        assertEquals(sampleRad, SyntheticPatterns.sampleFwhmRad(r104.twoThetaDeg(), 1.540593, s.sizeNm(), s.strain()), 1e-15);
        double planted = s.instrument().fwhmDeg(r104.twoThetaDeg()) + Math.toDegrees(sampleRad);
        assertEquals(planted, r.fwhmDeg(), NOISE_FREE_WIDTH_REL_TOL * planted);
        assertEquals(r104.twoThetaDeg(), r.twoThetaDeg(), NOISE_FREE_CENTRE_TOL_DEG);
        // 1/d^2 of 104 from a, c by hand, independent of CrystalSystem
        double d104 = 1 / Math.sqrt(4.0 / 3 / (s.aA() * s.aA()) + 16 / (s.cA() * s.cA()));
        assertEquals(2 * Math.toDegrees(Math.asin(1.540593 / (2 * d104))), r104.twoThetaDeg(), 1e-9);
        assertEquals(1000 / s.ratio003to104(), r.area(), NOISE_FREE_AREA_REL_TOL * 1000 / s.ratio003to104());
    }

    @Test
    void badSpecsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> SyntheticSpec.DEFAULTS.withSizeNm(0));
        assertThrows(IllegalArgumentException.class, () -> SyntheticSpec.DEFAULTS.withStrain(-1e-3));
        assertThrows(IllegalArgumentException.class, () -> new XrdWavelength(1.5406, 1.5, 0.5, "t"));
        assertThrows(IllegalArgumentException.class, () -> XrdWavelength.monochromatic(0, "t"));
    }

    /** data-samples/xrd regenerate identically with the command in data-samples/README.md. */
    @Test
    void committedDataSamplesRegenerate(@TempDir Path dir) throws IOException {
        Path samples = Path.of(System.getProperty("user.dir")).resolve("../data-samples/xrd");
        Assumptions.assumeTrue(Files.isDirectory(samples), "skipped: " + samples + " not found");
        SyntheticPatterns.main(new String[] {dir.toString()});
        for (String f : new String[] {"synthetic_SC-NC91_CuKa12.xye", "synthetic_SC-NM91_CuKa12.xye", "synthetic_LaB6_standard_CuKa12.xye"}) {
            assertArrayEquals(Files.readAllBytes(samples.resolve(f)), Files.readAllBytes(dir.resolve(f)), f);
        }
    }
}
