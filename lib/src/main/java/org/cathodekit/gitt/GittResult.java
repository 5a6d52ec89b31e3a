package org.cathodekit.gitt;

import java.util.List;

/**
 * Result of {@link Gitt#analyse}: analysed pulses, dropped pulses with reasons and the resolved
 * parameters (thresholds actually used). As a Tablesaw table: {@code table.GittTables.pulses(result)}.
 *
 * @param options          the options used
 * @param onThresholdA     resolved on-threshold [A]
 * @param offThresholdA    resolved off-threshold [A]
 * @param rows             rows in the input series
 * @param pulses           analysed pulses in file order (unmodifiable)
 * @param dropped          pulses found but not analysed (unmodifiable)
 * @param warnings         rows left out by the plausibility rules of {@link org.cathodekit.core.Plausibility}
 *                         (voltage outside the plausible range, non-finite current), with counts; empty for clean data
 */
public record GittResult(GittOptions options, double onThresholdA, double offThresholdA, int rows,
        List<GittPulse> pulses, List<DroppedPulse> dropped, List<String> warnings) {

    /** A result without warnings. */
    public GittResult(GittOptions options, double onThresholdA, double offThresholdA, int rows,
            List<GittPulse> pulses, List<DroppedPulse> dropped) {
        this(options, onThresholdA, offThresholdA, rows, pulses, dropped, List.of());
    }

    public GittResult {
        warnings = List.copyOf(warnings);
        pulses = List.copyOf(pulses);
        dropped = List.copyOf(dropped);
    }

    /** @return the pulses of one direction (charge and discharge are analysed separately). */
    public List<GittPulse> pulses(PulseDirection direction) {
        return pulses.stream().filter(p -> p.direction() == direction).toList();
    }

    /** @return the number of pulses carrying {@code flag}. */
    public long count(GittFlag flag) {
        return pulses.stream().filter(p -> p.flags().contains(flag)).count();
    }
}
