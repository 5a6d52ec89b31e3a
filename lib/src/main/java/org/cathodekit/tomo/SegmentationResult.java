package org.cathodekit.tomo;

import java.util.List;

/**
 * A particle separated from its outside, with its interior voids and cracks.
 *
 * @param threshold          the material threshold used (volume units)
 * @param thresholdMethod    {@code "otsu"} or {@code "given"}
 * @param materialVoxels     voxels above the threshold
 * @param envelopeVoxels     voxels of the filled particle: material, voids and cracks (everything not
 *                           connected to the volume's border through non-material voxels, after closing)
 * @param voidVoxels         envelope voxels that are not material: voids plus cracks
 * @param voidFraction       voidVoxels / envelopeVoxels
 * @param voidFractionBand   [lowest, highest] void fraction over the threshold band
 * @param bandThresholds     [low, high] thresholds of the band
 * @param particleVolumeUm3  envelope volume [um^3] (NaN when the voxel size is unknown): the "volume of the
 *                           secondary particle", voids and cracks included
 * @param voxelNm            voxel edge used [nm]
 * @param materialComponents number of separate material pieces (6-connected)
 * @param voidComponentCount number of void/crack components (6-connected)
 * @param voidComponents     the largest void/crack components
 * @param options            the parameters used
 * @param warnings           what was doubtful
 */
public record SegmentationResult(double threshold, String thresholdMethod, long materialVoxels, long envelopeVoxels,
        long voidVoxels, double voidFraction, double[] voidFractionBand, double[] bandThresholds,
        double particleVolumeUm3, double voxelNm, int materialComponents, int voidComponentCount,
        List<Component> voidComponents, SegmentationOptions options, List<String> warnings) {

    /**
     * One connected void or crack.
     *
     * @param voxels    its size in voxels
     * @param volumeUm3 its volume [um^3] (NaN when the voxel size is unknown)
     * @param centroidVox its centre of mass [z, y, x] in voxels
     */
    public record Component(long voxels, double volumeUm3, double[] centroidVox) {
        public Component {
            centroidVox = centroidVox.clone();
        }
    }

    public SegmentationResult {
        voidFractionBand = voidFractionBand.clone();
        bandThresholds = bandThresholds.clone();
        voidComponents = List.copyOf(voidComponents);
        warnings = List.copyOf(warnings);
    }

    @Override
    public double[] voidFractionBand() {
        return voidFractionBand.clone();
    }

    @Override
    public double[] bandThresholds() {
        return bandThresholds.clone();
    }
}
