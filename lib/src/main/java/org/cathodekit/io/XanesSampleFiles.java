package org.cathodekit.io;

import java.io.IOException;
import java.nio.file.Path;

import org.cathodekit.synthetic.Microstructure;
import org.cathodekit.synthetic.Particle;
import org.cathodekit.synthetic.ParticleOptions;
import org.cathodekit.synthetic.SocEnergyMap;
import org.cathodekit.synthetic.SocField;
import org.cathodekit.synthetic.SpectrumModel;
import org.cathodekit.synthetic.Synthetic;

/**
 * Writes the synthetic XANES sample stacks of {@code data-samples/xanes/} (paper A: pristine and
 * charged, rod and gravel) in the NSLS-II FXI layout ({@code /img_xanes} float32
 * {@code [energy][y][x]}, {@code /X_eng} in keV), from {@code org.cathodekit.synthetic}:
 *
 * <ul>
 *   <li>particle: 64^3 grid, sphere of radius 29 voxels, the middle slice z = 32 (a thin section, as
 *       paper A's 2D maps); rod or gravel grains; seeds: rod pristine 11, rod charged 21, gravel
 *       pristine 12, gravel charged 22;</li>
 *   <li>SoC fields {@link SocField#pristine} / {@link SocField#charged}, edge map
 *       {@link SocEnergyMap#DEFAULTS} (8343.1 eV + 1.5 eV per SoC), spectra {@link SpectrumModel#DEFAULTS}
 *       (noise 0.01) on {@link SpectrumModel#defaultEnergiesEv()} (60 energies, 8300-8415 eV).</li>
 * </ul>
 *
 * Regenerate (byte-identical for the same library version):
 * {@code java -cp lib/target/cathodekit-0.1.0-cli.jar org.cathodekit.io.XanesSampleFiles data-samples/xanes}
 */
public final class XanesSampleFiles {
    private XanesSampleFiles() {
    }

    /** Grid edge (voxels). */
    public static final int GRID = 64;
    /** Particle radius (voxels). */
    public static final double RADIUS = 29;

    /**
     * Writes {@code {rod,gravel}-{pristine,charged}-2d.h5} into {@code dir}.
     *
     * @return the files written
     */
    public static Path[] write(Path dir) throws IOException {
        Path[] out = new Path[4];
        int k = 0;
        for (Microstructure m : new Microstructure[] {Microstructure.ROD, Microstructure.GRAVEL}) {
            for (boolean charged : new boolean[] {false, true}) {
                // keep in step with plantedEdge50
                long seed = (charged ? 20 : 10) + (m == Microstructure.ROD ? 1 : 2);
                Particle p = Synthetic.particle(ParticleOptions.DEFAULTS.withSphere(GRID, RADIUS).withMicrostructure(m).withSeed(seed));
                SocField field = charged ? SocField.charged(m) : SocField.pristine(m);
                double[] e = SpectrumModel.defaultEnergiesEv();
                float[] flat = Synthetic.stack2D(p, field, SocEnergyMap.DEFAULTS, SpectrumModel.DEFAULTS, e, GRID / 2);
                float[][][][] stack = new float[e.length][1][GRID][GRID];
                for (int i = 0; i < e.length; i++) {
                    for (int y = 0; y < GRID; y++) {
                        System.arraycopy(flat, (i * GRID + y) * GRID, stack[i][0][y], 0, GRID);
                    }
                }
                Path f = dir.resolve(m.name().toLowerCase(java.util.Locale.ROOT) + "-" + (charged ? "charged" : "pristine") + "-2d.h5");
                Hdf5XanesStackWriter.write(f, XanesLayout.NSLS2_FXI, e, stack, false, 0);
                out[k++] = f;
            }
        }
        return out;
    }

    /**
     * The planted truth of a sample file: the noise-free edge50 (eV) of every pixel of
     * {@code <microstructure>-<pristine|charged>-2d.h5}, i.e. the planted edge energy E0 plus the
     * model's {@link SpectrumModel#edge50OffsetEv()}; NaN outside the particle. {@code [y][x]} flat.
     */
    public static float[] plantedEdge50(Microstructure m, boolean charged) {
        long seed = (charged ? 20 : 10) + (m == Microstructure.ROD ? 1 : 2);
        Particle p = Synthetic.particle(ParticleOptions.DEFAULTS.withSphere(GRID, RADIUS).withMicrostructure(m).withSeed(seed));
        SocField field = charged ? SocField.charged(m) : SocField.pristine(m);
        float[] e0 = Synthetic.edgeMap(p, field, SocEnergyMap.DEFAULTS, GRID / 2);
        double off = SpectrumModel.DEFAULTS.edge50OffsetEv();
        for (int i = 0; i < e0.length; i++) {
            e0[i] = (float) (e0[i] + off);
        }
        return e0;
    }

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args.length > 0 ? args[0] : "data-samples/xanes");
        for (Path p : write(dir)) {
            System.out.println("wrote " + p);
        }
    }
}
