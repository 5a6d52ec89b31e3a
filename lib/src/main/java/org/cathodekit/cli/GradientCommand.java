package org.cathodekit.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.cathodekit.core.DataFormatException;
import org.cathodekit.core.JsonOutput;
import org.cathodekit.core.Parallel;
import org.cathodekit.gradient.GradientModel;
import org.cathodekit.gradient.GradientOptions;
import org.cathodekit.gradient.ThetaStatistics;
import org.cathodekit.gradient.ValenceGradient;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.jhdf.HdfFile;
import io.jhdf.api.Dataset;
import io.jhdf.api.Group;
import io.jhdf.api.Node;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code cathodekit gradient}: paper A's valence-gradient theta statistics of an edge-energy map
 * (2D dataset, {@code [y][x]}) or volume (3D, {@code [z][y][x]}) stored in HDF5, NaN outside the
 * particle. See {@link ValenceGradient} for the definitions. Writes no files.
 */
@Command(name = "gradient", mixinStandardHelpOptions = true,
        description = {"Valence-gradient theta statistics (paper A, Fig. 4) of an edge-energy map or volume in HDF5.",
            "A 2D dataset selects the 2D model, a 3D dataset the 3D model; NaN marks voxels outside the particle."})
final class GradientCommand extends JsonCommand {

    @Option(names = "--input", required = true, paramLabel = "M.h5", description = "HDF5 file with the edge-energy map (eV).")
    Path input;

    @Option(names = "--dataset", defaultValue = "/edge50", paramLabel = "DSET",
            description = "Dataset path, [y][x] or [z][y][x] (default: ${DEFAULT-VALUE}).")
    String dataset;

    @Option(names = "--voxel-nm", required = true, paramLabel = "NM", description = "Voxel (pixel) size in nm (paper A: 30).")
    double voxelNm;

    @Option(names = "--bin", defaultValue = "1", paramLabel = "B",
            description = "Merge b x b x b blocks into one unit before the gradient: 1, 2 or 3 (default: ${DEFAULT-VALUE}).")
    int bin;

    @Override
    protected ObjectNode compute() throws Exception {
        long t0 = System.nanoTime();
        if (bin < 1 || bin > 3) {
            throw new IllegalArgumentException("--bin must be 1, 2 or 3 (paper A's merge sizes), got " + bin);
        }
        GradientOptions options = GradientOptions.DEFAULTS.withVoxelSizeNm(checkVoxel(voxelNm)).withMerge(bin);
        Loaded d = load(input, dataset);
        String note;
        ThetaStatistics s;
        try {
            if (d.shape.length == 2) {
                note = "2D dataset " + Arrays.toString(d.shape) + ": 2D model (gradient (u_x, u_y), uniform random reference)";
                s = ValenceGradient.map(d.values, d.shape[0], d.shape[1], options);
            } else {
                note = "3D dataset " + Arrays.toString(d.shape) + ": 3D model (gradient (u_x, u_y, u_z), sin(theta) reference)";
                s = ValenceGradient.volume(d.values, d.shape[0], d.shape[1], d.shape[2], options);
            }
        } catch (IllegalArgumentException e) {
            throw new DataFormatException(input, "dataset " + dataset, e.getMessage(), e);
        }
        double h = s.unitSpacingNm();
        double[] c = s.centreUnits();
        return JsonOutput.object()
                .put("input", input.toString())
                .put("dataset", dataset)
                .put("model", s.model() == GradientModel.MAP_2D ? "2D" : "3D")
                .put("note", note + (d.note == null ? "" : "; " + d.note))
                .putPOJO("shape", d.shape)
                .put("voxel_nm", voxelNm)
                .put("bin", bin)
                .put("unit_spacing_nm", h)
                .put("valid_units", s.validUnits())
                .put("interior_units", s.interiorUnits())
                .put("dropped_zero", s.droppedZero())
                .putPOJO("centre_xyz_nm", new double[] {c[0] * h, c[1] * h, c[2] * h})
                .put("vectors", s.vectors())
                .put("mean_abs_cos", s.meanAbsCos())
                .put("random_mean_abs_cos", s.randomMeanAbsCos())
                .put("tangential_index", s.tangentialIndex())
                .put("tangential_index_formula", "1 - mean_abs_cos / random_mean_abs_cos (0 isotropic, 1 all tangential)")
                .put("peak_theta_deg", s.peakThetaDeg())
                .putPOJO("theta_density", s.thetaDensityPerDeg())
                .putPOJO("weighted_theta_density", s.weightedThetaDensityPerDeg())
                .putPOJO("reference_density", s.referenceDensityPerDeg())
                .putPOJO("group_counts", s.groupCounts())
                .putPOJO("mean_size_by_group", s.groupMeanSizeEvPerNm())
                .put("size_unit", "eV/nm")
                .putPOJO("warnings", s.warnings())
                .put("threads", Parallel.threads())
                .put("seconds", secondsSince(t0));
    }

