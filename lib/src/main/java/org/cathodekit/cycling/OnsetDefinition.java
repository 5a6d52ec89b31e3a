package org.cathodekit.cycling;

/**
 * Where on the discharge curve the "onset discharge voltage" is read (paper A: the voltage at the start
 * of the discharge curve, i.e. after the polarisation (IR) drop from the upper cut-off; rod 4.46 V at
 * the 2nd cycle, 4.43 V at the 100th).
 *
 * <p>The amount that goes with the definition is {@link CycleOptions#onsetAmount()}.
 */
public enum OnsetDefinition {
    /**
     * The voltage of the first discharge row of the cycle (amount unused); the default. Cyclers log the
     * first row of a step just after the current is applied, i.e. after the IR drop: this is the
     * "onset voltage" of the cyclers' own step tables (Neware's {@code Oneset Volt.}) and paper A's
     * "voltage at the start of the discharge curve".
     */
    FIRST_POINT,
    /**
     * The voltage linearly interpolated at {@code t_first + amount} seconds into the discharge (the first
     * contiguous discharge run), e.g. 10 s: independent of when the cycler logs the first row (a logger
     * that writes its first row late, or by voltage change, shifts {@link #FIRST_POINT}). The curve is
     * steep at the top of charge: on {@link CyclingModel} at C/5 the value 10 s in is ~5 mV below the
     * first point.
     */
    AT_TIME_INTO_DISCHARGE,
    /**
     * The voltage linearly interpolated where the discharged specific capacity reaches {@code amount}
     * mAh/g (needs the active mass).
     */
    AT_CAPACITY_INTO_DISCHARGE
}
