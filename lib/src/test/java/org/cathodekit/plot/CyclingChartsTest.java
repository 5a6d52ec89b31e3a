package org.cathodekit.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.cathodekit.core.CyclerData;
import org.cathodekit.cycling.CycleOptions;
import org.cathodekit.cycling.CycleSummary;
import org.cathodekit.cycling.Cycles;
import org.cathodekit.cycling.CyclingModel;
import org.cathodekit.cycling.Dqdv;
import org.cathodekit.cycling.DqdvOptions;
import org.cathodekit.cycling.PlantedCycling;
import org.cathodekit.table.CyclingTables;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.XYChart;

import tech.tablesaw.api.Table;

/** Smoke tests: charts render with titles, units and series names; tables carry the documented columns. */
class CyclingChartsTest {

    @Test
    void chartsAndTablesRender() {
        CyclerData d = CyclingModel.simulate(CyclingModel.Options.of(PlantedCycling.ROD_PAPER_A, 1).withCycles(4)
                .withSamplingS(120));
        CycleSummary s = Cycles.summarise(d, CycleOptions.DEFAULTS.withActiveMassMg(5));
        Map<String, CycleSummary> m = new LinkedHashMap<>();
        m.put("rod", s);
        XYChart r = CyclingCharts.retention("retention", m);
        assertEquals("retention", r.getTitle());
        assertTrue(r.getSeriesMap().containsKey("rod"));
        assertTrue(r.getYAxisTitle().contains("%"));
        XYChart o = CyclingCharts.onset("onset", m);
        assertTrue(o.getYAxisTitle().contains("(V)"));
        XYChart q = CyclingCharts.dqdv("dqdv", Dqdv.of(d, 2, DqdvOptions.DEFAULTS));
        assertTrue(q.getSeriesMap().keySet().containsAll(List.of("charge", "discharge", "charge peaks", "discharge peaks")),
                q.getSeriesMap().keySet().toString());
        assertTrue(q.getXAxisTitle().contains("(V)") && q.getYAxisTitle().contains("mAh/V"));
        CategoryChart b = CyclingCharts.paperVsReproduced("bars", "retention (%)", List.of("a", "b"), List.of(80.0, 60.0),
                List.of(80.1, 59.9));
        assertTrue(b.getSeriesMap().keySet().containsAll(List.of("paper", "reproduced")));
        for (var chart : List.of(r, o, q)) {
            assertEquals(Charts.WIDTH, Charts.image(chart).getWidth());
        }
        assertEquals(Charts.WIDTH, Charts.image(b).getWidth());
        Table t = CyclingTables.cycles(s);
        assertEquals(4, t.rowCount());
        assertTrue(t.columnNames().containsAll(List.of("cycle", "discharge_mAh_g", "onset_discharge_V", "retention_pct", "flags")));
        assertEquals(209.3, t.doubleColumn("discharge_mAh_g").get(1), 1e-6);
        assertEquals(6, CyclingTables.peaks(Dqdv.of(d, 2, DqdvOptions.DEFAULTS)).rowCount());
    }
}
