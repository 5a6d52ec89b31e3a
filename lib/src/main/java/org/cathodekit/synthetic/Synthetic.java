package org.cathodekit.synthetic;

import java.util.SplittableRandom;

import org.cathodekit.core.Checks;
import org.cathodekit.core.Parallel;

/**
 * Synthetic Ni-rich cathode particles for teaching, tests and data samples: grains
 * ({@link Particle}), SoC fields ({@link SocField}), edge-energy maps ({@link SocEnergyMap}) and
 * per-voxel Ni K-edge spectra ({@link SpectrumModel}), including paper B's heating series
 * ({@link HeatingSeries}).
 *
 * <p>Layouts (flat {@code float[]}, last index fastest): volumes {@code [z][y][x]}, 2D maps
 * {@code [y][x]} (the slice z of the particle: a thin section), stacks {@code [energy][y][x]} and
 * {@code [energy][z][y][x]}. NaN marks voxels outside the particle in maps; spectra outside the
 * particle hold background plus noise (no edge), as a real field of view does.
 *
 * <p>Every random draw comes from a {@code SplittableRandom} seeded from (seed, stream, z-slice), so
 * results are identical for any thread count ({@link Parallel}), slab size, and between a 2D map of
 * slice z and the same slice of the 3D result.
 *
 * <pre>{@code
 * Particle p = Synthetic.particle(ParticleOptions.DEFAULTS.withMicrostructure(Microstructure.GRAVEL));
 * float[] edge = Synthetic.edgeVolume(p, SocField.charged(Microstructure.GRAVEL), SocEnergyMap.DEFAULTS);
 * }</pre>
 */
public final class Synthetic {
    private Synthetic() {
    }

    /** Builds a particle (cheap: only the grain seed tables are stored). */
    public static Particle particle(ParticleOptions options) {
        return new Particle(options);
    }

    /** @return the SoC field {@code [z][y][x]}, NaN outside the particle */
    public static float[] socVolume(Particle p, SocField field) {
        return volume(p, field, null, 0);
    }

    /** @return edge energies (eV) {@code [z][y][x]} = map(SoC), NaN outside the particle */
    public static float[] edgeVolume(Particle p, SocField field, SocEnergyMap map) {
        requireNonNull(map, "map");
        return volume(p, field, map, 0);
    }

    /**
     * @return planted white-line energies (eV) {@code [z][y][x]}: map(SoC) + the model's
     *         {@link SpectrumModel#whitelineMaximumOffsetEv()}, NaN outside the particle
     */
    public static float[] whitelineVolume(Particle p, SocField field, SocEnergyMap map, SpectrumModel model) {
        requireNonNull(map, "map");
        requireNonNull(model, "model");
        return volume(p, field, map, model.whitelineMaximumOffsetEv());
    }

    /** @return the edge-energy map (eV) {@code [y][x]} of slice {@code z}, NaN outside the particle */
    public static float[] edgeMap(Particle p, SocField field, SocEnergyMap map, int z) {
        requireNonNull(map, "map");
        checkZ(p, z);
        ParticleOptions o = p.options();
        float[] out = new float[o.nx() * o.ny()];
        double[] soc = new double[out.length];
        socSlice(p, field, z, soc);
        for (int i = 0; i < out.length; i++) {
            out[i] = (float) map.edgeEv(soc[i]);
        }
        return out;
    }

    /**
     * @return planted white-line energies (eV) {@code [y][x]} of slice {@code z}: {@link #edgeMap} +
     *         {@link SpectrumModel#whitelineMaximumOffsetEv()}, NaN outside the particle
     */
    public static float[] whitelineMap(Particle p, SocField field, SocEnergyMap map, SpectrumModel model, int z) {
        requireNonNull(model, "model");
        requireNonNull(map, "map");
        checkZ(p, z);
        double off = model.whitelineMaximumOffsetEv();
        ParticleOptions o = p.options();
        float[] out = new float[o.nx() * o.ny()];
        double[] soc = new double[out.length];
        socSlice(p, field, z, soc);
        for (int i = 0; i < out.length; i++) {
            out[i] = (float) (map.edgeEv(soc[i]) + off);
        }
        return out;
    }

