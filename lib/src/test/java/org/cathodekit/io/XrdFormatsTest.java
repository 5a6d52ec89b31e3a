package org.cathodekit.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.cathodekit.core.DataFormatException;
import org.cathodekit.core.DiffractionPattern;
import org.cathodekit.core.XrdWavelength;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The vendor formats of issue 13: the real files of {@code ../shared/reference-data/real-formats/xrd/}
 * (skipped with a message when absent) and the imitations of {@code xrd/imitation/} written by
 * {@link XrdImitationFixtures} from the real xrdtools scan: every imitation must give back exactly the
 * 2-theta grid and counts of that scan as read by {@link XrdmlReader}.
 */
class XrdFormatsTest {

    static final Path REAL = Path.of(System.getProperty("user.dir")).resolve("../../shared/reference-data/real-formats/xrd");

    /** Text formats print 2-theta with 4 decimals; binary ones hold float32 (7 digits): 1e-4 deg covers both. */
    static final double GRID_TOL_DEG = 1e-4;

    static Path imitation(String name) {
        try {
            return Path.of(XrdFormatsTest.class.getResource("xrd/imitation/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static Path real(String name) {
        Path f = REAL.resolve(name);
        Assumptions.assumeTrue(Files.isRegularFile(f), "skipped: real fixture not found at " + f);
        return f;
    }

    /** The reference numbers: the committed .xy copy of the xrdtools scan. */
    static DiffractionPattern reference() {
        return PatternReader.read(imitation("xrdtools_scan.xy"));
    }

    static void assertSameScan(DiffractionPattern ref, DiffractionPattern p) {
        assertEquals(ref.size(), p.size(), p.describeSource());
        assertArrayEquals(ref.intensity(), p.intensity(), 0.0, "counts of " + p.format());
        assertArrayEquals(ref.twoThetaDeg(), p.twoThetaDeg(), GRID_TOL_DEG, "2-theta of " + p.format());
    }

    // ------------------------------------------------------------------ real files

    /** GSAS-II tutorial LaB6, Bruker RAW1.01 (v3); expected numbers read independently with Python's struct. */
    @Test
    void realBrukerRawV3LaB6() {
        DiffractionPattern p = PatternReader.read(real("gsas2tut_LaB6_Jan2018.raw"));
        assertEquals("bruker-raw-v3", p.format());
        assertEquals(3040, p.size());
        double[] x = p.twoThetaDeg();
        assertEquals(10.0, x[0], 1e-12);
        assertEquals(10.0 + 3039 * 0.0197448, x[3039], 1e-9);
        double[] y = p.intensity();
        assertEquals(7393, y[0]);
        assertEquals(7478, y[1]);
        assertEquals(134930, java.util.Arrays.stream(y).max().orElseThrow());
        XrdWavelength w = p.wavelength().orElseThrow();
        assertEquals(1.5406, w.alpha1A(), 1e-12);
        assertEquals(1.54439, w.alpha2A(), 1e-12);
        assertEquals(0.5, w.ratio21(), 1e-12);
        assertEquals("counts", p.intensityUnit());
        assertEquals(250.0, PatternReader.goniometerRadiusMm(p).orElseThrow(), 0.0, "float32 at offset 564");
    }

    /** GSAS-II tutorial PbSO4: .XRA extension, BANK line with CONST, STD records (10 per line). */
    @Test
    void realGsasXraWithConst() {
        DiffractionPattern p = PatternReader.read(real("gsas2tut_PBSO4.XRA"));
        assertEquals("gsas-std", p.format());
        assertEquals(6001, p.size());
        double[] x = p.twoThetaDeg();
        assertEquals(10.0, x[0], 1e-12);
        assertEquals(160.0, x[6000], 1e-9);
        assertArrayEquals(new double[] {179, 147, 165, 172, 150}, java.util.Arrays.copyOf(p.intensity(), 5));
        assertTrue(p.wavelength().isEmpty(), "GSAS data files do not state the wavelength");
    }

    @Test
    void realXrdtoolsXrdmlEqualsTheCommittedNumbers() {
        DiffractionPattern p = PatternReader.read(real("xrdtools_test_scan.xrdml"));
        assertEquals(750, p.size());
        assertEquals(1.540598, p.wavelength().orElseThrow().alpha1A(), 1e-12);
        assertEquals(320.0, PatternReader.goniometerRadiusMm(p).orElseThrow(), 0.0, "<incidentBeamPath><radius unit=\"mm\">320.00");
        assertSameScan(p, reference());
    }

    /** The committed imitations are exactly what the generator writes today from the real scan. */
    @Test
    void committedImitationsAreReproducible(@TempDir Path dir) throws IOException {
        DiffractionPattern p = PatternReader.read(real("xrdtools_test_scan.xrdml"));
        XrdImitationFixtures.writeAll(p, dir);
        List<String> differ = new ArrayList<>();
        try (var s = Files.list(dir)) {
            for (Path f : s.sorted().toList()) {
                if (!java.util.Arrays.equals(Files.readAllBytes(f), Files.readAllBytes(imitation(f.getFileName().toString())))) {
                    differ.add(f.getFileName().toString());
                }
            }
        }
        assertEquals(List.of(), differ, "regenerate with XrdImitationFixtures.main");
    }

    /**
     * Optional further real files, read when {@code CK_XRD_EXTRA} names a folder holding xylib's
     * samples (wojdyr/xylib {@code samples/}: BT86.raw with its own text export BT86_.UXD, Cu3Au-1.raw):
     * the RAW1.01 reading must equal Bruker's UXD export of the same scan.
     */
    @Test
    void extraRealBrukerRawEqualsItsUxdExport() throws IOException {
        String extra = System.getenv("CK_XRD_EXTRA");
        Assumptions.assumeTrue(extra != null && Files.isRegularFile(Path.of(extra, "BT86_.UXD")),
                "skipped: set CK_XRD_EXTRA to a folder with xylib's samples BT86.raw and BT86_.UXD");
        DiffractionPattern p = PatternReader.read(Path.of(extra, "BT86.raw"));
        List<Double> counts = new ArrayList<>();
        double start = Double.NaN;
        double step = Double.NaN;
        boolean data = false;
        for (String line : Files.readAllLines(Path.of(extra, "BT86_.UXD"), java.nio.charset.StandardCharsets.ISO_8859_1)) {
            String t = line.trim();
            if (t.startsWith("_2THETA=") && Double.isNaN(start)) {
                start = Double.parseDouble(t.substring(8));
            } else if (t.startsWith("_STEPSIZE=") && Double.isNaN(step)) {
                step = Double.parseDouble(t.substring(10));
            } else if (t.startsWith("_") && (t.endsWith("COUNTS") || t.endsWith("CPS"))) {
                data = true; // "_2THETACOUNTS": rows "2theta counts"; "_COUNTS": counts only
            } else if (data && !t.isEmpty() && !t.startsWith("_") && !t.startsWith(";")) {
                String[] f = t.split("\\s+");
                if (f.length == 2) {
                    counts.add(Double.parseDouble(f[1]));
                } else {
                    for (String v : f) {
                        counts.add(Double.parseDouble(v));
                    }
                }
            } else if (data && t.startsWith("_")) {
                break;
            }
        }
        assertEquals(counts.size(), p.size());
        for (int i = 0; i < counts.size(); i++) {
            assertEquals(counts.get(i), p.intensity()[i], 1e-6 * Math.max(1, counts.get(i)), "point " + i);
        }
        assertEquals(start, p.twoThetaDeg()[0], 1e-6);
        assertEquals(step, p.twoThetaDeg()[1] - p.twoThetaDeg()[0], 1e-6, "the UXD prints the step with 6 decimals");
    }

    // ------------------------------------------------------------------ imitations

    @Test
    void brukerRawV4Imitation() {
        DiffractionPattern p = PatternReader.read(imitation("imitation_v4.raw"));
        assertEquals("bruker-raw-v4", p.format());
        assertSameScan(reference(), p);
        assertEquals(1.540598, p.wavelength().orElseThrow().alpha1A(), 1e-12);
        assertFalse(p.wavelength().orElseThrow().hasAlpha2(), "ratio 0 in the hardware record: monochromatic");
        assertTrue(p.notes().stream().anyMatch(n -> n.contains("2Theta axis record")), "2-theta start from the 2Theta record, not Theta");
    }

    /** RAW1.01 whose records carry the measured 2-theta (mask bit 0, 12-byte records): the axis is the measured one. */
    @Test
    void brukerRawV3WithMeasuredTwoThetaRecords() {
        DiffractionPattern p = PatternReader.read(imitation("imitation_v3_records.raw"));
        assertEquals("bruker-raw-v3", p.format());
        assertSameScan(reference(), p);
        assertArrayEquals(reference().twoThetaDeg(), p.twoThetaDeg(), 1e-12, "float64 measured 2-theta, exact");
        assertEquals(217.5, PatternReader.goniometerRadiusMm(p).orElseThrow(), 0.0);
    }

    @Test
    void brukerRawV1AndV2Imitations() {
        for (String f : List.of("imitation_v1.raw", "imitation_v2.raw")) {
            DiffractionPattern p = PatternReader.read(imitation(f));
            assertTrue(p.format().startsWith("bruker-raw-v"), p.format());
            assertSameScan(reference(), p);
            assertEquals(1.540598, p.wavelength().orElseThrow().alpha1A(), 1e-6, "float32 wavelength of " + f);
        }
    }

    @Test
    void brmlImitation() {
        DiffractionPattern p = PatternReader.read(imitation("imitation.brml"));
        assertEquals("brml", p.format());
        assertSameScan(reference(), p);
        assertEquals(1.540598, p.wavelength().orElseThrow().alpha1A(), 1e-12);
        assertEquals("counts", p.intensityUnit());
    }

    @Test
    void rasxImitation() {
        DiffractionPattern p = PatternReader.read(imitation("imitation.rasx"));
        assertEquals("rasx", p.format());
        assertSameScan(reference(), p);
        XrdWavelength w = p.wavelength().orElseThrow();
        assertEquals(1.540598, w.alpha1A(), 1e-12);
        assertEquals(1.544426, w.alpha2A(), 1e-12);
        assertEquals(0.5, w.ratio21(), 0.0, "Rigaku writes no ratio: the conventional 0.5, said in the notes");
    }

    @Test
    void rigakuAscImitation() {
        DiffractionPattern p = PatternReader.read(imitation("imitation.asc"));
        assertEquals("rigaku-asc", p.format());
        assertSameScan(reference(), p);
        assertEquals(1.540598, p.wavelength().orElseThrow().alpha1A(), 1e-12);
    }

    @Test
    void panalyticalCsvImitation() {
        DiffractionPattern p = PatternReader.read(imitation("imitation_panalytical.csv"));
        assertEquals("panalytical-csv", p.format());
        assertSameScan(reference(), p);
        assertEquals(1.540598, p.wavelength().orElseThrow().alpha1A(), 1e-12);
        assertFalse(p.wavelength().orElseThrow().hasAlpha2(), "ratio 0: monochromatic");
    }

    // ------------------------------------------------------------------ bad input

    @Test
    void unknownRawVersionIsNamed() {
        DataFormatException e = assertThrows(DataFormatException.class, () -> PatternReader.read(imitation("bad_unknown_version.raw")));
        assertTrue(e.getMessage().contains("RAW5.00") && e.getMessage().contains("offset 0") && e.getMessage().contains("RAW4.00"),
                e.getMessage());
    }

    @Test
    void zipWithoutItsDataEntryIsNamed() {
        DataFormatException b = assertThrows(DataFormatException.class, () -> PatternReader.read(imitation("bad_no_rawdata.brml")));
        assertTrue(b.getMessage().contains("Experiment0/RawData0.xml") && b.getMessage().contains("missing"), b.getMessage());
        DataFormatException r = assertThrows(DataFormatException.class, () -> PatternReader.read(imitation("bad_no_profile.rasx")));
        assertTrue(r.getMessage().contains("Data0/Profile0.txt") && r.getMessage().contains("missing"), r.getMessage());
    }

    /** A .brml whose Datum columns are not the expected ones is refused (the ScanAxisInfo Start disagrees). */
    @Test
    void brmlWithOtherDatumColumnsIsRefused(@TempDir Path dir) throws IOException {
        DiffractionPattern ref = reference();
        byte[] zip = XrdImitationFixtures.brml(ref.twoThetaDeg(), ref.intensity());
        String xml = new String(XrdImitationFixtures.unzip(zip, ZipPatternReaders.BRML_DATA), java.nio.charset.StandardCharsets.UTF_8)
                .replaceAll("<Datum>1,1,([0-9.]+),([0-9.]+),", "<Datum>1,1,$2,$1,");
        Path f = Files.write(dir.resolve("swapped.brml"), XrdImitationFixtures.zip(ZipPatternReaders.BRML_DATA,
                xml.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        DataFormatException e = assertThrows(DataFormatException.class, () -> PatternReader.read(f));
        assertTrue(e.getMessage().contains("ScanAxisInfo") && e.getMessage().contains("Datum"), e.getMessage());
    }

    @Test
    void truncatedRawNamesTheOffset(@TempDir Path dir) throws IOException {
        byte[] full = Files.readAllBytes(imitation("imitation_v4.raw"));
        Path f = Files.write(dir.resolve("cut.raw"), java.util.Arrays.copyOf(full, full.length - 100));
        DataFormatException e = assertThrows(DataFormatException.class, () -> PatternReader.read(f));
        assertTrue(e.getMessage().contains("offset") && e.getMessage().contains("truncated"), e.getMessage());
    }

    @Test
    void notAZipIsSaidSo(@TempDir Path dir) throws IOException {
        Path f = Files.writeString(dir.resolve("text.brml"), "not a zip");
        DataFormatException e = assertThrows(DataFormatException.class, () -> PatternReader.read(f));
        assertTrue(e.getMessage().contains("not a zip"), e.getMessage());
    }

    // ------------------------------------------------------------------ inspect

    @Test
    void inspectReportsWhatWasUnderstood() {
        Inspection i = Inspect.file(imitation("imitation_v4.raw"), null, null);
        assertEquals("diffraction", i.family());
        assertEquals("bruker-raw-v4", i.format());
        assertEquals(750, i.rows());
        assertEquals(List.of("two_theta", "intensity"), i.columns().stream().map(Inspection.Column::role).toList());
        assertEquals("deg", i.columns().get(0).unit());
        assertEquals(1.540598, (Double) i.details().get("wavelength_A"), 1e-12);
        assertEquals("counts", i.details().get("intensity_kind"));
        assertEquals("poisson", i.details().get("weights"));
        assertEquals("binary", i.encoding());

        Inspection x = Inspect.file(imitation("xrdtools_scan.xy"), null, null);
        assertEquals("arbitrary", x.details().get("intensity_kind"), "a .xy states no unit");
        assertEquals("poisson", x.details().get("weights"), "integer intensities taken as counts");
        assertTrue(x.warnings().stream().anyMatch(w -> w.contains("taken as counts")), x.warnings().toString());

        Inspection c = Inspect.file(imitation("imitation_panalytical.csv"), null, null);
        assertEquals("panalytical-csv", c.format());
        Inspection f = Inspect.file(imitation("imitation.brml"), "diffraction", null);
        assertEquals("brml", f.format());
    }

    @Test
    void inspectRealFilesWhenPresent() {
        Assumptions.assumeTrue(Files.isDirectory(REAL), "skipped: " + REAL + " not found");
        Inspection r = Inspect.file(real("gsas2tut_PBSO4.XRA"), null, null);
        assertEquals("gsas-std", r.format());
        assertEquals(6001, r.rows());
        assertEquals(null, r.details().get("wavelength_A"));
        assertTrue(r.warnings().stream().anyMatch(w -> w.contains("--wavelength-A")), r.warnings().toString());
    }
}
