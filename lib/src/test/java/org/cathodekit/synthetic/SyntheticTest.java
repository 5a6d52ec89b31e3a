package org.cathodekit.synthetic;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.junit.jupiter.api.Test;

class SyntheticTest {

    private static final ParticleOptions SMALL = ParticleOptions.DEFAULTS.withSphere(64, 30).withGrainSizeVox(7);

    /** Shape statistics of one grain: voxel count, centroid rho, elongation, |cos| of major axis to radius. */
    record GrainShape(int voxels, double centroidRho, double elongation, double radialAlignment) {
    }

    static List<GrainShape> grainShapes(Particle p) {
        return grainShapes(p, true);
    }

    static List<GrainShape> grainShapes(Particle p, boolean interiorOnly) {
        ParticleOptions o = p.options();
        Map<Long, double[]> acc = new HashMap<>();
        for (int z = 0; z < o.nz(); z++) {
            for (int y = 0; y < o.ny(); y++) {
                for (int x = 0; x < o.nx(); x++) {
                    long id = p.grainId(x, y, z);
                    if (id < 0) {
                        continue;
                    }
                    double[] a = acc.computeIfAbsent(id, k -> new double[11]);
                    a[0]++;
                    a[1] += x;
                    a[2] += y;
                    a[3] += z;
                    a[4] += (double) x * x;
                    a[5] += (double) y * y;
                    a[6] += (double) z * z;
                    a[7] += (double) x * y;
                    a[8] += (double) x * z;
                    a[9] += (double) y * z;
                    a[10] = Math.max(a[10], p.normalizedRadius(x, y, z));
                }
            }
        }
        double c = (o.nx() - 1) / 2.0;
        List<GrainShape> out = new ArrayList<>();
        for (double[] a : acc.values()) {
            double n = a[0];
            if (n < 60 || (interiorOnly && a[10] > 0.97)) {
                continue; // too small to measure or cut by the particle surface
            }
            double mx = a[1] / n;
            double my = a[2] / n;
            double mz = a[3] / n;
            double[][] cov = {
                {a[4] / n - mx * mx, a[7] / n - mx * my, a[8] / n - mx * mz},
                {a[7] / n - mx * my, a[5] / n - my * my, a[9] / n - my * mz},
                {a[8] / n - mx * mz, a[9] / n - my * mz, a[6] / n - mz * mz}};
            EigenDecomposition ed = new EigenDecomposition(new Array2DRowRealMatrix(cov));
            double[] ev = ed.getRealEigenvalues().clone();
            int imax = 0;
            for (int i = 1; i < 3; i++) {
                if (ev[i] > ev[imax]) {
                    imax = i;
                }
            }
            double[] axis = ed.getEigenvector(imax).toArray();
            double[] sorted = ev.clone();
            Arrays.sort(sorted);
            double rx = mx - c;
            double ry = my - c;
            double rz = mz - c;
            double rl = Math.sqrt(rx * rx + ry * ry + rz * rz);
            double cos = rl == 0 ? 0 : Math.abs(axis[0] * rx + axis[1] * ry + axis[2] * rz) / rl;
            double rho = rl / o.radiusXVox();
            out.add(new GrainShape((int) n, rho, Math.sqrt(sorted[2] / sorted[1]), cos));
        }
        return out;
    }

