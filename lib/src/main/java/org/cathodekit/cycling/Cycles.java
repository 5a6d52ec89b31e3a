package org.cathodekit.cycling;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;

import org.cathodekit.core.CyclerData;
import org.cathodekit.core.DataFormatException;

/**
 * Cycle summary of a galvanostatic cycling record: per cycle charge/discharge capacity (mAh, mAh/g),
 * coulombic and energy efficiency, mean and end voltages, onset discharge voltage, IR drop at the
 * charge -> discharge switch, and capacity retention against a reference cycle (the papers' values:
 * paper A rod 209.3 -> 197.4 mAh/g, 94.3 % after 100 cycles, onset 4.46 -> 4.43 V; paper C retention
 * after 100 cycles at 100 mA/g).
 *
 * <p>Definitions (all per cycle; see {@link CycleStats} for each value):
 * <ul>
 *   <li>cycles: {@link CycleSource} (the file's column, else current sign changes);</li>
 *   <li>rest: |I| at most {@link CycleOptions#currentThresholdA()};</li>
 *   <li>capacity {@code Q = sum_i 0.5 (|I_(i-1)| + |I_i|) (t_i - t_(i-1))} over intervals whose two rows
 *       have the same sign, each interval assigned to the cycle of its end row;</li>
 *   <li>coulombic efficiency {@code Q_dis / Q_ch}; energy efficiency {@code E_dis / E_ch}; mean voltage
 *       {@code E / Q};</li>
 *   <li>retention {@code 100 Q_dis(n) / Q_dis(ref)};</li>
 *   <li>onset discharge voltage by {@link OnsetDefinition}; IR drop as in {@link CycleStats#irDropV()}.</li>
 * </ul>
 *
 * <p>Incomplete half-cycles ({@link CycleFlag#makesChargeIncomplete()}) get no efficiency and no
 * retention. Where the file has the cycler's own capacity counters ({@link CyclerData#counters()}) the
 * integrated capacities are compared per cycle; a difference above
 * {@code max(counterToleranceRel Q, counterToleranceAbsMAh)} flags the cycle and adds a warning.
 *
 * <p>Edge cases: a record without any discharge row, a cycle column that goes backwards, or a
 * reference cycle that does not exist are refused ({@link DataFormatException} /
 * {@link IllegalArgumentException}, naming file and cycle). One pass over the rows, no allocation
 * per row: a million rows take a few tens of milliseconds.
 */
public final class Cycles {
    private Cycles() {
    }

    /** mAh per A s. */
    static final double MAH_PER_AS = 1000.0 / 3600.0;

