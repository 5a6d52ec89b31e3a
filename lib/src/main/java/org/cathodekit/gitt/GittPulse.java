package org.cathodekit.gitt;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One analysed titration pulse. Potentials in V, times in s, D in m^2/s.
 *
 * @param index              0-based index among analysed pulses (file order)
 * @param direction          charge or discharge
 * @param firstRow           row of the first sample with the current on
 * @param lastRow            row of the last sample with the current on
 * @param startS             t_start: time of the first sample with the current on [s]
 * @param tauS               tau = t(last on-sample) - t_start [s]
 * @param currentA           mean current during the pulse [A]
 * @param currentRelStd      std/|mean| of the pulse current
 * @param eBeforeV           relaxed potential before: last rest sample before the pulse [V]
 * @param eAfterV            relaxed potential after: last sample of the following rest [V]
 * @param dEsV               dE_s = E_after - E_before [V]
 * @param irDropV            E(t_start) - E_before: the ohmic step at the switch [V]
 * @param dEtV               E(last on-sample) - E(t_start): the transient without the IR drop [V]
 * @param slopeVPerSqrtS     least-squares dE/dsqrt(t - t_start) in the window [V/s^0.5]
 * @param r2                 R^2 of that fit
 * @param windowPoints       samples in the window
 * @param dM2PerS            eq. 2 of paper C [m^2/s]
 * @param dWhM2PerS          Weppner-Huggins with dE_t [m^2/s]
 * @param dWhMassFormM2PerS  Weppner-Huggins (m, V_M, M, S) form [m^2/s]; NaN when not configured
 * @param restS              duration of the following rest [s]
 * @param restEndSlopeVPerS  dV/dt fitted over the end of the following rest [V/s]
 * @param liContentAfter     Li content x after the pulse from integrated current; NaN without mass
 * @param capacityMAhPerG    charge passed since the file start at the end of the pulse [mAh/g]; NaN without mass
 * @param ocvNonlinearity    relative change of the relaxed-potential step between this titration and its
 *                           neighbours, an estimate of |E''| dx/|E'| over one titration (dimensionless):
 *                           <pre>  kappa_k = max(|dE_s,k - dE_s,k-1|, |dE_s,k+1 - dE_s,k|) / |dE_s,k|</pre>
 *                           over the neighbours k-1, k+1 that exist and are analysed pulses of the same
 *                           direction adjacent in file order; NaN when there is none (a lone pulse).
 *                           Reasoning: eq. 2 and Weppner-Huggins assume a linear titration curve E(x) over
 *                           the pulse, so that the chord dE_s/dx and the local slope dE/dx_s that converts
 *                           the surface-content transient into the sqrt(t) slope are the same. With
 *                           dE_s,k ~ E' dx, the difference of neighbouring steps is ~ E'' dx^2, so
 *                           kappa ~ |E''| dx/|E'|: the relative change of dE/dx across one titration. D
 *                           goes with (dE_s/slope)^2, so its relative error is about 2 kappa (more where the
 *                           surface content moves further than dx during the pulse). The one-sided maximum,
 *                           not the central difference, is used so that an inflection (E'' = 0 but E'''
 *                           large, the middle of an OCV step) is caught as well.
 * @param flags              diagnostics (unmodifiable)
 *
 * <p>JSON and table keys ({@code core.JsonOutput}): the components' names by the unit rule
 * ({@code tau_s}, {@code slope_V_per_sqrt_s}), except the symbols of the papers kept as written there
 * ({@code E_before_V}, {@code dEs_V}, {@code D_m2_s}, ...: the {@code @JsonProperty} names).
 */
public record GittPulse(int index, PulseDirection direction, int firstRow, int lastRow, double startS, double tauS,
        double currentA, double currentRelStd, @JsonProperty("E_before_V") double eBeforeV,
        @JsonProperty("E_after_V") double eAfterV, @JsonProperty("dEs_V") double dEsV, double irDropV,
        @JsonProperty("dEt_V") double dEtV, double slopeVPerSqrtS, double r2, int windowPoints,
        @JsonProperty("D_m2_s") double dM2PerS, @JsonProperty("D_wh_m2_s") double dWhM2PerS,
        @JsonProperty("D_wh_mass_form_m2_s") double dWhMassFormM2PerS, double restS, double restEndSlopeVPerS, double liContentAfter,
        double capacityMAhPerG, double ocvNonlinearity, Set<GittFlag> flags) {

    public GittPulse {
        flags = Collections.unmodifiableSet(flags.isEmpty() ? EnumSet.noneOf(GittFlag.class) : EnumSet.copyOf(flags));
    }

    /** @return whether no diagnostic was raised. */
    public boolean clean() {
        return flags.isEmpty();
    }
}
