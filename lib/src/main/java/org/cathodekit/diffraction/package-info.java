/**
 * X-ray diffraction: peak fitting, Williamson-Hall microstrain, lattice parameters and in-situ
 * lattice evolution (issue 6; papers A and C, see {@code ../shared/docs/SCIENCE.md}).
 *
 * <h2>Entry points</h2>
 * <ul>
 *   <li>{@link org.cathodekit.diffraction.PeakFitting}: single/multi-peak Levenberg-Marquardt fits
 *       with polynomial background, {@link org.cathodekit.diffraction.Profile} (Lorentzian, Gaussian,
 *       pseudo-Voigt), the K-alpha2 doublet ({@link org.cathodekit.diffraction.KAlpha2}) and the optional
 *       axial-divergence asymmetry ({@link org.cathodekit.diffraction.AxialDivergence}, Finger-Cox-Jephcoat,
 *       refined per pattern by {@link org.cathodekit.diffraction.AxialDivergenceFit});
 *       results {@link org.cathodekit.diffraction.PeakResult} with {@link org.cathodekit.diffraction.FitStatus}.</li>
 *   <li>{@link org.cathodekit.diffraction.InstrumentFunction}: Caglioti fit on a standard
 *       ({@link org.cathodekit.diffraction.StandardMaterial} LaB6 SRM 660c, CeO2 SRM 674b), removed with the
 *       {@link org.cathodekit.diffraction.BroadeningCorrection} consistent with the profile.</li>
 *   <li>{@link org.cathodekit.diffraction.WilliamsonHall}: paper C eq. 4, size D and microstrain eps with
 *       standard errors, R^2, per-peak residuals and Scherrer sizes.</li>
 *   <li>{@link org.cathodekit.diffraction.LatticeFit}: indexing and least-squares refinement of R-3m
 *       (hexagonal setting) or cubic lattices with optional zero shift (transmission, Debye-Scherrer) and
 *       Bragg-Brentano sample displacement {@code -2 s cos(theta)/R}, esd's; (003)/(104) ratio.</li>
 *   <li>{@link org.cathodekit.diffraction.PeakWeights} / {@link org.cathodekit.diffraction.Weighting}: the one
 *       weighting rule of every peak fit, whatever the file format.</li>
 *   <li>{@link org.cathodekit.diffraction.FitWarnings}: what was doubtful (low window R^2, a default
 *       layered-oxide list on another material, negative strain, peaks removed by the instrument).</li>
 *   <li>{@link org.cathodekit.diffraction.Wavelengths}: Bragg conversions (synchrotron to Cu K-alpha).</li>
 *   <li>{@link org.cathodekit.diffraction.DiffractionSeries}: in-situ series to a(t), c(t), V(t),
 *       microstrain(t), deterministic for any thread count.</li>
 *   <li>{@link org.cathodekit.diffraction.SyntheticPatterns}: the seeded, documented forward model of
 *       synthetic patterns with planted size, strain and lattice (K-alpha2 included).</li>
 * </ul>
 *
 * <p>Units: angles in degrees 2-theta unless the name says {@code Rad}; wavelengths and lattice
 * parameters in Angstrom; sizes in nm; W-H axes in 1/Angstrom. Patterns are
 * {@link org.cathodekit.core.DiffractionPattern} with a {@link org.cathodekit.core.XrdWavelength};
 * files are read by {@code io.PatternReader}; the command line is in {@code cli.WhCommand} and
 * {@code cli.LatticeCommand}. This package depends on {@code core} and Commons Math only.
 */
package org.cathodekit.diffraction;
