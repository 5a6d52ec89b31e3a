package org.cathodekit.synthetic;

import java.util.ArrayList;
import java.util.List;

/**
 * Paper B's heated particles (Hou, Xu et al.; Fig. 4k, 4l) as planted {@link TomoParticle}s:
 * reconstructed rod and gravel particles at 25, 150, 200 and 250 C. Planted behaviour, as the paper
 * describes it qualitatively (its exact fractions are not tabulated): the rod's hollow core collapses
 * and the particle shrinks by ~10 % in volume by 150 C; the gravel particle barely changes; the void
 * + crack fraction falls on heating for both. Each temperature's particle is also displaced by a
 * planted sub-voxel shift (the particle moves on the heating stage), so that registration is needed
 * before a difference map.
 *
 * <p>Geometry per temperature (R in units of the 25 C radius; Rh as a fraction of R; K cracks of
 * width 1.5 voxels): rod R = 1, 0.9655, 0.9640, 0.9630 (volume ratio R^3 = 1, 0.900, 0.896, 0.893),
 * Rh/R = 0.45, 0.22, 0.16, 0.12, K = 6, 3, 2, 2; gravel R = 1, 0.9970, 0.9960, 0.9950 (volume -0.9 %,
 * -1.2 %, -1.5 %), Rh/R = 0.20, 0.18, 0.17, 0.16, K = 3, 3, 2, 2.
 */
public final class HeatedParticles {
    private HeatedParticles() {
    }

    /** Temperatures of paper B's series [C]. */
    public static final double[] TEMPERATURES_C = {25, 150, 200, 250};

    private static final double[] ROD_R = {1, 0.9655, 0.9640, 0.9630};
    private static final double[] ROD_HOLLOW = {0.45, 0.22, 0.16, 0.12};
    private static final int[] ROD_CRACKS = {6, 3, 2, 2};
    private static final double[] GRAVEL_R = {1, 0.9970, 0.9960, 0.9950};
    private static final double[] GRAVEL_HOLLOW = {0.20, 0.18, 0.17, 0.16};
    private static final int[] GRAVEL_CRACKS = {3, 3, 2, 2};
    /** Planted stage displacement at each temperature [z, y, x] voxels (relative to the 25 C position). */
    private static final double[][] SHIFTS = {{0, 0, 0}, {1.3, -2.6, 0.4}, {-0.7, 3.25, -1.9}, {2.15, 1.1, 3.6}};

    /** One planted particle at one temperature. */
    public record HeatedParticle(String morphology, double temperatureC, TomoParticle particle, double[] plantedShiftVox) {
        public HeatedParticle {
            plantedShiftVox = plantedShiftVox.clone();
        }

        @Override
        public double[] plantedShiftVox() {
            return plantedShiftVox.clone();
        }
    }

    /**
     * Writes the sample pair {@code rod-25C-64.h5} and {@code rod-150C-64.h5} (64^3, radius 24 voxels,
     * 50 nm voxels, noise 0.1, seed 2024; dataset {@code /volume} with attribute {@code voxel_nm}) into
     * the folder given (default {@code data-samples/tomo}).
     */
    public static void main(String[] args) throws java.io.IOException {
        java.nio.file.Path dir = java.nio.file.Path.of(args.length > 0 ? args[0] : "data-samples/tomo");
        java.nio.file.Files.createDirectories(dir);
        List<HeatedParticle> rod = series(true, 64, 24, 0.1, 2024);
        for (int i = 0; i < 2; i++) {
            HeatedParticle hp = rod.get(i);
            TomoParticle.Rendered r = hp.particle().render(50);
            String name = "rod-" + (int) hp.temperatureC() + "C-64.h5";
            java.util.Map<String, String> prov = new java.util.LinkedHashMap<>();
            prov.put("origin", "synthetic: org.cathodekit.synthetic.HeatedParticles.series(rod, 64, 24, 0.1, 2024), "
                    + hp.temperatureC() + " C");
            prov.put("planted_void_fraction", String.format(java.util.Locale.ROOT, "%.6f", r.truth().voidFraction()));
            prov.put("planted_envelope_voxels", String.format(java.util.Locale.ROOT, "%.3f", r.truth().envelopeVoxels()));
            prov.put("planted_shift_vox", java.util.Arrays.toString(hp.plantedShiftVox()));
            org.cathodekit.io.Hdf5Volumes.write(dir.resolve(name), "volume", r.volume(), prov);
            System.out.println(dir.resolve(name) + ": planted void fraction " + prov.get("planted_void_fraction"));
        }
    }

    /**
     * The series of one morphology.
     *
     * @param rod         true for rod, false for gravel
     * @param size        volume edge [voxels]
     * @param radiusVox   particle radius at 25 C [voxels]
     * @param noiseSigma  noise (material = 1)
     * @param seed        base seed (crack orientations are shared across temperatures; noise differs)
     */
    public static List<HeatedParticle> series(boolean rod, int size, double radiusVox, double noiseSigma, long seed) {
        List<HeatedParticle> out = new ArrayList<>();
        for (int i = 0; i < TEMPERATURES_C.length; i++) {
            double r = radiusVox * (rod ? ROD_R[i] : GRAVEL_R[i]);
            double h = r * (rod ? ROD_HOLLOW[i] : GRAVEL_HOLLOW[i]);
            int k = rod ? ROD_CRACKS[i] : GRAVEL_CRACKS[i];
            TomoParticle p = TomoParticle.of3d(size, r, h, k, 1.5, SHIFTS[i], noiseSigma, seed)
                    .withNoise(noiseSigma, seed * 31 + i);
            out.add(new HeatedParticle(rod ? "rod" : "gravel", TEMPERATURES_C[i], p, SHIFTS[i]));
        }
        return out;
    }
}