    /** @return the spectra {@code [energy][y][x]} of slice {@code z} */
    public static float[] stack2D(Particle p, SocField field, SocEnergyMap map, SpectrumModel model,
            double[] energiesEv, int z) {
        checkSpectra(map, model, energiesEv);
        checkZ(p, z);
        ParticleOptions o = p.options();
        int plane = o.nx() * o.ny();
        float[] out = new float[energiesEv.length * plane];
        spectraSlice(p, field, map, model, energiesEv, z, out, 0, plane, new double[plane]);
        return out;
    }

    /** @return the spectra {@code [energy][z][y][x]} (must fit one Java array: < 2^31 values) */
    public static float[] stack3D(Particle p, SocField field, SocEnergyMap map, SpectrumModel model,
            double[] energiesEv) {
        checkSpectra(map, model, energiesEv);
        ParticleOptions o = p.options();
        long n = o.voxels() * energiesEv.length;
        if (n > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("a " + o.nx() + "x" + o.ny() + "x" + o.nz() + " x " + energiesEv.length
                    + "-energy stack has " + n + " values, more than one Java array holds: use streamStack3D");
        }
        float[] out = new float[(int) n];
        int plane = o.nx() * o.ny();
        int volume = plane * o.nz();
        prepare(p, field);
        Parallel.forEachChunk(o.nz(), 2, (k, from, to) -> {
            double[] scratch = new double[plane];
            for (int z = from; z < to; z++) {
                spectraSlice(p, field, map, model, energiesEv, z, out, z * plane, volume, scratch);
            }
        });
        return out;
    }

    /**
     * Generates the 3D stack slab by slab without holding it: {@code consumer} receives
     * {@code [energy][slab z][y][x]} for z in {@code [zFrom, zTo)}, {@code slabDepth} slices at a time
     * (the last slab may be thinner), in increasing z. Memory: one slab plus one slice per thread.
     */
    public static void streamStack3D(Particle p, SocField field, SocEnergyMap map, SpectrumModel model,
            double[] energiesEv, int slabDepth, SlabConsumer consumer) throws Exception {
        checkSpectra(map, model, energiesEv);
        Checks.requirePositive(slabDepth, "slabDepth");
        requireNonNull(consumer, "consumer");
        ParticleOptions o = p.options();
        int plane = o.nx() * o.ny();
        int depth = Math.min(slabDepth, o.nz());
        long n = (long) plane * depth * energiesEv.length;
        if (n > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("slabDepth " + slabDepth + " gives a slab of " + n + " values; use a thinner slab");
        }
        prepare(p, field);
        float[] slab = new float[(int) n];
        for (int z0 = 0; z0 < o.nz(); z0 += depth) {
            final int zFrom = z0;
            final int zTo = Math.min(o.nz(), z0 + depth);
            final int slabVolume = plane * (zTo - zFrom);
            float[] buf = zTo - zFrom == depth ? slab : new float[slabVolume * energiesEv.length];
            Parallel.forEachChunk(zTo - zFrom, 1, (k, from, to) -> {
                double[] scratch = new double[plane];
                for (int dz = from; dz < to; dz++) {
                    spectraSlice(p, field, map, model, energiesEv, zFrom + dz, buf, dz * plane, slabVolume, scratch);
                }
            });
            consumer.accept(zFrom, zTo, buf);
        }
    }

    // ---------------------------------------------------------------- kernels

    private static float[] volume(Particle p, SocField field, SocEnergyMap map, double offsetEv) {
        requireNonNull(field, "field");
        ParticleOptions o = p.options();
        if (o.voxels() > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("a " + o.nx() + "x" + o.ny() + "x" + o.nz() + " volume does not fit one Java array");
        }
        int plane = o.nx() * o.ny();
        float[] out = new float[(int) o.voxels()];
        prepare(p, field);
        Parallel.forEachChunk(o.nz(), 2, (k, from, to) -> {
            double[] soc = new double[plane];
            for (int z = from; z < to; z++) {
                socSlice(p, field, z, soc);
                int base = z * plane;
                for (int i = 0; i < plane; i++) {
                    out[base + i] = (float) (map == null ? soc[i] : map.edgeEv(soc[i]) + offsetEv);
                }
            }
        });
        return out;
    }

