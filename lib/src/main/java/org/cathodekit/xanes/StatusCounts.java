package org.cathodekit.xanes;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How many voxels ended in each {@link VoxelStatus}. A voxel can count in several reasons
 * (e.g. {@code NO_CROSSING} and {@code BAD_FIT}); {@code valid} counts status 0 (every requested
 * metric present).
 *
 * @param voxels     all voxels
 * @param valid      voxels with status 0
 * @param masked     {@link VoxelStatus#MASKED}
 * @param noCrossing {@link VoxelStatus#NO_CROSSING}
 * @param badFit     {@link VoxelStatus#BAD_FIT}
 * @param nonFinite  {@link VoxelStatus#NON_FINITE}
 * @param implausible {@link VoxelStatus#IMPLAUSIBLE}
 */
public record StatusCounts(long voxels, long valid, long masked, long noCrossing, long badFit, long nonFinite, long implausible) {

    /** The counts without the {@link VoxelStatus#IMPLAUSIBLE} reason (0). */
    public StatusCounts(long voxels, long valid, long masked, long noCrossing, long badFit, long nonFinite) {
        this(voxels, valid, masked, noCrossing, badFit, nonFinite, 0);
    }

    /**
     * @return one line per reason that means the data (not the sample) is doubtful: non-finite and
     *         implausible voxels; empty when there are none
     */
    public java.util.List<String> warnings() {
        java.util.List<String> w = new java.util.ArrayList<>(2);
        if (nonFinite > 0) {
            w.add(nonFinite + " of " + voxels + " voxels hold NaN or infinite mu values: their metrics are NaN (status non_finite)");
        }
        if (implausible > 0) {
            w.add(implausible + " of " + voxels + " voxels hold implausible mu values (|mu| > " + org.cathodekit.core.Plausibility.MU_MAX_ABS
                    + ", or more than " + org.cathodekit.core.Plausibility.WHITELINE_MU_MAX_JUMPS
                    + " edge jumps in the white-line window): their metrics are NaN (status implausible)");
        }
        return w;
    }

    /** Counts a status map. */
    static StatusCounts of(byte[][][] status) {
        long n = 0;
        long ok = 0;
        long[] c = new long[5];
        for (byte[][] s : status) {
            for (byte[] r : s) {
                for (byte b : r) {
                    n++;
                    if (b == 0) {
                        ok++;
                        continue;
                    }
                    if ((b & 1) != 0) {
                        c[0]++;
                    }
                    if ((b & 2) != 0) {
                        c[1]++;
                    }
                    if ((b & 4) != 0) {
                        c[2]++;
                    }
                    if ((b & 8) != 0) {
                        c[3]++;
                    }
                    if ((b & 16) != 0) {
                        c[4]++;
                    }
                }
            }
        }
        return new StatusCounts(n, ok, c[0], c[1], c[2], c[3], c[4]);
    }

    /** @return the counts keyed by lower-case reason ({@code masked, no_crossing, bad_fit, non_finite, implausible}). */
    public Map<String, Long> asMap() {
        Map<String, Long> m = new LinkedHashMap<>();
        m.put("valid", valid);
        m.put("masked", masked);
        m.put("no_crossing", noCrossing);
        m.put("bad_fit", badFit);
        m.put("non_finite", nonFinite);
        m.put("implausible", implausible);
        return m;
    }
}
