package org.cathodekit.synthetic;

import org.cathodekit.core.Checks;

/**
 * A local state-of-charge (SoC) field on a {@link Particle}: a dimensionless "valence coordinate",
 * 0 for the pristine reference and about 1 for the charged state (heating past decomposition may
 * push it below 0: Ni reduced below the pristine valence).
 *
 * <p>At a voxel with normalised radius rho and grain-boundary distance d (voxels):
 * <pre>
 *   soc = meanSoc + widthFactor * [ surfaceDeltaSoc * (rho - &lt;rho&gt;)
 *                                 + grainBoundaryDeltaSoc * (exp(-d / grainBoundaryDecayVox) - &lt;exp(-d/lambda)&gt;)
 *                                 + noiseSdSoc * N(0, 1) ]
 * </pre>
 * The first term is paper A's "surface-to-bulk" gradient (surface more delithiated when
 * {@code surfaceDeltaSoc > 0}); the second the grain-boundary-to-interior gradient inside each grain
 * (boundaries more delithiated); the third white noise, one standard normal draw per voxel from a
 * {@code SplittableRandom} seeded by (particle seed, z-slice), so fields are identical for any slab
 * size or thread count and the same noise realisation is shared by every state of one particle
 * (co-registered heating series). The brackets &lt;.&gt; are means over the particle
 * ({@link Particle#meanNormalizedRadius()}, {@link Particle#meanBoundaryTerm(double)}), so the mean
 * SoC of the particle is {@code meanSoc} to within about 0.01 * widthFactor.
 *
 * @param meanSoc                 mean SoC over the particle
 * @param surfaceDeltaSoc         SoC difference surface minus centre of the surface-to-bulk term
 * @param grainBoundaryDeltaSoc   SoC excess at a grain boundary relative to a grain interior
 * @param grainBoundaryDecayVox   decay length of the grain-boundary term (voxels, > 0)
 * @param noiseSdSoc              standard deviation of the voxel noise (SoC units, >= 0)
 * @param widthFactor             scale of all deviations from the mean (1 = as given; heating narrows it)
 */
public record SocField(double meanSoc, double surfaceDeltaSoc, double grainBoundaryDeltaSoc,
        double grainBoundaryDecayVox, double noiseSdSoc, double widthFactor) {

    /** The charged state of paper A used by default: mean 0.87 (with {@link SocEnergyMap#DEFAULTS}: 8344.4 eV). */
    public static final SocField DEFAULTS = new SocField(0.87, 0.30, 0.25, 2.0, 0.08, 1.0);

    /** A pristine particle: mean SoC 0, weak structure, noise only. */
    public static final SocField PRISTINE = new SocField(0.0, 0.02, 0.02, 2.0, 0.05, 1.0);

    public SocField {
        Checks.requireFinite(meanSoc, "meanSoc");
        Checks.requireFinite(surfaceDeltaSoc, "surfaceDeltaSoc");
        Checks.requireFinite(grainBoundaryDeltaSoc, "grainBoundaryDeltaSoc");
        Checks.requirePositive(grainBoundaryDecayVox, "grainBoundaryDecayVox");
        Checks.requireNonNegative(noiseSdSoc, "noiseSdSoc");
        Checks.requireNonNegative(widthFactor, "widthFactor");
    }

    /**
     * Paper A's charged particles: rod mean SoC 0.87 (8344.4 eV), gravel 0.93 (8344.5 eV) with
     * {@link SocEnergyMap#DEFAULTS}; identical gradients otherwise (the microstructure makes the difference).
     */
    public static SocField charged(Microstructure m) {
        return DEFAULTS.withMeanSoc(m == Microstructure.ROD ? 0.87 : 0.93);
    }

    /** Paper A's pristine particles: rod mean SoC 0.08 (8343.22 eV), gravel 0.0 (8343.10 eV): ~0.12 eV apart. */
    public static SocField pristine(Microstructure m) {
        return PRISTINE.withMeanSoc(m == Microstructure.ROD ? 0.08 : 0.0);
    }

    public SocField withMeanSoc(double v) {
        return new SocField(v, surfaceDeltaSoc, grainBoundaryDeltaSoc, grainBoundaryDecayVox, noiseSdSoc, widthFactor);
    }

    public SocField withSurfaceDeltaSoc(double v) {
        return new SocField(meanSoc, v, grainBoundaryDeltaSoc, grainBoundaryDecayVox, noiseSdSoc, widthFactor);
    }

    public SocField withGrainBoundaryDeltaSoc(double v) {
        return new SocField(meanSoc, surfaceDeltaSoc, v, grainBoundaryDecayVox, noiseSdSoc, widthFactor);
    }

    public SocField withGrainBoundaryDecayVox(double v) {
        return new SocField(meanSoc, surfaceDeltaSoc, grainBoundaryDeltaSoc, v, noiseSdSoc, widthFactor);
    }

    public SocField withNoiseSdSoc(double v) {
        return new SocField(meanSoc, surfaceDeltaSoc, grainBoundaryDeltaSoc, grainBoundaryDecayVox, v, widthFactor);
    }

    public SocField withWidthFactor(double v) {
        return new SocField(meanSoc, surfaceDeltaSoc, grainBoundaryDeltaSoc, grainBoundaryDecayVox, noiseSdSoc, v);
    }
}
