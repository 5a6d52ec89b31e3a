package org.cathodekit.core;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The one place that says which values are physically plausible where a reader hands data to an
 * analysis. A value outside is never used silently and never dropped silently: it is masked
 * (NaN, a status bit) or removed, counted, and named in the result's {@code warnings}.
 *
 * <table>
 * <caption>plausibility ranges</caption>
 * <tr><th>quantity</th><th>plausible</th><th>where checked</th><th>outside</th><th>reason</th></tr>
 * <tr><td>XANES mu (optical density)</td><td>finite, |mu| &le; {@value #MU_MAX_ABS}</td>
 *     <td>every energy of every voxel of an image stack ({@code xanes map}); not single spectra, which
 *     are often stored in detector counts (Athena projects, XDI fluorescence): for them every mu
 *     within {@value #WHITELINE_MU_MAX_JUMPS} robust edge jumps (median post - median pre window) of
 *     the pre-edge level</td><td>voxel status
 *     {@code IMPLAUSIBLE}, both metrics NaN, counted</td><td>an optical density of 1000 is a
 *     transmission of e<sup>-1000</sup>: no detector measures it; raw counts instead of absorbance also land here</td></tr>
 * <tr><td>XANES mu in the white-line window</td><td>|mu - pre-edge line| &le; {@value #WHITELINE_MU_MAX_JUMPS}
 *     x edge jump</td><td>voxels with an edge jump</td><td>status {@code IMPLAUSIBLE}, counted</td>
 *     <td>normalised Ni/Co/Mn K-edge white lines peak at 1.2-2; 10 leaves room for noise of
 *     voxels just above the masking threshold</td></tr>
 * <tr><td>edge50 and white-line energies</td><td>inside the stack's energy range</td>
 *     <td>every computed metric</td><td>status {@code IMPLAUSIBLE}, NaN</td><td>a metric is measured
 *     on the grid; outside it is an extrapolation</td></tr>
 * <tr><td>edge-energy map values ({@code gradient})</td><td>finite, |E| &le; {@value #MAP_MAX_ABS}, and
 *     |E - median| &le; {@value #MAP_MAX_IQR_MULTIPLE} x max(IQR, {@value #MAP_IQR_FLOOR_RELATIVE} |median|,
 *     {@value #MAP_IQR_FLOOR_ABS})</td><td>every voxel</td><td>masked (NaN), counted</td><td>no absorption edge
 *     lies above 116 keV (U K); edge maps of one element span tens of eV while the IQR of a
 *     particle is 0.1-2 eV, so 1000 IQR only catches corrupted values (bit flips, 1e26-1e38 eV)</td></tr>
 * <tr><td>TGA mass</td><td>finite, within [-({@value #MASS_MAX_FACTOR} - 1), {@value #MASS_MAX_FACTOR}] x
 *     the initial mass (median of the first {@value #MASS_REFERENCE_POINTS} points)</td><td>every row</td>
 *     <td>row removed, counted</td><td>a sample can lose all its mass (polymers, 0 %) and read
 *     slightly negative by buoyancy drift; oxidation gains stay far below x2 (Ni to NiO +27 %)</td></tr>
 * <tr><td>TGA single-point spikes</td><td>robust z of both first differences around a point
 *     &le; {@value #SPIKE_Z} (or same sign, or the point departs from its neighbours' mean by less than
 *     {@value #SPIKE_MIN_RELATIVE} x initial mass)</td><td>every interior row</td><td>row removed,
 *     counted</td><td>a balance reading that jumps away and straight back in one sample is a
 *     glitch, not a mass change; z = (d - median d) / (1.4826 MAD d), floored at the balance
 *     resolution (smallest non-zero |d|); a real step changes one difference only</td></tr>
 * <tr><td>cycler voltage (GITT)</td><td>finite, within [{@value #VOLTAGE_MIN_V}, {@value #VOLTAGE_MAX_V}] V
 *     (overridable: {@code --voltage-range-v})</td><td>every row</td><td>row removed, counted</td>
 *     <td>no lithium-ion cell chemistry works outside 0-10 V; thousands of volts are corrupted values</td></tr>
 * <tr><td>cycler current (GITT)</td><td>finite</td><td>every row</td><td>row removed, counted</td>
 *     <td>one infinite current would set the auto pulse thresholds (a median of |I|) to 0 or infinity</td></tr>
 * <tr><td>share of the input used</td><td>&ge; {@value #MIN_SHARE_USED}</td><td>gradient vectors per
 *     interior unit; TGA, GITT rows kept</td><td>a warning saying how much was used</td><td>a
 *     result from less than half of its input describes something else than the input</td></tr>
 * </table>
 *
 * <p>Clean inputs are never touched: every rule only fires on values the physics excludes, and an
 * input with no flagged value is analysed exactly as before (bit-identical results).
 */
public final class Plausibility {
    private Plausibility() {
    }

    /** Largest plausible |optical density| of a XANES spectrum. */
    public static final double MU_MAX_ABS = 1000;
    /** Largest plausible |mu - pre-edge line| in the white-line window, in edge jumps. */
    public static final double WHITELINE_MU_MAX_JUMPS = 10;
    /** Largest plausible |value| of an edge-energy map (eV). */
    public static final double MAP_MAX_ABS = 1e6;
    /** Largest plausible distance from a map's median, in (floored) interquartile ranges. */
    public static final double MAP_MAX_IQR_MULTIPLE = 1000;
    /** IQR floor relative to |median| (a constant map has IQR 0; at 8.3 keV the floor is 0.83 eV, so the bound stays (a constant map has IQR 0)gt;= 830 eV). */
    public static final double MAP_IQR_FLOOR_RELATIVE = 1e-4;
    /** Absolute IQR floor in the map's unit. */
    public static final double MAP_IQR_FLOOR_ABS = 1e-3;
    /** Most values sorted for a map's quartiles (evenly spaced subsample beyond). */
    static final int QUANTILE_SAMPLE = 1 << 20;
    /** Plausible TGA mass: within [-(F - 1), F] x the initial mass. */
    public static final double MASS_MAX_FACTOR = 2;
    /** Points whose median is the initial mass of the TGA plausibility rules. */
    public static final int MASS_REFERENCE_POINTS = 11;
    /** Robust z-score above which a first difference is an outlier (spike rule). */
    public static final double SPIKE_Z = 10;
    /** Smallest spike departure counted, relative to the initial mass. */
    public static final double SPIKE_MIN_RELATIVE = 1e-3;
    /** Default lowest plausible cell voltage (V). */
    public static final double VOLTAGE_MIN_V = 0;
    /** Default highest plausible cell voltage (V). */
    public static final double VOLTAGE_MAX_V = 10;
    /** A result computed from less than this share of its input says so. */
    public static final double MIN_SHARE_USED = 0.5;

    /** @return whether one XANES optical density is plausible. */
    public static boolean muPlausible(double mu) {
        return Math.abs(mu) <= MU_MAX_ABS;
    }

    /**
     * @return a warning when {@code used} is below {@link #MIN_SHARE_USED} of {@code of}, else null
     */
    public static String shareWarning(long used, long of, String what) {
        if (of <= 0 || used >= MIN_SHARE_USED * of) {
            return null;
        }
        return String.format(Locale.ROOT, "computed from %d of %d %s (%.1f %%, below the %.0f %% this result needs to describe its input)",
                used, of, what, 100.0 * used / of, 100 * MIN_SHARE_USED);
    }

    // ------------------------------------------------------------------ maps

    /**
     * Result of {@link #screenMap}.
     *
     * @param values  the input itself when nothing was flagged, else a copy with flagged values NaN
     * @param flagged finite or infinite values outside the plausible range (NaN inputs are "outside the particle", not counted)
     * @param lo      lowest plausible value
     * @param hi      highest plausible value
     * @param warning the warning text, or null when nothing was flagged
     */
    public record MapScreen(float[] values, long flagged, double lo, double hi, String warning) {
    }

    /**
     * Masks implausible values of an edge-energy map (see the class table). {@code values} is not modified.
     *
     * @param unit the map's unit for the warning, e.g. "eV"
     */
    public static MapScreen screenMap(float[] values, String unit) {
        // quartiles of the finite values within the absolute bound (the bound first, so corrupted values cannot move
        // them), from at most QUANTILE_SAMPLE evenly spaced ones: deterministic, and a 20 M-voxel volume sorts 1 M values
        int m = 0;
        for (float v : values) {
            if (Math.abs(v) <= MAP_MAX_ABS) {
                m++;
            }
        }
        double lo = -MAP_MAX_ABS;
        double hi = MAP_MAX_ABS;
        if (m > 0) {
            int stride = Math.max(1, m / QUANTILE_SAMPLE);
            float[] s = new float[(m + stride - 1) / stride];
            int k = 0;
            int seen = 0;
            for (float v : values) {
                if (Math.abs(v) <= MAP_MAX_ABS) {
                    if (seen++ % stride == 0) {
                        s[k++] = v;
                    }
                }
            }
            Arrays.sort(s, 0, k);
            s = Arrays.copyOf(s, k);
            double median = quantile(s, 0.5);
            double iqr = quantile(s, 0.75) - quantile(s, 0.25);
            double scale = Math.max(iqr, Math.max(MAP_IQR_FLOOR_RELATIVE * Math.abs(median), MAP_IQR_FLOOR_ABS));
            lo = Math.max(lo, median - MAP_MAX_IQR_MULTIPLE * scale);
            hi = Math.min(hi, median + MAP_MAX_IQR_MULTIPLE * scale);
        }
        long flagged = 0;
        for (float v : values) {
            if (!Float.isNaN(v) && !(v >= lo && v <= hi)) {
                flagged++;
            }
        }
        if (flagged == 0) {
            return new MapScreen(values, 0, lo, hi, null);
        }
        float[] out = values.clone();
        for (int i = 0; i < out.length; i++) {
            float v = out[i];
            if (!Float.isNaN(v) && !(v >= lo && v <= hi)) {
                out[i] = Float.NaN;
            }
        }
        String w = String.format(Locale.ROOT, "%d map values outside the plausible range %.6g..%.6g %s (infinite, |value| > %.0g, or more "
                + "than %.0f interquartile ranges from the median) were masked (NaN)", flagged, lo, hi, unit, MAP_MAX_ABS, MAP_MAX_IQR_MULTIPLE);
        return new MapScreen(out, flagged, lo, hi, w);
    }

    private static double quantile(float[] sorted, double q) {
        double pos = q * (sorted.length - 1);
        int i = (int) Math.floor(pos);
        int j = Math.min(sorted.length - 1, i + 1);
        return sorted[i] + (pos - i) * ((double) sorted[j] - sorted[i]);
    }

    // ------------------------------------------------------------------ row series

    /**
     * Rows to drop from a series, with the warnings saying why.
     *
     * @param drop     per row, whether it is dropped
     * @param dropped  how many
     * @param warnings one line per rule that fired (empty when nothing was dropped)
     */
    public record RowScreen(boolean[] drop, int dropped, List<String> warnings) {
        public RowScreen {
            warnings = List.copyOf(warnings);
        }

        /** @return {@code a} without the dropped rows (the array itself when nothing is dropped). */
        public double[] keep(double[] a) {
            if (a == null || dropped == 0) {
                return a;
            }
            double[] out = new double[a.length - dropped];
            int k = 0;
            for (int i = 0; i < a.length; i++) {
                if (!drop[i]) {
                    out[k++] = a[i];
                }
            }
            return out;
        }

        /** @return {@code a} without the dropped rows (the array itself when nothing is dropped). */
        public int[] keep(int[] a) {
            if (a == null || dropped == 0) {
                return a;
            }
            int[] out = new int[a.length - dropped];
            int k = 0;
            for (int i = 0; i < a.length; i++) {
                if (!drop[i]) {
                    out[k++] = a[i];
                }
            }
            return out;
        }
    }

    /**
     * The TGA mass rules (see the class table): rows outside the plausible mass range, then
     * single-point spikes among the remaining rows. {@code mass} is not modified.
     *
     * @param mass the masses in measurement order
     * @param unit their unit, for the warnings
     */
    public static RowScreen screenMasses(double[] mass, String unit) {
        int n = mass.length;
        boolean[] drop = new boolean[n];
        List<String> warnings = new ArrayList<>();
        if (n == 0) {
            return new RowScreen(drop, 0, warnings);
        }
        double[] first = Arrays.copyOf(mass, Math.min(n, MASS_REFERENCE_POINTS));
        Arrays.sort(first);
        double ref = Math.abs(first.length % 2 == 1 ? first[first.length / 2]
                : 0.5 * (first[first.length / 2 - 1] + first[first.length / 2]));
        double lo = -(MASS_MAX_FACTOR - 1) * ref;
        double hi = MASS_MAX_FACTOR * ref;
        int range = 0;
        int firstRange = -1;
        for (int i = 0; i < n; i++) {
            if (!(mass[i] >= lo && mass[i] <= hi)) {
                drop[i] = true;
                range++;
                firstRange = firstRange < 0 ? i : firstRange;
            }
        }
        if (range > 0) {
            warnings.add(String.format(Locale.ROOT, "%d mass values outside the plausible range %.6g..%.6g %s (x%.0f of the initial mass %.6g %s; "
                    + "first at data point %d: %s) were removed", range, lo, hi, unit, MASS_MAX_FACTOR, ref, unit, firstRange + 1,
                    mass[firstRange]));
        }
        // spikes among the rows kept so far
        int[] idx = new int[n - range];
        int k = 0;
        for (int i = 0; i < n; i++) {
            if (!drop[i]) {
                idx[k++] = i;
            }
        }
        int spikes = 0;
        int firstSpike = -1;
        if (k >= 5) {
            double[] d = new double[k - 1];
            double resolution = Double.POSITIVE_INFINITY;
            for (int j = 1; j < k; j++) {
                d[j - 1] = mass[idx[j]] - mass[idx[j - 1]];
                double a = Math.abs(d[j - 1]);
                if (a > 0 && a < resolution) {
                    resolution = a;
                }
            }
            double[] s = d.clone();
            Arrays.sort(s);
            double med = median(s);
            double[] dev = new double[s.length];
            for (int j = 0; j < d.length; j++) {
                dev[j] = Math.abs(d[j] - med);
            }
            Arrays.sort(dev);
            double scale = Math.max(1.4826 * median(dev), Double.isInfinite(resolution) ? 0 : resolution);
            double minDeparture = SPIKE_MIN_RELATIVE * ref;
            if (scale > 0) {
                for (int j = 1; j + 1 < k; j++) {
                    double z1 = (d[j - 1] - med) / scale;
                    double z2 = (d[j] - med) / scale;
                    double prev = mass[idx[j - 1]];
                    double next = mass[idx[j + 1]];
                    double departure = Math.abs(mass[idx[j]] - 0.5 * (prev + next));
                    if (Math.abs(z1) > SPIKE_Z && Math.abs(z2) > SPIKE_Z && Math.signum(z1) != Math.signum(z2)
                            && departure > minDeparture && Math.abs(next - prev) < departure) {
                        drop[idx[j]] = true;
                        spikes++;
                        firstSpike = firstSpike < 0 ? idx[j] : firstSpike;
                    }
                }
            }
            if (spikes > 0) {
                warnings.add(String.format(Locale.ROOT, "%d single-point mass spikes (robust z of the first differences > %.0f on both "
                        + "sides, opposite signs; first at data point %d: %s %s) were removed", spikes, SPIKE_Z, firstSpike + 1,
                        mass[firstSpike], unit));
            }
        }
        int dropped = range + spikes;
        String share = shareWarning(n - dropped, n, "rows");
        if (share != null) {
            warnings.add(share);
        }
        return new RowScreen(drop, dropped, warnings);
    }

    private static double median(double[] sorted) {
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : 0.5 * (sorted[n / 2 - 1] + sorted[n / 2]);
    }

    /**
     * The cycler rules (see the class table): rows whose voltage is outside
     * {@code [minV, maxV]} or not finite, or whose current is not finite. Arrays are not modified.
     */
    public static RowScreen screenCycler(double[] voltageV, double[] currentA, double minV, double maxV) {
        int n = voltageV.length;
        boolean[] drop = new boolean[n];
        int badV = 0;
        int badI = 0;
        int firstV = -1;
        int firstI = -1;
        for (int i = 0; i < n; i++) {
            if (!(voltageV[i] >= minV && voltageV[i] <= maxV)) {
                drop[i] = true;
                badV++;
                firstV = firstV < 0 ? i : firstV;
            } else if (!Double.isFinite(currentA[i])) {
                drop[i] = true;
                badI++;
                firstI = firstI < 0 ? i : firstI;
            }
        }
        List<String> warnings = new ArrayList<>();
        if (badV > 0) {
            warnings.add(String.format(Locale.ROOT, "%d rows with a voltage outside the plausible range %s..%s V (first at data row %d: %s V) "
                    + "were removed (override the range with --voltage-range-v)", badV, minV, maxV, firstV + 1, voltageV[firstV]));
        }
        if (badI > 0) {
            warnings.add(String.format(Locale.ROOT, "%d rows with a non-finite current (first at data row %d: %s A) were removed",
                    badI, firstI + 1, currentA[firstI]));
        }
        String share = shareWarning(n - badV - badI, n, "rows");
        if (share != null) {
            warnings.add(share);
        }
        return new RowScreen(drop, badV + badI, warnings);
    }
}
