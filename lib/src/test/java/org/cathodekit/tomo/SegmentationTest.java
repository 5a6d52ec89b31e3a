package org.cathodekit.tomo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;

import org.cathodekit.core.FloatVolume;
import org.cathodekit.synthetic.HeatedParticles;
import org.cathodekit.synthetic.TomoParticle;
import org.junit.jupiter.api.Test;

class SegmentationTest {

    /**
     * Void fraction tolerance: with a linear one-voxel partial-volume edge and noise sigma 0.1, the
     * threshold near 0.5 places each boundary within ~0.1 voxel; for voids of radius >= 5 voxels in a
     * particle of radius 30 that is < 0.005 in fraction; 0.01 leaves room for crack discretisation.
     */
    static final double VOID_FRACTION_TOLERANCE = 0.01;
    /** Envelope volume: boundary within ~0.1 voxel at R = 30 gives 3 x 0.1 / 30 = 1 %; 1.5 % allowed. */
    static final double VOLUME_RELATIVE_TOLERANCE = 0.015;

    @Test
    void denseSphereHasNoVoidsAndTheSphereVolume() {
        double r = 30;
        TomoParticle p = TomoParticle.of3d(80, r, 0, 0, 0, new double[] {0.3, -0.2, 0.1}, 0.1, 1);
        SegmentationResult s = Segmentation.segment(p.render(50).volume());
        assertTrue(s.voidFraction() < 0.002, "void fraction " + s.voidFraction());
        double sphere = 4.0 / 3 * Math.PI * r * r * r;
        assertEquals(sphere, s.envelopeVoxels(), VOLUME_RELATIVE_TOLERANCE * sphere);
        assertEquals(sphere * Math.pow(0.05, 3), s.particleVolumeUm3(), VOLUME_RELATIVE_TOLERANCE * sphere * Math.pow(0.05, 3));
        assertEquals("otsu", s.thresholdMethod());
        assertEquals(0.5, s.threshold(), 0.1);
    }

    @Test
    void plantedHollowCoreAndCracksRecovered() {
        TomoParticle p = TomoParticle.of3d(80, 30, 12, 4, 1.5, new double[] {0, 0, 0}, 0.1, 11);
        TomoParticle.Rendered rd = p.render(50);
        SegmentationResult s = Segmentation.segment(rd.volume());
        assertEquals(rd.truth().voidFraction(), s.voidFraction(), VOID_FRACTION_TOLERANCE,
                "planted " + rd.truth() + ", got " + s.voidFraction());
        assertEquals(rd.truth().envelopeVoxels(), s.envelopeVoxels(), VOLUME_RELATIVE_TOLERANCE * rd.truth().envelopeVoxels());
        double[] band = s.voidFractionBand();
        assertTrue(band[0] <= s.voidFraction() && s.voidFraction() <= band[1]);
        assertTrue(band[1] > band[0], "a threshold band of +-10 % of the contrast must move the fraction");
        assertTrue(s.voidComponentCount() >= 1);
        assertTrue(s.voidComponents().get(0).voxels() > 0.5 * s.voidVoxels(), "the hollow core (with its cracks) is the largest void");
    }

    /** Exact oracle: two cubic voids of 27 and 8 voxels in a solid block, noise-free. */
    @Test
    void componentsCountedExactly() {
        int n = 20;
        float[] v = new float[n * n * n];
        for (int z = 3; z < 17; z++) {
            for (int y = 3; y < 17; y++) {
                for (int x = 3; x < 17; x++) {
                    v[(z * n + y) * n + x] = 1;
                }
            }
        }
        for (int z = 5; z < 8; z++) {
            for (int y = 5; y < 8; y++) {
                for (int x = 5; x < 8; x++) {
                    v[(z * n + y) * n + x] = 0;
                }
            }
        }
        for (int z = 11; z < 13; z++) {
            for (int y = 11; y < 13; y++) {
                for (int x = 11; x < 13; x++) {
                    v[(z * n + y) * n + x] = 0;
                }
            }
        }
        SegmentationResult s = Segmentation.segment(FloatVolume.of(v, n, n, n, 100),
                SegmentationOptions.DEFAULTS.withCloseRadiusVox(0).withThreshold(0.5));
        assertEquals(14 * 14 * 14, s.envelopeVoxels());
        assertEquals(35, s.voidVoxels());
        assertEquals(2, s.voidComponentCount());
        assertEquals(27, s.voidComponents().get(0).voxels());
        assertEquals(8, s.voidComponents().get(1).voxels());
        assertEquals(6.0, s.voidComponents().get(0).centroidVox()[0], 1e-12);
        assertEquals(35.0 / (14 * 14 * 14), s.voidFraction(), 1e-15);
        assertEquals(14 * 14 * 14 * 1e-3, s.particleVolumeUm3(), 1e-12);
    }

