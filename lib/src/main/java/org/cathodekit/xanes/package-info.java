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
 * ({@code Hdf5XanesStack} reads FXI / TXM-Sandbox / Data Exchange stacks slab by slab,
 * {@code Hdf5XanesStackWriter} writes them, {@code Hdf5MapFile} writes and reads map files,
 * {@code SpectrumFile} reads two-column text and XDI spectra, {@code XanesSampleFiles} makes the
 * synthetic data samples). Command line: {@code cathodekit xanes map|spectrum|hist|diff}.
 *
 * <p>Map files written by jhdf 0.13.0 (superblock v3, object header v2) were checked with Debian's
 * HDF5 1.10.8 (h5py 3 and h5dump) in the tests; jhdf 0.13.0 output is also read by HDF5 1.14
 * (h5wasm) according to the project's measurements. HDF5 1.8 cannot read superblock v3 files.
 */
package org.cathodekit.xanes;
