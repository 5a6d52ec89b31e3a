package org.cathodekit.tomo;

import org.cathodekit.core.Checks;
import org.cathodekit.core.OptionsRecord;

/**
 * Parameters of {@link Segmentation#segment}.
 *
 * @param threshold      the material threshold in the volume's units; NaN = Otsu's threshold of the
 *                       finite voxels (256-bin histogram)
 * @param bandFraction   half-width of the threshold band for the "error bars from binarization", as a
 *                       fraction of the contrast between the two Otsu class means (0.1: thresholds from
 *                       t - 0.1 (mu1 - mu0) to t + 0.1 (mu1 - mu0)); 0 = no band
 * @param closeRadiusVox radius of the cubic closing (dilation then erosion) applied to the material mask
 *                       before the envelope is filled, so that cracks open to the surface count as cracks,
 *                       not as outside; 0 = fill holes only
 * @param maxComponents  how many void/crack components (largest first) the result lists
 */
@OptionsRecord
public record SegmentationOptions(double threshold, double bandFraction, int closeRadiusVox, int maxComponents)
        implements SegmentationOptionsBuilder.With {

    /** Otsu threshold, band +-10 % of the phase contrast, closing radius 2 voxels, 20 components listed. */
    public static final SegmentationOptions DEFAULTS = new SegmentationOptions(Double.NaN, 0.1, 2, 20);

    public SegmentationOptions {
        if (!Double.isNaN(threshold)) {
            Checks.requireFinite(threshold, "threshold");
        }
        Checks.requireInRange(bandFraction, 0, 0.5, "bandFraction");
        Checks.requireInRange(closeRadiusVox, 0, 20, "closeRadiusVox");
        Checks.requireNonNegative(maxComponents, "maxComponents");
    }

    /** @return a builder preset to these values: {@code DEFAULTS.toBuilder().a(..).b(..).build()}. */
    public SegmentationOptionsBuilder toBuilder() {
        return with();
    }
}
