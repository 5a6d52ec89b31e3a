package org.cathodekit.xanes;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.cathodekit.core.Checks;
import org.cathodekit.core.Parallel;

/**
 * Entry point: per-voxel Ni K-edge metrics of TXM-XANES stacks and of single spectra.
 *
 * <h2>Definitions (each metric named separately)</h2>
 * <ul>
 *   <li>{@code pre(E)}, {@code post(E)}: least-squares lines over the pre- and post-edge windows
 *       (inclusive, eV).</li>
 *   <li>normalised {@code n(E) = (mu - pre(E)) / (post(E) - pre(E))}: pre-edge 0, post-edge 1
 *       (paper A, Methods); or the constant step {@code (mu - pre(E)) / J} ({@link Normalisation}).</li>
 *   <li><b>edge50</b>: the first upward crossing of {@code n = 0.5} inside the edge window: the first
 *       pair of consecutive measured energies {@code E_{i-1}, E_i} in the window with
 *       {@code n_{i-1} < 0.5 <= n_i}, and {@code E50 = E_{i-1} + (0.5 - n_{i-1}) (E_i - E_{i-1}) /
 *       (n_i - n_{i-1})}: linear interpolation, never snapped to the grid. This is paper A's "edge
 *       energy" (absorbance 0.5), not TXM-Sandbox's "edge50" (50 % of the white-line height).</li>
 *   <li><b>whiteline</b>: the maximum of a least-squares polynomial fitted to the raw mu over the
 *       white-line window ({@link WhitelineFit}; paper B's local SoC).</li>
 *   <li><b>edge jump</b> {@code J = post(E_ref) - pre(E_ref)}, {@code E_ref} the middle of the edge
 *       window unless given; masking rule in {@link EdgeOptions}.</li>
 * </ul>
 *
 * <h2>Streaming</h2>
 * {@link #maps} reads the stack in slabs of about {@code slabBytes} of float data (z ranges of a
 * volume; row ranges of a plane for 2D stacks and for volumes whose z plane exceeds the budget, when
 * the source reads part of its storage cheaply, {@link StackSource#partialReadsCheap}), reading the
 * next slab on a background thread while the current one is analysed in parallel chunks by one pool
 * of workers ({@link Parallel#pool}). Memory: two slabs (off the heap: the HDF5 reader reads the file
 * straight into them) plus the output maps (13 bytes per voxel with edge windows: three float maps and
 * one byte status map). Every voxel is computed independently, so the maps are bit-identical for any
 * thread count and slab size. Each chunk is computed by {@link EdgeBlockKernel} (blocks of 256 voxels,
 * four spectra at a time), which gives the same bits as the per-voxel {@link EdgeKernel#analyse} used
 * for single spectra.
 */
public final class Xanes {
    private Xanes() {
    }

    /** Default slab size: about 64 MB of float stack data per slab. */
    public static final long DEFAULT_SLAB_BYTES = 64L << 20;
    private static final int CHUNK_VOXELS = 4096;

    /**
     * Metrics of one spectrum. Only this single-item entry point throws for data problems it can
     * name; per-metric failures are returned as NaN plus {@link SpectrumMetrics#status()}.
     *
     * @param energiesEv strictly increasing energies, eV (not modified)
     * @param mu         absorbance (optical depth), same length (not modified)
     * @param options    windows and rules
     * @throws IllegalArgumentException for mismatched lengths, non-increasing energies or windows with too few energies
     */
    public static SpectrumMetrics spectrum(double[] energiesEv, double[] mu, EdgeOptions options) {
        Checks.requireStrictlyIncreasing(energiesEv, "energiesEv");
        if (mu.length != energiesEv.length) {
            throw new IllegalArgumentException("mu has " + mu.length + " values but energiesEv has " + energiesEv.length
                    + "; they must have the same length");
        }
        EdgeKernel k = new EdgeKernel(energiesEv, options).forSingleSpectrum();
        double[] out = new double[3];
        int status = k.analyse(mu.clone(), out);
        return new SpectrumMetrics(out[EdgeKernel.EDGE50], out[EdgeKernel.WHITELINE], out[EdgeKernel.JUMP],
                VoxelStatus.decode(status), options);
    }

    /**
     * The normalised spectrum {@code n(E)} of {@link EdgeOptions#normalisation()} at every energy
     * (for plots; NaN where {@code post(E) - pre(E) <= 0}).
     *
     * @throws IllegalArgumentException without edge windows, or as {@link #spectrum}
     */
    public static double[] normalised(double[] energiesEv, double[] mu, EdgeOptions options) {
        Checks.requireStrictlyIncreasing(energiesEv, "energiesEv");
        if (mu.length != energiesEv.length) {
            throw new IllegalArgumentException("mu has " + mu.length + " values but energiesEv has " + energiesEv.length);
        }
        if (!options.hasEdge()) {
            throw new IllegalArgumentException("normalisation needs the pre-edge, post-edge and edge windows");
        }
        double[] out = new double[mu.length];
        new EdgeKernel(energiesEv, options).normalise(mu.clone(), out);
        return out;
    }

