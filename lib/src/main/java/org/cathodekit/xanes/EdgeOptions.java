package org.cathodekit.xanes;

import org.cathodekit.core.Checks;
import org.cathodekit.core.OptionsRecord;

/**
 * Every parameter of the per-voxel metrics, in eV. Immutable; change with the {@code withX} copies or
 * {@link #toBuilder()} (generated, see {@link OptionsRecord}); the compact constructor validates.
 *
 * <p>Which metrics are computed follows from the windows: {@code edge50} and the edge jump need
 * {@code preEdge}, {@code postEdge} and {@code edge}; {@code whiteline} needs {@code whiteline}.
 * A {@code null} window switches its metric off (e.g. paper C's 8340-8360 eV scans have no pre/post
 * edge: give only the white-line window). At least one metric must be on.
 *
 * <p><b>Minimum edge jump (masking).</b> A voxel is masked (both maps NaN, status
 * {@link VoxelStatus#MASKED}) when its edge jump {@code J = post(E_ref) - pre(E_ref)} is
 * <ul>
 *   <li>below {@code minEdgeJump} when that is given (absolute, in the units of mu), or</li>
 *   <li>when {@code minEdgeJump} is NaN (the default rule, "auto"): {@code J <= 0} or
 *       {@code J < autoNoiseFactor * SE(J)}, with SE(J) the standard error of that voxel's jump
 *       from its own line fits: {@code SE(J) = s * sqrt(1/m_pre + (E_ref - xbar_pre)^2 / Sxx_pre
 *       + 1/m_post + (E_ref - xbar_post)^2 / Sxx_post)}, {@code s^2 = (SSR_pre + SSR_post) / (m_pre
 *       + m_post - 4)} the pooled residual variance about the two lines (threshold 0 when there are no
 *       degrees of freedom). The rule is per voxel, needs no second pass over the stack, does not
 *       depend on the intensity scale, and accounts for the extrapolation of short pre/post windows to
 *       E_ref: background voxels (a jump within noise) are masked, particles kept. Post-edge
 *       oscillations raise s and make the rule more conservative.</li>
 * </ul>
 * Without pre/post windows no voxel is masked.
 *
 * @param preEdge         pre-edge line window (eV, inclusive; >= 2 energies), or null
 * @param postEdge        post-edge line window (eV, inclusive; >= 2 energies), or null
 * @param edge            window searched for the 0.5 crossing (eV, inclusive; >= 2 energies), or null
 * @param whiteline       white-line fit window (eV, inclusive; >= 3 or 4 energies), or null
 * @param minEdgeJump     absolute minimum edge jump (units of mu), or NaN for the auto rule
 * @param autoNoiseFactor the factor k of the auto rule {@code J >= k SE(J)} (default 5)
 * @param edgeReferenceEv the energy E_ref of the edge jump (and of {@link Normalisation#CONSTANT_STEP}),
 *                        or NaN for the middle of the edge window
 * @param normalisation   how mu is normalised for edge50
 * @param whitelineFit    the white-line model
 * @param peakHalfWidthEv half width (eV) of the sub-window around the highest measured point used by
 *                        {@link WhitelineFit#QUADRATIC_AT_MAXIMUM} (default 3 eV; ignored by the other fits)
 */
@OptionsRecord
public record EdgeOptions(EnergyWindow preEdge, EnergyWindow postEdge, EnergyWindow edge, EnergyWindow whiteline,
                          double minEdgeJump, double autoNoiseFactor, double edgeReferenceEv,
                          Normalisation normalisation, WhitelineFit whitelineFit, double peakHalfWidthEv)
        implements EdgeOptionsBuilder.With {

    /**
     * Ni K-edge defaults for typical full TXM-XANES scans (8.25-8.6 keV): pre 8250:8320, post
     * 8400:8600, edge 8330:8360, white line 8342:8358 eV, auto masking (k = 5), two-line
     * normalisation, quadratic white line. Check them against your energy grid.
     */
    public static final EdgeOptions DEFAULTS = new EdgeOptions(new EnergyWindow(8250, 8320), new EnergyWindow(8400, 8600),
            new EnergyWindow(8330, 8360), new EnergyWindow(8342, 8358), Double.NaN, 5.0, Double.NaN,
            Normalisation.PRE_POST_LINES, WhitelineFit.QUADRATIC, 3.0);

    public EdgeOptions {
        if (normalisation == null) {
            throw new IllegalArgumentException("normalisation must not be null");
        }
        if (whitelineFit == null) {
            throw new IllegalArgumentException("whitelineFit must not be null");
        }
        boolean edgeOn = preEdge != null || postEdge != null || edge != null;
        if (edgeOn && (preEdge == null || postEdge == null || edge == null)) {
            throw new IllegalArgumentException("edge50 needs all three windows (pre-edge, post-edge, edge); got pre="
                    + preEdge + ", post=" + postEdge + ", edge=" + edge + " (give all three, or none for white line only)");
        }
        if (!edgeOn && whiteline == null) {
            throw new IllegalArgumentException("no metric requested: give the pre/post/edge windows, the white-line window, or both");
        }
        if (!Double.isNaN(minEdgeJump)) {
            Checks.requireNonNegative(minEdgeJump, "minEdgeJump");
        }
        Checks.requireNonNegative(autoNoiseFactor, "autoNoiseFactor");
        Checks.requirePositive(peakHalfWidthEv, "peakHalfWidthEv");
        if (!Double.isNaN(edgeReferenceEv)) {
            Checks.requireFinite(edgeReferenceEv, "edgeReferenceEv");
        }
    }

    /** @return whether edge50 and the edge jump are computed (pre, post and edge windows given). */
    public boolean hasEdge() {
        return edge != null;
    }

    /** @return whether the white-line energy is computed. */
    public boolean hasWhiteline() {
        return whiteline != null;
    }

    /** @return the edge-jump reference energy actually used (eV), or NaN without edge windows. */
    public double resolvedEdgeReferenceEv() {
        if (!Double.isNaN(edgeReferenceEv)) {
            return edgeReferenceEv;
        }
        return edge == null ? Double.NaN : edge.middleEv();
    }

    /** @return a human-readable statement of the masking rule in force. */
    public String maskingRule() {
        if (!hasEdge()) {
            return "none (no pre/post-edge windows)";
        }
        if (!Double.isNaN(minEdgeJump)) {
            return "edge jump < " + minEdgeJump + " (absolute)";
        }
        return "auto: edge jump <= 0 or < " + autoNoiseFactor + " x its standard error from the pre/post line fits (per voxel)";
    }

    /** @return a copy with all three edge windows set at once (or all null: white line only). */
    public EdgeOptions withEdgeWindows(EnergyWindow pre, EnergyWindow post, EnergyWindow edgeWindow) {
        return toBuilder().preEdge(pre).postEdge(post).edge(edgeWindow).build();
    }

    /** @return a builder preset to these values: {@code DEFAULTS.toBuilder().a(..).b(..).build()}. */
    public EdgeOptionsBuilder toBuilder() {
        return with();
    }
}
