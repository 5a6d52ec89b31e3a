package org.cathodekit.io;

import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.cathodekit.core.DataFormatException;

import io.jhdf.HdfFile;
import io.jhdf.api.Attribute;
import io.jhdf.api.Dataset;
import io.jhdf.api.Group;
import io.jhdf.api.Node;
import io.jhdf.api.dataset.ChunkedDataset;
import io.jhdf.api.dataset.ContiguousDataset;
import io.jhdf.dataset.chunked.Chunk;
import io.jhdf.dataset.chunked.ChunkOffset;
import io.jhdf.dataset.chunked.ChunkedDatasetBase;
import io.jhdf.exceptions.HdfException;
import io.jhdf.object.datatype.FloatingPoint;

/**
 * One 2D ({@code [y][x]}) or 3D ({@code [z][y][x]}) numeric dataset of an HDF5 file, open for reading
 * by z-planes: the one HDF5 volume loader of CathodeKit (tomography volumes through
 * {@link Hdf5Volumes#read}, edge-energy maps and volumes of {@code cathodekit gradient}).
 *
 * <p><b>Reading.</b> {@link #readPlanes} fills a caller's {@code float[]} with whole z-planes, so a
 * volume can be streamed slab by slab in bounded memory (jhdf's whole-dataset reads build nested
 * arrays of the full volume and are capped at 2 GB). float32 data take a direct path: contiguous
 * data by positional reads of the plane range into a reused direct buffer; chunked data chunk by
 * chunk, uncompressed chunks by positional reads at their stored address (jhdf's own raw-chunk
 * access memory-maps the file, and mapped pages count in the resident set), filtered (e.g. gzip,
 * shuffle) chunks decompressed by jhdf, chunks never written as the dataset's fill value (as HDF5
 * reads them; jhdf 0.13's own read gives 0). Everything else (other element types, chunks never written,
 * an index jhdf does not expose) goes through jhdf's slice read {@code getData(offset, shape)}, with
 * float64 narrowed by {@code (float)} and integers converted exactly as Java's widening does. Both
 * paths give the same values (tested against h5py-written chunked/compressed files).
 *
 * <p><b>Errors.</b> Every problem is a {@link DataFormatException} naming the file and dataset:
 * missing, ambiguous (no path given and not exactly one 2D/3D dataset), a group, wrong rank, empty,
 * contiguous data past the end of the file, damaged metadata, data that cannot be read.
 */
public final class Hdf5Volume implements AutoCloseable {
    /** Dataset attributes holding the voxel edge [nm], in order of preference. */
    static final String[] VOXEL_ATTRIBUTES = {Hdf5Volumes.VOXEL_ATTRIBUTE, "pixel_size_nm"};
    /** Largest direct buffer of one positional read (bytes): big enough for the page cache, small for the RSS. */
    private static final int READ_BUFFER_BYTES = 4 << 20;

    private final Path file;
    private final HdfFile hdf;
    private final Dataset dataset;
    private final String path;
    private final int[] dims;
    private final int nz;
    private final int ny;
    private final int nx;
    /** Byte order of float32 data (direct paths), or null for other element types. */
    private final ByteOrder float32;
    /** The chunk index (chunked float32), or null when jhdf's is unreachable. */
    private final Map<ChunkOffset, Chunk> chunkLookup;
    /** Whether chunks pass through filters (compression, shuffle): then jhdf decompresses them. */
    private final boolean filtered;
    /** The value of never-written chunks: the dataset's fill value, HDF5's default 0 when none is stored. */
    private final float fill;
    private FileChannel channel;
    private ByteBuffer buffer;

    private Hdf5Volume(Path file, HdfFile hdf, Dataset dataset) {
        this.file = file;
        this.hdf = hdf;
        this.dataset = dataset;
        this.path = dataset.getPath();
        this.dims = dataset.getDimensions();
        this.nz = dims.length == 3 ? dims[0] : 1;
        this.ny = dims[dims.length - 2];
        this.nx = dims[dims.length - 1];
        ByteOrder bo = null;
        if (dataset.getJavaType() == float.class && dataset.getDataType() instanceof FloatingPoint fp && fp.getSize() == 4) {
            bo = fp.getByteOrder();
        }
        this.float32 = bo;
        this.chunkLookup = bo != null && dataset instanceof ChunkedDatasetBase c ? lookup(c) : null;
        this.filtered = dataset instanceof ChunkedDataset c && !c.getFilters().isEmpty();
        this.fill = fillValue(dataset);
    }

