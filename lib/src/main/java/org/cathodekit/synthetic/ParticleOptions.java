package org.cathodekit.synthetic;

import org.cathodekit.core.Checks;
import org.cathodekit.core.OptionsRecord;

/**
 * Geometry and grain structure of a synthetic secondary particle on a voxel grid.
 *
 * <p>The particle is the ellipsoid {@code ((x-cx)/rx)^2 + ((y-cy)/ry)^2 + ((z-cz)/rz)^2 <= 1} centred
 * in the grid ({@code cx = (nx-1)/2} etc.), coordinates in voxels, axis order {@code [z][y][x]}.
 *
 * @param nx              grid size along x (voxels)
 * @param ny              grid size along y (voxels)
 * @param nz              grid size along z (voxels)
 * @param radiusXVox      ellipsoid semi-axis along x (voxels)
 * @param radiusYVox      ellipsoid semi-axis along y (voxels)
 * @param radiusZVox      ellipsoid semi-axis along z (voxels)
 * @param microstructure  {@link Microstructure#ROD} or {@link Microstructure#GRAVEL}
 * @param grainSizeVox    gravel: cell edge of the jittered seed grid (mean grain volume
 *                        {@code grainSizeVox^3}); rod: grain width at the reference radius
 *                        {@code 0.6 * min(radius)} (voxels, >= 2)
 * @param rodAspect       rod grains: radial length / width at the reference radius (>= 1; ignored for gravel)
 * @param coreFraction    rod particles: normalised radius below which grains are equiaxed (a disordered
 *                        core, as in real radially aligned particles); in [0, 0.9]
 * @param seed            seed of every random draw (grains, SoC noise); same seed, same particle
 */
@OptionsRecord
public record ParticleOptions(int nx, int ny, int nz, double radiusXVox, double radiusYVox, double radiusZVox,
        Microstructure microstructure, double grainSizeVox, double rodAspect, double coreFraction, long seed)
        implements ParticleOptionsBuilder.With {

    /** A 96^3 grid holding a sphere of radius 44 voxels, rod grains 5 voxels wide (at 0.6 R) and 30 long, seed 1. */
    public static final ParticleOptions DEFAULTS =
            new ParticleOptions(96, 96, 96, 44, 44, 44, Microstructure.ROD, 5, 6, 0.25, 1L);

    public ParticleOptions {
        Checks.requirePositive(nx, "nx");
        Checks.requirePositive(ny, "ny");
        Checks.requirePositive(nz, "nz");
        Checks.requirePositive(radiusXVox, "radiusXVox");
        Checks.requirePositive(radiusYVox, "radiusYVox");
        Checks.requirePositive(radiusZVox, "radiusZVox");
        if (microstructure == null) {
            throw new IllegalArgumentException("microstructure must be ROD or GRAVEL, got null");
        }
        Checks.requireInRange(grainSizeVox, 2, 1e6, "grainSizeVox");
        Checks.requireInRange(rodAspect, 1, 100, "rodAspect");
        Checks.requireInRange(coreFraction, 0, 0.9, "coreFraction");
        if ((long) nx * ny * nz > (1L << 40)) {
            throw new IllegalArgumentException("grid " + nx + "x" + ny + "x" + nz + " is too large");
        }
    }

    /** A cubic grid of edge {@code n} with a centred sphere of radius {@code radius} voxels. */
    public ParticleOptions withSphere(int n, double radiusVox) {
        return toBuilder().nx(n).ny(n).nz(n).radiusXVox(radiusVox).radiusYVox(radiusVox).radiusZVox(radiusVox).build();
    }

    public ParticleOptions withGrid(int nx, int ny, int nz) {
        return toBuilder().nx(nx).ny(ny).nz(nz).build();
    }

    public ParticleOptions withRadiiVox(double rx, double ry, double rz) {
        return toBuilder().radiusXVox(rx).radiusYVox(ry).radiusZVox(rz).build();
    }

    /** @return nx * ny * nz */
    public long voxels() {
        return (long) nx * ny * nz;
    }

    /** @return a builder preset to these values: {@code DEFAULTS.toBuilder().a(..).b(..).build()}. */
    public ParticleOptionsBuilder toBuilder() {
        return with();
    }
}
