package org.cathodekit.xanes;

/** A read-only status map {@code [z][y][x]}: per voxel the OR of {@link VoxelStatus} bits (0 = valid). */
public final class StatusMap {
    private final byte[][][] values;

    StatusMap(byte[][][] values) {
        this.values = values;
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

    /** @return the status bits at (z, y, x). */
    public int get(int z, int y, int x) {
        return values[z][y][x];
    }

    /** @return a copy of slice z. */
    public byte[][] slice(int z) {
        byte[][] s = new byte[height()][];
        for (int y = 0; y < height(); y++) {
            s[y] = values[z][y].clone();
        }
        return s;
    }

    /** @return a copy of all values {@code [z][y][x]}. */
    public byte[][][] toArray() {
        byte[][][] c = new byte[depth()][][];
        for (int z = 0; z < depth(); z++) {
            c[z] = slice(z);
        }
        return c;
    }

    /** The map's own array {@code [z][y][x]}, not a copy, for file writers that only read it. Never modify it. */
    public byte[][][] sharedArray() {
        return values;
    }

    /** @return the counts per reason. */
    public StatusCounts counts() {
        return StatusCounts.of(values);
    }
}
