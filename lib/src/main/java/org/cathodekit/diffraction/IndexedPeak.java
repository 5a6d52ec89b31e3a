package org.cathodekit.diffraction;

/**
 * An observed peak assigned to a reflection.
 *
 * @param reflection        the reflection (with 2-theta of the starting lattice)
 * @param twoThetaObsDeg    observed centre (deg)
 * @param twoThetaCalcDeg   2-theta of the refined lattice, zero shift included (deg); NaN before refinement
 * @param area              integrated intensity of the peak (for intensity ratios), NaN if unknown
 */
public record IndexedPeak(Reflection reflection, double twoThetaObsDeg, double twoThetaCalcDeg, double area) {
    /** @return obs - calc (deg). */
    public double residualDeg() {
        return twoThetaObsDeg - twoThetaCalcDeg;
    }
}