    /** A crack open to the surface is a crack after closing, outside without it. */
    @Test
    void closingSealsSurfaceCracks() {
        int n = 20;
        float[] v = new float[n * n * n];
        for (int z = 3; z < 17; z++) {
            for (int y = 3; y < 17; y++) {
                for (int x = 3; x < 17; x++) {
                    v[(z * n + y) * n + x] = (y == 10 && x >= 3 && x < 12) ? 0 : 1; // one-voxel slot from the x = 3 face
                }
            }
        }
        FloatVolume vol = FloatVolume.of(v, n, n, n, 100);
        SegmentationResult open = Segmentation.segment(vol, SegmentationOptions.DEFAULTS.withCloseRadiusVox(0).withThreshold(0.5));
        SegmentationResult closed = Segmentation.segment(vol, SegmentationOptions.DEFAULTS.withCloseRadiusVox(1).withThreshold(0.5));
        assertEquals(0, open.voidVoxels());
        assertEquals(14 * 9, closed.voidVoxels());
    }

    /** Otsu against an exhaustive between-class-variance search on the raw values. */
    @Test
    void otsuMatchesExhaustiveSearch() {
        SplittableRandom r = new SplittableRandom(8);
        int n = 4000;
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = (float) (i % 3 == 0 ? 1.0 + 0.1 * r.nextGaussian() : 0.2 + 0.08 * r.nextGaussian());
        }
        double t = Segmentation.otsuThreshold(FloatVolume.of(v, 1, 40, 100, 1));
        float[] sorted = v.clone();
        java.util.Arrays.sort(sorted);
        double best = -1;
        double bestT = 0;
        double total = 0;
        for (float x : sorted) {
            total += x;
        }
        double below = 0;
        for (int k = 0; k < n - 1; k++) {
            below += sorted[k];
            double w0 = k + 1;
            double w1 = n - w0;
            double m0 = below / w0;
            double m1 = (total - below) / w1;
            double b = w0 * w1 * (m0 - m1) * (m0 - m1);
            if (b > best) {
                best = b;
                bestT = 0.5 * (sorted[k] + sorted[k + 1]);
            }
        }
        // the objective is flat across the gap between the modes, so compare what Otsu maximises:
        // the between-class variance of the partition at our threshold vs the exhaustive best
        double s0 = 0;
        double c0 = 0;
        for (float x : v) {
            if (x <= t) {
                s0 += x;
                c0++;
            }
        }
        double c1 = n - c0;
        double ours = c0 * c1 * Math.pow(s0 / c0 - (total - s0) / c1, 2);
        assertTrue(ours >= best * (1 - 1e-3), "between-class variance " + ours + " vs exhaustive " + best + " at " + bestT);
        assertTrue(t > 0.45 && t < 0.75, "threshold in the gap between the modes: " + t);
    }

    @Test
    void badInputs() {
        float[] v = new float[1000];
        v[5] = 1;
        FloatVolume vol = FloatVolume.of(v, 10, 10, 10, 10);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Segmentation.segment(vol, SegmentationOptions.DEFAULTS.withThreshold(2)));
        assertTrue(e.getMessage().contains("no voxel above the threshold"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Segmentation.segment(FloatVolume.of(new float[1000], 10, 10, 10, 10)));
    }

    /** Paper B's planted series: rod shrinks ~10 % by 150 C, gravel barely; void fraction falls. */
    @Test
    void heatedSeriesRecoversPlantedVolumeChangeAndVoidFractions() {
        for (boolean rod : new boolean[] {true, false}) {
            List<HeatedParticles.HeatedParticle> series = HeatedParticles.series(rod, 80, 30, 0.1, 2024);
            double v0 = Double.NaN;
            double planted0 = Double.NaN;
            double previous = 1;
            for (HeatedParticles.HeatedParticle hp : series) {
                TomoParticle.Rendered rd = hp.particle().render(50);
                SegmentationResult s = Segmentation.segment(rd.volume());
                assertEquals(rd.truth().voidFraction(), s.voidFraction(), VOID_FRACTION_TOLERANCE,
                        hp.morphology() + " " + hp.temperatureC() + " C");
                if (Double.isNaN(v0)) {
                    v0 = s.particleVolumeUm3();
                    planted0 = rd.truth().envelopeVoxels();
                }
                double change = s.particleVolumeUm3() / v0 - 1;
                double plantedChange = rd.truth().envelopeVoxels() / planted0 - 1;
                assertEquals(plantedChange, change, 0.01, hp.morphology() + " " + hp.temperatureC() + " C");
                assertTrue(s.voidFraction() <= previous + 0.005, "void fraction falls on heating");
                previous = s.voidFraction();
                if (rod && hp.temperatureC() == 150) {
                    assertEquals(-0.10, change, 0.015);
                }
                if (!rod) {
                    assertTrue(Math.abs(change) < 0.03, "gravel barely changes: " + change);
                }
            }
        }
    }
}
