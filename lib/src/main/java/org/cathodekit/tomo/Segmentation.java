package org.cathodekit.tomo;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.cathodekit.core.FloatVolume;
import org.cathodekit.core.Parallel;

/**
 * Separates a reconstructed particle from its outside and counts its interior voids and cracks
 * (paper B, Fig. 4k: void + crack volume fraction; Fig. 4l: particle volume).
 *
 * <ol>
 *   <li><b>Material</b>: voxels above a global threshold t: Otsu's (N. Otsu, IEEE Trans. SMC 9, 62
 *       (1979): the t of a 256-bin histogram of the finite voxels that maximises the between-class
 *       variance w0 w1 (mu1 - mu0)^2) unless a value is given.</li>
 *   <li><b>Envelope</b> (the filled particle): the material mask is closed by a cube of radius
 *       {@code closeRadiusVox} (dilation then erosion; outside the volume counts as material for the
 *       erosion, so closing never removes material), then every non-material voxel connected
 *       (6-neighbours) to the volume's border is "outside"; the rest is the envelope. Closing seals
 *       cracks that open to the surface so that they count as cracks.</li>
 *   <li><b>Voids and cracks</b>: envelope voxels that are not material; connected components
 *       (6-neighbours) with sizes and centroids; void fraction = voids / envelope.</li>
 *   <li><b>Band</b> ("error bars from binarization"): the void fraction at t +- b (mu1 - mu0), with
 *       mu0, mu1 the class means at t and b = {@code bandFraction}; the band is [min, max] of the
 *       three fractions.</li>
 * </ol>
 * Particle volume [um^3] = envelope voxels x (voxel nm)^3 x 1e-9. Results are identical for any
 * thread count (morphology rows are independent; flood fill and labelling are sequential).
 */
public final class Segmentation {
    private Segmentation() {
    }

    /** Segments with {@link SegmentationOptions#DEFAULTS}. */
    public static SegmentationResult segment(FloatVolume v) {
        return segment(v, SegmentationOptions.DEFAULTS);
    }

