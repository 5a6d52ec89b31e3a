package org.cathodekit.cycling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.cathodekit.core.CyclerData;
import org.cathodekit.core.CyclerFormat;
import org.cathodekit.core.DataFormatException;
import org.cathodekit.io.CyclerReader;
import org.junit.jupiter.api.Test;

/** {@link Cycles} against analytic records and the forward model's planted truths. */
class CyclesTest {

    /** Constant current is integrated exactly by trapezoids: only floating-point rounding remains. */
    static final double EXACT_REL = 1e-9;
    /** Model voltage noise is 0.5 mV (1 sigma): a single reading lies within 4 sigma. */
    static final double ONE_READING_V = 0.002;
    /** The sample file prints time to 0.1 s, V to 10 uV, I to 1 nA: capacities to ~1e-5 relative. */
    static final double PRINTED_REL = 1e-4;

    static final CycleOptions MASS5 = CycleOptions.DEFAULTS.withActiveMassMg(5.0);

    static CyclerData model(PlantedCycling p, int cycles) {
        return CyclingModel.simulate(CyclingModel.Options.of(p, 1601).withCycles(cycles));
    }

    @Test
    void forwardModelRecoversPaperARodAndGravel() {
        for (PlantedCycling p : List.of(PlantedCycling.ROD_PAPER_A, PlantedCycling.GRAVEL_PAPER_A)) {
            CycleSummary s = Cycles.summarise(model(p, p.cycles()), MASS5);
            assertEquals(CycleSource.CYCLE_COLUMN, s.source());
            assertEquals(p.cycles(), s.cycles().size());
            CycleStats c2 = s.cycle(2);
            CycleStats last = s.cycle(p.cycles());
            assertEquals(p.dischargeSecondMAhG(), c2.dischargeMAhPerG(), p.dischargeSecondMAhG() * EXACT_REL, p.name());
            assertEquals(p.dischargeLastMAhG(), last.dischargeMAhPerG(), p.dischargeLastMAhG() * EXACT_REL, p.name());
            assertEquals(p.retentionPct(), s.lastRetentionPct(), 1e-6, p.name());
            assertEquals(p.cycles(), s.lastCompleteCycle());
            assertEquals(100.0, c2.retentionPct(), 1e-9);
            assertEquals(0.995, c2.coulombicEfficiency(), 1e-9);
            assertEquals(0.88, s.cycle(1).coulombicEfficiency(), 1e-9);
            assertEquals(p.onsetV(2), c2.onsetDischargeV(), ONE_READING_V, p.name());
            assertEquals(p.onsetV(p.cycles()), last.onsetDischargeV(), ONE_READING_V, p.name());
            // IR drop from the 4.5 V cut-off to the onset
            assertEquals(CyclingModel.UPPER_CUTOFF_V - p.onsetV(2), c2.irDropV(), 2 * ONE_READING_V);
            assertEquals(CyclingModel.LOWER_CUTOFF_V, last.dischargeEndV(), ONE_READING_V);
            assertEquals(CyclingModel.UPPER_CUTOFF_V, last.chargeEndV(), ONE_READING_V);
            assertTrue(last.meanDischargeV() > 3.5 && last.meanDischargeV() < 4.1, "mean V " + last.meanDischargeV());
            assertTrue(last.energyEfficiency() < 1 && last.energyEfficiency() > 0.85);
            assertTrue(c2.flags().isEmpty(), c2.flags().toString());
        }
    }

    @Test
    void onsetDefinitionsAgreeOnTheDropOfTheOnset() {
        PlantedCycling p = PlantedCycling.GRAVEL_PAPER_A;
        CyclerData d = model(p, p.cycles());
        double planted = p.onsetV(2) - p.onsetV(100);
        for (CycleOptions o : List.of(MASS5.withOnset(OnsetDefinition.FIRST_POINT, 0),
                MASS5.withOnset(OnsetDefinition.AT_TIME_INTO_DISCHARGE, 10),
                MASS5.withOnset(OnsetDefinition.AT_CAPACITY_INTO_DISCHARGE, 0.5))) {
            CycleSummary s = Cycles.summarise(d, o);
            double drop = s.cycle(2).onsetDischargeV() - s.cycle(100).onsetDischargeV();
            assertEquals(planted, drop, 2 * ONE_READING_V, o.onset().name());
            assertTrue(s.cycle(2).onsetDischargeV() <= p.onsetV(2) + ONE_READING_V, "the curve falls into the discharge");
        }
        // an onset time longer than the discharge cannot be read
        CycleSummary s = Cycles.summarise(d, MASS5.withOnset(OnsetDefinition.AT_TIME_INTO_DISCHARGE, 1e6));
        assertTrue(Double.isNaN(s.cycle(2).onsetDischargeV()));
        assertTrue(s.cycle(2).flags().contains(CycleFlag.ONSET_OUTSIDE_DISCHARGE));
    }

