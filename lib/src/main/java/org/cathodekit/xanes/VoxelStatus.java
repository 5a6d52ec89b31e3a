package org.cathodekit.xanes;

import java.util.ArrayList;
import java.util.List;

/**
 * Why a voxel's metric is missing. The status map stores, per voxel, the bitwise OR of the
 * {@link #bit()} values of every reason that applies ({@code 0} = both metrics valid), so one byte
 * says everything:
 *
 * <table>
 * <caption>status bits</caption>
 * <tr><th>bit</th><th>constant</th><th>edge50</th><th>whiteline</th></tr>
 * <tr><td>1</td><td>{@link #MASKED}</td><td>NaN</td><td>NaN</td></tr>
 * <tr><td>2</td><td>{@link #NO_CROSSING}</td><td>NaN</td><td>kept</td></tr>
 * <tr><td>4</td><td>{@link #BAD_FIT}</td><td>kept</td><td>NaN</td></tr>
 * <tr><td>8</td><td>{@link #NON_FINITE}</td><td>NaN</td><td>NaN</td></tr>
 * <tr><td>16</td><td>{@link #IMPLAUSIBLE}</td><td>NaN</td><td>NaN</td></tr>
 * </table>
 */
public enum VoxelStatus {
    /** Edge jump below the minimum edge jump (or {@code <= 0}): no particle here; both maps NaN. */
    MASKED(1),
    /** No upward crossing of normalised mu = 0.5 inside the edge window; edge50 NaN. */
    NO_CROSSING(2),
    /**
     * White-line fit rejected (opens upward, the maximum lies outside the window, or, for
     * {@link WhitelineFit#GAUSSIAN}, some {@code mu <= 0} in the window); whiteline NaN.
     */
    BAD_FIT(4),
    /** The spectrum holds NaN or infinite values; both maps NaN. */
    NON_FINITE(8),
    /**
     * The spectrum holds a value beyond {@link org.cathodekit.core.Plausibility}: |mu| above
     * {@link org.cathodekit.core.Plausibility#MU_MAX_ABS}, mu in the white-line window more than
     * {@link org.cathodekit.core.Plausibility#WHITELINE_MU_MAX_JUMPS} edge jumps from the pre-edge
     * line, or a metric outside the stack's energy range; both maps NaN.
     */
    IMPLAUSIBLE(16);

    private final int bit;

    VoxelStatus(int bit) {
        this.bit = bit;
    }

    /** @return this reason's bit in the status map. */
    public int bit() {
        return bit;
    }

    /** @return whether {@code status} (a status-map value) has this reason set. */
    public boolean isSet(int status) {
        return (status & bit) != 0;
    }

    /** @return the reasons set in a status-map value (empty for 0 = valid). */
    public static List<VoxelStatus> decode(int status) {
        List<VoxelStatus> out = new ArrayList<>(4);
        for (VoxelStatus s : values()) {
            if (s.isSet(status)) {
                out.add(s);
            }
        }
        return out;
    }
}
