package org.cathodekit.cycling;

import java.util.Set;

/**
 * One cycle of a {@link CycleSummary}. Capacities are trapezoid integrals of |I| over time of the
 * rows of one current sign: {@code Q = sum 0.5 (|I_(i-1)| + |I_i|)(t_i - t_(i-1))} over the intervals
 * whose two rows have that sign (intervals that straddle a rest or a sign change are not counted: a
 * cycler logs the last point of a step at its end). Energies integrate {@code |I| V} the same way.
 * Values that do not apply are NaN.
 *
 * @param cycle                 cycle number (the file's, or counted from current sign changes)
 * @param firstRow              first row (0-based) of the cycle
 * @param lastRow               last row of the cycle
 * @param chargeMAh             charge capacity [mAh]
 * @param dischargeMAh          discharge capacity [mAh]
 * @param chargeMAhPerG         charge capacity per gram of active material [mAh/g] (NaN without a mass)
 * @param dischargeMAhPerG      discharge capacity [mAh/g]
 * @param coulombicEfficiency   {@code Q_dis / Q_ch} of the cycle (NaN unless both halves are complete)
 * @param chargeEnergyMWh       charge energy [mWh]
 * @param dischargeEnergyMWh    discharge energy [mWh]
 * @param energyEfficiency      {@code E_dis / E_ch} (NaN unless both halves are complete)
 * @param meanChargeV           {@code E_ch / Q_ch} [V]
 * @param meanDischargeV        {@code E_dis / Q_dis} [V]
 * @param chargeEndV            voltage of the last charge row [V]
 * @param dischargeEndV         voltage of the last discharge row [V]
 * @param onsetDischargeV       onset discharge voltage by {@link CycleOptions#onset()} [V]
 * @param irDropV               voltage of the row just before the first discharge row (end of charge, or
 *                              end of the rest after it) minus the first discharge row's voltage [V]
 * @param retentionPct          {@code 100 Q_dis / Q_dis(reference)} (NaN unless this and the reference
 *                              discharge are complete)
 * @param counterChargeMAh      the cycler's own charge capacity for the cycle [mAh] (NaN when the file
 *                              has no counter): sum of the counter's increments, a drop (reset at a
 *                              step or cycle start) counting as a restart from zero
 * @param counterDischargeMAh   the same for the discharge counter [mAh]
 * @param chargeComplete        true when the charge is present and not flagged incomplete
 * @param dischargeComplete     true when the discharge is present and not flagged incomplete
 * @param flags                 what was found doubtful (unmodifiable)
 */
public record CycleStats(int cycle, int firstRow, int lastRow, double chargeMAh, double dischargeMAh,
        double chargeMAhPerG, double dischargeMAhPerG, double coulombicEfficiency, double chargeEnergyMWh,
        double dischargeEnergyMWh, double energyEfficiency, double meanChargeV, double meanDischargeV,
        double chargeEndV, double dischargeEndV, double onsetDischargeV, double irDropV, double retentionPct,
        double counterChargeMAh, double counterDischargeMAh, boolean chargeComplete, boolean dischargeComplete,
        Set<CycleFlag> flags) {

    public CycleStats {
        flags = Set.copyOf(flags);
    }

    /** @return true when both half-cycles are complete (efficiencies are defined). */
    public boolean complete() {
        return chargeComplete && dischargeComplete;
    }

    /** @return a copy with the retention set (used once the reference is known). */
    CycleStats withRetentionPct(double pct) {
        return new CycleStats(cycle, firstRow, lastRow, chargeMAh, dischargeMAh, chargeMAhPerG, dischargeMAhPerG,
                coulombicEfficiency, chargeEnergyMWh, dischargeEnergyMWh, energyEfficiency, meanChargeV,
                meanDischargeV, chargeEndV, dischargeEndV, onsetDischargeV, irDropV, pct, counterChargeMAh,
                counterDischargeMAh, chargeComplete, dischargeComplete, flags);
    }
}
