package org.cathodekit.io;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.healthmarketscience.jackcess.Column;
import com.healthmarketscience.jackcess.Cursor;
import com.healthmarketscience.jackcess.Database;
import com.healthmarketscience.jackcess.DatabaseBuilder;
import com.healthmarketscience.jackcess.Row;
import com.healthmarketscience.jackcess.Table;

import org.cathodekit.core.CyclerData;
import org.cathodekit.core.CyclerFormat;
import org.cathodekit.core.DataFormatException;

/**
 * Reads an Arbin MITS Pro {@code .res} file: an MS Access (Jet 4) database, opened read-only with
 * Jackcess (pure Java, Apache-2.0).
 *
 * <p>Tables used:
 * <ul>
 *   <li>{@code Channel_Normal_Table}, one row per logged point: {@code Test_ID}, {@code Data_Point},
 *       {@code Test_Time} [s, double], {@code Step_Index}, {@code Cycle_Index}, {@code Current} [A,
 *       single, positive on charge], {@code Voltage} [V, single], {@code Charge_Capacity},
 *       {@code Discharge_Capacity} [Ah, double, both positive, cumulative within a cycle],
 *       {@code Charge_Energy}, {@code Discharge_Energy} [Wh]. Arbin's units are fixed, so none is
 *       written in the file.</li>
 *   <li>{@code Global_Table}, one row per test: {@code MASS} is the active mass in g (MITS pairs it with
 *       {@code Specific_Capacity} in Ah/g); a positive value becomes {@link CyclerData#activeMassMg()}.</li>
 * </ul>
 * Single-precision values ({@code Current}, {@code Voltage}) are taken as the shortest decimal that
 * reads back to them ({@link NativeSeries#fromFloat}), as the CSV export prints them. Rows are taken in {@code Data_Point} order of the first {@code Test_ID}; a file holding several
 * tests gets a warning naming the ones left out. Both capacity counters are cross-checked against
 * the integrated current ({@link CounterCheck}).
 *
 * <p>Refused ({@link DataFormatException}): not an Access database, no {@code Channel_Normal_Table}
 * (the message lists the tables found), a required column missing (lists the columns), a required
 * value empty (names the row).
 */
final class ArbinResReader {
    static final String DATA_TABLE = "Channel_Normal_Table";
    static final String GLOBAL_TABLE = "Global_Table";
    private static final List<String> REQUIRED = List.of("Test_ID", "Data_Point", "Test_Time", "Step_Index",
            "Cycle_Index", "Current", "Voltage");
    private static final List<String> COUNTERS = List.of("Charge_Capacity", "Discharge_Capacity", "Charge_Energy",
            "Discharge_Energy");

    private ArbinResReader() {
    }

    static CyclerData read(Path file) {
        try (Database db = new DatabaseBuilder(file.toFile()).setReadOnly(true).open()) {
            Table table = db.getTable(DATA_TABLE);
            if (table == null) {
                throw new DataFormatException(file, "table " + DATA_TABLE, "table not found; expected an Arbin .res"
                        + " database with " + DATA_TABLE + " (tables found: " + db.getTableNames() + ")");
            }
            return readData(file, db, table);
        } catch (IOException | RuntimeException e) {
            if (e instanceof DataFormatException d) {
                throw d;
            }
            long size = file.toFile().length();
            throw new DataFormatException(file, null, "cannot read as an MS Access (Jet) database: " + e.getMessage()
                    + " (file of " + size + " bytes = " + size / 4096 + " pages of 4096" + (size % 4096 != 0
                    ? " and a partial page: cut short?)" : "; cut short or damaged?)"), e);
        }
    }