    /**
     * Summarises {@code data} cycle by cycle.
     *
     * @param data    a cycler record (not modified)
     * @param options options ({@link CycleOptions#DEFAULTS})
     * @return the summary with the resolved parameters
     * @throws IllegalArgumentException for bad input (see class doc)
     */
    public static CycleSummary summarise(CyclerData data, CycleOptions options) {
        CycleSegmentation seg = CycleSegmentation.of(data, options.cycleSource(), options.currentThresholdA());
        List<String> warnings = new ArrayList<>(data.warnings());
        warnings.add(seg.source == CycleSource.CYCLE_COLUMN ? "cycles from the file's cycle column"
                : "cycles from current sign changes (a cycle starts at each charge that follows a discharge)");
        double massMg;
        String massSource;
        if (!Double.isNaN(options.activeMassMg())) {
            massMg = options.activeMassMg();
            massSource = "option";
        } else if (data.activeMassMg() > 0 && Double.isFinite(data.activeMassMg())) {
            massMg = data.activeMassMg();
            massSource = "file";
        } else {
            massMg = Double.NaN;
            massSource = "none";
            warnings.add("no active mass given or stated in the file: specific capacities (mAh/g) are not computed");
        }
        double[] cc = data.counter(CyclerData.CHARGE_CAPACITY_AH);
        double[] dc = data.counter(CyclerData.DISCHARGE_CAPACITY_AH);
        int nc = seg.cycleCount();
        List<CycleStats> raw = new ArrayList<>(nc);
        double[] qch = new double[nc];
        double[] qdis = new double[nc];
        for (int r = 0; r < nc; r++) {
            raw.add(cycle(seg, r, options, massMg, cc, dc));
            qch[r] = raw.get(r).chargeMAh();
            qdis[r] = raw.get(r).dischargeMAh();
        }
        // partial half-cycles, judged against the median of their direction
        double medCh = positiveMedian(qch);
        double medDis = positiveMedian(qdis);
        List<CycleStats> stats = new ArrayList<>(nc);
        int mismatches = 0;
        for (CycleStats s : raw) {
            EnumSet<CycleFlag> f = s.flags().isEmpty() ? EnumSet.noneOf(CycleFlag.class) : EnumSet.copyOf(s.flags());
            if (s.chargeMAh() > 0 && s.chargeMAh() < options.partialFraction() * medCh) {
                f.add(CycleFlag.PARTIAL_CHARGE);
            }
            if (s.dischargeMAh() > 0 && s.dischargeMAh() < options.partialFraction() * medDis) {
                f.add(CycleFlag.PARTIAL_DISCHARGE);
            }
            if (f.contains(CycleFlag.CHARGE_COUNTER_MISMATCH) || f.contains(CycleFlag.DISCHARGE_COUNTER_MISMATCH)) {
                mismatches++;
            }
            boolean chOk = f.stream().noneMatch(CycleFlag::makesChargeIncomplete);
            boolean disOk = f.stream().noneMatch(CycleFlag::makesDischargeIncomplete);
            double ce = chOk && disOk ? s.dischargeMAh() / s.chargeMAh() : Double.NaN;
            double ee = chOk && disOk ? s.dischargeEnergyMWh() / s.chargeEnergyMWh() : Double.NaN;
            stats.add(new CycleStats(s.cycle(), s.firstRow(), s.lastRow(), s.chargeMAh(), s.dischargeMAh(),
                    s.chargeMAhPerG(), s.dischargeMAhPerG(), ce, s.chargeEnergyMWh(), s.dischargeEnergyMWh(), ee,
                    s.meanChargeV(), s.meanDischargeV(), s.chargeEndV(), s.dischargeEndV(), s.onsetDischargeV(),
                    s.irDropV(), Double.NaN, s.counterChargeMAh(), s.counterDischargeMAh(), chOk, disOk, f));
        }
        if (mismatches > 0) {
            warnings.add(mismatches + " cycle(s) whose integrated capacity differs from the cycler's counter by more than "
                    + fmtPct(options.counterToleranceRel()) + " (or " + options.counterToleranceAbsMAh() + " mAh)");
        }
        int ref = options.referenceCycle();
        int refRun = seg.runOf(ref);
        if (refRun < 0) {
            throw new DataFormatException(data.source(), "reference cycle " + ref,
                    "no such cycle; expected one of the file's cycles " + seg.cycleRange() + " (" + seg.source + ")");
        }
        CycleStats refStats = stats.get(refRun);
        double refQ = refStats.dischargeComplete() ? refStats.dischargeMAh() : Double.NaN;
        if (Double.isNaN(refQ)) {
            warnings.add("reference cycle " + ref + " has no complete discharge " + refStats.flags()
                    + ": no retention is computed");
        }
        int lastComplete = -1;
        double lastRet = Double.NaN;
        for (int r = 0; r < nc; r++) {
            CycleStats s = stats.get(r);
            if (s.dischargeComplete()) {
                double ret = 100 * s.dischargeMAh() / refQ;
                stats.set(r, s.withRetentionPct(ret));
                lastComplete = s.cycle();
                lastRet = ret;
            }
        }
        boolean compared = cc != null || dc != null;
        return new CycleSummary(stats, options, seg.source, seg.thresholdA, massMg, massSource, ref, refQ, lastComplete,
                lastRet, compared, warnings);
    }

    private static CycleStats cycle(CycleSegmentation seg, int run, CycleOptions o, double massMg, double[] cc,
            double[] dc) {
        int from = seg.starts[run];
        int to = seg.starts[run + 1]; // exclusive
        int n = seg.size();
        double[] t = seg.t;
        double[] v = seg.v;
        double[] cur = seg.i;
        byte[] s = seg.sign;
        double qc = 0;
        double qd = 0;
        double ec = 0;
        double ed = 0;
        double gapC = 0;
        double gapD = 0;
        int firstC = -1;
        int lastC = -1;
        int firstD = -1;
        int lastD = -1;
        for (int k = from; k < to; k++) {
            byte sk = s[k];
            if (sk > 0) {
                if (firstC < 0) {
                    firstC = k;
                }
                lastC = k;
            } else if (sk < 0) {
                if (firstD < 0) {
                    firstD = k;
                }
                lastD = k;
            }
            if (k == 0 || sk == 0 || s[k - 1] != sk) {
                continue;
            }
            double dt = t[k] - t[k - 1];
            double a0 = Math.abs(cur[k - 1]);
            double a1 = Math.abs(cur[k]);
            double dq = 0.5 * (a0 + a1) * dt;
            double de = 0.5 * (a0 * v[k - 1] + a1 * v[k]) * dt;
            if (sk > 0) {
                qc += dq;
                ec += de;
                gapC = Math.max(gapC, dt);
            } else {
                qd += dq;
                ed += de;
                gapD = Math.max(gapD, dt);
            }
        }
        EnumSet<CycleFlag> flags = EnumSet.noneOf(CycleFlag.class);
        double qcm = qc * MAH_PER_AS;
        double qdm = qd * MAH_PER_AS;
        double ecm = ec * MAH_PER_AS;
        double edm = ed * MAH_PER_AS;
        if (firstC < 0) {
            flags.add(CycleFlag.NO_CHARGE);
        } else {
            if (lastC == n - 1) {
                flags.add(CycleFlag.CHARGE_AT_FILE_END);
            }
            if (gapC > o.maxGapS()) {
                flags.add(CycleFlag.CHARGE_GAP);
            }
        }
        if (firstD < 0) {
            flags.add(CycleFlag.NO_DISCHARGE);
        } else {
            if (lastD == n - 1) {
                flags.add(CycleFlag.DISCHARGE_AT_FILE_END);
            }
            if (gapD > o.maxGapS()) {
                flags.add(CycleFlag.DISCHARGE_GAP);
            }
            if (firstC >= 0 && firstD < firstC) {
                flags.add(CycleFlag.DISCHARGE_BEFORE_CHARGE);
            }
        }
        double onset = Double.NaN;
        double ir = Double.NaN;
        if (firstD >= 0) {
            onset = onset(seg, firstD, o, massMg);
            if (Double.isNaN(onset)) {
                flags.add(CycleFlag.ONSET_OUTSIDE_DISCHARGE);
            }
            if (firstD > 0 && s[firstD - 1] >= 0) {
                ir = v[firstD - 1] - v[firstD];
            }
        }
        double ctrC = counterSum(cc, from, to);
        double ctrD = counterSum(dc, from, to);
        if (mismatch(qcm, ctrC, o)) {
            flags.add(CycleFlag.CHARGE_COUNTER_MISMATCH);
        }
        if (mismatch(qdm, ctrD, o)) {
            flags.add(CycleFlag.DISCHARGE_COUNTER_MISMATCH);
        }
        double perG = 1000.0 / massMg; // mAh -> mAh/g with the mass in mg
        return new CycleStats(seg.cycle[from], from, to - 1, qcm, qdm, qcm * perG, qdm * perG, Double.NaN, ecm, edm,
                Double.NaN, qcm > 0 ? ecm / qcm : Double.NaN, qdm > 0 ? edm / qdm : Double.NaN,
                lastC >= 0 ? v[lastC] : Double.NaN, lastD >= 0 ? v[lastD] : Double.NaN, onset, ir, Double.NaN, ctrC, ctrD,
                false, false, flags);
    }

