package org.cathodekit.gradient;

import java.io.IOException;

import org.cathodekit.core.Parallel;
import org.cathodekit.core.Plausibility;

/**
 * Paper A's valence-gradient model (Xu et al., Nat. Commun. 11, 83 (2020), Fig. 4 and Suppl. Figs.
 * 11-13): how the local edge-energy (SoC) gradient is oriented relative to the direction to the
 * particle's gravity centre.
 *
 * <h2>Definitions</h2>
 * <ol>
 *   <li>Input: edge energies E (eV), axis order {@code [z][y][x]} (2D: {@code [y][x]}), NaN or
 *       &plusmn;Inf (or {@code mask[i] == false}) outside the particle.</li>
 *   <li>Merging b: non-overlapping b x b x b blocks (2D: b x b) from the origin are averaged into one
 *       unit; a block counts only if all its voxels are valid; incomplete blocks at the far edges are
 *       dropped. Grid spacing h = b * voxel size. (Averages are computed in double relative to the
 *       smallest valid value and stored as float32 like the input; gradients do not see the offset.)</li>
 *   <li>Gradient by central differences {@code u_x = (E[x+1] - E[x-1]) / (2h)} and likewise for y, z
 *       (eV/nm). A unit contributes only if it and its six (2D: four) neighbours are valid.</li>
 *   <li>O = mean position of all valid units (the gravity centre); {@code v = O - p}.</li>
 *   <li>{@code theta = arccos(u.v / (|u| |v|))} in degrees; units with |u| = 0 or |v| = 0 are dropped
 *       (counted in {@link ThetaStatistics#droppedZero()}).</li>
 *   <li>Outputs: theta density on 1-degree bins (bin i holds i &lt;= theta &lt; i+1, theta = 180 in bin
 *       179; assigned by comparing cos theta with cos of the bin edges, which equals
 *       {@code floor(toDegrees(acos(c)))} up to the rounding of the edges); the random reference
 *       ({@link GradientModel#referenceDensityPerDeg()}); the amplitude-weighted density (each vector
 *       weighted by |u|); nine folded 10-degree groups with counts, mean |u| and log-binned |u|
 *       histograms (bin k holds {@code 10^(k/20 - 6) <= |u| < 10^((k+1)/20 - 6)} eV/nm, k = 0..159,
 *       sizes outside in the first/last bin); mean |cos theta|; the
 *       tangential index {@code 1 - mean|cos| / E_random|cos|} with E_random|cos| = 1/2 (3D) or 2/pi
 *       (2D).</li>
 * </ol>
 *
 * <h2>Performance</h2>
 * A volume in a file is best streamed ({@link #volume(PlaneReader, int, int, int, int, GradientOptions)}:
 * two reads, memory of one slab, same results). In memory: one pass over the input to count valid voxels, one to merge (b &gt; 1), one for the centre, one for
 * the gradients; each runs on primitive arrays in chunks of z-planes (2D: rows) via {@link Parallel},
 * partial sums combined in chunk order: results are bit-identical for any thread count. Extra memory:
 * the merged grid (1/b^3 of the input) and, only if a mask is given or the input holds Inf, one copy.
 *
 * <h2>Errors</h2>
 * {@link IllegalArgumentException} naming what was wrong for: array length not matching the shape,
 * a shape too small for central differences, fewer than 27 valid voxels (all-NaN, empty mask), no unit
 * with all neighbours valid at the requested b.
 */
public final class ValenceGradient {
    private ValenceGradient() {
    }

    static final int THETA_BINS = 180;
    static final int GROUPS = 9;
    static final int SIZE_BINS = 160;
    static final int SIZE_BINS_PER_DECADE = 20;
    static final double SIZE_MIN_LOG10 = -6;
    static final int MIN_VALID_VOXELS = 27;

    private static final double[] COS_EDGE = new double[THETA_BINS + 1];
    private static final int TABLE = 8192;
    private static final int[] BIN_AT = new int[TABLE + 1];
    private static final int[] GROUP_OF_BIN = new int[THETA_BINS];
    private static final int PLANES_PER_CHUNK = 4;
    private static final double LOG10_2 = Math.log10(2);
    private static final double[] LOG2_MANT = new double[1024];
    /** |u| histogram edges 10^(k/20 - 6) eV/nm, k = 0..160. */
    static final double[] SIZE_EDGE = new double[SIZE_BINS + 1];
    private static final int ROWS_PER_CHUNK = 32;

