package org.cathodekit.tomo;

import org.cathodekit.core.FloatVolume;
import org.cathodekit.core.Parallel;

/**
 * Applies a rigid sub-voxel translation by trilinear interpolation:
 * {@code out(x) = in(x - shift)}, NaN where {@code x - shift} falls outside the volume or touches a
 * NaN voxel. With the shift of {@link Registration#register} this overlays the moving volume on the
 * reference. (Trilinear interpolation smooths by at most one voxel; the difference maps of a
 * registered pair are read at that resolution.)
 */
public final class Translation {
    private Translation() {
    }

    /**
     * @param in       the volume to move
     * @param shiftVox {@code [z, y, x]} in voxels (z ignored for 2D images)
     */
    public static FloatVolume apply(FloatVolume in, double[] shiftVox) {
        int nz = in.nz();
        int ny = in.ny();
        int nx = in.nx();
        double sz = in.is2d() ? 0 : shiftVox[0];
        double sy = shiftVox[1];
        double sx = shiftVox[2];
        float[] out = new float[in.voxels()];
        Parallel.forEachChunk(nz * ny, 64, (chunk, from, to) -> {
            for (int row = from; row < to; row++) {
                int z = row / ny;
                int y = row % ny;
                double qz = z - sz;
                double qy = y - sy;
                int z0 = (int) Math.floor(qz);
                int y0 = (int) Math.floor(qy);
                double fz = qz - z0;
                double fy = qy - y0;
                for (int x = 0; x < nx; x++) {
                    double qx = x - sx;
                    int x0 = (int) Math.floor(qx);
                    double fx = qx - x0;
                    out[row * nx + x] = sample(in, nz, ny, nx, z0, y0, x0, fz, fy, fx);
                }
            }
        });
        return FloatVolume.wrap(out, nz, ny, nx, in.voxelNm());
    }

    private static float sample(FloatVolume v, int nz, int ny, int nx, int z0, int y0, int x0,
            double fz, double fy, double fx) {
        double acc = 0;
        for (int dz = 0; dz <= (nz == 1 ? 0 : 1); dz++) {
            double wz = nz == 1 ? 1 : (dz == 0 ? 1 - fz : fz);
            if (wz == 0) {
                continue;
            }
            int z = nz == 1 ? 0 : z0 + dz;
            for (int dy = 0; dy <= 1; dy++) {
                double wy = dy == 0 ? 1 - fy : fy;
                if (wy == 0) {
                    continue;
                }
                int y = y0 + dy;
                for (int dx = 0; dx <= 1; dx++) {
                    double wx = dx == 0 ? 1 - fx : fx;
                    if (wx == 0) {
                        continue;
                    }
                    int x = x0 + dx;
                    if (z < 0 || z >= nz || y < 0 || y >= ny || x < 0 || x >= nx) {
                        return Float.NaN;
                    }
                    float val = v.at(z, y, x);
                    if (Float.isNaN(val)) {
                        return Float.NaN;
                    }
                    acc += wz * wy * wx * val;
                }
            }
        }
        return (float) acc;
    }
}
