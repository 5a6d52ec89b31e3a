package org.cathodekit.cycling;

/**
 * A peak of |dQ/dV| in one half-cycle.
 *
 * @param direction   charge or discharge
 * @param voltageV    position: vertex of the least-squares parabola over the peak's top (points above 80 %
 *                    of its height) [V]
 * @param height      |dQ/dV| at the grid maximum [mAh/V] (smoothed curve)
 * @param prominence  height above the higher of its two bases [mAh/V] (scipy's definition)
 * @param areaMAh     integral of |dQ/dV| between the valleys on either side [mAh] = the capacity
 *                    exchanged in that voltage range
 * @param fromV       lower voltage of the area window [V]
 * @param toV         upper voltage of the area window [V]
 */
public record DqdvPeak(Direction direction, double voltageV, double height, double prominence, double areaMAh,
        double fromV, double toV) {
}
