package org.cathodekit.synthetic;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.cathodekit.core.Checks;
import org.cathodekit.core.FloatVolume;

/**
 * Forward model of a reconstructed secondary particle for the tomography analyses (package
 * {@code tomo}): a sphere with a hollow core and planar interior cracks, rendered with a one-voxel
 * linear partial-volume edge (so sub-voxel positions are meaningful), material value 1, background
 * 0, plus Gaussian noise. Seeded and deterministic.
 *
 * <p>Per voxel centre p, with d = |p - c|:
 * <pre>
 *   envelope e(p) = clamp(R - d + 1/2, 0, 1)
 *   hollow   h(p) = clamp(Rh - d + 1/2, 0, 1)
 *   crack k  q_k(p) = clamp(w/2 - |n_k . (p - c)| + 1/2, 0, 1) * [in-plane radius &lt; L_k] * clamp(R - 2 - d + 1/2, 0, 1)
 *   value    v(p) = e(p) (1 - max(h, q_1 .. q_K)) + N(0, sigma)
 * </pre>
 * Cracks are discs through the centre with random normals and in-plane radius L_k = 0.8 R, kept two
 * voxels inside the surface (closed cracks). The planted truth is computed from the noise-free
 * fields: envelope volume = sum e, void volume = sum e max(h, q), void fraction = their ratio.
 *
 * @param size           edge of the cubic volume [voxels] (depth 1 gives a 2D slice through the centre)
 * @param depth          voxels along z (= size for 3D, 1 for a 2D image)
 * @param radiusVox      particle radius R [voxels]
 * @param hollowRadiusVox hollow core radius Rh [voxels] (0 = dense)
 * @param cracks         number of planar cracks K
 * @param crackWidthVox  crack opening w [voxels]
 * @param centreOffsetVox offset of the particle centre from the volume centre [z, y, x] in voxels
 * @param noiseSigma     standard deviation of the additive noise (material = 1)
 * @param seed           seed of the crack orientations
 * @param noiseSeed      seed of the noise
 */
