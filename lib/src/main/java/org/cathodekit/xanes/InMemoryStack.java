package org.cathodekit.xanes;

import org.cathodekit.core.Checks;

/** {@link StackSource} over arrays in memory. */
final class InMemoryStack implements StackSource {
    private final double[] energies;
    private final float[][][][] stack;
    private final boolean volume;

    InMemoryStack(double[] energiesEv, float[][][][] stack, boolean volume) {
        Checks.requireStrictlyIncreasing(energiesEv, "energiesEv");
        if (stack.length != energiesEv.length) {
            throw new IllegalArgumentException("stack has " + stack.length + " energy images but energiesEv has "
                    + energiesEv.length + " values; they must match");
        }
        if (stack.length == 0 || stack[0].length == 0 || stack[0][0].length == 0 || stack[0][0][0].length == 0) {
            throw new IllegalArgumentException("stack is empty");
        }
        int nz = stack[0].length;
        int ny = stack[0][0].length;
        int nx = stack[0][0][0].length;
        for (int e = 0; e < stack.length; e++) {
            if (stack[e].length != nz) {
                throw new IllegalArgumentException("stack[" + e + "] has " + stack[e].length + " slices, expected " + nz);
            }
            for (int z = 0; z < nz; z++) {
                if (stack[e][z].length != ny) {
                    throw new IllegalArgumentException("stack[" + e + "][" + z + "] has " + stack[e][z].length + " rows, expected " + ny);
                }
                for (int y = 0; y < ny; y++) {
                    if (stack[e][z][y].length != nx) {
                        throw new IllegalArgumentException("stack[" + e + "][" + z + "][" + y + "] has " + stack[e][z][y].length
                                + " columns, expected " + nx);
                    }
                }
            }
        }
        if (!volume && nz != 1) {
            throw new IllegalArgumentException("a 2D stack must have depth 1, got " + nz);
        }
        this.energies = energiesEv.clone();
        this.stack = stack;
        this.volume = volume;
    }

    @Override
    public double[] energiesEv() {
        return energies.clone();
    }

    @Override
    public int depth() {
        return stack[0].length;
    }

    @Override
    public int height() {
        return stack[0][0].length;
    }

    @Override
    public int width() {
        return stack[0][0][0].length;
    }

    /** In memory: any box costs only its own copy. */
    @Override
    public boolean partialReadsCheap() {
        return true;
    }

    @Override
    public boolean isVolume() {
        return volume;
    }

    @Override
    public String describe() {
        return "in-memory stack " + (volume ? depth() + " x " : "") + height() + " x " + width() + ", " + energies.length + " energies";
    }

    @Override
    public void read(int z0, int dz, int y0, int dy, float[][] planes) {
        int nx = width();
        for (int e = 0; e < energies.length; e++) {
            for (int z = 0; z < dz; z++) {
                for (int y = 0; y < dy; y++) {
                    System.arraycopy(stack[e][z0 + z][y0 + y], 0, planes[e], (z * dy + y) * nx, nx);
                }
            }
        }
    }

    /** Straight into the buffer (the interface default would copy each slab through temporary arrays). */
    @Override
    public void read(int z0, int dz, int y0, int dy, java.nio.ByteBuffer planes, int planeStride) {
        int nx = width();
        java.nio.FloatBuffer f = planes.asFloatBuffer();
        for (int e = 0; e < energies.length; e++) {
            for (int z = 0; z < dz; z++) {
                for (int y = 0; y < dy; y++) {
                    f.put(e * planeStride + (z * dy + y) * nx, stack[e][z0 + z][y0 + y], 0, nx);
                }
            }
        }
    }
}
