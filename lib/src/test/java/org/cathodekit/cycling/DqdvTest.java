package org.cathodekit.cycling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.cathodekit.core.CyclerData;
import org.junit.jupiter.api.Test;

/** {@link Dqdv} against analytic curves and the forward model's planted peaks. */
class DqdvTest {

    /**
     * Peak positions on the (noisy) forward model: the vertex of a parabola over the top 20 % of a peak
     * averages the 0.5 mV voltage noise; peaks have FWHM 53 mV (H2-H3) to 176 mV (H1-M): within 4 mV of
     * the analytic maximum of G' (measured: at most 2.8 mV over sampling 5-120 s).
     */
    static final double PEAK_POSITION_TOL_V = 0.004;
    /** Without noise the method is sampling-independent to the grid's interpolation: 0.5 mV. */
    static final double NOISE_FREE_POSITION_TOL_V = 0.0005;
    /** ... and heights and areas to 1 %. */
    static final double NOISE_FREE_REL = 0.01;
    /** Areas without noise: 3 % (a window that reaches the end of the half-cycle, where a 120 s row spans many bins). */
    static final double NOISE_FREE_AREA_REL = 0.03;
    /** With 0.5 mV noise, heights (biased up by the noise at a maximum) agree to 10 % across sampling rates. */
    static final double NOISY_HEIGHT_REL = 0.10;

    static CyclerData model(double samplingS, int cycles) {
        return model(samplingS, cycles, 0.0005);
    }

    static CyclerData model(double samplingS, int cycles, double noiseV) {
        return CyclingModel.simulate(CyclingModel.Options.of(PlantedCycling.ROD_PAPER_A, 1601).withCycles(cycles)
                .withSamplingS(samplingS).withNoiseV(noiseV));
    }

    static DqdvPeak nearest(List<DqdvPeak> peaks, double v) {
        DqdvPeak best = null;
        for (DqdvPeak p : peaks) {
            if (best == null || Math.abs(p.voltageV() - v) < Math.abs(best.voltageV() - v)) {
                best = p;
            }
        }
        return best;
    }

    @Test
    void plantedPeaksAreRecovered() {
        PlantedCycling p = PlantedCycling.ROD_PAPER_A;
        CyclerData d = CyclingModel.simulate(CyclingModel.Options.of(p, 1601));
        for (int cycle : new int[] {2, 100}) {
            DqdvResult r = Dqdv.of(d, cycle, DqdvOptions.DEFAULTS);
            assertEquals(3, r.peaks(Direction.CHARGE).size(), r.peaks().toString());
            assertEquals(3, r.peaks(Direction.DISCHARGE).size(), r.peaks().toString());
            for (Direction dir : Direction.values()) {
                for (int k = 0; k < 3; k++) {
                    double planted = CyclingModel.plantedPeakV(p, cycle, dir, k);
                    DqdvPeak found = nearest(r.peaks(dir), planted);
                    assertEquals(planted, found.voltageV(), PEAK_POSITION_TOL_V, "cycle " + cycle + " " + dir + " peak " + k);
                }
            }
            PeakPair h = r.h2h3();
            assertNotNull(h, "H2-H3 pair in cycle " + cycle);
            double plantedHyst = CyclingModel.plantedPeakV(p, cycle, Direction.CHARGE, CyclingModel.H2_H3)
                    - CyclingModel.plantedPeakV(p, cycle, Direction.DISCHARGE, CyclingModel.H2_H3);
            assertEquals(plantedHyst, h.hysteresisV(), 2 * PEAK_POSITION_TOL_V);
            assertEquals(3, r.pairs().size());
        }
        // polarisation growth moves the H2-H3 charge peak up by the planted 30 mV between cycles 2 and 100
        double up = Dqdv.of(d, 100, DqdvOptions.DEFAULTS).h2h3().charge().voltageV()
                - Dqdv.of(d, 2, DqdvOptions.DEFAULTS).h2h3().charge().voltageV();
        assertEquals(p.onsetV(2) - p.onsetV(100), up, 2 * PEAK_POSITION_TOL_V);
    }

    @Test
    void resultsDoNotDependOnTheSamplingRate() {
        for (double noise : new double[] {0, 0.0005}) {
            double posTol = noise == 0 ? NOISE_FREE_POSITION_TOL_V : PEAK_POSITION_TOL_V;
            double heightRel = noise == 0 ? NOISE_FREE_REL : NOISY_HEIGHT_REL;
            DqdvResult ref = Dqdv.of(model(5, 3, noise), 2, DqdvOptions.DEFAULTS);
            for (double s : new double[] {30, 60, 120}) {
                DqdvResult r = Dqdv.of(model(s, 3, noise), 2, DqdvOptions.DEFAULTS);
                String what = "sampling " + s + " s, noise " + noise + " V";
                assertEquals(ref.peaks().size(), r.peaks().size(), what);
                for (DqdvPeak a : ref.peaks()) {
                    DqdvPeak b = nearest(r.peaks(a.direction()), a.voltageV());
                    assertEquals(a.voltageV(), b.voltageV(), posTol, what + ", " + a);
                    assertEquals(a.height(), b.height(), heightRel * a.height(), what + ", " + a);
                    if (noise == 0) {
                        assertEquals(a.areaMAh(), b.areaMAh(), NOISE_FREE_AREA_REL * a.areaMAh(), what + ", " + a);
                    }
                }
                assertEquals(ref.charge().capacityMAh(), r.charge().capacityMAh(), 1e-9);
            }
        }
    }