public record TomoParticle(int size, int depth, double radiusVox, double hollowRadiusVox, int cracks, double crackWidthVox,
        double[] centreOffsetVox, double noiseSigma, long seed, long noiseSeed) {

    private static final long CRACKS = 0x637261636bL;
    private static final long NOISE = 0x746f6d6fL;

    public TomoParticle {
        Checks.requirePositive(size, "size");
        if (depth != 1 && depth != size) {
            throw new IllegalArgumentException("depth must be 1 (2D) or size (3D), got " + depth);
        }
        Checks.requirePositive(radiusVox, "radiusVox");
        Checks.requireInRange(hollowRadiusVox, 0, radiusVox, "hollowRadiusVox");
        Checks.requireNonNegative(cracks, "cracks");
        Checks.requireNonNegative(crackWidthVox, "crackWidthVox");
        Checks.requireNonNegative(noiseSigma, "noiseSigma");
        centreOffsetVox = centreOffsetVox.clone();
    }

    /** A 3D particle. */
    public static TomoParticle of3d(int size, double radiusVox, double hollowRadiusVox, int cracks, double crackWidthVox,
            double[] centreOffsetVox, double noiseSigma, long seed) {
        return new TomoParticle(size, size, radiusVox, hollowRadiusVox, cracks, crackWidthVox, centreOffsetVox, noiseSigma,
                seed, seed);
    }

    @Override
    public double[] centreOffsetVox() {
        return centreOffsetVox.clone();
    }

    /** The same particle moved by a further offset [z, y, x]. */
    public TomoParticle shiftedBy(double[] d) {
        return new TomoParticle(size, depth, radiusVox, hollowRadiusVox, cracks, crackWidthVox,
                new double[] {centreOffsetVox[0] + d[0], centreOffsetVox[1] + d[1], centreOffsetVox[2] + d[2]},
                noiseSigma, seed, noiseSeed);
    }

    /** The same particle (same cracks) with other noise. */
    public TomoParticle withNoise(double sigma, long newNoiseSeed) {
        return new TomoParticle(size, depth, radiusVox, hollowRadiusVox, cracks, crackWidthVox, centreOffsetVox, sigma,
                seed, newNoiseSeed);
    }

    /** A 2D slice (depth 1) of the same particle through its centre plane. */
    public TomoParticle as2d() {
        return new TomoParticle(size, 1, radiusVox, hollowRadiusVox, cracks, crackWidthVox, centreOffsetVox, noiseSigma,
                seed, noiseSeed);
    }

    /**
     * The planted truth of a rendered particle.
     *
     * @param envelopeVoxels sum of the envelope occupancy
     * @param voidVoxels     sum of the void (hollow + crack) occupancy inside the envelope
     * @param voidFraction   voidVoxels / envelopeVoxels
     */
    public record Truth(double envelopeVoxels, double voidVoxels, double voidFraction) {
    }

    /** A rendered particle and its planted truth. */
    public record Rendered(FloatVolume volume, Truth truth) {
    }

    /** Renders the particle with voxel size {@code voxelNm}. */
    public Rendered render(double voxelNm) {
        int nz = depth;
        int ny = size;
        int nx = size;
        double cz = (nz - 1) / 2.0 + (nz == 1 ? 0 : centreOffsetVox[0]);
        double cy = (ny - 1) / 2.0 + centreOffsetVox[1];
        double cx = (nx - 1) / 2.0 + centreOffsetVox[2];
        List<double[]> normals = crackNormals();
        float[] v = new float[nz * ny * nx];
        SplittableRandom noise = Seeds.random(noiseSeed, NOISE, 0);
        double sumE = 0;
        double sumVoid = 0;
        double crackRadius = 0.8 * radiusVox;
        for (int z = 0; z < nz; z++) {
            double dz = z - cz;
            for (int y = 0; y < ny; y++) {
                double dy = y - cy;
                for (int x = 0; x < nx; x++) {
                    double dx = x - cx;
                    double d = Math.sqrt(dz * dz + dy * dy + dx * dx);
                    double e = clamp(radiusVox - d + 0.5);
                    double hol = hollowRadiusVox > 0 ? clamp(hollowRadiusVox - d + 0.5) : 0;
                    double q = 0;
                    if (e > 0 && !normals.isEmpty()) {
                        double inner = clamp(radiusVox - 2 - d + 0.5);
                        for (double[] nrm : normals) {
                            double along = nrm[0] * dz + nrm[1] * dy + nrm[2] * dx;
                            double inPlane = Math.sqrt(Math.max(0, d * d - along * along));
                            if (inPlane < crackRadius) {
                                q = Math.max(q, clamp(crackWidthVox / 2 - Math.abs(along) + 0.5) * inner);
                            }
                        }
                    }
                    double vd = Math.max(hol, q);
                    double material = e * (1 - vd);
                    sumE += e;
                    sumVoid += e * vd;
                    double value = material + (noiseSigma > 0 ? noiseSigma * gaussian(noise) : 0);
                    v[(z * ny + y) * nx + x] = (float) value;
                }
            }
        }
        return new Rendered(FloatVolume.wrap(v, nz, ny, nx, voxelNm), new Truth(sumE, sumVoid, sumVoid / sumE));
    }

    private List<double[]> crackNormals() {
        List<double[]> out = new ArrayList<>();
        SplittableRandom r = Seeds.random(seed, CRACKS, 0);
        for (int k = 0; k < cracks; k++) {
            double u = 2 * r.nextDouble() - 1;
            double phi = 2 * Math.PI * r.nextDouble();
            double s = Math.sqrt(1 - u * u);
            double[] n = {u, s * Math.cos(phi), s * Math.sin(phi)};
            if (depth == 1) { // 2D: cracks are lines in the slice; the normal lies in the (y, x) plane
                double len = Math.hypot(n[1], n[2]);
                n = len == 0 ? new double[] {0, 1, 0} : new double[] {0, n[1] / len, n[2] / len};
            }
            out.add(n);
        }
        return out;
    }

    private static double clamp(double x) {
        return x <= 0 ? 0 : (x >= 1 ? 1 : x);
    }

    private static double gaussian(SplittableRandom r) {
        double u1 = 1 - r.nextDouble();
        double u2 = r.nextDouble();
        return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
    }
}
