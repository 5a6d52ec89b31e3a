package org.cathodekit.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.cathodekit.core.DataFormatException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The vendor layouts of issue 13 on hand-made imitations ({@code src/test/resources/tga/README.md}):
 * each holds the analytic curve of {@link TgaReaderTest} (row i: t = 60 i s, T = 30 + 5 i C), so the
 * conversions are checked row by row; plus the layout's own facts (segments, encodings, roles, warnings).
 */
class TgaVendorFormatsTest {
    static final Path DIR = TgaReaderTest.DIR;

    static Inspection.Column column(TgaCurve c, String role) {
        return c.columns().stream().filter(k -> k.role().equals(role)).findFirst().orElseThrow(
                () -> new AssertionError("no column with role " + role + " in " + c.columns()));
    }

    @Test
    void netzschDataAllWithByte0x9bAndSegmentColumn() throws Exception {
        Path f = DIR.resolve("netzsch_data_all_0x9b.txt");
        byte[] bytes = Files.readAllBytes(f);
        boolean has9b = false;
        for (byte b : bytes) {
            has9b |= (b & 0xFF) == 0x9B;
        }
        assertTrue(has9b, "the fixture stores the degree sign as byte 0x9B");
        TgaCurve c = TgaReader.read(f);
        assertEquals(TgaFormat.NETZSCH_PROTEUS, c.format());
        assertEquals("Temp./\u009bC", c.temperatureColumn());
        assertEquals("C", column(c, "temperature").unit());
        assertTrue(c.warnings().stream().anyMatch(w -> w.contains("read as °C")), c.warnings().toString());
        assertEquals("%", c.massUnit());
        assertEquals(70, c.size());
        assertEquals(2, c.segments().size());
        TgaCurve.Segment s1 = c.segments().get(0);
        TgaCurve.Segment s2 = c.segments().get(1);
        assertEquals(TgaCurve.SegmentKind.HEATING, s1.kind());
        assertEquals(60, s1.rows());
        assertEquals(30.0, s1.minC(), 1e-9);
        assertEquals(325.0, s1.maxC(), 1e-9);
        assertEquals(TgaCurve.SegmentKind.ISOTHERMAL, s2.kind());
        assertEquals(10, s2.rows());
        assertEquals(s1, c.defaultSegment(), "the heating segment loses the mass");
        assertEquals("segment", column(c, "segment").role());
        double[] t = c.temperatureC();
        double[] m = c.mass();
        double[] time = c.timeS();
        for (int i = 0; i < 60; i++) {
            assertEquals(30 + 5.0 * i, t[i], 1e-4);
            assertEquals(10 * TgaReaderTest.expectedMassMg(t[i]), m[i], 1e-4);
            assertEquals(60.0 * i, time[i], 1e-3);
        }
    }

    @Test
    void mangledDegreeSignOnlyUnderATemperatureName() {
        String rows = "0;1,5;100\n1;1,6;99,9\n2;1,7;99,8\n3;1,8;99,7\n4;1,9;99,6\n5;2,0;99,5\n6;2,1;99,4\n7;2,2;99,3\n";
        DataFormatException e = assertThrows(DataFormatException.class, () -> TgaReader.parse(TextFile.decode(
                Path.of("signal.csv"), ("Time/min;Signal/\u00c2\u009bC;Mass/%\n" + rows).getBytes(StandardCharsets.ISO_8859_1))));
        assertTrue(e.getMessage().contains("no temperature column"), e.getMessage());
        for (String unit : new String[] {"\ufffdC", "degC", "deg C", "\u00baC", "C"}) {
            TgaCurve c = TgaReader.parse(TextFile.decode(Path.of("t.csv"),
                    ("Time/min;Temperature/" + unit + ";Mass/%\n" + rows).getBytes(StandardCharsets.UTF_8)));
            assertEquals("C", column(c, "temperature").unit(), unit);
            assertEquals(1.5, c.temperatureC()[0], 1e-12, unit);
        }
    }

    @Test
    void setaramCalistoUtf16WithoutByteOrderMark() throws Exception {
        Path f = DIR.resolve("setaram_calisto_utf16.txt");
        byte[] head = Files.readAllBytes(f);
        assertEquals(0, head[1], "UTF-16LE: NUL after 'T'");
        TgaCurve c = TgaReader.read(f);
        assertEquals(StandardCharsets.UTF_16LE, c.charset());
        assertEquals(TgaFormat.SETARAM, c.format());
        assertEquals("Sample Temperature (°C)", c.temperatureColumn(), "sample, not furnace temperature");
        assertEquals("dsc_heat_flow", c.columns().get(4).role());
        TgaReaderTest.checkCurve(c, true, 1e-5);
    }

