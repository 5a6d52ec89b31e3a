/**
 * Synthetic Ni-rich cathode secondary particles with planted truth, for teaching labs, tests and
 * data samples.
 *
 * <ul>
 *   <li>{@link org.cathodekit.synthetic.Synthetic}: the entry point (particles, SoC/edge/white-line
 *       volumes and maps, 2D/3D spectra stacks, slab streaming);</li>
 *   <li>{@link org.cathodekit.synthetic.ParticleOptions}, {@link org.cathodekit.synthetic.Particle},
 *       {@link org.cathodekit.synthetic.Microstructure}: ellipsoidal particles of rod (radially
 *       elongated) or gravel (equiaxed, randomly packed) grains;</li>
 *   <li>{@link org.cathodekit.synthetic.SocField}: surface-to-bulk + grain-boundary-to-interior +
 *       noise SoC fields (paper A, Xu et al., Nat. Commun. 11, 83 (2020)), with an optional grain-boundary
 *       contrast that is weaker in radially aligned grains ({@code alignedGrainContrastFactor}, off by default);</li>
 *   <li>{@link org.cathodekit.synthetic.SocEnergyMap}: linear SoC to edge-energy map;</li>
 *   <li>{@link org.cathodekit.synthetic.SpectrumModel}, {@link org.cathodekit.synthetic.PeakProfile}:
 *       arctan edge + white line + linear background + noise;</li>
 *   <li>{@link org.cathodekit.synthetic.HeatingSeries}: paper B's (Hou, Xu et al.) white-line means at
 *       25/150/200/250 C with narrowing widths.</li>
 * </ul>
 *
 * <p>Everything is seeded ({@code SplittableRandom} per (seed, stream, z-slice)) and regenerable;
 * results do not depend on the thread count or slab size.
 */
package org.cathodekit.synthetic;
