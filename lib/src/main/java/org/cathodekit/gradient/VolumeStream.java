package org.cathodekit.gradient;

import java.io.IOException;
import java.util.ArrayList;

import org.cathodekit.core.Parallel;
import org.cathodekit.core.Plausibility;

/**
 * The 3D model streamed by z-slabs from a {@link PlaneReader}: memory bounded by the slab (about
 * {@value #SLAB_BYTES} bytes of float32 planes plus the 6-neighbour stencil's halo), results
 * bit-identical to {@link ValenceGradient#volume(float[], int, int, int, GradientOptions)} on the
 * same values, for any thread count and any slab depth.
 *
 * <h2>Passes</h2>
 * <ol>
 *   <li>Statistics (first read): valid voxels, the smallest valid value (the merge offset), whether
 *       any value is infinite or beyond {@link Plausibility#MAP_MAX_ABS}, the range of the plausible
 *       values, and the integer position sums of the valid units (for b &gt; 1 a unit is valid when
 *       all b^3 voxels are, which is what makes the averaged unit non-NaN): the centre O.</li>
 *   <li>Gradients (second read): slabs of b-aligned planes, merged for b &gt; 1 by
 *       {@link Merge#row} (the in-memory arithmetic), into a window that keeps the planes the next
 *       kernel chunk still needs (at most 5, the halo); each chunk of 4 unit planes runs
 *       {@link ValenceGradient#planes3D} on its own accumulator, and the accumulators are summed in
 *       chunk order, as in memory.</li>
 * </ol>
 *
 * <p><b>Plausibility screen without a third read.</b> The in-memory path masks values outside
 * {@code median +- 1000 max(IQR, 1e-4 |median|, 1e-3)} ({@link Plausibility#screenMap}), which needs
 * quartiles before the centre. Pass 1 proves instead that the screen flags nothing: no infinite
 * value, none beyond {@code MAP_MAX_ABS}, and {@code max - min <= 0.5 * 1000 * max(1e-3, 1e-4 m)}
 * with {@code m} the smallest |value| of the range (0 when it spans 0). The median lies in
 * {@code [min, max]}, so every value is then within the screen's bounds with a factor-2 margin for
 * rounding, and the screen would return its input unchanged. An edge-energy volume of one element
 * spans tens of eV against a bound of 417 eV at 8.3 keV. When the proof fails (corrupted values,
 * a map of an unusual quantity), the volume is read a second time whole and analysed in memory,
 * warnings included: reads stay at two, memory is then the volume's.
 */
final class VolumeStream {
    private VolumeStream() {
    }

    /** Target size of one slab of raw float32 planes (bytes). */
    static final long SLAB_BYTES = 16L << 20;
    /** Unit planes per kernel chunk: the in-memory path's, so the sums are added in the same order. */
    private static final int PLANES_PER_CHUNK = 4;
    /** Raw planes (b = 1) or merged planes' worth of raw planes per pass-1 chunk. */
    private static final int STAT_GROUPS = 4;
    /** Largest plane range the kernel window keeps between slabs: chunk k needs unit planes 4k .. 4k + 5. */
    private static final int HALO = PLANES_PER_CHUNK + 2;

    /** Pass-1 partial results of one chunk. */
    private static final class Stats {
        long finite;
        boolean infinite;
        boolean beyondBound;
        float min = Float.POSITIVE_INFINITY;
        float max = Float.NEGATIVE_INFINITY;
        long sx;
        long sy;
        long sz;
        long units;

        Stats clear() {
            finite = 0;
            infinite = false;
            beyondBound = false;
            min = Float.POSITIVE_INFINITY;
            max = Float.NEGATIVE_INFINITY;
            sx = 0;
            sy = 0;
            sz = 0;
            units = 0;
            return this;
        }

        void add(Stats o) {
            finite += o.finite;
            infinite |= o.infinite;
            beyondBound |= o.beyondBound;
            min = Math.min(min, o.min);
            max = Math.max(max, o.max);
            sx += o.sx;
            sy += o.sy;
            sz += o.sz;
            units += o.units;
        }
    }

