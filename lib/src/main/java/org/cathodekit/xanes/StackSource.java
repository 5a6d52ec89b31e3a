package org.cathodekit.xanes;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.FloatBuffer;

/**
 * A XANES image stack that can be read box by box: {@code [energy][z][y][x]} (a 2D stack is a
 * volume of depth 1), energies in eV, strictly increasing. Implementations: the HDF5 readers in
 * {@code org.cathodekit.io} and {@link #inMemory}. Reads come from one thread at a time.
 */
public interface StackSource {
    /** @return the energies in eV (a copy; strictly increasing). */
    double[] energiesEv();

    /** @return the number of z slices (1 for a 2D stack). */
    int depth();

    /** @return the number of rows (y). */
    int height();

    /** @return the number of columns (x). */
    int width();

    /** @return whether the stack is 3D ({@code [energy][z][y][x]}) rather than 2D. */
    boolean isVolume();

    /** @return a one-line description for provenance (file, dataset paths, layout, unit conversion). */
    String describe();

    /** @return a good slab depth in z (e.g. the storage chunk's z extent); 1 when unknown. */
    default int preferredSlabDepth() {
        return 1;
    }

    /**
     * @return whether a box covering part of a storage unit (some planes or rows of a chunk) is read
     *         without reading or decompressing more than the box: true for data in memory and raw
     *         contiguous or whole-row-chunked files. When false, {@link Xanes#maps} reads whole
     *         {@link #preferredSlabDepth()} z ranges instead of the smaller slabs that keep the data
     *         in cache between the read and the analysis. Default: false (unknown).
     */
    default boolean partialReadsCheap() {
        return false;
    }

    /**
     * Reads the box {@code z0 <= z < z0+dz}, {@code y0 <= y < y0+dy}, all x, into
     * {@code planes[e][((z - z0) * dy + (y - y0)) * width() + x]}.
     *
     * @param planes output, {@code [energyCount][>= dz*dy*width]} (modified)
     * @throws IOException                                   when the file cannot be read
     * @throws org.cathodekit.core.DataFormatException when its content is not a stack
     */
    void read(int z0, int dz, int y0, int dy, float[][] planes) throws IOException;

    /**
     * Reads the same box as {@link #read(int, int, int, int, float[][])} into one buffer: energy
     * {@code e}'s values at floats {@code [e * planeStride, e * planeStride + dz * dy * width())} of
     * {@code planes}, same voxel order. This is what {@link Xanes#maps} reads slabs with: the HDF5
     * reader overrides it to read the file straight into the buffer (no copy of the stack, issue 15);
     * this default reads into arrays and copies.
     *
     * @param planes      a buffer in the platform's native byte order, at least {@code 4 * energies * planeStride} bytes (modified)
     * @param planeStride floats from one energy's plane to the next, {@code >= dz * dy * width()}
     */
    default void read(int z0, int dz, int y0, int dy, ByteBuffer planes, int planeStride) throws IOException {
        int ne = energiesEv().length;
        int len = dz * dy * width();
        float[][] tmp = new float[ne][len];
        read(z0, dz, y0, dy, tmp);
        FloatBuffer f = planes.asFloatBuffer();
        for (int e = 0; e < ne; e++) {
            f.put(e * planeStride, tmp[e], 0, len);
        }
    }

    /**
     * A stack held in memory, {@code [energy][z][y][x]} (not copied: do not modify it while in use).
     *
     * @param energiesEv strictly increasing energies, eV
     * @param stack      {@code [energy][z][y][x]}, all slices of one shape
     * @param volume     whether to report the stack as 3D
     */
    static StackSource inMemory(double[] energiesEv, float[][][][] stack, boolean volume) {
        return new InMemoryStack(energiesEv, stack, volume);
    }

    /** A 2D stack {@code [energy][y][x]} held in memory (not copied). */
    static StackSource inMemory(double[] energiesEv, float[][][] stack) {
        float[][][][] s = new float[stack.length][][][];
        for (int e = 0; e < stack.length; e++) {
            s[e] = new float[][][] {stack[e]};
        }
        return new InMemoryStack(energiesEv, s, false);
    }

    /**
     * A stack held in one flat array, last index fastest: {@code [energy][z][y][x]} (not copied: do
     * not modify it while in use). This is the layout of {@code org.cathodekit.synthetic.Synthetic}'s
     * {@code stack2D} / {@code stack3D}.
     *
     * @param energiesEv strictly increasing energies, eV
     * @param data       {@code energies * depth * height * width} values
     * @param volume     whether to report the stack as 3D (depth must be 1 otherwise)
     */
    static StackSource flat(double[] energiesEv, float[] data, int depth, int height, int width, boolean volume) {
        return new FlatStack(energiesEv, data, depth, height, width, volume);
    }
}
