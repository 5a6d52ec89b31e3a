package org.cathodekit.synthetic;

import org.cathodekit.core.Checks;
import org.cathodekit.core.OptionsRecord;

/**
 * Linear map from the SoC coordinate to the Ni K-edge energy: {@code E_edge = edgeAtZeroSocEv +
 * slopeEvPerSoc * soc}. The defaults reproduce paper A's bulk XAS edge energies (pristine ~8343.1-8343.2
 * eV, charged 8344.4-8344.5 eV) with the SoC means of {@link SocField#pristine} / {@link SocField#charged}.
 *
 * @param edgeAtZeroSocEv edge energy at SoC 0 (eV)
 * @param slopeEvPerSoc   edge shift per unit SoC (eV)
 */
@OptionsRecord
public record SocEnergyMap(double edgeAtZeroSocEv, double slopeEvPerSoc)
        implements SocEnergyMapBuilder.With {

    /** 8343.1 eV at SoC 0, 1.5 eV per unit SoC. */
    public static final SocEnergyMap DEFAULTS = new SocEnergyMap(8343.1, 1.5);

    public SocEnergyMap {
        Checks.requireFinite(edgeAtZeroSocEv, "edgeAtZeroSocEv");
        Checks.requirePositive(slopeEvPerSoc, "slopeEvPerSoc");
    }

    /** @return the edge energy (eV) for a SoC value */
    public double edgeEv(double soc) {
        return edgeAtZeroSocEv + slopeEvPerSoc * soc;
    }

    /** @return the SoC value whose edge energy is {@code edgeEv} */
    public double soc(double edgeEv) {
        return (edgeEv - edgeAtZeroSocEv) / slopeEvPerSoc;
    }

    /** @return a builder preset to these values: {@code DEFAULTS.toBuilder().a(..).b(..).build()}. */
    public SocEnergyMapBuilder toBuilder() {
        return with();
    }
}