    /** {@link #maps(StackSource, EdgeOptions, int, long)} with {@link Parallel#threads()} and the default slab size. */
    public static EdgeMaps maps(StackSource source, EdgeOptions options) throws IOException {
        return maps(source, options, Parallel.threads(), DEFAULT_SLAB_BYTES);
    }

    /**
     * Computes the edge50, white-line, edge-jump and status maps of a stack, streaming it by slab.
     * One bad voxel never stops the map: it becomes NaN with its status bits.
     *
     * @param source    the stack (read only)
     * @param options   windows and rules (validated against the stack's energies first)
     * @param threads   worker threads (1 = sequential); results do not depend on it
     * @param slabBytes approximate float bytes per slab (memory bound, two slabs in flight)
     * @throws IllegalArgumentException when a window holds too few energies (message names the window and the grid)
     * @throws IOException              when reading fails
     */
    public static EdgeMaps maps(StackSource source, EdgeOptions options, int threads, long slabBytes) throws IOException {
        return maps(source, options, threads, slabBytes, false);
    }

    /** Per-thread block kernel and its result buffers. */
    private static final class BlockScratch {
        final EdgeBlockKernel kernel;
        final double[] e50 = new double[EdgeBlockKernel.BLOCK];
        final double[] wl = new double[EdgeBlockKernel.BLOCK];
        final double[] jump = new double[EdgeBlockKernel.BLOCK];
        final byte[] status = new byte[EdgeBlockKernel.BLOCK];

        BlockScratch(EdgeKernel k) {
            kernel = new EdgeBlockKernel(k);
        }
    }

