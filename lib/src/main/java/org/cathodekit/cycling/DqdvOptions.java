package org.cathodekit.cycling;

import org.cathodekit.core.Checks;
import org.cathodekit.core.OptionsRecord;

/**
 * Options of {@link Dqdv}: the differential-capacity method's parameters.
 *
 * @param gridStepV            voltage grid step h [V] (default 2 mV: a few times the cycler's voltage
 *                             resolution and well below the ~30 mV width of the H2-H3 feature)
 * @param smoothingWindowV     Savitzky-Golay window on the grid [V] (default 30 mV, about half the FWHM of the H2-H3 peak; 0 disables smoothing;
 *                             the number of points is the nearest odd number {@code >= order + 2})
 * @param smoothingOrder       Savitzky-Golay polynomial order (default 2)
 * @param minProminence        a peak must stand out by this fraction of the largest |dQ/dV| of its
 *                             half-cycle (prominence as in scipy.signal.find_peaks; default 0.10: 0.5 mV voltage
 *                             noise at 60 s sampling makes spurious maxima of a few % after smoothing)
 * @param maxPairSeparationV   charge and discharge peaks further apart than this are not paired [V]
 *                             (default 0.25 V; Ni-rich hysteresis is ~0.02-0.1 V and grows
 *                             with the polarisation over cycling)
 * @param dvdqPoints           points of the uniform capacity grid of dV/dQ (default 400)
 * @param dvdqWindowPoints     Savitzky-Golay window of dV/dQ in grid points (odd, default 15)
 * @param cycleOptions         how rows are assigned to cycles and judged complete
 */
@OptionsRecord
public record DqdvOptions(double gridStepV, double smoothingWindowV, int smoothingOrder, double minProminence,
        double maxPairSeparationV, int dvdqPoints, int dvdqWindowPoints, CycleOptions cycleOptions)
        implements DqdvOptionsBuilder.With {

    /** The voltage window of the H2 -> H3 transition of Ni-rich layered oxides [V] (charge peak ~4.15-4.25 V). */
    public static final double H2_H3_LOW_V = 4.10;
    /** Upper end of that window [V]. */
    public static final double H2_H3_HIGH_V = 4.30;

    public static final DqdvOptions DEFAULTS = new DqdvOptions(0.002, 0.030, 2, 0.10, 0.25, 400, 15,
            CycleOptions.DEFAULTS);

    public DqdvOptions {
        Checks.requirePositive(gridStepV, "dQ/dV grid step [V]");
        Checks.requireNonNegative(smoothingWindowV, "smoothing window [V]");
        if (smoothingOrder < 1 || smoothingOrder > 5) {
            throw new IllegalArgumentException("smoothing order must lie in 1..5, got " + smoothingOrder);
        }
        Checks.requireInRange(minProminence, 0, 1, "minimum peak prominence (fraction of the largest |dQ/dV|)");
        Checks.requirePositive(maxPairSeparationV, "max pair separation [V]");
        if (dvdqPoints < 10) {
            throw new IllegalArgumentException("dV/dQ grid points must be >= 10, got " + dvdqPoints);
        }
        if (dvdqWindowPoints % 2 == 0 || dvdqWindowPoints < 3) {
            throw new IllegalArgumentException("dV/dQ window must be an odd number >= 3, got " + dvdqWindowPoints);
        }
        if (cycleOptions == null) {
            throw new IllegalArgumentException("cycle options must be given");
        }
    }

    public DqdvOptions withSmoothing(double windowV, int order) {
        return toBuilder().smoothingWindowV(windowV).smoothingOrder(order).build();
    }

    /** @return the smoothing window in grid points (odd; 1 = no smoothing). */
    public int smoothingWindowPoints() {
        if (smoothingWindowV == 0) {
            return 1;
        }
        int w = (int) Math.round(smoothingWindowV / gridStepV);
        if (w % 2 == 0) {
            w++;
        }
        return Math.max(w, smoothingOrder + 2 + (smoothingOrder % 2 == 0 ? 1 : 0));
    }

    /** @return a builder preset to these values: {@code DEFAULTS.toBuilder().a(..).b(..).build()}. */
    public DqdvOptionsBuilder toBuilder() {
        return with();
    }
}