    @Test
    void analyticTwoStepRecord() {
        // charge 1 mA for 3600 s with V rising 3.0 -> 4.0 V linearly, discharge 2 mA for 1800 s 4.0 -> 3.0 V, rest
        int n = 7;
        double[] t = {0, 1800, 3600, 3600, 2700 + 2700 - 900, 5400, 6000};
        t[4] = 4500;
        double[] v = {3.0, 3.5, 4.0, 3.9, 3.45, 3.0, 3.2};
        double[] i = {1e-3, 1e-3, 1e-3, -2e-3, -2e-3, -2e-3, 0};
        CyclerData d = CyclerData.ofArrays(t, v, i);
        CycleSummary s = Cycles.summarise(d, MASS5.withReferenceCycle(1).withPartialFraction(0));
        assertEquals(CycleSource.CURRENT_SIGN, s.source());
        CycleStats c = s.cycle(1);
        assertEquals(1.0, c.chargeMAh(), 1e-12);
        assertEquals(1.0, c.dischargeMAh(), 1e-12);
        assertEquals(200.0, c.chargeMAhPerG(), 1e-9);
        // E = integral of V I dt with V linear: trapezoid is exact: charge mean 3.5 V, discharge (3.9+3.45)/2, (3.45+3)/2
        assertEquals(3.5, c.chargeEnergyMWh(), 1e-12);
        assertEquals(0.5 * (3.9 + 3.45) / 2 + 0.5 * (3.45 + 3.0) / 2, c.dischargeEnergyMWh(), 1e-12);
        assertEquals(1.0, c.coulombicEfficiency(), 1e-12);
        assertEquals(3.9, c.onsetDischargeV(), 0);
        assertEquals(0.1, c.irDropV(), 1e-12);
        assertEquals(100, c.retentionPct(), 1e-12);
        assertEquals(n - 1, c.lastRow());
    }

    @Test
    void currentSignRuleGivesTheColumnsCycles() {
        CyclerData d = model(PlantedCycling.ROD_PAPER_A, 6);
        CyclerData noColumn = CyclerData.ofArrays(d.timeS(), d.voltageV(), d.currentA());
        CycleSummary a = Cycles.summarise(d, MASS5);
        CycleSummary b = Cycles.summarise(noColumn, MASS5);
        assertEquals(CycleSource.CURRENT_SIGN, b.source());
        assertEquals(a.cycles().size(), b.cycles().size());
        for (int k = 0; k < a.cycles().size(); k++) {
            assertEquals(a.cycles().get(k).cycle(), b.cycles().get(k).cycle());
            assertEquals(a.cycles().get(k).dischargeMAh(), b.cycles().get(k).dischargeMAh(), 1e-12);
            assertEquals(a.cycles().get(k).chargeMAh(), b.cycles().get(k).chargeMAh(), 1e-12);
        }
        assertTrue(b.warnings().stream().anyMatch(w -> w.contains("current sign")), b.warnings().toString());
    }

    @Test
    void interruptedHalfCyclesGetNoEfficiencyOrRetention() {
        CyclerData d = model(PlantedCycling.ROD_PAPER_A, 5);
        // cut the record in the middle of the last discharge
        int[] c = d.cycle();
        double[] cur = d.currentA();
        int lastDis = -1;
        int firstDis5 = -1;
        for (int k = 0; k < d.size(); k++) {
            if (c[k] == 5 && cur[k] < 0) {
                lastDis = k;
                if (firstDis5 < 0) {
                    firstDis5 = k;
                }
            }
        }
        int cut = firstDis5 + (lastDis - firstDis5) / 3;
        CyclerData truncated = slice(d, cut + 1);
        CycleSummary s = Cycles.summarise(truncated, MASS5);
        CycleStats c5 = s.cycle(5);
        assertTrue(c5.flags().contains(CycleFlag.DISCHARGE_AT_FILE_END), c5.flags().toString());
        assertTrue(c5.flags().contains(CycleFlag.PARTIAL_DISCHARGE), c5.flags().toString());
        assertFalse(c5.dischargeComplete());
        assertTrue(Double.isNaN(c5.coulombicEfficiency()));
        assertTrue(Double.isNaN(c5.retentionPct()));
        assertEquals(4, s.lastCompleteCycle());
        // a time gap inside a discharge (an interruption) flags it too
        double[] t = d.timeS();
        for (int k = firstDis5 + 10; k < t.length; k++) {
            t[k] += 7200;
        }
        CyclerData gapped = new CyclerData(null, CyclerFormat.GENERIC, "n/a", "n/a", t, d.voltageV(), cur, null, c,
                Map.of(), List.of(), 0, 0);
        CycleStats g5 = Cycles.summarise(gapped, MASS5).cycle(5);
        assertTrue(g5.flags().contains(CycleFlag.DISCHARGE_GAP), g5.flags().toString());
        assertTrue(Double.isNaN(g5.retentionPct()));
    }

