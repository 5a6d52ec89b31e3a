package org.cathodekit.synthetic;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;



/**
 * Writes the small synthetic edge-energy samples of {@code data-samples/gradient/} (regenerate with
 * {@code java -cp lib/target/cathodekit-0.1.0-cli.jar org.cathodekit.synthetic.SampleFiles data-samples/gradient}).
 *
 * <p>For each of rod and gravel: {@code <kind>-charged-64.h5} holding {@code /edge50} (float32
 * {@code [64][64][64]}, eV, NaN outside; a 64^3 grid with a sphere of radius 29 voxels of 30 nm,
 * grains 8 voxels, rod aspect 5, seed 1; SoC field {@link SocField#charged} with surface +0.15,
 * grain-boundary decay 3 voxels, noise 0.15; {@link SocEnergyMap#DEFAULTS}) and {@code /edge50_slice}
 * (float32 {@code [64][64]}, the slice z = 32). Written by jhdf 0.13 (superblock v3: readable by HDF5 >= 1.10, checked
 * with Debian's h5dump and h5py on HDF5 1.10.8; not by HDF5 1.8).
 */
public final class SampleFiles {
    private SampleFiles() {
    }

    /** The particle options of the samples. */
    public static ParticleOptions particleOptions(Microstructure m) {
        return ParticleOptions.DEFAULTS.withSphere(64, 29).withMicrostructure(m).withGrainSizeVox(8).withRodAspect(5)
                .withSeed(1);
    }

    /** The SoC field of the samples. */
    public static SocField field(Microstructure m) {
        return SocField.charged(m).withSurfaceDeltaSoc(0.15).withGrainBoundaryDecayVox(3).withNoiseSdSoc(0.15);
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args.length > 0 ? args[0] : "data-samples/gradient");
        Files.createDirectories(dir);
        for (Microstructure m : Microstructure.values()) {
            int n = 64;
            float[] v = Synthetic.edgeVolume(Synthetic.particle(particleOptions(m)), field(m), SocEnergyMap.DEFAULTS);
            float[][][] a = new float[n][n][n];
            for (int z = 0; z < n; z++) {
                for (int y = 0; y < n; y++) {
                    System.arraycopy(v, (z * n + y) * n, a[z][y], 0, n);
                }
            }
            float[][] slice = new float[n][];
            for (int y = 0; y < n; y++) {
                slice[y] = Arrays.copyOf(a[n / 2][y], n);
            }
            Path out = dir.resolve(m.name().toLowerCase(java.util.Locale.ROOT) + "-charged-64.h5");
            org.cathodekit.io.Hdf5Writes.write(out, w -> {
                w.putDataset("edge50", a);
                w.putDataset("edge50_slice", slice);
            });
            System.out.println("wrote " + out);
        }
    }
}
