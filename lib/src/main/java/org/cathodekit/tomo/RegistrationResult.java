package org.cathodekit.tomo;

import java.util.List;

/**
 * A rigid translation that overlays a moving volume on a reference.
 *
 * @param shiftVox       the shift to apply to the moving volume, {@code [z, y, x]} in voxels (sub-voxel);
 *                       {@code moved(x) = moving(x - shift)} overlays the reference
 * @param integerShiftVox the integer-voxel peak of the cross-correlation, {@code [z, y, x]}
 * @param peak           normalised cross-correlation at the refined shift: the cosine similarity of the
 *                       background-subtracted volumes overlaid (-1..1, 1 = perfect overlay)
 * @param peakZ          the integer peak in standard deviations above the mean of the whole correlation map
 * @param registered     {@code peak >= minPeak}: the shift is significant
 * @param options        the parameters used
 * @param warnings       what was doubtful (shift near half the field, flat volumes, ...)
 */
public record RegistrationResult(double[] shiftVox, int[] integerShiftVox, double peak, double peakZ,
        boolean registered, RegistrationOptions options, List<String> warnings) {

    public RegistrationResult {
        shiftVox = shiftVox.clone();
        integerShiftVox = integerShiftVox.clone();
        warnings = List.copyOf(warnings);
    }

    @Override
    public double[] shiftVox() {
        return shiftVox.clone();
    }

    @Override
    public int[] integerShiftVox() {
        return integerShiftVox.clone();
    }
}
