package org.cathodekit.gitt;

/** How current pulses are found in a time series. */
public enum PulseDetection {
    /**
     * Threshold with hysteresis on |I|: a pulse starts when |I| exceeds the on-threshold and ends when
     * it falls below the off-threshold (or the current changes sign).
     */
    CURRENT_HYSTERESIS,
    /**
     * Runs of equal step index whose mean |I| exceeds the on-threshold (needs a step column;
     * BioLogic {@code Ns}, Neware/Arbin {@code Step Index}, Maccor {@code Step}).
     */
    STEP_COLUMN
}