    @Test
    void utf16WithByteOrderMarksBothOrders(@TempDir Path dir) throws Exception {
        StringBuilder sb = new StringBuilder("\uFEFFTime (min)\tTemperature (°C)\tWeight (mg)\r\n");
        for (int i = 0; i < 10; i++) {
            sb.append(i).append('\t').append(30 + 5 * i).append('\t').append(10 - 0.01 * i).append("\r\n");
        }
        for (var cs : List.of(StandardCharsets.UTF_16LE, StandardCharsets.UTF_16BE)) {
            Path f = dir.resolve("bom-" + cs.name() + ".txt");
            Files.write(f, sb.toString().getBytes(cs));
            TgaCurve c = TgaReader.read(f);
            assertEquals(cs, c.charset());
            assertEquals(10, c.size());
            assertEquals("Time (min)", c.timeColumn(), "the BOM is not part of the first header");
            assertEquals(540.0, c.timeS()[9], 1e-9);
        }
    }

    @Test
    void perkinElmerPyrisStagesAndTwoLineHeader() {
        TgaCurve c = TgaReader.read(DIR.resolve("pyris_export.txt"));
        assertEquals(TgaFormat.PERKINELMER_PYRIS, c.format());
        assertEquals("Sample Temperature", c.temperatureColumn(), "sample, not program temperature");
        assertEquals("Unsubtracted Weight", c.massColumn(), "not the zero baseline weight");
        assertEquals("Time", c.timeColumn());
        assertTrue(c.warnings().stream().anyMatch(w -> w.contains("Pyris writes no units")), c.warnings().toString());
        assertEquals(70, c.size());
        assertEquals(2, c.segments().size());
        assertEquals(TgaCurve.SegmentKind.ISOTHERMAL, c.segments().get(0).kind());
        assertTrue(c.segments().get(0).source().contains("1) TGA Isothermal"), c.segments().get(0).source());
        TgaCurve.Segment ramp = c.segments().get(1);
        assertEquals(TgaCurve.SegmentKind.HEATING, ramp.kind());
        assertEquals(10, ramp.firstRow());
        assertEquals(ramp, c.defaultSegment());
        double[] t = c.temperatureC();
        double[] m = c.mass();
        double[] time = c.timeS();
        for (int i = 0; i < 60; i++) {
            assertEquals(30 + 5.0 * i, t[10 + i], 1e-6);
            assertEquals(TgaReaderTest.expectedMassMg(t[10 + i]), m[10 + i], 1e-6);
            assertEquals(600 + 60.0 * i, time[10 + i], 1e-3, "minutes read as such");
        }
    }

    @Test
    void trailingDelimiterOnEveryLine() {
        TgaCurve c = TgaReader.read(DIR.resolve("trailing_commas.csv"));
        assertEquals(3, c.columns().size(), "no empty fourth column: " + c.columns());
        assertTrue(c.notes().stream().anyMatch(n -> n.contains("trailing delimiter")), c.notes().toString());
        assertEquals(List.of("s", "K", "mg"), c.sourceUnits());
        TgaReaderTest.checkCurve(c, true, 1e-5);
    }

    @Test
    void massFractionIsReadAsPercent() {
        StringBuilder sb = new StringBuilder("Time,Temperature,Mass fraction,Error\n[s],[K],[g/g],[g/g]\n");
        for (int i = 0; i < 10; i++) {
            sb.append(60 * i).append(',').append(303.15 + 5 * i).append(',').append(1 - 0.01 * i).append(",0.001\n");
        }
        TgaCurve c = TgaReader.parse(TextFile.decode(Path.of("macfp.csv"), sb.toString().getBytes(StandardCharsets.UTF_8)));
        assertEquals("%", c.massUnit());
        assertEquals("Mass fraction", c.massColumn(), "not the error column in g/g");
        assertEquals("mass_fraction", column(c, "mass_fraction").role());
        assertEquals(Inspection.UNUSED, c.columns().get(3).role());
        assertEquals(91.0, c.mass()[9], 1e-9);
        assertTrue(c.warnings().stream().anyMatch(w -> w.contains("% of the initial mass")), c.warnings().toString());
    }

