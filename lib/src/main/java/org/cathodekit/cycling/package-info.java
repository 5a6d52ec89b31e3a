/**
 * Cycling performance of cathode half-cells: cycle summary (capacity, efficiency, retention, onset
 * discharge voltage, IR drop), differential capacity dQ/dV and dV/dQ with peak pairing, and the
 * four-point-probe conductivity of paper C eq. 3.
 *
 * <ul>
 *   <li>{@link org.cathodekit.cycling.Cycles}: entry point of the cycle summary;
 *       {@link org.cathodekit.cycling.CycleOptions}, {@link org.cathodekit.cycling.CycleSummary},
 *       {@link org.cathodekit.cycling.CycleStats}, {@link org.cathodekit.cycling.CycleFlag},
 *       {@link org.cathodekit.cycling.OnsetDefinition}, {@link org.cathodekit.cycling.CycleSource};
 *       rows to cycles in package-private {@code CycleSegmentation};</li>
 *   <li>{@link org.cathodekit.cycling.Dqdv}: dQ/dV on a voltage grid + Savitzky-Golay, dV/dQ, peaks and
 *       pairs; {@link org.cathodekit.cycling.DqdvOptions}, {@link org.cathodekit.cycling.DqdvResult},
 *       {@link org.cathodekit.cycling.DqdvCurve}, {@link org.cathodekit.cycling.DqdvPeak},
 *       {@link org.cathodekit.cycling.PeakPair};</li>
 *   <li>{@link org.cathodekit.cycling.FourPointProbe}: resistivity and conductivity;
 *       {@link org.cathodekit.cycling.ProbeMeasurement}, {@link org.cathodekit.cycling.ProbeResult},
 *       {@link org.cathodekit.cycling.ProbeGeometry}, and the table reader
 *       {@link org.cathodekit.cycling.ProbeTable};</li>
 *   <li>{@link org.cathodekit.cycling.CyclingModel}: seeded forward model with planted fade, polarisation
 *       growth and an H2 -> H3 feature; {@link org.cathodekit.cycling.PlantedCycling} (paper A rod/gravel,
 *       paper C's four materials); its {@code main} writes {@code data-samples/cycling/}.</li>
 * </ul>
 * Depends on {@code core} and, for Savitzky-Golay, on {@code core.SavitzkyGolay}.
 */
package org.cathodekit.cycling;
