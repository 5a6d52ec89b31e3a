package org.cathodekit.cycling;

/**
 * Differential capacity of one half-cycle on a uniform voltage grid, and dV/dQ on a uniform capacity grid.
 * Arrays are copied out.
 *
 * @param direction  charge or discharge
 * @param points     rows of the half-cycle used
 * @param capacityMAh capacity of the half-cycle [mAh]
 */
public record DqdvCurve(Direction direction, int points, double capacityMAh, double[] voltageV, double[] dqdvRaw,
        double[] dqdv, double[] capacityGridMAh, double[] dvdq) {

    /** @return bin centres [V], ascending. */
    @Override
    public double[] voltageV() {
        return voltageV.clone();
    }

    /** @return dQ/dV before smoothing [mAh/V]; positive on charge, negative on discharge (the plotting convention). */
    @Override
    public double[] dqdvRaw() {
        return dqdvRaw.clone();
    }

    /** @return smoothed dQ/dV [mAh/V], signed as {@link #dqdvRaw()}. */
    @Override
    public double[] dqdv() {
        return dqdv.clone();
    }

    /** @return capacity grid of dV/dQ [mAh] (from the start of the half-cycle). */
    @Override
    public double[] capacityGridMAh() {
        return capacityGridMAh.clone();
    }

    /** @return dV/dQ [V/mAh] (Savitzky-Golay derivative of V interpolated on the capacity grid). */
    @Override
    public double[] dvdq() {
        return dvdq.clone();
    }
}
