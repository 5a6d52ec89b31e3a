package org.cathodekit.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.jhdf.HdfFile;
import io.jhdf.api.DatasetCreationOptions;
import io.jhdf.api.WritableGroup;

/** Gathering jhdf's writes changes no byte of the file (issue 15). */
class Hdf5WritesTest {
    @TempDir
    Path dir;

    private static void content(io.jhdf.WritableHdfFile f, float[][][] map, byte[][][] status) {
        f.putDataset("edge50", map).putAttribute("units", "eV");
        f.putDataset("status", status, DatasetCreationOptions.builder().unsigned().build());
        WritableGroup p = f.putGroup("provenance");
        p.putAttribute("input_file", "stack.h5");
        p.putDataset("energies_eV", new double[] {8300, 8333.5, 8400});
    }

    @Test
    void gatheredWritesGiveTheFileJhdfWritesDirectlyAndItReadsBack() throws Exception {
        SplittableRandom r = new SplittableRandom(15);
        float[][][] map = new float[3][70][90];
        byte[][][] status = new byte[3][70][90];
        for (int z = 0; z < 3; z++) {
            for (int y = 0; y < 70; y++) {
                for (int x = 0; x < 90; x++) {
                    map[z][y][x] = r.nextInt(20) == 0 ? Float.NaN : (float) (8343 + r.nextGaussian());
                    status[z][y][x] = (byte) r.nextInt(32);
                }
            }
        }
        Path staged = dir.resolve("gathered.h5");
        Path direct = dir.resolve("direct.h5");
        Hdf5Writes.write(staged, f -> content(f, map, status));
        Hdf5Writes.writeTo(direct, f -> content(f, map, status), false);
        assertArrayEquals(Files.readAllBytes(direct), Files.readAllBytes(staged));
        try (HdfFile h = new HdfFile(staged)) {
            float[][][] back = (float[][][]) h.getDatasetByPath("/edge50").getData();
            for (int z = 0; z < 3; z++) {
                for (int y = 0; y < 70; y++) {
                    assertArrayEquals(map[z][y], back[z][y]);
                }
            }
            assertEquals("stack.h5", h.getByPath("/provenance").getAttribute("input_file").getData());
        }
    }
}
