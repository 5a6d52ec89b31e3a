package org.cathodekit.gitt;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;

import org.cathodekit.core.Checks;
import org.cathodekit.core.Plausibility;
import org.cathodekit.core.CyclerData;

/**
 * Galvanostatic intermittent titration (GITT): Li diffusivity per titration pulse.
 *
 * <p><b>Eq. 2 of paper C</b> (Wang et al., Nat. Nanotechnol. 2025, after Weppner &amp; Huggins 1977):
 * <pre>  D = 4/(9 pi) * ( r_p * dE_s / (tau * dE/dsqrt(t)) )^2     [m^2/s]</pre>
 * with r_p the particle radius, tau the pulse duration, dE_s the change of the relaxed potential
 * across the titration and dE/dsqrt(t) the slope of the potential against sqrt(t - t_start) fitted
 * over 10 &lt; sqrt(t - t_start) &lt; 20 s^0.5. The <b>Weppner-Huggins</b> form replaces the slope by
 * the whole transient: {@code D_wh = 4/(9 pi tau) * (r_p dE_s / dE_t)^2}, identical to eq. 2 when
 * {@code dE_t = slope * sqrt(tau)}; with V_M m/(M S) instead of r_p/3 it reads
 * {@code D = 4/(pi tau) (m V_M/(M S))^2 (dE_s/dE_t)^2}.
 *
 * <p>Validity: both assume semi-infinite diffusion (t &lt;&lt; r^2/D: flagged with
 * {@link GittFlag#TAU_NOT_SHORT}), small dE (a linear coulometric titration curve over the pulse) and
 * relaxed potentials (flagged with {@link GittFlag#REST_NOT_RELAXED}). A titration curve that is
 * not linear over one pulse (OCV steps, the steep ends) is flagged with {@link GittFlag#OCV_NONLINEAR}
 * from the change of dE_s between neighbouring pulses ({@link GittPulse#ocvNonlinearity()}). For a sphere the first
 * correction to the sqrt(t) law makes the fitted slope too steep by the relative amount
 * {@code sqrt(pi) * s_mid * sqrt(D)/r} (s_mid = middle of the window in s^0.5), so eq. 2
 * underestimates D by about twice that (see {@link GittModel}).
 *
 * <p>Sign conventions: current positive on charge; D uses squares, so both directions give positive D.
 */
public final class Gitt {
    private Gitt() {
    }

    /** Faraday constant [C/mol] (CODATA 2018, exact). */
    public static final double FARADAY = 96485.33212;

    /**
     * Eq. 2 of paper C: {@code 4/(9 pi) (r dEs / (tau slope))^2}.
     *
     * @param radiusM        r_p [m]
     * @param tauS           pulse duration [s]
     * @param dEsV           change of relaxed potential [V]
     * @param slopeVPerSqrtS dE/dsqrt(t) [V/s^0.5]
     * @return D [m^2/s]; NaN when the slope is zero
     */
    public static double diffusivityEq2(double radiusM, double tauS, double dEsV, double slopeVPerSqrtS) {
        if (slopeVPerSqrtS == 0) {
            return Double.NaN;
        }
        double q = radiusM * dEsV / (tauS * slopeVPerSqrtS);
        return 4.0 / (9.0 * Math.PI) * q * q;
    }

    /** Weppner-Huggins with the particle radius: {@code 4/(9 pi tau) (r dEs/dEt)^2} [m^2/s]; NaN for dEt = 0. */
    public static double diffusivityWeppnerHuggins(double radiusM, double tauS, double dEsV, double dEtV) {
        if (dEtV == 0) {
            return Double.NaN;
        }
        double q = radiusM * dEsV / dEtV;
        return 4.0 / (9.0 * Math.PI * tauS) * q * q;
    }

    /**
     * Weppner-Huggins original form: {@code 4/(pi tau) (m V_M/(M S))^2 (dEs/dEt)^2}.
     *
     * @param massG              active mass m [g]
     * @param molarVolumeCm3PerMol V_M [cm^3/mol]
     * @param molarMassGPerMol   M [g/mol]
     * @param areaCm2            S [cm^2]
     * @return D [m^2/s] (m V_M/(M S) is a length in cm, converted to m)
     */
    public static double diffusivityWeppnerHuggins(double tauS, double dEsV, double dEtV, double massG,
            double molarVolumeCm3PerMol, double molarMassGPerMol, double areaCm2) {
        if (dEtV == 0) {
            return Double.NaN;
        }
        double lengthM = massG * molarVolumeCm3PerMol / (molarMassGPerMol * areaCm2) * 1e-2;
        double q = lengthM * dEsV / dEtV;
        return 4.0 / (Math.PI * tauS) * q * q;
    }

