package org.cathodekit.cycling;

import java.nio.file.Path;

import org.cathodekit.core.CyclerData;
import org.cathodekit.core.DataFormatException;

/**
 * Rows -> current sign and cycle number (package-private; shared by {@link Cycles} and {@link Dqdv}).
 * The rule for each {@link CycleSource} is documented there.
 */
final class CycleSegmentation {
    final Path file;
    final double[] t;
    final double[] v;
    final double[] i;
    /** +1 charge, -1 discharge, 0 rest. */
    final byte[] sign;
    final int[] cycle;
    final CycleSource source;
    final double thresholdA;
    /** start row of each cycle run, plus n at the end. */
    final int[] starts;

    private CycleSegmentation(CyclerData data, CycleSource requested, double thresholdA) {
        this.file = data.source();
        this.t = data.timeS();
        this.v = data.voltageV();
        this.i = data.currentA();
        int n = t.length;
        if (n < 2) {
            throw new DataFormatException(file, null, "only " + n + " data row(s); expected a cycling record");
        }
        double maxAbs = 0;
        for (double x : i) {
            if (Double.isFinite(x)) {
                maxAbs = Math.max(maxAbs, Math.abs(x));
            }
        }
        this.thresholdA = Double.isNaN(thresholdA) ? CycleOptions.RELATIVE_CURRENT_THRESHOLD * maxAbs : thresholdA;
        sign = new byte[n];
        boolean anyDischarge = false;
        for (int k = 0; k < n; k++) {
            sign[k] = (byte) (i[k] > this.thresholdA ? 1 : i[k] < -this.thresholdA ? -1 : 0);
            anyDischarge |= sign[k] < 0;
        }
        if (!anyDischarge) {
            throw new DataFormatException(file, "column current",
                    "no discharge step: no row has a current below -" + fmt(this.thresholdA)
                            + " A; expected a cycling record with charge (I > 0) and discharge (I < 0) steps");
        }
        int[] fileCycle = data.cycle();
        boolean useColumn = requested == CycleSource.CYCLE_COLUMN
                || (requested == CycleSource.AUTO && fileCycle != null);
        if (useColumn && fileCycle == null) {
            throw new DataFormatException(file, null, "no cycle column; expected one for --cycles column (or use 'sign')");
        }
        if (useColumn) {
            for (int k = 1; k < n; k++) {
                if (fileCycle[k] < fileCycle[k - 1]) {
                    throw new DataFormatException(file, "data row " + (k + 1) + ", cycle column",
                            "cycle number goes backwards from " + fileCycle[k - 1] + " to " + fileCycle[k]
                                    + "; expected non-decreasing cycle numbers (or use the current-sign rule)");
                }
            }
            cycle = fileCycle;
            source = CycleSource.CYCLE_COLUMN;
        } else {
            cycle = new int[n];
            int c = 0;
            int last = 0;
            for (int k = 0; k < n; k++) {
                if (sign[k] > 0 && last != 1) {
                    c++;
                }
                if (sign[k] != 0) {
                    last = sign[k];
                }
                cycle[k] = c;
            }
            source = CycleSource.CURRENT_SIGN;
        }
        int runs = 1;
        for (int k = 1; k < n; k++) {
            if (cycle[k] != cycle[k - 1]) {
                runs++;
            }
        }
        starts = new int[runs + 1];
        int r = 0;
        starts[r++] = 0;
        for (int k = 1; k < n; k++) {
            if (cycle[k] != cycle[k - 1]) {
                starts[r++] = k;
            }
        }
        starts[runs] = n;
    }

    static CycleSegmentation of(CyclerData data, CycleSource source, double thresholdA) {
        return new CycleSegmentation(data, source, thresholdA);
    }

    int size() {
        return t.length;
    }

    int cycleCount() {
        return starts.length - 1;
    }

    /** @return the run index of cycle number {@code c}, or -1. */
    int runOf(int c) {
        for (int r = 0; r < cycleCount(); r++) {
            if (cycle[starts[r]] == c) {
                return r;
            }
        }
        return -1;
    }

    String cycleRange() {
        return cycle[0] + ".." + cycle[t.length - 1];
    }

    static String fmt(double x) {
        return String.format(java.util.Locale.ROOT, "%.6g", x);
    }
}
