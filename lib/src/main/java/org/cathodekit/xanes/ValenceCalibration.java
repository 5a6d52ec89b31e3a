package org.cathodekit.xanes;

import org.cathodekit.core.Checks;

/**
 * A user-given linear energy-to-valence calibration through two references, e.g. the edge50 of
 * NiO (Ni2+) and LiNiO2 (Ni3+) measured with the same windows:
 * {@code v(E) = v1 + (E - E1) (v2 - v1) / (E2 - E1)}. Linear between (and, by extrapolation,
 * beyond) the references; its validity is the user's claim, not a law. Paper A reads the edge
 * energy (absorbance 0.5) as a measure of the local Ni valence (Xu et al., Nat. Commun. 11, 83
 * (2020), Methods); this class makes that reading explicit and quantitative. Use references measured
 * with the same metric, windows and energy calibration as the map (edge50 references for edge50
 * maps, white-line references for white-line maps): the slope {@code (v2 - v1) / (E2 - E1)} is in
 * valence units per eV and is returned by {@link #slopePerEv()}.
 *
 * @param energy1Ev first reference energy, eV
 * @param valence1  Ni valence at the first reference
 * @param energy2Ev second reference energy, eV (different from the first)
 * @param valence2  Ni valence at the second reference
 */
public record ValenceCalibration(double energy1Ev, double valence1, double energy2Ev, double valence2) {
    public ValenceCalibration {
        Checks.requireFinite(energy1Ev, "energy1Ev");
        Checks.requireFinite(energy2Ev, "energy2Ev");
        Checks.requireFinite(valence1, "valence1");
        Checks.requireFinite(valence2, "valence2");
        if (energy1Ev == energy2Ev) {
            throw new IllegalArgumentException("the two reference energies must differ, both are " + energy1Ev + " eV");
        }
    }

    /** @return valence change per eV. */
    public double slopePerEv() {
        return (valence2 - valence1) / (energy2Ev - energy1Ev);
    }

    /** @return the valence at {@code energyEv} (NaN stays NaN). */
    public double valence(double energyEv) {
        return valence1 + (energyEv - energy1Ev) * slopePerEv();
    }

    /** @return the map converted to valence (NaN stays NaN), named {@code "<name>_valence"}. */
    public VoxelMap apply(VoxelMap energyMap) {
        double b = slopePerEv();
        return energyMap.affine(valence1 - energy1Ev * b, b, energyMap.name() + "_valence", "valence");
    }
}