    /**
     * Finds the pulses of {@code data} and analyses each (see class doc).
     *
     * @param data    tidy time series (not modified)
     * @param options options; {@link GittOptions#radiusM()} must be set
     * @throws IllegalArgumentException when the radius is missing, the series has no current pulse, or
     *                                  step detection is asked for without a step column
     */
    public static GittResult analyse(CyclerData data, GittOptions options) {
        return analyse(data, options, Plausibility.VOLTAGE_MIN_V, Plausibility.VOLTAGE_MAX_V);
    }

    /**
     * As {@link #analyse(CyclerData, GittOptions)} with the plausible voltage range given: rows whose
     * voltage lies outside {@code [minVoltageV, maxVoltageV]} or is not finite, and rows with a
     * non-finite current, are left out and counted in {@link GittResult#warnings()} (see
     * {@link Plausibility}); they would otherwise set the automatic pulse thresholds.
     */
    public static GittResult analyse(CyclerData data, GittOptions options, double minVoltageV, double maxVoltageV) {
        Checks.requirePositive(options.radiusM(), "radiusM (particle radius; set it with withRadiusM)");
        if (!(minVoltageV < maxVoltageV)) {
            throw new IllegalArgumentException("plausible voltage range must have min < max, got " + minVoltageV + ".." + maxVoltageV + " V");
        }
        Plausibility.RowScreen screen = Plausibility.screenCycler(data.voltageV(), data.currentA(), minVoltageV, maxVoltageV);
        double[] t = screen.keep(data.timeS());
        double[] v = screen.keep(data.voltageV());
        double[] c = screen.keep(data.currentA());
        int n = t.length;
        if (n < 2) {
            throw new IllegalArgumentException((data.source() == null ? "data" : data.source().toString()) + ": " + n
                    + " of " + data.size() + " rows left after the plausibility rules (" + String.join("; ", screen.warnings())
                    + "); expected a GITT series");
        }
        String where = data.source() == null ? "data" : data.source().toString();
        double[] thr = GittPulses.thresholds(c, options);
        int[] seg; // pairs first,last
        if (options.detection() == PulseDetection.STEP_COLUMN) {
            int[] step = screen.keep(data.step());
            if (step == null) {
                throw new IllegalArgumentException(where + ": pulse detection by step column asked for, but the file has no "
                        + "step column (expected e.g. 'Ns', 'Step Index', 'Step'); use current detection");
            }
            seg = GittPulses.byStep(c, step, thr[0]);
        } else {
            seg = GittPulses.byCurrent(c, thr[0], thr[1]);
        }
        int segments = seg.length / 2;
        if (segments == 0) {
            String col = data.unitsDetected().getOrDefault("current", "current");
            int arrow = col.indexOf(" -> ");
            String column = "column '" + (arrow >= 0 ? col.substring(0, arrow) : col) + "'";
            String why = thr[0] <= Double.MIN_NORMAL ? "the current is zero in every row"
                    : "|I| never exceeds " + thr[0] + " A for more than one sample";
            throw new IllegalArgumentException(where + ", data rows 1-" + n + ", " + column + ": no current pulses found ("
                    + why + "); expected a GITT series of current pulses and rests");
        }
        // cumulative charge (trapezoid), C, positive on charge
        double[] q = new double[n];
        for (int i = 1; i < n; i++) {
            q[i] = q[i - 1] + 0.5 * (c[i] + c[i - 1]) * (t[i] - t[i - 1]);
        }
        double molLi = options.activeMassG() / options.molarMassGPerMol();
        List<GittPulse> pulses = new ArrayList<>();
        List<DroppedPulse> dropped = new ArrayList<>();
        for (int k = 0; k < segments; k++) {
            int s = seg[2 * k];
            int e = seg[2 * k + 1];
            int prevEnd = k > 0 ? seg[2 * k - 1] : -1;
            int nextStart = k + 1 < segments ? seg[2 * k + 2] : n;
            double mean = 0;
            for (int i = s; i <= e; i++) {
                mean += c[i];
            }
            mean /= (e - s + 1);
            String reason = null;
            if (s == 0) {
                reason = "starts at the first row: no relaxed potential before it";
            } else if (e == n - 1) {
                reason = "ends at the last row: the file stops during the pulse";
            } else if (prevEnd == s - 1) {
                reason = "no rest before it (follows the previous pulse directly)";
            } else if (nextStart == e + 1) {
                reason = "no rest after it (the next pulse follows directly)";
            } else if (e - s + 1 < 3) {
                reason = "only " + (e - s + 1) + " samples with current on";
            } else if (!(t[e] > t[s])) {
                reason = "zero duration";
            }
            if (reason != null) {
                dropped.add(new DroppedPulse(t[s], t[e], mean, reason));
                continue;
            }
            pulses.add(analysePulse(pulses.size(), t, v, c, q, s, e, nextStart - 1, mean, molLi, options));
        }
        return new GittResult(options, thr[0], thr[1], data.size(), withOcvNonlinearity(pulses, options), dropped,
                screen.warnings());
    }

