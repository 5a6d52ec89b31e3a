package org.cathodekit.cycling;

/**
 * A charge peak and the discharge peak paired with it (order-preserving one-to-one matching, see
 * {@code Dqdv.pair}; hysteresis within {@link DqdvOptions#maxPairSeparationV()}).
 *
 * @param charge       the charge peak
 * @param discharge    the discharge peak
 * @param hysteresisV  {@code V_charge - V_discharge} [V]
 * @param h2h3         true when the charge peak lies in the H2 -> H3 window
 *                     [{@link DqdvOptions#H2_H3_LOW_V}, {@link DqdvOptions#H2_H3_HIGH_V}]
 */
public record PeakPair(DqdvPeak charge, DqdvPeak discharge, double hysteresisV, boolean h2h3) {
}
