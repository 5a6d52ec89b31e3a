package org.cathodekit.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.StandardOpenOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.cathodekit.core.DataFormatException;
import org.cathodekit.xanes.StackSource;

import io.jhdf.HdfFile;
import io.jhdf.api.Dataset;
import io.jhdf.api.Node;
import io.jhdf.api.dataset.ChunkedDataset;
import io.jhdf.api.dataset.ContiguousDataset;
import io.jhdf.dataset.chunked.Chunk;
import io.jhdf.dataset.chunked.ChunkOffset;
import io.jhdf.dataset.chunked.ChunkedDatasetBase;
import io.jhdf.object.datatype.FloatingPoint;
import io.jhdf.exceptions.HdfException;

/**
 * A TXM-XANES stack in an HDF5 file, read slab by slab with jhdf slice reads (never the whole
 * dataset: jhdf caps whole reads at 2 GB and a 20 M-voxel x 60-energy stack is 4.8 GB).
 *
 * <p>Opening detects the {@link XanesLayout} (or uses the given dataset paths), reads and checks the
 * energies, and converts keV to eV when the largest energy is below 100 (reported in
 * {@link #energyUnitNote()} and {@link #describe()}). The file is opened read-only and closed by
 * {@link #close()}. Image data types: float32, float64 and integer types (converted to float).
 *
 * <p>The images must hold absorbance (optical density, {@code mu = -ln(I / I0)}), as processed
 * FXI and TXM-Sandbox registered stacks do; raw transmission counts must be converted first (the
 * metrics would otherwise see an inverted edge, and every voxel would be masked for a negative jump).
 */
public final class Hdf5XanesStack implements StackSource, AutoCloseable {
    /** Energies below this maximum are taken as keV. */
    public static final double KEV_THRESHOLD = 100.0;

    private final Path file;
    private final HdfFile hdf;
    private final XanesLayout layout;
    private final String imagesPath;
    private final String energiesPath;
    private final Dataset images;
    private final double[] energies;
    private final String unitNote;
    private final boolean volume;
    private final int nz;
    private final int ny;
    private final int nx;
    private final int chunkZ;
    /** Byte order of float32 image data (fast raw reads), or null for other types. */
    private final ByteOrder rawFloat;
    /**
     * The reused read buffer, direct: a positional read into a heap buffer goes through a temporary
     * direct buffer of the JDK and one more copy (issue 15: the reader pass was 40 % faster direct).
     */
    private ByteBuffer rowBuffer;
    /** Reused by {@link #read(int, int, int, int, float[][])} (a direct buffer per call would be zeroed and freed each time). */
    private ByteBuffer arrayReadBuffer;
    /** Storage addresses of uncompressed chunks (read with positional reads, never memory-mapped), or null. */
    private final Map<ChunkOffset, Chunk> chunkLookup;
    private FileChannel channel;

    private Hdf5XanesStack(Path file, HdfFile hdf, XanesLayout layout, String imagesPath, String energiesPath,
                           Dataset images, double[] energies, String unitNote) {
        this.file = file;
        this.hdf = hdf;
        this.layout = layout;
        this.imagesPath = imagesPath;
        this.energiesPath = energiesPath;
        this.images = images;
        this.energies = energies;
        this.unitNote = unitNote;
        int[] d = images.getDimensions();
        this.volume = d.length == 4;
        this.nz = volume ? d[1] : 1;
        this.ny = volume ? d[2] : d[1];
        this.nx = volume ? d[3] : d[2];
        int cz = 1;
        if (volume && images instanceof ChunkedDataset c) {
            cz = c.getChunkDimensions()[1];
        }
        this.chunkZ = cz;
        ByteOrder bo = null;
        if (images.getJavaType() == float.class && images.getDataType() instanceof FloatingPoint fp && fp.getSize() == 4) {
            bo = fp.getByteOrder();
        }
        this.rawFloat = bo;
        this.chunkLookup = bo != null && images instanceof ChunkedDatasetBase c && c.getFilters().isEmpty() ? lookup(c) : null;
    }

