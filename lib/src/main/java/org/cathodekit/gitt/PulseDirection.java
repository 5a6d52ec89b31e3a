package org.cathodekit.gitt;

/** Sign of a titration pulse; charge and discharge pulses are reported separately. */
public enum PulseDirection {
    /** I &gt; 0: delithiation of the positive electrode. */
    CHARGE,
    /** I &lt; 0: lithiation. */
    DISCHARGE
}
