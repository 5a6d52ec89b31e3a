package org.cathodekit.plot;

import org.cathodekit.gradient.ThetaStatistics;
import org.knowm.xchart.XYChart;

/** Charts of {@link org.cathodekit.gradient} results: theta densities, vector-size distributions. */
public final class GradientCharts {
    private GradientCharts() {
    }

    /** Tick step of theta axes (deg): 0, 30, ..., 180. */
    public static final double THETA_TICK_DEG = 30;

    /** Centres (deg) of {@code n} equal theta bins over 0..180 deg. */
    public static double[] thetaCentresDeg(int n) {
        double[] c = new double[n];
        for (int i = 0; i < n; i++) {
            c[i] = (i + 0.5) * 180.0 / n;
        }
        return c;
    }

    /**
     * Theta density for each merge size b (array index = b, index 0 unused) and the random reference.
     *
     * @param weighted amplitude-weighted densities instead of counts
     */
    public static XYChart thetaDensity(String title, ThetaStatistics[] byMerge, boolean weighted) {
        XYChart c = Charts.xy(title, "theta (deg)", weighted ? "weighted density (1/deg)" : "density (1/deg)");
        ThetaStatistics first = null;
        for (int b = 1; b < byMerge.length; b++) {
            if (byMerge[b] == null) {
                continue;
            }
            first = first == null ? byMerge[b] : first;
            double[] d = weighted ? byMerge[b].weightedThetaDensityPerDeg() : byMerge[b].thetaDensityPerDeg();
            Charts.line(c, "b = " + b, thetaCentresDeg(d.length), d);
        }
        if (first != null) {
            double[] ref = first.referenceDensityPerDeg();
            Charts.dashed(c, "random reference", thetaCentresDeg(ref.length), ref, java.awt.Color.GRAY);
        }
        c.getStyler().setXAxisMin(0.0).setXAxisMax(180.0);
        return Charts.legend(c, "NW");
    }

    /** Named theta densities (e.g. weighted vs unweighted, rod vs gravel) and the reference of {@code reference}. */
    public static XYChart thetaDensities(String title, String yTitle, java.util.Map<String, double[]> densities, ThetaStatistics reference) {
        XYChart c = Charts.xy(title, "theta (deg)", yTitle);
        densities.forEach((name, d) -> Charts.line(c, name, thetaCentresDeg(d.length), d));
        double[] ref = reference.referenceDensityPerDeg();
        Charts.dashed(c, "random reference", thetaCentresDeg(ref.length), ref, java.awt.Color.GRAY);
        c.getStyler().setXAxisMin(0.0).setXAxisMax(180.0);
        return Charts.legend(c, "NW");
    }

    /**
     * Distribution of log10 |u| per folded-theta group (fraction of the group's vectors per size
     * bin), over the size bins any group occupies.
     */
    public static XYChart sizeGroups(String title, ThetaStatistics s) {
        double[] edges = s.sizeBinEdgesEvPerNm();
        long[][] counts = s.groupSizeCounts();
        int bins = edges.length - 1;
        int lo = bins - 1, hi = 0;
        for (long[] g : counts) {
            for (int k = 0; k < bins; k++) {
                if (g[k] > 0) {
                    lo = Math.min(lo, k);
                    hi = Math.max(hi, k);
                }
            }
        }
        XYChart c = Charts.xy(title, "log10 |u| (|u| in eV/nm)", "fraction of the group's vectors");
        if (hi < lo) {
            return c;
        }
        double[] x = new double[hi - lo + 1];
        for (int k = lo; k <= hi; k++) {
            x[k - lo] = Math.log10(Math.sqrt(edges[k] * edges[k + 1]));
        }
        double groupDeg = 90.0 / counts.length;
        for (int g = 0; g < counts.length; g++) {
            long tot = 0;
            for (long v : counts[g]) {
                tot += v;
            }
            double[] y = new double[x.length];
            for (int k = lo; k <= hi; k++) {
                y[k - lo] = tot == 0 ? 0 : (double) counts[g][k] / tot;
            }
            Charts.line(c, Math.round(groupDeg * g) + "-" + Math.round(groupDeg * (g + 1)) + " deg", x, y);
        }
        return Charts.legend(c, "NW");
    }
}