    @Test
    void mettlerExportWhoseOnlyCurveIsNotAMass() {
        DataFormatException e = assertThrows(DataFormatException.class,
                () -> TgaReader.read(DIR.resolve("bad_mettler_dsc_only.txt")));
        assertTrue(e.getMessage().contains("bad_mettler_dsc_only.txt") && e.getMessage().contains("no TG (mass) curve")
                && e.getMessage().contains("[mW]"), e.getMessage());
    }

    @Test
    void taSegmentMarkersAreBoundariesNotTime() {
        StringBuilder sb = new StringBuilder("Sig1\tTime (min)\nSig2\tTemperature (°C)\nSig3\tWeight (mg)\nStartOfData\n");
        sb.append("-3.000000\t1.000000\t0.0000000\n");
        for (int i = 0; i < 20; i++) {
            sb.append(0.5 * i).append('\t').append(30 + 2.5 * i).append('\t').append(10 - 0.01 * i).append('\n');
        }
        sb.append("-3.000000\t2.000000\t0.0000000\n");
        for (int i = 20; i < 30; i++) {
            sb.append(0.5 * i).append("\t77.5\t9.8\n");
        }
        sb.append("-1.000000\t77.5\t0.0000000\n");
        TgaCurve c = TgaReader.parse(TextFile.decode(Path.of("ta.txt"), sb.toString().getBytes(StandardCharsets.UTF_8)));
        assertEquals(30, c.size());
        assertEquals(0, c.skippedRows());
        assertEquals(2, c.segments().size());
        assertEquals(TgaCurve.SegmentKind.HEATING, c.segments().get(0).kind());
        assertEquals(TgaCurve.SegmentKind.ISOTHERMAL, c.segments().get(1).kind());
        assertEquals(20, c.segments().get(1).firstRow());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> c.segment(3));
        assertTrue(e.getMessage().contains("ta.txt") && e.getMessage().contains("1..2"), e.getMessage());
    }

    @Test
    void mettlerDscCurveFirstThenTg() {
        StringBuilder sb = new StringBuilder("STARe SW 17.00\nResults:\n");
        String[] units = {"mW", "mg"};
        for (String unit : units) {
            sb.append("Curve:\n      Index      t     Ts     Tr      Value\n              [s]   [\u00b0C]   [\u00b0C]   [" + unit + "]\n");
            for (int i = 0; i < 20; i++) {
                sb.append(String.format(java.util.Locale.ROOT, "%11d %6d %8.3f %8.3f %10.5f%n", i, 60 * i, 30 + 5.0 * i,
                        29.0 + 5 * i, unit.equals("mg") ? 10 - 0.01 * i : 0.5));
            }
            sb.append("\n");
        }
        TgaCurve c = TgaReader.parse(TextFile.decode(Path.of("two.txt"), sb.toString().getBytes(StandardCharsets.UTF_8)));
        assertEquals(20, c.size());
        assertEquals(9.81, c.mass()[19], 1e-9, "the second (TG) curve is read");
        assertTrue(c.warnings().stream().anyMatch(w -> w.contains("read curve 2") && w.contains("[mW]")), c.warnings().toString());
        assertEquals("dsc_heat_flow", c.columns().get(c.columns().size() - 1).role());
    }

    @Test
    void inspectorRecognisesTgaHeadersButNotCyclerOnes() {
        TgaInspector ti = new TgaInspector();
        byte[] tga = "Time (s),Temperature (°C),Mass (mg)\n0,30,10\n".getBytes(StandardCharsets.UTF_8);
        byte[] cycler = "Time (s),Voltage (V),Current (mA),Temperature (°C),Mass (mg)\n".getBytes(StandardCharsets.UTF_8);
        byte[] ta = "Sig1\tTime (min)\nStartOfData\n".getBytes(StandardCharsets.UTF_16LE);
        assertEquals(TgaInspector.HEADER_SCORE, ti.recognise(Path.of("a.csv"), tga));
        assertEquals(0, ti.recognise(Path.of("b.csv"), cycler));
        assertEquals(TgaInspector.SIGNATURE_SCORE, ti.recognise(Path.of("c.txt"), ta), "UTF-16 head decoded");
    }
}