    static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s[s.length / 2];
    }

    @Test
    void gravelGrainsAreEquiaxedRandomlyOrientedWithTheCellVolume() {
        Particle p = Synthetic.particle(SMALL.withMicrostructure(Microstructure.GRAVEL));
        List<GrainShape> g = grainShapes(p);
        assertTrue(g.size() > 30, "enough interior grains: " + g.size());
        double[] vol = g.stream().mapToDouble(GrainShape::voxels).toArray();
        double meanVol = Arrays.stream(vol).average().orElseThrow();
        // one seed per 7^3-voxel cell: mean Voronoi cell volume 343 voxels (20 %: discretisation, finite sample)
        assertEquals(343, meanVol, 0.2 * 343, "mean gravel grain volume");
        assertTrue(median(g.stream().mapToDouble(GrainShape::elongation).toArray()) < 1.6, "gravel grains equiaxed");
        double meanAlign = g.stream().mapToDouble(GrainShape::radialAlignment).average().orElseThrow();
        // isotropic orientations: E|cos| = 0.5; 0.1 for a few dozen grains
        assertEquals(0.5, meanAlign, 0.12, "gravel major axes randomly oriented");
    }

    @Test
    void rodGrainsAreRadiallyElongated() {
        Particle p = Synthetic.particle(SMALL.withMicrostructure(Microstructure.ROD).withGrainSizeVox(4).withRodAspect(6));
        // rods run to the surface: keep surface-cut grains, drop the equiaxed core
        List<GrainShape> g = grainShapes(p, false).stream().filter(s -> s.centroidRho() > 0.45).toList();
        assertTrue(g.size() > 20, "enough rod grains: " + g.size());
        double elong = median(g.stream().mapToDouble(GrainShape::elongation).toArray());
        double align = median(g.stream().mapToDouble(GrainShape::radialAlignment).toArray());
        assertTrue(elong > 2.0, "rod grains elongated: median sqrt(l1/l2) " + elong);
        assertTrue(align > 0.9, "rod major axes radial: median |cos| " + align);
    }

    @Test
    void boundaryDistanceIsZeroAtGrainChangesAndPositiveInside() {
        for (Microstructure m : Microstructure.values()) {
            Particle p = Synthetic.particle(SMALL.withMicrostructure(m));
            int z = 40;
            double sumAtChange = 0;
            int nChange = 0;
            for (int y = 5; y < 59; y++) {
                for (int x = 5; x < 58; x++) {
                    if (!p.inside(x, y, z) || !p.inside(x + 1, y, z)) {
                        continue;
                    }
                    double d = p.grainBoundaryDistanceVox(x, y, z);
                    assertTrue(d >= 0, "distance >= 0");
                    if (p.grainId(x, y, z) != p.grainId(x + 1, y, z)) {
                        sumAtChange += d + p.grainBoundaryDistanceVox(x + 1, y, z);
                        nChange++;
                    }
                }
            }
            // two voxels across a boundary are at most one voxel apart: distances sum to <= ~1
            assertTrue(nChange > 20, m + " boundaries crossed");
            assertTrue(sumAtChange / nChange < 1.05, m + " mean summed distance across a boundary " + sumAtChange / nChange);
        }
    }

    static double mean(float[] v) {
        double s = 0;
        long n = 0;
        for (float f : v) {
            if (!Float.isNaN(f)) {
                s += f;
                n++;
            }
        }
        return s / n;
    }

    static double sd(float[] v) {
        double m = mean(v);
        double s = 0;
        long n = 0;
        for (float f : v) {
            if (!Float.isNaN(f)) {
                s += (f - m) * (f - m);
                n++;
            }
        }
        return Math.sqrt(s / (n - 1));
    }

    @Test
    void plantedPaperAEdgeMeans() {
        Map<Microstructure, double[]> expected = Map.of(Microstructure.ROD, new double[] {8343.22, 8344.405},
                Microstructure.GRAVEL, new double[] {8343.10, 8344.495});
        for (Microstructure m : Microstructure.values()) {
            Particle p = Synthetic.particle(SMALL.withMicrostructure(m));
            double pristine = mean(Synthetic.edgeVolume(p, SocField.pristine(m), SocEnergyMap.DEFAULTS));
            double charged = mean(Synthetic.edgeVolume(p, SocField.charged(m), SocEnergyMap.DEFAULTS));
            // tolerance 0.02 eV: centring of the grain-boundary term on a sub-grid, noise mean
            assertEquals(expected.get(m)[0], pristine, 0.02, m + " pristine mean edge");
            assertEquals(expected.get(m)[1], charged, 0.02, m + " charged mean edge");
        }
    }

    @Test
    void plantedPaperBWhitelineShiftsAndNarrowing() {
        for (Microstructure m : Microstructure.values()) {
            Particle p = Synthetic.particle(SMALL.withMicrostructure(m));
            HeatingSeries hs = HeatingSeries.paperB(m);
            SocField charged = SocField.charged(m);
            double[] means = new double[hs.size()];
            double[] sds = new double[hs.size()];
            for (int i = 0; i < hs.size(); i++) {
                float[] wl = Synthetic.whitelineVolume(p, hs.field(i, charged, SocEnergyMap.DEFAULTS,
                        SpectrumModel.DEFAULTS), SocEnergyMap.DEFAULTS, SpectrumModel.DEFAULTS);
                means[i] = mean(wl);
                sds[i] = sd(wl);
            }
            double[] drops = m == Microstructure.ROD ? new double[] {-1.9, -0.4} : new double[] {-0.9, -1.3};
            assertEquals(drops[0], means[1] - means[0], 0.02, m + " 25->150 C");
            assertEquals(drops[1], means[2] - means[1], 0.02, m + " 150->200 C");
            assertEquals(8347.8, means[3], 0.02, m + " 250 C");
            for (int i = 1; i < hs.size(); i++) {
                assertTrue(sds[i] < sds[i - 1], m + " histograms narrow on heating");
            }
        }
    }

    @Test
    void spectraCarryThePlantedEdgeAndWhiteline() {
        Particle p = Synthetic.particle(ParticleOptions.DEFAULTS.withSphere(24, 10).withGrainSizeVox(4));
        SpectrumModel model = SpectrumModel.DEFAULTS.withNoiseSd(0);
        double[] e = new double[1201];
        for (int i = 0; i < e.length; i++) {
            e[i] = 8320 + 0.05 * i;
        }
        int z = 12;
        float[] stack = Synthetic.stack2D(p, SocField.DEFAULTS, SocEnergyMap.DEFAULTS, model, e, z);
        float[] edge = Synthetic.edgeMap(p, SocField.DEFAULTS, SocEnergyMap.DEFAULTS, z);
        double e50 = model.edge50OffsetEv();
        double wlOff = model.whitelineMaximumOffsetEv();
        assertTrue(e50 < 0 && e50 > -1.5, "white line pulls edge50 below E0: " + e50);
        int plane = 24 * 24;
        int checked = 0;
        for (int i = 0; i < plane; i++) {
            if (Float.isNaN(edge[i])) {
                // outside: background only, no edge
                assertEquals(model.mu(e[e.length - 1], 0, 0), stack[(e.length - 1) * plane + i], 1e-3);
                continue;
            }
            double crossing = Double.NaN;
            int argmax = 0;
            for (int k = 0; k < e.length; k++) {
                double bg = model.mu(e[k], 0, 0);
                double nrm = (stack[k * plane + i] - bg) / model.edgeJump();
                if (Double.isNaN(crossing) && k > 0) {
                    double prev = (stack[(k - 1) * plane + i] - model.mu(e[k - 1], 0, 0)) / model.edgeJump();
                    if (prev < 0.5 && nrm >= 0.5) {
                        crossing = e[k - 1] + (0.5 - prev) / (nrm - prev) * (e[k] - e[k - 1]);
                    }
                }
                if (stack[k * plane + i] > stack[argmax * plane + i]) {
                    argmax = k;
                }
            }
            // float32 storage and linear interpolation on a 0.05 eV grid: 5 meV
            assertEquals(edge[i] + e50, crossing, 0.005, "edge50 at voxel " + i);
            assertEquals(edge[i] + wlOff, e[argmax], 0.05, "white-line maximum at voxel " + i);
            checked++;
        }
        assertTrue(checked > 200);
    }

    @Test
    void resultsDoNotDependOnThreadsSlabsOrDimensionality() throws Exception {
        Particle p = Synthetic.particle(ParticleOptions.DEFAULTS.withSphere(20, 8).withGrainSizeVox(4)
                .withMicrostructure(Microstructure.GRAVEL));
        double[] e = SpectrumModel.defaultEnergiesEv();
        String old = System.getProperty("cathodekit.threads");
        float[] one;
        float[] many;
        float[] edgeOne;
        float[] edgeMany;
        try {
            System.setProperty("cathodekit.threads", "1");
            one = Synthetic.stack3D(p, SocField.DEFAULTS, SocEnergyMap.DEFAULTS, SpectrumModel.DEFAULTS, e);
            edgeOne = Synthetic.edgeVolume(p, SocField.DEFAULTS, SocEnergyMap.DEFAULTS);
            System.setProperty("cathodekit.threads", "3");
            many = Synthetic.stack3D(p, SocField.DEFAULTS, SocEnergyMap.DEFAULTS, SpectrumModel.DEFAULTS, e);
            edgeMany = Synthetic.edgeVolume(Synthetic.particle(p.options()), SocField.DEFAULTS, SocEnergyMap.DEFAULTS);
        } finally {
            if (old == null) {
                System.clearProperty("cathodekit.threads");
            } else {
                System.setProperty("cathodekit.threads", old);
            }
        }
        assertArrayEquals(one, many, "stack identical for 1 and 3 threads");
        assertArrayEquals(edgeOne, edgeMany, "edge volume identical for 1 and 3 threads and a rebuilt particle");

        int plane = 400;
        int volume = plane * 20;
        float[] streamed = new float[one.length];
        Synthetic.streamStack3D(p, SocField.DEFAULTS, SocEnergyMap.DEFAULTS, SpectrumModel.DEFAULTS, e, 3,
                (z0, z1, slab) -> {
                    int sv = (z1 - z0) * plane;
                    for (int k = 0; k < e.length; k++) {
                        System.arraycopy(slab, k * sv, streamed, k * volume + z0 * plane, sv);
                    }
                });
        assertArrayEquals(one, streamed, "streamed slabs of 3 equal the whole stack");

        float[] two = Synthetic.stack2D(p, SocField.DEFAULTS, SocEnergyMap.DEFAULTS, SpectrumModel.DEFAULTS, e, 7);
        for (int k = 0; k < e.length; k++) {
            assertArrayEquals(Arrays.copyOfRange(one, k * volume + 7 * plane, k * volume + 8 * plane),
                    Arrays.copyOfRange(two, k * plane, (k + 1) * plane), "2D slice = 3D slice at energy " + k);
        }
        float[] edge2 = Synthetic.edgeMap(p, SocField.DEFAULTS, SocEnergyMap.DEFAULTS, 7);
        assertArrayEquals(Arrays.copyOfRange(edgeOne, 7 * plane, 8 * plane), edge2);
        float[] wl3 = Synthetic.whitelineVolume(p, SocField.DEFAULTS, SocEnergyMap.DEFAULTS, SpectrumModel.DEFAULTS);
        float[] wl2 = Synthetic.whitelineMap(p, SocField.DEFAULTS, SocEnergyMap.DEFAULTS, SpectrumModel.DEFAULTS, 7);
        assertArrayEquals(Arrays.copyOfRange(wl3, 7 * plane, 8 * plane), wl2);

        float[] other = Synthetic.edgeVolume(Synthetic.particle(p.options().withSeed(2)), SocField.DEFAULTS,
                SocEnergyMap.DEFAULTS);
        assertFalse(Arrays.equals(edgeOne, other), "another seed gives another particle");
    }

    @Test
    void committedGradientSamplesRegenerateIdentically() throws Exception {
        java.nio.file.Path dir = java.nio.file.Path.of(System.getProperty("user.dir")).resolve("../data-samples/gradient");
        org.junit.jupiter.api.Assumptions.assumeTrue(java.nio.file.Files.isDirectory(dir),
                "data-samples/gradient not found at " + dir + ": skipping the regeneration check");
        for (Microstructure m : Microstructure.values()) {
            java.nio.file.Path f = dir.resolve(m.name().toLowerCase(java.util.Locale.ROOT) + "-charged-64.h5");
            float[] stored;
            try (io.jhdf.HdfFile h = new io.jhdf.HdfFile(f)) {
                stored = (float[]) h.getDatasetByPath("/edge50").getDataFlat();
            }
            float[] fresh = Synthetic.edgeVolume(Synthetic.particle(SampleFiles.particleOptions(m)), SampleFiles.field(m),
                    SocEnergyMap.DEFAULTS);
            assertArrayEquals(fresh, stored, f + " is what SampleFiles generates");
        }
    }

    /** float32 storage of SoC values of order 1: 2^-23 relative, plus the subtraction of two values. */
    private static final double FLOAT_SOC_TOL = 1e-6;

    @Test
    void alignedGrainContrastScalesTheBoundaryTermOfRadialGrainsOnly() {
        double k = 0.4;
        double gb = 0.3;
        double decay = 2.0;
        // no noise, no surface term: the field is the grain-boundary term alone
        SocField base = SocField.DEFAULTS.withNoiseSdSoc(0).withSurfaceDeltaSoc(0).withGrainBoundaryDeltaSoc(gb)
                .withGrainBoundaryDecayVox(decay);
        SocField aligned = base.withAlignedGrainContrastFactor(k);
        assertEquals(1.0, base.alignedGrainContrastFactor(), "default k = 1 (off)");
        assertEquals(base, new SocField(base.meanSoc(), 0, gb, decay, 0, 1.0), "6-argument constructor means k = 1");

        // gravel: equiaxed grains have no long axis, the field is unchanged bit for bit
        Particle gravel = Synthetic.particle(SMALL.withMicrostructure(Microstructure.GRAVEL));
        assertArrayEquals(Synthetic.socVolume(gravel, base), Synthetic.socVolume(gravel, aligned),
                "gravel field does not depend on k");

        // rod: soc(x) - soc(ref) = gb * (c(x) e(x) - c(ref) e(ref)), c = 1 - (1 - k) cos^2(alpha), e = exp(-d/decay),
        // with d and cos^2(alpha) from the particle's public geometry queries (independent of the field code)
        Particle rod = Synthetic.particle(SMALL.withMicrostructure(Microstructure.ROD));
        float[] soc = Synthetic.socVolume(rod, aligned);
        int n = 64;
        int z = 32;
        int rx = 32;
        int ry = 8; // a voxel in a rod cone near the surface
        double alignRef = rod.radialAlignment(rx, ry, z);
        assertTrue(alignRef > 0.95, "reference voxel in a radial rod grain: cos^2 " + alignRef);
        double refTerm = (1 - (1 - k) * alignRef) * Math.exp(-rod.grainBoundaryDistanceVox(rx, ry, z) / decay);
        int cone = 0;
        int core = 0;
        for (int y = 0; y < n; y++) {
            for (int x = 0; x < n; x++) {
                if (!rod.inside(x, y, z)) {
                    continue;
                }
                double a = rod.radialAlignment(x, y, z);
                double rho = rod.normalizedRadius(x, y, z);
                if (rho < SMALL.coreFraction()) {
                    assertEquals(0.0, a, "equiaxed core grains have no long axis");
                    core++;
                } else if (a > 0) {
                    // cone half-width ~ g / R_ref: the long axis stays within ~15 deg of the radius
                    assertTrue(a > 0.9, "rod cone axis close to radial at (" + x + "," + y + "): " + a);
                    cone++;
                }
                double term = (1 - (1 - k) * a) * Math.exp(-rod.grainBoundaryDistanceVox(x, y, z) / decay);
                assertEquals(gb * (term - refTerm), soc[(z * n + y) * n + x] - soc[(z * n + ry) * n + rx], FLOAT_SOC_TOL,
                        "planted boundary term at (" + x + "," + y + ")");
            }
        }
        assertTrue(cone > 500 && core > 20, "both cone and core voxels checked: " + cone + ", " + core);
        // centring still holds: particle mean = meanSoc (sub-grid estimate of the mean boundary term)
        assertEquals(aligned.meanSoc(), mean(soc), 0.01 * gb, "mean SoC with k < 1");
        // the contrast falls: the boundary-term spread of the rod is smaller than with k = 1
        assertTrue(sd(soc) < sd(Synthetic.socVolume(rod, base)), "k < 1 lowers the rod's SoC spread");
        assertThrows(IllegalArgumentException.class, () -> base.withAlignedGrainContrastFactor(1.5));
        assertThrows(IllegalArgumentException.class, () -> base.withAlignedGrainContrastFactor(-0.1));
    }

    @Test
    void badOptionsAreNamed() {
        IllegalArgumentException ex = assertThrows(IllegalArgumentException.class,
                () -> ParticleOptions.DEFAULTS.withGrainSizeVox(0.5));
        assertTrue(ex.getMessage().contains("grainSizeVox"));
        assertThrows(IllegalArgumentException.class, () -> SocField.DEFAULTS.withNoiseSdSoc(-1));
        assertThrows(IllegalArgumentException.class, () -> new HeatingSeries(new double[] {25, 25},
                new double[] {1, 2}, new double[] {1, 1}));
        Particle p = Synthetic.particle(ParticleOptions.DEFAULTS.withSphere(10, 4).withGrainSizeVox(3));
        ex = assertThrows(IllegalArgumentException.class, () -> Synthetic.edgeMap(p, SocField.DEFAULTS,
                SocEnergyMap.DEFAULTS, 10));
        assertTrue(ex.getMessage().contains("slice z"));
    }
}
