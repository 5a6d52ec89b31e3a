/**
 * TXM-XANES imaging at the Ni K-edge: per-voxel edge and white-line energies of 2D/3D stacks,
 * their statistics, and energy-to-valence calibration (papers A and B of {@code SCIENCE.md}).
 *
 * <ul>
 *   <li>{@link org.cathodekit.xanes.Xanes}: entry point; {@code spectrum(...)} for one spectrum,
 *       {@code maps(...)} streams a {@link org.cathodekit.xanes.StackSource} into
 *       {@link org.cathodekit.xanes.EdgeMaps} (edge50, whiteline, edge jump, status).</li>
 *   <li>{@link org.cathodekit.xanes.EdgeOptions}: windows ({@link org.cathodekit.xanes.EnergyWindow}),
 *       masking rule, {@link org.cathodekit.xanes.Normalisation}, {@link org.cathodekit.xanes.WhitelineFit}.</li>
 *   <li>{@link org.cathodekit.xanes.VoxelStatus}, {@link org.cathodekit.xanes.StatusMap},
 *       {@link org.cathodekit.xanes.StatusCounts}: why a voxel has no value.</li>
 *   <li>{@link org.cathodekit.xanes.XanesStatistics}: {@link org.cathodekit.xanes.Summary},
 *       shared-bin {@link org.cathodekit.xanes.HistogramSet}, difference maps;
 *       {@link org.cathodekit.xanes.ValenceCalibration}.</li>
 * </ul>
 *
 * <p>Axis order everywhere: stacks {@code [energy][z][y][x]} (2D: depth 1), maps {@code [z][y][x]};
 * energies in eV. Readers and writers for HDF5 files are in {@code org.cathodekit.io}
 * ({@code Hdf5XanesStack}, {@code Hdf5MapFile}, {@code SpectrumFile}).
 */
package org.cathodekit.xanes;
