package org.cathodekit.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.cathodekit.gitt.PulseDirection;
import org.junit.jupiter.api.Test;

import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.Table;

class TablesTest {
    record Pulse(int index, PulseDirection direction, double tauS, double eBeforeV, double dM2PerS, double capacityMAhPerG,
            long points, boolean clean, String note, List<String> flags, double[] raw) {
    }

    record Other(double x) {
    }

    @Test
    void columnNamesCarryUnits() {
        assertEquals("tau_s", Tables.columnName("tauS"));
        assertEquals("e_before_V", Tables.columnName("eBeforeV"));
        assertEquals("d_m2_per_s", Tables.columnName("dM2PerS"));
        assertEquals("edge50_eV", Tables.columnName("edge50Ev"));
        assertEquals("capacity_mAh_per_g", Tables.columnName("capacityMAhPerG"));
        assertEquals("temperature_C", Tables.columnName("temperatureC"));
        assertEquals("r2", Tables.columnName("r2"));
        assertEquals("mean", Tables.columnName("mean"));
    }

    @Test
    void oneRowPerRecordOneTypedColumnPerComponent() {
        List<Pulse> ps = List.of(
                new Pulse(0, PulseDirection.CHARGE, 1200, 3.4, 2e-16, 6.7, 301, true, null, List.of("A", "B"), new double[] {1}),
                new Pulse(1, PulseDirection.DISCHARGE, 1200, 3.5, Double.NaN, 13.3, 299, false, "x", List.of(), new double[] {2}));
        Table t = Tables.of(ps);
        assertEquals(2, t.rowCount());
        assertEquals(List.of("index", "direction", "tau_s", "e_before_V", "d_m2_per_s", "capacity_mAh_per_g", "points", "clean", "note",
                "flags"), t.columnNames(), "arrays are left out, order is the declaration order");
        assertEquals(ColumnType.INTEGER, t.column("index").type());
        assertEquals(ColumnType.DOUBLE, t.column("tau_s").type());
        assertEquals(ColumnType.LONG, t.column("points").type());
        assertEquals(ColumnType.BOOLEAN, t.column("clean").type());
        assertEquals("DISCHARGE", t.stringColumn("direction").get(1));
        assertEquals("A|B", t.stringColumn("flags").get(0));
        assertTrue(t.column("note").isMissing(0), "null is missing, not the text 'null'");
        assertTrue(t.doubleColumn("d_m2_per_s").isMissing(1), "NaN is a missing value in Tablesaw");
        assertEquals(2e-16, t.doubleColumn("d_m2_per_s").get(0));
        assertEquals("Pulse (2)", t.name());
    }

    @Test
    void mixedRecordTypesAndEmptyLists() {
        List<Record> mixed = List.of(new Other(1), new Pulse(0, PulseDirection.CHARGE, 1, 1, 1, 1, 1, true, "", List.of(), new double[0]));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Tables.of(mixed));
        assertTrue(e.getMessage().contains("Other") && e.getMessage().contains("Pulse"), e.getMessage());
        assertEquals(0, Tables.of(List.<Other>of()).columnCount());
    }
}
