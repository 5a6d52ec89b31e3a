package org.cathodekit.diffraction;

import org.cathodekit.core.Checks;
import org.cathodekit.core.OptionsRecord;

/**
 * Options of an in-situ series analysis.
 *
 * @param peaks        profile-fit options
 * @param lattice      lattice options; {@code a0A}/{@code c0A} index the first pattern
 * @param wh           Williamson-Hall options
 * @param instrument   instrument function removed before W-H
 * @param chunkSize    patterns per parallel chunk (results do not depend on it nor on the thread count)
 */
@OptionsRecord
public record SeriesOptions(PeakFitOptions peaks, LatticeOptions lattice, WilliamsonHallOptions wh, InstrumentFunction instrument,
        int chunkSize)
        implements SeriesOptionsBuilder.With {

    /** Defaults of each part, no instrument correction, chunks of 16 patterns. */
    public static final SeriesOptions DEFAULTS = new SeriesOptions(PeakFitOptions.DEFAULTS, LatticeOptions.DEFAULTS,
            WilliamsonHallOptions.DEFAULTS, InstrumentFunction.NONE, 16);

    public SeriesOptions {
        if (peaks == null || lattice == null || wh == null || instrument == null) {
            throw new IllegalArgumentException("series options must not be null");
        }
        Checks.requirePositive(chunkSize, "chunkSize");
    }

    /** @return a builder preset to these values: {@code DEFAULTS.toBuilder().a(..).b(..).build()}. */
    public SeriesOptionsBuilder toBuilder() {
        return with();
    }
}
