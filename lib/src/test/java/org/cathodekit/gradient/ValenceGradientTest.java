package org.cathodekit.gradient;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

class ValenceGradientTest {

    static final GradientOptions OPT = GradientOptions.DEFAULTS;

    /**
     * Edge energies near 8340 eV stored as float32 are quantised to 2^-10 eV (~0.001 eV): a central
     * difference over 2 h = 60 nm is off by at most 2^-10 / 60 = 1.6e-5 eV/nm per component.
     */
    static final double FLOAT32_GRADIENT_TOL_EV_PER_NM = 2e-5;

    static boolean inSphere(int x, int y, int z, double c, double r) {
        return (x - c) * (x - c) + (y - c) * (y - c) + (z - c) * (z - c) <= r * r;
    }

    /** Sphere of radius r centred in an n^3 grid, value f(dx, dy, dz) relative to the centre, NaN outside. */
    interface Field3 {
        double at(double dx, double dy, double dz);
    }

    static float[] sphere(int n, double r, Field3 f) {
        float[] v = new float[n * n * n];
        double c = (n - 1) / 2.0;
        for (int z = 0; z < n; z++) {
            for (int y = 0; y < n; y++) {
                for (int x = 0; x < n; x++) {
                    double dx = x - c;
                    double dy = y - c;
                    double dz = z - c;
                    double val = dx * dx + dy * dy + dz * dz <= r * r ? f.at(dx, dy, dz) : Double.NaN;
                    v[(z * n + y) * n + x] = (float) val;
                }
            }
        }
        return v;
    }

    static float[] disk(int n, double r, Field3 f) {
        float[] v = new float[n * n];
        double c = (n - 1) / 2.0;
        for (int y = 0; y < n; y++) {
            for (int x = 0; x < n; x++) {
                double dx = x - c;
                double dy = y - c;
                v[y * n + x] = (float) (dx * dx + dy * dy <= r * r ? f.at(dx, dy, 0) : Double.NaN);
            }
        }
        return v;
    }

