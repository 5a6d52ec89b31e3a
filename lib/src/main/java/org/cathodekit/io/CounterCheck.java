package org.cathodekit.io;

import java.util.Locale;

/**
 * Cross-checks a cycler's own capacity counter against the current it logged, step by step (the
 * check Cyclara makes): for each run of rows with the same step and cycle index,
 *
 * <pre>
 *   Q_counter = C[last] - C[first]                                  (what the cycler counted)
 *   Q_logged  = sum over the run of (t[k] - t[k-1]) * (f(I[k]) + f(I[k-1])) / 2 / 3600   [Ah]
 * </pre>
 *
 * (trapezoid rule on the logged points) where {@code f} is the part of the current the counter
 * counts: the positive part for a charge counter, minus the negative part for a discharge counter,
 * the signed current for a net counter ({@code (Q-Qo)}). Both cover the same time window, so a
 * counter that is reset at the step start does not matter; runs in which the counter falls
 * (reset inside the run) are skipped and counted.
 *
 * <p>A run mismatches when {@code |Q_counter - Q_logged| > RELATIVE_TOLERANCE * max(|Q_counter|,
 * |Q_logged|) + ABSOLUTE_TOLERANCE_AH}. The relative tolerance covers the trapezoid error of a
 * cycler that integrates internally at a far higher rate than it logs (a CV tail logged every
 * 30 s); the absolute floor covers counters stored as 32-bit floats and runs of one or two points.
 * Edge cases: fewer than 2 rows, or no run longer than one row: nothing to compare, no warning; runs
 * holding a row marked in {@code skip} (impedance points, whose current is not a DC current) are
 * left out.
 */
final class CounterCheck {
    /**
     * Relative tolerance between the counter and the integrated logged current: 5 %. The trapezoid
     * error of sparsely logged transients reaches a few percent (4 % on a real EC-Lab CV, yadg's
     * {@code cv.mpr}); unit or sign mistakes and lost records are far larger.
     */
    static final double RELATIVE_TOLERANCE = 0.05;
    /** Absolute floor [Ah]: 1 uAh, below what any cycler counter resolves in a step. */
    static final double ABSOLUTE_TOLERANCE_AH = 1e-6;

    /** Which part of the current a counter counts. */
    enum Part {
        /** charge counter: integrates max(I, 0) */
        CHARGE,
        /** discharge counter (positive numbers): integrates max(-I, 0) */
        DISCHARGE,
        /** net counter such as BioLogic's {@code (Q-Qo)}: integrates I */
        NET;

        double of(double currentA) {
            return switch (this) {
                case CHARGE -> Math.max(currentA, 0);
                case DISCHARGE -> Math.max(-currentA, 0);
                case NET -> currentA;
            };
        }
    }

    private CounterCheck() {
    }

    /**
     * @param name     the counter's name for the message (as in the file)
     * @param timeS    time [s]
     * @param currentA current [A], positive on charge
     * @param step     step index per row or null
     * @param cycle    cycle index per row or null
     * @param counterAh the counter [Ah]
     * @param skip     rows not to compare (runs holding one are left out), or null
     * @return a warning, or null when every run agrees within the tolerance
     */
    static String compare(String name, double[] timeS, double[] currentA, int[] step, int[] cycle,
            double[] counterAh, Part part, boolean[] skip) {
        int n = timeS.length;
        int runs = 0;
        int bad = 0;
        int resets = 0;
        double worstDiff = 0;
        int worstStart = -1;
        double worstCounter = 0;
        double worstLogged = 0;
        int start = 0;
        while (start < n) {
            int end = start;
            while (end + 1 < n && same(step, start, end + 1) && same(cycle, start, end + 1)) {
                end++;
            }
            if (end > start) {
                double logged = 0;
                boolean reset = false;
                boolean finite = true;
                for (int k = start + 1; k <= end; k++) {
                    logged += (timeS[k] - timeS[k - 1]) * (part.of(currentA[k]) + part.of(currentA[k - 1])) / 2 / 3600;
                    if (counterAh[k] < counterAh[k - 1] && part != Part.NET) {
                        reset = true;
                    }
                    if (!Double.isFinite(counterAh[k]) || !Double.isFinite(currentA[k]) || (skip != null
                            && (skip[k] || skip[k - 1]))) {
                        finite = false;
                    }
                }
                if (reset) {
                    resets++;
                } else if (finite) {
                    runs++;
                    double counted = counterAh[end] - counterAh[start];
                    double diff = Math.abs(counted - logged);
                    double tol = RELATIVE_TOLERANCE * Math.max(Math.abs(counted), Math.abs(logged)) + ABSOLUTE_TOLERANCE_AH;
                    if (diff > tol) {
                        bad++;
                        if (diff > worstDiff) {
                            worstDiff = diff;
                            worstStart = start;
                            worstCounter = counted;
                            worstLogged = logged;
                        }
                    }
                }
            }
            start = end + 1;
        }
        if (bad == 0) {
            return null;
        }
        return String.format(Locale.ROOT, "counter '%s' disagrees with the integrated logged current in %d of %d steps"
                + " (tolerance %.0f %% + %.0e Ah%s); worst: step starting at row %d%s%s, counter %.6g Ah vs integrated %.6g Ah",
                name, bad, runs, RELATIVE_TOLERANCE * 100, ABSOLUTE_TOLERANCE_AH,
                resets > 0 ? ", " + resets + " steps with a counter reset skipped" : "", worstStart + 1,
                step == null ? "" : " (step " + step[worstStart] + ")", cycle == null ? "" : " (cycle " + cycle[worstStart] + ")",
                worstCounter, worstLogged);
    }

    private static boolean same(int[] index, int a, int b) {
        return index == null || index[a] == index[b];
    }
}
