package org.cathodekit.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.poi.poifs.filesystem.DirectoryEntry;
import org.apache.poi.poifs.filesystem.DocumentEntry;
import org.apache.poi.poifs.filesystem.DocumentInputStream;
import org.apache.poi.poifs.filesystem.Entry;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.cathodekit.core.DataFormatException;

/**
 * One Xradia / Zeiss TXM image file: {@code .xrm} (one image) or {@code .txrm} (a series). Both are
 * OLE2 compound files, read through Apache POI's POIFS (no hand-written container code); the streams
 * used are
 * <ul>
 *   <li>{@code ImageInfo/ImageWidth}, {@code ImageHeight}, {@code DataType}, {@code NoOfImages}: int32 little-endian;</li>
 *   <li>{@code ImageInfo/PixelSize} (um), {@code ExpTimes} (s) and {@code Energy} (eV): float32, one per image
 *       ({@code PixelSize} one per file);</li>
 *   <li>{@code ImageInfo/Date}: NUL-terminated ASCII, one fixed-size slot per image;</li>
 *   <li>{@code ImageDataN/ImageM}: image M (1-based) in little-endian samples of the stored data type, row-major
 *       {@code [height][width]}; images 1-100 in {@code ImageData1}, 101-200 in {@code ImageData2}, ... .</li>
 * </ul>
 * Data types ({@code ImageInfo/DataType}): 5 = uint16, 10 = float32; others are refused naming the code.
 *
 * <p><b>Energy</b>: SSRL 6-2c writes 0 into {@code ImageInfo/Energy} and puts the energy into the file
 * name ({@code ..._08324.0_eV_001of003.xrm}, {@code ..._08324eV_...}); APS 32-ID stores it. The stored
 * value is used when it is plausible ({@link #PLAUSIBLE_MIN_EV} .. {@link #PLAUSIBLE_MAX_EV}), else the
 * name's; {@link #energySource()} says which. A file with neither is refused.
 *
 * <p>The metadata is read on {@link #open}; images are read one at a time by {@link #image} (the file
 * is opened again, read-only, for each call).
 *
 * @param file         the file (never modified)
 * @param width        image width (pixels, x)
 * @param height       image height (pixels, y)
 * @param dataType     the stored sample type
 * @param imageCount   images in the file (1 for {@code .xrm})
 * @param pixelSizeUm  pixel size, um (NaN when not stored)
 * @param exposuresS   exposure per image, s (NaN where not stored; accessor returns a copy)
 * @param energiesEv   energy per image, eV (accessor returns a copy)
 * @param energySource {@code "ImageInfo/Energy"}, {@code "file name"} or {@code "none"} (dark images, see {@link #open(Path, boolean)})
 * @param dates        acquisition date per image as written (e.g. {@code 05/29/16 15:02:37}); empty strings when absent
 * @param warnings     doubtful facts (stored energy disagrees with the name, ...)
 */