    /**
     * jhdf keeps the chunk index behind a protected method; reading it lets us fetch uncompressed
     * chunks with ordinary positional reads. jhdf's own raw-chunk access memory-maps the file, and
     * mapped pages count in the process's resident set until the buffers are garbage collected (a
     * 4.8 GB stack then shows ~4.6 GB RSS). Returns null when the index cannot be reached (another
     * jhdf version): the decompressing path is used instead.
     */
    @SuppressWarnings("unchecked")
    private static Map<ChunkOffset, Chunk> lookup(ChunkedDatasetBase c) {
        try {
            java.lang.reflect.Method m = ChunkedDatasetBase.class.getDeclaredMethod("getChunkLookup");
            m.setAccessible(true);
            return (Map<ChunkOffset, Chunk>) m.invoke(c);
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }

    /** Opens with automatic layout detection. */
    public static Hdf5XanesStack open(Path file) throws IOException {
        return open(file, null, null);
    }

    /**
     * Opens a stack.
     *
     * @param file         the HDF5 file (opened read-only)
     * @param imagesPath   image dataset path, or null to detect
     * @param energiesPath energies dataset path, or null to detect
     * @throws DataFormatException naming the file and dataset: missing datasets, wrong rank,
     *                             energies not finite/increasing/duplicate, length mismatch
     */
    public static Hdf5XanesStack open(Path file, String imagesPath, String energiesPath) throws IOException {
        org.cathodekit.core.InputFiles.requireRegularFile(file, "an HDF5 XANES stack");
        HdfFile hdf;
        try {
            hdf = new HdfFile(file);
        } catch (RuntimeException e) { // HdfException and whatever jhdf's parsing of damaged bytes throws
            throw new DataFormatException(file, null, "not a readable HDF5 file (" + e.getMessage() + ")", e);
        }
        try {
            XanesLayout layout = XanesLayout.CUSTOM;
            String ip = imagesPath;
            String ep = energiesPath;
            if (ip == null || ep == null) {
                XanesLayout found = null;
                for (XanesLayout l : XanesLayout.values()) {
                    if (l != XanesLayout.CUSTOM && exists(hdf, l.imagesPath()) && exists(hdf, l.energiesPath())) {
                        found = l;
                        break;
                    }
                }
                if (found == null && (ip == null || ep == null)) {
                    throw new DataFormatException(file, null, "no known XANES layout found (looked for " + knownLayouts()
                            + "); the file holds " + listDatasets(hdf) + "; give the dataset paths with --images and --energies");
                }
                if (found != null) {
                    layout = (ip == null && ep == null) ? found : XanesLayout.CUSTOM;
                    ip = ip == null ? found.imagesPath() : ip;
                    ep = ep == null ? found.energiesPath() : ep;
                }
            }
            Dataset img = dataset(hdf, file, ip, "image stack");
            Dataset eng = dataset(hdf, file, ep, "energies");
            int[] d = img.getDimensions();
            if (d.length != 3 && d.length != 4) {
                throw new DataFormatException(file, "dataset " + ip, "has rank " + d.length + " (shape "
                        + java.util.Arrays.toString(d) + "); expected [energy][y][x] or [energy][z][y][x]");
            }
            checkStorage(file, ip, img, "image stack");
            checkStorage(file, ep, eng, "energies");
            Class<?> t = img.getJavaType();
            if (!(t == float.class || t == double.class || t == short.class || t == int.class || t == byte.class || t == long.class)) {
                throw new DataFormatException(file, "dataset " + ip, "has element type " + t.getSimpleName()
                        + "; expected a numeric image type (float32, float64 or integers)");
            }
            double[] raw = readEnergies(file, ep, eng);
            if (raw.length != d[0]) {
                throw new DataFormatException(file, "datasets " + ip + " and " + ep, "the stack has " + d[0]
                        + " energy images but there are " + raw.length + " energies; they must match");
            }
            double max = Double.NEGATIVE_INFINITY;
            for (double v : raw) {
                max = Math.max(max, v);
            }
            String note;
            double[] ev = raw.clone();
            if (max < KEV_THRESHOLD) {
                for (int i = 0; i < ev.length; i++) {
                    ev[i] = raw[i] * 1000.0;
                }
                note = String.format(Locale.ROOT, "energies converted keV -> eV (largest value %.4f < %.0f taken as keV)", max, KEV_THRESHOLD);
            } else {
                note = "energies in eV as stored";
            }
            return new Hdf5XanesStack(file, hdf, layout, ip, ep, img, ev, note);
        } catch (RuntimeException e) {
            hdf.close();
            throw damaged(file, null, e);
        }
    }

    /**
     * Bad input, not an internal fault: jhdf reading damaged metadata throws {@link HdfException} and,
     * on some damage, plain runtime exceptions (buffer underflow, negative sizes, index errors) or an
     * {@link IllegalArgumentException} naming no file ("Couldn't read 0 bytes as int"). Our own
     * {@link DataFormatException}s pass through.
     */
    static IllegalArgumentException damaged(Path file, String location, RuntimeException e) {
        if (e instanceof DataFormatException dfe) {
            return dfe; // ours: already names the file, the place and the expectation
        }
        return new DataFormatException(file, location, "damaged or unreadable HDF5 metadata (" + e.getClass().getSimpleName()
                + (e.getMessage() == null ? "" : ": " + e.getMessage()) + "); expected an intact HDF5 file", e);
    }

    /**
     * Checks a dataset before reading it: at least one element per axis ("empty dataset", not a type
     * error), and contiguous data ending inside the file (a truncated file or damaged size is named
     * here instead of failing, or allocating the declared size, later).
     */
    static void checkStorage(Path file, String path, Dataset d, String what) {
        int[] dims = d.getDimensions();
        for (int n : dims) {
            if (n <= 0) {
                throw new DataFormatException(file, "dataset " + path, "is empty (shape " + java.util.Arrays.toString(dims)
                        + "); expected " + what + " with at least one element per axis");
            }
        }
        if (d instanceof ContiguousDataset c) {
            long bytes = d.getSizeInBytes();
            long end = c.getDataAddress() + bytes;
            long size;
            try {
                size = Files.size(file);
            } catch (IOException e) {
                return;
            }
            if (bytes < 0 || c.getDataAddress() < 0 || end > size) {
                throw new DataFormatException(file, "dataset " + path, "declares " + bytes + " bytes of data from offset "
                        + c.getDataAddress() + " but the file has " + size + " bytes: truncated or damaged file");
            }
        }
    }

    private static String knownLayouts() {
        List<String> s = new ArrayList<>();
        for (XanesLayout l : XanesLayout.values()) {
            if (l != XanesLayout.CUSTOM) {
                s.add(l + " (" + l.imagesPath() + " + " + l.energiesPath() + ")");
            }
        }
        return String.join(", ", s);
    }

    static boolean exists(HdfFile hdf, String path) {
        try {
            Node n = hdf.getByPath(path);
            return n instanceof Dataset;
        } catch (HdfException | IllegalArgumentException e) {
            return false;
        }
    }

    private static Dataset dataset(HdfFile hdf, Path file, String path, String what) {
        Node n;
        try {
            n = hdf.getByPath(path);
        } catch (HdfException | IllegalArgumentException e) {
            throw new DataFormatException(file, "dataset " + path, what + " dataset not found; the file holds " + listDatasets(hdf));
        }
        if (!(n instanceof Dataset ds)) {
            throw new DataFormatException(file, path, "is a " + n.getType() + ", expected the " + what + " dataset");
        }
        return ds;
    }

    /** @return the dataset paths in the file (at most 20), for error messages. */
    static String listDatasets(HdfFile hdf) {
        List<String> out = new ArrayList<>();
        collect(hdf, out);
        return out.isEmpty() ? "no datasets" : String.join(", ", out) + (out.size() >= 20 ? ", ..." : "");
    }

    private static void collect(io.jhdf.api.Group g, List<String> out) {
        for (Node n : g) {
            if (out.size() >= 20) {
                return;
            }
            if (n instanceof Dataset) {
                out.add(n.getPath());
            } else if (n instanceof io.jhdf.api.Group sub) {
                collect(sub, out);
            }
        }
    }

    private static double[] readEnergies(Path file, String path, Dataset eng) {
        int[] d = eng.getDimensions();
        long size = eng.getSize();
        if (d.length > 2 || (d.length == 2 && d[0] != 1 && d[1] != 1)) {
            throw new DataFormatException(file, "dataset " + path, "has shape " + java.util.Arrays.toString(d)
                    + "; expected a 1D list of energies");
        }
        Object flat = eng.getDataFlat();
        double[] e = new double[(int) size];
        if (flat instanceof double[] a) {
            e = a.clone();
        } else if (flat instanceof float[] a) {
            for (int i = 0; i < a.length; i++) {
                e[i] = a[i];
            }
        } else if (flat instanceof int[] a) {
            for (int i = 0; i < a.length; i++) {
                e[i] = a[i];
            }
        } else if (flat instanceof long[] a) {
            for (int i = 0; i < a.length; i++) {
                e[i] = a[i];
            }
        } else {
            throw new DataFormatException(file, "dataset " + path, "has element type "
                    + (flat == null ? "null" : flat.getClass().getSimpleName()) + "; expected numbers (energies in eV or keV)");
        }
        if (e.length < 2) {
            throw new DataFormatException(file, "dataset " + path, "holds " + e.length + " energies; a XANES stack needs at least 2");
        }
        for (int i = 0; i < e.length; i++) {
            if (!Double.isFinite(e[i])) {
                throw new DataFormatException(file, "dataset " + path + ", index " + i, "energy is " + e[i] + "; expected a finite number");
            }
            if (i > 0 && !(e[i] > e[i - 1])) {
                throw new DataFormatException(file, "dataset " + path + ", index " + i, "energies must be strictly increasing, but ["
                        + (i - 1) + "] = " + e[i - 1] + " and [" + i + "] = " + e[i] + (e[i] == e[i - 1] ? " (duplicate)" : " (decreasing)")
                        + "; sort the stack by energy and drop repeated energies");
            }
        }
        return e;
    }

    /** @return the file. */
    public Path file() {
        return file;
    }

    /** @return the detected (or {@link XanesLayout#CUSTOM}) layout. */
    public XanesLayout layout() {
        return layout;
    }

    /** @return the image dataset path. */
    public String imagesPath() {
        return imagesPath;
    }

    /** @return the energies dataset path. */
    public String energiesPath() {
        return energiesPath;
    }

    /** @return what was done about units, e.g. "energies converted keV -> eV (...)". */
    public String energyUnitNote() {
        return unitNote;
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

    @Override
    public boolean isVolume() {
        return volume;
    }

    @Override
    public int preferredSlabDepth() {
        return chunkZ;
    }

    /**
     * Raw float32 data, contiguous or in uncompressed chunks of whole rows: {@link #read(int, int, int, int,
     * ByteBuffer, int)} then reads exactly the box (one positional read per energy and z run).
     */
    @Override
    public boolean partialReadsCheap() {
        if (rawFloat == null) {
            return false;
        }
        if (images instanceof ContiguousDataset) {
            return true;
        }
        if (images instanceof ChunkedDataset c && chunkLookup != null) {
            int[] cd = c.getChunkDimensions();
            return cd[cd.length - 1] == nx;
        }
        return false;
    }

    @Override
    public String describe() {
        return String.format(Locale.ROOT, "%s: layout %s, images %s (%s), energies %s (%d, %.2f-%.2f eV; %s)", file, layout,
                imagesPath, (volume ? nz + " x " : "") + ny + " x " + nx, energiesPath, energies.length, energies[0],
                energies[energies.length - 1], unitNote);
    }

    /** Reads the box into arrays (through {@link #read(int, int, int, int, ByteBuffer, int)} and one copy). */
    @Override
    public void read(int z0, int dz, int y0, int dy, float[][] planes) throws IOException {
        int len = dz * dy * nx;
        int bytes = Math.multiplyExact(4 * energies.length, len);
        if (arrayReadBuffer == null || arrayReadBuffer.capacity() < bytes) {
            arrayReadBuffer = ByteBuffer.allocateDirect(bytes).order(ByteOrder.nativeOrder());
        }
        ByteBuffer b = arrayReadBuffer;
        read(z0, dz, y0, dy, b, len);
        FloatBuffer f = b.asFloatBuffer();
        for (int e = 0; e < energies.length; e++) {
            f.get(e * len, planes[e], 0, len);
        }
    }

    /**
     * Reads the box straight from the file into {@code planes} for float32 data (contiguous or
     * uncompressed chunked storage: positional reads, no copy of the stack on the heap; a storage
     * chunk that is exactly the box is read in one call), then puts the floats into native byte order
     * if the file's differs. Compressed chunks are decompressed by jhdf and copied in; other types go
     * through jhdf's generic reader.
     */
    @Override
    public void read(int z0, int dz, int y0, int dy, ByteBuffer planes, int planeStride) throws IOException {
        try {
            readSlab(z0, dz, y0, dy, planes, planeStride);
        } catch (RuntimeException e) {
            throw damaged(file, "dataset " + imagesPath + ", slab z " + z0 + "+" + dz + ", y " + y0 + "+" + dy, e);
        }
    }

    private void readSlab(int z0, int dz, int y0, int dy, ByteBuffer planes, int stride) throws IOException {
        int len = dz * dy * nx;
        if (rawFloat != null) {
            try {
                boolean read = false;
                if (images instanceof ChunkedDataset c) {
                    readChunks(c, z0, dz, y0, dy, planes, stride);
                    read = true;
                } else if (images instanceof ContiguousDataset c) {
                    readContiguous(c, z0, dz, y0, dy, planes, stride);
                    read = true;
                }
                if (read) {
                    if (rawFloat != ByteOrder.nativeOrder()) {
                        for (int e = 0; e < energies.length; e++) {
                            for (int i = 0; i < len; i++) {
                                int at = 4 * (e * stride + i);
                                planes.putInt(at, Integer.reverseBytes(planes.getInt(at)));
                            }
                        }
                    }
                    return;
                }
            } catch (HdfException | UnsupportedOperationException | IndexOutOfBoundsException e) {
                // e.g. chunks never written (fill value): the generic slice read below handles them
            }
        }
        float[][] tmp = new float[energies.length][len];
        readSlices(z0, dz, y0, dy, tmp);
        FloatBuffer f = planes.asFloatBuffer();
        for (int e = 0; e < energies.length; e++) {
            f.put(e * stride, tmp[e], 0, len);
        }
    }

    /**
     * Float32 chunked datasets: each storage chunk meeting the box is read with a positional read
     * (uncompressed; straight into {@code planes} when the chunk is exactly the box) or decompressed
     * by jhdf, and its rows are copied into place as bytes.
     */
    private void readChunks(ChunkedDataset c, int z0, int dz, int y0, int dy, ByteBuffer planes, int stride) throws IOException {
        int ne = energies.length;
        int[] cd = c.getChunkDimensions();
        int c0 = cd[0];
        int c1 = volume ? cd[1] : 1;
        int c2 = volume ? cd[2] : cd[1];
        int c3 = volume ? cd[3] : cd[2];
        int chunkBytes = c0 * c1 * c2 * c3 * 4;
        for (int ce = 0; ce < ne; ce += c0) {
            for (int cz = (z0 / c1) * c1; cz < z0 + dz; cz += c1) {
                for (int cy = (y0 / c2) * c2; cy < y0 + dy; cy += c2) {
                    for (int cx = 0; cx < nx; cx += c3) {
                        int[] origin = volume ? new int[] {ce, cz, cy, cx} : new int[] {ce, cy, cx};
                        ByteBuffer bb;
                        if (chunkLookup != null) {
                            long[] key = new long[origin.length];
                            for (int i = 0; i < key.length; i++) {
                                key[i] = origin[i];
                            }
                            Chunk chunk = chunkLookup.get(new ChunkOffset(key));
                            if (chunk == null || chunk.getSize() != chunkBytes) {
                                throw new HdfException("chunk " + java.util.Arrays.toString(origin) + " not stored as a raw chunk");
                            }
                            long address = chunk.getAddress() + hdf.getUserBlockSize();
                            boolean wholeBox = c0 == ne && cz == z0 && c1 == dz && y0 == 0 && dy == ny && c2 == ny && c3 == nx
                                    && stride == dz * dy * nx;
                            if (wholeBox) {
                                readFully(planes, 0, chunkBytes, address);
                                continue;
                            }
                            if (c3 == nx) {
                                // whole rows: each (energy, z) run of rows of the box is contiguous in the chunk and in the slab
                                int eEnd = Math.min(ne, ce + c0);
                                int zLo = Math.max(z0, cz);
                                int zHi = Math.min(z0 + dz, cz + c1);
                                int yLo = Math.max(y0, cy);
                                int yHi = Math.min(y0 + dy, cy + c2);
                                int runBytes = 4 * (yHi - yLo) * nx;
                                for (int e = ce; e < eEnd; e++) {
                                    for (int z = zLo; z < zHi; z++) {
                                        long src = 4L * ((((long) (e - ce) * c1 + (z - cz)) * c2 + (yLo - cy)) * c3);
                                        int dst = 4 * (e * stride + ((z - z0) * dy + (yLo - y0)) * nx);
                                        readFully(planes, dst, runBytes, address + src);
                                    }
                                }
                                continue;
                            }
                            bb = readAt(address, chunkBytes);
                        } else {
                            bb = ByteBuffer.wrap(c.getDecompressedChunk(origin));
                        }
                        int rowBytes = 4 * (Math.min(nx, cx + c3) - cx);
                        int eEnd = Math.min(ne, ce + c0);
                        int zLo = Math.max(z0, cz);
                        int zHi = Math.min(z0 + dz, cz + c1);
                        int yLo = Math.max(y0, cy);
                        int yHi = Math.min(y0 + dy, cy + c2);
                        for (int e = ce; e < eEnd; e++) {
                            for (int z = zLo; z < zHi; z++) {
                                for (int y = yLo; y < yHi; y++) {
                                    int src = 4 * ((((e - ce) * c1 + (z - cz)) * c2 + (y - cy)) * c3);
                                    int dst = 4 * (e * stride + ((z - z0) * dy + (y - y0)) * nx + cx);
                                    planes.put(dst, bb, src, rowBytes);
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    private ByteBuffer readAt(long position, int bytes) throws IOException {
        if (rowBuffer == null || rowBuffer.capacity() < bytes) {
            rowBuffer = ByteBuffer.allocateDirect(bytes);
        }
        readFully(rowBuffer, 0, bytes, position);
        return rowBuffer;
    }

    /** Reads {@code bytes} bytes at file position {@code position} into {@code dst[at, at + bytes)}. */
    private void readFully(ByteBuffer dst, int at, int bytes, long position) throws IOException {
        if (channel == null) {
            channel = FileChannel.open(file, StandardOpenOption.READ);
        }
        ByteBuffer d = dst.duplicate();
        d.limit(at + bytes).position(at);
        while (d.hasRemaining()) {
            if (channel.read(d, position + (d.position() - at)) < 0) {
                throw new DataFormatException(file, "dataset " + imagesPath, "file ends inside the image data (truncated file?)");
            }
        }
    }

    /** Float32 contiguous datasets: one positional read per energy and z slice of the box, straight into {@code planes}. */
    private void readContiguous(ContiguousDataset c, int z0, int dz, int y0, int dy, ByteBuffer planes, int stride) throws IOException {
        int ne = energies.length;
        long base = c.getDataAddress() + hdf.getUserBlockSize();
        int block = dy * nx;
        for (int e = 0; e < ne; e++) {
            for (int z = 0; z < dz; z++) {
                long element = (((long) e * nz + (z0 + z)) * ny + y0) * nx;
                readFully(planes, 4 * (e * stride + z * block), 4 * block, base + element * 4);
            }
        }
    }

    private void readSlices(int z0, int dz, int y0, int dy, float[][] planes) throws IOException {
        int ne = energies.length;
        Object data;
        try {
            if (volume) {
                data = images.getData(new long[] {0, z0, y0, 0}, new int[] {ne, dz, dy, nx});
            } else {
                data = images.getData(new long[] {0, y0, 0}, new int[] {ne, dy, nx});
            }
        } catch (IllegalArgumentException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new DataFormatException(file, "dataset " + imagesPath + ", slab z " + z0 + "+" + dz + ", y " + y0 + "+" + dy,
                    "cannot be read (" + e.getClass().getSimpleName() + ": " + e.getMessage() + "); expected intact image data", e);
        }
        for (int e = 0; e < ne; e++) {
            float[] dst = planes[e];
            Object img = java.lang.reflect.Array.get(data, e);
            if (volume) {
                Object[] slices = (Object[]) img;
                for (int z = 0; z < dz; z++) {
                    copyRows((Object[]) slices[z], dst, z * dy * nx);
                }
            } else {
                copyRows((Object[]) img, dst, 0);
            }
        }
    }

    private void copyRows(Object[] rows, float[] dst, int offset) {
        Hdf5Volume.copyRows(file, imagesPath, rows, nx, dst, offset);
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
