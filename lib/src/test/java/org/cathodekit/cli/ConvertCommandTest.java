package org.cathodekit.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import java.util.List;
import java.util.Map;

import org.cathodekit.core.CyclerData;
import org.cathodekit.core.JsonOutput;
import org.cathodekit.io.CyclerReader;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code cathodekit convert} and the cycler column options on {@code gitt} and {@code inspect}. */
@SuppressWarnings("unchecked")
class ConvertCommandTest {

    static Map<String, Object> json(String s) {
        return (Map<String, Object>) JsonOutput.parse(s);
    }

    @TempDir
    Path dir;

    record Run(int code, String out, String err) {
    }

    static Run run(String... args) {
        StringWriter o = new StringWriter();
        StringWriter e = new StringWriter();
        int code = Main.run(new PrintWriter(o), new PrintWriter(e), args);
        return new Run(code, o.toString(), e.toString());
    }

    static Path real(String name) {
        Path p = Path.of(System.getProperty("user.dir")).resolve("../../shared/reference-data/real-formats/cycler")
                .resolve(name).normalize();
        Assumptions.assumeTrue(Files.isRegularFile(p), "skipped: real reference file absent: " + p);
        return p;
    }

    @Test
    void convertedCsvReadsBackToTheIdenticalSeries() throws IOException {
        Path in = real("cellpy_nw_regular_export_ife_example.csv");
        Path out = dir.resolve("tidy.csv");
        Run r = run("convert", "--input", in.toString(), "--out", out.toString(), "--json");
        assertEquals(0, r.code(), r.err());
        Map<String, Object> j = json(r.out());
        assertEquals(9295, ((Number) j.get("rows")).intValue());
        String header = Files.readAllLines(out, StandardCharsets.UTF_8).get(0);
        assertEquals("Test Time / s,Voltage / V,Current / A,Step Index / 1,Cycle Count / 1,Charge Capacity / Ah,"
                + "Discharge Capacity / Ah,Charge Energy / Wh,Discharge Energy / Wh", header);
        CyclerData a = CyclerReader.read(in);
        CyclerData b = CyclerReader.read(out);
        assertArrayEquals(a.timeS(), b.timeS(), 0);
        assertArrayEquals(a.voltageV(), b.voltageV(), 0);
        assertArrayEquals(a.currentA(), b.currentA(), 0);
        assertArrayEquals(a.step(), b.step());
        assertArrayEquals(a.cycle(), b.cycle());
        assertArrayEquals(a.counter(CyclerData.CHARGE_CAPACITY_AH), b.counter(CyclerData.CHARGE_CAPACITY_AH), 0);
        assertArrayEquals(a.counter(CyclerData.DISCHARGE_ENERGY_WH), b.counter(CyclerData.DISCHARGE_ENERGY_WH), 0);
        // and the tidy file gives the same GITT numbers
        Run g1 = run("gitt", "--input", in.toString(), "--radius-um", "2", "--json");
        Run g2 = run("gitt", "--input", out.toString(), "--radius-um", "2", "--json");
        assertEquals(0, g1.code(), g1.err());
        assertEquals(json(g1.out()).get("pulses"), json(g2.out()).get("pulses"));
    }

    @Test
    void convertRefusesToOverwriteItsInputAndWritesNothingOnBadInput() throws IOException {
        Path in = dir.resolve("a.csv");
        Files.writeString(in, "time/s,Ewe/V,I/mA\n0,3.7,0\n1,3.8,1\n");
        Run same = run("convert", "--input", in.toString(), "--out", in.toString());
        assertEquals(2, same.code());
        assertTrue(same.err().contains("same file"), same.err());
        Path bad = dir.resolve("bad.csv");
        Files.writeString(bad, "time/furlong,Ewe/V,I/mA\n0,3.7,0\n1,3.8,1\n");
        Path out = dir.resolve("out.csv");
        Run r = run("convert", "--input", bad.toString(), "--out", out.toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("furlong"), r.err());
        assertFalse(Files.exists(out), "nothing written");
        try (var s = Files.list(dir)) {
            assertEquals(0, s.filter(p -> p.getFileName().toString().endsWith(".tmp")).count(), "no temporary left");
        }
    }

