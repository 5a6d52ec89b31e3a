package org.cathodekit.cycling;

/** Half-cycle direction. */
public enum Direction {
    /** current positive (delithiation of the cathode) */
    CHARGE,
    /** current negative */
    DISCHARGE
}
