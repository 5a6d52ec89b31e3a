package org.cathodekit.cycling;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.cathodekit.core.CyclerData;
import org.cathodekit.core.DataFormatException;
import org.cathodekit.core.SavitzkyGolay;

/**
 * Differential capacity (incremental capacity analysis) dQ/dV and differential voltage dV/dQ of one
 * cycle, with peak finding and charge/discharge peak pairing (the H2 -> H3 transition of Ni-rich
 * layered oxides near 4.2 V is the pair the papers discuss).
 *
 * <p>Method (parameters in {@link DqdvOptions}):
 * <ol>
 *   <li>The half-cycle's capacity {@code Q(t)} is integrated by trapezoids as in {@link Cycles}.</li>
 *   <li>{@code Q(V)} is taken piecewise linear between rows and put on a uniform voltage grid of step
 *       {@code h}: each interval's {@code dQ} is spread over the bins its voltage range
 *       {@code [min(V_a, V_b), max(V_a, V_b)]} covers, in proportion to the overlap. Where V is monotonic
 *       this is exactly the interpolation of Q on the grid, {@code dQ/dV_j = (Q(V_j + h) - Q(V_j)) / h};
 *       noise wiggles spread charge over the wiggle instead of producing negative or infinite values
 *       (no division by tiny voltage steps). Because it counts charge per voltage bin, the result does not
 *       depend on the sampling interval as long as a row interval spans less than about one bin.</li>
 *   <li>Savitzky-Golay smoothing on the grid (local polynomial, order {@code p}, window
 *       {@code smoothingWindowV}; {@link SavitzkyGolay} of package core).</li>
 *   <li>Peaks: local maxima of the smoothed |dQ/dV| whose prominence is at least
 *       {@code minProminence} times the half-cycle's maximum; position = vertex of a least-squares parabola
 *       over the peak's top (points above 80 % of its height); area = capacity between the valleys on
 *       either side.</li>
 *   <li>Pairs: order-preserving one-to-one matching of charge and discharge peaks (see {@link #pair}),
 *       hysteresis up to {@code maxPairSeparationV}.</li>
 *   <li>dV/dQ: V interpolated on a uniform capacity grid, Savitzky-Golay derivative.</li>
 * </ol>
 * Sign convention: dQ/dV positive on charge, negative on discharge; peak heights are |dQ/dV|.
 * Not done here: the LEAN method (Feng et al. 2020) and spline fits.
 */
public final class Dqdv {
    private Dqdv() {
    }

    /**
     * dQ/dV of cycle {@code cycle} of {@code data}.
     *
     * @throws IllegalArgumentException when the cycle does not exist or either half-cycle is incomplete
     */
    public static DqdvResult of(CyclerData data, int cycle, DqdvOptions options) {
        CycleOptions co = options.cycleOptions();
        CycleSegmentation seg = CycleSegmentation.of(data, co.cycleSource(), co.currentThresholdA());
        int run = seg.runOf(cycle);
        String file = data.source() == null ? "memory" : data.source().toString();
        if (run < 0) {
            throw new DataFormatException(data.source(), "cycle " + cycle,
                    "no such cycle; expected one of the cycles " + seg.cycleRange() + " (" + seg.source + ")");
        }
        CycleSummary summary = Cycles.summarise(data, co.withReferenceCycle(cycle));
        CycleStats st = summary.cycle(cycle);
        if (!st.complete()) {
            throw new DataFormatException(data.source(), "cycle " + cycle, "incomplete cycle " + st.flags()
                    + "; expected a cycle with a complete charge and discharge for dQ/dV (file " + file + ")");
        }
        int from = seg.starts[run];
        int to = seg.starts[run + 1];
        DqdvCurve ch = curve(seg, from, to, (byte) 1, options);
        DqdvCurve dis = curve(seg, from, to, (byte) -1, options);
        List<DqdvPeak> peaks = new ArrayList<>(peaks(ch, options));
        peaks.addAll(peaks(dis, options));
        return new DqdvResult(cycle, ch, dis, peaks, pair(peaks, options), options.smoothingWindowPoints(), options);
    }

