package org.cathodekit.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.cathodekit.core.DataFormatException;
import org.cathodekit.core.FloatVolume;
import org.cathodekit.core.JsonOutput;
import org.cathodekit.io.Hdf5Volumes;
import org.cathodekit.tomo.Registration;
import org.cathodekit.tomo.RegistrationOptions;
import org.cathodekit.tomo.RegistrationResult;
import org.cathodekit.tomo.Segmentation;
import org.cathodekit.tomo.SegmentationOptions;
import org.cathodekit.tomo.SegmentationResult;

import com.fasterxml.jackson.databind.node.ObjectNode;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code cathodekit tomo segment|register}: void + crack fraction and particle volume of a
 * reconstructed particle; rigid registration of two volumes (package {@code org.cathodekit.tomo}).
 */
@Command(name = "tomo", mixinStandardHelpOptions = true,
        description = "Tomography of particles: void + crack fraction and particle volume (segment); rigid sub-voxel "
                + "registration of two volumes (register).",
        subcommands = {TomoCommand.SegmentCommand.class, TomoCommand.RegisterCommand.class})
public final class TomoCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "segment", mixinStandardHelpOptions = true,
            description = "Particle envelope (global threshold, Otsu by default; closing; hole filling from outside), "
                    + "void + crack fraction with its spread over a threshold band, particle volume, void components. "
                    + "Reads only; writes nothing.")
    static final class SegmentCommand extends JsonCommand {
        @Option(names = "--input", required = true, description = "HDF5 file holding the reconstructed volume (or 2D image).")
        Path input;
        @Option(names = "--dataset", description = "Dataset path (default: the only 2D/3D dataset).")
        String dataset;
        @Option(names = "--voxel-nm", description = "Voxel edge in nm (default: the dataset's voxel_nm attribute).")
        Double voxelNm;
        @Option(names = "--threshold", description = "Material threshold in the volume's units (default: Otsu).")
        Double threshold;
        @Option(names = "--band", description = "Threshold band half-width as a fraction of the phase contrast "
                + "(default ${DEFAULT-VALUE}).", defaultValue = "0.1")
        double band;
        @Option(names = "--close-radius", description = "Closing radius in voxels before hole filling "
                + "(default ${DEFAULT-VALUE}).", defaultValue = "2")
        int closeRadius;

        @CommandLine.Mixin
        CsvOutput csv = new CsvOutput();


        @Override
        protected List<Path> inputs() {
            return List.of(input);
        }

        /** {@code --csv} writes the void components (as in the JSON {@code components}). */
        @Override
        protected String tableKey() {
            return "components";
        }

        @Override
        protected ObjectNode compute() {
            FloatVolume v = Hdf5Volumes.read(input, dataset);
            if (voxelNm != null) {
                if (!(voxelNm > 0) || !Double.isFinite(voxelNm)) {
                    throw new IllegalArgumentException("--voxel-nm must be a finite voxel size > 0 nm, got " + voxelNm);
                }
                v = v.withVoxelNm(voxelNm);
            } else if (Double.isNaN(v.voxelNm())) {
                throw new DataFormatException(input, dataset == null ? null : "dataset " + dataset,
                        "states no voxel size (attribute voxel_nm); give --voxel-nm");
            }
            SegmentationOptions o = SegmentationOptions.DEFAULTS.withBandFraction(band).withCloseRadiusVox(closeRadius);
            if (threshold != null) {
                o = o.withThreshold(threshold);
            }
            SegmentationResult r;
            try {
                r = Segmentation.segment(v, o);
            } catch (IllegalArgumentException e) {
                throw new DataFormatException(input, dataset == null ? null : "dataset " + dataset, e.getMessage());
            }
            return JsonOutput.object()
                    .put("input", input.toString())
                    .putPOJO("shape", v.shape())
                    .put("voxel_nm", r.voxelNm())
                    .put("threshold", r.threshold())
                    .put("threshold_method", r.thresholdMethod())
                    .putPOJO("band_thresholds", r.bandThresholds())
                    .put("close_radius_vox", o.closeRadiusVox())
                    .put("void_fraction", r.voidFraction())
                    .putPOJO("void_fraction_band", r.voidFractionBand())
                    .put("particle_volume_um3", r.particleVolumeUm3())
                    .put("envelope_voxels", r.envelopeVoxels())
                    .put("material_voxels", r.materialVoxels())
                    .put("void_voxels", r.voidVoxels())
                    .put("material_components", r.materialComponents())
                    .put("void_component_count", r.voidComponentCount())
                    .putPOJO("components", r.voidComponents())
                    .putPOJO("warnings", r.warnings());
        }
    }

    @Command(name = "register", mixinStandardHelpOptions = true,
            description = "Rigid translation of --moving onto --reference: integer peak of the FFT cross-correlation, "
                    + "sub-voxel refinement by upsampled DFT (Guizar-Sicairos et al. 2008). Prints the shift to apply to "
                    + "the moving volume. Reads only; writes nothing.")
    static final class RegisterCommand extends JsonCommand {
        @Option(names = "--reference", required = true, description = "HDF5 file of the reference volume.")
        Path reference;
        @Option(names = "--moving", required = true, description = "HDF5 file of the volume to move.")
        Path moving;
        @Option(names = "--dataset", description = "Dataset path in both files (default: the only 2D/3D dataset).")
        String dataset;
        @Option(names = "--upsample", description = "Sub-voxel refinement factor: shift resolution 1/N voxel "
                + "(default ${DEFAULT-VALUE}; 1 = integer).", defaultValue = "20")
        int upsample;
        @Option(names = "--min-peak", description = "Smallest normalised correlation for a significant registration "
                + "(default ${DEFAULT-VALUE}).", defaultValue = "0.3")
        double minPeak;

        @Override
        protected ObjectNode compute() {
            FloatVolume a = Hdf5Volumes.read(reference, dataset);
            FloatVolume b = Hdf5Volumes.read(moving, dataset);
            if (!a.sameShape(b)) {
                throw new IllegalArgumentException("--reference " + reference + " has shape " + java.util.Arrays.toString(a.shape())
                        + " but --moving " + moving + " has " + java.util.Arrays.toString(b.shape()) + "; expected equal shapes");
            }
            RegistrationOptions o = new RegistrationOptions(upsample, minPeak);
            RegistrationResult r;
            try {
                r = Registration.register(a, b, o);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("--reference " + reference + ", --moving " + moving + ": " + e.getMessage(), e);
            }
            if (!r.registered()) {
                throw new IllegalArgumentException(String.format(java.util.Locale.ROOT,
                        "--reference %s, --moving %s: correlation peak %.3f is below --min-peak %.3f; expected two views of "
                                + "the same particle (the volumes do not overlay)", reference, moving, r.peak(), minPeak));
            }
            double[] s = r.shiftVox();
            int[] si = r.integerShiftVox();
            boolean twoD = a.is2d();
            return JsonOutput.object()
                    .put("reference", reference.toString())
                    .put("moving", moving.toString())
                    .putPOJO("shape", a.shape())
                    .putPOJO("shift_vox", twoD ? new double[] {s[1], s[2]} : s)
                    .putPOJO("integer_shift_vox", twoD ? new int[] {si[1], si[2]} : si)
                    .put("axes", twoD ? "[y, x]" : "[z, y, x]")
                    .put("peak", r.peak())
                    .put("peak_z", r.peakZ())
                    .put("registered", r.registered())
                    .put("upsample", o.upsampleFactor())
                    .putPOJO("warnings", r.warnings());
        }
    }
}
