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
 */
public record StatusCounts(long voxels, long valid, long masked, long noCrossing, long badFit, long nonFinite) {

    /** Counts a status map. */
    static StatusCounts of(byte[][][] status) {
        long n = 0;
        long ok = 0;
        long[] c = new long[4];
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
                }
            }
        }
        return new StatusCounts(n, ok, c[0], c[1], c[2], c[3]);
    }

    /** @return the counts keyed by lower-case reason ({@code masked, no_crossing, bad_fit, non_finite}). */
    public Map<String, Long> asMap() {
        Map<String, Long> m = new LinkedHashMap<>();
        m.put("valid", valid);
        m.put("masked", masked);
        m.put("no_crossing", noCrossing);
        m.put("bad_fit", badFit);
        m.put("non_finite", nonFinite);
        return m;
    }
}