    /**
     * Opens a dataset (the file read-only).
     *
     * @param file     the HDF5 file
     * @param dataset  the dataset path (a leading "/" is added when missing), or null for the only
     *                 2D/3D dataset of the file
     * @param expected what the file should hold, for the "file not found" message (e.g. "an HDF5 volume file")
     * @throws DataFormatException naming the file and dataset (see the class comment)
     */
    public static Hdf5Volume open(Path file, String dataset, String expected) {
        org.cathodekit.core.InputFiles.requireRegularFile(file, expected);
        HdfFile hdf;
        try {
            hdf = new HdfFile(file);
        } catch (RuntimeException e) { // HdfException and whatever jhdf's parsing of damaged bytes throws
            throw new DataFormatException(file, dataset == null ? null : "dataset " + dataset,
                    "not a readable HDF5 file (" + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage())
                    + "); expected " + (expected == null ? "an HDF5 file" : expected), e);
        }
        try {
            Dataset d = find(hdf, file, dataset);
            int[] dims = d.getDimensions();
            if (dims.length != 2 && dims.length != 3) {
                throw new DataFormatException(file, "dataset " + d.getPath(), "has " + dims.length + " dimension(s) (shape "
                        + Arrays.toString(dims) + "); expected a 2D [y][x] map or image or a 3D [z][y][x] volume");
            }
            Hdf5XanesStack.checkStorage(file, d.getPath(), d, "a map or volume");
            Class<?> t = d.getJavaType();
            if (!(t == float.class || t == double.class || t == short.class || t == int.class || t == byte.class || t == long.class)) {
                throw new DataFormatException(file, "dataset " + d.getPath(), "has element type " + t.getSimpleName()
                        + "; expected numbers (float or integer)");
            }
            return new Hdf5Volume(file, hdf, d);
        } catch (RuntimeException e) {
            hdf.close();
            throw Hdf5XanesStack.damaged(file, dataset == null ? null : "dataset " + dataset, e);
        }
    }

    private static Dataset find(HdfFile h, Path file, String dataset) {
        if (dataset != null) {
            String p = dataset.startsWith("/") ? dataset : "/" + dataset;
            Node n;
            try {
                n = h.getByPath(p);
            } catch (HdfException | IllegalArgumentException e) {
                throw new DataFormatException(file, "dataset " + p, "not found; the file holds " + names(all(h)));
            }
            if (!(n instanceof Dataset d)) {
                throw new DataFormatException(file, "dataset " + p, "is a group, not a dataset; the file holds " + names(all(h)));
            }
            return d;
        }
        List<Dataset> candidates = new ArrayList<>();
        for (Dataset d : all(h)) {
            int r = d.getDimensions().length;
            if (r == 2 || r == 3) {
                candidates.add(d);
            }
        }
        if (candidates.size() != 1) {
            throw new DataFormatException(file, null, (candidates.isEmpty() ? "holds no 2D/3D dataset" : "holds "
                    + candidates.size() + " 2D/3D datasets") + "; name one with --dataset (datasets: " + names(all(h)) + ")");
        }
        return candidates.get(0);
    }

    private static List<Dataset> all(Group g) {
        List<Dataset> out = new ArrayList<>();
        for (Node n : g.getChildren().values()) {
            if (n instanceof Dataset d) {
                out.add(d);
            } else if (n instanceof Group c) {
                out.addAll(all(c));
            }
        }
        return out;
    }

    private static String names(List<Dataset> ds) {
        List<String> s = new ArrayList<>();
        for (Dataset d : ds) {
            s.add(d.getPath() + Arrays.toString(d.getDimensions()));
        }
        return s.isEmpty() ? "(none)" : String.join(", ", s.subList(0, Math.min(20, s.size())));
    }

    private static float fillValue(Dataset d) {
        try {
            Object f = d.getFillValue();
            return f instanceof Number n ? n.floatValue() : 0f;
        } catch (RuntimeException e) {
            return 0f; // an unreadable fill-value message: only chunks never written would need it
        }
    }

    /** See {@link Hdf5XanesStack}: jhdf keeps the chunk index behind a protected method; null when unreachable. */
    @SuppressWarnings("unchecked")
    private static Map<ChunkOffset, Chunk> lookup(ChunkedDatasetBase c) {
        try {
            Method m = ChunkedDatasetBase.class.getDeclaredMethod("getChunkLookup");
            m.setAccessible(true);
            return (Map<ChunkOffset, Chunk>) m.invoke(c);
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }

    /** @return the file */
    public Path file() {
        return file;
    }

    /** @return the dataset's absolute path */
    public String path() {
        return path;
    }

    /** @return the stored shape ({@code [z][y][x]} or {@code [y][x]}) */
    public int[] dimensions() {
        return dims.clone();
    }

    /** @return the number of z-planes (1 for a 2D dataset) */
    public int depth() {
        return nz;
    }

    /** @return ny */
    public int height() {
        return ny;
    }

    /** @return nx */
    public int width() {
        return nx;
    }

    /** @return the Java element type jhdf maps the data to ({@code float.class} for float32, ...) */
    public Class<?> elementType() {
        return dataset.getJavaType();
    }

    /** @return whether the data are IEEE float32 (the direct read paths) */
    public boolean isFloat32() {
        return float32 != null;
    }

    /** @return whether the data are stored in chunks */
    public boolean isChunked() {
        return dataset instanceof ChunkedDataset;
    }

    /**
     * @return the z-depth of the storage chunks (1 when contiguous or 2D): slabs that start and end on
     *         multiples of it decompress every chunk once
     */
    public int chunkPlanes() {
        return dims.length == 3 && dataset instanceof ChunkedDataset c ? c.getChunkDimensions()[0] : 1;
    }

    /** @return the voxel size from the {@code voxel_nm} or {@code pixel_size_nm} attribute, NaN when absent or not positive */
    public double voxelNm() {
        for (String name : VOXEL_ATTRIBUTES) {
            Attribute a = dataset.getAttribute(name);
            if (a != null) {
                Object v = a.getData();
                double x = v instanceof Number num ? num.doubleValue()
                        : v instanceof double[] arr && arr.length > 0 ? arr[0]
                        : v instanceof float[] farr && farr.length > 0 ? farr[0] : Double.NaN;
                if (x > 0 && Double.isFinite(x)) {
                    return x;
                }
            }
        }
        return Double.NaN;
    }

    /**
     * Reads the whole dataset as jhdf's flat array ({@code float[]}, {@code double[]}, {@code int[]} ...):
     * for element types a caller converts itself. Capped by jhdf at 2 GB.
     */
    public Object readFlat() {
        try {
            return dataset.getDataFlat();
        } catch (RuntimeException e) {
            throw unreadable("whole dataset", e);
        }
    }

    /** Reads every plane as float ({@link #readPlanes}); at most 2^31 - 1 values. */
    public float[] readAll() {
        long n = (long) nz * ny * nx;
        if (n > Integer.MAX_VALUE - 8) {
            throw new DataFormatException(file, "dataset " + path, "holds " + n + " values, more than one Java array (2^31 - 1) "
                    + "can hold; read it by planes");
        }
        float[] out = new float[(int) n];
        readPlanes(0, nz, out, 0);
        return out;
    }

    /**
     * Reads z-planes {@code [z0, z0 + planes)} as float into {@code dst}, plane {@code z0} at
     * {@code offset}, each plane {@code [y][x]} row-major. A 2D dataset has one plane, z = 0.
     * Modified: {@code dst[offset .. offset + planes * ny * nx)}.
     *
     * @throws DataFormatException naming the file, dataset and planes when the data cannot be read
     */
    public void readPlanes(int z0, int planes, float[] dst, int offset) {
        if (z0 < 0 || planes < 0 || z0 + planes > nz) {
            throw new IllegalArgumentException("planes " + z0 + "+" + planes + " outside 0.." + nz + " of " + path);
        }
        if ((long) planes * ny * nx > dst.length - (long) offset) {
            throw new IllegalArgumentException("dst holds " + (dst.length - offset) + " values from " + offset + ", "
                    + planes + " planes need " + (long) planes * ny * nx);
        }
        if (planes == 0) {
            return;
        }
        try {
            if (float32 != null) {
                try {
                    if (dataset instanceof ContiguousDataset c) {
                        readContiguous(c, z0, planes, dst, offset);
                        return;
                    }
                    if (dataset instanceof ChunkedDataset c) {
                        readChunks(c, z0, planes, dst, offset);
                        return;
                    }
                } catch (HdfException | UnsupportedOperationException | IndexOutOfBoundsException e) {
                    // an unexpected index or chunk size: jhdf's slice read below handles them
                }
            }
            readSlices(z0, planes, dst, offset);
        } catch (DataFormatException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw unreadable("planes z " + z0 + "+" + planes, e);
        }
    }

    private DataFormatException unreadable(String what, Exception e) {
        return new DataFormatException(file, "dataset " + path + ", " + what, "cannot be read (" + e.getClass().getSimpleName()
                + (e.getMessage() == null ? "" : ": " + e.getMessage()) + "); expected intact numeric data", e);
    }

    private FileChannel channel() throws IOException {
        if (channel == null) {
            channel = FileChannel.open(file, StandardOpenOption.READ);
        }
        return channel;
    }

    private ByteBuffer buffer(int bytes) {
        if (buffer == null || buffer.capacity() < bytes) {
            buffer = ByteBuffer.allocateDirect(Math.max(bytes, READ_BUFFER_BYTES));
        }
        buffer.clear().limit(bytes);
        return buffer;
    }

    /** Fills {@code bytes} bytes from {@code position} into the reused direct buffer (flipped, in the data's byte order). */
    private ByteBuffer readAt(long position, int bytes) throws IOException {
        ByteBuffer b = buffer(bytes);
        FileChannel ch = channel();
        while (b.hasRemaining()) {
            if (ch.read(b, position + b.position()) < 0) {
                throw new DataFormatException(file, "dataset " + path, "the file ends inside the data at byte "
                        + (position + b.position()) + " (truncated file?)");
            }
        }
        b.flip();
        return b.order(float32);
    }

    /** Contiguous float32: the plane range is one byte range; read in pieces of at most {@link #READ_BUFFER_BYTES}. */
    private void readContiguous(ContiguousDataset c, int z0, int planes, float[] dst, int offset) throws IOException {
        long base = c.getDataAddress() + hdf.getUserBlockSize();
        long first = (long) z0 * ny * nx;
        long count = (long) planes * ny * nx;
        int perRead = READ_BUFFER_BYTES / 4;
        for (long done = 0; done < count; ) {
            int n = (int) Math.min(perRead, count - done);
            ByteBuffer b = readAt(base + (first + done) * 4, n * 4);
            b.asFloatBuffer().get(dst, offset + (int) done, n);
            done += n;
        }
    }

    /** Chunked float32: each chunk meeting the plane range once, its rows copied in bulk. */
    private void readChunks(ChunkedDataset c, int z0, int planes, float[] dst, int offset) throws IOException {
        boolean three = dims.length == 3;
        int[] cd = c.getChunkDimensions();
        int cz = three ? cd[0] : 1;
        int cy = three ? cd[1] : cd[0];
        int cx = three ? cd[2] : cd[1];
        int chunkBytes = cz * cy * cx * 4;
        int plane = ny * nx;
        for (int oz = (z0 / cz) * cz; oz < z0 + planes; oz += cz) {
            for (int oy = 0; oy < ny; oy += cy) {
                for (int ox = 0; ox < nx; ox += cx) {
                    int[] origin = three ? new int[] {oz, oy, ox} : new int[] {oy, ox};
                    int len = Math.min(nx, ox + cx) - ox;
                    int zLo = Math.max(z0, oz);
                    int zHi = Math.min(z0 + planes, oz + cz);
                    int yHi = Math.min(ny, oy + cy);
                    FloatBuffer fb;
                    if (chunkLookup != null) {
                        long[] key = new long[origin.length];
                        for (int i = 0; i < key.length; i++) {
                            key[i] = origin[i];
                        }
                        Chunk chunk = chunkLookup.get(new ChunkOffset(key));
                        if (chunk == null) {
                            // never written: HDF5 reads the fill value (jhdf 0.13's slice read gives 0 instead)
                            for (int z = zLo; z < zHi; z++) {
                                for (int y = oy; y < yHi; y++) {
                                    int o = offset + (z - z0) * plane + y * nx + ox;
                                    Arrays.fill(dst, o, o + len, fill);
                                }
                            }
                            continue;
                        }
                        if (filtered) {
                            fb = ByteBuffer.wrap(c.getDecompressedChunk(origin)).order(float32).asFloatBuffer();
                        } else if (chunk.getSize() == chunkBytes) {
                            fb = readAt(chunk.getAddress() + hdf.getUserBlockSize(), chunkBytes).asFloatBuffer();
                        } else {
                            throw new HdfException("chunk " + Arrays.toString(origin) + " holds " + chunk.getSize()
                                    + " bytes, not the " + chunkBytes + " of an unfiltered chunk");
                        }
                    } else {
                        fb = ByteBuffer.wrap(c.getDecompressedChunk(origin)).order(float32).asFloatBuffer();
                    }
                    for (int z = zLo; z < zHi; z++) {
                        for (int y = oy; y < yHi; y++) {
                            int src = ((z - oz) * cy + (y - oy)) * cx;
                            fb.get(src, dst, offset + (z - z0) * plane + y * nx + ox, len);
                        }
                    }
                }
            }
        }
    }

    /** jhdf's slice read, converted to float. */
    private void readSlices(int z0, int planes, float[] dst, int offset) {
        Object data = dims.length == 3
                ? dataset.getData(new long[] {z0, 0, 0}, new int[] {planes, ny, nx})
                : dataset.getData(new long[] {0, 0}, new int[] {ny, nx});
        int plane = ny * nx;
        if (dims.length == 3) {
            Object[] slices = (Object[]) data;
            for (int z = 0; z < planes; z++) {
                copyRows((Object[]) slices[z], dst, offset + z * plane);
            }
        } else {
            copyRows((Object[]) data, dst, offset);
        }
    }

    private void copyRows(Object[] rows, float[] dst, int offset) {
        copyRows(file, path, rows, nx, dst, offset);
    }

    /**
     * Copies rows as jhdf returns them for a slice (float, double or integer arrays of {@code nx}
     * values) into {@code dst} from {@code offset}, row after row, as float32: the one conversion of
     * every HDF5 volume and stack reader's slow (non-direct) path.
     */
    static void copyRows(Path file, String dataset, Object[] rows, int nx, float[] dst, int offset) {
        for (int y = 0; y < rows.length; y++) {
            int o = offset + y * nx;
            Object r = rows[y];
            if (r instanceof float[] f) {
                System.arraycopy(f, 0, dst, o, nx);
            } else if (r instanceof double[] d) {
                for (int x = 0; x < nx; x++) {
                    dst[o + x] = (float) d[x];
                }
            } else if (r instanceof int[] s) {
                for (int x = 0; x < nx; x++) {
                    dst[o + x] = s[x];
                }
            } else if (r instanceof short[] s) {
                for (int x = 0; x < nx; x++) {
                    dst[o + x] = s[x];
                }
            } else if (r instanceof byte[] s) {
                for (int x = 0; x < nx; x++) {
                    dst[o + x] = s[x];
                }
            } else if (r instanceof long[] s) {
                for (int x = 0; x < nx; x++) {
                    dst[o + x] = s[x];
                }
            } else {
                throw new DataFormatException(file, "dataset " + dataset, "has element type "
                        + (r == null ? "none" : r.getClass().getSimpleName()) + "; expected numbers (float or integer)");
            }
        }
    }

    @Override
    public void close() {
        try {
            if (channel != null) {
                channel.close();
            }
        } catch (IOException e) {
            // closing a read-only channel: nothing was written, nothing to lose
        } finally {
            hdf.close();
        }
    }
}