    /**
     * {@link #maps(StackSource, EdgeOptions, int, long)}; {@code scalarReference} runs the per-voxel
     * reference kernel ({@link EdgeKernel#analyse}) instead of the block kernel ({@link EdgeBlockKernel}),
     * for the test that proves them bit-identical.
     */
    static EdgeMaps maps(StackSource source, EdgeOptions options, int threads, long slabBytes, boolean scalarReference) throws IOException {
        Checks.requirePositive(threads, "threads");
        if (slabBytes <= 0) {
            throw new IllegalArgumentException("slabBytes must be > 0, got " + slabBytes);
        }
        double[] energies = source.energiesEv();
        Checks.requireStrictlyIncreasing(energies, "energies of " + source.describe());
        EdgeKernel kernel;
        try {
            kernel = new EdgeKernel(energies, options);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(e.getMessage() + " [stack " + source.describe() + "]", e);
        }
        int ne = energies.length;
        int nz = source.depth();
        int ny = source.height();
        int nx = source.width();
        boolean edgeOn = options.hasEdge();
        boolean wlOn = options.hasWhiteline();

        long voxelsPerSlab = Math.max(1, slabBytes / (4L * ne));
        final int dz;
        final int dy;
        if (nz > 1 && (voxelsPerSlab >= (long) ny * nx || !source.partialReadsCheap())) {
            int d = (int) Math.max(1, Math.min(nz, voxelsPerSlab / ((long) ny * nx)));
            int pref = Math.max(1, source.preferredSlabDepth());
            if (d >= pref) {
                d = (d / pref) * pref;
            } else if (!source.partialReadsCheap() && pref <= nz && (long) pref * ny * nx * 4L * ne <= 4 * slabBytes) {
                d = pref; // read whole storage chunks when they are not much larger than the budget
            }
            dz = d;
            dy = ny;
        } else {
            // one z plane (or a 2D stack) is more than the budget: slabs are row ranges of a plane
            dz = 1;
            dy = (int) Math.max(1, Math.min(ny, voxelsPerSlab / nx));
        }
        final int rowSlabs = (ny + dy - 1) / dy; // slabs per z range (1 unless dz == 1 and dy < ny)
        int slabs = (nz + dz - 1) / dz * rowSlabs;
        int planeLen = dz * dy * nx;
        // off-heap slabs in native order: the HDF5 reader reads the file straight into them (StackSource#read with a
        // buffer). The reader thread allocates each on first use (zeroing 60 MB takes about 25 ms), the first while
        // this thread allocates the maps, the second while slab 0 is analysed.
        ByteBuffer[] buffers = new ByteBuffer[2];

        final EdgeKernel k0 = kernel;
        ThreadLocal<BlockScratch> scratch = ThreadLocal.withInitial(() -> new BlockScratch(k0));
        ExecutorService reader = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "cathodekit-xanes-reader");
            t.setDaemon(true);
            return t;
        });
        Future<ByteBuffer> first = reader.submit(() -> readSlab(source, 0, nz, ny, dz, dy, rowSlabs, buffers, 0, ne, planeLen));
        final float[][][] e50;
        final float[][][] wl;
        final float[][][] jump;
        final byte[][][] status;
        try {
            e50 = edgeOn ? new float[nz][ny][nx] : null;
            wl = wlOn ? new float[nz][ny][nx] : null;
            jump = edgeOn ? new float[nz][ny][nx] : null;
            status = new byte[nz][ny][nx];
        } catch (RuntimeException | Error e) {
            reader.shutdownNow();
            throw e;
        }
        Parallel.Pool workers = Parallel.pool(threads);
        try {
            Future<ByteBuffer> pending = first;
            for (int s = 0; s < slabs; s++) {
                ByteBuffer planes = await(pending);
                if (s + 1 < slabs) {
                    final int next = s + 1;
                    pending = reader.submit(() -> readSlab(source, next, nz, ny, dz, dy, rowSlabs, buffers, next % 2, ne, planeLen));
                }
                final int z0 = s / rowSlabs * dz;
                final int y0 = s % rowSlabs * dy;
                final int sz = Math.min(dz, nz - z0);
                final int sy = Math.min(dy, ny - y0);
                final int n = sz * sy * nx;
                if (scalarReference) {
                    workers.forEachChunk(n, CHUNK_VOXELS, (chunk, from, to) -> {
                        FloatBuffer fb = planes.asFloatBuffer();
                        double[] mu = new double[ne];
                        double[] out = new double[3];
                        for (int v = from; v < to; v++) {
                            for (int e = 0; e < ne; e++) {
                                mu[e] = fb.get(e * planeLen + v);
                            }
                            int st = kernel.analyse(mu, out);
                            int x = v % nx;
                            int row = v / nx;
                            int y = y0 + row % sy;
                            int z = z0 + row / sy;
                            status[z][y][x] = (byte) st;
                            if (edgeOn) {
                                e50[z][y][x] = (float) out[EdgeKernel.EDGE50];
                                jump[z][y][x] = (float) out[EdgeKernel.JUMP];
                            }
                            if (wlOn) {
                                wl[z][y][x] = (float) out[EdgeKernel.WHITELINE];
                            }
                        }
                    });
                } else {
                    workers.forEachChunk(n, CHUNK_VOXELS, (chunk, from, to) -> {
                        BlockScratch b = scratch.get();
                        FloatBuffer fb = planes.asFloatBuffer();
                        for (int v0 = from; v0 < to; v0 += EdgeBlockKernel.BLOCK) {
                            int m = Math.min(EdgeBlockKernel.BLOCK, to - v0);
                            b.kernel.analyse(fb, planeLen, v0, m, b.e50, b.wl, b.jump, b.status);
                            // scatter the block's results into the maps, one row segment at a time
                            int done = 0;
                            while (done < m) {
                                int v = v0 + done;
                                int x = v % nx;
                                int row = v / nx;
                                int y = y0 + row % sy;
                                int z = z0 + row / sy;
                                int len = Math.min(nx - x, m - done);
                                System.arraycopy(b.status, done, status[z][y], x, len);
                                if (edgeOn) {
                                    float[] e50Row = e50[z][y];
                                    float[] jumpRow = jump[z][y];
                                    for (int i = 0; i < len; i++) {
                                        e50Row[x + i] = (float) b.e50[done + i];
                                        jumpRow[x + i] = (float) b.jump[done + i];
                                    }
                                }
                                if (wlOn) {
                                    float[] wlRow = wl[z][y];
                                    for (int i = 0; i < len; i++) {
                                        wlRow[x + i] = (float) b.wl[done + i];
                                    }
                                }
                                done += len;
                            }
                        }
                    });
                }
            }
        } finally {
            reader.shutdownNow();
            workers.close();
        }
        return new EdgeMaps(source.describe(), energies, options,
                edgeOn ? new VoxelMap("edge50", "eV", e50) : null,
                wlOn ? new VoxelMap("whiteline", "eV", wl) : null,
                edgeOn ? new VoxelMap("edge_jump", "mu", jump) : null,
                new StatusMap(status), StatusCounts.of(status), source.isVolume());
    }

    private static ByteBuffer slabBuffer(int energies, int planeLen) {
        return ByteBuffer.allocateDirect(Math.multiplyExact(4 * energies, planeLen)).order(ByteOrder.nativeOrder());
    }

    /** Reads slab {@code s} into {@code buffers[b]}, allocating it first if null (reader thread only). */
    private static ByteBuffer readSlab(StackSource source, int s, int nz, int ny, int dz, int dy, int rowSlabs, ByteBuffer[] buffers,
            int b, int energies, int planeLen) throws IOException {
        if (buffers[b] == null) {
            buffers[b] = slabBuffer(energies, planeLen);
        }
        ByteBuffer buf = buffers[b];
        int z0 = s / rowSlabs * dz;
        int y0 = s % rowSlabs * dy;
        source.read(z0, Math.min(dz, nz - z0), y0, Math.min(dy, ny - y0), buf, planeLen);
        return buf;
    }

    private static ByteBuffer await(Future<ByteBuffer> f) throws IOException {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading the stack", e);
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof IOException io) {
                throw io;
            }
            if (c instanceof UncheckedIOException uio) {
                throw uio.getCause();
            }
            if (c instanceof RuntimeException re) {
                throw re;
            }
            if (c instanceof Error er) {
                throw er;
            }
            throw new IllegalStateException(c);
        }
    }
}