    /** Onset voltage read from the discharge run that starts at {@code first}; NaN when outside it. */
    static double onset(CycleSegmentation seg, int first, CycleOptions o, double massMg) {
        double[] t = seg.t;
        double[] v = seg.v;
        byte[] s = seg.sign;
        int n = seg.size();
        switch (o.onset()) {
            case FIRST_POINT:
                return v[first];
            case AT_TIME_INTO_DISCHARGE: {
                double target = t[first] + o.onsetAmount();
                if (o.onsetAmount() == 0) {
                    return v[first];
                }
                for (int k = first + 1; k < n && s[k] < 0; k++) {
                    if (t[k] >= target) {
                        double dt = t[k] - t[k - 1];
                        return dt > 0 ? v[k - 1] + (v[k] - v[k - 1]) * (target - t[k - 1]) / dt : v[k];
                    }
                }
                return Double.NaN;
            }
            case AT_CAPACITY_INTO_DISCHARGE: {
                if (Double.isNaN(massMg)) {
                    throw new IllegalArgumentException("onset at a capacity into the discharge needs the active mass"
                            + " (give it with --mass-mg); " + (seg.file == null ? "memory" : seg.file)
                            + " states none");
                }
                double targetMAh = o.onsetAmount() * massMg / 1000.0;
                if (targetMAh == 0) {
                    return v[first];
                }
                double q = 0;
                for (int k = first + 1; k < n && s[k] < 0; k++) {
                    double dq = 0.5 * (Math.abs(seg.i[k - 1]) + Math.abs(seg.i[k])) * (t[k] - t[k - 1]) * MAH_PER_AS;
                    if (q + dq >= targetMAh && dq > 0) {
                        return v[k - 1] + (v[k] - v[k - 1]) * (targetMAh - q) / dq;
                    }
                    q += dq;
                }
                return Double.NaN;
            }
            default:
                throw new IllegalStateException("unknown onset definition " + o.onset());
        }
    }

    /** Sum of a counter's increments over rows [from, to) in mAh; a drop counts as a restart from zero. NaN without counter. */
    static double counterSum(double[] c, int from, int to) {
        if (c == null) {
            return Double.NaN;
        }
        double sum = 0;
        for (int k = from; k < to; k++) {
            double prev = k == 0 ? 0 : c[k - 1];
            double x = c[k];
            if (!Double.isFinite(x) || !Double.isFinite(prev)) {
                continue;
            }
            sum += x >= prev ? x - prev : x;
        }
        return sum * 1000.0;
    }

    private static boolean mismatch(double integrated, double counter, CycleOptions o) {
        if (Double.isNaN(counter)) {
            return false;
        }
        double tol = Math.max(o.counterToleranceRel() * Math.abs(counter), o.counterToleranceAbsMAh());
        return Math.abs(integrated - counter) > tol;
    }

    private static double positiveMedian(double[] q) {
        double[] p = Arrays.stream(q).filter(x -> x > 0).sorted().toArray();
        if (p.length == 0) {
            return 0;
        }
        return p.length % 2 == 1 ? p[p.length / 2] : 0.5 * (p[p.length / 2 - 1] + p[p.length / 2]);
    }

    private static String fmtPct(double rel) {
        return String.format(Locale.ROOT, "%.3g %%", rel * 100);
    }
}
