package org.cathodekit.io;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.cathodekit.core.DiffractionPattern;

/**
 * Writes the imitation vendor files of {@code src/test/resources/org/cathodekit/io/xrd/imitation/}
 * from one real measurement: the xrdtools {@code test_scan.xrdml} (MIT, paruch-group/xrdtools @ c462bf71,
 * 750 points 15.01-29.99 deg, K-alpha1 1.540598 A), read by {@link XrdmlReader}. Each file carries the
 * same 2-theta grid and counts in another vendor's layout (as documented in the reader javadoc), and
 * says in its own text that it is an imitation made here, not instrument output.
 *
 * <p>Run {@code main(outputFolder)} to regenerate; the tests also regenerate into a temporary folder
 * and check that the committed files are byte-identical (when the real xrdml is present).
 */
public final class XrdImitationFixtures {
    private XrdImitationFixtures() {
    }

    static final String PROVENANCE = "IMITATION written by CathodeKit XrdImitationFixtures from xrdtools test_scan.xrdml (MIT);"
            + " not instrument output";
    /** Fixed zip entry time (local, no time zone involved) so that regenerated containers are byte-identical. */
    private static final java.time.LocalDateTime ZIP_TIME = java.time.LocalDateTime.of(2023, 11, 21, 12, 0);
    static final double A1 = 1.540598;
    static final double A2 = 1.544426;

    public static void main(String[] args) throws IOException {
        Path real = Path.of(args.length > 1 ? args[1] : "../../shared/reference-data/real-formats/xrd/xrdtools_test_scan.xrdml");
        writeAll(XrdmlReader.read(real), Path.of(args[0]));
    }

    /** Writes every imitation of {@code p} into {@code dir}. */
    static void writeAll(DiffractionPattern p, Path dir) throws IOException {
        Files.createDirectories(dir);
        double[] x = p.twoThetaDeg();
        double[] y = p.intensity();
        Files.writeString(dir.resolve("xrdtools_scan.xy"), xy(x, y), StandardCharsets.UTF_8);
        Files.write(dir.resolve("imitation.brml"), brml(x, y));
        Files.write(dir.resolve("imitation.rasx"), rasx(x, y));
        Files.writeString(dir.resolve("imitation.asc"), asc(x, y), StandardCharsets.ISO_8859_1);
        Files.writeString(dir.resolve("imitation_panalytical.csv"), panalyticalCsv(x, y), StandardCharsets.UTF_8);
        Files.write(dir.resolve("imitation_v4.raw"), rawV4(x, y));
        Files.write(dir.resolve("imitation_v2.raw"), rawV2(x, y));
        Files.write(dir.resolve("imitation_v3_records.raw"), rawV3Records(x, y));
        Files.write(dir.resolve("imitation_v1.raw"), rawV1(x, y));
        Files.write(dir.resolve("bad_unknown_version.raw"), badRaw());
        Files.write(dir.resolve("bad_no_rawdata.brml"), zip("Experiment0/DataContainer.xml", xmlComment().getBytes(StandardCharsets.UTF_8)));
        Files.write(dir.resolve("bad_no_profile.rasx"), zip("Data0/MesurementConditions0.xml", conditions().getBytes(StandardCharsets.UTF_8)));
    }

    static String xy(double[] x, double[] y) {
        StringBuilder b = new StringBuilder("# " + PROVENANCE + "\n# wavelength = " + A1 + " A (K-alpha1)\n# 2theta_deg intensity\n");
        for (int i = 0; i < x.length; i++) {
            b.append(String.format(Locale.ROOT, "%.4f %.0f%n", x[i], y[i]));
        }
        return b.toString();
    }

    private static String xmlComment() {
        return "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<!-- " + PROVENANCE + " -->\n";
    }

