package org.cathodekit.xanes;

import java.util.List;

/**
 * Histograms of several maps on shared bins, so they can be compared bar by bar (pristine vs
 * charged, or 25/150/200/250 C).
 *
 * @param edges     {@code bins + 1} increasing bin edges (unit); bin i is {@code [edges[i], edges[i+1])},
 *                  the last bin also includes its upper edge (accessor returns a copy)
 * @param datasets  one entry per map, in the order given
 */
public record HistogramSet(double[] edges, List<Dataset> datasets) {
    public HistogramSet {
        edges = edges.clone();
        datasets = List.copyOf(datasets);
    }

    @Override
    public double[] edges() {
        return edges.clone();
    }

    /** @return the bin centres. */
    public double[] centres() {
        double[] c = new double[edges.length - 1];
        for (int i = 0; i < c.length; i++) {
            c[i] = 0.5 * (edges[i] + edges[i + 1]);
        }
        return c;
    }

    /** @return the bin width (all bins are equal). */
    public double binWidth() {
        return edges[1] - edges[0];
    }

    /**
     * One map's histogram.
     *
     * @param summary  the map's summary (all finite values, also those outside the bin range)
     * @param counts   voxels per bin (accessor returns a copy)
     * @param below    finite values below the first edge
     * @param above    finite values above the last edge
     * @param fwhm     full width at half maximum read from the histogram itself (unit), not
     *                 {@code 2 sqrt(2 ln 2) std = 2.3548 std} (that equality holds only for a Gaussian;
     *                 compare the two to see how far a distribution is from one). Definition: the
     *                 first highest bin {@code p} (count {@code c_p}); walking outward from {@code p},
     *                 the first bin on each side with count {@code < c_p / 2}; on each side the
     *                 crossing of {@code c_p / 2} by linear interpolation between the centres of that
     *                 bin and its inner neighbour; FWHM = right crossing - left crossing. It depends
     *                 on the bin width (a histogram, not a density estimate: choose bins well below
     *                 the FWHM); NaN when a side does not fall below half within the bin range
     */
    public record Dataset(Summary summary, long[] counts, long below, long above, double fwhm) {
        public Dataset {
            counts = counts.clone();
        }

        @Override
        public long[] counts() {
            return counts.clone();
        }

        /** @return the counts divided by (finite count x bin width): a probability density. */
        public double[] density(double binWidth) {
            double[] d = new double[counts.length];
            double norm = summary.count() * binWidth;
            for (int i = 0; i < d.length; i++) {
                d[i] = norm > 0 ? counts[i] / norm : 0;
            }
            return d;
        }
    }
}