    /** Gaussian white noise smoothed by three passes of a 3-point box filter along each axis (periodic). */
    static double[] smoothNoise(int nz, int ny, int nx, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] a = new double[nz * ny * nx];
        for (int i = 0; i < a.length; i++) {
            a[i] = r.nextGaussian();
        }
        int[] dims = {nz, ny, nx};
        int[] strides = {ny * nx, nx, 1};
        for (int pass = 0; pass < 3; pass++) {
            for (int axis = 0; axis < 3; axis++) {
                if (dims[axis] == 1) {
                    continue;
                }
                double[] b = new double[a.length];
                for (int i = 0; i < a.length; i++) {
                    int coord = (i / strides[axis]) % dims[axis];
                    int im = coord == 0 ? i + (dims[axis] - 1) * strides[axis] : i - strides[axis];
                    int ip = coord == dims[axis] - 1 ? i - (dims[axis] - 1) * strides[axis] : i + strides[axis];
                    b[i] = (a[im] + a[i] + a[ip]) / 3;
                }
                a = b;
            }
        }
        return a;
    }

    static double groupedDeviation(ThetaStatistics s) {
        double worst = 0;
        double[] d = s.thetaDensityPerDeg();
        double[] ref = s.referenceDensityPerDeg();
        for (int g = 0; g < 18; g++) {
            double a = 0;
            double b = 0;
            for (int i = 10 * g; i < 10 * g + 10; i++) {
                a += d[i];
                b += ref[i];
            }
            worst = Math.max(worst, Math.abs(a - b));
        }
        return worst;
    }

    @Test
    void azimuthalFieldGivesTangentialGradients3D() {
        // E = 8344 + 5 y/r_xy depends only on the azimuth around the z axis: u is tangential, theta = 90
        float[] v = sphere(48, 22, (dx, dy, dz) -> {
            double rxy = Math.hypot(dx, dy);
            return rxy < 4 ? Double.NaN : 8344 + 5 * dy / rxy;
        });
        ThetaStatistics s = ValenceGradient.volume(v, 48, 48, 48, OPT);
        double near90 = 0;
        for (int i = 85; i < 95; i++) {
            near90 += s.thetaDensityPerDeg()[i];
        }
        // central differences of y/r deviate from the exact gradient by O(1/r^2): a few degrees near the axis
        assertTrue(near90 > 0.95, "fraction within 5 deg of 90: " + near90);
        assertTrue(s.tangentialIndex() > 0.95, "tangential index " + s.tangentialIndex());
        assertEquals(0.0, s.meanAbsCos(), 0.025);
        assertEquals(s.vectors(), s.groupCounts()[8] + s.groupCounts()[7] + s.groupCounts()[6] + s.groupCounts()[5]
                + s.groupCounts()[4] + s.groupCounts()[3] + s.groupCounts()[2] + s.groupCounts()[1]
                + s.groupCounts()[0]);
        assertTrue(s.groupCounts()[8] > 0.95 * s.vectors());
    }

    @Test
    void azimuthalFieldGivesTangentialGradients2D() {
        float[] v = disk(96, 44, (dx, dy, dz) -> {
            double r = Math.hypot(dx, dy);
            return r < 4 ? Double.NaN : 8344 + 5 * dy / r;
        });
        ThetaStatistics s = ValenceGradient.map(v, 96, 96, OPT);
        assertEquals(GradientModel.MAP_2D, s.model());
        assertTrue(s.tangentialIndex() > 0.95, "2D tangential index " + s.tangentialIndex());
    }

    @Test
    void radialFieldGives180Degrees() {
        // E grows with r^2: central differences are exact (2 r_i * 0.01 / h), u points outward, v inward
        float[] v = sphere(40, 18, (dx, dy, dz) -> 8340 + 0.01 * (dx * dx + dy * dy + dz * dz));
        ThetaStatistics s = ValenceGradient.volume(v, 40, 40, 40, OPT);
        assertTrue(s.thetaDensityPerDeg()[179] + s.thetaDensityPerDeg()[178] > 0.99,
                "theta at 180: " + s.thetaDensityPerDeg()[179]);
        assertEquals(1.0, s.meanAbsCos(), 1e-3);
        assertEquals(-1.0, s.tangentialIndex(), 2e-3);
        // central differences of a quadratic are exact: |u| = 2 * 0.01 * r / h eV/nm (h = 30 nm) at each unit
        // whose six neighbours lie in the sphere; the oracle averages that over the same units
        double sumR = 0;
        long units = 0;
        double c = (40 - 1) / 2.0;
        for (int z = 1; z < 39; z++) {
            for (int y = 1; y < 39; y++) {
                for (int x = 1; x < 39; x++) {
                    if (inSphere(x, y, z, c, 18) && inSphere(x - 1, y, z, c, 18) && inSphere(x + 1, y, z, c, 18)
                            && inSphere(x, y - 1, z, c, 18) && inSphere(x, y + 1, z, c, 18)
                            && inSphere(x, y, z - 1, c, 18) && inSphere(x, y, z + 1, c, 18)) {
                        sumR += Math.sqrt((x - c) * (x - c) + (y - c) * (y - c) + (z - c) * (z - c));
                        units++;
                    }
                }
            }
        }
        assertEquals(units, s.vectors(), "units with six valid neighbours");
        assertEquals(0.02 / 30 * sumR / units, s.meanSizeEvPerNm(), FLOAT32_GRADIENT_TOL_EV_PER_NM, "mean |u|");

        float[] m = disk(80, 36, (dx, dy, dz) -> 8340 + 0.01 * (dx * dx + dy * dy));
        ThetaStatistics s2 = ValenceGradient.map(m, 80, 80, OPT);
        assertEquals(1.0, s2.meanAbsCos(), 1e-3);
        assertEquals(1 - Math.PI / 2, s2.tangentialIndex(), 2e-3);
    }

    @Test
    void smoothedIsotropicNoiseFollowsTheRandomReference() {
        int n = 72;
        double[] noise = smoothNoise(n, n, n, 42);
        float[] v = sphere(n, 34, (dx, dy, dz) -> 0);
        for (int i = 0; i < v.length; i++) {
            if (!Float.isNaN(v[i])) {
                v[i] = (float) (8344 + noise[i]);
            }
        }
        ThetaStatistics s = ValenceGradient.volume(v, n, n, n, OPT);
        // ~1.5e5 vectors, correlated over a few voxels: E|cos| = 1/2 to within 0.01
        assertEquals(0.5, s.meanAbsCos(), 0.01, "3D mean |cos|");
        assertEquals(0.0, s.tangentialIndex(), 0.02);
        assertTrue(groupedDeviation(s) < 0.01, "10-degree groups vs sin(theta): " + groupedDeviation(s));

        int m = 400;
        double[] noise2 = smoothNoise(1, m, m, 43);
        float[] w = disk(m, 195, (dx, dy, dz) -> 0);
        for (int i = 0; i < w.length; i++) {
            if (!Float.isNaN(w[i])) {
                w[i] = (float) (8344 + noise2[i]);
            }
        }
        ThetaStatistics s2 = ValenceGradient.map(w, m, m, OPT);
        assertEquals(2 / Math.PI, s2.meanAbsCos(), 0.01, "2D mean |cos|");
        assertTrue(groupedDeviation(s2) < 0.01, "10-degree groups vs uniform: " + groupedDeviation(s2));
    }

    static float[] testVolume(int n, long seed) {
        double[] noise = smoothNoise(n, n, n, seed);
        float[] v = sphere(n, n / 2.0 - 2, (dx, dy, dz) -> 0.2 * Math.sqrt(dx * dx + dy * dy + dz * dz) / n);
        // an off-centre, non-symmetric particle: cut a cap so that O moves
        for (int i = 0; i < v.length; i++) {
            int x = i % n;
            if (!Float.isNaN(v[i])) {
                v[i] = x > n - 6 ? Float.NaN : (float) (8344 + v[i] + noise[i]);
            }
        }
        return v;
    }

    /** Rotation by 90 degrees about z (x' = n-1-y, y' = x) followed by mirroring z. */
    static float[] rotateMirror(float[] v, int n) {
        float[] r = new float[v.length];
        for (int z = 0; z < n; z++) {
            for (int y = 0; y < n; y++) {
                for (int x = 0; x < n; x++) {
                    int xr = n - 1 - y;
                    int yr = x;
                    int zr = n - 1 - z;
                    r[(zr * n + yr) * n + xr] = v[(z * n + y) * n + x];
                }
            }
        }
        return r;
    }

    @Test
    void rotatingOrMirroringLeavesTheStatisticsUnchanged() {
        int n = 36;
        float[] v = testVolume(n, 5);
        float[] r = rotateMirror(v, n);
        for (int b = 1; b <= 3; b++) {
            if (n % b != 0) {
                continue;
            }
            ThetaStatistics a = ValenceGradient.volume(v, n, n, n, OPT.withMerge(b));
            ThetaStatistics c = ValenceGradient.volume(r, n, n, n, OPT.withMerge(b));
            assertEquals(a.vectors(), c.vectors(), "b=" + b);
            // b = 1: exact up to the order of the dot-product terms; b > 1: merged units rounded to float32
            assertEquals(a.meanAbsCos(), c.meanAbsCos(), b == 1 ? 1e-12 : 1e-8, "b=" + b);
            double diff = 0;
            for (int i = 0; i < 180; i++) {
                diff += Math.abs(a.thetaDensityPerDeg()[i] - c.thetaDensityPerDeg()[i]);
            }
            // identical up to float rounding of the summed dot product: at most a bin flip or two
            assertTrue(diff * a.vectors() <= 4, "b=" + b + " count differences " + diff * a.vectors());
        }
    }

    /** Naive reference: Java 3D arrays, Math.acos, no tables or chunking. */
    static double[] naive(float[] v, int n, int b, double voxelNm, long[] countsOut, double[] groupMeanOut) {
        return naive(v, n, b, voxelNm, countsOut, groupMeanOut, new double[180]);
    }

    /** As above; {@code weightedOut[bin]} receives the sum of |u| of the vectors in each 1-degree bin. */
    static double[] naive(float[] v, int n, int b, double voxelNm, long[] countsOut, double[] groupMeanOut,
            double[] weightedOut) {
        int m = n / b;
        double[][][] u = new double[m][m][m];
        for (int z = 0; z < m; z++) {
            for (int y = 0; y < m; y++) {
                for (int x = 0; x < m; x++) {
                    double s = 0;
                    boolean ok = true;
                    for (int k = 0; k < b; k++) {
                        for (int j = 0; j < b; j++) {
                            for (int i = 0; i < b; i++) {
                                float f = v[((z * b + k) * n + y * b + j) * n + x * b + i];
                                ok &= !Float.isNaN(f);
                                s += f;
                            }
                        }
                    }
                    u[z][y][x] = ok ? s / (b * b * b) : Double.NaN;
                }
            }
        }
        double ox = 0;
        double oy = 0;
        double oz = 0;
        int cnt = 0;
        for (int z = 0; z < m; z++) {
            for (int y = 0; y < m; y++) {
                for (int x = 0; x < m; x++) {
                    if (!Double.isNaN(u[z][y][x])) {
                        ox += x;
                        oy += y;
                        oz += z;
                        cnt++;
                    }
                }
            }
        }
        ox /= cnt;
        oy /= cnt;
        oz /= cnt;
        double h = b * voxelNm;
        double sumAbsCos = 0;
        long vectors = 0;
        double[] gSum = new double[9];
        long[] gCnt = new long[9];
        for (int z = 1; z < m - 1; z++) {
            for (int y = 1; y < m - 1; y++) {
                for (int x = 1; x < m - 1; x++) {
                    double c = u[z][y][x] + u[z][y][x - 1] + u[z][y][x + 1] + u[z][y - 1][x] + u[z][y + 1][x]
                            + u[z - 1][y][x] + u[z + 1][y][x];
                    if (Double.isNaN(c)) {
                        continue;
                    }
                    double[] g = {(u[z][y][x + 1] - u[z][y][x - 1]) / (2 * h), (u[z][y + 1][x] - u[z][y - 1][x]) / (2 * h),
                        (u[z + 1][y][x] - u[z - 1][y][x]) / (2 * h)};
                    double[] w = {ox - x, oy - y, oz - z};
                    double gu = Math.sqrt(g[0] * g[0] + g[1] * g[1] + g[2] * g[2]);
                    double gv = Math.sqrt(w[0] * w[0] + w[1] * w[1] + w[2] * w[2]);
                    if (gu == 0 || gv == 0) {
                        continue;
                    }
                    double cos = (g[0] * w[0] + g[1] * w[1] + g[2] * w[2]) / (gu * gv);
                    double theta = Math.toDegrees(Math.acos(Math.max(-1, Math.min(1, cos))));
                    int bin = Math.min(179, (int) Math.floor(theta));
                    countsOut[bin]++;
                    weightedOut[bin] += gu;
                    double folded = theta > 90 ? 180 - theta : theta;
                    int grp = Math.min(8, (int) Math.floor(folded / 10));
                    gSum[grp] += gu;
                    gCnt[grp]++;
                    sumAbsCos += Math.abs(cos);
                    vectors++;
                }
            }
        }
        for (int g = 0; g < 9; g++) {
            groupMeanOut[g] = gSum[g] / gCnt[g];
        }
        return new double[] {vectors, sumAbsCos / vectors, ox, oy, oz};
    }

    @Test
    void agreesWithANaiveReferenceForEveryMerge() {
        int n = 36;
        float[] v = testVolume(n, 9);
        for (int b = 1; b <= 3; b++) {
            long[] counts = new long[180];
            double[] groupMean = new double[9];
            double[] ref = naive(v, n, b, 30, counts, groupMean);
            ThetaStatistics s = ValenceGradient.volume(v, n, n, n, OPT.withMerge(b));
            assertEquals((long) ref[0], s.vectors(), "vectors b=" + b);
            assertArrayEquals(new double[] {ref[2], ref[3], ref[4]}, s.centreUnits(), 1e-12, "centre b=" + b);
            // merged units are float32 in the library, double in the reference: 1e-6 relative
            assertEquals(ref[1], s.meanAbsCos(), 1e-6, "mean |cos| b=" + b);
            long diff = 0;
            for (int i = 0; i < 180; i++) {
                diff += Math.abs(counts[i] - Math.round(s.thetaDensityPerDeg()[i] * s.vectors()));
            }
            assertTrue(diff <= 2 + s.vectors() / 1000, "bin count differences b=" + b + ": " + diff);
            for (int g = 0; g < 9; g++) {
                assertEquals(groupMean[g], s.groupMeanSizeEvPerNm()[g], 1e-3 * groupMean[g], "group " + g + " b=" + b);
            }
        }
        // b = 1 reads the float input directly: exact agreement
        long[] counts = new long[180];
        double[] weighted = new double[180];
        double[] ref = naive(v, n, 1, 30, counts, new double[9], weighted);
        ThetaStatistics s = ValenceGradient.volume(v, n, n, n, OPT);
        assertEquals(ref[1], s.meanAbsCos(), 1e-12);
        double weightSum = 0;
        for (double w : weighted) {
            weightSum += w;
        }
        for (int i = 0; i < 180; i++) {
            assertEquals(counts[i], Math.round(s.thetaDensityPerDeg()[i] * s.vectors()), "bin " + i);
            // same vectors in the same bins: only the summation order of the |u| differs (double rounding)
            assertEquals(weighted[i] / weightSum, s.weightedThetaDensityPerDeg()[i], 1e-12, "weighted bin " + i);
        }
    }

    @Test
    void twoDimensionalModelAgreesWithANaiveReference() {
        int n = 90;
        double[] noise = smoothNoise(1, n, n, 77);
        float[] m = disk(n, 40, (dx, dy, dz) -> 0.3 * Math.hypot(dx, dy) / 40);
        for (int i = 0; i < m.length; i++) {
            int x = i % n;
            if (!Float.isNaN(m[i])) {
                m[i] = x < 12 ? Float.NaN : (float) (8344 + m[i] + noise[i]);
            }
        }
        for (int b = 1; b <= 2; b++) {
            int k = n / b;
            double[][] u = new double[k][k];
            double ox = 0;
            double oy = 0;
            int cnt = 0;
            for (int y = 0; y < k; y++) {
                for (int x = 0; x < k; x++) {
                    double s = 0;
                    for (int j = 0; j < b; j++) {
                        for (int i = 0; i < b; i++) {
                            s += m[(y * b + j) * n + x * b + i];
                        }
                    }
                    u[y][x] = s / (b * b);
                    if (!Double.isNaN(u[y][x])) {
                        ox += x;
                        oy += y;
                        cnt++;
                    }
                }
            }
            ox /= cnt;
            oy /= cnt;
            long[] counts = new long[180];
            double sumAbsCos = 0;
            long vectors = 0;
            double sizeSum = 0;
            for (int y = 1; y < k - 1; y++) {
                for (int x = 1; x < k - 1; x++) {
                    if (Double.isNaN(u[y][x] + u[y][x - 1] + u[y][x + 1] + u[y - 1][x] + u[y + 1][x])) {
                        continue;
                    }
                    double gx = (u[y][x + 1] - u[y][x - 1]) / (2 * 30.0 * b);
                    double gy = (u[y + 1][x] - u[y - 1][x]) / (2 * 30.0 * b);
                    double vx = ox - x;
                    double vy = oy - y;
                    double gu = Math.hypot(gx, gy);
                    double gv = Math.hypot(vx, vy);
                    if (gu == 0 || gv == 0) {
                        continue;
                    }
                    double cos = Math.max(-1, Math.min(1, (gx * vx + gy * vy) / (gu * gv)));
                    counts[Math.min(179, (int) Math.floor(Math.toDegrees(Math.acos(cos))))]++;
                    sumAbsCos += Math.abs(cos);
                    sizeSum += gu;
                    vectors++;
                }
            }
            ThetaStatistics s = ValenceGradient.map(m, n, n, OPT.withMerge(b));
            assertEquals(GradientModel.MAP_2D, s.model());
            assertEquals(vectors, s.vectors(), "2D vectors b=" + b);
            assertEquals(sumAbsCos / vectors, s.meanAbsCos(), b == 1 ? 1e-12 : 1e-6, "2D mean |cos| b=" + b);
            assertEquals(sizeSum / vectors, s.meanSizeEvPerNm(), 1e-4 * sizeSum / vectors, "2D mean |u| b=" + b);
            long diff = 0;
            for (int i = 0; i < 180; i++) {
                diff += Math.abs(counts[i] - Math.round(s.thetaDensityPerDeg()[i] * s.vectors()));
            }
            assertTrue(diff <= (b == 1 ? 0 : 2), "2D bin differences b=" + b + ": " + diff);
        }
    }

    @Test
    void bitIdenticalForAnyThreadCount() {
        int n = 40;
        float[] v = testVolume(n, 11);
        String old = System.getProperty("cathodekit.threads");
        try {
            System.setProperty("cathodekit.threads", "1");
            ThetaStatistics a = ValenceGradient.volume(v, n, n, n, OPT.withMerge(2));
            ThetaStatistics a1 = ValenceGradient.volume(v, n, n, n, OPT);
            System.setProperty("cathodekit.threads", "3");
            ThetaStatistics c = ValenceGradient.volume(v, n, n, n, OPT.withMerge(2));
            ThetaStatistics c1 = ValenceGradient.volume(v, n, n, n, OPT);
            for (ThetaStatistics[] p : new ThetaStatistics[][] {{a, c}, {a1, c1}}) {
                assertArrayEquals(p[0].thetaDensityPerDeg(), p[1].thetaDensityPerDeg());
                assertArrayEquals(p[0].weightedThetaDensityPerDeg(), p[1].weightedThetaDensityPerDeg());
                assertArrayEquals(p[0].groupMeanSizeEvPerNm(), p[1].groupMeanSizeEvPerNm());
                assertEquals(Double.doubleToLongBits(p[0].meanAbsCos()), Double.doubleToLongBits(p[1].meanAbsCos()));
            }
        } finally {
            if (old == null) {
                System.clearProperty("cathodekit.threads");
            } else {
                System.setProperty("cathodekit.threads", old);
            }
        }
    }

    @Test
    void densitiesAreNormalisedAndTheReferenceIsExact() {
        ThetaStatistics s = ValenceGradient.volume(testVolume(30, 3), 30, 30, 30, OPT);
        double a = 0;
        double w = 0;
        double r = 0;
        for (int i = 0; i < 180; i++) {
            a += s.thetaDensityPerDeg()[i];
            w += s.weightedThetaDensityPerDeg()[i];
            r += s.referenceDensityPerDeg()[i];
        }
        assertEquals(1, a, 1e-12);
        assertEquals(1, w, 1e-12);
        assertEquals(1, r, 1e-12);
        // reference at 90 deg: (cos 90 - cos 91)/2 = sin(1 deg)/2
        assertEquals(Math.sin(Math.toRadians(1)) / 2, s.referenceDensityPerDeg()[90], 1e-15);
        assertEquals(1.0 / 180, GradientModel.MAP_2D.referenceDensityPerDeg()[37], 1e-15);
        long hist = 0;
        for (long[] g : s.groupSizeCounts()) {
            for (long c : g) {
                hist += c;
            }
        }
        assertEquals(s.vectors(), hist);
        // theta binning by cos edges equals floor(acos) away from the edges
        for (double deg = 0.25; deg < 180; deg += 0.5) {
            assertEquals((int) Math.floor(deg), ValenceGradient.thetaBin(Math.cos(Math.toRadians(deg))), "deg " + deg);
        }
        for (double lg = -7; lg < 3; lg += 0.0137) {
            double size = Math.pow(10, lg);
            int expect = (int) Math.max(0, Math.min(159, Math.floor((lg + 6) * 20)));
            int k = ValenceGradient.sizeBin(size);
            assertTrue(k == expect || Math.abs((lg + 6) * 20 - Math.rint((lg + 6) * 20)) < 1e-9, "size 1e" + lg);
            assertTrue(k == 0 || size >= ValenceGradient.SIZE_EDGE[k]);
            assertTrue(k == 159 || size < ValenceGradient.SIZE_EDGE[k + 1]);
        }
        assertEquals(0, ValenceGradient.thetaBin(1));
        assertEquals(179, ValenceGradient.thetaBin(-1));
        assertEquals(90, ValenceGradient.thetaBin(0));
    }

    @Test
    void badInputIsNamed() {
        float[] nan = new float[27 * 27];
        java.util.Arrays.fill(nan, Float.NaN);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ValenceGradient.volume(nan, 27, 3, 9, OPT));
        assertTrue(e.getMessage().contains("only 0 valid"), e.getMessage());
        float[] few = nan.clone();
        for (int i = 0; i < 26; i++) {
            few[i] = 1;
        }
        e = assertThrows(IllegalArgumentException.class, () -> ValenceGradient.volume(few, 27, 3, 9, OPT));
        assertTrue(e.getMessage().contains("at least 27"), e.getMessage());
        float[] ones = new float[1000];
        java.util.Arrays.fill(ones, 1f);
        e = assertThrows(IllegalArgumentException.class,
                () -> ValenceGradient.volume(ones, new boolean[1000], 10, 10, 10, OPT));
        assertTrue(e.getMessage().contains("unmasked"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> ValenceGradient.volume(ones, 10, 10, 11, OPT));
        assertTrue(e.getMessage().contains("needs 1100"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> ValenceGradient.volume(ones, 10, 10, 10, OPT.withMerge(4)));
        assertTrue(e.getMessage().contains("at least 3 per axis"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> OPT.withVoxelSizeNm(0));
        assertTrue(e.getMessage().contains("voxelSizeNm"), e.getMessage());
        // constant field: no non-zero gradient
        e = assertThrows(IllegalArgumentException.class, () -> ValenceGradient.volume(ones, 10, 10, 10, OPT));
        assertTrue(e.getMessage().contains("non-zero gradient"), e.getMessage());
        // input never modified
        float[] v = testVolume(20, 1);
        float[] copy = v.clone();
        boolean[] all = new boolean[v.length];
        java.util.Arrays.fill(all, true);
        ValenceGradient.volume(v, all, 20, 20, 20, OPT.withMerge(2));
        assertArrayEquals(copy, v, "input not modified");
    }
}
