package org.cathodekit.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.cathodekit.core.CyclerData;
import org.cathodekit.core.CyclerFormat;
import org.cathodekit.core.DataFormatException;
import org.cathodekit.core.Sha256;
import org.cathodekit.gitt.Gitt;
import org.cathodekit.gitt.GittOptions;
import org.cathodekit.gitt.GittResult;
import org.cathodekit.gitt.PulseDirection;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CyclerReaderTest {

    @TempDir
    Path dir;

    static Path shared(String name) {
        Path p = Path.of(System.getProperty("user.dir")).resolve("../../shared/reference-data/cycler").resolve(name);
        Assumptions.assumeTrue(Files.isRegularFile(p), "real reference file absent (skipped): " + p);
        return p;
    }

    private Path write(String name, String text, java.nio.charset.Charset cs) throws IOException {
        Path p = dir.resolve(name);
        Files.write(p, text.getBytes(cs));
        return p;
    }

    // ------------------------------------------------------------------ real fixtures (cellpy, MIT)

    @Test
    void realNewareExport() throws IOException {
        Path f = shared("cellpy_neware_uio.csv");
        String before = Sha256.of(f);
        CyclerData d = CyclerReader.read(f);
        assertEquals(CyclerFormat.NEWARE_CSV, d.format());
        assertEquals(9065, d.size()); // DataPoint 1..9065 (last line without a newline)
        assertEquals(0.0, d.timeAt(0), 0);
        assertEquals(2.9170, d.voltageAt(0), 1e-12);
        // last row: Cumulative Time 144:02:18, Voltage 0.4251 V, Current 0.00099171 A
        assertEquals(144 * 3600 + 2 * 60 + 18, d.timeAt(d.size() - 1), 0);
        assertEquals(0.4251, d.voltageAt(d.size() - 1), 1e-12);
        assertEquals(0.00099171, d.currentAt(d.size() - 1), 1e-15);
        // DataPoint 722 is 'CC DChg' with -0.00024859 A: the sign is kept
        assertEquals(-0.00024859, d.currentAt(721), 1e-15);
        assertEquals(2, d.step()[721]);
        assertEquals(1, d.cycle()[721]);
        assertTrue(d.unitsDetected().get("time").startsWith("Cumulative Time"), d.unitsDetected().toString());
        assertTrue(d.duplicateTimes() > 0, "real exports repeat time stamps at step changes");
        assertEquals(before, Sha256.of(f), "input unchanged");
        // the cycling steps are found as long pulses; charge and discharge are separated
        GittResult r = Gitt.analyse(d, GittOptions.DEFAULTS.withRadiusM(5e-6));
        assertTrue(r.pulses(PulseDirection.CHARGE).size() > 0 && r.pulses(PulseDirection.DISCHARGE).size() > 0);
    }

    @Test
    void realMaccorExport() {
        Path f = shared("cellpy_maccor_001.txt");
        CyclerData d = CyclerReader.read(f);
        assertEquals(CyclerFormat.MACCOR_TEXT, d.format());
        assertEquals(6704, d.size());
        assertEquals("tab delimited, decimal '.'", d.dialect());
        assertEquals(3.46250, d.voltageAt(0), 1e-12);
        // Rec# 3: State D, Amps 0.50401 -> -0.50401 A, TestTime 0d 00:00:5.05000019073486
        assertEquals(-0.50401, d.currentAt(2), 1e-12);
        assertEquals(5.05000019073486, d.timeAt(2), 1e-9);
        // Rec# 999: State C, Amps 0.17734, TestTime 0d 07:21:52.439998626709
        assertEquals(0.17734, d.currentAt(998), 1e-12);
        assertEquals(7 * 3600 + 21 * 60 + 52.439998626709, d.timeAt(998), 1e-9);
        // last: 2d 02:52:51.5699996948242
        assertEquals(2 * 86400 + 2 * 3600 + 52 * 60 + 51.5699996948242, d.timeAt(d.size() - 1), 1e-9);
        assertEquals(24, d.step()[d.size() - 1]);
        assertTrue(d.unitsDetected().containsKey("current sign"));
    }

    // ------------------------------------------------------------------ hand-made format fixtures

    /** HAND-MADE FORMAT FIXTURE (not measured): EC-Lab .mpt, latin-1 (µ, °), decimal commas. */
    static final String MPT = "EC-Lab ASCII FILE\r\n"
            + "Nb header lines : 6\r\n"
            + "\r\n"
            + "Technique : GITT - hand-made format fixture for CathodeKit tests, not a measurement\r\n"
            + "Electrode surface area : 1,131 cm² ; T = 25 °C ; I range = 100 µA\r\n"
            + "mode\tox/red\terror\tNs\ttime/s\tcontrol/V/mA\tEwe/V\t<I>/mA\tcycle number\t(Q-Qo)/mA.h\r\n"
            + "3\t0\t0\t0\t0,000000000000000E+000\t0,0000000\t3,8000000\t0,0000000E+000\t0,000000000000000E+000\t0,0\r\n"
            + "3\t0\t0\t0\t1,000000000000000E+000\t0,0000000\t3,8000000\t0,0000000E+000\t0,000000000000000E+000\t0,0\r\n"
            + "1\t1\t0\t1\t2,000000000000000E+000\t0,1000000\t3,8150000\t1,0000000E-001\t0,000000000000000E+000\t0,0\r\n"
            + "1\t1\t0\t1\t3,000000000000000E+000\t0,1000000\t3,8170000\t1,0000000E-001\t0,000000000000000E+000\t0,0\r\n"
            + "1\t1\t0\t1\t4,000000000000000E+000\t0,1000000\t3,8180000\t1,0000000E-001\t0,000000000000000E+000\t0,0\r\n"
            + "3\t0\t0\t2\t5,000000000000000E+000\t0,0000000\t3,8050000\t0,0000000E+000\t1,000000000000000E+000\t0,0\r\n"
            + "3\t0\t0\t2\t6,000000000000000E+000\t0,0000000\t3,8040000\t0,0000000E+000\t1,000000000000000E+000\t0,0\r\n";

    @Test
    void handMadeBiologicMptLatin1DecimalComma() throws IOException {
        Path f = write("handmade-biologic.mpt", MPT, StandardCharsets.ISO_8859_1);
        CyclerData d = CyclerReader.read(f);
        assertEquals(CyclerFormat.BIOLOGIC_MPT, d.format());
        assertEquals("ISO-8859-1", d.encoding());
        assertEquals("tab delimited, decimal ','", d.dialect());
        assertEquals(7, d.size());
        assertArrayEquals(new double[] {0, 1, 2, 3, 4, 5, 6}, d.timeS(), 0);
        assertEquals(3.815, d.voltageAt(2), 1e-12);
        assertEquals(1e-4, d.currentAt(2), 1e-18); // 0.1 mA
        assertArrayEquals(new int[] {0, 0, 1, 1, 1, 2, 2}, d.step());
        assertEquals("<I>/mA -> mA", d.unitsDetected().get("current"));
        assertEquals("time/s -> s", d.unitsDetected().get("time"));
        // the same content in UTF-8 reads identically
        CyclerData u = CyclerReader.read(write("handmade-utf8.mpt", MPT, StandardCharsets.UTF_8));
        assertEquals("UTF-8", u.encoding());
        assertArrayEquals(d.voltageV(), u.voltageV(), 0);
    }

    /** HAND-MADE FORMAT FIXTURE: Arbin CSV layout. */
    @Test
    void handMadeArbinCsv() throws IOException {
        Path f = write("handmade-arbin.csv", "Data_Point,Test_Time(s),Date_Time,Step_Time(s),Step_Index,Cycle_Index,"
                + "Current(A),Voltage(V),Charge_Capacity(Ah)\n"
                + "1,0,05/01/2024 10:00:00,0,1,1,0,3.70012,0\n"
                + "2,10.5,05/01/2024 10:00:10,10.5,1,1,0,3.70010,0\n"
                + "3,20.5,05/01/2024 10:00:20,0,2,1,-0.00125,3.65000,0\n", StandardCharsets.UTF_8);
        CyclerData d = CyclerReader.read(f);
        assertEquals(CyclerFormat.ARBIN_CSV, d.format());
        assertArrayEquals(new double[] {0, 10.5, 20.5}, d.timeS(), 0);
        assertEquals(-0.00125, d.currentAt(2), 0);
        assertArrayEquals(new int[] {1, 1, 2}, d.step());
        assertArrayEquals(new int[] {1, 1, 1}, d.cycle());
    }

    /** HAND-MADE FORMAT FIXTURES: generic headers recognised by alias and unit, converted to SI. */
    @Test
    void handMadeGenericAliasesAndUnits() throws IOException {
        String[][] cases = {
            {"time/s,Ewe/V,I/mA\n0,3.7,0\n60,3.8,1.5\n", "1", "1e-3"},
            {"Time (s);Voltage(V);Current(mA)\n0;3,7;0\n60;3,8;1,5\n", "1", "1e-3"},
            {"time_s\tvoltage_V\tcurrent_mA\n0\t3.7\t0\n60\t3.8\t1.5\n", "1", "1e-3"},
            {"Test Time (s),Voltage(V),Current(A)\n0,3.7,0\n60,3.8,0.0015\n", "1", "1"},
            {"# comment line\ntime/min,Ewe/mV,<I>/uA\n0,3700,0\n1,3800,1500\n", "60", "1e-6"},
            {"t [h]\tE [V]\tI [mA]\n0\t3.7\t0\n0.0166666666666667\t3.8\t1.5\n", "3600", "1e-3"},
        };
        int k = 0;
        for (String[] c : cases) {
            CyclerData d = CyclerReader.read(write("handmade-generic-" + (k++) + ".txt", c[0], StandardCharsets.UTF_8));
            assertEquals(CyclerFormat.GENERIC, d.format(), c[0]);
            assertEquals(60.0, d.timeAt(1), 1e-9, c[0]);
            assertEquals(3.8, d.voltageAt(1), 1e-12, c[0]);
            assertEquals(0.0015, d.currentAt(1), 1e-15, c[0]);
            assertNull(d.step());
        }
    }

    @Test
    void asciiFastPathSplitsLinesLikeTextFile() {
        String[] texts = {"a\nb\r\nc\rd", "a\n\n\r\n", "", "x", "\r\r\n\n", "h1,h2\r\n1,2\r\n"};
        for (String t : texts) {
            byte[] b = t.getBytes(StandardCharsets.US_ASCII);
            TextFile fast = CyclerReader.decode(Path.of("t"), b);
            // reference: the general path (the same bytes as UTF-8 text, then the line splitter)
            java.util.List<String> ref = TextFile.splitLines(new String(b, StandardCharsets.UTF_8));
            assertEquals(ref, fast.lines(), t.replace("\r", "\\r").replace("\n", "\\n"));
            assertEquals(StandardCharsets.UTF_8, fast.charset());
        }
        // non-ASCII goes through TextFile: latin-1 detected
        TextFile l1 = CyclerReader.decode(Path.of("t"), "I/\u00b5A\n".getBytes(StandardCharsets.ISO_8859_1));
        assertEquals(StandardCharsets.ISO_8859_1, l1.charset());
        assertEquals("I/\u00b5A", l1.line(0));
    }

    @Test
    void gzipIsReadTransparently() throws IOException {
        Path f = dir.resolve("g.csv.gz");
        try (var out = new java.util.zip.GZIPOutputStream(Files.newOutputStream(f))) {
            out.write("time/s,Ewe/V,I/mA\n0,3.7,0\n1,3.8,1\n".getBytes(StandardCharsets.UTF_8));
        }
        assertEquals(2, CyclerReader.read(f).size());
    }

    @Test
    void fastParserAgreesWithJdk() {
        String[] tokens = {"0", "-0.5", "3.8000000", "1.0000000E-001", "0,000000000000000E+000", "123456789.123456",
            "1e-300", "  2.5 ", "+7", ".5", "5.", "0.00099171", "-2501.71411", "1.7976931348623157e308"};
        for (String t : tokens) {
            char dec = t.contains(",") ? ',' : '.';
            double fast = CyclerNumbers.fastParse(t, 0, t.length(), dec);
            double ref = Double.parseDouble(t.trim().replace(',', '.'));
            assertTrue(Double.isNaN(fast) || fast == ref, t + ": " + fast + " vs " + ref);
        }
        assertEquals(3.8, CyclerNumbers.fastParse("3.8000000", 0, 9, '.'), 0);
        assertEquals(0.1, CyclerNumbers.fastParse("1,0000000E-001", 0, 14, ','), 0);
        assertEquals(183171.5699996948242, CyclerNumbers.parseClock("  2d 02:52:51.5699996948242"), 1e-9);
        assertEquals(518538, CyclerNumbers.parseClock("144:02:18"), 0);
    }

    /** Chunked parallel parsing gives identical arrays for any thread count. */
    @Test
    void identicalForAnyThreadCount() throws IOException {
        StringBuilder sb = new StringBuilder("time/s;Ewe/V;I/mA\n");
        java.util.Random rnd = new java.util.Random(3);
        for (int i = 0; i < 150_000; i++) {
            sb.append(i).append(';').append(String.format(java.util.Locale.ROOT, "%.6f", 3.7 + rnd.nextGaussian() * 0.01)
                    .replace('.', ',')).append(';').append(i % 1000 < 300 ? "0,1" : "0").append('\n');
        }
        Path f = write("big.csv", sb.toString(), StandardCharsets.UTF_8);
        String old = System.getProperty("cathodekit.threads");
        try {
            System.setProperty("cathodekit.threads", "1");
            CyclerData one = CyclerReader.read(f);
            System.setProperty("cathodekit.threads", "4");
            CyclerData four = CyclerReader.read(f);
            assertEquals(150_000, one.size());
            assertArrayEquals(one.timeS(), four.timeS(), 0);
            assertArrayEquals(one.voltageV(), four.voltageV(), 0);
            assertArrayEquals(one.currentA(), four.currentA(), 0);
            assertEquals(1e-4, one.currentAt(0), 0);
        } finally {
            if (old == null) {
                System.clearProperty("cathodekit.threads");
            } else {
                System.setProperty("cathodekit.threads", old);
            }
        }
    }

    // ------------------------------------------------------------------ bad input

    @Test
    void wrongFormatAndBinaryAndEmptyAreRefused() throws IOException {
        Path f = write("plain.csv", "time/s,Ewe/V,I/mA\n0,3.7,0\n", StandardCharsets.UTF_8);
        DataFormatException e = assertThrows(DataFormatException.class, () -> CyclerReader.read(f, CyclerFormat.MACCOR_TEXT));
        assertTrue(e.getMessage().contains("Rec#"), e.getMessage());
        Path bin = dir.resolve("bin.mpr");
        Files.write(bin, new byte[] {'B', 'I', 'O', 0, 1, 2, 3});
        e = assertThrows(DataFormatException.class, () -> CyclerReader.read(bin));
        assertTrue(e.getMessage().contains("binary"), e.getMessage());
        Path empty = write("empty.csv", "", StandardCharsets.UTF_8);
        e = assertThrows(DataFormatException.class, () -> CyclerReader.read(empty));
        assertTrue(e.getMessage().contains("empty"), e.getMessage());
        Path headerOnly = write("header.csv", "time/s,Ewe/V,I/mA\n", StandardCharsets.UTF_8);
        e = assertThrows(DataFormatException.class, () -> CyclerReader.read(headerOnly));
        assertTrue(e.getMessage().contains("no data rows"), e.getMessage());
    }

    @Test
    void missingColumnListsColumnsFound() throws IOException {
        Path f = write("nocurrent.csv", "time/s,Ewe/V,temperature/C\n0,3.7,25\n1,3.7,25\n", StandardCharsets.UTF_8);
        DataFormatException e = assertThrows(DataFormatException.class, () -> CyclerReader.read(f));
        assertTrue(e.getMessage().contains("nocurrent.csv") && e.getMessage().contains("no current")
                && e.getMessage().contains("temperature/C"), e.getMessage());
    }

    @Test
    void timeGoingBackwardsNamesLineAndColumn() throws IOException {
        Path f = write("backwards.csv", "time/s,Ewe/V,I/mA\n0,3.7,0\n10,3.7,0\n5,3.7,0\n", StandardCharsets.UTF_8);
        DataFormatException e = assertThrows(DataFormatException.class, () -> CyclerReader.read(f));
        assertTrue(e.getMessage().contains("line 4") && e.getMessage().contains("'time/s'")
                && e.getMessage().contains("backwards"), e.getMessage());
    }

    @Test
    void fileCutMidRow() throws IOException {
        Path f = write("cut.csv", "time/s,Ewe/V,I/mA\n0,3.7,0\n1,3.7,0\n2,3.7", StandardCharsets.UTF_8);
        DataFormatException e = assertThrows(DataFormatException.class, () -> CyclerReader.read(f));
        assertTrue(e.getMessage().contains("line 4") && e.getMessage().contains("cut mid-row"), e.getMessage());
    }

    @Test
    void mixedUnitsNamesLineAndColumn() throws IOException {
        Path f = write("mixed.csv", "time/s,Voltage(V),I/mA\n0,3.7,0\n1,3700 mV,0\n2,3.7,0\n", StandardCharsets.UTF_8);
        DataFormatException e = assertThrows(DataFormatException.class, () -> CyclerReader.read(f));
        assertTrue(e.getMessage().contains("line 3") && e.getMessage().contains("Voltage(V)")
                && e.getMessage().contains("mixed units"), e.getMessage());
        // a value carrying the header's own unit is fine
        Path ok = write("sameunit.csv", "time/s,Voltage(V),I/mA\n0,3.7 V,0\n1,3.8,0\n", StandardCharsets.UTF_8);
        assertEquals(3.7, CyclerReader.read(ok).voltageAt(0), 0);
    }

    @Test
    void unknownOrMissingUnitIsRefused() throws IOException {
        Path f = write("unit.csv", "time/fortnight,Ewe/V,I/mA\n0,3.7,0\n", StandardCharsets.UTF_8);
        DataFormatException e = assertThrows(DataFormatException.class, () -> CyclerReader.read(f));
        assertTrue(e.getMessage().contains("unknown unit 'fortnight'"), e.getMessage());
        Path g = write("nounit.csv", "time/s,voltage,I/mA\n0,3.7,0\n", StandardCharsets.UTF_8);
        e = assertThrows(DataFormatException.class, () -> CyclerReader.read(g));
        assertTrue(e.getMessage().contains("'voltage'") && e.getMessage().contains("no unit"), e.getMessage());
    }

    @Test
    void oneBadRowIsSkippedAndReported() throws IOException {
        StringBuilder sb = new StringBuilder("time/s,Ewe/V,I/mA\n");
        for (int i = 0; i < 50; i++) {
            sb.append(i).append(',').append(i == 20 ? "overflow" : "3.7").append(",0\n");
        }
        CyclerData d = CyclerReader.read(write("onebad.csv", sb.toString(), StandardCharsets.UTF_8));
        assertEquals(49, d.size());
        assertEquals(1, d.skippedRowCount());
        assertEquals(22, d.skippedRows().get(0)); // line 22 = data row 21 (i = 20)
        assertNotNull(d.toString());
    }
}