public record XradiaFile(Path file, int width, int height, DataType dataType, int imageCount, double pixelSizeUm,
                         double[] exposuresS, double[] energiesEv, String energySource, List<String> dates,
                         List<String> warnings) {

    /** Stored energies outside this range (eV) are taken as "not stored" (SSRL writes 0). */
    public static final double PLAUSIBLE_MIN_EV = 100.0;
    /** Upper end of a plausible TXM energy (eV): hard X-ray TXMs stop near 30 keV. */
    public static final double PLAUSIBLE_MAX_EV = 100_000.0;
    /**
     * When the stored energy and the name's differ by more than this (eV), a warning says so: SSRL
     * names carry 0.1 eV, APS stored values are float32 read-backs.
     */
    public static final double NAME_AGREEMENT_EV = 1.0;

    /** Energy in a file name: {@code _08324.0_eV}, {@code _8324eV}, {@code 8353.03eV} (group 1, eV). */
    public static final Pattern NAME_ENERGY = Pattern.compile("(?i)(?<![0-9.])(\\d{3,6}(?:\\.\\d+)?)_?eV(?![a-z])");

    /** Xradia sample types ({@code ImageInfo/DataType}). */
    public enum DataType {
        /** code 5: unsigned 16-bit integers. */
        UINT16(5, 2),
        /** code 10: IEEE float32. */
        FLOAT32(10, 4);

        private final int code;
        private final int bytes;

        DataType(int code, int bytes) {
            this.code = code;
            this.bytes = bytes;
        }

        /** @return the code stored in {@code ImageInfo/DataType}. */
        public int code() {
            return code;
        }

        /** @return bytes per sample. */
        public int bytes() {
            return bytes;
        }
    }

    public XradiaFile {
        exposuresS = exposuresS.clone();
        energiesEv = energiesEv.clone();
        dates = List.copyOf(dates);
        warnings = List.copyOf(warnings);
    }

    @Override
    public double[] exposuresS() {
        return exposuresS.clone();
    }

    @Override
    public double[] energiesEv() {
        return energiesEv.clone();
    }

    /** @return whether the first bytes are an OLE2 compound file signature ({@code D0 CF 11 E0 A1 B1 1A E1}). */
    public static boolean isOle2(byte[] head) {
        int[] sig = {0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1};
        if (head.length < sig.length) {
            return false;
        }
        for (int i = 0; i < sig.length; i++) {
            if ((head[i] & 0xFF) != sig[i]) {
                return false;
            }
        }
        return true;
    }

    /** @return the energy written in a file name (eV), or NaN when the name carries none. */
    public static double energyFromName(Path file) {
        Matcher m = NAME_ENERGY.matcher(file.getFileName().toString());
        double found = Double.NaN;
        while (m.find()) {
            found = Double.parseDouble(m.group(1));
        }
        return found;
    }

    /**
     * Reads the metadata of an Xradia file.
     *
     * @throws DataFormatException naming the file and stream: not OLE2, no {@code ImageInfo}, no image data,
     *                             unknown data type, no energy stored or in the name
     */
    public static XradiaFile open(Path file) {
        return open(file, true);
    }

    /**
     * Reads the metadata; with {@code requireEnergy} false (dark-current images) a missing energy gives
     * NaN energies and the source {@code "none"} instead of an error.
     */
    public static XradiaFile open(Path file, boolean requireEnergy) {
        try (POIFSFileSystem fs = openFs(file)) {
            DirectoryEntry root = fs.getRoot();
            DirectoryEntry info = dir(root, "ImageInfo");
            if (info == null) {
                throw new DataFormatException(file, "stream ImageInfo", "no ImageInfo storage; expected an Xradia .xrm/.txrm "
                        + "(OLE2 with ImageInfo/ImageWidth, ImageHeight, DataType and ImageData1/Image1)");
            }
            int width = int32(file, info, "ImageWidth");
            int height = int32(file, info, "ImageHeight");
            if (width <= 0 || height <= 0) {
                throw new DataFormatException(file, "stream ImageInfo/ImageWidth, ImageHeight", "image is " + width + " x " + height
                        + "; expected positive sizes");
            }
            int code = int32(file, info, "DataType");
            DataType type = null;
            for (DataType t : DataType.values()) {
                if (t.code == code) {
                    type = t;
                }
            }
            if (type == null) {
                throw new DataFormatException(file, "stream ImageInfo/DataType", "data type code " + code
                        + " is not supported; expected 5 (uint16) or 10 (float32)");
            }
            int n = optionalInt32(info, "NoOfImages", -1);
            int stored = countImages(root);
            if (stored == 0) {
                throw new DataFormatException(file, "stream ImageData1/Image1", "no image data; expected ImageData1/Image1 with "
                        + width + " x " + height + " " + type.name().toLowerCase(Locale.ROOT) + " samples");
            }
            if (n <= 0 || n > stored) {
                n = stored;
            }
            long need = (long) width * height * type.bytes;
            for (int i = 1; i <= n; i++) {
                DocumentEntry d = imageEntry(root, i);
                if (d == null || d.getSize() < need) {
                    throw new DataFormatException(file, "stream " + imagePath(i), (d == null ? "is missing" : "holds " + d.getSize()
                            + " bytes") + "; expected " + need + " bytes (" + width + " x " + height + " " + type.name().toLowerCase(Locale.ROOT)
                            + ", ImageInfo/NoOfImages = " + n + ")");
                }
            }
            double pixel = optionalFloat32(info, "PixelSize");
            double[] exp = floats(info, "ExpTimes", n);
            double[] stEnergy = floats(info, "Energy", n);
            List<String> dates = dates(info, n);
            List<String> warnings = new ArrayList<>();
            double nameEv = energyFromName(file);
            double[] energies = new double[n];
            boolean allStored = true;
            for (int i = 0; i < n; i++) {
                allStored &= stEnergy[i] >= PLAUSIBLE_MIN_EV && stEnergy[i] <= PLAUSIBLE_MAX_EV;
            }
            String source;
            if (allStored) {
                source = "ImageInfo/Energy";
                System.arraycopy(stEnergy, 0, energies, 0, n);
                if (n == 1 && Double.isFinite(nameEv) && Math.abs(nameEv - stEnergy[0]) > NAME_AGREEMENT_EV) {
                    warnings.add(String.format(Locale.ROOT, "stored energy %.3f eV differs from the file name's %.3f eV; "
                            + "using the stored one", stEnergy[0], nameEv));
                }
            } else if (Double.isFinite(nameEv) && n == 1) {
                source = "file name";
                energies[0] = nameEv;
                warnings.add(String.format(Locale.ROOT, "ImageInfo/Energy is %s (not a plausible energy); energy %.1f eV taken "
                        + "from the file name", stEnergy.length > 0 ? Double.toString(stEnergy[0]) : "absent", nameEv));
            } else if (!requireEnergy) {
                source = "none";
                java.util.Arrays.fill(energies, Double.NaN);
            } else {
                throw new DataFormatException(file, "stream ImageInfo/Energy", "no plausible energy (" + PLAUSIBLE_MIN_EV + " to "
                        + PLAUSIBLE_MAX_EV + " eV) stored for every image and " + (n == 1 ? "none in the file name "
                        + "(expected e.g. '_08324.0_eV' or '_8324eV')" : "a " + n + "-image file cannot take one from its name"));
            }
            return new XradiaFile(file, width, height, type, n, pixel, exp, energies, source, dates, warnings);
        } catch (IOException e) {
            throw new DataFormatException(file, null, "cannot be read as an OLE2 compound file (Xradia .xrm/.txrm): "
                    + e.getMessage(), e);
        }
    }

    /**
     * Reads image {@code index} (0-based) as floats, row-major {@code [y][x]} flattened.
     *
     * @throws DataFormatException when the stream cannot be read
     */
    public float[] image(int index) {
        if (index < 0 || index >= imageCount) {
            throw new IllegalArgumentException("image index " + index + " outside 0.." + (imageCount - 1) + " of " + file);
        }
        try (POIFSFileSystem fs = openFs(file)) {
            DocumentEntry d = imageEntry(fs.getRoot(), index + 1);
            int count = width * height;
            byte[] raw;
            try (DocumentInputStream in = new DocumentInputStream(d)) {
                raw = in.readNBytes(count * dataType.bytes);
            }
            if (raw.length < count * dataType.bytes) {
                throw new DataFormatException(file, "stream " + imagePath(index + 1), "holds " + raw.length + " bytes; expected "
                        + (count * dataType.bytes));
            }
            ByteBuffer b = ByteBuffer.wrap(raw).order(ByteOrder.LITTLE_ENDIAN);
            float[] out = new float[count];
            if (dataType == DataType.UINT16) {
                for (int i = 0; i < count; i++) {
                    out[i] = b.getShort(2 * i) & 0xFFFF;
                }
            } else {
                for (int i = 0; i < count; i++) {
                    out[i] = b.getFloat(4 * i);
                }
            }
            return out;
        } catch (IOException e) {
            throw new DataFormatException(file, "stream " + imagePath(index + 1), "cannot be read: " + e.getMessage(), e);
        }
    }

    /** @return the stream path of image {@code oneBased}: {@code ImageData1/Image1}, ..., {@code ImageData2/Image101}. */
    public static String imagePath(int oneBased) {
        return "ImageData" + ((oneBased - 1) / 100 + 1) + "/Image" + oneBased;
    }

    private static POIFSFileSystem openFs(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new DataFormatException(file, null, Files.exists(file) ? "is not a regular file" : "file not found");
        }
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(8);
        }
        if (!isOle2(head)) {
            throw new DataFormatException(file, "offset 0", "no OLE2 signature (D0 CF 11 E0 A1 B1 1A E1); expected an Xradia "
                    + ".xrm/.txrm compound file");
        }
        return new POIFSFileSystem(file.toFile(), true);
    }

    private static DirectoryEntry dir(DirectoryEntry parent, String name) {
        if (!parent.hasEntry(name)) {
            return null;
        }
        try {
            Entry e = parent.getEntry(name);
            return e instanceof DirectoryEntry d ? d : null;
        } catch (java.io.FileNotFoundException e) {
            return null;
        }
    }

    private static DocumentEntry doc(DirectoryEntry parent, String name) {
        if (parent == null || !parent.hasEntry(name)) {
            return null;
        }
        try {
            Entry e = parent.getEntry(name);
            return e instanceof DocumentEntry d ? d : null;
        } catch (java.io.FileNotFoundException e) {
            return null;
        }
    }

    private static DocumentEntry imageEntry(DirectoryEntry root, int oneBased) {
        return doc(dir(root, "ImageData" + ((oneBased - 1) / 100 + 1)), "Image" + oneBased);
    }

    private static int countImages(DirectoryEntry root) {
        int n = 0;
        while (imageEntry(root, n + 1) != null) {
            n++;
        }
        return n;
    }

    private static byte[] bytes(DirectoryEntry info, String name) throws IOException {
        DocumentEntry d = doc(info, name);
        if (d == null) {
            return null;
        }
        try (DocumentInputStream in = new DocumentInputStream(d)) {
            return in.readAllBytes();
        }
    }

    private static int int32(Path file, DirectoryEntry info, String name) throws IOException {
        byte[] b = bytes(info, name);
        if (b == null || b.length < 4) {
            throw new DataFormatException(file, "stream ImageInfo/" + name, (b == null ? "is missing" : "holds " + b.length + " bytes")
                    + "; expected a 4-byte little-endian integer");
        }
        return ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).getInt(0);
    }

    private static int optionalInt32(DirectoryEntry info, String name, int dflt) throws IOException {
        byte[] b = bytes(info, name);
        return b == null || b.length < 4 ? dflt : ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).getInt(0);
    }

    private static double optionalFloat32(DirectoryEntry info, String name) throws IOException {
        byte[] b = bytes(info, name);
        return b == null || b.length < 4 ? Double.NaN : decimal(ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).getFloat(0));
    }

    /** {@code n} float32 values (NaN past the end of a short or missing stream). */
    private static double[] floats(DirectoryEntry info, String name, int n) throws IOException {
        byte[] b = bytes(info, name);
        double[] v = new double[n];
        ByteBuffer bb = b == null ? null : ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < n; i++) {
            v[i] = bb != null && 4 * i + 4 <= b.length ? decimal(bb.getFloat(4 * i)) : Double.NaN;
        }
        return v;
    }

    /**
     * The float32 metadata value as the decimal the instrument wrote (shortest representation, e.g.
     * 0.0312 rather than 0.031199999153614044): the nearest double to {@link Float#toString}.
     */
    static double decimal(float v) {
        return Float.isFinite(v) ? Double.parseDouble(Float.toString(v)) : v;
    }

    private static List<String> dates(DirectoryEntry info, int n) throws IOException {
        byte[] b = bytes(info, "Date");
        List<String> out = new ArrayList<>();
        int slot = b == null ? 0 : b.length / n;
        for (int i = 0; i < n; i++) {
            if (slot == 0) {
                out.add("");
                continue;
            }
            int end = i * slot;
            while (end < (i + 1) * slot && b[end] != 0) {
                end++;
            }
            out.add(new String(b, i * slot, end - i * slot, StandardCharsets.ISO_8859_1).trim());
        }
        return out;
    }
}
