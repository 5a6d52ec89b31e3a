package org.cathodekit.cycling;

import org.cathodekit.core.Checks;
import org.cathodekit.core.OptionsRecord;

/**
 * Options of {@link Cycles#summarise}. Use {@link #DEFAULTS} and the {@code withX} copies, or
 * {@link #toBuilder()} for several changes at once.
 *
 * @param activeMassMg          active-material mass [mg]; NaN: use the mass stated in the file (no
 *                              specific capacities when it states none). Must be positive when given.
 * @param referenceCycle        the cycle (as numbered in the output) whose discharge capacity is 100 %
 *                              retention; default 2, the 2nd discharge the papers use
 * @param onset                 onset discharge voltage definition
 * @param onsetAmount           seconds ({@link OnsetDefinition#AT_TIME_INTO_DISCHARGE}) or mAh/g
 *                              ({@link OnsetDefinition#AT_CAPACITY_INTO_DISCHARGE}); unused for the first point
 * @param cycleSource           where the cycle numbers come from
 * @param currentThresholdA     |I| at most this is rest [A]; NaN: 1e-3 of the largest |I| in the file
 *                              (documented relative rule: cycler zero-current offsets are far below it)
 * @param maxGapS               a time gap longer than this inside a half-cycle marks it interrupted [s]
 * @param partialFraction       a half-cycle with less than this fraction of the median capacity of its
 *                              direction is partial (0 disables)
 * @param counterToleranceRel   relative tolerance of integrated capacity vs the cycler's counter
 * @param counterToleranceAbsMAh absolute floor of that tolerance [mAh] (the counter's resolution)
 */
@OptionsRecord
public record CycleOptions(double activeMassMg, int referenceCycle, OnsetDefinition onset, double onsetAmount,
        CycleSource cycleSource, double currentThresholdA, double maxGapS, double partialFraction,
        double counterToleranceRel, double counterToleranceAbsMAh)
        implements CycleOptionsBuilder.With {

    /** A typical onset time into the discharge [s] for {@link OnsetDefinition#AT_TIME_INTO_DISCHARGE} (unused by the default). */
    public static final double DEFAULT_ONSET_S = 10.0;
    /** Relative current threshold used when {@code currentThresholdA} is NaN. */
    public static final double RELATIVE_CURRENT_THRESHOLD = 1e-3;

    /**
     * Defaults: mass from the file, reference cycle 2, onset at the first discharge point, cycles from the
     * file's column when present, relative current threshold, 1 h gap, partial below 50 % of the median,
     * counters checked to 1 % or 0.001 mAh.
     */
    public static final CycleOptions DEFAULTS = new CycleOptions(Double.NaN, 2, OnsetDefinition.FIRST_POINT,
            DEFAULT_ONSET_S, CycleSource.AUTO, Double.NaN, 3600, 0.5, 0.01, 0.001);

    public CycleOptions {
        if (!Double.isNaN(activeMassMg) && !(activeMassMg > 0 && Double.isFinite(activeMassMg))) {
            throw new IllegalArgumentException("active mass must be a positive number of mg, got " + activeMassMg);
        }
        if (onset == null || cycleSource == null) {
            throw new IllegalArgumentException("onset definition and cycle source must be given");
        }
        if (onset != OnsetDefinition.FIRST_POINT) {
            Checks.requireNonNegative(onsetAmount, "onset amount (" + (onset == OnsetDefinition.AT_TIME_INTO_DISCHARGE
                    ? "s" : "mAh/g") + " into the discharge)");
            Checks.requireFinite(onsetAmount, "onset amount");
        }
        if (!Double.isNaN(currentThresholdA)) {
            Checks.requireNonNegative(currentThresholdA, "current threshold [A]");
        }
        Checks.requirePositive(maxGapS, "max gap [s]");
        Checks.requireInRange(partialFraction, 0, 1, "partial fraction");
        Checks.requireNonNegative(counterToleranceRel, "counter tolerance (relative)");
        Checks.requireNonNegative(counterToleranceAbsMAh, "counter tolerance [mAh]");
    }

    /** @param amount seconds or mAh/g into the discharge (ignored for {@link OnsetDefinition#FIRST_POINT}) */
    public CycleOptions withOnset(OnsetDefinition definition, double amount) {
        return toBuilder().onset(definition).onsetAmount(amount).build();
    }

    public CycleOptions withCounterTolerance(double relative, double absMAh) {
        return toBuilder().counterToleranceRel(relative).counterToleranceAbsMAh(absMAh).build();
    }

    /** @return a builder preset to these values: {@code DEFAULTS.toBuilder().a(..).b(..).build()}. */
    public CycleOptionsBuilder toBuilder() {
        return with();
    }
}
