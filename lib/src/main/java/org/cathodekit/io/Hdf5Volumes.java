package org.cathodekit.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.cathodekit.core.AtomicFiles;
import org.cathodekit.core.DataFormatException;
import org.cathodekit.core.FloatVolume;

import io.jhdf.HdfFile;
import io.jhdf.WritableHdfFile;
import io.jhdf.api.Attribute;
import io.jhdf.api.Dataset;
import io.jhdf.api.Group;
import io.jhdf.api.Node;
import io.jhdf.api.WritableDataset;
import io.jhdf.exceptions.HdfException;

/**
 * Reconstructed volumes (and 2D images) in HDF5 for the tomography analyses: one float32/float64 or
 * integer dataset {@code [z][y][x]} (or {@code [y][x]}). The voxel size is taken from a dataset
 * attribute {@code voxel_nm} or {@code pixel_size_nm} when present (as written by {@link #write}).
 */
public final class Hdf5Volumes {
    private Hdf5Volumes() {
    }

    /** Dataset attribute holding the voxel edge [nm]. */
    public static final String VOXEL_ATTRIBUTE = "voxel_nm";

    /**
     * Reads one volume.
     *
     * @param dataset the dataset path, or null for the only 2D/3D dataset of the file
     * @throws DataFormatException naming the file and dataset when missing, ambiguous, empty or not numeric
     */
    public static FloatVolume read(Path file, String dataset) {
        if (Files.isDirectory(file)) {
            throw new DataFormatException(file, null, "is a folder, expected a file");
        }
        if (!Files.isRegularFile(file)) {
            throw new DataFormatException(file, null, "file not found (expected an HDF5 volume file)");
        }
        try (HdfFile h = new HdfFile(file)) {
            Dataset d = find(h, file, dataset);
            int[] dims = d.getDimensions();
            String where = "dataset " + d.getPath();
            if (dims.length != 2 && dims.length != 3) {
                throw new DataFormatException(file, where, "has shape " + java.util.Arrays.toString(dims)
                        + "; expected a 2D [y][x] image or a 3D [z][y][x] volume");
            }
            for (int n : dims) {
                if (n == 0) {
                    throw new DataFormatException(file, where, "is empty (shape " + java.util.Arrays.toString(dims)
                            + "); expected a non-empty volume");
                }
            }
            Object flat = d.getDataFlat();
            float[] v = toFloat(flat, file, where);
            int nz = dims.length == 3 ? dims[0] : 1;
            int ny = dims[dims.length - 2];
            int nx = dims[dims.length - 1];
            return FloatVolume.wrap(v, nz, ny, nx, voxelNm(d));
        } catch (DataFormatException e) {
            throw e;
        } catch (HdfException | IllegalArgumentException | UnsupportedOperationException | ArithmeticException e) {
            throw new DataFormatException(file, dataset == null ? null : "dataset " + dataset,
                    "not a readable HDF5 volume (" + e.getMessage() + ")", e);
        }
    }

    private static Dataset find(HdfFile h, Path file, String dataset) {
        if (dataset != null) {
            String path = dataset.startsWith("/") ? dataset : "/" + dataset;
            Node n;
            try {
                n = h.getByPath(path);
            } catch (HdfException | IllegalArgumentException e) {
                throw new DataFormatException(file, "dataset " + path, "not found; the file holds " + names(all(h)));
            }
            if (!(n instanceof Dataset d)) {
                throw new DataFormatException(file, "dataset " + path, "is a group, expected a volume dataset; the file holds "
                        + names(all(h)));
            }
            return d;
        }
        List<Dataset> candidates = new ArrayList<>();
        for (Dataset d : all(h)) {
            int r = d.getDimensions().length;
            if (r == 2 || r == 3) {
                candidates.add(d);
            }
        }
        if (candidates.size() != 1) {
            throw new DataFormatException(file, null, (candidates.isEmpty() ? "holds no 2D/3D dataset" : "holds "
                    + candidates.size() + " 2D/3D datasets") + "; name one with --dataset (datasets: " + names(all(h)) + ")");
        }
        return candidates.get(0);
    }

    private static List<Dataset> all(Group g) {
        List<Dataset> out = new ArrayList<>();
        for (Node n : g.getChildren().values()) {
            if (n instanceof Dataset d) {
                out.add(d);
            } else if (n instanceof Group c) {
                out.addAll(all(c));
            }
        }
        return out;
    }

    private static String names(List<Dataset> ds) {
        List<String> s = new ArrayList<>();
        for (Dataset d : ds) {
            s.add(d.getPath() + java.util.Arrays.toString(d.getDimensions()));
        }
        return s.isEmpty() ? "(none)" : String.join(", ", s.subList(0, Math.min(20, s.size())));
    }

    private static double voxelNm(Dataset d) {
        for (String name : new String[] {VOXEL_ATTRIBUTE, "pixel_size_nm"}) {
            Attribute a = d.getAttribute(name);
            if (a != null) {
                Object v = a.getData();
                double x = v instanceof Number num ? num.doubleValue()
                        : v instanceof double[] arr && arr.length > 0 ? arr[0]
                        : v instanceof float[] farr && farr.length > 0 ? farr[0] : Double.NaN;
                if (x > 0 && Double.isFinite(x)) {
                    return x;
                }
            }
        }
        return Double.NaN;
    }

    private static float[] toFloat(Object flat, Path file, String where) {
        if (flat instanceof float[] f) {
            return f;
        }
        float[] out;
        if (flat instanceof double[] d) {
            out = new float[d.length];
            for (int i = 0; i < d.length; i++) {
                out[i] = (float) d[i];
            }
        } else if (flat instanceof int[] d) {
            out = new float[d.length];
            for (int i = 0; i < d.length; i++) {
                out[i] = d[i];
            }
        } else if (flat instanceof short[] d) {
            out = new float[d.length];
            for (int i = 0; i < d.length; i++) {
                out[i] = d[i];
            }
        } else if (flat instanceof byte[] d) {
            out = new float[d.length];
            for (int i = 0; i < d.length; i++) {
                out[i] = d[i];
            }
        } else if (flat instanceof long[] d) {
            out = new float[d.length];
            for (int i = 0; i < d.length; i++) {
                out[i] = d[i];
            }
        } else {
            throw new DataFormatException(file, where, "has element type " + (flat == null ? "none" : flat.getClass().getSimpleName())
                    + "; expected numbers (float or integer)");
        }
        return out;
    }

    /**
     * Writes a volume as dataset {@code /volume} ({@code [y][x]} when depth 1) with its voxel size and
     * provenance text attributes ({@code provenance_<key>} on the dataset), atomically.
     */
    public static void write(Path out, String datasetName, FloatVolume v, Map<String, String> provenance) throws IOException {
        AtomicFiles.write(out, tmp -> {
            try (WritableHdfFile f = HdfFile.write(tmp)) {
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
            }
        });
    }
}
