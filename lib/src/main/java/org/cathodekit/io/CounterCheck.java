package org.cathodekit.io;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.cathodekit.core.CyclerData;

/**
 * The one cross-check of a cycler's own capacity and energy counters against the series it logged,
 * used by every cycler reader, text and native (the check Cyclara makes): a counter that disagrees
 * with the current it comes with means a wrong unit, a wrong current sign, a wrong column or lost
 * records, and is reported, never silent.
 *
 * <p>Steps are maximal runs of rows with the same step and cycle index (an index the file does not
 * have is ignored); a file with neither has only its current sign to show step changes, so there a
 * step is a run of one current sign. For each step of two or more rows:
 *
 * <pre>
 *   f_k      = part(I_k)              capacity counters [A]
 *            = part(I_k) * V_k        energy counters [W]
 *   F_logged = (1/3600) * sum_k (f_k + f_{k-1})/2 * (t_k - t_{k-1})     trapezoid rule [Ah or Wh]
 *   F_cycler = sum of the counter's positive increments over the step   charge/discharge counters
 *            = C[last] - C[first]                                       net counters such as (Q-Qo)
 *   mismatch when | F_cycler - |F_logged| | &gt; REL * max(F_cycler, |F_logged|) + ABS
 *   (net counters: signed, | F_cycler - F_logged | &gt; REL * max(|F_cycler|, |F_logged|) + ABS)
 * </pre>
 *
 * where {@code part} is the part of the current the counter counts: the positive part for a charge
 * counter, minus the negative part for a discharge counter (stored positive), the signed current for
 * a net counter. Summing only positive increments makes a counter that is reset at (or inside) a step
 * agree with the current, as it should; such steps are counted in the message. Charge and discharge
 * counters are compared by magnitude, as cyclers store them positive (a discharge energy with a cell
 * voltage below zero integrates negative but is stored positive).
 *
 * <p>Both sides cover the same window (the step's first to last logged row), so the part of a step
 * before its first logged row, which the cycler counts, does not matter.
 *
 * <p>Tolerances: {@link #RELATIVE_TOLERANCE} 5 % covers the trapezoid error of a cycler that integrates
 * internally far faster than it logs (4 % on a real EC-Lab CV, yadg's {@code cv.mpr}) and logged values
 * of 4-6 significant digits; {@link #ABSOLUTE_TOLERANCE} (1 uAh or 1 uWh) is below what any cycler
 * counter resolves in a step and above the rounding of counters stored as 32-bit floats. Unit or sign mistakes and lost records are far
 * larger. Steps holding a non-finite value or a row marked in {@code skip} (impedance points, whose
 * current is not a DC current) are left out.
 */
public final class CounterCheck {

    /** Relative tolerance between a counter and the integrated logged series: 5 % (see the class comment). */
    public static final double RELATIVE_TOLERANCE = 0.05;
    /** Absolute floor [Ah or Wh]: 1 uAh / 1 uWh. */
    public static final double ABSOLUTE_TOLERANCE = 1e-6;

    private CounterCheck() {
    }

    /** Which part of the current a counter counts. */
    public enum Part {
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

    /**
     * One counter to check.
     *
     * @param nameInFile the counter's name for the message (as in the file, or the {@link CyclerData} key)
     * @param values     the counter per row [Ah or Wh]
     * @param part       what part of the current it counts
     * @param energy     true for an energy counter [Wh] (integrates V * I), false for capacity [Ah]
     */
    public record Counter(String nameInFile, double[] values, Part part, boolean energy) {
    }

    /**
     * The outcome for one counter.
     *
     * @param counter         the counter's name (as in {@link Counter#nameInFile()})
     * @param unit            {@code Ah} or {@code Wh}
     * @param stepsChecked    steps compared
     * @param stepsMismatched steps beyond the tolerance
     * @param stepsWithReset  compared steps in which the counter fell (reset), summed by positive increments
     * @param worstRow        1-based first row of the worst step (0 when none mismatched)
     * @param worstStep       its step index (or -1 when the file has none)
     * @param worstCycle      its cycle index (or -1 when the file has none)
     * @param worstStartS     its start time [s] (NaN when none mismatched)
     * @param worstCounter    the counter's gain over it [Ah or Wh]
     * @param worstIntegrated the integrated logged value over it [Ah or Wh]
     */
    public record Comparison(String counter, String unit, int stepsChecked, int stepsMismatched, int stepsWithReset,
            int worstRow, int worstStep, int worstCycle, double worstStartS, double worstCounter, double worstIntegrated) {

        /** @return the one-line warning, or null when every checked step agrees. */
        public String warning() {
            if (stepsMismatched == 0) {
                return null;
            }
            String what = unit.equals("Wh") ? "power (V * I)" : "current";
            return String.format(Locale.ROOT, "counter '%s' disagrees with the integrated logged %s in %d of %d steps"
                    + " (tolerance %.0f %% + %.0e %s%s); worst: step starting at row %d"
                    + " (t = %.6g s%s%s), counter %.6g %s vs integrated %.6g %s: check the units, the current sign or"
                    + " lost records",
                    counter, what, stepsMismatched, stepsChecked, RELATIVE_TOLERANCE * 100, ABSOLUTE_TOLERANCE, unit,
                    stepsWithReset > 0 ? "; " + stepsWithReset + " steps with a counter reset" : "", worstRow, worstStartS,
                    worstStep < 0 ? "" : ", step " + worstStep, worstCycle < 0 ? "" : ", cycle " + worstCycle,
                    worstCounter, unit, worstIntegrated, unit);
        }
    }

