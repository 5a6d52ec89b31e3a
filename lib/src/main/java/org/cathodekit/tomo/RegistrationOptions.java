package org.cathodekit.tomo;

import org.cathodekit.core.Checks;
import org.cathodekit.core.OptionsRecord;

/**
 * Parameters of {@link Registration#register}.
 *
 * @param upsampleFactor sub-voxel resolution of the refinement: the cross-correlation is evaluated on a
 *                       grid of 1/upsampleFactor voxel over +-0.75 voxel around the integer peak
 *                       (Guizar-Sicairos et al. 2008); 1 = integer shifts only
 * @param minPeak        smallest normalised cross-correlation at the peak (cosine similarity of the
 *                       overlaid background-subtracted volumes, -1..1) for the registration to count as significant; below it the
 *                       result is flagged {@code registered = false}
 */
@OptionsRecord
public record RegistrationOptions(int upsampleFactor, double minPeak)
        implements RegistrationOptionsBuilder.With {

    /**
     * Upsampling 20 (0.05 voxel grid: quantisation error at most 0.025 voxel, a quarter of the 0.1
     * voxel target) and a minimum peak of 0.3: two unrelated noise volumes correlate at ~1e-3, a
     * particle against a shifted, noisy copy of itself at 0.7-1.
     */
    public static final RegistrationOptions DEFAULTS = new RegistrationOptions(20, 0.3);

    public RegistrationOptions {
        Checks.requirePositive(upsampleFactor, "upsampleFactor");
        if (upsampleFactor > 1000) {
            throw new IllegalArgumentException("upsampleFactor must be <= 1000, got " + upsampleFactor);
        }
        Checks.requireInRange(minPeak, -1, 1, "minPeak");
    }

    /** @return a builder preset to these values: {@code DEFAULTS.toBuilder().a(..).b(..).build()}. */
    public RegistrationOptionsBuilder toBuilder() {
        return with();
    }
}
