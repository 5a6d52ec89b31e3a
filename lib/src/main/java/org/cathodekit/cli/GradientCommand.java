package org.cathodekit.cli;

import java.nio.file.Path;
import java.util.Arrays;

import org.cathodekit.core.DataFormatException;
import org.cathodekit.core.JsonOutput;
import org.cathodekit.core.Parallel;
import org.cathodekit.gradient.GradientModel;
import org.cathodekit.gradient.GradientOptions;
import org.cathodekit.gradient.ThetaStatistics;
import org.cathodekit.gradient.ValenceGradient;
import org.cathodekit.io.Hdf5Volume;

import com.fasterxml.jackson.databind.node.ObjectNode;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code cathodekit gradient}: paper A's valence-gradient theta statistics of an edge-energy map
 * (2D dataset, {@code [y][x]}) or volume (3D, {@code [z][y][x]}) stored in HDF5, NaN outside the
 * particle. See {@link ValenceGradient} for the definitions. Writes no files.
 *
 * <p>The dataset is opened by {@link Hdf5Volume} (the one HDF5 volume loader). float32 volumes are
 * streamed by slab ({@code ValenceGradient.volume(PlaneReader, ...)}: peak memory of one 16 MB slab,
 * not of the volume; 128 MB RSS for a 340^3 volume against 373 MB whole); 2D maps and float64 data
 * are read whole (float64 converted relative to its minimum).
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
        Loaded d;
        String note;
        ThetaStatistics s;
        try (Hdf5Volume volume = Hdf5Volume.open(input, dataset, "an HDF5 file holding an edge-energy map")) {
            d = load(volume);
            try {
                if (d.shape.length == 2) {
                    note = "2D dataset " + Arrays.toString(d.shape) + ": 2D model (gradient (u_x, u_y), uniform random reference)";
                    s = ValenceGradient.map(d.values, d.shape[0], d.shape[1], options);
                } else {
                    note = "3D dataset " + Arrays.toString(d.shape) + ": 3D model (gradient (u_x, u_y, u_z), sin(theta) reference)";
                    s = d.values != null ? ValenceGradient.volume(d.values, d.shape[0], d.shape[1], d.shape[2], options)
                            : ValenceGradient.volume(volume::readPlanes, d.shape[0], d.shape[1], d.shape[2], volume.chunkPlanes(), options);
                }
            } catch (DataFormatException e) {
                throw e; // a read error: already names the file, the dataset and the planes
            } catch (IllegalArgumentException e) {
                throw new DataFormatException(input, "dataset " + dataset, e.getMessage(), e);
            }
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

    /**
     * A dataset's shape and any conversion note, with its values as float32 when they are analysed in
     * memory (2D maps, float64 data) or null when the volume is streamed from the file (float32 3D).
     */
    record Loaded(float[] values, int[] shape, String note) {
    }

    /** Checks the element type and shape of the opened dataset and reads what is analysed in memory. */
    static Loaded load(Hdf5Volume volume) {
        Path file = volume.file();
        String path = volume.path();
        int[] dims = volume.dimensions();
        String note = null;
        if (dims.length == 3 && dims[0] == 1) {
            dims = new int[] {dims[1], dims[2]};
            note = "leading dimension of size 1 dropped";
        }
        Class<?> type = volume.elementType();
        if (type == int.class || type == short.class || type == long.class || type == byte.class) {
            throw new DataFormatException(file, "dataset " + path, "holds integers (" + type.getSimpleName()
                    + "); expected float32/float64 edge energies in eV with NaN outside the particle");
        }
        if (type != float.class && type != double.class) {
            throw new DataFormatException(file, "dataset " + path, "has unsupported type " + type
                    + "; expected float32/float64 edge energies in eV");
        }
        if (dims.length == 3 && volume.isFloat32()) {
            return new Loaded(null, dims, note); // streamed by slab: memory of one slab, not of the volume
        }
        if (type == float.class) {
            return new Loaded(volume.readAll(), dims, note);
        }
        Object flat = volume.readFlat();
        if (!(flat instanceof double[] dd)) {
            throw new DataFormatException(file, "dataset " + path, "has unsupported type " + type
                    + "; expected float32/float64 edge energies in eV");
        }
        note = (note == null ? "" : note + "; ") + "float64 data converted to float32 relative to their minimum "
                + "(gradients unaffected)";
        return new Loaded(relativeFloat(dd), dims, note);
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

}
