/**
 * Thermogravimetry (TGA) of charged cathodes: onset of oxygen release and oxygen remaining (paper B:
 * rapid weight-loss onset 234 C gravel vs 217 C rod, remaining O per formula unit).
 *
 * <ul>
 *   <li>{@link org.cathodekit.thermal.Tga}: entry point, mass %, Savitzky-Golay DTG, onsets; its steps
 *       live in package-private {@code DtgCurve} (heating segment, smoothing, DTG, reference mass, noise),
 *       {@code DtgPeak} (DTG extremum), {@code Baseline} (pre-step line) and {@code OnsetConstruction}
 *       (the four onset definitions), helpers in {@code TgaMath};</li>
 *   <li>{@link org.cathodekit.thermal.TgaOptions}, {@link org.cathodekit.thermal.TgaResult},
 *       {@link org.cathodekit.thermal.Onset}: options, result (with {@code warnings}: a step not complete at
 *       the end of the heating, or already under way at its start), onset with its construction;</li>
 *   <li>{@link org.cathodekit.thermal.OnsetMethod}: ISO 11358-1 extrapolated onset, ASTM E2550 first
 *       deviation, DTG threshold, fixed mass loss; {@link org.cathodekit.thermal.MassReference};</li>
 *   <li>{@link org.cathodekit.core.SavitzkyGolay}: local polynomial smoothing/derivative on any grid;</li>
 *   <li>{@link org.cathodekit.thermal.ChemicalFormula}: formula parser, CIAAW 2021 atomic weights;</li>
 *   <li>{@link org.cathodekit.thermal.OxygenLoss}, {@link org.cathodekit.thermal.OxygenCurve}: delta and
 *       O per formula unit vs temperature;</li>
 *   <li>{@link org.cathodekit.thermal.Replicates}: mean and standard deviation over replicates;</li>
 *   <li>{@link org.cathodekit.thermal.Thermogram}: a curve in memory (readers are in
 *       {@code org.cathodekit.io.TgaReader});</li>
 *   <li>{@link org.cathodekit.thermal.SyntheticTga}: seeded forward model of rod/gravel powders.</li>
 * </ul>
 */
package org.cathodekit.thermal;
