package org.cathodekit.gradient;

/**
 * Result of {@link ValenceGradient}: the theta statistics of one edge-energy volume or map, with the
 * resolved parameters. Arrays are copied on access.
 *
 * <p>Bins: theta bin i (0..179) holds {@code i <= theta < i + 1} degrees (theta = 180 in bin 179).
 * Densities are per degree and sum to 1. Groups: theta folded to [0, 90] ({@code 180 - theta} above
 * 90) in nine 10-degree groups, group g = [10 g, 10 g + 10) degrees (90 in group 8).
 *
 * @param model                   3D or 2D
 * @param options                 voxel size and merge b
 * @param unitSpacingNm           h = b * voxel size (nm)
 * @param unitsShape              shape of the merged grid: {nz, ny, nx} (2D: {1, ny, nx})
 * @param validUnits              merged units whose voxels are all valid
 * @param centreUnits             gravity centre O of the valid units, {x, y, z} in merged-grid units
 *                                (2D: z = 0); multiply by {@code unitSpacingNm} for nm
 * @param interiorUnits           valid units whose six (2D: four) neighbours are valid
 * @param vectors                 gradient vectors counted (interior units with |u| > 0 and |v| > 0)
 * @param droppedZero             interior units dropped because |u| = 0 or |v| = 0
 * @param thetaDensityPerDeg      180 values: fraction of vectors per 1-degree bin
 * @param weightedThetaDensityPerDeg 180 values: fraction of the summed |u| per bin (amplitude-weighted)
 * @param referenceDensityPerDeg  180 values: the random reference (sin theta in 3D, uniform in 2D)
 * @param meanAbsCos              mean |cos theta| over the vectors
 * @param randomMeanAbsCos        its isotropic value: 1/2 (3D), 2/pi (2D)
 * @param tangentialIndex         {@code 1 - meanAbsCos / randomMeanAbsCos} (see {@link GradientModel#tangentialIndex})
 * @param groupCounts             9 values: vectors per folded 10-degree group
 * @param groupMeanSizeEvPerNm    9 values: mean |u| per group (eV/nm; NaN for an empty group)
 * @param sizeBinEdgesEvPerNm     edges of the |u| histogram: 20 log-spaced bins per decade from 1e-6 to
 *                                1e2 eV/nm (161 edges); sizes outside fall in the first/last bin
 * @param groupSizeCounts         [9][160] counts of |u| per group and size bin
 * @param warnings                what was doubtful in the input (implausible values masked, a result from
 *                                less than {@link org.cathodekit.core.Plausibility#MIN_SHARE_USED} of the
 *                                interior units); empty for a clean input
 */
public record ThetaStatistics(GradientModel model, GradientOptions options, double unitSpacingNm, int[] unitsShape,
        long validUnits, double[] centreUnits, long interiorUnits, long vectors, long droppedZero,
        double[] thetaDensityPerDeg, double[] weightedThetaDensityPerDeg, double[] referenceDensityPerDeg,
        double meanAbsCos, double randomMeanAbsCos, double tangentialIndex, long[] groupCounts,
        double[] groupMeanSizeEvPerNm, double[] sizeBinEdgesEvPerNm, long[][] groupSizeCounts, java.util.List<String> warnings) {

    public ThetaStatistics {
        unitsShape = unitsShape.clone();
        centreUnits = centreUnits.clone();
        thetaDensityPerDeg = thetaDensityPerDeg.clone();
        weightedThetaDensityPerDeg = weightedThetaDensityPerDeg.clone();
        referenceDensityPerDeg = referenceDensityPerDeg.clone();
        groupCounts = groupCounts.clone();
        groupMeanSizeEvPerNm = groupMeanSizeEvPerNm.clone();
        sizeBinEdgesEvPerNm = sizeBinEdgesEvPerNm.clone();
        groupSizeCounts = deepCopy(groupSizeCounts);
        warnings = java.util.List.copyOf(warnings);
    }

    private static long[][] deepCopy(long[][] a) {
        long[][] c = new long[a.length][];
        for (int i = 0; i < a.length; i++) {
            c[i] = a[i].clone();
        }
        return c;
    }

    @Override
    public int[] unitsShape() {
        return unitsShape.clone();
    }

    @Override
    public double[] centreUnits() {
        return centreUnits.clone();
    }

    @Override
    public double[] thetaDensityPerDeg() {
        return thetaDensityPerDeg.clone();
    }

    @Override
    public double[] weightedThetaDensityPerDeg() {
        return weightedThetaDensityPerDeg.clone();
    }

    @Override
    public double[] referenceDensityPerDeg() {
        return referenceDensityPerDeg.clone();
    }

    @Override
    public long[] groupCounts() {
        return groupCounts.clone();
    }

    @Override
    public double[] groupMeanSizeEvPerNm() {
        return groupMeanSizeEvPerNm.clone();
    }

    @Override
    public double[] sizeBinEdgesEvPerNm() {
        return sizeBinEdgesEvPerNm.clone();
    }

    @Override
    public long[][] groupSizeCounts() {
        return deepCopy(groupSizeCounts);
    }

    /**
     * @return the centre (deg) of the 9-degree window (bins i-4..i+4, truncated at 0 and 180) with the
     *         largest mean theta density: the peak of the lightly smoothed density, less noisy than the
     *         largest single bin
     */
    public double peakThetaDeg() {
        int best = 0;
        double bestV = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < 180; i++) {
            double s = 0;
            int n = 0;
            for (int j = Math.max(0, i - 4); j <= Math.min(179, i + 4); j++) {
                s += thetaDensityPerDeg[j];
                n++;
            }
            if (s / n > bestV) {
                bestV = s / n;
                best = i;
            }
        }
        return best + 0.5;
    }

    /** @return the mean |u| over all vectors (eV/nm) */
    public double meanSizeEvPerNm() {
        double s = 0;
        long n = 0;
        for (int g = 0; g < 9; g++) {
            if (groupCounts[g] > 0) {
                s += groupMeanSizeEvPerNm[g] * groupCounts[g];
                n += groupCounts[g];
            }
        }
        return n == 0 ? Double.NaN : s / n;
    }

    /** @return the fraction of vectors with 60 <= folded theta < 90 deg minus the random reference's fraction */
    public double excessNear90() {
        double obs = 0;
        double ref = 0;
        for (int i = 60; i < 120; i++) {
            obs += thetaDensityPerDeg[i];
            ref += referenceDensityPerDeg[i];
        }
        return obs - ref;
    }

    /**
     * @return the amplitude-weighted counterpart of {@link #excessNear90()}: the weighted density
     *         summed over 60 <= theta < 120 deg minus the random reference's share of that range
     */
    public double weightedExcessNear90() {
        double obs = 0;
        double ref = 0;
        for (int i = 60; i < 120; i++) {
            obs += weightedThetaDensityPerDeg[i];
            ref += referenceDensityPerDeg[i];
        }
        return obs - ref;
    }
}
