package org.cathodekit.cycling;

import java.util.List;

/**
 * The result of {@link Dqdv#of}: both half-cycles of one cycle, their peaks and the charge/discharge pairs.
 *
 * @param cycle       cycle number
 * @param charge      the charge curve
 * @param discharge   the discharge curve
 * @param peaks       charge peaks then discharge peaks, each by ascending voltage (unmodifiable)
 * @param pairs       paired peaks by ascending charge voltage (unmodifiable)
 * @param smoothingWindowPoints the Savitzky-Golay window used, in grid points (1: none)
 * @param options     the options used
 */
public record DqdvResult(int cycle, DqdvCurve charge, DqdvCurve discharge, List<DqdvPeak> peaks, List<PeakPair> pairs,
        int smoothingWindowPoints, DqdvOptions options) {

    public DqdvResult {
        peaks = List.copyOf(peaks);
        pairs = List.copyOf(pairs);
    }

    /** @return the pair in the H2 -> H3 window with the highest charge voltage, or null. */
    public PeakPair h2h3() {
        PeakPair best = null;
        for (PeakPair p : pairs) {
            if (p.h2h3() && (best == null || p.charge().voltageV() > best.charge().voltageV())) {
                best = p;
            }
        }
        return best;
    }

    /** @return the peaks of one direction. */
    public List<DqdvPeak> peaks(Direction d) {
        return peaks.stream().filter(p -> p.direction() == d).toList();
    }
}