    @Test
    void singleLogisticHasItsAnalyticPeak() {
        // Q(V) = Q0 F((V - c) / s): dQ/dV peaks at c with height Q0 / (4 s); total area Q0
        double q0 = 1.0;
        double c = 4.2;
        double s = 0.02;
        int n = 2001;
        double[] v = new double[n];
        double[] q = new double[n];
        for (int k = 0; k < n; k++) {
            v[k] = 3.9 + 0.6 * k / (n - 1);
            q[k] = q0 / (1 + Math.exp(-(v[k] - c) / s));
        }
        DqdvOptions o = DqdvOptions.DEFAULTS.withSmoothing(0.010, 2);
        DqdvCurve curve = Dqdv.ofHalfCycle(Direction.CHARGE, v, q, o);
        List<DqdvPeak> peaks = Dqdv.peaks(curve, o);
        assertEquals(1, peaks.size(), peaks.toString());
        DqdvPeak pk = peaks.get(0);
        assertEquals(c, pk.voltageV(), 0.0005);
        assertEquals(q0 / (4 * s), pk.height(), 0.02 * q0 / (4 * s));
        assertEquals(q[n - 1] - q[0], pk.areaMAh(), 0.01);
        // dV/dQ of the same curve: 1 / (dQ/dV) = s / (Q0 F (1 - F)); at Q = Q0/2 (V = c) it is 4 s / Q0
        double[] qg = curve.capacityGridMAh();
        double[] dvdq = curve.dvdq();
        int mid = 0;
        for (int j = 0; j < qg.length; j++) {
            if (Math.abs(qg[j] - (q[n - 1] + q[0]) / 2) < Math.abs(qg[mid] - (q[n - 1] + q[0]) / 2)) {
                mid = j;
            }
        }
        assertEquals(4 * s / q0, dvdq[mid], 0.02 * 4 * s / q0);
        // discharge sign convention
        DqdvCurve dis = Dqdv.ofHalfCycle(Direction.DISCHARGE, reverse(v), reverse(negate(q, q0)), o);
        double minY = 0;
        for (double y : dis.dqdv()) {
            minY = Math.min(minY, y);
        }
        assertEquals(-q0 / (4 * s), minY, 0.02 * q0 / (4 * s));
    }

    static double[] reverse(double[] a) {
        double[] r = new double[a.length];
        for (int k = 0; k < a.length; k++) {
            r[k] = a[a.length - 1 - k];
        }
        return r;
    }

    static double[] negate(double[] q, double q0) {
        double[] r = new double[q.length];
        for (int k = 0; k < q.length; k++) {
            r[k] = q0 - q[k];
        }
        return r;
    }

    @Test
    void pairingIsOneToOneAndOrderPreserving() {
        List<DqdvPeak> peaks = List.of(
                new DqdvPeak(Direction.CHARGE, 3.70, 1, 1, 0, 0, 0),
                new DqdvPeak(Direction.CHARGE, 4.20, 1, 1, 0, 0, 0),
                new DqdvPeak(Direction.DISCHARGE, 3.66, 1, 1, 0, 0, 0),
                new DqdvPeak(Direction.DISCHARGE, 4.17, 1, 1, 0, 0, 0),
                new DqdvPeak(Direction.DISCHARGE, 4.19, 1, 1, 0, 0, 0));
        List<PeakPair> pairs = Dqdv.pair(peaks, DqdvOptions.DEFAULTS);
        assertEquals(2, pairs.size());
        assertEquals(3.66, pairs.get(0).discharge().voltageV());
        assertEquals(4.19, pairs.get(1).discharge().voltageV(), "the nearer of the two discharge peaks");
        assertTrue(pairs.get(1).h2h3());
        assertEquals(0.01, pairs.get(1).hysteresisV(), 1e-12);
        // grown polarisation: the M-H2 charge peak (4.07) is nearer the H2-H3 discharge peak (4.11) than its
        // own partner (3.93); the order-preserving matching still pairs phase with phase
        List<PeakPair> grown = Dqdv.pair(List.of(
                new DqdvPeak(Direction.CHARGE, 3.77, 1, 1, 0, 0, 0), new DqdvPeak(Direction.CHARGE, 4.07, 1, 1, 0, 0, 0),
                new DqdvPeak(Direction.CHARGE, 4.25, 1, 1, 0, 0, 0), new DqdvPeak(Direction.DISCHARGE, 3.63, 1, 1, 0, 0, 0),
                new DqdvPeak(Direction.DISCHARGE, 3.93, 1, 1, 0, 0, 0), new DqdvPeak(Direction.DISCHARGE, 4.11, 1, 1, 0, 0, 0)),
                DqdvOptions.DEFAULTS);
        assertEquals(3, grown.size());
        for (PeakPair p : grown) {
            assertEquals(0.14, p.hysteresisV(), 1e-9, p.toString());
        }
    }

    @Test
    void missingOrIncompleteCycleIsRefused() {
        CyclerData d = model(60, 3);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Dqdv.of(d, 7, DqdvOptions.DEFAULTS));
        assertTrue(e.getMessage().contains("cycle 7") && e.getMessage().contains("no such cycle")
                && e.getMessage().contains("1..3"), e.getMessage());
        int n = d.size() - 200; // cut inside the last discharge
        CyclerData cut = CyclesTest.slice(d, n);
        IllegalArgumentException f = assertThrows(IllegalArgumentException.class, () -> Dqdv.of(cut, 3, DqdvOptions.DEFAULTS));
        assertTrue(f.getMessage().contains("cycle 3") && f.getMessage().contains("incomplete"), f.getMessage());
    }
}
