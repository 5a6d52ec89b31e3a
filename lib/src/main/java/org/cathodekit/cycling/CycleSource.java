package org.cathodekit.cycling;

/** Where the cycle numbers of a {@link CycleSummary} came from. */
public enum CycleSource {
    /** The file's own cycle column, used as written (numbers kept; they must never decrease). */
    CYCLE_COLUMN,
    /**
     * Current sign changes: a cycle starts at the first charge row (current above {@code +threshold})
     * after a discharge row or at the first charge of the file, and holds that charge and everything
     * up to the next such charge (so one cycle = charge, then discharge, as in cathode testing). Rows
     * before the first charge form cycle 0. Rests (|I| at most the threshold) never start a cycle.
     */
    CURRENT_SIGN,
    /** Use the cycle column when the file has one, else {@link #CURRENT_SIGN} (the default). */
    AUTO
}
