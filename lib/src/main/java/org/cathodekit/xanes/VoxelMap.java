package org.cathodekit.xanes;

import java.util.Arrays;

/**
 * A read-only map of one metric, {@code [z][y][x]} (depth 1 for 2D maps), float values with NaN
 * where the metric is missing. The unit is in {@link #unit()} (eV for energy maps).
 */
public final class VoxelMap {
    private final String name;
    private final String unit;
    private final float[][][] values;

    /**
     * @param name   what the map holds, e.g. {@code "edge50"}
     * @param unit   e.g. {@code "eV"}
     * @param values {@code [z][y][x]}; copied
     */
    public static VoxelMap of(String name, String unit, float[][][] values) {
        float[][][] c = new float[values.length][][];
        for (int z = 0; z < values.length; z++) {
            c[z] = new float[values[z].length][];
            for (int y = 0; y < values[z].length; y++) {
                c[z][y] = values[z][y].clone();
            }
        }
        return new VoxelMap(name, unit, c);
    }

    /** A map of a volume's values ({@code [z][y][x]}, depth 1 for 2D), copied; the voxel size is not kept. */
    public static VoxelMap of(String name, String unit, org.cathodekit.core.FloatVolume v) {
        float[][][] a = new float[v.nz()][v.ny()][v.nx()];
        float[] flat = v.values();
        for (int z = 0; z < v.nz(); z++) {
            for (int y = 0; y < v.ny(); y++) {
                System.arraycopy(flat, (z * v.ny() + y) * v.nx(), a[z][y], 0, v.nx());
            }
        }
        return new VoxelMap(name, unit, a);
    }

    /** @return the values as a flat volume (voxel size unknown: NaN), e.g. for {@code tomo.Registration}. */
    public org.cathodekit.core.FloatVolume toVolume() {
        int nz = depth();
        int ny = height();
        int nx = width();
        float[] flat = new float[nz * ny * nx];
        for (int z = 0; z < nz; z++) {
            for (int y = 0; y < ny; y++) {
                System.arraycopy(values[z][y], 0, flat, (z * ny + y) * nx, nx);
            }
        }
        return org.cathodekit.core.FloatVolume.wrap(flat, nz, ny, nx, Double.NaN);
    }

    /** A 2D map {@code [y][x]}, copied. */
    public static VoxelMap of2d(String name, String unit, float[][] values) {
        return of(name, unit, new float[][][] {values});
    }

    /** Takes ownership of {@code values} (package code only). */
    VoxelMap(String name, String unit, float[][][] values) {
        if (values.length == 0 || values[0].length == 0 || values[0][0].length == 0) {
            throw new IllegalArgumentException("map '" + name + "' is empty");
        }
        int ny = values[0].length;
        int nx = values[0][0].length;
        for (float[][] slice : values) {
            if (slice.length != ny) {
                throw new IllegalArgumentException("map '" + name + "' is ragged: slices of " + ny + " and " + slice.length + " rows");
            }
            for (float[] row : slice) {
                if (row.length != nx) {
                    throw new IllegalArgumentException("map '" + name + "' is ragged: rows of " + nx + " and " + row.length + " columns");
                }
            }
        }
        this.name = name;
        this.unit = unit;
        this.values = values;
    }

    public String name() {
        return name;
    }

    public String unit() {
        return unit;
    }

    public int depth() {
        return values.length;
    }

    public int height() {
        return values[0].length;
    }

    public int width() {
        return values[0][0].length;
    }

    /** @return depth x height x width. */
    public long voxels() {
        return (long) depth() * height() * width();
    }

    /** @return whether this map has the same shape as {@code other}. */
    public boolean sameShape(VoxelMap other) {
        return depth() == other.depth() && height() == other.height() && width() == other.width();
    }

    /** @return the value at (z, y, x); NaN where missing. */
    public float get(int z, int y, int x) {
        return values[z][y][x];
    }

    /** @return a copy of row y of slice z (read in slice order for large maps). */
    public float[] row(int z, int y) {
        return values[z][y].clone();
    }

    /** @return a copy of slice z as {@code [y][x]}. */
    public float[][] slice(int z) {
        float[][] s = new float[height()][];
        for (int y = 0; y < height(); y++) {
            s[y] = values[z][y].clone();
        }
        return s;
    }

    /** @return a copy of all values {@code [z][y][x]} (e.g. for a file writer). */
    public float[][][] toArray() {
        float[][][] c = new float[depth()][][];
        for (int z = 0; z < depth(); z++) {
            c[z] = slice(z);
        }
        return c;
    }

    /** @return the finite values in z, y, x order (a new array). */
    public float[] finiteValues() {
        int n = 0;
        for (float[][] s : values) {
            for (float[] r : s) {
                for (float v : r) {
                    if (Float.isFinite(v)) {
                        n++;
                    }
                }
            }
        }
        float[] out = new float[n];
        int k = 0;
        for (float[][] s : values) {
            for (float[] r : s) {
                for (float v : r) {
                    if (Float.isFinite(v)) {
                        out[k++] = v;
                    }
                }
            }
        }
        return out;
    }

    /** @return the map with every value v replaced by {@code a + b v} (NaN stays NaN), named {@code newName}. */
    public VoxelMap affine(double a, double b, String newName, String newUnit) {
        float[][][] c = new float[depth()][height()][width()];
        for (int z = 0; z < depth(); z++) {
            for (int y = 0; y < height(); y++) {
                float[] src = values[z][y];
                float[] dst = c[z][y];
                for (int x = 0; x < src.length; x++) {
                    dst[x] = (float) (a + b * src[x]);
                }
            }
        }
        return new VoxelMap(newName, newUnit, c);
    }

    /** Package access to the backing array (never exposed). */
    float[][][] values() {
        return values;
    }

    /**
     * The map's own array {@code [z][y][x]}, not a copy, for file writers that only read it
     * ({@code io.Hdf5MapFile}: a copy of a 20 M-voxel map is 80 MB and 30-50 ms). Never modify it.
     */
    public float[][][] sharedArray() {
        return values;
    }

    @Override
    public String toString() {
        return "VoxelMap[" + name + " (" + unit + "), " + depth() + " x " + height() + " x " + width() + "]";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof VoxelMap m && name.equals(m.name) && unit.equals(m.unit) && Arrays.deepEquals(values, m.values);
    }

    @Override
    public int hashCode() {
        return name.hashCode() * 31 + Arrays.deepHashCode(values);
    }
}
