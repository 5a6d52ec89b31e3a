package org.cathodekit.core;

import java.util.Arrays;

/**
 * A 3D scalar volume {@code [z][y][x]} (depth 1 for a 2D image) stored flat in one float array,
 * index {@code (z * ny + y) * nx + x}, with its voxel size. Reconstructed tomography volumes,
 * absorbance images and XANES metric maps all fit it. NaN marks a missing voxel.
 *
 * <p>The array is owned by the instance: {@link #of} copies it in, {@link #values()} copies it out;
 * package-internal code of the analyses reads it through {@link #at} and {@link #copyInto}.
 */
public final class FloatVolume {
    private final float[] values;
    private final int nz;
    private final int ny;
    private final int nx;
    private final double voxelNm;

    private FloatVolume(float[] values, int nz, int ny, int nx, double voxelNm) {
        if (nz < 1 || ny < 1 || nx < 1) {
            throw new IllegalArgumentException("volume shape must be positive, got [" + nz + "][" + ny + "][" + nx + "]");
        }
        if ((long) nz * ny * nx != values.length) {
            throw new IllegalArgumentException("volume of shape [" + nz + "][" + ny + "][" + nx + "] needs "
                    + (long) nz * ny * nx + " values, got " + values.length);
        }
        if (!(voxelNm > 0) && !Double.isNaN(voxelNm)) {
            throw new IllegalArgumentException("voxel size must be > 0 nm or NaN (unknown), got " + voxelNm);
        }
        this.values = values;
        this.nz = nz;
        this.ny = ny;
        this.nx = nx;
        this.voxelNm = voxelNm;
    }

    /**
     * @param values  flat {@code [z][y][x]} values (copied)
     * @param voxelNm voxel edge length [nm], NaN when unknown
     */
    public static FloatVolume of(float[] values, int nz, int ny, int nx, double voxelNm) {
        return new FloatVolume(values.clone(), nz, ny, nx, voxelNm);
    }

    /** Takes ownership of {@code values} without a copy (for readers and generators that made the array). */
    public static FloatVolume wrap(float[] values, int nz, int ny, int nx, double voxelNm) {
        return new FloatVolume(values, nz, ny, nx, voxelNm);
    }

    /** A 2D image {@code [y][x]} as a volume of depth 1. */
    public static FloatVolume of2d(float[] values, int ny, int nx, double voxelNm) {
        return of(values, 1, ny, nx, voxelNm);
    }

    public int nz() {
        return nz;
    }

    public int ny() {
        return ny;
    }

    public int nx() {
        return nx;
    }

    /** @return true for a 2D image (depth 1). */
    public boolean is2d() {
        return nz == 1;
    }

    /** @return voxel edge length [nm], NaN when unknown. */
    public double voxelNm() {
        return voxelNm;
    }

    /** @return the same values with another voxel size. */
    public FloatVolume withVoxelNm(double nm) {
        return new FloatVolume(values, nz, ny, nx, nm);
    }

    /** @return nz * ny * nx. */
    public int voxels() {
        return values.length;
    }

    /** @return {@code [nz, ny, nx]} ({@code [ny, nx]} is not used: 2D images report depth 1). */
    public int[] shape() {
        return new int[] {nz, ny, nx};
    }

    /** @return the value at flat index {@code i}. */
    public float at(int i) {
        return values[i];
    }

    /** @return the value at {@code (z, y, x)}. */
    public float at(int z, int y, int x) {
        return values[(z * ny + y) * nx + x];
    }

    /** @return a copy of the {@code [y][x]} plane {@code z}, flat. */
    public float[] sliceZ(int z) {
        if (z < 0 || z >= nz) {
            throw new IllegalArgumentException("slice " + z + " outside 0.." + (nz - 1));
        }
        float[] out = new float[ny * nx];
        System.arraycopy(values, z * ny * nx, out, 0, ny * nx);
        return out;
    }

    /** @return the voxel-wise difference {@code this - other} (NaN where either is NaN); shapes must match. */
    public FloatVolume minus(FloatVolume other) {
        if (!sameShape(other)) {
            throw new IllegalArgumentException("cannot subtract volumes of shapes " + Arrays.toString(shape()) + " and "
                    + Arrays.toString(other.shape()));
        }
        float[] d = new float[values.length];
        for (int i = 0; i < d.length; i++) {
            d[i] = values[i] - other.values[i];
        }
        return new FloatVolume(d, nz, ny, nx, voxelNm);
    }

    /** @return a copy of the flat values. */
    public float[] values() {
        return values.clone();
    }

    /** Copies the flat values into {@code dst} (length {@link #voxels()}). */
    public void copyInto(float[] dst) {
        System.arraycopy(values, 0, dst, 0, values.length);
    }

    /** @return true when both have the same shape. */
    public boolean sameShape(FloatVolume o) {
        return nz == o.nz && ny == o.ny && nx == o.nx;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FloatVolume v && sameShape(v) && Arrays.equals(values, v.values)
                && Double.compare(voxelNm, v.voxelNm) == 0;
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(values) * 31 + nx;
    }

    @Override
    public String toString() {
        return "FloatVolume[" + nz + "x" + ny + "x" + nx + ", voxel " + voxelNm + " nm]";
    }
}
