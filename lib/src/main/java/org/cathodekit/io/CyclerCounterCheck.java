package org.cathodekit.io;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.cathodekit.core.CyclerData;

/**
 * Cross-check of the cycler's own capacity and energy counters against the logged current, step by
 * step (as Cyclara does): a counter that disagrees with the series it comes with means a wrong unit, a
 * wrong current sign, a wrong column or lost rows, and is reported, never silent.
 *
 * <p>For each step (a run of rows with one step index; without a step column, a run of one current
 * sign) whose current keeps one sign:
 * <pre>
 *   Q_log = (1/3600) * sum_i (I_i + I_{i+1})/2 * (t_{i+1} - t_i)        [Ah]   (trapezoid rule)
 *   E_log = (1/3600) * sum_i (V_i I_i + V_{i+1} I_{i+1})/2 * (t_{i+1} - t_i)  [Wh]
 *   Q_cyc = sum of the counter's positive increments over the step       (robust to resets)
 *   mismatch when |Q_cyc - |Q_log|| &gt; REL * |Q_log| + max|I| * max(dt) / 3600
 * </pre>
 * with {@link #RELATIVE_TOLERANCE} for the rounding of logged values and the trapezoid error on smooth
 * CV decays, and one logging interval's worth of charge at the step's largest current, because the
 * cycler integrates internally at a higher rate and a current change inside one logging interval is
 * invisible in the log. Charge steps are compared with the charge counter, discharge steps with the
 * discharge counter. Steps shorter than {@value #MIN_ROWS} rows or with a sign change are not checked.
 *
 * @param comparisons one entry per counter present
 */
public record CyclerCounterCheck(List<Comparison> comparisons) {

    /** Relative tolerance: logged values carry 4-6 significant digits and trapezoid error on CV decays stays below it. */
    public static final double RELATIVE_TOLERANCE = 0.02;
    /** Shortest step checked [rows]. */
    public static final int MIN_ROWS = 3;

    public CyclerCounterCheck {
        comparisons = List.copyOf(comparisons);
    }

    /**
     * One counter against the integrated series.
     *
     * @param key             the counter key ({@link CyclerData#CHARGE_CAPACITY_AH}, ...)
     * @param stepsChecked    steps compared
     * @param stepsMismatched steps beyond the tolerance
     * @param worstStartS     start time of the worst step [s] (NaN when none was checked)
     * @param worstCounter    the counter's increase over that step [Ah or Wh]
     * @param worstIntegrated the integrated value over that step [Ah or Wh]
     */
    public record Comparison(String key, int stepsChecked, int stepsMismatched, double worstStartS, double worstCounter,
            double worstIntegrated) {
    }

    /** Checks every counter of {@code data}. */
    public static CyclerCounterCheck of(CyclerData data) {
        List<Comparison> out = new ArrayList<>();
        Map<String, double[]> counters = data.counters();
        if (counters.isEmpty() || data.size() < MIN_ROWS) {
            return new CyclerCounterCheck(out);
        }
        double[] t = data.timeS();
        double[] v = data.voltageV();
        double[] c = data.currentA();
        int[] step = data.step();
        for (Map.Entry<String, double[]> e : counters.entrySet()) {
            String key = e.getKey();
            boolean capacity = key.equals(CyclerData.CHARGE_CAPACITY_AH) || key.equals(CyclerData.DISCHARGE_CAPACITY_AH);
            boolean charge = key.equals(CyclerData.CHARGE_CAPACITY_AH) || key.equals(CyclerData.CHARGE_ENERGY_WH);
            out.add(compare(key, e.getValue(), t, v, c, step, capacity, charge));
        }
        return new CyclerCounterCheck(out);
    }

    private static Comparison compare(String key, double[] counter, double[] t, double[] v, double[] c, int[] step,
            boolean capacity, boolean charge) {
        int n = t.length;
        int checked = 0;
        int bad = 0;
        double worstExcess = 0;
        double wStart = Double.NaN;
        double wCounter = Double.NaN;
        double wInt = Double.NaN;
        int s = 0;
        while (s < n) {
            int e = s + 1;
            while (e < n && sameStep(step, c, s, e)) {
                e++;
            }
            // rows [s, e)
            if (e - s >= MIN_ROWS) {
                boolean pos = false;
                boolean neg = false;
                double maxI = 0;
                double maxDt = 0;
                double integral = 0;
                double gained = 0;
                for (int i = s; i < e; i++) {
                    pos |= c[i] > 0;
                    neg |= c[i] < 0;
                    maxI = Math.max(maxI, Math.abs(c[i]));
                    if (i + 1 < e) {
                        double dt = t[i + 1] - t[i];
                        maxDt = Math.max(maxDt, dt);
                        double a = capacity ? c[i] : c[i] * v[i];
                        double b = capacity ? c[i + 1] : c[i + 1] * v[i + 1];
                        integral += 0.5 * (a + b) * dt / 3600;
                        double inc = counter[i + 1] - counter[i];
                        if (inc > 0 && Double.isFinite(inc)) {
                            gained += inc;
                        }
                    }
                }
                if (pos != neg && (pos == charge)) {
                    double logged = Math.abs(integral);
                    double scale = capacity ? maxI : maxI * maxAbs(v, s, e);
                    double tol = RELATIVE_TOLERANCE * logged + scale * maxDt / 3600;
                    checked++;
                    double excess = Math.abs(gained - logged) - tol;
                    if (excess > 0) {
                        bad++;
                        if (excess > worstExcess) {
                            worstExcess = excess;
                            wStart = t[s];
                            wCounter = gained;
                            wInt = logged;
                        }
                    }
                }
            }
            s = e;
        }
        return new Comparison(key, checked, bad, wStart, wCounter, wInt);
    }

    private static double maxAbs(double[] v, int s, int e) {
        double m = 0;
        for (int i = s; i < e; i++) {
            m = Math.max(m, Math.abs(v[i]));
        }
        return m;
    }

    private static boolean sameStep(int[] step, double[] c, int a, int b) {
        if (step != null) {
            return step[a] == step[b];
        }
        return Math.signum(c[a]) == Math.signum(c[b]);
    }

    /** @return one warning per counter with mismatched steps (empty when every checked step agrees). */
    public List<String> warnings() {
        List<String> w = new ArrayList<>();
        for (Comparison k : comparisons) {
            if (k.stepsMismatched() > 0) {
                String unit = k.key().endsWith("Ah") ? "Ah" : "Wh";
                w.add("counter " + k.key() + ": " + k.stepsMismatched() + " of " + k.stepsChecked()
                        + " steps differ from the integrated " + (unit.equals("Ah") ? "current" : "power") + " by more than "
                        + (int) (RELATIVE_TOLERANCE * 100) + " % + one logging interval (worst: step starting at t = "
                        + k.worstStartS() + " s, counter " + k.worstCounter() + " " + unit + " vs integrated "
                        + k.worstIntegrated() + " " + unit + "): check the units, the current sign or lost rows");
            }
        }
        return w;
    }
}