    /**
     * Post-pass over the analysed pulses: {@link GittPulse#ocvNonlinearity()} from the relaxed-potential
     * steps of same-direction neighbours, and {@link GittFlag#OCV_NONLINEAR} above the option's limit.
     */
    private static List<GittPulse> withOcvNonlinearity(List<GittPulse> pulses, GittOptions o) {
        List<GittPulse> out = new ArrayList<>(pulses.size());
        for (int k = 0; k < pulses.size(); k++) {
            GittPulse p = pulses.get(k);
            double kappa = ocvNonlinearity(k > 0 ? pulses.get(k - 1) : null, p,
                    k + 1 < pulses.size() ? pulses.get(k + 1) : null);
            EnumSet<GittFlag> flags = p.flags().isEmpty() ? EnumSet.noneOf(GittFlag.class) : EnumSet.copyOf(p.flags());
            if (kappa > o.maxOcvNonlinearity()) {
                flags.add(GittFlag.OCV_NONLINEAR);
            }
            out.add(new GittPulse(p.index(), p.direction(), p.firstRow(), p.lastRow(), p.startS(), p.tauS(), p.currentA(),
                    p.currentRelStd(), p.eBeforeV(), p.eAfterV(), p.dEsV(), p.irDropV(), p.dEtV(), p.slopeVPerSqrtS(),
                    p.r2(), p.windowPoints(), p.dM2PerS(), p.dWhM2PerS(), p.dWhMassFormM2PerS(), p.restS(),
                    p.restEndSlopeVPerS(), p.liContentAfter(), p.capacityMAhPerG(), kappa, flags));
        }
        return out;
    }

    /**
     * {@code max(|dEs(p) - dEs(prev)|, |dEs(next) - dEs(p)|) / |dEs(p)|} over the neighbours that are
     * non-null and of the same direction as {@code p} (see {@link GittPulse#ocvNonlinearity()});
     * NaN when there is no such neighbour or dE_s(p) is 0 or not finite.
     */
    static double ocvNonlinearity(GittPulse prev, GittPulse p, GittPulse next) {
        double d = p.dEsV();
        if (!(Math.abs(d) > 0) || !Double.isFinite(d)) {
            return Double.NaN;
        }
        double worst = Double.NaN;
        if (prev != null && prev.direction() == p.direction()) {
            worst = Math.abs(d - prev.dEsV());
        }
        if (next != null && next.direction() == p.direction()) {
            double b = Math.abs(next.dEsV() - d);
            worst = Double.isNaN(worst) ? b : Math.max(worst, b);
        }
        return worst / Math.abs(d);
    }