    /**
     * @param align      planes per storage chunk of the source (slabs start on its multiples when it
     *                   is small enough; 1 or less: none)
     * @param slabPlanes raw planes per slab (rounded up to a multiple of b), or 0 for about {@link #SLAB_BYTES}
     */
    static ThetaStatistics volume(PlaneReader reader, int nz, int ny, int nx, int align, GradientOptions o, int slabPlanes)
            throws IOException {
        if (reader == null) {
            throw new IllegalArgumentException("reader must not be null");
        }
        if (o == null) {
            throw new IllegalArgumentException("options must not be null");
        }
        GradientModel model = GradientModel.VOLUME_3D;
        if (nz < 1 || ny < 1 || nx < 1) {
            throw new IllegalArgumentException("shape must be positive, got " + ValenceGradient.shape(model, nz, ny, nx));
        }
        final int b = o.merge();
        final int plane = ny * nx;
        if ((long) ny * nx > Integer.MAX_VALUE / (HALO + b)) {
            throw new IllegalArgumentException("planes of " + ny + " x " + nx + " voxels are too large to stream");
        }
        final int s = slabDepth(nz, plane, b, align, slabPlanes);
        final int mz = nz / b;
        final int my = ny / b;
        final int mx = nx / b;
        final float[] raw = new float[(b == 1 ? s + HALO : s) * plane];

        // pass 1: statistics and the centre
        Stats all = new Stats();
        int maxGroups = (s + b - 1) / b;
        Stats[] slots = new Stats[Parallel.chunkCount(maxGroups, STAT_GROUPS)];
        for (int i = 0; i < slots.length; i++) {
            slots[i] = new Stats();
        }
        for (int a = 0; a < nz; a += s) {
            final int count = Math.min(s, nz - a);
            final int z0 = a;
            reader.read(a, count, raw, 0);
            int groups = (count + b - 1) / b;
            Parallel.forEachChunk(groups, STAT_GROUPS, (k, from, to) -> {
                Stats st = slots[k].clear();
                if (b == 1) {
                    statsAndCentre(raw, from, to, z0, ny, nx, st);
                } else {
                    stats(raw, from * b * plane, Math.min(count, to * b) * plane, st);
                    for (int g = from; g < to; g++) {
                        int zz = z0 / b + g;
                        if (zz < mz) {
                            blockCentre(raw, g * b * plane, zz, ny, nx, b, st);
                        }
                    }
                }
            });
            for (int k = 0; k < Parallel.chunkCount(groups, STAT_GROUPS); k++) {
                all.add(slots[k]);
            }
        }
        if (all.infinite || all.beyondBound || !screenFlagsNothing(all.min, all.max)) {
            return inMemory(reader, nz, ny, nx, o);
        }
        ValenceGradient.requireValidVoxels(all.finite, false, model, nz, ny, nx);
        ValenceGradient.requireUnits(model, nz, ny, nx, b);
        long c = all.units;
        final double[] centre = {(double) all.sx / c, (double) all.sy / c, (double) all.sz / c, c};
        final double offset = Float.isInfinite(all.min) ? 0 : all.min;

        // pass 2: gradients over a window of unit planes [w0, wEnd)
        final int uplane = my * mx;
        final float[] win = b == 1 ? raw : new float[(s / b + HALO) * uplane];
        final double inv2h = 1.0 / (2 * o.unitSpacingNm());
        final double inv = 1.0 / ((double) b * b * b);
        final int chunks = Parallel.chunkCount(mz - 2, PLANES_PER_CHUNK);
        ValenceGradient.Acc total = new ValenceGradient.Acc();
        ValenceGradient.Acc[] accs = new ValenceGradient.Acc[Math.max(1, Parallel.chunkCount(s / b + HALO, PLANES_PER_CHUNK))];
        for (int i = 0; i < accs.length; i++) {
            accs[i] = new ValenceGradient.Acc();
        }
        int next = 0;
        int w0 = 0;
        int wEnd = 0;
        for (int a = 0; a < mz * b && next < chunks; a += s) {
            int keep = PLANES_PER_CHUNK * next;
            if (keep > w0) {
                System.arraycopy(win, (keep - w0) * uplane, win, 0, (wEnd - keep) * uplane);
                w0 = keep;
            }
            final int count = Math.min(s, mz * b - a);
            final int at = (wEnd - w0) * uplane;
            if (b == 1) {
                reader.read(a, count, win, at);
            } else {
                reader.read(a, count, raw, 0);
                Parallel.forEachChunk(count / b * my, Math.max(1, 64 / b), (k, from, to) -> {
                    double[] acc = new double[mx];
                    for (int r = from; r < to; r++) {
                        int zz = r / my;
                        int y = r % my;
                        Merge.row(raw, (zz * b * ny + y * b) * nx, ny, nx, b, b, offset, inv, acc, win, at + r * mx);
                    }
                });
            }
            wEnd += count / b;
            int end = next;
            while (end < chunks && Math.min(mz, PLANES_PER_CHUNK * end + HALO) <= wEnd) {
                end++;
            }
            final int first = next;
            final int base = w0;
            Parallel.forEachChunk(end - first, 1, (j, from, to) -> {
                int k = first + j;
                int zFrom = 1 + PLANES_PER_CHUNK * k;
                int zTo = Math.min(mz - 1, zFrom + PLANES_PER_CHUNK);
                ValenceGradient.planes3D(win, base, zFrom, zTo, my, mx, centre, inv2h, accs[j].clear());
            });
            for (int j = 0; j < end - first; j++) {
                total.add(accs[j]);
            }
            next = end;
        }
        if (next != chunks) {
            throw new IllegalStateException("streamed gradient stopped at chunk " + next + " of " + chunks);
        }
        return ValenceGradient.statistics(ValenceGradient.groups(total), model, o, nz, ny, nx, centre, new ArrayList<>());
    }

