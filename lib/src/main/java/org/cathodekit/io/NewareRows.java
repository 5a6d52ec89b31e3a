package org.cathodekit.io;

import java.nio.file.Path;
import java.util.Arrays;

import org.cathodekit.core.CyclerData;
import org.cathodekit.core.CyclerFormat;

/**
 * The records of a Neware file as decoded, before they become a {@link CyclerData}: growable
 * primitive columns in the units the file stores (ms, V, mA, mAh, mWh), then
 * {@link #toSeries} sorts them by record index, drops repeated indices (the first is kept, as BTSDA
 * shows them), builds the test time and converts to SI.
 *
 * <p>Test time: {@code .nda} version 29 and {@code .ndax} store the time <em>within the step</em>; the
 * test time of a row is then the step time plus the test time of the previous step's last row (the
 * first point of a step is logged at the instant the previous step ended, so step changes give one
 * repeated time stamp, as Neware's own exports show). Formats storing the test time pass it unchanged.
 */
final class NewareRows {
    int n;
    long[] index = new long[1024];
    long[] timeMs = new long[1024];
    double[] voltageV = new double[1024];
    double[] currentMa = new double[1024];
    int[] stepIndex = new int[1024];
    int[] cycle = new int[1024];
    /** charge capacity, discharge capacity [mAh], charge energy, discharge energy [mWh]; NaN where not stored */
    double[][] counters = new double[4][1024];

    void add(long idx, long tMs, double v, double iMa, int step, int cyc, double qc, double qd, double ec, double ed) {
        if (n == index.length) {
            int m = n * 2;
            index = Arrays.copyOf(index, m);
            timeMs = Arrays.copyOf(timeMs, m);
            voltageV = Arrays.copyOf(voltageV, m);
            currentMa = Arrays.copyOf(currentMa, m);
            stepIndex = Arrays.copyOf(stepIndex, m);
            cycle = Arrays.copyOf(cycle, m);
            for (int k = 0; k < 4; k++) {
                counters[k] = Arrays.copyOf(counters[k], m);
            }
        }
        index[n] = idx;
        timeMs[n] = tMs;
        voltageV[n] = v;
        currentMa[n] = iMa;
        stepIndex[n] = step;
        cycle[n] = cyc;
        counters[0][n] = qc;
        counters[1][n] = qd;
        counters[2][n] = ec;
        counters[3][n] = ed;
        n++;
    }

    /**
     * @param stepTime true when {@link #timeMs} is the time within the step (see class doc)
     * @param hasCycle false when the format stores no cycle number
     */
    NativeSeries toSeries(Path file, CyclerFormat format, String dialect, boolean stepTime, boolean hasCycle) {
        Integer[] order = new Integer[n];
        boolean sorted = true;
        for (int i = 0; i < n; i++) {
            order[i] = i;
            if (i > 0 && index[i] < index[i - 1]) {
                sorted = false;
            }
        }
        if (!sorted) {
            Arrays.sort(order, (a, b) -> Long.compare(index[a], index[b])); // stable: first of equal indices first
        }
        int[] keep = new int[n];
        int m = 0;
        for (int k = 0; k < n; k++) {
            int i = order[k];
            if (m > 0 && index[keep[m - 1]] == index[i]) {
                continue;
            }
            keep[m++] = i;
        }
        NativeSeries s = new NativeSeries(file, format, dialect);
        s.timeS = new double[m];
        s.voltageV = new double[m];
        s.currentA = new double[m];
        s.step = new int[m];
        s.cycle = hasCycle ? new int[m] : null;
        double[][] c = new double[4][m];
        long offsetMs = 0;
        long previousTestMs = 0;
        for (int k = 0; k < m; k++) {
            int i = keep[k];
            if (stepTime && k > 0) {
                int p = keep[k - 1];
                boolean newStep = stepIndex[i] != stepIndex[p] || cycle[i] != cycle[p] || timeMs[i] < timeMs[p];
                if (newStep) {
                    offsetMs = previousTestMs;
                }
            }
            long testMs = stepTime ? offsetMs + timeMs[i] : timeMs[i];
            previousTestMs = testMs;
            s.timeS[k] = testMs / 1000.0;
            s.voltageV[k] = voltageV[i];
            s.currentA[k] = currentMa[i] * 1e-3;
            s.step[k] = stepIndex[i];
            if (hasCycle) {
                s.cycle[k] = cycle[i];
            }
            for (int q = 0; q < 4; q++) {
                c[q][k] = counters[q][i] * 1e-3;
            }
        }
        s.counter(CyclerData.CHARGE_CAPACITY_AH, "Charge_Capacity(mAh)", c[0]);
        s.counter(CyclerData.DISCHARGE_CAPACITY_AH, "Discharge_Capacity(mAh)", c[1]);
        s.counter(CyclerData.CHARGE_ENERGY_WH, "Charge_Energy(mWh)", c[2]);
        s.counter(CyclerData.DISCHARGE_ENERGY_WH, "Discharge_Energy(mWh)", c[3]);
        if (m < n) {
            s.warnings.add((n - m) + " records repeat an earlier record index and were dropped (the first was kept)");
        }
        return s;
    }
}