    static {
        for (int i = 0; i <= THETA_BINS; i++) {
            COS_EDGE[i] = Math.cos(Math.toRadians(i));
        }
        for (int k = 0; k <= TABLE; k++) {
            double c = -1 + 2.0 * k / TABLE;
            int bin = THETA_BINS - 1;
            while (bin > 0 && c > COS_EDGE[bin]) {
                bin--;
            }
            BIN_AT[k] = bin;
        }
        for (int m = 0; m < 1024; m++) {
            LOG2_MANT[m] = Math.log(1 + m / 1024.0) / Math.log(2);
        }
        for (int k = 0; k <= SIZE_BINS; k++) {
            SIZE_EDGE[k] = Math.pow(10, SIZE_MIN_LOG10 + (double) k / SIZE_BINS_PER_DECADE);
        }
        for (int i = 0; i < THETA_BINS; i++) {
            GROUP_OF_BIN[i] = i < 90 ? i / 10 : (179 - i) / 10;
        }
    }

    /** Theta bin (0..179) of {@code c = cos theta} in [-1, 1]. */
    static int thetaBin(double c) {
        int bin = BIN_AT[(int) ((c + 1) * (TABLE / 2))];
        while (bin > 0 && c > COS_EDGE[bin]) {
            bin--;
        }
        return bin;
    }

    /** Folded 10-degree group (0..8) of a theta bin. */
    static int groupOfBin(int bin) {
        return GROUP_OF_BIN[bin];
    }

    /**
     * Log size bin (0..159) of |u| (eV/nm): k with {@code SIZE_EDGE[k] <= size < SIZE_EDGE[k+1]},
     * clamped; a table guess from the exponent and top mantissa bits, corrected against the edges.
     */
    static int sizeBin(double size) {
        long bits = Double.doubleToRawLongBits(size);
        int exp = (int) ((bits >>> 52) & 0x7ff) - 1023;
        int mant = (int) ((bits >>> 42) & 0x3ff);
        int k = (int) (((exp + LOG2_MANT[mant]) * LOG10_2 - SIZE_MIN_LOG10) * SIZE_BINS_PER_DECADE);
        k = k < 0 ? 0 : (k > SIZE_BINS - 1 ? SIZE_BINS - 1 : k);
        while (k > 0 && size < SIZE_EDGE[k]) {
            k--;
        }
        while (k < SIZE_BINS - 1 && size >= SIZE_EDGE[k + 1]) {
            k++;
        }
        return k;
    }

    /**
     * The 3D model on an edge-energy volume.
     *
     * @param energyEv {@code [z][y][x]} flat (not modified), NaN/Inf outside the particle
     */
    public static ThetaStatistics volume(float[] energyEv, int nz, int ny, int nx, GradientOptions options) {
        return compute(energyEv, null, nz, ny, nx, options, GradientModel.VOLUME_3D);
    }

    /**
     * The 3D model streamed by z-slabs: the same result, bit for bit, as
     * {@link #volume(float[], int, int, int, GradientOptions)} on the volume {@code planes} delivers,
     * with memory bounded by one slab of about 16 MB (plus the 6-neighbour halo) instead of the
     * volume. Each plane is read at most twice: once for the valid voxels, the plausibility check and
     * the centre O, once for the gradients. A volume whose values the plausibility screen could flag
     * (infinite, beyond 1e6, spread over more than half the screen's bound) is read whole on the
     * second pass and analysed in memory, with the screen's warning.
     *
     * @param planes      the source of the {@code [nz][ny][nx]} edge energies (eV; NaN/Inf outside the particle)
     * @param alignPlanes storage chunk depth of the source (slabs start on its multiples), 1 if none
     * @throws IOException from the source
     */
    public static ThetaStatistics volume(PlaneReader planes, int nz, int ny, int nx, int alignPlanes, GradientOptions options)
            throws IOException {
        return VolumeStream.volume(planes, nz, ny, nx, alignPlanes, options, 0);
    }

    /** As {@link #volume(float[], int, int, int, GradientOptions)}, voxels with {@code mask[i] == false} invalid. */
    public static ThetaStatistics volume(float[] energyEv, boolean[] mask, int nz, int ny, int nx, GradientOptions options) {
        return compute(energyEv, mask, nz, ny, nx, options, GradientModel.VOLUME_3D);
    }

