package org.cathodekit.cycling;

import java.util.List;

/**
 * The result of {@link Cycles#summarise}: one {@link CycleStats} per cycle in file order, with the
 * resolved parameters.
 *
 * @param cycles              per-cycle values (unmodifiable)
 * @param options             the options used
 * @param source              where the cycle numbers came from ({@link CycleSource#CYCLE_COLUMN} or
 *                            {@link CycleSource#CURRENT_SIGN}, never AUTO)
 * @param currentThresholdA   the rest threshold used [A]
 * @param activeMassMg        the active mass used [mg] (NaN: none, no specific capacities)
 * @param massSource          {@code "option"}, {@code "file"} or {@code "none"}
 * @param referenceCycle      the retention reference cycle
 * @param referenceDischargeMAh discharge capacity of the reference cycle [mAh] (NaN when incomplete)
 * @param lastCompleteCycle   the last cycle with a complete discharge (-1 when none)
 * @param lastRetentionPct    retention of that cycle [%] (NaN when undefined)
 * @param countersCompared    true when the file had capacity counters and they were compared
 * @param warnings            what the analysis (and the reader) found doubtful (unmodifiable)
 */
public record CycleSummary(List<CycleStats> cycles, CycleOptions options, CycleSource source,
        double currentThresholdA, double activeMassMg, String massSource, int referenceCycle,
        double referenceDischargeMAh, int lastCompleteCycle, double lastRetentionPct, boolean countersCompared,
        List<String> warnings) {

    public CycleSummary {
        cycles = List.copyOf(cycles);
        warnings = List.copyOf(warnings);
    }

    /** @return the cycle numbered {@code cycle}, or null. */
    public CycleStats cycle(int cycle) {
        for (CycleStats c : cycles) {
            if (c.cycle() == cycle) {
                return c;
            }
        }
        return null;
    }
}
