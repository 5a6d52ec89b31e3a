package org.cathodekit.gradient;

import java.io.IOException;

/**
 * A source of z-planes of an edge-energy volume {@code [z][y][x]} for the streamed 3D model
 * ({@link ValenceGradient#volume(PlaneReader, int, int, int, int, GradientOptions)}): e.g.
 * {@code org.cathodekit.io.Hdf5Volume::readPlanes}. The model asks for each plane at most twice,
 * in increasing z.
 */
@FunctionalInterface
public interface PlaneReader {
    /**
     * Fills {@code dst[offset .. offset + planes * ny * nx)} with planes {@code [z0, z0 + planes)},
     * each {@code [y][x]} row-major, as edge energies in eV (NaN outside the particle).
     */
    void read(int z0, int planes, float[] dst, int offset) throws IOException;
}
