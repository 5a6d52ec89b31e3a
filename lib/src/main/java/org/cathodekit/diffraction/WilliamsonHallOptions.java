package org.cathodekit.diffraction;

import org.cathodekit.core.Checks;
import org.cathodekit.core.OptionsRecord;

/**
 * Options of the Williamson-Hall analysis.
 *
 * @param k           Scherrer constant K (paper C: 0.9)
 * @param correction  instrument-width removal rule (use the profile's {@link Profile#defaultCorrection()})
 * @param minPeaks    fewest usable peaks (at least 3)
 */
@OptionsRecord
public record WilliamsonHallOptions(double k, BroadeningCorrection correction, int minPeaks)
        implements WilliamsonHallOptionsBuilder.With {

    /** K = 0.9, linear correction (Lorentzian, as paper C), at least 3 peaks. */
    public static final WilliamsonHallOptions DEFAULTS = new WilliamsonHallOptions(0.9, BroadeningCorrection.LINEAR, 3);

    public WilliamsonHallOptions {
        Checks.requireInRange(k, 0.5, 2.0, "Scherrer constant K");
        if (correction == null) {
            throw new IllegalArgumentException("correction must not be null");
        }
        if (minPeaks < 3) {
            throw new IllegalArgumentException("minPeaks must be >= 3 (a line through 2 points has no error estimate), got " + minPeaks);
        }
    }

    /** @return a builder preset to these values: {@code DEFAULTS.toBuilder().a(..).b(..).build()}. */
    public WilliamsonHallOptionsBuilder toBuilder() {
        return with();
    }
}
