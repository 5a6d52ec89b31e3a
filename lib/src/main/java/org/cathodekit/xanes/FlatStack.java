package org.cathodekit.xanes;

import org.cathodekit.core.Checks;

/** {@link StackSource} over one flat {@code [energy][z][y][x]} array. */
final class FlatStack implements StackSource {
    private final double[] energies;
    private final float[] data;
    private final int nz;
    private final int ny;
    private final int nx;
    private final boolean volume;

    FlatStack(double[] energiesEv, float[] data, int nz, int ny, int nx, boolean volume) {
        Checks.requireStrictlyIncreasing(energiesEv, "energiesEv");
        Checks.requirePositive(nz, "depth");
        Checks.requirePositive(ny, "height");
        Checks.requirePositive(nx, "width");
        long n = (long) energiesEv.length * nz * ny * nx;
        if (data.length != n) {
            throw new IllegalArgumentException("data has " + data.length + " values, expected energies x depth x height x width = "
                    + energiesEv.length + " x " + nz + " x " + ny + " x " + nx + " = " + n);
        }
        if (!volume && nz != 1) {
            throw new IllegalArgumentException("a 2D stack must have depth 1, got " + nz);
        }
        this.energies = energiesEv.clone();
        this.data = data;
        this.nz = nz;
        this.ny = ny;
        this.nx = nx;
        this.volume = volume;
    }

    @Override
    public double[] energiesEv() {
        return energies.clone();
    }

    @Override
    public int depth() {
        return nz;
    }

    @Override
    public int height() {
        return ny;
    }

    @Override
    public int width() {
        return nx;
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
        return "in-memory flat stack " + (volume ? nz + " x " : "") + ny + " x " + nx + ", " + energies.length + " energies";
    }

    @Override
    public void read(int z0, int dz, int y0, int dy, float[][] planes) {
        long vol = (long) nz * ny * nx;
        for (int e = 0; e < energies.length; e++) {
            for (int z = 0; z < dz; z++) {
                int src = (int) (e * vol + ((long) (z0 + z) * ny + y0) * nx);
                System.arraycopy(data, src, planes[e], z * dy * nx, dy * nx);
            }
        }
    }

    /** Straight into the buffer (the interface default would copy each slab through temporary arrays). */
    @Override
    public void read(int z0, int dz, int y0, int dy, java.nio.ByteBuffer planes, int planeStride) {
        long vol = (long) nz * ny * nx;
        java.nio.FloatBuffer f = planes.asFloatBuffer();
        for (int e = 0; e < energies.length; e++) {
            for (int z = 0; z < dz; z++) {
                int src = (int) (e * vol + ((long) (z0 + z) * ny + y0) * nx);
                f.put(e * planeStride + z * dy * nx, data, src, dy * nx);
            }
        }
    }
}