    /** Computes the particle means the field needs before any parallel work (they are cached). */
    private static void prepare(Particle p, SocField field) {
        p.meanNormalizedRadius();
        p.meanBoundaryTerm(field.grainBoundaryDecayVox(), field.alignedGrainContrastFactor());
    }

    /** SoC of slice z into {@code out[y*nx + x]}, NaN outside. One noise draw per voxel of the slice. */
    static void socSlice(Particle p, SocField f, int z, double[] out) {
        ParticleOptions o = p.options();
        double meanRho = p.meanNormalizedRadius();
        double k = f.alignedGrainContrastFactor();
        double meanGb = p.meanBoundaryTerm(f.grainBoundaryDecayVox(), k);
        SplittableRandom rng = Seeds.random(o.seed(), Seeds.SOC_NOISE, z);
        double[] d = new double[k == 1.0 ? 1 : 2];
        int i = 0;
        for (int y = 0; y < o.ny(); y++) {
            for (int x = 0; x < o.nx(); x++, i++) {
                double noise = rng.nextGaussian();
                double rho = p.normalizedRadius(x, y, z);
                if (rho > 1) {
                    out[i] = Double.NaN;
                    continue;
                }
                double dev = f.surfaceDeltaSoc() * (rho - meanRho) + f.noiseSdSoc() * noise;
                if (f.grainBoundaryDeltaSoc() != 0) {
                    p.evaluate(x, y, z, d);
                    double contrast = k == 1.0 ? 1.0 : 1 - (1 - k) * d[1];
                    dev += f.grainBoundaryDeltaSoc() * (contrast * Math.exp(-d[0] / f.grainBoundaryDecayVox()) - meanGb);
                }
                out[i] = f.meanSoc() + f.widthFactor() * dev;
            }
        }
    }

    /** Spectra of slice z into {@code dst[offset + e*energyStride + y*nx + x]}. */
    private static void spectraSlice(Particle p, SocField f, SocEnergyMap map, SpectrumModel m, double[] energies,
            int z, float[] dst, int offset, int energyStride, double[] soc) {
        ParticleOptions o = p.options();
        socSlice(p, f, z, soc);
        SplittableRandom rng = Seeds.random(m.noiseSeed() ^ o.seed(), Seeds.SPECTRUM_NOISE, z);
        int plane = o.nx() * o.ny();
        double sd = m.noiseSd();
        for (int i = 0; i < plane; i++) {
            boolean in = !Double.isNaN(soc[i]);
            double e0 = in ? map.edgeEv(soc[i]) : 0;
            double jump = in ? m.edgeJump() : 0;
            for (int e = 0; e < energies.length; e++) {
                double v = in ? m.mu(energies[e], e0, jump) : m.mu(energies[e], 0, 0);
                dst[offset + e * energyStride + i] = (float) (v + sd * rng.nextGaussian());
            }
        }
    }

    private static void checkSpectra(SocEnergyMap map, SpectrumModel model, double[] energiesEv) {
        requireNonNull(map, "map");
        requireNonNull(model, "model");
        requireNonNull(energiesEv, "energiesEv");
        if (energiesEv.length == 0) {
            throw new IllegalArgumentException("energiesEv must not be empty");
        }
        Checks.requireStrictlyIncreasing(energiesEv, "energiesEv");
    }

    private static void checkZ(Particle p, int z) {
        if (z < 0 || z >= p.options().nz()) {
            throw new IllegalArgumentException("slice z must lie in [0, " + p.options().nz() + "), got " + z);
        }
    }

    private static void requireNonNull(Object o, String name) {
        if (o == null) {
            throw new IllegalArgumentException(name + " must not be null");
        }
    }
}
