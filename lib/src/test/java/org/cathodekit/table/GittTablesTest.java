package org.cathodekit.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.cathodekit.core.CyclerData;
import org.cathodekit.gitt.Gitt;
import org.cathodekit.gitt.GittFlag;
import org.cathodekit.gitt.GittOptions;
import org.cathodekit.gitt.GittPulse;
import org.cathodekit.gitt.GittResult;
import org.cathodekit.gitt.PulseDirection;
import org.junit.jupiter.api.Test;

import tech.tablesaw.api.Table;

class GittTablesTest {

    /** A pulse whose every numeric component is distinct, so a swapped column cannot go unnoticed. */
    private static GittPulse distinctPulse(int index, Set<GittFlag> flags) {
        return new GittPulse(index, PulseDirection.DISCHARGE, 10, 20, 1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0, 9.0, 10.0,
                11.0, 12, 13.0, 14.0, 15.0, 16.0, 17.0, 18.0, 19.0, 20.0, flags);
    }

    @Test
    void everyColumnCarriesItsComponentWithUnitsInTheName() {
        GittResult res = new GittResult(GittOptions.DEFAULTS, 1e-4, 5e-5, 100,
                List.of(distinctPulse(3, EnumSet.of(GittFlag.LOW_R2, GittFlag.REST_NOT_RELAXED)),
                        distinctPulse(4, Set.of())),
                List.of());
        Table t = GittTables.pulses(res);
        assertEquals("gitt pulses (2)", t.name());
        // the record's components in declaration order, named by their JSON keys (the CLI's pulse keys)
        assertEquals(List.of("index", "direction", "first_row", "last_row", "start_s", "tau_s", "current_A", "current_rel_std",
                "E_before_V", "E_after_V", "dEs_V", "ir_drop_V", "dEt_V", "slope_V_per_sqrt_s", "r2", "window_points",
                "D_m2_s", "D_wh_m2_s", "D_wh_mass_form_m2_s", "rest_s", "rest_end_slope_V_per_s", "li_content_after",
                "capacity_mAh_per_g", "ocv_nonlinearity", "flags"), t.columnNames());
        assertEquals(10, t.intColumn("first_row").get(0));
        assertEquals(20, t.intColumn("last_row").get(0));
        assertEquals(2, t.rowCount());
        assertEquals(3, t.intColumn("index").get(0));
        assertEquals("DISCHARGE", t.stringColumn("direction").get(0));
        // component order of GittPulse: startS=1, tauS=2, currentA=3, currentRelStd=4, eBefore=5, eAfter=6,
        // dEs=7, irDrop=8, dEt=9, slope=10, r2=11, windowPoints=12, D=13, Dwh=14, DwhMass=15, rest=16,
        // restEndSlope=17, liContent=18, capacity=19, ocvNonlinearity=20
        String[] names = {"start_s", "tau_s", "current_A", "current_rel_std", "E_before_V", "E_after_V", "dEs_V",
            "ir_drop_V", "dEt_V", "slope_V_per_sqrt_s", "r2"};
        for (int j = 0; j < names.length; j++) {
            assertEquals(j + 1.0, t.doubleColumn(names[j]).get(0), 0, names[j]);
        }
        assertEquals(12, t.intColumn("window_points").get(0));
        String[] tail = {"D_m2_s", "D_wh_m2_s", "D_wh_mass_form_m2_s", "rest_s", "rest_end_slope_V_per_s",
            "li_content_after", "capacity_mAh_per_g", "ocv_nonlinearity"};
        for (int j = 0; j < tail.length; j++) {
            assertEquals(13.0 + j, t.doubleColumn(tail[j]).get(0), 0, tail[j]);
        }
        assertEquals("LOW_R2|REST_NOT_RELAXED", t.stringColumn("flags").get(0));
        assertEquals("", t.stringColumn("flags").get(1));
    }

    @Test
    void analysedPulseGivesOneRowMatchingTheRecord() {
        // rest 3.800 V, 400 s pulse at 1 mA with E = 3.810 + 0.002 sqrt(t - t0), rest 3.805 V
        int n = 100 + 401 + 200;
        double[] t = new double[n];
        double[] v = new double[n];
        double[] c = new double[n];
        int k = 0;
        for (int i = 0; i < 100; i++, k++) {
            t[k] = i;
            v[k] = 3.800;
        }
        for (int i = 0; i <= 400; i++, k++) {
            t[k] = 100 + i;
            v[k] = 3.810 + 0.002 * Math.sqrt(i);
            c[k] = 1e-3;
        }
        for (int i = 1; i <= 200; i++, k++) {
            t[k] = 500 + i;
            v[k] = 3.805;
        }
        GittResult res = Gitt.analyse(CyclerData.ofArrays(t, v, c), GittOptions.DEFAULTS.withRadiusM(1e-6));
        Table tab = GittTables.pulses(res);
        assertEquals(1, tab.rowCount());
        GittPulse p = res.pulses().get(0);
        assertEquals(p.dM2PerS(), tab.doubleColumn("D_m2_s").get(0), 0);
        assertEquals(p.slopeVPerSqrtS(), tab.doubleColumn("slope_V_per_sqrt_s").get(0), 0);
        assertEquals(p.dEsV(), tab.doubleColumn("dEs_V").get(0), 0);
        assertEquals("CHARGE", tab.stringColumn("direction").get(0));
        assertTrue(tab.doubleColumn("ocv_nonlinearity").isMissing(0), "a lone pulse has no neighbour: NaN, missing in Tablesaw");
    }
}
