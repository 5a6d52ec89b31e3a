package org.cathodekit.diffraction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.cathodekit.core.DiffractionPattern;
import org.cathodekit.io.PatternReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SyntheticPlantedTest {
    @Test
    void plantedValuesRoundTripThroughTheFileHeader(@TempDir Path dir) throws Exception {
        SyntheticSpec spec = SyntheticSpec.DEFAULTS.withSizeNm(87.5).withStrain(0.00234).withScan(15, 85, 700).withSeed(3);
        DiffractionPattern p = SyntheticPatterns.generate(spec);
        SyntheticPatterns.Planted fromNotes = SyntheticPatterns.planted(p).orElseThrow();
        assertEquals(87.5, fromNotes.sizeNm(), 1e-9);
        assertEquals(0.00234, fromNotes.strain(), 1e-9);
        Path f = dir.resolve("p.xye");
        SyntheticPatterns.writeXye(p, f);
        SyntheticPatterns.Planted fromFile = SyntheticPatterns.planted(f).orElseThrow();
        assertEquals(fromNotes, fromFile);
        assertEquals(spec.aA(), fromFile.aA(), 1e-5);
        assertEquals(spec.cA(), fromFile.cA(), 1e-5);
        assertEquals(spec.ratio003to104(), fromFile.ratio003to104(), 1e-3);
    }

    @Test
    void aMeasuredPatternHasNoPlantedValues(@TempDir Path dir) throws Exception {
        Path f = Files.writeString(dir.resolve("m.xy"), "# measured\n10 1\n10.1 2\n10.2 3\n10.3 2\n");
        assertTrue(SyntheticPatterns.planted(f).isEmpty());
        assertTrue(SyntheticPatterns.planted(PatternReader.read(f, org.cathodekit.core.XrdWavelength.copperDoublet("test"))).isEmpty());
    }
}