    /**
     * The 2D model on an edge-energy map.
     *
     * @param energyEv {@code [y][x]} flat (not modified), NaN/Inf outside the particle
     */
    public static ThetaStatistics map(float[] energyEv, int ny, int nx, GradientOptions options) {
        return compute(energyEv, null, 1, ny, nx, options, GradientModel.MAP_2D);
    }

    /** As {@link #map(float[], int, int, GradientOptions)}, pixels with {@code mask[i] == false} invalid. */
    public static ThetaStatistics map(float[] energyEv, boolean[] mask, int ny, int nx, GradientOptions options) {
        return compute(energyEv, mask, 1, ny, nx, options, GradientModel.MAP_2D);
    }

    // ------------------------------------------------------------------ implementation

    /** Per-chunk accumulator. */
    static final class Acc {
        final long[] counts = new long[THETA_BINS];
        final double[] weight = new double[THETA_BINS];
        final long[] groupCounts = new long[GROUPS];
        final double[] groupSize = new double[GROUPS];
        final long[] sizeHist = new long[GROUPS * SIZE_BINS];
        double sumAbsCos;
        long interior;
        long dropped;

        /** Resets to the empty state (reused per chunk slot by the streamed path). */
        Acc clear() {
            java.util.Arrays.fill(counts, 0);
            java.util.Arrays.fill(weight, 0);
            java.util.Arrays.fill(groupCounts, 0);
            java.util.Arrays.fill(groupSize, 0);
            java.util.Arrays.fill(sizeHist, 0);
            sumAbsCos = 0;
            interior = 0;
            dropped = 0;
            return this;
        }

        void add(Acc o) {
            for (int i = 0; i < THETA_BINS; i++) {
                counts[i] += o.counts[i];
                weight[i] += o.weight[i];
            }
            for (int i = 0; i < sizeHist.length; i++) {
                sizeHist[i] += o.sizeHist[i];
            }
            sumAbsCos += o.sumAbsCos;
            interior += o.interior;
            dropped += o.dropped;
        }
    }

    private static ThetaStatistics compute(float[] e, boolean[] mask, int nz, int ny, int nx, GradientOptions o,
            GradientModel model) {
        if (e == null) {
            throw new IllegalArgumentException("energyEv must not be null");
        }
        if (o == null) {
            throw new IllegalArgumentException("options must not be null");
        }
        if (nz < 1 || ny < 1 || nx < 1) {
            throw new IllegalArgumentException("shape must be positive, got " + shape(model, nz, ny, nx));
        }
        long n = (long) nz * ny * nx;
        if (n != e.length) {
            throw new IllegalArgumentException("energyEv has " + e.length + " values but the shape "
                    + shape(model, nz, ny, nx) + " needs " + n);
        }
        if (mask != null && mask.length != e.length) {
            throw new IllegalArgumentException("mask has " + mask.length + " values but the data have " + e.length);
        }
        // 0. plausibility (core.Plausibility): corrupted values are masked and counted, never used
        java.util.List<String> warnings = new java.util.ArrayList<>();
        float[] unmasked = e;
        if (mask != null) {
            unmasked = new float[e.length];
            for (int i = 0; i < e.length; i++) {
                unmasked[i] = mask[i] ? e[i] : Float.NaN;
            }
        }
        Plausibility.MapScreen screen = Plausibility.screenMap(unmasked, "eV");
        if (screen.warning() != null) {
            warnings.add(screen.warning());
            e = screen.values();
        }
        // 1. count valid voxels; note Inf (which the kernel's NaN test would not catch)
        long[] valid = new long[1];
        boolean[] hasInf = new boolean[1];
        double[] min = new double[1];
        countValid(e, mask, valid, hasInf, min);
        requireValidVoxels(valid[0], mask != null, model, nz, ny, nx);
        float[] data = e;
        if (mask != null || hasInf[0]) {
            data = new float[e.length];
            for (int i = 0; i < e.length; i++) {
                float v = e[i];
                data[i] = (mask == null || mask[i]) && Float.isFinite(v) ? v : Float.NaN;
            }
        }
        // 2. merge
        int b = o.merge();
        int mz = model == GradientModel.MAP_2D ? 1 : nz / b;
        int my = ny / b;
        int mx = nx / b;
        requireUnits(model, nz, ny, nx, b);
        float[] units = b == 1 ? data : Merge.blocks(data, nz, ny, nx, b, model == GradientModel.MAP_2D, min[0]);
        // 3. centre of the valid units
        double[] centre = centre(units, mz, my, mx);
        // 4. gradients
        double h = o.unitSpacingNm();
        Acc acc = model == GradientModel.MAP_2D ? kernel2D(units, my, mx, centre, h) : kernel3D(units, mz, my, mx, centre, h);
        return statistics(acc, model, o, nz, ny, nx, centre, warnings);
    }