    private static CyclerData readData(Path file, Database db, Table table) throws IOException {
        List<String> present = new ArrayList<>();
        for (Column c : table.getColumns()) {
            present.add(c.getName());
        }
        for (String r : REQUIRED) {
            if (!present.contains(r)) {
                throw new DataFormatException(file, "table " + DATA_TABLE, "column '" + r + "' not found (columns: "
                        + present + ")");
            }
        }
        List<String> wanted = new ArrayList<>(REQUIRED);
        List<String> counters = new ArrayList<>();
        for (String c : COUNTERS) {
            if (present.contains(c)) {
                wanted.add(c);
                counters.add(c);
            }
        }
        int rows = table.getRowCount();
        int[] testId = new int[rows];
        long[] point = new long[rows];
        double[] t = new double[rows];
        int[] step = new int[rows];
        int[] cycle = new int[rows];
        double[] current = new double[rows];
        double[] voltage = new double[rows];
        double[][] counterValues = new double[counters.size()][rows];
        Cursor cursor = table.getDefaultCursor();
        Column[] cols = new Column[wanted.size()];
        for (int k = 0; k < cols.length; k++) {
            cols[k] = table.getColumn(wanted.get(k));
        }
        int n = 0;
        Object[] v = new Object[cols.length];
        while (nextRow(file, cursor, n)) {
            if (n == rows) { // row count in the table definition was stale: grow
                rows = Math.max(16, rows * 2);
                testId = java.util.Arrays.copyOf(testId, rows);
                point = java.util.Arrays.copyOf(point, rows);
                t = java.util.Arrays.copyOf(t, rows);
                step = java.util.Arrays.copyOf(step, rows);
                cycle = java.util.Arrays.copyOf(cycle, rows);
                current = java.util.Arrays.copyOf(current, rows);
                voltage = java.util.Arrays.copyOf(voltage, rows);
                for (int k = 0; k < counterValues.length; k++) {
                    counterValues[k] = java.util.Arrays.copyOf(counterValues[k], rows);
                }
            }
            for (int k = 0; k < cols.length; k++) {
                v[k] = cursor.getCurrentRowValue(cols[k]);
            }
            testId[n] = (int) number(file, v[0], "Test_ID", n);
            point[n] = (long) number(file, v[1], "Data_Point", n);
            t[n] = number(file, v[2], "Test_Time", n);
            step[n] = (int) number(file, v[3], "Step_Index", n);
            cycle[n] = (int) number(file, v[4], "Cycle_Index", n);
            current[n] = number(file, v[5], "Current", n);
            voltage[n] = number(file, v[6], "Voltage", n);
            for (int k = 0; k < counters.size(); k++) {
                Object c = v[REQUIRED.size() + k];
                counterValues[k][n] = c == null ? Double.NaN
                        : c instanceof Float f ? NativeSeries.fromFloat(f) : ((Number) c).doubleValue();
            }
            n++;
        }
        int[] order = order(testId, point, n);
        int firstTest = n == 0 ? 0 : testId[order[0]];
        int m = 0;
        java.util.TreeSet<Integer> otherTests = new java.util.TreeSet<>();
        for (int k = 0; k < n; k++) {
            if (testId[order[k]] == firstTest) {
                m++;
            } else {
                otherTests.add(testId[order[k]]);
            }
        }
        NativeSeries s = new NativeSeries(file, CyclerFormat.ARBIN_RES, "MS Access database, table " + DATA_TABLE);
        s.timeS = pick(t, order, m);
        s.voltageV = pick(voltage, order, m);
        s.currentA = pick(current, order, m);
        s.step = pick(step, order, m);
        s.cycle = pick(cycle, order, m);
        s.units.put("time", "Test_Time -> s (Arbin fixed unit)");
        s.units.put("voltage", "Voltage -> V (Arbin fixed unit)");
        s.units.put("current", "Current -> A (Arbin fixed unit)");
        for (int k = 0; k < counters.size(); k++) {
            String c = counters.get(k);
            double[] values = pick(counterValues[k], order, m);
            switch (c) {
                case "Charge_Capacity" -> s.counter(CyclerData.CHARGE_CAPACITY_AH, c, values);
                case "Discharge_Capacity" -> s.counter(CyclerData.DISCHARGE_CAPACITY_AH, c, values);
                case "Charge_Energy" -> s.counter(CyclerData.CHARGE_ENERGY_WH, c, values);
                default -> s.counter(CyclerData.DISCHARGE_ENERGY_WH, c, values);
            }
        }
        if (!otherTests.isEmpty()) {
            s.warnings.add("the file holds several tests; read Test_ID " + firstTest + " (" + m + " rows), left out Test_ID "
                    + otherTests + " (" + (n - m) + " rows)");
        }
        s.activeMassMg = massMg(db, firstTest);
        return s.build();
    }

    /** Moves to the next row; a failure names the row (a database cut inside the table's pages). */
    private static boolean nextRow(Path file, Cursor cursor, int rowsRead) {
        try {
            return cursor.moveToNextRow();
        } catch (IOException | RuntimeException e) {
            throw new DataFormatException(file, "table " + DATA_TABLE + ", after row " + rowsRead, "cannot read the next"
                    + " row: " + e.getMessage() + " (file of " + file.toFile().length() + " bytes: cut short or damaged?)", e);
        }
    }

    /** Active mass of the test [mg] from {@code Global_Table.MASS} [g], or NaN. */
    private static double massMg(Database db, int test) throws IOException {
        Table g = db.getTable(GLOBAL_TABLE);
        if (g == null || g.getColumns().stream().noneMatch(c -> c.getName().equals("MASS"))) {
            return Double.NaN;
        }
        for (Row r : g) {
            Object id = r.get("Test_ID");
            Object mass = r.get("MASS");
            if (id instanceof Number i && i.intValue() == test && mass instanceof Number ms && ms.doubleValue() > 0) {
                double grams = mass instanceof Float f ? NativeSeries.fromFloat(f) : ms.doubleValue();
                return new java.math.BigDecimal(Double.toString(grams)).movePointRight(3).doubleValue(); // g -> mg, decimal shift
            }
        }
        return Double.NaN;
    }

    private static double number(Path file, Object v, String column, int index) {
        if (v instanceof Float f) {
            return NativeSeries.fromFloat(f);
        }
        if (v instanceof Number num) {
            return num.doubleValue();
        }
        throw new DataFormatException(file, "table " + DATA_TABLE + ", row " + (index + 1) + ", column '" + column + "'",
                "value is " + (v == null ? "empty" : "'" + v + "'") + ", expected a number");
    }

    /** Indices sorted by (Test_ID, Data_Point); the identity when already in that order (the usual case). */
    private static int[] order(int[] testId, long[] point, int n) {
        Integer[] idx = new Integer[n];
        boolean sorted = true;
        for (int i = 0; i < n; i++) {
            idx[i] = i;
            if (i > 0 && (testId[i] < testId[i - 1] || (testId[i] == testId[i - 1] && point[i] < point[i - 1]))) {
                sorted = false;
            }
        }
        if (!sorted) {
            java.util.Arrays.sort(idx, (a, b) -> testId[a] != testId[b] ? Integer.compare(testId[a], testId[b])
                    : Long.compare(point[a], point[b]));
        }
        int[] o = new int[n];
        for (int i = 0; i < n; i++) {
            o[i] = idx[i];
        }
        return o;
    }

    private static double[] pick(double[] v, int[] order, int m) {
        double[] o = new double[m];
        for (int i = 0; i < m; i++) {
            o[i] = v[order[i]];
        }
        return o;
    }

    private static int[] pick(int[] v, int[] order, int m) {
        int[] o = new int[m];
        for (int i = 0; i < m; i++) {
            o[i] = v[order[i]];
        }
        return o;
    }
}