    private static GittPulse analysePulse(int index, double[] t, double[] v, double[] c, double[] q, int s, int e,
            int restEnd, double mean, double molLi, GittOptions o) {
        EnumSet<GittFlag> flags = EnumSet.noneOf(GittFlag.class);
        double var = 0;
        for (int i = s; i <= e; i++) {
            double d = c[i] - mean;
            var += d * d;
        }
        double relStd = Math.sqrt(var / (e - s + 1)) / Math.abs(mean);
        if (relStd > o.maxCurrentRelStd()) {
            flags.add(GittFlag.UNSTABLE_CURRENT);
        }
        double t0 = t[s];
        double tau = t[e] - t0;
        double eBefore = v[s - 1];
        double eAfter = v[restEnd];
        double dEs = eAfter - eBefore;
        double ir = v[s] - eBefore;
        double dEt = v[e] - v[s];
        // E vs sqrt(t - t0) in the window
        double w1 = o.windowStartSqrtS();
        double w2 = o.windowEndSqrtS();
        if (tau < w2 * w2) {
            flags.add(GittFlag.WINDOW_BEYOND_PULSE);
        }
        double sx = 0, sy = 0, sxx = 0, sxy = 0, syy = 0;
        int m = 0;
        for (int i = s; i <= e; i++) {
            double x = Math.sqrt(t[i] - t0);
            if (x < w1 || x > w2) {
                continue;
            }
            double y = v[i];
            sx += x;
            sy += y;
            sxx += x * x;
            sxy += x * y;
            syy += y * y;
            m++;
        }
        double slope = Double.NaN;
        double r2 = Double.NaN;
        if (m >= 2) {
            double mx = sx / m;
            double my = sy / m;
            double cxx = sxx - m * mx * mx;
            double cxy = sxy - m * mx * my;
            double cyy = syy - m * my * my;
            if (cxx > 0) {
                slope = cxy / cxx;
                r2 = cyy > 0 ? cxy * cxy / (cxx * cyy) : 1.0;
            }
        }
        if (m < o.minWindowPoints()) {
            flags.add(GittFlag.FEW_WINDOW_POINTS);
        }
        if (!(r2 >= o.minR2())) {
            flags.add(GittFlag.LOW_R2);
        }
        double r = o.radiusM();
        double d = diffusivityEq2(r, tau, dEs, slope);
        double dwh = diffusivityWeppnerHuggins(r, tau, dEs, dEt);
        double dmf = Double.NaN;
        if (!Double.isNaN(o.activeMassG()) && !Double.isNaN(o.molarVolumeCm3PerMol())
                && !Double.isNaN(o.molarMassGPerMol()) && !Double.isNaN(o.areaCm2())) {
            dmf = diffusivityWeppnerHuggins(tau, dEs, dEt, o.activeMassG(), o.molarVolumeCm3PerMol(),
                    o.molarMassGPerMol(), o.areaCm2());
        }
        // charge raises the potential: dEs, slope and dEt share the current's sign
        double sg = Math.signum(mean);
        if (!(dEs * sg > 0 && slope * sg > 0 && dEt * sg > 0)) {
            flags.add(GittFlag.INCONSISTENT_SIGN);
        }
        if (Double.isFinite(d) && d * tau / (r * r) > o.maxTauFraction()) {
            flags.add(GittFlag.TAU_NOT_SHORT);
        }
        // relaxation at the end of the rest: dV/dt over the last restSlopeWindowS seconds (at least 3 samples)
        double restS = t[restEnd] - t[e];
        double tFrom = t[restEnd] - o.restSlopeWindowS();
        double ax = 0, ay = 0, axx = 0, axy = 0;
        int k = 0;
        for (int i = restEnd; i > e && (t[i] >= tFrom || k < 3); i--) {
            double x = t[i] - t[restEnd];
            ax += x;
            ay += v[i];
            axx += x * x;
            axy += x * v[i];
            k++;
        }
        double restSlope = Double.NaN;
        if (k >= 2) {
            double den = axx - ax * ax / k;
            if (den > 0) {
                restSlope = (axy - ax * ay / k) / den;
            }
        }
        if (!(Math.abs(restSlope) <= o.maxRestSlopeVPerS())) {
            flags.add(GittFlag.REST_NOT_RELAXED);
        }
        double xLi = Double.NaN;
        double cap = Double.NaN;
        if (Double.isFinite(molLi)) {
            xLi = o.initialLiContent() - q[e] / (FARADAY * molLi);
        }
        if (!Double.isNaN(o.activeMassG())) {
            cap = q[e] / 3.6 / o.activeMassG();
        }
        return new GittPulse(index, mean > 0 ? PulseDirection.CHARGE : PulseDirection.DISCHARGE, s, e, t0, tau, mean,
                relStd, eBefore, eAfter, dEs, ir, dEt, slope, r2, m, d, dwh, dmf, restS, restSlope, xLi, cap, Double.NaN,
                flags);
    }
}