    /** The "fewer than 27 valid voxels" check, shared by the in-memory and the streamed paths. */
    static void requireValidVoxels(long valid, boolean masked, GradientModel model, int nz, int ny, int nx) {
        if (valid < MIN_VALID_VOXELS) {
            throw new IllegalArgumentException("only " + valid + " valid (finite" + (masked ? ", unmasked" : "")
                    + ") voxels in the " + shape(model, nz, ny, nx) + " input; the gradient model needs at least "
                    + MIN_VALID_VOXELS + (valid == 0 ? " (all NaN or empty mask?)" : ""));
        }
    }

    /** The "at least 3 units per axis after merging" check, shared by both paths. */
    static void requireUnits(GradientModel model, int nz, int ny, int nx, int b) {
        int mz = model == GradientModel.MAP_2D ? 1 : nz / b;
        int my = ny / b;
        int mx = nx / b;
        int need = 3;
        if ((model == GradientModel.VOLUME_3D && mz < need) || my < need || mx < need) {
            throw new IllegalArgumentException("the " + shape(model, nz, ny, nx) + " input merged with b = " + b
                    + " gives " + shape(model, mz, my, mx) + " units; central differences need at least 3 per axis");
        }
    }

    /**
     * The result from the summed accumulator (groups filled), shared by both paths so that they
     * cannot differ: densities, group means, size histograms, warnings.
     *
     * @param centre {x, y, z, count} of the valid units
     */
    static ThetaStatistics statistics(Acc acc, GradientModel model, GradientOptions o, int nz, int ny, int nx, double[] centre,
            java.util.List<String> warnings) {
        int b = o.merge();
        int mz = model == GradientModel.MAP_2D ? 1 : nz / b;
        int my = ny / b;
        int mx = nx / b;
        long validUnits = (long) centre[3];
        double h = o.unitSpacingNm();
        long vectors = 0;
        for (long c : acc.counts) {
            vectors += c;
        }
        if (vectors == 0) {
            throw new IllegalArgumentException("no unit of the " + shape(model, nz, ny, nx) + " input (b = " + b
                    + ", " + validUnits + " valid units) has all its " + (model == GradientModel.MAP_2D ? "four" : "six")
                    + " neighbours valid with a non-zero gradient: nothing to analyse");
        }
        double totalWeight = 0;
        for (double w : acc.weight) {
            totalWeight += w;
        }
        double[] density = new double[THETA_BINS];
        double[] weighted = new double[THETA_BINS];
        for (int i = 0; i < THETA_BINS; i++) {
            density[i] = (double) acc.counts[i] / vectors;
            weighted[i] = totalWeight > 0 ? acc.weight[i] / totalWeight : Double.NaN;
        }
        double[] groupMean = new double[GROUPS];
        long[][] sizeCounts = new long[GROUPS][SIZE_BINS];
        for (int g = 0; g < GROUPS; g++) {
            groupMean[g] = acc.groupCounts[g] == 0 ? Double.NaN : acc.groupSize[g] / acc.groupCounts[g];
            System.arraycopy(acc.sizeHist, g * SIZE_BINS, sizeCounts[g], 0, SIZE_BINS);
        }
        String share = Plausibility.shareWarning(vectors, acc.interior, "interior units (the other units' gradients vanished or "
                + "were not finite)");
        if (share != null) {
            warnings.add("gradient statistics " + share);
        }
        double[] edges = SIZE_EDGE.clone();
        double meanAbsCos = acc.sumAbsCos / vectors;
        double[] centreXyz = {centre[0], centre[1], model == GradientModel.MAP_2D ? 0 : centre[2]};
        return new ThetaStatistics(model, o, h, new int[] {mz, my, mx}, validUnits, centreXyz, acc.interior, vectors,
                acc.dropped, density, weighted, model.referenceDensityPerDeg(), meanAbsCos, model.randomMeanAbsCos(),
                model.tangentialIndex(meanAbsCos), acc.groupCounts, groupMean, edges, sizeCounts, warnings);
    }

