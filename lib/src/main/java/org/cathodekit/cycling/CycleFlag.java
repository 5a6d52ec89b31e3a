package org.cathodekit.cycling;

/** What was found doubtful about one cycle. Flagged half-cycles get no efficiency and no retention. */
public enum CycleFlag {
    /** The cycle has no charge row (current above the threshold). */
    NO_CHARGE,
    /** The cycle has no discharge row. */
    NO_DISCHARGE,
    /** The file ends while the charge current still flows: the charge was cut off. */
    CHARGE_AT_FILE_END,
    /** The file ends while the discharge current still flows: the discharge was cut off. */
    DISCHARGE_AT_FILE_END,
    /** A time gap longer than {@link CycleOptions#maxGapS()} inside the charge: interrupted. */
    CHARGE_GAP,
    /** A time gap longer than {@link CycleOptions#maxGapS()} inside the discharge: interrupted. */
    DISCHARGE_GAP,
    /** Charge capacity below {@link CycleOptions#partialFraction()} of the median charge capacity: partial. */
    PARTIAL_CHARGE,
    /** Discharge capacity below {@link CycleOptions#partialFraction()} of the median discharge capacity: partial. */
    PARTIAL_DISCHARGE,
    /** The discharge comes before the charge in this cycle (anode-style or discharge-first protocols). */
    DISCHARGE_BEFORE_CHARGE,
    /** The onset could not be read: the discharge is shorter than the stated time or capacity. */
    ONSET_OUTSIDE_DISCHARGE,
    /** The integrated charge capacity differs from the cycler's own counter by more than the tolerance. */
    CHARGE_COUNTER_MISMATCH,
    /** The integrated discharge capacity differs from the cycler's own counter by more than the tolerance. */
    DISCHARGE_COUNTER_MISMATCH;

    /** @return true when the flag means the charge half-cycle is incomplete or interrupted. */
    public boolean makesChargeIncomplete() {
        return this == NO_CHARGE || this == CHARGE_AT_FILE_END || this == CHARGE_GAP || this == PARTIAL_CHARGE;
    }

    /** @return true when the flag means the discharge half-cycle is incomplete or interrupted. */
    public boolean makesDischargeIncomplete() {
        return this == NO_DISCHARGE || this == DISCHARGE_AT_FILE_END || this == DISCHARGE_GAP
                || this == PARTIAL_DISCHARGE;
    }
}
