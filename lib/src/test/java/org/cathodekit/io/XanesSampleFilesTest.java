package org.cathodekit.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.cathodekit.synthetic.Microstructure;
import org.cathodekit.xanes.EdgeMaps;
import org.cathodekit.xanes.EdgeOptions;
import org.cathodekit.xanes.EnergyWindow;
import org.cathodekit.xanes.Xanes;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The committed data-samples/xanes stacks are what the documented command makes, and hold their planted truth. */
class XanesSampleFilesTest {
    @TempDir
    Path dir;

    static final Path SAMPLES = Path.of(System.getProperty("user.dir")).resolve("../data-samples/xanes").normalize();

    @Test
    void regenerationIsByteIdenticalAndPlantedEdgesAreRecovered() throws Exception {
        Path[] fresh = XanesSampleFiles.write(dir);
        if (Files.isDirectory(SAMPLES)) {
            for (Path f : fresh) {
                Path committed = SAMPLES.resolve(f.getFileName());
                assertTrue(Files.exists(committed), "committed sample " + committed);
                // content, not bytes: jhdf stamps its own version into the root attribute "_jHDF", read from
                // its jar manifest ("null" inside the shaded CLI jar), so the bytes depend on how the
                // library is run; the documented command (CLI jar) is byte-reproducible
                try (Hdf5XanesStack a = Hdf5XanesStack.open(committed); Hdf5XanesStack b = Hdf5XanesStack.open(f)) {
                    assertTrue(java.util.Arrays.equals(a.energiesEv(), b.energiesEv()), "energies of " + committed);
                    float[][] pa = new float[a.energiesEv().length][a.height() * a.width()];
                    float[][] pb = new float[b.energiesEv().length][b.height() * b.width()];
                    a.read(0, 1, 0, a.height(), pa);
                    b.read(0, 1, 0, b.height(), pb);
                    assertTrue(java.util.Arrays.deepEquals(pa, pb), committed + " differs from its regeneration: rerun the command in data-samples/README.md");
                }
            }
        } else {
            System.out.println("SKIP byte comparison: " + SAMPLES + " not found");
        }
        EdgeOptions o = EdgeOptions.DEFAULTS
                .withEdgeWindows(new EnergyWindow(8300, 8330), new EnergyWindow(8370, 8415), new EnergyWindow(8332, 8356))
                .withWhiteline(null);
        EdgeMaps maps;
        try (Hdf5XanesStack s = Hdf5XanesStack.open(dir.resolve("rod-charged-2d.h5"))) {
            maps = Xanes.maps(s, o);
        }
        float[] planted = XanesSampleFiles.plantedEdge50(Microstructure.ROD, true);
        double sum = 0;
        int n = 0;
        int g = XanesSampleFiles.GRID;
        for (int y = 0; y < g; y++) {
            for (int x = 0; x < g; x++) {
                float got = maps.edge50().get(0, y, x);
                float p = planted[y * g + x];
                if (Float.isFinite(got) && Float.isFinite(p)) {
                    sum += got - p;
                    n++;
                }
            }
        }
        Assumptions.assumeTrue(n > 0);
        assertTrue(n > 2500, "particle pixels recovered: " + n);
        // 0.5 eV sampling and 1 % noise: the mean error over the particle stays below 0.15 eV
        assertEquals(0.0, sum / n, 0.15);
    }
}