    static byte[] brml(double[] x, double[] y) throws IOException {
        StringBuilder b = new StringBuilder(xmlComment());
        b.append("<RawData>\n <FixedInformation><Instrument><PrimaryTracks><TrackInfoData><MountedOptics><InfoData><Tube>\n");
        b.append(String.format(Locale.ROOT, "  <WaveLengthAlpha1 Value=\"%s\" Unit=\"\u00c5\" />%n  <WaveLengthAlpha2 Value=\"%s\" Unit=\"\u00c5\" />%n"
                + "  <WaveLengthRatio Value=\"0\" />%n", A1, A2));
        b.append(" </Tube></InfoData></MountedOptics></TrackInfoData></PrimaryTracks></Instrument></FixedInformation>\n");
        b.append(" <DataRoutes><DataRoute><ScanInformation VisibleName=\"Coupled TwoTheta/Theta\"><ScanAxes>\n");
        b.append(String.format(Locale.ROOT, "  <ScanAxisInfo AxisId=\"TwoTheta\" AxisName=\"TwoTheta\"><Start>%.4f</Start>"
                + "<Stop>%.4f</Stop><Increment>%.4f</Increment></ScanAxisInfo>%n", x[0], x[x.length - 1], (x[x.length - 1] - x[0]) / (x.length - 1)));
        b.append(" </ScanAxes></ScanInformation>\n");
        for (int i = 0; i < x.length; i++) {
            b.append(String.format(Locale.ROOT, "  <Datum>1,1,%.4f,%.4f,%.0f</Datum>%n", x[i], x[i] / 2, y[i]));
        }
        b.append(" </DataRoute></DataRoutes>\n</RawData>\n");
        return zip(ZipPatternReaders.BRML_DATA, b.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static String conditions() {
        return xmlComment() + String.format(Locale.ROOT, "<MeasurementConditions><GeneralInformation><Wavelength>"
                + "<WavelengthKalpha1>%s</WavelengthKalpha1><WavelengthKalpha2>%s</WavelengthKalpha2></Wavelength>"
                + "</GeneralInformation></MeasurementConditions>%n", A1, A2);
    }

    static byte[] rasx(double[] x, double[] y) throws IOException {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < x.length; i++) {
            b.append(String.format(Locale.ROOT, "%.4f\t%.0f\t1%n", x[i], y[i]));
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(out)) {
            put(z, "Data0/MesurementConditions0.xml", conditions().getBytes(StandardCharsets.UTF_8));
            put(z, ZipPatternReaders.RASX_DATA, b.toString().getBytes(StandardCharsets.UTF_8));
            put(z, "readme.txt", PROVENANCE.getBytes(StandardCharsets.UTF_8));
        }
        return out.toByteArray();
    }

    static String asc(double[] x, double[] y) {
        double step = (x[x.length - 1] - x[0]) / (x.length - 1);
        StringBuilder b = new StringBuilder();
        b.append("*TYPE\t\t=  Raw\n*CLASS\t\t=  Scan\n*FILE_COMMENT\t=  ").append(PROVENANCE).append('\n');
        b.append(String.format(Locale.ROOT, "*WAVE_LENGTH1\t=  %s%n*WAVE_LENGTH2\t=  %s%n*BEGIN%n*START\t\t=  %.4f%n*STOP\t\t=  %.4f%n"
                + "*STEP\t\t=  %.4f%n*COUNT\t\t=  %d%n", A1, A2, x[0], x[x.length - 1], step, x.length));
        for (int i = 0; i < y.length; i += 4) {
            StringBuilder line = new StringBuilder();
            for (int k = i; k < Math.min(y.length, i + 4); k++) {
                line.append(k == i ? "" : ", ").append(String.format(Locale.ROOT, "%8.0f", y[k]));
            }
            b.append(line).append('\n');
        }
        b.append("*END\n*EOF\n");
        return b.toString();
    }

    static String panalyticalCsv(double[] x, double[] y) {
        StringBuilder b = new StringBuilder("[Measurement conditions]\n");
        b.append("File name,imitation_panalytical.csv\nComment,").append(PROVENANCE).append('\n');
        b.append(String.format(Locale.ROOT, "Anode material,Cu%nK-Alpha1 wavelength,%s%nK-Alpha2 wavelength,%s%nRatio K-Alpha2/K-Alpha1,0%n"
                + "Scan axis,Gonio%nStart position [\u00b02Th.],%.4f%nEnd position [\u00b02Th.],%.4f%n[Scan points]%nAngle,Intensity%n",
                A1, A2, x[0], x[x.length - 1]));
        for (int i = 0; i < x.length; i++) {
            b.append(String.format(Locale.ROOT, "%.4f,%.0f%n", x[i], y[i]));
        }
        return b.toString();
    }

    /** RAW4.00: 61-byte header, a type-30 hardware record, one type-0 range (160 bytes) with 2Theta/Theta sub-records. */
    static byte[] rawV4(double[] x, double[] y) {
        int hw = 120;
        int sub = 2 * 64;
        ByteBuffer b = le(61 + hw + 160 + sub + 4 * y.length);
        ascii(b, 0, "RAW4.00");
        ascii(b, 12, "11/21/2023");
        ascii(b, 24, "12:00:00");
        ascii(b, 34, "IMITATION");
        int p = 61;
        b.putInt(p, 30).putInt(p + 4, hw);
        b.putDouble(p + 72, (2 * A1 + A2) / 3).putDouble(p + 80, A1).putDouble(p + 88, A2).putDouble(p + 96, 1.39222).putDouble(p + 104, 0.0);
        ascii(b, p + 116, "Cu");
        p += hw;
        double step = (x[x.length - 1] - x[0]) / (x.length - 1);
        b.putInt(p, 0);
        ascii(b, p + 32, "Locked Coupled");
        b.putDouble(p + 72, x[0] / 2).putDouble(p + 80, step).putInt(p + 88, y.length).putFloat(p + 92, 1.0f);
        b.putDouble(p + 112, A1).putInt(p + 136, 4).putInt(p + 140, sub);
        int q = p + 160;
        b.putInt(q, 50).putInt(q + 4, 64);
        ascii(b, q + 12, "Theta");
        b.putDouble(q + 56, x[0] / 2);
        q += 64;
        b.putInt(q, 50).putInt(q + 4, 64);
        ascii(b, q + 12, "2Theta");
        b.putDouble(q + 56, x[0]);
        q += 64;
        for (int i = 0; i < y.length; i++) {
            b.putFloat(q + 4 * i, (float) y[i]);
        }
        return b.array();
    }

    /**
     * RAW1.01 with 12-byte data records (varying-parameter mask bit 0: float32 counts then the float64
     * measured 2-theta): 712-byte file header, one 304-byte range header, no supplementary header.
     */
    static byte[] rawV3Records(double[] x, double[] y) {
        ByteBuffer b = le(712 + 304 + 12 * y.length);
        ascii(b, 0, "RAW1.01");
        b.putInt(8, 1).putInt(12, 1);
        ascii(b, 326, "IMITATION");
        b.putFloat(564, 217.5f);
        ascii(b, 608, "Cu");
        b.putDouble(616, (2 * A1 + A2) / 3).putDouble(624, A1).putDouble(632, A2).putDouble(640, 1.39222).putDouble(648, 0.0);
        int r = 712;
        double step = (x[x.length - 1] - x[0]) / (x.length - 1);
        b.putInt(r, 304).putInt(r + 4, y.length).putDouble(r + 8, x[0] / 2).putDouble(r + 16, x[0]).putDouble(r + 176, step);
        b.putFloat(r + 192, 1f).putDouble(r + 240, A1).putInt(r + 248, 1).putInt(r + 252, 12).putInt(r + 256, 0);
        for (int i = 0; i < y.length; i++) {
            b.putFloat(r + 304 + 12 * i, (float) y[i]).putDouble(r + 304 + 12 * i + 4, x[i]);
        }
        return b.array();
    }

    /** RAW2: uint16 range count at 4, wavelengths at 190/194/198, one range at 256 with a 64-byte header. */
    static byte[] rawV2(double[] x, double[] y) {
        ByteBuffer b = le(256 + 64 + 4 * y.length);
        ascii(b, 0, "RAW2");
        b.putShort(4, (short) 1);
        ascii(b, 8, "IMITATION");
        ascii(b, 188, "Cu");
        b.putFloat(190, (float) A1).putFloat(194, (float) A2).putFloat(198, 0f);
        double step = (x[x.length - 1] - x[0]) / (x.length - 1);
        b.putShort(256, (short) 64).putShort(258, (short) y.length).putFloat(264, 1f).putFloat(268, (float) step).putFloat(272, (float) x[0]);
        for (int i = 0; i < y.length; i++) {
            b.putFloat(256 + 64 + 4 * i, (float) y[i]);
        }
        return b.array();
    }

    /** "RAW ": one range, header 156 bytes, float32 step/start and wavelengths. */
    static byte[] rawV1(double[] x, double[] y) {
        ByteBuffer b = le(156 + 4 * y.length);
        ascii(b, 0, "RAW ");
        double step = (x[x.length - 1] - x[0]) / (x.length - 1);
        b.putInt(4, y.length).putFloat(8, 1f).putFloat(12, (float) step).putInt(16, 1).putFloat(24, (float) x[0]);
        b.putFloat(28, -1e6f).putFloat(32, -1e6f).putFloat(36, -1e6f);
        ascii(b, 40, "IMITATION");
        b.putFloat(72, (float) A1).putFloat(76, (float) A2).putInt(152, 0);
        for (int i = 0; i < y.length; i++) {
            b.putFloat(156 + 4 * i, (float) y[i]);
        }
        return b.array();
    }

    static byte[] badRaw() {
        ByteBuffer b = le(1024);
        ascii(b, 0, "RAW5.00");
        ascii(b, 16, "IMITATION: an unknown Bruker RAW version signature");
        return b.array();
    }

    private static ByteBuffer le(int n) {
        return ByteBuffer.allocate(n).order(ByteOrder.LITTLE_ENDIAN);
    }

    private static void ascii(ByteBuffer b, int at, String s) {
        byte[] t = s.getBytes(StandardCharsets.US_ASCII);
        for (int i = 0; i < t.length; i++) {
            b.put(at + i, t[i]);
        }
    }

    static byte[] zip(String name, byte[] content) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(out)) {
            put(z, name, content);
            put(z, "readme.txt", PROVENANCE.getBytes(StandardCharsets.UTF_8));
        }
        return out.toByteArray();
    }

    /** The bytes of one entry of a zip in memory (tests that alter a fixture). */
    static byte[] unzip(byte[] zip, String name) throws IOException {
        try (java.util.zip.ZipInputStream in = new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(zip))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                if (e.getName().equals(name)) {
                    return in.readAllBytes();
                }
            }
        }
        throw new IOException("no entry " + name);
    }

    private static void put(ZipOutputStream z, String name, byte[] content) throws IOException {
        ZipEntry e = new ZipEntry(name);
        e.setTimeLocal(ZIP_TIME);
        z.putNextEntry(e);
        z.write(content);
        z.closeEntry();
    }
}
