package org.cathodekit.cycling;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.cathodekit.core.CyclerData;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The forward model is deterministic and the committed samples are what its main writes. */
class CyclingModelTest {

    @Test
    void sameSeedSameRecord() {
        CyclingModel.Options o = CyclingModel.Options.of(PlantedCycling.SC_NM91, 7).withCycles(4);
        CyclerData a = CyclingModel.simulate(o);
        CyclerData b = CyclingModel.simulate(o);
        assertArrayEquals(a.voltageV(), b.voltageV());
        CyclerData c = CyclingModel.simulate(CyclingModel.Options.of(PlantedCycling.SC_NM91, 8).withCycles(4));
        assertTrue(a.voltageV()[10] != c.voltageV()[10], "another seed, other noise");
    }

    @Test
    void paperCRetentionsArePlanted() {
        assertEquals(83.1, PlantedCycling.PC_NM91.retentionPct(), 1e-9);
        assertEquals(59.7, PlantedCycling.PC_NC91.retentionPct(), 1e-9);
        assertEquals(89.2, PlantedCycling.SC_NC91.retentionPct(), 1e-9);
        assertEquals(75.9, PlantedCycling.SC_NM91.retentionPct(), 1e-9);
        assertEquals(94.3, PlantedCycling.ROD_PAPER_A.retentionPct(), 0.05, "paper A rounds 197.4/209.3 to 94.3 %");
        assertEquals(89.7, PlantedCycling.GRAVEL_PAPER_A.retentionPct(), 0.05);
        assertEquals(85.0, PlantedCycling.ROD_PAPER_B.retentionPct(), 1e-9);
        assertEquals(82.4, PlantedCycling.GRAVEL_PAPER_B.retentionPct(), 1e-9);
        assertEquals(150, PlantedCycling.ROD_PAPER_B.cycles());
        CyclerData d = CyclingModel.simulate(CyclingModel.Options.of(PlantedCycling.PC_NC91, 3).withSamplingS(300));
        CycleSummary s = Cycles.summarise(d, CycleOptions.DEFAULTS.withActiveMassMg(5));
        assertEquals(59.7, s.lastRetentionPct(), 1e-6);
    }

    @Test
    void committedSamplesAreRegeneratedByteForByte(@TempDir Path dir) throws IOException {
        Path samples = Path.of(System.getProperty("user.dir")).resolve("../data-samples/cycling");
        Assumptions.assumeTrue(Files.isDirectory(samples), "data-samples/cycling absent: " + samples);
        CyclingModel.main(new String[] {dir.toString()});
        for (String f : new String[] {"rod-cycling-synthetic.csv.gz", "gravel-cycling-synthetic.csv.gz"}) {
            assertArrayEquals(Files.readAllBytes(samples.resolve(f)), Files.readAllBytes(dir.resolve(f)), f);
        }
    }
}
