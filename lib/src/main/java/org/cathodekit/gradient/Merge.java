package org.cathodekit.gradient;

import org.cathodekit.core.Parallel;

/** Block averaging of paper A's voxel merging (Suppl. Fig. 12). */
final class Merge {
    private Merge() {
    }

    /**
     * Averages non-overlapping b x b x b blocks (2D: b x b, {@code nz == 1}) from the origin. A block
     * with any NaN voxel becomes NaN. Sums are taken in double relative to the smallest valid value (orientation-independent) (so
     * float32 resolution near 8344 eV is not lost) and stored as float32.
     *
     * @return {@code [nz/b][ny/b][nx/b]} (2D: {@code [1][ny/b][nx/b]})
     */
    static float[] blocks(float[] e, int nz, int ny, int nx, int b, boolean twoD) {
        int mz = twoD ? 1 : nz / b;
        int bz = twoD ? 1 : b;
        int my = ny / b;
        int mx = nx / b;
        double ref = Double.POSITIVE_INFINITY;
        for (float v : e) {
            if (v < ref) {
                ref = v;
            }
        }
        final double offset = Double.isInfinite(ref) ? 0 : ref;
        final double inv = 1.0 / ((double) bz * b * b);
        float[] out = new float[mz * my * mx];
        Parallel.forEachChunk(mz * my, 16, (k, from, to) -> {
            for (int r = from; r < to; r++) {
                int z = r / my;
                int y = r % my;
                for (int x = 0; x < mx; x++) {
                    double s = 0;
                    boolean ok = true;
                    for (int dz = 0; dz < bz && ok; dz++) {
                        for (int dy = 0; dy < b && ok; dy++) {
                            int base = ((z * bz + dz) * ny + (y * b + dy)) * nx + x * b;
                            for (int dx = 0; dx < b; dx++) {
                                float v = e[base + dx];
                                if (v != v) {
                                    ok = false;
                                    break;
                                }
                                s += v - offset;
                            }
                        }
                    }
                    out[r * mx + x] = ok ? (float) (s * inv) : Float.NaN;
                }
            }
        });
        return out;
    }
}
