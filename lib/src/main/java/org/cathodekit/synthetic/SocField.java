package org.cathodekit.synthetic;

import org.cathodekit.core.Checks;
import org.cathodekit.core.OptionsRecord;

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
 * <h2>Grain-boundary contrast of radially aligned grains (optional)</h2>
 * With {@code alignedGrainContrastFactor = k < 1} the grain-boundary term of a voxel is multiplied by
 * <pre>
 *   c(alpha) = 1 - (1 - k) * cos^2(alpha)
 * </pre>
 * where alpha is the angle between the long axis of the voxel's grain and the radial direction at
 * the voxel (particle centre to voxel), and the centring mean becomes {@code <c * exp(-d/lambda)>}.
 * Physical motivation (a forward-model <em>assumption</em>, not a measured law): Li moves fastest
 * along the layers of a primary grain; a grain whose long axis points radially (rod-NMC) offers a
 * continuous pathway from the particle surface to the core, so the lag of the grain interior behind
 * its boundaries, and with it the grain-boundary-to-interior SoC contrast, is weaker than in grains
 * that present boundaries across the radial Li flux. Only elongated grains have a long axis: the rod
 * cones ({@link Microstructure#ROD} outside the core) get {@code cos(alpha)} = cosine between the cone
 * axis and the voxel's radial direction (close to 1); equiaxed grains (gravel, the rod core) have no
 * long axis and keep {@code c = 1}. {@code k = 1} (the default everywhere) switches the effect off and
 * reproduces the fields of earlier versions bit for bit; {@code k = 0} removes the grain-boundary
 * term in radially aligned grains.
 *
 * @param meanSoc                 mean SoC over the particle
 * @param surfaceDeltaSoc         SoC difference surface minus centre of the surface-to-bulk term
 * @param grainBoundaryDeltaSoc   SoC excess at a grain boundary relative to a grain interior
 * @param grainBoundaryDecayVox   decay length of the grain-boundary term (voxels, > 0)
 * @param noiseSdSoc              standard deviation of the voxel noise (SoC units, >= 0)
 * @param widthFactor             scale of all deviations from the mean (1 = as given; heating narrows it)
 * @param alignedGrainContrastFactor  k in [0, 1]: fraction of the grain-boundary contrast kept in a grain
 *                                whose long axis is radial (1 = no orientation dependence, the default)
 */
@OptionsRecord
public record SocField(double meanSoc, double surfaceDeltaSoc, double grainBoundaryDeltaSoc,
        double grainBoundaryDecayVox, double noiseSdSoc, double widthFactor, double alignedGrainContrastFactor)
        implements SocFieldBuilder.With {

    /** A field without orientation dependence of the grain-boundary contrast ({@code alignedGrainContrastFactor = 1}). */
    public SocField(double meanSoc, double surfaceDeltaSoc, double grainBoundaryDeltaSoc,
            double grainBoundaryDecayVox, double noiseSdSoc, double widthFactor) {
        this(meanSoc, surfaceDeltaSoc, grainBoundaryDeltaSoc, grainBoundaryDecayVox, noiseSdSoc, widthFactor, 1.0);
    }

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
        Checks.requireInRange(alignedGrainContrastFactor, 0, 1, "alignedGrainContrastFactor");
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

    /** @return a builder preset to these values: {@code DEFAULTS.toBuilder().a(..).b(..).build()}. */
    public SocFieldBuilder toBuilder() {
        return with();
    }
}
