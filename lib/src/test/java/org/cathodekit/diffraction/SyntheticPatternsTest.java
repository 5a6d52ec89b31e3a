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

    /** Noise-free model: the 104 peak's integrated intensity equals the planted area within the scan. */
    @Test
    void noiseFreeAreaAndWidthAreThePlantedOnes() {
        SyntheticSpec s = SyntheticSpec.DEFAULTS.withNoise(false).withCounts(1000, 0).withWavelength(XrdWavelength.monochromatic(1.540593, "t"));
        DiffractionPattern p = SyntheticPatterns.generate(s);
        Reflection r104 = SyntheticPatterns.reflections(s).stream().filter(r -> r.label().equals("104")).findFirst().orElseThrow();
        PeakResult r = PeakFitting.fit(p, new double[] {r104.twoThetaDeg()}, PeakFitOptions.DEFAULTS.withBackgroundOrder(0)
                .withWindowHalfWidthDeg(2.0)).get(0);
        double planted = s.instrument().fwhmDeg(r104.twoThetaDeg())
                + Math.toDegrees(SyntheticPatterns.sampleFwhmRad(r104.twoThetaDeg(), 1.540593, s.sizeNm(), s.strain()));
        assertEquals(planted, r.fwhmDeg(), 1e-3 * planted);
        assertEquals(r104.twoThetaDeg(), r.twoThetaDeg(), 1e-5);
        assertEquals(1000 / s.ratio003to104(), r.area(), 0.01 * 1000 / s.ratio003to104());
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
