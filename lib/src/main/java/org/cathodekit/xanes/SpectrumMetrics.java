package org.cathodekit.xanes;

import java.util.List;

/**
 * The metrics of one spectrum, with the options that produced them.
 *
 * @param edge50Ev    half-step edge energy (eV), NaN when not computed or missing
 * @param whitelineEv white-line energy (eV), NaN when not computed or rejected
 * @param edgeJump    {@code post(E_ref) - pre(E_ref)} (units of mu), NaN without edge windows
 * @param status      the reasons for missing values (empty when all requested metrics are present)
 * @param options     the parameters used
 */
public record SpectrumMetrics(double edge50Ev, double whitelineEv, double edgeJump, List<VoxelStatus> status,
                              EdgeOptions options) {
    public SpectrumMetrics {
        status = List.copyOf(status);
    }

    /** @return whether every requested metric is present. */
    public boolean valid() {
        return status.isEmpty();
    }
}