    /**
     * dQ/dV of one half-cycle given as arrays (a curve in memory: tests, teaching).
     *
     * @param voltageV     voltage per row [V] (not modified)
     * @param capacityMAh  cumulative capacity of the half-cycle per row [mAh], non-decreasing (not modified)
     */
    public static DqdvCurve ofHalfCycle(Direction direction, double[] voltageV, double[] capacityMAh,
            DqdvOptions options) {
        if (voltageV.length != capacityMAh.length || voltageV.length < 3) {
            throw new IllegalArgumentException("voltage and capacity must have the same length >= 3, got "
                    + voltageV.length + " and " + capacityMAh.length);
        }
        return build(direction, voltageV, capacityMAh, voltageV.length, options);
    }

    private static DqdvCurve curve(CycleSegmentation seg, int from, int to, byte sign, DqdvOptions o) {
        int start = Math.max(from, 1);
        double[] v = new double[2 * (to - from) + 2];
        double[] q = new double[v.length];
        int m = 0;
        double acc = 0;
        int lastRow = -2;
        for (int k = start; k < to; k++) {
            if (seg.sign[k] != sign || seg.sign[k - 1] != sign) {
                continue;
            }
            if (lastRow != k - 1) { // a new run of same-sign rows starts at k - 1
                v[m] = seg.v[k - 1];
                q[m++] = acc;
            }
            lastRow = k;
            acc += 0.5 * (Math.abs(seg.i[k - 1]) + Math.abs(seg.i[k])) * (seg.t[k] - seg.t[k - 1]) * Cycles.MAH_PER_AS;
            v[m] = seg.v[k];
            q[m++] = acc;
        }
        return build(sign > 0 ? Direction.CHARGE : Direction.DISCHARGE, v, q, m, o);
    }

