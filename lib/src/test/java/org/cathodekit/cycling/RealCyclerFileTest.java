package org.cathodekit.cycling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.cathodekit.core.CyclerData;
import org.cathodekit.io.CyclerReader;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * A real Neware BTSDA export (cellpy testdata {@code neware_uio.csv}, MIT, in
 * {@code ../shared/reference-data/cycler/}): the integrated per-cycle capacities equal the cycler's own
 * {@code Chg. Cap.(Ah)} / {@code DChg. Cap.(Ah)} counters, read here independently of
 * {@link CyclerReader} (plain comma split, columns by exact header name).
 */
class RealCyclerFileTest {

    static final Path NEWARE = Path.of(System.getProperty("user.dir"))
            .resolve("../../shared/reference-data/cycler/cellpy_neware_uio.csv").normalize();

    /** Counter resolution of the file: 1e-8 Ah = 1e-5 mAh, per step (two readings). */
    static final double COUNTER_RESOLUTION_MAH = 1e-5;
    /** Time stamps have 1 s resolution: at each end of a constant-current step up to 1 s of |I| is lost or gained. */
    static final double TIME_RESOLUTION_S = 1.0;

    @Test
    void perCycleCapacitiesEqualTheCyclersCounters() throws IOException {
        Assumptions.assumeTrue(Files.exists(NEWARE), "shared reference data absent: " + NEWARE);
        List<String> lines = Files.readAllLines(NEWARE, StandardCharsets.UTF_8);
        List<String> head = List.of(lines.get(0).split(",", -1));
        int ch = head.indexOf("Chg. Cap.(Ah)");
        int dc = head.indexOf("DChg. Cap.(Ah)");
        int cur = head.indexOf("Current(A)");
        int step = head.indexOf("Step Index");
        assertTrue(ch >= 0 && dc >= 0 && cur >= 0 && step >= 0, head.toString());
        int n = lines.size() - 1;
        double[] chg = new double[n];
        double[] dis = new double[n];
        for (int k = 0; k < n; k++) {
            String[] f = lines.get(k + 1).split(",", -1);
            chg[k] = Double.parseDouble(f[ch]);
            dis[k] = Double.parseDouble(f[dc]);
        }
        CyclerData d = CyclerReader.read(NEWARE);
        assertEquals(n, d.size(), "every row read");
        CyclerData withCounters = CyclesTest.withCounters(d, chg, dis);
        CycleSummary s = Cycles.summarise(withCounters, CycleOptions.DEFAULTS);
        assertEquals(CycleSource.CYCLE_COLUMN, s.source());
        assertEquals(4, s.cycles().size());
        int[] steps = d.step();
        double[] i = d.currentA();
        for (CycleStats c : s.cycles()) {
            // tolerance from the file's precision: per step, 2 x 1 s of its current plus two counter readings
            double tolC = 0;
            double tolD = 0;
            for (int k = c.firstRow(); k <= c.lastRow(); k++) {
                if (k == c.firstRow() || steps[k] != steps[k - 1]) {
                    double a = Math.abs(i[Math.min(k + 1, c.lastRow())]) * 2 * TIME_RESOLUTION_S * 1000 / 3600
                            + 2 * COUNTER_RESOLUTION_MAH;
                    if (i[Math.min(k + 1, c.lastRow())] > 0) {
                        tolC += a;
                    } else {
                        tolD += a;
                    }
                }
            }
            assertEquals(c.counterChargeMAh(), c.chargeMAh(), tolC, "cycle " + c.cycle() + " charge");
            assertEquals(c.counterDischargeMAh(), c.dischargeMAh(), tolD, "cycle " + c.cycle() + " discharge");
            assertFalse(c.flags().contains(CycleFlag.DISCHARGE_COUNTER_MISMATCH));
        }
        // known from the file: cycle 2 charge 0.00424668 Ah, discharge 0.00406473 + later steps
        assertEquals(4.24668, s.cycle(2).counterChargeMAh(), 1e-9);
        // the record ends during the charge of cycle 4
        assertTrue(s.cycle(4).flags().contains(CycleFlag.CHARGE_AT_FILE_END));
        assertTrue(Double.isNaN(s.cycle(4).coulombicEfficiency()));
        assertTrue(s.cycle(2).flags().contains(CycleFlag.DISCHARGE_BEFORE_CHARGE), "this anode-type test discharges first");
        // the Neware reader now supplies the cycler's counters itself: the library compares them per cycle
        CycleSummary fromReader = Cycles.summarise(d, CycleOptions.DEFAULTS);
        assertTrue(fromReader.countersCompared(), "the reader supplies the cycler's counters");
        for (CycleStats c : fromReader.cycles()) {
            assertFalse(c.flags().contains(CycleFlag.CHARGE_COUNTER_MISMATCH), "cycle " + c.cycle());
            assertFalse(c.flags().contains(CycleFlag.DISCHARGE_COUNTER_MISMATCH), "cycle " + c.cycle());
        }
    }
}
