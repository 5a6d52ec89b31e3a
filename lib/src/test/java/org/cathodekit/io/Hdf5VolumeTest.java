package org.cathodekit.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.cathodekit.core.DataFormatException;
import org.cathodekit.core.FloatVolume;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.jhdf.HdfFile;
import io.jhdf.WritableHdfFile;
import io.jhdf.api.Dataset;

/**
 * The one volume loader on files written by h5py (HDF5 1.10, Debian python3-h5py) in the layouts
 * real software writes: contiguous, chunked, gzip + shuffle, chunks never written (fill value),
 * float64 and int16. Oracles: the planted formula {@code v = 10000 z + 100 y + x} (exact in
 * float32) and jhdf's own whole-dataset read; every slab split must give the same planes.
 */
class Hdf5VolumeTest {

    @TempDir
    Path dir;

    static final int NZ = 13;
    static final int NY = 11;
    static final int NX = 9;

    static float planted(int z, int y, int x) {
        return 10000f * z + 100f * y + x;
    }

    @Test
    void h5pyLayoutsReadLikeThePlantedValuesInEverySlabSplit() throws Exception {
        Path py = Path.of("/usr/bin/python3");
        Assumptions.assumeTrue(Files.isExecutable(py) && Hdf5XanesStackTest.run(List.of(py.toString(), "-c", "import h5py, numpy"))
                .startsWith("0"), "SKIP: /usr/bin/python3 with h5py and numpy not available");
        Path f = dir.resolve("layouts.h5");
        String script = "import h5py, numpy as np, sys\n"
                + "z, y, x = np.meshgrid(np.arange(" + NZ + "), np.arange(" + NY + "), np.arange(" + NX + "), indexing='ij')\n"
                + "v = (10000 * z + 100 * y + x).astype('f4')\n"
                + "with h5py.File(sys.argv[1], 'w') as f:\n"
                + "    f.create_dataset('contiguous', data=v)\n"
                + "    f.create_dataset('chunked', data=v, chunks=(4, 5, 4))\n"
                + "    f.create_dataset('gzip', data=v, chunks=(3, 11, 9), compression='gzip', shuffle=True)\n"
                + "    f.create_dataset('bigendian', data=v.astype('>f4'), chunks=(5, 4, 9))\n"
                + "    d = f.create_dataset('partial', shape=v.shape, dtype='f4', chunks=(4, 11, 9), fillvalue=np.nan)\n"
                + "    d[0:8] = v[0:8]\n"
                + "    f.create_dataset('float64', data=v.astype('f8'), chunks=(2, 11, 9), compression='gzip')\n"
                + "    f.create_dataset('int16', data=(v % 30000).astype('i2'))\n"
                + "    f.create_dataset('map2d', data=v[3], chunks=(4, 4))\n";
        String r = Hdf5XanesStackTest.run(List.of(py.toString(), "-c", script, f.toString()));
        assertTrue(r.startsWith("0"), r);
        for (String name : new String[] {"contiguous", "chunked", "gzip", "bigendian", "partial", "float64", "int16"}) {
            float[] want = new float[NZ * NY * NX];
            for (int z = 0; z < NZ; z++) {
                for (int y = 0; y < NY; y++) {
                    for (int x = 0; x < NX; x++) {
                        float p = planted(z, y, x);
                        want[(z * NY + y) * NX + x] = name.equals("partial") && z >= 8 ? Float.NaN
                                : name.equals("int16") ? (float) (short) (p % 30000) : p;
                    }
                }
            }
            try (Hdf5Volume v = Hdf5Volume.open(f, name, null)) {
                assertEquals(NZ, v.depth());
                assertEquals(name.equals("float64") || name.equals("int16") ? false : true, v.isFloat32(), name);
                assertArrayEquals(want, v.readAll(), name);
                for (int slab : new int[] {1, 2, 3, 5, NZ}) {
                    float[] got = new float[NZ * NY * NX + 7];
                    for (int z0 = 0; z0 < NZ; z0 += slab) {
                        v.readPlanes(z0, Math.min(slab, NZ - z0), got, 7 + z0 * NY * NX);
                    }
                    assertArrayEquals(want, java.util.Arrays.copyOfRange(got, 7, got.length), name + " by slabs of " + slab);
                }
            }
            try (HdfFile h = new HdfFile(f)) {
                Object flat = ((Dataset) h.getByPath(name)).getDataFlat();
                if (flat instanceof float[] jf && !name.equals("partial")) { // jhdf 0.13 reads unwritten chunks as 0, not the fill value
                    assertArrayEquals(jf, want, name + ": jhdf's own read agrees");
                }
            }
        }
        try (Hdf5Volume v = Hdf5Volume.open(f, "map2d", null)) {
            assertEquals(1, v.depth());
            float[] m = v.readAll();
            for (int y = 0; y < NY; y++) {
                for (int x = 0; x < NX; x++) {
                    assertEquals(planted(3, y, x), m[y * NX + x]);
                }
            }
        }
        try (Hdf5Volume v = Hdf5Volume.open(f, "gzip", null)) {
            assertEquals(3, v.chunkPlanes());
            assertTrue(v.isChunked());
        }
    }

    @Test
    void tomographyVolumesStillReadThroughHdf5Volumes() throws Exception {
        float[] vals = new float[4 * 5 * 6];
        for (int i = 0; i < vals.length; i++) {
            vals[i] = i * 0.5f;
        }
        Path f = dir.resolve("tomo.h5");
        Hdf5Volumes.write(f, "volume", FloatVolume.of(vals, 4, 5, 6, 40), java.util.Map.of("origin", "test"));
        FloatVolume back = Hdf5Volumes.read(f, null);
        assertEquals(40, back.voxelNm());
        assertEquals(4, back.nz());
        for (int z = 0; z < 4; z++) {
            for (int y = 0; y < 5; y++) {
                for (int x = 0; x < 6; x++) {
                    assertEquals(vals[(z * 5 + y) * 6 + x], back.at(z, y, x));
                }
            }
        }
    }

    @Test
    void badDatasetsAreNamed() throws Exception {
        Path f = dir.resolve("bad.h5");
        try (WritableHdfFile w = HdfFile.write(f)) {
            w.putDataset("line", new float[] {1, 2, 3});
            w.putDataset("a", new float[][] {{1, 2}, {3, 4}});
            w.putDataset("b", new float[][] {{1, 2}, {3, 4}});
        }
        String[][] cases = {{"/nope", "not found"}, {"line", "1 dimension(s)"}, {null, "holds 2 2D/3D datasets"}};
        for (String[] c : cases) {
            DataFormatException e = assertThrows(DataFormatException.class, () -> Hdf5Volume.open(f, c[0], null).close());
            assertTrue(e.getMessage().contains(c[1]) && e.getMessage().contains("bad.h5"), e.getMessage());
        }
        try (Hdf5Volume v = Hdf5Volume.open(f, "a", null)) {
            assertThrows(IllegalArgumentException.class, () -> v.readPlanes(0, 2, new float[8], 0), "a 2D dataset has one plane");
        }
        Path missing = dir.resolve("absent.h5");
        DataFormatException e = assertThrows(DataFormatException.class, () -> Hdf5Volume.open(missing, "a", "an HDF5 volume file"));
        assertTrue(e.getMessage().contains("file not found"), e.getMessage());
    }
}