    static CyclerData slice(CyclerData d, int n) {
        return new CyclerData(null, CyclerFormat.GENERIC, "n/a", "n/a", Arrays.copyOf(d.timeS(), n),
                Arrays.copyOf(d.voltageV(), n), Arrays.copyOf(d.currentA(), n), null, Arrays.copyOf(d.cycle(), n),
                Map.of(), List.of(), 0, 0);
    }

    @Test
    void countersAreComparedPerCycle() {
        CyclerData d = model(PlantedCycling.ROD_PAPER_A, 4);
        // counters as a Neware file writes them: per-step capacity, reset at each step start
        double[] t = d.timeS();
        double[] cur = d.currentA();
        double[] chg = new double[d.size()];
        double[] dis = new double[d.size()];
        for (int k = 1; k < d.size(); k++) {
            double dq = 0.5 * (Math.abs(cur[k]) + Math.abs(cur[k - 1])) * (t[k] - t[k - 1]) / 3600;
            boolean sameSign = Math.signum(cur[k]) == Math.signum(cur[k - 1]);
            chg[k] = cur[k] > 0 ? (sameSign ? chg[k - 1] + dq : 0) : 0;
            dis[k] = cur[k] < 0 ? (sameSign ? dis[k - 1] + dq : 0) : 0;
        }
        CycleSummary ok = Cycles.summarise(withCounters(d, chg, dis), MASS5);
        assertTrue(ok.countersCompared());
        for (CycleStats c : ok.cycles()) {
            assertEquals(c.dischargeMAh(), c.counterDischargeMAh(), 1e-9);
            assertEquals(c.chargeMAh(), c.counterChargeMAh(), 1e-9);
            assertFalse(c.flags().contains(CycleFlag.DISCHARGE_COUNTER_MISMATCH));
        }
        double[] bad = dis.clone();
        for (int k = 0; k < bad.length; k++) {
            if (d.cycle()[k] == 3) {
                bad[k] *= 1.05; // a cycler that counts 5 % more in cycle 3
            }
        }
        CycleSummary s = Cycles.summarise(withCounters(d, chg, bad), MASS5);
        assertTrue(s.cycle(3).flags().contains(CycleFlag.DISCHARGE_COUNTER_MISMATCH));
        assertFalse(s.cycle(2).flags().contains(CycleFlag.DISCHARGE_COUNTER_MISMATCH));
        assertTrue(s.warnings().stream().anyMatch(w -> w.contains("counter")), s.warnings().toString());
    }

    static CyclerData withCounters(CyclerData d, double[] chgAh, double[] disAh) {
        Map<String, double[]> counters = new LinkedHashMap<>();
        counters.put(CyclerData.CHARGE_CAPACITY_AH, chgAh);
        counters.put(CyclerData.DISCHARGE_CAPACITY_AH, disAh);
        return new CyclerData(d.source(), d.format(), d.encoding(), d.dialect(), d.timeS(), d.voltageV(), d.currentA(),
                d.step(), d.cycle(), d.unitsDetected(), d.skippedRows(), d.skippedRowCount(), d.duplicateTimes(),
                counters, Double.NaN, List.of());
    }

    @Test
    void massFromTheFileOrNone() {
        CyclerData d = model(PlantedCycling.ROD_PAPER_A, 3);
        CycleSummary none = Cycles.summarise(d, CycleOptions.DEFAULTS);
        assertEquals("none", none.massSource());
        assertTrue(Double.isNaN(none.cycle(2).dischargeMAhPerG()));
        assertTrue(none.warnings().stream().anyMatch(w -> w.contains("no active mass")));
        CyclerData stated = new CyclerData(null, CyclerFormat.GENERIC, "n/a", "n/a", d.timeS(), d.voltageV(),
                d.currentA(), null, d.cycle(), Map.of(), List.of(), 0, 0, Map.of(), 5.0, List.of("reader note"));
        CycleSummary file = Cycles.summarise(stated, CycleOptions.DEFAULTS);
        assertEquals("file", file.massSource());
        assertEquals(PlantedCycling.ROD_PAPER_A.dischargeSecondMAhG(), file.cycle(2).dischargeMAhPerG(), 1e-6);
        assertTrue(file.warnings().contains("reader note"));
    }