    /** The counters of a {@link CyclerData} under its keys, checked with no rows skipped. */
    public static List<Comparison> of(CyclerData data) {
        List<Counter> counters = new ArrayList<>();
        for (Map.Entry<String, double[]> e : data.counters().entrySet()) {
            Counter c = forKey(e.getKey(), e.getKey(), e.getValue());
            if (c != null) {
                counters.add(c);
            }
        }
        return check(data.timeS(), data.voltageV(), data.currentA(), data.step(), data.cycle(), null, counters);
    }

    /**
     * The counter spec for one of {@link CyclerData}'s counter keys, or null for another key.
     *
     * @param key        {@link CyclerData#CHARGE_CAPACITY_AH}, ...
     * @param nameInFile the name for messages
     */
    public static Counter forKey(String key, String nameInFile, double[] values) {
        return switch (key) {
            case CyclerData.CHARGE_CAPACITY_AH -> new Counter(nameInFile, values, Part.CHARGE, false);
            case CyclerData.DISCHARGE_CAPACITY_AH -> new Counter(nameInFile, values, Part.DISCHARGE, false);
            case CyclerData.CHARGE_ENERGY_WH -> new Counter(nameInFile, values, Part.CHARGE, true);
            case CyclerData.DISCHARGE_ENERGY_WH -> new Counter(nameInFile, values, Part.DISCHARGE, true);
            default -> null;
        };
    }

    /** @return the warnings of the comparisons that mismatched, in order. */
    public static List<String> warnings(List<Comparison> comparisons) {
        List<String> out = new ArrayList<>();
        for (Comparison c : comparisons) {
            String w = c.warning();
            if (w != null) {
                out.add(w);
            }
        }
        return out;
    }

    /**
     * Checks each counter (see the class comment for the rule).
     *
     * @param timeS    time [s]
     * @param voltageV voltage [V]
     * @param currentA current [A], positive on charge
     * @param step     step index per row, or null
     * @param cycle    cycle index per row, or null
     * @param skip     rows not to compare (steps holding one are left out), or null
     */
    public static List<Comparison> check(double[] timeS, double[] voltageV, double[] currentA, int[] step, int[] cycle,
            boolean[] skip, List<Counter> counters) {
        List<Comparison> out = new ArrayList<>(counters.size());
        for (Counter c : counters) {
            out.add(compare(c, timeS, voltageV, currentA, step, cycle, skip));
        }
        return out;
    }

    private static Comparison compare(Counter k, double[] t, double[] v, double[] c, int[] step, int[] cycle,
            boolean[] skip) {
        int n = t.length;
        double[] counter = k.values();
        boolean net = k.part() == Part.NET;
        int checked = 0;
        int bad = 0;
        int resets = 0;
        double worstExcess = 0;
        int worstStart = -1;
        double worstCounted = Double.NaN;
        double worstLogged = Double.NaN;
        int start = 0;
        while (start < n) {
            int end = start;
            while (end + 1 < n && sameStep(step, cycle, c, start, end + 1)) {
                end++;
            }
            if (end > start) {
                double logged = 0;
                double counted = 0;
                boolean reset = false;
                boolean usable = true;
                double fPrev = f(k, c[start], v[start]);
                for (int i = start; i <= end && usable; i++) {
                    double fi = i == start ? fPrev : f(k, c[i], v[i]);
                    usable = Double.isFinite(fi) && Double.isFinite(counter[i]) && Double.isFinite(t[i])
                            && (skip == null || !skip[i]);
                    if (i > start) {
                        logged += (fPrev + fi) / 2 * (t[i] - t[i - 1]) / 3600;
                        double inc = counter[i] - counter[i - 1];
                        if (inc > 0 || net) {
                            counted += inc;
                        } else if (inc < 0) {
                            reset = true;
                        }
                    }
                    fPrev = fi;
                }
                if (usable) {
                    checked++;
                    if (reset) {
                        resets++;
                    }
                    if (!net) {
                        logged = Math.abs(logged);
                    }
                    double tol = RELATIVE_TOLERANCE * Math.max(Math.abs(counted), Math.abs(logged)) + ABSOLUTE_TOLERANCE;
                    double excess = Math.abs(counted - logged) - tol;
                    if (excess > 0) {
                        bad++;
                        if (excess > worstExcess) {
                            worstExcess = excess;
                            worstStart = start;
                            worstCounted = counted;
                            worstLogged = logged;
                        }
                    }
                }
            }
            start = end + 1;
        }
        return new Comparison(k.nameInFile(), k.energy() ? "Wh" : "Ah", checked, bad, resets, worstStart + 1,
                worstStart >= 0 && step != null ? step[worstStart] : -1,
                worstStart >= 0 && cycle != null ? cycle[worstStart] : -1,
                worstStart >= 0 ? t[worstStart] : Double.NaN, worstCounted, worstLogged);
    }

    private static double f(Counter k, double currentA, double voltageV) {
        double p = k.part().of(currentA);
        return k.energy() ? p * voltageV : p;
    }

    private static boolean sameStep(int[] step, int[] cycle, double[] c, int a, int b) {
        if (step == null && cycle == null) {
            return Math.signum(c[a]) == Math.signum(c[b]);
        }
        return (step == null || step[a] == step[b]) && (cycle == null || cycle[a] == cycle[b]);
    }
}