    static String shape(GradientModel model, int nz, int ny, int nx) {
        return model == GradientModel.MAP_2D ? "[" + ny + "][" + nx + "] (2D)" : "[" + nz + "][" + ny + "][" + nx + "] (3D)";
    }

    /** Counts valid voxels, notes Inf, and finds the smallest valid value (0 if none). */
    private static void countValid(float[] e, boolean[] mask, long[] valid, boolean[] hasInf, double[] min) {
        final int chunk = 1 << 20;
        int chunks = Parallel.chunkCount(e.length, chunk);
        long[] counts = new long[chunks];
        boolean[] inf = new boolean[chunks];
        float[] mins = new float[chunks];
        Parallel.forEachChunk(e.length, chunk, (k, from, to) -> {
            long c = 0;
            boolean f = false;
            float m = Float.POSITIVE_INFINITY;
            for (int i = from; i < to; i++) {
                float v = e[i];
                if (v - v == 0) {
                    if (mask == null || mask[i]) {
                        c++;
                        if (v < m) {
                            m = v;
                        }
                    }
                } else if (v == v) {
                    f = true;
                }
            }
            counts[k] = c;
            inf[k] = f;
            mins[k] = m;
        });
        float m = Float.POSITIVE_INFINITY;
        for (int k = 0; k < chunks; k++) {
            valid[0] += counts[k];
            hasInf[0] |= inf[k];
            m = Math.min(m, mins[k]);
        }
        min[0] = Float.isInfinite(m) ? 0 : m;
    }

    /** @return {x, y, z, count} of the valid units (exact integer sums). */
    private static double[] centre(float[] u, int mz, int my, int mx) {
        int chunks = Parallel.chunkCount(mz * my, ROWS_PER_CHUNK);
        long[][] sums = new long[chunks][4];
        Parallel.forEachChunk(mz * my, ROWS_PER_CHUNK, (k, from, to) -> {
            long sx = 0;
            long sy = 0;
            long sz = 0;
            long c = 0;
            for (int r = from; r < to; r++) {
                int z = r / my;
                int y = r % my;
                int base = r * mx;
                for (int x = 0; x < mx; x++) {
                    float v = u[base + x];
                    if (v == v) {
                        sx += x;
                        sy += y;
                        sz += z;
                        c++;
                    }
                }
            }
            sums[k][0] = sx;
            sums[k][1] = sy;
            sums[k][2] = sz;
            sums[k][3] = c;
        });
        long sx = 0;
        long sy = 0;
        long sz = 0;
        long c = 0;
        for (long[] s : sums) {
            sx += s[0];
            sy += s[1];
            sz += s[2];
            c += s[3];
        }
        return new double[] {(double) sx / c, (double) sy / c, (double) sz / c, c};
    }

    private static Acc kernel3D(float[] e, int nz, int ny, int nx, double[] centre, double h) {
        final double inv2h = 1.0 / (2 * h);
        int chunks = Parallel.chunkCount(nz - 2, PLANES_PER_CHUNK);
        Acc[] accs = new Acc[chunks];
        Parallel.forEachChunk(nz - 2, PLANES_PER_CHUNK, (k, from, to) -> {
            Acc a = new Acc();
            planes3D(e, 0, from + 1, to + 1, ny, nx, centre, inv2h, a);
            accs[k] = a;
        });
        return combine(accs);
    }