    /** Raw planes per slab: a multiple of b (and of the storage chunk depth when that costs at most 4 slabs), at least b. */
    static int slabDepth(int nz, int plane, int b, int align, int slabPlanes) {
        long planeBytes = 4L * plane;
        int unit = b;
        if (align > 1) {
            long l = (long) b / gcd(b, align) * align;
            if (l * planeBytes <= 4 * SLAB_BYTES && l <= nz) {
                unit = (int) l;
            }
        }
        long want = slabPlanes > 0 ? slabPlanes : Math.max(1, SLAB_BYTES / planeBytes);
        long s = slabPlanes > 0 ? (want + unit - 1) / unit * unit : Math.max(unit, want / unit * unit);
        long whole = ((long) nz + unit - 1) / unit * unit;
        s = Math.min(s, whole);
        if (s * planeBytes > Integer.MAX_VALUE - 8) {
            s = Math.max(b, (Integer.MAX_VALUE / 8 / plane) / b * b);
        }
        return (int) s;
    }

    private static int gcd(int a, int b) {
        return b == 0 ? a : gcd(b, a % b);
    }

    /**
     * Whether {@link Plausibility#screenMap} flags nothing in data whose finite values all lie in
     * {@code [min, max]} within {@code +-MAP_MAX_ABS} (see the class comment for the proof and the margin).
     */
    static boolean screenFlagsNothing(float min, float max) {
        if (min > max) {
            return true; // no finite value: the screen's bounds are +-MAP_MAX_ABS and NaN is never flagged
        }
        double smallestAbs = min > 0 ? min : (max < 0 ? -(double) max : 0);
        double scaleFloor = Math.max(Plausibility.MAP_IQR_FLOOR_ABS, Plausibility.MAP_IQR_FLOOR_RELATIVE * smallestAbs);
        return (double) max - min <= 0.5 * Plausibility.MAP_MAX_IQR_MULTIPLE * scaleFloor;
    }

