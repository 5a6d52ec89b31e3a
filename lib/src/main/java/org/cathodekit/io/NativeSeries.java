package org.cathodekit.io;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.cathodekit.core.CyclerData;
import org.cathodekit.core.CyclerFormat;
import org.cathodekit.core.DataFormatException;

/**
 * What every native reader hands over: the SI series plus counters, stated mass and warnings, turned
 * into one {@link CyclerData} the same way for every vendor (time checked non-decreasing, repeated
 * time stamps counted, counters cross-checked by {@link CounterCheck}).
 */
final class NativeSeries {
    final Path file;
    final CyclerFormat format;
    final String dialect;
    double[] timeS;
    double[] voltageV;
    double[] currentA;
    int[] step;
    int[] cycle;
    final Map<String, String> units = new LinkedHashMap<>();
    final Map<String, double[]> counters = new LinkedHashMap<>();
    /** Counters checked against the logged series, with the name as in the file; need not be in {@link #counters}. */
    final List<CounterCheck.Counter> checks = new ArrayList<>();
    double activeMassMg = Double.NaN;
    final List<String> warnings = new ArrayList<>();

    NativeSeries(Path file, CyclerFormat format, String dialect) {
        this.file = file;
        this.format = format;
        this.dialect = dialect;
    }

    /** Adds a counter to the result under one of {@link CyclerData}'s counter keys, and to the cross-checks. */
    void counter(String key, String nameInFile, double[] values) {
        counters.put(key, values);
        checks.add(CounterCheck.forKey(key, nameInFile, values));
    }

    /** Adds a capacity counter [Ah] to the cross-checks only. */
    void check(String nameInFile, double[] valuesAh, CounterCheck.Part part) {
        checks.add(new CounterCheck.Counter(nameInFile, valuesAh, part, false));
    }

    /** Rows left out of the counter cross-checks (e.g. impedance points), or null. */
    boolean[] skipInChecks;

    /**
     * A 32-bit value as the shortest decimal that reads back to it ({@code 3.0976174f} -> 3.0976174),
     * which is what the vendors' text exports print, rather than its binary expansion
     * (3.097617387771606...). So a native file and its text export give identical doubles.
     *
     * <p>Hand-written because it is the hot loop of every native reader (two or more singles per
     * row; {@code Double.parseDouble(Float.toString(f))} costs ~100-300 ns on Java 17, whose
     * {@code Float.toString} is also not always the shortest): for p = 1..9 significant digits,
     * {@code m = round(f * 10^k)} with {@code k = p - 1 - floor(log10 |f|)}, candidate {@code m / 10^k}
     * (one correctly rounded IEEE division, both operands exact while |k| <= 22); the first candidate
     * whose float equals {@code f} is returned. Zero, NaN, infinities and values needing |k| > 22
     * (below 1e-13 or above 1e22 in magnitude) take the {@code Float.toString} route.
     */
    static double fromFloat(float f) {
        double d = f;
        if (d == 0 || !Double.isFinite(d)) {
            return d;
        }
        int e = (int) Math.floor(Math.log10(Math.abs(d)));
        for (int p = 1; p <= 9; p++) {
            int k = p - 1 - e;
            if (k > 22 || k < -22) {
                break;
            }
            double c = k >= 0 ? Math.rint(d * POW10[k]) / POW10[k] : Math.rint(d / POW10[-k]) * POW10[-k];
            if ((float) c == f) {
                return c;
            }
        }
        return Double.parseDouble(Float.toString(f));
    }

    private static final double[] POW10 = new double[23];

    static {
        double p = 1;
        for (int k = 0; k < POW10.length; k++) {
            POW10[k] = p;
            p *= 10;
        }
    }

    CyclerData build() {
        int n = timeS.length;
        int duplicates = 0;
        for (int i = 1; i < n; i++) {
            if (timeS[i] < timeS[i - 1]) {
                throw new DataFormatException(file, "record " + (i + 1), "time goes backwards (" + timeS[i - 1]
                        + " s then " + timeS[i] + " s); expected non-decreasing test time");
            }
            if (timeS[i] == timeS[i - 1]) {
                duplicates++;
            }
        }
        List<CounterCheck.Comparison> compared = CounterCheck.check(timeS, voltageV, currentA, step, cycle, skipInChecks,
                checks);
        warnings.addAll(CounterCheck.warnings(compared));
        return new CyclerData(file, format, "binary", dialect, timeS, voltageV, currentA, step, cycle, units, List.of(), 0,
                duplicates, counters, activeMassMg, warnings, List.of(), CyclerReader.summaries(compared));
    }
}
