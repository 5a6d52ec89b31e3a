package org.cathodekit.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.cathodekit.core.CyclerData;
import org.cathodekit.core.CyclerFormat;
import org.cathodekit.core.DataFormatException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * HAND-MADE FORMAT FIXTURES for the layout variants of issue 11 whose real files are not in
 * {@code ../shared} (EC-Lab 11.50 {@code <Ewe/V>}, an empty {@code |Ewe|/V} EIS column, PyProBE's Maccor
 * CSV layout, NUL blocks, duplicated headers, UTF-16), written here with planted values.
 */
class CyclerVariantsTest {

    @TempDir
    Path dir;

    private Path write(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, text, StandardCharsets.UTF_8);
        return p;
    }

    @Test
    void ecLab1150AveragedColumnsInAngleBrackets() throws IOException {
        String mpt = "EC-Lab ASCII FILE\nNb header lines : 4\n\nmode\tox/red\ttime/s\t<Ewe/V>\t<I>/mA\tcycle number\n"
                + "1\t1\t0.0\t3.700\t0.5\t0\n1\t1\t10.0\t3.712\t0.5\t0\n1\t0\t20.0\t3.705\t-0.5\t1\n";
        CyclerData d = CyclerReader.read(write("eclab-1150.mpt", mpt));
        assertEquals(CyclerFormat.BIOLOGIC_MPT, d.format());
        assertArrayEquals(new double[] {3.700, 3.712, 3.705}, d.voltageV(), 0);
        assertArrayEquals(new double[] {5e-4, 5e-4, -5e-4}, d.currentA(), 1e-18);
        assertEquals("<Ewe/V> -> V", d.unitsDetected().get("voltage"));
    }

    private static final String EIS_CSV = "time/s,|Ewe|/V,Ecell/V,I/mA,freq/Hz\n"
            + "0,,3.801,0,\n10,,3.802,1.0,\n20,,3.803,1.0,\n30,,3.804,0,\n";

    @Test
    void emptyEisVoltageColumnLosesToOneWithValuesAndTheChoiceIsReported() throws IOException {
        CyclerData d = CyclerReader.read(write("eis-and-ecell.csv", EIS_CSV));
        assertArrayEquals(new double[] {3.801, 3.802, 3.803, 3.804}, d.voltageV(), 0);
        assertEquals("Ecell/V -> V", d.unitsDetected().get("voltage"));
        assertTrue(d.warnings().stream().anyMatch(w -> w.startsWith("voltage: 'Ecell/V' chosen over '|Ewe|/V'")),
                d.warnings().toString());
        assertEquals("unused", role(d, "|Ewe|/V"));
        assertEquals("voltage", role(d, "Ecell/V"));
    }

    private static String role(CyclerData d, String name) {
        return d.columns().stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow().role();
    }

    @Test
    void twoVoltageColumnsWithValuesFollowAliasOrderAndTheOverrideWins() throws IOException {
        Path f = write("ewe-and-ecell.csv", "time/s,Ewe/V,Ecell/V,I/mA\n0,3.70,3.10,0\n10,3.71,3.11,1\n20,3.72,3.12,1\n");
        CyclerData auto = CyclerReader.read(f);
        assertArrayEquals(new double[] {3.70, 3.71, 3.72}, auto.voltageV(), 0, "Ewe first by alias order");
        assertTrue(auto.warnings().stream().anyMatch(w -> w.contains("also present: 'Ecell/V'")), auto.warnings().toString());
        CyclerData forced = CyclerReader.read(f, CyclerReadOptions.DEFAULTS.withColumns(null, "Ecell/V", null));
        assertArrayEquals(new double[] {3.10, 3.11, 3.12}, forced.voltageV(), 0);
        CyclerData byAlias = CyclerReader.read(f, CyclerReadOptions.DEFAULTS.withColumns(null, "ecell", null));
        assertArrayEquals(forced.voltageV(), byAlias.voltageV(), 0);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> CyclerReader.read(f, CyclerReadOptions.DEFAULTS.withColumns(null, null, "Amps")));
        assertTrue(e.getMessage().contains("--current-column 'Amps'") && e.getMessage().contains("columns found"), e.getMessage());
    }

    @Test
    void timeAndCurrentOverrides() throws IOException {
        Path f = write("two-times.csv", "time/s,step time/s,I/mA,I2/mA,Ewe/V\n0,0,1,2,3.7\n5,5,1,2,3.8\n12,2,1,2,3.9\n");
        CyclerData d = CyclerReader.read(f, CyclerReadOptions.DEFAULTS.withColumns("time/s", null, "I2/mA"));
        assertArrayEquals(new double[] {0, 5, 12}, d.timeS(), 0);
        assertArrayEquals(new double[] {2e-3, 2e-3, 2e-3}, d.currentA(), 1e-18);
        DataFormatException back = assertThrows(DataFormatException.class,
                () -> CyclerReader.read(f, CyclerReadOptions.DEFAULTS.withColumns("step time/s", null, null)));
        assertTrue(back.getMessage().contains("time goes backwards"), back.getMessage());
    }

    /** PyProBE's Maccor CSV layout: two preamble lines, 'Rec', units only on the times, signed current. */
    @Test
    void maccorCsvLayoutWithoutUnits() throws IOException {
        String csv = "Today's Date ,01-Dec-26\nDate of Test:,30-Nov-26 9:00:00 AM\n"
                + "Rec,Cycle C,Step,Test Time (sec),Step Time (sec),Capacity,Energy,Current,Voltage,DPT Time,Temp 1\n"
                + "1,1,1,0.0000,0.0000,0,0,0,3.650,30-Nov-26 9:00:01 AM,22.1\n"
                + "2,1,1,1.0000,1.0000,0,0,0,3.650,30-Nov-26 9:00:02 AM,22.1\n"
                + "3,1,2,1.0500,0.0500,0.000,0.000,2.000,3.700,30-Nov-26 9:00:02 AM,22.1\n"
                + "4,1,2,2.0500,1.0500,0.001,0.004,2.000,3.710,30-Nov-26 9:00:03 AM,22.1\n";
        CyclerData d = CyclerReader.read(write("maccor-export.csv", csv));
        assertEquals(CyclerFormat.MACCOR_TEXT, d.format());
        assertArrayEquals(new double[] {0, 1, 1.05, 2.05}, d.timeS(), 0);
        assertArrayEquals(new double[] {0, 0, 2, 2}, d.currentA(), 0);
        assertArrayEquals(new int[] {1, 1, 2, 2}, d.step());
        assertArrayEquals(new int[] {1, 1, 1, 1}, d.cycle(), "'Cycle C'");
        assertEquals(0.001, d.counter(CyclerData.CHARGE_CAPACITY_AH)[3], 0);
        assertTrue(d.warnings().stream().anyMatch(w -> w.contains("'Current' in A")), d.warnings().toString());
    }

    /** A Maccor export of {@code rows} records of ~60 bytes: past the 8 KB binary sniff after ~140 rows. */
    private static String[] maccorRows(int rows) {
        String[] out = new String[rows];
        for (int r = 0; r < rows; r++) {
            out[r] = (r + 1) + "\t1\t1\t" + (r * 10) + ".0000\t" + (r * 10) + ".0000\t0.0000\t0.0000\t0.5000\t"
                    + String.format(java.util.Locale.ROOT, "%.4f", 3.5 + r * 1e-4) + "\tC\t0";
        }
        return out;
    }

    private static final String MACCOR_HEAD = "Today's Date 12/01/2026\tDate of Test:\t11/30/2026\n"
            + "Rec#\tCyc#\tStep\tTest (Sec)\tStep (Sec)\tAmp-hr\tWatt-hr\tAmps\tVolts\tState\tES\n";

    @Test
    void nulBlockRowsAreCountedAsSkippedEvenWhenTheLineBreaksAreGone() throws IOException {
        String[] rows = maccorRows(400);
        // 8 rows (301..308) overwritten by NUL bytes, their line breaks kept
        StringBuilder kept = new StringBuilder(MACCOR_HEAD);
        for (int r = 0; r < rows.length; r++) {
            kept.append(r >= 300 && r < 308 ? "\0".repeat(rows[r].length()) : rows[r]).append('\n');
        }
        CyclerData a = CyclerReader.read(write("maccor-nul-lines.022", kept.toString()));
        assertEquals(392, a.size());
        assertEquals(8, a.skippedRowCount());
        assertTrue(a.warnings().stream().anyMatch(w -> w.contains("NUL bytes")), a.warnings().toString());
        // the same 8 rows and their line breaks overwritten: one damaged line, 8 records lost, found by Rec#
        StringBuilder gone = new StringBuilder(MACCOR_HEAD);
        for (int r = 0; r < rows.length; r++) {
            if (r >= 300 && r < 308) {
                gone.append("\0".repeat(rows[r].length() + 1));
            } else {
                gone.append(rows[r]).append('\n');
            }
        }
        CyclerData b = CyclerReader.read(write("maccor-nul-block.022", gone.toString()));
        // the line holding the NULs also holds row 309, which is lost with them
        assertEquals(391, b.size());
        assertEquals(9, b.skippedRowCount(), "8 overwritten records + the row sharing their line");
        assertTrue(b.warnings().stream().anyMatch(w -> w.contains("lost in a block of NUL bytes")), b.warnings().toString());
    }

    @Test
    void anExcerptWithRecordGapsIsNotCalledDamaged() throws IOException {
        String[] rows = maccorRows(20);
        StringBuilder s = new StringBuilder(MACCOR_HEAD);
        for (int r = 0; r < rows.length; r++) {
            if (r < 5 || r > 9) {
                s.append(rows[r]).append('\n');
            }
        }
        CyclerData d = CyclerReader.read(write("maccor-excerpt.022", s.toString()));
        assertEquals(15, d.size());
        assertEquals(0, d.skippedRowCount());
        assertTrue(d.warnings().stream().anyMatch(w -> w.contains("skips 5 record(s)")), d.warnings().toString());
    }

    @Test
    void duplicatedHeaderLinesAreReportedAsSuch() throws IOException {
        String header = "DataPoint,Cycle Index,Step Index,Step Type,Time,Cumulative Time,Current(A),Voltage(V)";
        String top = header + "\n" + header + "\n1,1,1,Rest,00:00:00,00:00:00,0,3.70\n2,1,1,Rest,00:01:00,00:01:00,0,3.71\n"
                + "3,1,2,CC Chg,00:00:00,00:01:00,0.1,3.72\n";
        CyclerData d = CyclerReader.read(write("neware-double-header.csv", top));
        assertEquals(3, d.size());
        assertEquals(0, d.skippedRowCount());
        assertTrue(d.warnings().stream().anyMatch(w -> w.startsWith("line 2 repeats the header line")), d.warnings().toString());
        String middle = header + "\n1,1,1,Rest,00:00:00,00:00:00,0,3.70\n" + header + "\n2,1,1,Rest,00:01:00,00:01:00,0,3.71\n"
                + "3,1,2,CC Chg,00:00:00,00:01:00,0.1,3.72\n";
        CyclerData m = CyclerReader.read(write("neware-concatenated.csv", middle));
        assertEquals(3, m.size());
        assertEquals(0, m.skippedRowCount());
        assertTrue(m.warnings().stream().anyMatch(w -> w.startsWith("line 3 repeats the header line")), m.warnings().toString());
    }

    @Test
    void utf16CyclerExportReadsLikeItsUtf8Twin() throws IOException {
        String text = "time/s\tEwe/V\tI/µA\n0\t3.7\t0\n1\t3.8\t250\n";
        Path le = dir.resolve("export-utf16.txt");
        byte[] body = text.getBytes(StandardCharsets.UTF_16LE);
        byte[] withBom = new byte[body.length + 2];
        withBom[0] = (byte) 0xFF;
        withBom[1] = (byte) 0xFE;
        System.arraycopy(body, 0, withBom, 2, body.length);
        Files.write(le, withBom);
        CyclerData u16 = CyclerReader.read(le);
        CyclerData u8 = CyclerReader.read(write("export-utf8.txt", text));
        assertEquals("UTF-16LE", u16.encoding());
        assertArrayEquals(u8.currentA(), u16.currentA(), 0);
        assertEquals(2.5e-4, u16.currentAt(1), 1e-18);
        Path cut = dir.resolve("export-utf16-cut.txt");
        Files.write(cut, Arrays.copyOf(withBom, withBom.length - 1));
        DataFormatException e = assertThrows(DataFormatException.class, () -> CyclerReader.read(cut));
        assertTrue(e.getMessage().contains("cut mid-character") && e.getMessage().contains("byte "), e.getMessage());
    }

    @Test
    void nativeAndOtherBinariesGetTheirOwnMessages() throws IOException {
        Path mpr = dir.resolve("run.mpr");
        byte[] b = new byte[256];
        byte[] sig = "BIO-LOGIC MODULAR FILE\u001a".getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(sig, 0, b, 0, sig.length);
        Files.write(mpr, b);
        DataFormatException m = assertThrows(DataFormatException.class, () -> CyclerReader.read(mpr));
        assertFalse(m.getMessage().contains("contains NUL bytes"), "handed to the native reader: " + m.getMessage());
        assertTrue(m.getMessage().startsWith(mpr.toString()), m.getMessage());
        Path xlsx = dir.resolve("export.xlsx");
        byte[] z = new byte[64];
        z[0] = 'P';
        z[1] = 'K';
        z[2] = 3;
        z[3] = 4;
        Files.write(xlsx, z);
        DataFormatException x = assertThrows(DataFormatException.class, () -> CyclerReader.read(xlsx));
        assertTrue(x.getMessage().contains("Excel workbook") && x.getMessage().contains("CSV"), x.getMessage());
        IllegalArgumentException o = assertThrows(IllegalArgumentException.class,
                () -> CyclerReader.read(mpr, CyclerReadOptions.DEFAULTS.withColumns(null, "Ecell/V", null)));
        assertTrue(o.getMessage().contains("apply to text exports"), o.getMessage());
    }

    /** Planted truth: 1 A for 3600 s is 1 Ah; a counter that says 2 Ah is flagged, one that says 1 Ah is not. */
    @Test
    void counterCheckAgainstPlantedCharge() throws IOException {
        int n = 61;
        double[] t = new double[n];
        double[] v = new double[n];
        double[] c = new double[n];
        int[] step = new int[n];
        double[] good = new double[n];
        double[] doubled = new double[n];
        for (int i = 0; i < n; i++) {
            t[i] = i * 60.0;
            v[i] = 3.7;
            c[i] = 1.0;
            step[i] = 1;
            good[i] = t[i] / 3600.0;
            doubled[i] = 2 * good[i];
        }
        CounterCheck.Comparison ok = CounterCheck.of(data(t, v, c, step, good)).get(0);
        assertEquals(1, ok.stepsChecked());
        assertNull(ok.warning(), ok.toString());
        CounterCheck.Comparison bad = CounterCheck.of(data(t, v, c, step, doubled)).get(0);
        assertEquals(1, bad.stepsMismatched());
        assertEquals(2.0, bad.worstCounter(), 1e-12);
        assertEquals(1.0, bad.worstIntegrated(), 1e-12);
        assertTrue(bad.warning().startsWith("counter 'charge_capacity_Ah' disagrees with the integrated logged current"
                + " in 1 of 1 steps"), bad.warning());
        // the stated tolerance is 5 % (+ 1 uAh): 4.5 % passes, 5.5 % and -5.5 % do not
        for (double[] factorAndFlagged : new double[][] {{1.045, 0}, {1.055, 1}, {0.945, 1}}) {
            double[] near = good.clone();
            for (int i = 0; i < n; i++) {
                near[i] *= factorAndFlagged[0];
            }
            assertEquals((int) factorAndFlagged[1], CounterCheck.of(data(t, v, c, step, near)).get(0).stepsMismatched(),
                    "counter x " + factorAndFlagged[0]);
        }
        // a counter reset to zero inside the step is summed by its increments, not a mismatch
        double[] reset = good.clone();
        for (int i = 30; i < n; i++) {
            reset[i] = good[i] - good[30];
        }
        CounterCheck.Comparison r = CounterCheck.of(data(t, v, c, step, reset)).get(0);
        assertEquals(0, r.stepsMismatched(), r.toString());
        assertEquals(1, r.stepsWithReset());
        // the read path carries the check: text and native alike
        StringBuilder csv = new StringBuilder("Time (s),Voltage (V),Current (A),Step,Charge Capacity (Ah)\n");
        for (int i = 0; i < n; i++) {
            csv.append(t[i]).append(',').append(v[i]).append(',').append(c[i]).append(",1,").append(doubled[i]).append('\n');
        }
        Path planted = dir.resolve("planted-doubled-counter.csv");
        Files.writeString(planted, csv);
        CyclerData read = CyclerReader.read(planted);
        assertEquals(List.of(new CyclerData.CounterSummary("charge_capacity_Ah", "Ah", 1, 1)), read.counterChecks());
        assertTrue(read.warnings().stream().anyMatch(w -> w.startsWith("counter 'charge_capacity_Ah' disagrees")),
                read.warnings().toString());
    }

    private static CyclerData data(double[] t, double[] v, double[] c, int[] step, double[] chargeAh) {
        return new CyclerData(null, CyclerFormat.GENERIC, "n/a", "n/a", t, v, c, step, null, Map.of(), List.of(), 0, 0,
                Map.of(CyclerData.CHARGE_CAPACITY_AH, chargeAh), Double.NaN, List.of());
    }

    @Test
    void dayFirstDateTimesAreFoundBeyondTheSampleRows() throws IOException {
        StringBuilder sb = new StringBuilder("BT-Lab ASCII FILE\nNb header lines : 4\n\ntime/s\tEcell/V\tI/mA\n");
        // 12/11/2024 (12 November, day first) ... crossing to 13/11/2024 after the 60 sample rows
        for (int k = 0; k < 100; k++) {
            int h = 22 + k / 60 * 3; // 22:xx for the first 60 rows, then 01:xx on the 13th
            String day = h < 24 ? "12" : "13";
            int hh = h % 24;
            sb.append(day).append("/11/2024 ").append(String.format(java.util.Locale.ROOT, "%02d:%02d:00.000", hh, k % 60))
                    .append("\t3.7\t0\n");
        }
        CyclerData d = CyclerReader.read(write("btlab-day-first.txt", sb.toString()));
        assertEquals(100, d.size());
        assertEquals(0, d.skippedRowCount());
        assertEquals(59 * 60.0, d.timeAt(59), 1e-6);
        assertEquals(3 * 3600.0, d.timeAt(60), 1e-6, "01:00 on the 13th is 3 h after 22:00 on the 12th");
        assertTrue(d.warnings().stream().anyMatch(w -> w.contains("day/month")), d.warnings().toString());
    }
}