    /**
     * @throws IllegalArgumentException when the volume has no finite voxel, is constant, or has no
     *                                  material above the threshold
     */
    public static SegmentationResult segment(FloatVolume v, SegmentationOptions o) {
        List<String> warnings = new ArrayList<>();
        double t;
        String method;
        if (Double.isNaN(o.threshold())) {
            t = otsuThreshold(v);
            method = "otsu";
        } else {
            t = o.threshold();
            method = "given";
        }
        double[] means = classMeans(v, t);
        if (means[2] == 0) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "no voxel above the threshold %.6g (range of the volume %.6g to %.6g); expected a particle brighter "
                            + "than its background", t, means[3], means[4]));
        }
        int n = v.voxels();
        byte[] material = new byte[n];
        byte[] envelope = new byte[n];
        int[] work = new int[n];
        long[] counts = envelope(v, t, o.closeRadiusVox(), material, envelope, work);
        long materialVoxels = counts[0];
        long envelopeVoxels = counts[1];
        long voidVoxels = envelopeVoxels - countMaterialInEnvelope(material, envelope);
        double vf = (double) voidVoxels / envelopeVoxels;
        if (counts[2] > 0) {
            warnings.add("the particle touches the volume border (" + counts[2] + " envelope voxels on the border): "
                    + "its envelope, volume and void fraction are cut by the field of view");
        }
        // components of the voids, then of the material
        List<SegmentationResult.Component> comps = new ArrayList<>();
        double voxelNm = v.voxelNm();
        double voxelUm3 = Double.isNaN(voxelNm) ? Double.NaN : Math.pow(voxelNm * 1e-3, 3);
        byte[] voids = new byte[n];
        for (int i = 0; i < n; i++) {
            voids[i] = (byte) (envelope[i] == 1 && material[i] == 0 ? 1 : 0);
        }
        List<long[]> voidStats = components(voids, v.nz(), v.ny(), v.nx(), work);
        voidStats.sort((a, b) -> Long.compare(b[0], a[0]));
        for (int i = 0; i < Math.min(o.maxComponents(), voidStats.size()); i++) {
            long[] s = voidStats.get(i);
            comps.add(new SegmentationResult.Component(s[0], s[0] * voxelUm3,
                    new double[] {s[1] / (double) s[0], s[2] / (double) s[0], s[3] / (double) s[0]}));
        }
        List<long[]> materialStats = components(material, v.nz(), v.ny(), v.nx(), work);
        if (materialStats.size() > 1) {
            // single noise voxels at partial-volume edges make specks; warn only when a second piece is
            // substantial (more than 1 % of the material): then the envelope spans several particles
            long largest = 0;
            long second = 0;
            for (long[] st : materialStats) {
                if (st[0] > largest) {
                    second = largest;
                    largest = st[0];
                } else if (st[0] > second) {
                    second = st[0];
                }
            }
            if (second > 0.01 * materialVoxels) {
                warnings.add(String.format(Locale.ROOT, "%d separate material pieces; the largest holds %.1f %%, the second "
                        + "%.1f %% of the material (the envelope and void fraction include all pieces)", materialStats.size(),
                        100.0 * largest / materialVoxels, 100.0 * second / materialVoxels));
            }
        }
        double[] band = {vf, vf};
        double[] bandT = {t, t};
        if (o.bandFraction() > 0 && means[1] > means[0]) {
            double d = o.bandFraction() * (means[1] - means[0]);
            bandT = new double[] {t - d, t + d};
            for (double tb : bandT) {
                long[] c = envelope(v, tb, o.closeRadiusVox(), material, envelope, work);
                if (c[0] == 0 || c[1] == 0) {
                    continue;
                }
                double f = (double) (c[1] - countMaterialInEnvelope(material, envelope)) / c[1];
                band[0] = Math.min(band[0], f);
                band[1] = Math.max(band[1], f);
            }
        }
        if (vf > 0.5) {
            warnings.add(String.format(Locale.ROOT, "void fraction %.2f: more void than material inside the particle;"
                    + " check the threshold", vf));
        }
        double volumeUm3 = envelopeVoxels * voxelUm3;
        return new SegmentationResult(t, method, materialVoxels, envelopeVoxels, voidVoxels, vf, band, bandT,
                volumeUm3, voxelNm, materialStats.size(), voidStats.size(), comps, o, warnings);
    }

    /**
     * The masks behind a result (for figures and further analysis): material (v > threshold),
     * envelope (the filled, closed particle) and voids (envelope and not material), flat [z][y][x].
     */
    public record Masks(byte[] material, byte[] envelope, byte[] voids) {
        /** @return the {@code [y][x]} plane {@code z} of a mask. */
        public static byte[] slice(byte[] mask, int z, int ny, int nx) {
            byte[] out = new byte[ny * nx];
            System.arraycopy(mask, z * ny * nx, out, 0, ny * nx);
            return out;
        }
    }

    /** Recomputes the masks of {@code r} on the volume it came from. */
    public static Masks masks(FloatVolume v, SegmentationResult r) {
        int n = v.voxels();
        byte[] material = new byte[n];
        byte[] envelope = new byte[n];
        envelope(v, r.threshold(), r.options().closeRadiusVox(), material, envelope, new int[n]);
        byte[] voids = new byte[n];
        for (int i = 0; i < n; i++) {
            voids[i] = (byte) (envelope[i] == 1 && material[i] == 0 ? 1 : 0);
        }
        return new Masks(material, envelope, voids);
    }

    /**
     * Otsu's threshold of the finite voxels (256 bins between their minimum and maximum): the upper
     * edge of the bin k that maximises w0(k) w1(k) (mu0(k) - mu1(k))^2.
     */
    public static double otsuThreshold(FloatVolume v) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        int n = v.voxels();
        for (int i = 0; i < n; i++) {
            float x = v.at(i);
            if (Float.isFinite(x)) {
                min = Math.min(min, x);
                max = Math.max(max, x);
            }
        }
        if (min > max) {
            throw new IllegalArgumentException("volume has no finite voxel; expected reconstructed values");
        }
        if (!(max > min)) {
            throw new IllegalArgumentException("volume is constant (" + min + "); expected a particle against a background");
        }
        int bins = 256;
        long[] hist = new long[bins];
        double width = (max - min) / bins;
        for (int i = 0; i < n; i++) {
            float x = v.at(i);
            if (Float.isFinite(x)) {
                hist[Math.min(bins - 1, (int) ((x - min) / width))]++;
            }
        }
        long total = 0;
        double sumAll = 0;
        for (int k = 0; k < bins; k++) {
            total += hist[k];
            sumAll += hist[k] * (k + 0.5);
        }
        long w0 = 0;
        double sum0 = 0;
        double best = -1;
        int bestK = 0;
        for (int k = 0; k < bins - 1; k++) {
            w0 += hist[k];
            sum0 += hist[k] * (k + 0.5);
            long w1 = total - w0;
            if (w0 == 0 || w1 == 0) {
                continue;
            }
            double m0 = sum0 / w0;
            double m1 = (sumAll - sum0) / w1;
            double between = (double) w0 * w1 * (m0 - m1) * (m0 - m1);
            if (between > best) {
                best = between;
                bestK = k;
            }
        }
        return min + (bestK + 1) * width;
    }

    /** [mean below-or-at t, mean above t, count above, min, max] of the finite voxels. */
    private static double[] classMeans(FloatVolume v, double t) {
        double s0 = 0;
        double s1 = 0;
        long c0 = 0;
        long c1 = 0;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < v.voxels(); i++) {
            float x = v.at(i);
            if (!Float.isFinite(x)) {
                continue;
            }
            min = Math.min(min, x);
            max = Math.max(max, x);
            if (x > t) {
                s1 += x;
                c1++;
            } else {
                s0 += x;
                c0++;
            }
        }
        if (c0 + c1 == 0) {
            throw new IllegalArgumentException("volume has no finite voxel; expected reconstructed values");
        }
        return new double[] {c0 == 0 ? Double.NaN : s0 / c0, c1 == 0 ? Double.NaN : s1 / c1, c1, min, max};
    }

    private static long countMaterialInEnvelope(byte[] material, byte[] envelope) {
        long c = 0;
        for (int i = 0; i < material.length; i++) {
            c += material[i] & envelope[i];
        }
        return c;
    }

    /**
     * Fills {@code material} (v > t) and {@code envelope}; returns [material count, envelope count,
     * envelope voxels on the border].
     */
    private static long[] envelope(FloatVolume v, double t, int r, byte[] material, byte[] envelope, int[] queue) {
        int n = v.voxels();
        long mc = 0;
        for (int i = 0; i < n; i++) {
            float x = v.at(i);
            byte m = (byte) (x > t ? 1 : 0);
            material[i] = m;
            mc += m;
        }
        int nz = v.nz();
        int ny = v.ny();
        int nx = v.nx();
        byte[] closed = material.clone();
        if (r > 0) {
            byte[] tmp = new byte[n];
            morph(closed, tmp, nz, ny, nx, r, true);
            morph(closed, tmp, nz, ny, nx, r, false);
        }
        // exterior: flood from border voxels that are not (closed) material; envelope = the rest
        Arrays.fill(envelope, (byte) 1);
        int head = 0;
        int tail = 0;
        for (int z = 0; z < nz; z++) {
            for (int y = 0; y < ny; y++) {
                for (int x = 0; x < nx; x++) {
                    boolean border = (nz > 1 && (z == 0 || z == nz - 1)) || y == 0 || y == ny - 1 || x == 0 || x == nx - 1;
                    int i = (z * ny + y) * nx + x;
                    if (border && closed[i] == 0 && envelope[i] == 1) {
                        envelope[i] = 0;
                        queue[tail++] = i;
                    }
                }
            }
        }
        int plane = ny * nx;
        while (head < tail) {
            int i = queue[head++];
            int z = i / plane;
            int y = (i / nx) % ny;
            int x = i % nx;
            if (x > 0) {
                tail = visit(i - 1, closed, envelope, queue, tail);
            }
            if (x < nx - 1) {
                tail = visit(i + 1, closed, envelope, queue, tail);
            }
            if (y > 0) {
                tail = visit(i - nx, closed, envelope, queue, tail);
            }
            if (y < ny - 1) {
                tail = visit(i + nx, closed, envelope, queue, tail);
            }
            if (z > 0) {
                tail = visit(i - plane, closed, envelope, queue, tail);
            }
            if (z < nz - 1) {
                tail = visit(i + plane, closed, envelope, queue, tail);
            }
        }
        long ec = 0;
        long onBorder = 0;
        for (int z = 0; z < nz; z++) {
            for (int y = 0; y < ny; y++) {
                for (int x = 0; x < nx; x++) {
                    int i = (z * ny + y) * nx + x;
                    if (envelope[i] == 1) {
                        ec++;
                        if ((nz > 1 && (z == 0 || z == nz - 1)) || y == 0 || y == ny - 1 || x == 0 || x == nx - 1) {
                            onBorder++;
                        }
                    }
                }
            }
        }
        return new long[] {mc, ec, onBorder};
    }

    private static int visit(int j, byte[] closed, byte[] envelope, int[] queue, int tail) {
        if (closed[j] == 0 && envelope[j] == 1) {
            envelope[j] = 0;
            queue[tail++] = j;
        }
        return tail;
    }

    /**
     * Binary dilation (or erosion) by a cube of radius r, separable along x, y, z, in place in
     * {@code m} ({@code tmp} is scratch). Each line uses prefix counts; for the erosion the outside of
     * the volume counts as material.
     */
    static void morph(byte[] m, byte[] tmp, int nz, int ny, int nx, int r, boolean dilate) {
        int[] dims = {nz, ny, nx};
        int[] strides = {ny * nx, nx, 1};
        for (int axis = 2; axis >= 0; axis--) {
            int len = dims[axis];
            if (len == 1) {
                continue;
            }
            int stride = strides[axis];
            int lines = m.length / len;
            final int ax = axis;
            byte[] src = m;
            byte[] dst = tmp;
            Parallel.forEachChunk(lines, 256, (chunk, from, to) -> {
                int[] prefix = new int[len + 1];
                for (int line = from; line < to; line++) {
                    int start = lineStart(line, ax, nz, ny, nx);
                    for (int k = 0; k < len; k++) {
                        prefix[k + 1] = prefix[k] + src[start + k * stride];
                    }
                    for (int k = 0; k < len; k++) {
                        int lo = Math.max(0, k - r);
                        int hi = Math.min(len - 1, k + r);
                        int ones = prefix[hi + 1] - prefix[lo];
                        byte out;
                        if (dilate) {
                            out = (byte) (ones > 0 ? 1 : 0);
                        } else {
                            out = (byte) (ones == hi - lo + 1 ? 1 : 0);
                        }
                        dst[start + k * stride] = out;
                    }
                }
            });
            System.arraycopy(tmp, 0, m, 0, m.length);
        }
    }

    /** Flat index of the first voxel of line {@code line} along {@code axis}. */
    private static int lineStart(int line, int axis, int nz, int ny, int nx) {
        return switch (axis) {
            case 2 -> line * nx; // lines are (z, y)
            case 1 -> (line / nx) * ny * nx + line % nx; // lines are (z, x)
            default -> line; // lines are (y, x): index y * nx + x in plane 0
        };
    }

    /** 6-connected components of the ones in {@code mask}: per component [voxels, sum z, sum y, sum x]. */
    static List<long[]> components(byte[] mask, int nz, int ny, int nx, int[] queue) {
        int n = mask.length;
        byte[] seen = new byte[n];
        List<long[]> out = new ArrayList<>();
        int plane = ny * nx;
        for (int s = 0; s < n; s++) {
            if (mask[s] == 0 || seen[s] == 1) {
                continue;
            }
            long count = 0;
            long sz = 0;
            long sy = 0;
            long sx = 0;
            int head = 0;
            int tail = 0;
            seen[s] = 1;
            queue[tail++] = s;
            while (head < tail) {
                int i = queue[head++];
                int z = i / plane;
                int y = (i / nx) % ny;
                int x = i % nx;
                count++;
                sz += z;
                sy += y;
                sx += x;
                if (x > 0 && mask[i - 1] == 1 && seen[i - 1] == 0) {
                    seen[i - 1] = 1;
                    queue[tail++] = i - 1;
                }
                if (x < nx - 1 && mask[i + 1] == 1 && seen[i + 1] == 0) {
                    seen[i + 1] = 1;
                    queue[tail++] = i + 1;
                }
                if (y > 0 && mask[i - nx] == 1 && seen[i - nx] == 0) {
                    seen[i - nx] = 1;
                    queue[tail++] = i - nx;
                }
                if (y < ny - 1 && mask[i + nx] == 1 && seen[i + nx] == 0) {
                    seen[i + nx] = 1;
                    queue[tail++] = i + nx;
                }
                if (z > 0 && mask[i - plane] == 1 && seen[i - plane] == 0) {
                    seen[i - plane] = 1;
                    queue[tail++] = i - plane;
                }
                if (z < nz - 1 && mask[i + plane] == 1 && seen[i + plane] == 0) {
                    seen[i + plane] = 1;
                    queue[tail++] = i + plane;
                }
            }
            out.add(new long[] {count, sz, sy, sx});
        }
        return out;
    }
}
