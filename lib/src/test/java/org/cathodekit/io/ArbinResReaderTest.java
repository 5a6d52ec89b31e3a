package org.cathodekit.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import com.healthmarketscience.jackcess.ColumnBuilder;
import com.healthmarketscience.jackcess.DataType;
import com.healthmarketscience.jackcess.Database;
import com.healthmarketscience.jackcess.DatabaseBuilder;
import com.healthmarketscience.jackcess.Table;
import com.healthmarketscience.jackcess.TableBuilder;

import org.cathodekit.core.CyclerData;
import org.cathodekit.core.CyclerFormat;
import org.cathodekit.core.DataFormatException;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Arbin {@code .res} against independent readings: the fixture's known row count and first rows
 * (shared/reference-data/real-formats/cycler, from cellpy's test data, MIT), Debian mdbtools'
 * {@code mdb-export} (a C reader of Jet databases; the comparison is skipped when mdbtools is not
 * installed: {@code apt-get install mdbtools}), the same export read by the text reader, and
 * databases written by Jackcess with planted values.
 */
class ArbinResReaderTest {
    static final Path RES = Path.of(System.getProperty("user.dir"))
            .resolve("../../shared/reference-data/real-formats/cycler/cellpy_arbin_20160805_test001_45_cc_01.res").normalize();
    /** Row count of Channel_Normal_Table: mdb-export gives 10,262 lines = header + 10,261 rows. */
    static final int FIXTURE_ROWS = 10_261;
    /** mdb-export (mdbtools 1.0) prints doubles with 16 significant digits: half a unit of the 16th digit. */
    static final double MDB_DOUBLE_REL = 5e-16 * 2;
    /** ... and singles with 8 significant digits (a float needs up to 9): half a unit of the 8th digit. */
    static final double MDB_SINGLE_REL = 5e-8 * 1.01;

    /** Tolerance between two readings of one single: mdb-export's rounding plus one float ulp (the shortest decimal's). */
    static double singleTol(double v) {
        return MDB_SINGLE_REL * Math.abs(v) + Math.ulp((float) v);
    }

    @TempDir
    Path tmp;

    static Path fixture() {
        Assumptions.assumeTrue(Files.isRegularFile(RES), "real reference file absent (skipped): " + RES);
        return RES;
    }

    @Test
    void realFileRowsFirstValuesAndMass() {
        Path f = fixture();
        byte[] head = Inspect.head(f);
        assertEquals(CyclerFormat.ARBIN_RES, NativeCyclerFiles.recognise(f, head));
        CyclerData d = NativeCyclerFiles.read(f, CyclerFormat.ARBIN_RES);
        assertEquals(FIXTURE_ROWS, d.size());
        // first row as mdb-export prints it: 1,1,300.0104819316021,...,1,1,0,0,3.0976174,...
        assertEquals(300.0104819316021, d.timeAt(0), 0);
        assertEquals(3.0976174, d.voltageAt(0), 0);
        assertEquals(0.0, d.currentAt(0), 0);
        assertEquals(1, d.step()[0]);
        assertEquals(1, d.cycle()[0]);
        // Global_Table.MASS = 0.00085283798 g
        assertEquals(0.85283798, d.activeMassMg(), 1e-7);
        assertNotNull(d.counter(CyclerData.CHARGE_CAPACITY_AH));
        assertNotNull(d.counter(CyclerData.DISCHARGE_ENERGY_WH));
        assertTrue(d.warnings().isEmpty(), "counters agree with the integrated current: " + d.warnings());
    }

    /** Every row equal to mdb-export's text (mdbtools 1.0) to the digits it prints. */
    @Test
    void equalsMdbExport() throws Exception {
        Path f = fixture();
        List<String[]> rows = mdbExport(f, "Channel_Normal_Table");
        String[] header = rows.get(0);
        List<String> h = List.of(header);
        int ti = h.indexOf("Test_Time");
        int vi = h.indexOf("Voltage");
        int ci = h.indexOf("Current");
        int si = h.indexOf("Step_Index");
        int cy = h.indexOf("Cycle_Index");
        int qc = h.indexOf("Charge_Capacity");
        CyclerData d = NativeCyclerFiles.read(f, CyclerFormat.ARBIN_RES);
        assertEquals(rows.size() - 1, d.size());
        double[] qcap = d.counter(CyclerData.CHARGE_CAPACITY_AH);
        for (int i = 0; i < d.size(); i++) {
            String[] r = rows.get(i + 1);
            assertEquals(Double.parseDouble(r[ti]), d.timeAt(i), MDB_DOUBLE_REL * Math.abs(d.timeAt(i)), "time row " + i);
            assertEquals(Double.parseDouble(r[qc]), qcap[i], MDB_DOUBLE_REL * Math.abs(qcap[i]), "charge capacity row " + i);
            assertEquals(Double.parseDouble(r[vi]), d.voltageAt(i), singleTol(d.voltageAt(i)), "voltage row " + i);
            assertEquals(Double.parseDouble(r[ci]), d.currentAt(i), singleTol(d.currentAt(i)), "current row " + i);
            assertEquals(Integer.parseInt(r[si]), d.step()[i]);
            assertEquals(Integer.parseInt(r[cy]), d.cycle()[i]);
        }
    }

    /**
     * The same run through the text path: mdb-export's CSV with the Arbin units written into the
     * header (MITS' CSV export style) and read by {@link CyclerReader} as Arbin CSV gives the same
     * series to the digits mdb-export prints (it drops the 17th digit of doubles and the 9th of singles).
     */
    @Test
    void nativeAndTextExportGiveTheSameSeries() throws Exception {
        Path f = fixture();
        List<String[]> rows = mdbExport(f, "Channel_Normal_Table");
        StringBuilder sb = new StringBuilder();
        String[] header = rows.get(0).clone();
        for (int k = 0; k < header.length; k++) {
            header[k] = switch (header[k]) {
                case "Test_Time" -> "Test_Time(s)";
                case "Current" -> "Current(A)";
                case "Voltage" -> "Voltage(V)";
                default -> header[k];
            };
        }
        sb.append(String.join(",", header)).append('\n');
        for (int i = 1; i < rows.size(); i++) {
            sb.append(String.join(",", rows.get(i))).append('\n');
        }
        Path csv = tmp.resolve("export.csv");
        Files.writeString(csv, sb.toString(), StandardCharsets.UTF_8);
        CyclerData text = CyclerReader.read(csv, CyclerFormat.ARBIN_CSV);
        CyclerData nat = NativeCyclerFiles.read(f, CyclerFormat.ARBIN_RES);
        assertEquals(nat.size(), text.size());
        for (int i = 0; i < nat.size(); i++) {
            assertEquals(nat.timeAt(i), text.timeAt(i), MDB_DOUBLE_REL * Math.abs(nat.timeAt(i)), "time row " + i);
            assertEquals(nat.voltageAt(i), text.voltageAt(i), singleTol(nat.voltageAt(i)), "voltage row " + i);
            assertEquals(nat.currentAt(i), text.currentAt(i), singleTol(nat.currentAt(i)), "current row " + i);
        }
        assertArrayEquals(text.step(), nat.step());
        assertArrayEquals(text.cycle(), nat.cycle());
    }

    @Test
    void plantedDatabaseCountersAndTests() throws IOException {
        Path f = tmp.resolve("planted.res");
        // two tests, rows of test 1 stored out of Data_Point order; 1 A charge for 3600 s counts 1 Ah
        try (Database db = DatabaseBuilder.create(Database.FileFormat.V2003, f.toFile())) {
            Table t = channelTable(db);
            t.addRow(1, 2, 1800.0, 1, 1, 1.0f, 3.6f, 0.5, 0.0);
            t.addRow(1, 1, 0.0, 1, 1, 1.0f, 3.5f, 0.0, 0.0);
            t.addRow(1, 3, 3600.0, 1, 1, 1.0f, 3.7f, 1.0, 0.0);
            t.addRow(1, 4, 7200.0, 2, 1, -1.0f, 3.4f, 1.0, 0.7); // discharge counted 0.7 Ah for a 1 Ah run
            t.addRow(1, 5, 10800.0, 2, 1, -1.0f, 3.3f, 1.0, 1.4);
            t.addRow(2, 1, 0.0, 1, 1, 0.0f, 3.0f, 0.0, 0.0);
            new TableBuilder("Global_Table").addColumn(new ColumnBuilder("Test_ID", DataType.LONG))
                    .addColumn(new ColumnBuilder("MASS", DataType.FLOAT)).toTable(db).addRow(1, 0.0125f);
        }
        CyclerData d = NativeCyclerFiles.read(f, CyclerFormat.ARBIN_RES);
        assertArrayEquals(new double[] {0, 1800, 3600, 7200, 10800}, d.timeS());
        assertArrayEquals(new double[] {3.5, 3.6, 3.7, 3.4, 3.3}, d.voltageV());
        assertEquals(12.5, d.activeMassMg(), 1e-9);
        assertEquals(2, d.warnings().size(), d.warnings().toString());
        assertTrue(d.warnings().stream().anyMatch(w -> w.contains("Test_ID [2]")), d.warnings().toString());
        assertTrue(d.warnings().stream().anyMatch(w -> w.contains("'Discharge_Capacity'") && w.contains("1 of 2 steps")
                && w.contains("counter 0.700000 Ah vs integrated 1.00000 Ah")), d.warnings().toString());
    }

    @Test
    void withoutChannelNormalTable() throws IOException {
        Path f = tmp.resolve("empty.res");
        try (Database db = DatabaseBuilder.create(Database.FileFormat.V2003, f.toFile())) {
            new TableBuilder("Global_Table").addColumn(new ColumnBuilder("Test_ID", DataType.LONG)).toTable(db);
        }
        assertEquals(CyclerFormat.ARBIN_RES, NativeCyclerFiles.recognise(f, Inspect.head(f)));
        DataFormatException e = assertThrows(DataFormatException.class, () -> NativeCyclerFiles.read(f, CyclerFormat.ARBIN_RES));
        assertTrue(e.getMessage().startsWith(f.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("table Channel_Normal_Table: table not found")
                && e.getMessage().contains("tables found: [Global_Table]"), e.getMessage());
    }

    @Test
    void missingColumnAndEmptyValue() throws IOException {
        Path f = tmp.resolve("nocurrent.res");
        try (Database db = DatabaseBuilder.create(Database.FileFormat.V2003, f.toFile())) {
            new TableBuilder("Channel_Normal_Table").addColumn(new ColumnBuilder("Test_ID", DataType.LONG))
                    .addColumn(new ColumnBuilder("Data_Point", DataType.LONG)).toTable(db);
        }
        DataFormatException e = assertThrows(DataFormatException.class, () -> NativeCyclerFiles.read(f, CyclerFormat.ARBIN_RES));
        assertTrue(e.getMessage().contains("column 'Test_Time' not found"), e.getMessage());

        Path g = tmp.resolve("nullvoltage.res");
        try (Database db = DatabaseBuilder.create(Database.FileFormat.V2003, g.toFile())) {
            Table t = channelTable(db);
            t.addRow(1, 1, 0.0, 1, 1, 1.0f, 3.5f, 0.0, 0.0);
            t.addRow(1, 2, 1.0, 1, 1, 1.0f, null, 0.0, 0.0);
        }
        e = assertThrows(DataFormatException.class, () -> NativeCyclerFiles.read(g, CyclerFormat.ARBIN_RES));
        assertTrue(e.getMessage().contains("row 2, column 'Voltage': value is empty"), e.getMessage());
    }

    @Test
    void notADatabase() throws IOException {
        Path f = tmp.resolve("fake.res");
        byte[] b = new byte[4096];
        System.arraycopy("Standard Jet DB".getBytes(StandardCharsets.US_ASCII), 0, b, 4, 15);
        Files.write(f, b);
        DataFormatException e = assertThrows(DataFormatException.class, () -> NativeCyclerFiles.read(f, CyclerFormat.ARBIN_RES));
        assertTrue(e.getMessage().contains("cannot read as an MS Access (Jet) database"), e.getMessage());
        assertEquals(4096, Files.size(f), "input untouched");
    }

    @Test
    void truncatedDatabase() throws IOException {
        Path f = fixture();
        byte[] b = Files.readAllBytes(f);
        Path cut = tmp.resolve("cut.res");
        Files.write(cut, java.util.Arrays.copyOf(b, b.length / 2));
        DataFormatException e = assertThrows(DataFormatException.class, () -> NativeCyclerFiles.read(cut, CyclerFormat.ARBIN_RES));
        assertTrue(e.getMessage().startsWith(cut.toString()) && e.getMessage().contains("file of " + (b.length / 2) + " bytes")
                && e.getMessage().contains("cut short"), e.getMessage());
    }

    static Table channelTable(Database db) throws IOException {
        return new TableBuilder("Channel_Normal_Table")
                .addColumn(new ColumnBuilder("Test_ID", DataType.LONG))
                .addColumn(new ColumnBuilder("Data_Point", DataType.LONG))
                .addColumn(new ColumnBuilder("Test_Time", DataType.DOUBLE))
                .addColumn(new ColumnBuilder("Step_Index", DataType.INT))
                .addColumn(new ColumnBuilder("Cycle_Index", DataType.INT))
                .addColumn(new ColumnBuilder("Current", DataType.FLOAT))
                .addColumn(new ColumnBuilder("Voltage", DataType.FLOAT))
                .addColumn(new ColumnBuilder("Charge_Capacity", DataType.DOUBLE))
                .addColumn(new ColumnBuilder("Discharge_Capacity", DataType.DOUBLE))
                .toTable(db);
    }

    /** Rows of {@code mdb-export FILE TABLE} (header first); skips the test when mdbtools is absent. */
    static List<String[]> mdbExport(Path f, String table) throws Exception {
        Process p;
        try {
            p = new ProcessBuilder("mdb-export", f.toString(), table).redirectErrorStream(false).start();
        } catch (IOException e) {
            Assumptions.abort("mdbtools not installed (apt-get install mdbtools): " + e.getMessage());
            return null;
        }
        List<String[]> rows = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                rows.add(line.split(",", -1));
            }
        }
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue());
        return rows;
    }
}