    /**
     * The 3D kernel on the interior planes {@code [zFrom, zTo)} of a slab whose first plane is
     * {@code firstPlane} (global z of {@code e[0]}); the slab must hold planes {@code zFrom - 1 ..
     * zTo}. Adds to {@code a} (not thread-safe: one accumulator per chunk). Primitive arrays only, no
     * allocation; voxels are visited in z, y, x order, so a chunk's sums do not depend on the slab.
     */
    static void planes3D(float[] e, int firstPlane, int zFrom, int zTo, int ny, int nx, double[] centre, double inv2h, Acc a) {
        final double ox = centre[0];
        final double oy = centre[1];
        final double oz = centre[2];
        final int plane = ny * nx;
        final long[] counts = a.counts;
        final double[] weight = a.weight;
        final long[] hist = a.sizeHist;
        double sumAbsCos = a.sumAbsCos;
        long interior = a.interior;
        long dropped = a.dropped;
        for (int z = zFrom; z < zTo; z++) {
            final double vz = oz - z;
            for (int y = 1; y < ny - 1; y++) {
                final double vy = oy - y;
                final int row = ((z - firstPlane) * ny + y) * nx;
                for (int x = 1; x < nx - 1; x++) {
                    final int i = row + x;
                    final float c = e[i];
                    if (c != c) {
                        continue;
                    }
                    final float xm = e[i - 1];
                    final float xp = e[i + 1];
                    final float ym = e[i - nx];
                    final float yp = e[i + nx];
                    final float zm = e[i - plane];
                    final float zp = e[i + plane];
                    if (xm != xm || xp != xp || ym != ym || yp != yp || zm != zm || zp != zp) {
                        continue;
                    }
                    interior++;
                    final double ux = ((double) xp - xm) * inv2h;
                    final double uy = ((double) yp - ym) * inv2h;
                    final double uz = ((double) zp - zm) * inv2h;
                    final double vx = ox - x;
                    final double uu = ux * ux + uy * uy + uz * uz;
                    final double vv = vx * vx + vy * vy + vz * vz;
                    if (uu == 0 || vv == 0) {
                        dropped++;
                        continue;
                    }
                    final double size = Math.sqrt(uu);
                    double cos = (ux * vx + uy * vy + uz * vz) / (size * Math.sqrt(vv));
                    cos = cos > 1 ? 1 : (cos < -1 ? -1 : cos);
                    final int bin = thetaBin(cos);
                    final int g = GROUP_OF_BIN[bin];
                    counts[bin]++;
                    weight[bin] += size;
                    hist[g * SIZE_BINS + sizeBin(size)]++;
                    sumAbsCos += Math.abs(cos);
                }
            }
        }
        a.sumAbsCos = sumAbsCos;
        a.interior = interior;
        a.dropped = dropped;
    }

    private static Acc kernel2D(float[] e, int ny, int nx, double[] centre, double h) {
        final double ox = centre[0];
        final double oy = centre[1];
        final double inv2h = 1.0 / (2 * h);
        int chunks = Parallel.chunkCount(ny - 2, ROWS_PER_CHUNK);
        Acc[] accs = new Acc[chunks];
        Parallel.forEachChunk(ny - 2, ROWS_PER_CHUNK, (k, from, to) -> {
            Acc a = new Acc();
            double sumAbsCos = 0;
            long interior = 0;
            long dropped = 0;
            for (int y = from + 1; y < to + 1; y++) {
                final double vy = oy - y;
                final int row = y * nx;
                for (int x = 1; x < nx - 1; x++) {
                    final int i = row + x;
                    final float c = e[i];
                    if (c != c) {
                        continue;
                    }
                    final float xm = e[i - 1];
                    final float xp = e[i + 1];
                    final float ym = e[i - nx];
                    final float yp = e[i + nx];
                    if (xm != xm || xp != xp || ym != ym || yp != yp) {
                        continue;
                    }
                    interior++;
                    final double ux = ((double) xp - xm) * inv2h;
                    final double uy = ((double) yp - ym) * inv2h;
                    final double vx = ox - x;
                    final double uu = ux * ux + uy * uy;
                    final double vv = vx * vx + vy * vy;
                    if (uu == 0 || vv == 0) {
                        dropped++;
                        continue;
                    }
                    final double size = Math.sqrt(uu);
                    double cos = (ux * vx + uy * vy) / (size * Math.sqrt(vv));
                    cos = cos > 1 ? 1 : (cos < -1 ? -1 : cos);
                    final int bin = thetaBin(cos);
                    final int g = GROUP_OF_BIN[bin];
                    a.counts[bin]++;
                    a.weight[bin] += size;
                    a.sizeHist[g * SIZE_BINS + sizeBin(size)]++;
                    sumAbsCos += Math.abs(cos);
                }
            }
            a.sumAbsCos = sumAbsCos;
            a.interior = interior;
            a.dropped = dropped;
            accs[k] = a;
        });
        return combine(accs);
    }

    /** Sums the chunk accumulators in chunk order; group counts and |u| sums follow from the theta bins. */
    private static Acc combine(Acc[] accs) {
        Acc total = new Acc();
        for (Acc a : accs) {
            total.add(a);
        }
        return groups(total);
    }

    /** Fills the group counts and |u| sums of a total from its theta bins (after every chunk was added). */
    static Acc groups(Acc total) {
        for (int i = 0; i < THETA_BINS; i++) {
            total.groupCounts[GROUP_OF_BIN[i]] += total.counts[i];
            total.groupSize[GROUP_OF_BIN[i]] += total.weight[i];
        }
        return total;
    }
}