    /** The fallback: the whole volume in memory (second and last read), screened and analysed as before. */
    private static ThetaStatistics inMemory(PlaneReader reader, int nz, int ny, int nx, GradientOptions o) throws IOException {
        long n = (long) nz * ny * nx;
        if (n > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("the [" + nz + "][" + ny + "][" + nx + "] volume holds infinite, implausibly large "
                    + "or far-spread values, which are screened in memory, and is too large for one array; mask them first");
        }
        float[] all = new float[(int) n];
        reader.read(0, nz, all, 0);
        return ValenceGradient.volume(all, nz, ny, nx, o);
    }

    /** b = 1: statistics and centre sums of planes {@code [from, to)} of the slab (global z = z0 + plane). */
    private static void statsAndCentre(float[] e, int from, int to, int z0, int ny, int nx, Stats st) {
        long finite = 0;
        boolean infinite = false;
        boolean beyond = false;
        float min = st.min;
        float max = st.max;
        long sx = 0;
        long sy = 0;
        long sz = 0;
        final float bound = (float) Plausibility.MAP_MAX_ABS;
        for (int z = from; z < to; z++) {
            long planeCount = 0;
            for (int y = 0; y < ny; y++) {
                int i = (z * ny + y) * nx;
                long rowCount = 0;
                long rowX = 0;
                for (int x = 0; x < nx; x++, i++) {
                    float v = e[i];
                    if (v == v) {
                        rowCount++;
                        rowX += x;
                        if (v - v == 0) {
                            if (Math.abs(v) <= bound) {
                                min = v < min ? v : min;
                                max = v > max ? v : max;
                            } else {
                                beyond = true;
                            }
                        } else {
                            infinite = true;
                        }
                    }
                }
                sx += rowX;
                sy += rowCount * y;
                planeCount += rowCount;
            }
            sz += planeCount * (z0 + z);
            finite += planeCount;
        }
        st.finite += finite;
        st.infinite |= infinite;
        st.beyondBound |= beyond;
        st.min = min;
        st.max = max;
        st.sx += sx;
        st.sy += sy;
        st.sz += sz;
        st.units += finite;
    }

    /** Value statistics of {@code e[from, to)}. */
    private static void stats(float[] e, int from, int to, Stats st) {
        long finite = 0;
        boolean infinite = false;
        boolean beyond = false;
        float min = st.min;
        float max = st.max;
        final float bound = (float) Plausibility.MAP_MAX_ABS;
        for (int i = from; i < to; i++) {
            float v = e[i];
            if (v - v == 0) {
                finite++;
                if (Math.abs(v) <= bound) {
                    min = v < min ? v : min;
                    max = v > max ? v : max;
                } else {
                    beyond = true;
                }
            } else if (v == v) {
                infinite = true;
            }
        }
        st.finite += finite;
        st.infinite |= infinite;
        st.beyondBound |= beyond;
        st.min = min;
        st.max = max;
    }

    /** b > 1: centre sums of merged plane zz, whose b raw planes start at {@code e[first]}; a unit is valid when no voxel is NaN. */
    private static void blockCentre(float[] e, int first, int zz, int ny, int nx, int b, Stats st) {
        int my = ny / b;
        int mx = nx / b;
        boolean[] ok = new boolean[mx];
        for (int y = 0; y < my; y++) {
            java.util.Arrays.fill(ok, true);
            for (int dz = 0; dz < b; dz++) {
                for (int dy = 0; dy < b; dy++) {
                    int i = first + (dz * ny + y * b + dy) * nx;
                    for (int x = 0; x < mx; x++) {
                        for (int dx = 0; dx < b; dx++) {
                            float v = e[i++];
                            if (v != v) {
                                ok[x] = false;
                            }
                        }
                    }
                }
            }
            for (int x = 0; x < mx; x++) {
                if (ok[x]) {
                    st.sx += x;
                    st.sy += y;
                    st.sz += zz;
                    st.units++;
                }
            }
        }
    }
}