    @Test
    void sampleFileIsReadAndSummarised() {
        Path f = Path.of(System.getProperty("user.dir")).resolve("../data-samples/cycling/rod-cycling-synthetic.csv.gz");
        org.junit.jupiter.api.Assumptions.assumeTrue(java.nio.file.Files.exists(f), "sample file absent: " + f);
        CyclerData d = CyclerReader.read(f);
        CycleSummary s = Cycles.summarise(d, MASS5);
        PlantedCycling p = PlantedCycling.ROD_PAPER_A;
        assertEquals(p.dischargeSecondMAhG(), s.cycle(2).dischargeMAhPerG(), p.dischargeSecondMAhG() * PRINTED_REL);
        assertEquals(p.dischargeLastMAhG(), s.cycle(100).dischargeMAhPerG(), p.dischargeLastMAhG() * PRINTED_REL);
        assertEquals(p.retentionPct(), s.lastRetentionPct(), 0.01);
    }

    // ---- bad input ----

    @Test
    void noDischargeStepIsRefused() {
        CyclerData d = CyclerData.ofArrays(new double[] {0, 1, 2}, new double[] {3.5, 3.6, 3.7}, new double[] {1e-3, 1e-3, 0});
        DataFormatException e = assertThrows(DataFormatException.class, () -> Cycles.summarise(d, MASS5));
        assertTrue(e.getMessage().contains("no discharge step"), e.getMessage());
    }

    @Test
    void cycleColumnGoingBackwardsIsRefused() {
        CyclerData d = new CyclerData(Path.of("cells/run7.csv"), CyclerFormat.GENERIC, "n/a", "n/a",
                new double[] {0, 1, 2, 3}, new double[] {3.5, 3.6, 3.5, 3.4}, new double[] {1e-3, 1e-3, -1e-3, -1e-3},
                null, new int[] {1, 2, 1, 2}, Map.of(), List.of(), 0, 0);
        DataFormatException e = assertThrows(DataFormatException.class, () -> Cycles.summarise(d, MASS5));
        assertTrue(e.getMessage().contains("run7.csv") && e.getMessage().contains("data row 3")
                && e.getMessage().contains("from 2 to 1"), e.getMessage());
    }

    @Test
    void builderEqualsWithCopies() {
        CycleOptions a = CycleOptions.DEFAULTS.toBuilder().activeMassMg(5).referenceCycle(3)
                .onset(OnsetDefinition.AT_TIME_INTO_DISCHARGE).onsetAmount(10).cycleSource(CycleSource.CURRENT_SIGN).build();
        CycleOptions b = CycleOptions.DEFAULTS.withActiveMassMg(5).withReferenceCycle(3)
                .withOnset(OnsetDefinition.AT_TIME_INTO_DISCHARGE, 10).withCycleSource(CycleSource.CURRENT_SIGN);
        assertEquals(b, a);
        assertThrows(IllegalArgumentException.class, () -> CycleOptions.DEFAULTS.toBuilder().activeMassMg(0).build());
    }

    @Test
    void nonPositiveMassIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> CycleOptions.DEFAULTS.withActiveMassMg(0));
        assertThrows(IllegalArgumentException.class, () -> CycleOptions.DEFAULTS.withActiveMassMg(-2));
        assertThrows(IllegalArgumentException.class, () -> CycleOptions.DEFAULTS.withActiveMassMg(Double.POSITIVE_INFINITY));
    }

    @Test
    void missingReferenceCycleIsRefused() {
        CyclerData d = model(PlantedCycling.ROD_PAPER_A, 3);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Cycles.summarise(d, MASS5.withReferenceCycle(9)));
        assertTrue(e.getMessage().contains("reference cycle 9") && e.getMessage().contains("1..3"), e.getMessage());
    }

    @Test
    void incompleteReferenceGivesNoRetention() {
        CyclerData d = model(PlantedCycling.ROD_PAPER_A, 3);
        int n = 0;
        while (d.cycle()[n] < 2 || d.currentA()[n] >= 0) {
            n++;
        }
        CycleSummary s = Cycles.summarise(slice(d, n + 30), MASS5);
        assertTrue(Double.isNaN(s.lastRetentionPct()) || s.lastCompleteCycle() == 1);
        assertTrue(Double.isNaN(s.cycle(1).retentionPct()));
        assertTrue(s.warnings().stream().anyMatch(w -> w.contains("reference cycle 2")), s.warnings().toString());
        assertNull(s.cycle(3));
    }
}
