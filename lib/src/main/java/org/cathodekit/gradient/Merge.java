package org.cathodekit.gradient;

import org.cathodekit.core.Parallel;

/** Block averaging of paper A's voxel merging (Suppl. Fig. 12). */
final class Merge {
    private Merge() {
    }

    /**
     * Averages non-overlapping b x b x b blocks (2D: b x b, {@code nz == 1}) from the origin. A block
     * with any NaN voxel becomes NaN (NaN propagates through the sum). Sums are taken in double
     * relative to {@code offset} (the smallest valid value: orientation-independent, so float32
     * resolution near 8344 eV is not lost) and stored as float32. Reads the input sequentially.
     *
     * @return {@code [nz/b][ny/b][nx/b]} (2D: {@code [1][ny/b][nx/b]})
     */
    static float[] blocks(float[] e, int nz, int ny, int nx, int b, boolean twoD, double offset) {
        final int mz = twoD ? 1 : nz / b;
        final int bz = twoD ? 1 : b;
        final int my = ny / b;
        final int mx = nx / b;
        final double inv = 1.0 / ((double) bz * b * b);
        final float[] out = new float[mz * my * mx];
        final int rowsPerChunk = Math.max(1, 64 / b);
        Parallel.forEachChunk(mz * my, rowsPerChunk, (k, from, to) -> {
            double[] acc = new double[mx];
            for (int r = from; r < to; r++) {
                int z = r / my;
                int y = r % my;
                row(e, ((z * bz) * ny + y * b) * nx, ny, nx, b, bz, offset, inv, acc, out, r * mx);
            }
        });
        return out;
    }

    /**
     * One merged row: averages the blocks whose first voxel row starts at {@code e[first]} (bz planes
     * of b rows each, planes {@code ny * nx} apart) into {@code out[o .. o + nx/b)}. The same
     * arithmetic (order included) for the in-memory and the streamed paths.
     *
     * @param acc scratch of at least {@code nx / b} doubles (overwritten)
     */
    static void row(float[] e, int first, int ny, int nx, int b, int bz, double offset, double inv, double[] acc, float[] out, int o) {
        final int mx = nx / b;
        java.util.Arrays.fill(acc, 0, mx, 0);
        for (int dz = 0; dz < bz; dz++) {
            for (int dy = 0; dy < b; dy++) {
                int i = first + (dz * ny + dy) * nx;
                for (int x = 0; x < mx; x++) {
                    double s = 0;
                    for (int dx = 0; dx < b; dx++) {
                        s += e[i++] - offset;
                    }
                    acc[x] += s;
                }
            }
        }
        for (int x = 0; x < mx; x++) {
            out[o + x] = (float) (acc[x] * inv);
        }
    }
}
