package org.cathodekit.synthetic;

/** Receives consecutive z-slabs of a streamed 3D stack, in increasing z order, on the calling thread. */
@FunctionalInterface
public interface SlabConsumer {
    /**
     * @param zFrom first z of the slab (inclusive)
     * @param zTo   last z of the slab (exclusive)
     * @param slab  {@code [energy][zTo - zFrom][ny][nx]} flat, energy-major; reused for the next slab,
     *              so copy what you keep
     */
    void accept(int zFrom, int zTo, float[] slab) throws Exception;
}
