package org.cathodekit.tomo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;

import org.cathodekit.core.FloatVolume;
import org.cathodekit.synthetic.TomoParticle;
import org.junit.jupiter.api.Test;

class RegistrationTest {

    /** The target: planted shifts recovered within 0.1 voxel on noisy volumes. */
    static final double SHIFT_TOLERANCE_VOX = 0.1;

    static TomoParticle particle(int size, double r) {
        return TomoParticle.of3d(size, r, 0.35 * r, 3, 1.5, new double[] {0, 0, 0}, 0.15, 42);
    }

    static void assertShift(double[] planted, RegistrationResult res) {
        double[] s = res.shiftVox();
        for (int d = 0; d < 3; d++) {
            assertEquals(-planted[d], s[d], SHIFT_TOLERANCE_VOX, "axis " + d + ": planted move " + planted[d]
                    + " needs shift " + (-planted[d]) + ", got " + java.util.Arrays.toString(s));
        }
        assertTrue(res.registered(), res.toString());
    }

    @Test
    void integerAndSubVoxelShiftsIn3dUpTo20PercentOfTheField() {
        TomoParticle p = particle(64, 18);
        FloatVolume ref = p.render(30).volume();
        double[][] planted = {{3, -5, 2}, {2.3, -4.6, 7.75}, {-0.35, 0.5, 0.15}, {12.8, 0, -3.4}};
        for (double[] d : planted) {
            FloatVolume mov = p.shiftedBy(d).withNoise(0.15, 7).render(30).volume();
            RegistrationResult r = Registration.register(ref, mov);
            assertShift(d, r);
            assertTrue(r.peak() > 0.7, "peak " + r.peak());
        }
    }

    @Test
    void subPixelShiftIn2d() {
        TomoParticle p = particle(96, 30).as2d();
        FloatVolume ref = p.render(30).volume();
        double[] d = {0, -7.45, 13.3};
        FloatVolume mov = p.shiftedBy(d).withNoise(0.15, 9).render(30).volume();
        RegistrationResult r = Registration.register(ref, mov);
        assertEquals(0, r.shiftVox()[0]);
        assertEquals(7.45, r.shiftVox()[1], SHIFT_TOLERANCE_VOX);
        assertEquals(-13.3, r.shiftVox()[2], SHIFT_TOLERANCE_VOX);
    }

    /** Independent oracle: the integer peak equals a brute-force circular cross-correlation search. */
    @Test
    void integerPeakEqualsBruteForceCorrelation() {
        int n = 24;
        SplittableRandom rnd = new SplittableRandom(5);
        float[] a = new float[n * n];
        for (int i = 0; i < a.length; i++) {
            a[i] = (float) rnd.nextDouble();
        }
        // smooth a little so the peak is not trivially a delta
        float[] b = new float[n * n];
        int dy = 5;
        int dx = -3;
        for (int y = 0; y < n; y++) {
            for (int x = 0; x < n; x++) {
                int sy = Math.floorMod(y - dy, n);
                int sx = Math.floorMod(x - dx, n);
                b[y * n + x] = a[sy * n + sx] + (float) (0.5 * rnd.nextDouble());
            }
        }
        FloatVolume ref = FloatVolume.of2d(a, n, n, 1);
        FloatVolume mov = FloatVolume.of2d(b, n, n, 1);
        double ma = mean(a);
        double mb = mean(b);
        double best = Double.NEGATIVE_INFINITY;
        int by = 0;
        int bx = 0;
        for (int sy = -n / 2; sy < n / 2; sy++) {
            for (int sx = -n / 2; sx < n / 2; sx++) {
                double c = 0;
                for (int y = 0; y < n; y++) {
                    for (int x = 0; x < n; x++) {
                        c += (a[y * n + x] - ma) * (b[Math.floorMod(y - sy, n) * n + Math.floorMod(x - sx, n)] - mb);
                    }
                }
                if (c > best) {
                    best = c;
                    by = sy;
                    bx = sx;
                }
            }
        }
        RegistrationResult r = Registration.register(ref, mov, RegistrationOptions.DEFAULTS.withUpsampleFactor(1));
        assertArrayEquals(new int[] {0, by, bx}, r.integerShiftVox());
        assertArrayEquals(new int[] {0, -dy, -dx}, r.integerShiftVox());
    }

    private static double mean(float[] a) {
        double s = 0;
        for (float v : a) {
            s += v;
        }
        return s / a.length;
    }

    @Test
    void unrelatedVolumesAreNotRegistered() {
        FloatVolume ref = particle(48, 14).render(30).volume();
        SplittableRandom rnd = new SplittableRandom(3);
        float[] noise = new float[ref.voxels()];
        for (int i = 0; i < noise.length; i++) {
            noise[i] = (float) rnd.nextGaussian();
        }
        RegistrationResult r = Registration.register(ref, FloatVolume.of(noise, 48, 48, 48, 30));
        assertFalse(r.registered());
        assertTrue(r.peak() < 0.05, "peak " + r.peak());
        assertTrue(r.warnings().stream().anyMatch(w -> w.contains("not registered")), r.warnings().toString());
    }

    @Test
    void identicalForAnyThreadCount() {
        TomoParticle p = particle(48, 14);
        FloatVolume ref = p.render(30).volume();
        FloatVolume mov = p.shiftedBy(new double[] {1.4, -2.2, 0.6}).withNoise(0.15, 3).render(30).volume();
        String old = System.getProperty("cathodekit.threads");
        try {
            System.setProperty("cathodekit.threads", "1");
            RegistrationResult one = Registration.register(ref, mov);
            System.setProperty("cathodekit.threads", "2");
            RegistrationResult two = Registration.register(ref, mov);
            assertArrayEquals(one.shiftVox(), two.shiftVox());
            assertEquals(one.peak(), two.peak());
        } finally {
            if (old == null) {
                System.clearProperty("cathodekit.threads");
            } else {
                System.setProperty("cathodekit.threads", old);
            }
        }
    }

    @Test
    void badInputs() {
        FloatVolume a = FloatVolume.of(new float[8 * 8 * 8], 8, 8, 8, 30);
        FloatVolume b = FloatVolume.of(new float[8 * 8 * 4], 4, 8, 8, 30);
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Registration.register(a, b)).getMessage().contains("shape"));
        FloatVolume c = FloatVolume.of(new float[8 * 8 * 8], 8, 8, 8, 50);
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Registration.register(a, c)).getMessage().contains("voxel size"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Registration.register(a, a)).getMessage().contains("constant"));
    }

    @Test
    void translationOverlaysTheReference() {
        TomoParticle p = particle(48, 14).withNoise(0, 1);
        FloatVolume ref = p.render(30).volume();
        double[] d = {1.5, -2.25, 0.75};
        FloatVolume mov = p.shiftedBy(d).render(30).volume();
        RegistrationResult r = Registration.register(ref, mov);
        FloatVolume moved = Translation.apply(mov, r.shiftVox());
        double before = 0;
        double after = 0;
        int counted = 0;
        for (int i = 0; i < ref.voxels(); i++) {
            if (Float.isFinite(moved.at(i))) {
                before += Math.abs(ref.at(i) - mov.at(i));
                after += Math.abs(ref.at(i) - moved.at(i));
                counted++;
            }
        }
        assertTrue(counted > 0.8 * ref.voxels());
        // interpolation blurs the one-voxel edge, so the residual is small but not zero
        assertTrue(after < 0.25 * before, "mean |difference| before " + before / counted + ", after " + after / counted);
    }
}