    private static double checkVoxel(double v) {
        if (!(v > 0) || !Double.isFinite(v)) {
            throw new IllegalArgumentException("--voxel-nm must be a finite voxel size > 0 nm, got " + v);
        }
        return v;
    }

    /** A dataset read as float32 with its shape and any conversion note. */
    record Loaded(float[] values, int[] shape, String note) {
    }

    static Loaded load(Path file, String path) {
        org.cathodekit.core.InputFiles.requireRegularFile(file, "an HDF5 file holding an edge-energy map");
        try (HdfFile hdf = new HdfFile(file)) {
            Node node;
            try {
                node = hdf.getByPath(path);
            } catch (RuntimeException e) {
                throw new DataFormatException(file, "dataset " + path, "not found; datasets in the file: " + listDatasets(hdf));
            }
            if (!(node instanceof Dataset ds)) {
                throw new DataFormatException(file, "dataset " + path, "is a group, not a dataset; datasets in the file: "
                        + listDatasets(hdf));
            }
            int[] dims = ds.getDimensions();
            String note = null;
            if (dims.length == 3 && dims[0] == 1) {
                dims = new int[] {dims[1], dims[2]};
                note = "leading dimension of size 1 dropped";
            }
            if (dims.length != 2 && dims.length != 3) {
                throw new DataFormatException(file, "dataset " + path, "has " + dims.length + " dimension(s) "
                        + Arrays.toString(ds.getDimensions()) + "; expected a 2D map [y][x] or a 3D volume [z][y][x]");
            }
            org.cathodekit.io.Hdf5MapFile.checkDataset(file, path, ds);
            Class<?> type = ds.getJavaType();
            Object flat = ds.getDataFlat();
            float[] values;
            if (flat instanceof float[] f) {
                values = f;
            } else if (flat instanceof double[] dd) {
                values = relativeFloat(dd);
                note = (note == null ? "" : note + "; ") + "float64 data converted to float32 relative to their minimum "
                        + "(gradients unaffected)";
            } else if (flat instanceof int[] || flat instanceof short[] || flat instanceof long[] || flat instanceof byte[]) {
                throw new DataFormatException(file, "dataset " + path, "holds integers (" + type.getSimpleName()
                        + "); expected float32/float64 edge energies in eV with NaN outside the particle");
            } else {
                throw new DataFormatException(file, "dataset " + path, "has unsupported type " + type
                        + "; expected float32/float64 edge energies in eV");
            }
            return new Loaded(values, dims, note);
        } catch (DataFormatException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new DataFormatException(file, "dataset " + path, "cannot be read as HDF5: " + e.getMessage(), e);
        }
    }

    private static float[] relativeFloat(double[] d) {
        double min = Double.POSITIVE_INFINITY;
        for (double v : d) {
            // the offset from plausible values only (core.Plausibility): one corrupted -1e38 would cost every value its precision
            if (v < min && Math.abs(v) <= org.cathodekit.core.Plausibility.MAP_MAX_ABS) {
                min = v;
            }
        }
        double off = Double.isInfinite(min) ? 0 : min;
        float[] f = new float[d.length];
        for (int i = 0; i < d.length; i++) {
            f[i] = (float) (d[i] - off);
        }
        return f;
    }

    private static String listDatasets(Group g) {
        List<String> out = new ArrayList<>();
        collect(g, out);
        return out.isEmpty() ? "(none)" : String.join(", ", out.subList(0, Math.min(20, out.size())));
    }

    private static void collect(Group g, List<String> out) {
        for (Node n : g.getChildren().values()) {
            if (n instanceof Dataset) {
                out.add(n.getPath());
            } else if (n instanceof Group child) {
                collect(child, out);
            }
        }
    }
}
