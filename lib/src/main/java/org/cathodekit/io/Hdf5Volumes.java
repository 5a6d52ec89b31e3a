package org.cathodekit.io;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

import org.cathodekit.core.FloatVolume;

import io.jhdf.api.WritableDataset;

/**
 * Reconstructed volumes (and 2D images) in HDF5 for the tomography analyses: one float32/float64 or
 * integer dataset {@code [z][y][x]} (or {@code [y][x]}). The voxel size is taken from a dataset
 * attribute {@code voxel_nm} or {@code pixel_size_nm} when present (as written by {@link #write}).
 * Reading goes through {@link Hdf5Volume}, the one HDF5 volume loader.
 */
public final class Hdf5Volumes {
    private Hdf5Volumes() {
    }

    /** Dataset attribute holding the voxel edge [nm]. */
    public static final String VOXEL_ATTRIBUTE = "voxel_nm";

    /**
     * Reads one volume through {@link Hdf5Volume} (the direct float32 paths, plane by plane into one array).
     *
     * @param dataset the dataset path, or null for the only 2D/3D dataset of the file
     * @throws org.cathodekit.core.DataFormatException naming the file and dataset when missing, ambiguous, empty or not numeric
     */
    public static FloatVolume read(Path file, String dataset) {
        try (Hdf5Volume h = Hdf5Volume.open(file, dataset, "an HDF5 volume file")) {
            return FloatVolume.wrap(h.readAll(), h.depth(), h.height(), h.width(), h.voxelNm());
        }
    }

    /**
     * Writes a volume as dataset {@code /volume} ({@code [y][x]} when depth 1) with its voxel size and
     * provenance text attributes ({@code provenance_<key>} on the dataset), atomically.
     */
    public static void write(Path out, String datasetName, FloatVolume v, Map<String, String> provenance) throws IOException {
        Hdf5Writes.write(out, f -> {
            WritableDataset d;
            if (v.is2d()) {
                float[][] a = new float[v.ny()][v.nx()];
                for (int y = 0; y < v.ny(); y++) {
                    for (int x = 0; x < v.nx(); x++) {
                        a[y][x] = v.at(0, y, x);
                    }
                }
                d = f.putDataset(datasetName, a);
            } else {
                float[][][] a = new float[v.nz()][v.ny()][v.nx()];
                for (int z = 0; z < v.nz(); z++) {
                    for (int y = 0; y < v.ny(); y++) {
                        for (int x = 0; x < v.nx(); x++) {
                            a[z][y][x] = v.at(z, y, x);
                        }
                    }
                }
                d = f.putDataset(datasetName, a);
            }
            if (!Double.isNaN(v.voxelNm())) {
                d.putAttribute(VOXEL_ATTRIBUTE, v.voxelNm());
            }
            // provenance as text attributes of the dataset itself: jhdf 0.13 cannot read back a group
            // that holds attributes only (measured: "Failed to load children for group '//'")
            for (Map.Entry<String, String> e : provenance.entrySet()) {
                d.putAttribute("provenance_" + e.getKey(),
                        e.getValue().length() > 4000 ? e.getValue().substring(0, 4000) : e.getValue());
            }
        });
    }
}