    private static DqdvCurve build(Direction dir, double[] v, double[] q, int m, DqdvOptions o) {
        double h = o.gridStepV();
        double vmin = Double.POSITIVE_INFINITY;
        double vmax = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < m; k++) {
            vmin = Math.min(vmin, v[k]);
            vmax = Math.max(vmax, v[k]);
        }
        double v0 = Math.floor(vmin / h) * h;
        int nb = Math.max(1, (int) Math.ceil((vmax - v0) / h - 1e-9));
        double[] bins = new double[nb];
        for (int k = 1; k < m; k++) {
            double dq = q[k] - q[k - 1];
            if (!(dq > 0)) {
                continue;
            }
            double lo = Math.min(v[k - 1], v[k]);
            double hi = Math.max(v[k - 1], v[k]);
            int jlo = Math.min(nb - 1, Math.max(0, (int) Math.floor((lo - v0) / h)));
            int jhi = Math.min(nb - 1, Math.max(0, (int) Math.floor((hi - v0) / h)));
            if (jlo == jhi || hi - lo < 1e-12) {
                bins[jlo] += dq;
                continue;
            }
            double span = hi - lo;
            for (int j = jlo; j <= jhi; j++) {
                double a = Math.max(lo, v0 + j * h);
                double b = Math.min(hi, v0 + (j + 1) * h);
                if (b > a) {
                    bins[j] += dq * (b - a) / span;
                }
            }
        }
        double sgn = dir == Direction.CHARGE ? 1 : -1;
        double[] grid = new double[nb];
        double[] raw = new double[nb];
        for (int j = 0; j < nb; j++) {
            grid[j] = v0 + (j + 0.5) * h;
            raw[j] = sgn * bins[j] / h;
        }
        int w = o.smoothingWindowPoints();
        double[] smooth = raw.clone();
        if (w > 1 && nb >= w) {
            SavitzkyGolay.smoothAndDerivative(grid, raw, w, o.smoothingOrder(), smooth, null);
        }
        // dV/dQ on a uniform capacity grid
        double qTot = m > 0 ? q[m - 1] : 0;
        int nq = o.dvdqPoints();
        double[] qg = new double[nq];
        double[] vg = new double[nq];
        double[] dvdq = new double[nq];
        int k = 0;
        for (int j = 0; j < nq; j++) {
            double target = qTot * j / (nq - 1);
            qg[j] = target;
            while (k < m - 2 && q[k + 1] < target) {
                k++;
            }
            double dq = m > 1 ? q[k + 1] - q[k] : 0;
            vg[j] = dq > 0 ? v[k] + (v[k + 1] - v[k]) * (target - q[k]) / dq : (m > 0 ? v[k] : Double.NaN);
        }
        if (qTot > 0 && nq >= o.dvdqWindowPoints()) {
            SavitzkyGolay.smoothAndDerivative(qg, vg, o.dvdqWindowPoints(), 2, null, dvdq);
        } else {
            java.util.Arrays.fill(dvdq, Double.NaN);
        }
        return new DqdvCurve(dir, m, qTot, grid, raw, smooth, qg, dvdq);
    }

    static List<DqdvPeak> peaks(DqdvCurve c, DqdvOptions o) {
        double[] x = c.voltageV();
        double[] dq = c.dqdv();
        int n = x.length;
        double[] y = new double[n];
        double max = 0;
        for (int j = 0; j < n; j++) {
            y[j] = Math.abs(dq[j]);
            if (Double.isFinite(y[j])) {
                max = Math.max(max, y[j]);
            }
        }
        List<DqdvPeak> out = new ArrayList<>();
        double h = n > 1 ? x[1] - x[0] : o.gridStepV();
        for (int j = 1; j < n - 1; j++) {
            if (!(y[j] > y[j - 1] && y[j] >= y[j + 1])) {
                continue;
            }
            // prominence (scipy): lowest point on each side before a higher point, take the higher base
            double leftMin = y[j];
            for (int a = j - 1; a >= 0 && y[a] <= y[j]; a--) {
                leftMin = Math.min(leftMin, y[a]);
            }
            double rightMin = y[j];
            for (int b = j + 1; b < n && y[b] <= y[j]; b++) {
                if (y[b] == y[j] && b == j + 1) {
                    continue;
                }
                rightMin = Math.min(rightMin, y[b]);
            }
            double prom = y[j] - Math.max(leftMin, rightMin);
            if (prom < o.minProminence() * max || prom <= 0) {
                continue;
            }
            double pos = vertex(x, y, j, h);
            // area window: the valley on each side, i.e. the lowest point before the curve rises again by
            // more than the prominence threshold (noise wiggles smaller than that do not end the window)
            double thr = o.minProminence() * max;
            int a = j;
            for (int k = j - 1; k >= 0 && y[k] <= y[a] + thr && y[k] <= y[j]; k--) {
                if (y[k] < y[a]) {
                    a = k;
                }
            }
            int b = j;
            for (int k = j + 1; k < n && y[k] <= y[b] + thr && y[k] <= y[j]; k++) {
                if (y[k] < y[b]) {
                    b = k;
                }
            }
            double area = 0;
            for (int k = a; k <= b; k++) {
                area += y[k] * h;
            }
            out.add(new DqdvPeak(c.direction(), pos, y[j], prom, area, x[a] - h / 2, x[b] + h / 2));
        }
        return out;
    }

    /** Fraction of a peak's height above which its top is fitted by a parabola. */
    static final double PEAK_TOP_FRACTION = 0.8;

    /**
     * Peak position: vertex of the least-squares parabola through the contiguous grid points around the
     * maximum {@code j} whose |dQ/dV| is at least {@link #PEAK_TOP_FRACTION} of its height (at least the
     * three points j-1, j, j+1). Averaging over the top makes the position of broad, flat-topped peaks
     * robust to noise; the vertex is kept inside the fitted window.
     */
    static double vertex(double[] x, double[] y, int j, double h) {
        int n = y.length;
        double cut = PEAK_TOP_FRACTION * y[j];
        int a = j - 1;
        while (a > 0 && y[a - 1] >= cut) {
            a--;
        }
        int b = j + 1;
        while (b < n - 1 && y[b + 1] >= cut) {
            b++;
        }
        // normal equations of y = c0 + c1 u + c2 u^2 with u = (x - x_j) / h
        double s0 = 0, s1 = 0, s2 = 0, s3 = 0, s4 = 0, t0 = 0, t1 = 0, t2 = 0;
        for (int k = a; k <= b; k++) {
            double u = (x[k] - x[j]) / h;
            double u2 = u * u;
            s0 += 1;
            s1 += u;
            s2 += u2;
            s3 += u2 * u;
            s4 += u2 * u2;
            t0 += y[k];
            t1 += y[k] * u;
            t2 += y[k] * u2;
        }
        // Cramer's rule on [[s0 s1 s2][s1 s2 s3][s2 s3 s4]] c = [t0 t1 t2]
        double det = s0 * (s2 * s4 - s3 * s3) - s1 * (s1 * s4 - s3 * s2) + s2 * (s1 * s3 - s2 * s2);
        if (Math.abs(det) < 1e-12) {
            return x[j];
        }
        double c1 = (s0 * (t1 * s4 - s3 * t2) - t0 * (s1 * s4 - s3 * s2) + s2 * (s1 * t2 - t1 * s2)) / det;
        double c2 = (s0 * (s2 * t2 - t1 * s3) - s1 * (s1 * t2 - t1 * s2) + t0 * (s1 * s3 - s2 * s2)) / det;
        if (!(c2 < 0)) {
            return x[j];
        }
        double u = -c1 / (2 * c2);
        u = Math.max((x[a] - x[j]) / h, Math.min((x[b] - x[j]) / h, u));
        return x[j] + u * h;
    }

    /** A charge peak may lie at most this far below its discharge partner [V] (hysteresis is positive). */
    static final double MAX_NEGATIVE_HYSTERESIS_V = 0.02;

    /**
     * Order-preserving pairing: charge and discharge peaks are each sorted by voltage and matched without
     * crossing (the phase sequence is the same on charge and discharge), maximising the number of pairs,
     * then minimising the total separation (dynamic programming). A pair needs
     * {@code -0.02 V <= V_ch - V_dis <= maxPairSeparationV}. Nearest-first matching fails once the
     * polarisation has grown: a charge peak then lies closer to the next discharge peak up.
     */
    static List<PeakPair> pair(List<DqdvPeak> peaks, DqdvOptions o) {
        List<DqdvPeak> ch = peaks.stream().filter(p -> p.direction() == Direction.CHARGE)
                .sorted(Comparator.comparingDouble(DqdvPeak::voltageV)).toList();
        List<DqdvPeak> dis = peaks.stream().filter(p -> p.direction() == Direction.DISCHARGE)
                .sorted(Comparator.comparingDouble(DqdvPeak::voltageV)).toList();
        int m = ch.size();
        int k = dis.size();
        int[][] count = new int[m + 1][k + 1];
        double[][] cost = new double[m + 1][k + 1];
        byte[][] move = new byte[m + 1][k + 1]; // 1 skip charge, 2 skip discharge, 3 match
        for (int a = 0; a <= m; a++) {
            for (int b = 0; b <= k; b++) {
                if (a == 0 || b == 0) {
                    move[a][b] = (byte) (a == 0 ? 2 : 1);
                    continue;
                }
                int bc = count[a - 1][b];
                double bcost = cost[a - 1][b];
                byte bm = 1;
                if (count[a][b - 1] > bc || (count[a][b - 1] == bc && cost[a][b - 1] < bcost)) {
                    bc = count[a][b - 1];
                    bcost = cost[a][b - 1];
                    bm = 2;
                }
                double sep = ch.get(a - 1).voltageV() - dis.get(b - 1).voltageV();
                if (sep >= -MAX_NEGATIVE_HYSTERESIS_V && sep <= o.maxPairSeparationV()) {
                    int mc = count[a - 1][b - 1] + 1;
                    double mcost = cost[a - 1][b - 1] + Math.abs(sep);
                    if (mc > bc || (mc == bc && mcost < bcost)) {
                        bc = mc;
                        bcost = mcost;
                        bm = 3;
                    }
                }
                count[a][b] = bc;
                cost[a][b] = bcost;
                move[a][b] = bm;
            }
        }
        List<PeakPair> pairs = new ArrayList<>();
        int a = m;
        int b = k;
        while (a > 0 && b > 0) {
            if (move[a][b] == 3) {
                DqdvPeak c = ch.get(a - 1);
                DqdvPeak d = dis.get(b - 1);
                boolean h2h3 = c.voltageV() >= DqdvOptions.H2_H3_LOW_V && c.voltageV() <= DqdvOptions.H2_H3_HIGH_V;
                pairs.add(new PeakPair(c, d, c.voltageV() - d.voltageV(), h2h3));
                a--;
                b--;
            } else if (move[a][b] == 1) {
                a--;
            } else {
                b--;
            }
        }
        pairs.sort(Comparator.comparingDouble(p -> p.charge().voltageV()));
        return pairs;
    }
}