    @Test
    void utf16FileCutMidCharacterExitsTwoAndWritesNothing() throws IOException {
        byte[] body = "time/s,Ewe/V,I/mA\n0,3.7,0\n1,3.8,1\n".getBytes(StandardCharsets.UTF_16LE);
        Path cut = dir.resolve("cut-utf16.csv");
        Files.write(cut, java.util.Arrays.copyOf(body, body.length - 1));
        Path out = dir.resolve("never.csv");
        Run r = run("convert", "--input", cut.toString(), "--out", out.toString());
        assertEquals(2, r.code(), r.err());
        String[] lines = r.err().trim().split("\n");
        assertEquals(1, lines.length, r.err());
        assertTrue(lines[0].contains(cut.toString()) && lines[0].contains("byte " + (body.length - 2))
                && lines[0].contains("cut mid-character"), lines[0]);
        assertFalse(Files.exists(out));
    }

    @Test
    void gittTakesColumnOverrides() throws IOException {
        StringBuilder sb = new StringBuilder("time/s,Ewe/V,Ecell/V,I/mA\n");
        // rest, 600 s pulse at 1 mA, rest: Ecell rises with sqrt(t), Ewe is flat
        for (int s = 0; s <= 3600; s += 5) {
            boolean on = s >= 600 && s < 1200;
            double e = 3.7 + (s >= 600 ? 0.002 * Math.sqrt(Math.min(s, 1200) - 600) : 0);
            sb.append(s).append(",3.5,").append(e).append(',').append(on ? 1 : 0).append('\n');
        }
        Path f = dir.resolve("pulse.csv");
        Files.writeString(f, sb.toString());
        Run flat = run("gitt", "--input", f.toString(), "--radius-um", "2", "--json");
        Run cell = run("gitt", "--input", f.toString(), "--radius-um", "2", "--voltage-column", "Ecell/V", "--json");
        assertEquals(0, cell.code(), cell.err());
        Map<String, Object> pc = (Map<String, Object>) ((List<Object>) json(cell.out()).get("pulses")).get(0);
        assertEquals(3.7, ((Number) pc.get("E_before_V")).doubleValue(), 1e-9, "the overridden column was analysed");
        if (flat.code() == 0) {
            List<Object> pf = (List<Object>) json(flat.out()).get("pulses");
            assertTrue(pf.isEmpty() || Math.abs(((Number) ((Map<String, Object>) pf.get(0)).get("E_before_V")).doubleValue()
                    - 3.5) < 1e-9, flat.out());
        }
        Run wrong = run("gitt", "--input", f.toString(), "--radius-um", "2", "--time-column", "t/h");
        assertEquals(2, wrong.code());
        assertTrue(wrong.err().contains("--time-column 't/h' is not a column"), wrong.err());
    }

    @Test
    void inspectPrintsRolesAndRanges() throws IOException {
        Path in = real("beep_FastCharge_000025_CH8.csv");
        Run r = run("inspect", "--input", in.toString(), "--json");
        assertEquals(0, r.code(), r.err());
        Map<String, Object> j = json(r.out());
        assertEquals("Arbin CSV export", j.get("format"));
        assertEquals(248, ((Number) j.get("rows")).intValue());
        assertEquals("UTF-8", j.get("encoding"));
        List<Object> tr = (List<Object>) j.get("time_s");
        assertEquals(10.0024, ((Number) tr.get(0)).doubleValue(), 0);
        assertEquals(1800.0104, ((Number) tr.get(1)).doubleValue(), 0);
        boolean voltage = false;
        for (Object o : (List<Object>) j.get("columns")) {
            Map<String, Object> c = (Map<String, Object>) o;
            if (c.get("name").equals("Voltage")) {
                voltage = c.get("role").equals("voltage") && c.get("unit").equals("V");
            }
        }
        assertTrue(voltage, j.get("columns").toString());
    }
}
