/**
 * GITT: Li chemical diffusivity from galvanostatic intermittent titration (paper C, eq. 2, and the
 * Weppner-Huggins form).
 *
 * <ul>
 *   <li>{@link org.cathodekit.gitt.Gitt}: entry point ({@code analyse}) and the formulas;</li>
 *   <li>{@link org.cathodekit.gitt.GittOptions}, {@link org.cathodekit.gitt.GittResult},
 *       {@link org.cathodekit.gitt.GittPulse}, {@link org.cathodekit.gitt.DroppedPulse},
 *       {@link org.cathodekit.gitt.GittFlag}: options, results and diagnostics (as a Tablesaw table via {@code table.GittTables});</li>
 *   <li>{@link org.cathodekit.gitt.PulseDetection}, {@link org.cathodekit.gitt.PulseDirection}: conventions;</li>
 *   <li>{@link org.cathodekit.gitt.GittModel}, {@link org.cathodekit.gitt.GittModelOptions},
 *       {@link org.cathodekit.gitt.PlantedDiffusivity}, {@link org.cathodekit.gitt.GittSimulation}:
 *       the synthetic forward model with planted D(x) used by tests, samples and the notebook.</li>
 * </ul>
 * Input series are {@link org.cathodekit.core.CyclerData}, read from files by {@code io.CyclerReader}.
 * This package depends on {@code core} and Commons Math only.
 */
package org.cathodekit.gitt;
