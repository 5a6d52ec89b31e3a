package org.cathodekit.gradient;

import org.cathodekit.core.Checks;
import org.cathodekit.core.OptionsRecord;

/**
 * Options of the valence-gradient model.
 *
 * @param voxelSizeNm voxel (pixel) edge length in nm (> 0); paper A: 30 nm
 * @param merge       b: non-overlapping b x b x b (2D: b x b) blocks from the origin are averaged into
 *                    one unit before the gradient (paper A: 1, 2 = 8 voxels, 3 = 27 voxels); 1 to 8
 */
@OptionsRecord
public record GradientOptions(double voxelSizeNm, int merge)
        implements GradientOptionsBuilder.With {

    /** 30 nm voxels, no merging. */
    public static final GradientOptions DEFAULTS = new GradientOptions(30, 1);

    public GradientOptions {
        Checks.requirePositive(voxelSizeNm, "voxelSizeNm (voxel size in nm)");
        if (merge < 1 || merge > 8) {
            throw new IllegalArgumentException("merge (block size b) must be 1..8 (paper A: 1, 2 or 3), got " + merge);
        }
    }

    /** @return the grid spacing of the merged units, {@code merge * voxelSizeNm} (nm) */
    public double unitSpacingNm() {
        return merge * voxelSizeNm;
    }

    /** @return a builder preset to these values: {@code DEFAULTS.toBuilder().a(..).b(..).build()}. */
    public GradientOptionsBuilder toBuilder() {
        return with();
    }
}
