package org.cathodekit.tomo;

import java.util.ArrayList;
import java.util.List;

import org.cathodekit.core.FloatVolume;
import org.cathodekit.core.Parallel;
import org.jtransforms.fft.FloatFFT_2D;
import org.jtransforms.fft.FloatFFT_3D;

import pl.edu.icm.jlargearrays.ConcurrencyUtils;

/**
 * Rigid (translation) registration of a moving volume onto a reference by cross-correlation, with
 * sub-voxel refinement by the upsampled matrix-multiply DFT of Guizar-Sicairos, Thurman and Fienup,
 * "Efficient subpixel image registration algorithms", Opt. Lett. 33, 156 (2008).
 *
 * <p>With {@code r} the reference and {@code m} the moving volume, each minus its background level
 * ({@link #background}: the median of its faces; NaN voxels count as background, i.e. 0), the
 * cross-correlation of the zero-padded volumes is
 * <pre>
 *   c(s) = sum_x r(x) m(x - s) = IDFT[ R(k) conj(M(k)) ](s)
 * </pre>
 * (R, M the DFTs, JTransforms' {@code exp(-2 pi i k x / N)} forward convention). If
 * {@code m(x) = r(x - d)}, c peaks at {@code s = -d}: the shift to apply to the moving volume
 * ({@code moved(x) = m(x - s)}) to overlay the reference, as scikit-image's
 * {@code phase_cross_correlation(reference, moving)} reports it.
 *
 * <ol>
 *   <li>integer peak: argmax of c on the voxel grid (one forward FFT per volume, one inverse);</li>
 *   <li>refinement: c evaluated on a grid of step 1/4 over +-0.75 voxel around the integer peak, then
 *       of step 1/u over +-1/4 voxel around that maximum, by
 *       the band-limited DFT sum {@code c(s) = (1/N) sum_k R conj(M) exp(+2 pi i sum_d f_d s_d / N_d)}
 *       with signed frequencies f in [-N/2, N/2), computed separably (x, then y, then z); the grid
 *       maximum is the shift (quantisation at most 1/(2u) voxel);</li>
 *   <li>significance: {@code peak = c(s*) / sqrt(sum r^2 sum m^2)}, the normalised correlation
 *       (cosine similarity) of the overlaid background-subtracted volumes, 1 for a perfect overlay;
 *       {@code registered = peak >= minPeak}.</li>
 * </ol>
 *
 * <p>Each axis is zero-padded to the next 2^a 3^b 5^c length for the FFT (JTransforms uses Bluestein's
 * slower algorithm for other lengths); the padding also removes part of the circular wrap-around.
 * Memory: two complex float arrays of the padded size (16 bytes per voxel) plus the inputs.
 * Results are identical for any thread count (FFT rows and DFT rows are each computed by one
 * thread in a fixed order; reductions run sequentially).
 */
public final class Registration {
    private Registration() {
    }

    /** Registers {@code moving} onto {@code reference} with {@link RegistrationOptions#DEFAULTS}. */
    public static RegistrationResult register(FloatVolume reference, FloatVolume moving) {
        return register(reference, moving, RegistrationOptions.DEFAULTS);
    }

    /**
     * @throws IllegalArgumentException when the shapes or voxel sizes differ, or a volume is constant
     */
    public static RegistrationResult register(FloatVolume reference, FloatVolume moving, RegistrationOptions o) {
        if (!reference.sameShape(moving)) {
            throw new IllegalArgumentException("reference has shape " + java.util.Arrays.toString(reference.shape())
                    + " but moving has " + java.util.Arrays.toString(moving.shape()) + "; expected equal shapes");
        }
        double vr = reference.voxelNm();
        double vm = moving.voxelNm();
        if (!Double.isNaN(vr) && !Double.isNaN(vm) && Math.abs(vr - vm) > 1e-6 * Math.max(vr, vm)) {
            throw new IllegalArgumentException("reference voxel size " + vr + " nm differs from moving " + vm
                    + " nm; expected equal voxel sizes (resample one first)");
        }
        // FFT sizes: each axis zero-padded to the next 5-smooth length (2^a 3^b 5^c): JTransforms
        // falls back to Bluestein's algorithm for other lengths (340 = 4 x 5 x 17 ran 3-4x slower)
        int nz = reference.nz() == 1 ? 1 : smooth(reference.nz());
        int ny = smooth(reference.ny());
        int nx = smooth(reference.nx());
        int n = nz * ny * nx;
        List<String> warnings = new ArrayList<>();
        ConcurrencyUtils.setNumberOfThreads(Parallel.threads());

        float[] a = new float[2 * n];
        double ssr = centredComplex(reference, a, ny, nx, "reference", warnings);
        forward(a, nz, ny, nx);
        float[] b = new float[2 * n];
        double ssm = centredComplex(moving, b, ny, nx, "moving", warnings);
        forward(b, nz, ny, nx);
        // a <- R conj(M) (cross-power spectrum, kept for the refinement); b <- its inverse DFT
        for (int i = 0; i < 2 * n; i += 2) {
            float ar = a[i];
            float ai = a[i + 1];
            float br = b[i];
            float bi = b[i + 1];
            a[i] = ar * br + ai * bi;
            a[i + 1] = ai * br - ar * bi;
        }
        System.arraycopy(a, 0, b, 0, 2 * n);
        inverse(b, nz, ny, nx);
        int best = 0;
        double sum = 0;
        double sum2 = 0;
        for (int i = 0; i < n; i++) {
            double v = b[2 * i];
            sum += v;
            sum2 += v * v;
            if (b[2 * i] > b[2 * best]) {
                best = i;
            }
        }
        double mean = sum / n;
        double sd = Math.sqrt(Math.max(0, sum2 / n - mean * mean));
        double peakZ = sd > 0 ? (b[2 * best] - mean) / sd : 0;
        b = null; // the correlation map is no longer needed; the refinement uses the spectrum in a
        int iz = best / (ny * nx);
        int iy = (best / nx) % ny;
        int ix = best % nx;
        int[] integer = {signed(iz, nz), signed(iy, ny), signed(ix, nx)};
        double[] shift = {integer[0], integer[1], integer[2]};
        double corr;
        if (o.upsampleFactor() > 1) {
            // two stages: a coarse grid (step 1/u1, +-0.75 voxel), then the fine grid (step 1/u) over +-1
            // coarse step around the coarse maximum; the correlation is smooth on that scale, and the
            // cost is (7 + 2 u/u1 + 1) DFT rows per axis instead of 1.5 u + 1
            int u = o.upsampleFactor();
            int u1 = Math.min(u, 4);
            double[] refined = new double[4];
            refine(a, nz, ny, nx, new double[] {integer[0], integer[1], integer[2]}, u1, (int) Math.ceil(0.75 * u1), refined);
            if (u > u1) {
                int h = (int) Math.ceil((double) u / u1);
                refine(a, nz, ny, nx, new double[] {refined[0], refined[1], refined[2]}, u, h, refined);
            }
            shift = new double[] {refined[0], refined[1], refined[2]};
            corr = refined[3];
        } else {
            corr = dftAt(a, nz, ny, nx, shift);
        }
        double denom = Math.sqrt(ssr * ssm);
        double peak = corr / denom;
        int[] dims = {reference.nz(), reference.ny(), reference.nx()};
        String[] axis = {"z", "y", "x"};
        for (int d = 0; d < 3; d++) {
            if (dims[d] > 1 && Math.abs(shift[d]) > 0.4 * dims[d]) {
                warnings.add("shift along " + axis[d] + " is " + String.format(java.util.Locale.ROOT, "%.2f", shift[d])
                        + " voxels, more than 40 % of the field (" + dims[d] + "): the circular correlation may have "
                        + "wrapped; check the overlay");
            }
        }
        if (nz == 1) {
            shift[0] = 0;
        }
        boolean ok = peak >= o.minPeak();
        if (!ok) {
            warnings.add(String.format(java.util.Locale.ROOT,
                    "correlation peak %.3f is below the significance floor %.3f: not registered", peak, o.minPeak()));
        }
        return new RegistrationResult(shift, integer, peak, peakZ, ok, o, warnings);
    }

    /** Index k of an N-point DFT as a signed shift in [-N/2, N/2). */
    private static int signed(int k, int n) {
        return k >= (n + 1) / 2 ? k - n : k;
    }

    /** Signed frequency of bin k: k for k < ceil(N/2), else k - N (Nyquist of even N as -N/2). */
    private static int freq(int k, int n) {
        return k < (n + 1) / 2 ? k : k - n;
    }

    /** @return the smallest 2^a 3^b 5^c >= n. */
    static int smooth(int n) {
        for (int m = Math.max(1, n);; m++) {
            int r = m;
            for (int f : new int[] {2, 3, 5}) {
                while (r % f == 0) {
                    r /= f;
                }
            }
            if (r == 1) {
                return m;
            }
        }
    }

    /**
     * The background level of a volume: the median of the finite voxels on its faces (the outside of
     * a particle); when the faces hold no finite voxel (a map with NaN outside the particle),
     * {@code min - (max - min)} of the finite voxels, so that the particle stands out of a uniform
     * background by at least its own range.
     */
    static double background(FloatVolume v) {
        int nz = v.nz();
        int ny = v.ny();
        int nx = v.nx();
        float[] face = new float[Math.min(v.voxels(), 2 * (ny * nx + nz * nx + nz * ny))];
        int k = 0;
        for (int z = 0; z < nz; z++) {
            for (int y = 0; y < ny; y++) {
                for (int x = 0; x < nx; x++) {
                    boolean border = (nz > 1 && (z == 0 || z == nz - 1)) || y == 0 || y == ny - 1 || x == 0 || x == nx - 1;
                    if (!border) {
                        if (x == 0) {
                            continue;
                        }
                        x = nx - 2; // jump to the last column of the row
                        continue;
                    }
                    float val = v.at(z, y, x);
                    if (Float.isFinite(val) && k < face.length) {
                        face[k++] = val;
                    }
                }
            }
        }
        if (k > 0) {
            float[] f = java.util.Arrays.copyOf(face, k);
            java.util.Arrays.sort(f);
            return k % 2 == 1 ? f[k / 2] : 0.5 * (f[k / 2 - 1] + f[k / 2]);
        }
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < v.voxels(); i++) {
            float val = v.at(i);
            if (Float.isFinite(val)) {
                min = Math.min(min, val);
                max = Math.max(max, val);
            }
        }
        return min - (max - min);
    }

    /**
     * Fills {@code dst} (a zero-padded complex array of rows {@code pny} x {@code pnx}) with the
     * background-subtracted values (NaN voxels count as background, i.e. 0); returns the sum of squares.
     */
    private static double centredComplex(FloatVolume v, float[] dst, int pny, int pnx, String name, List<String> warnings) {
        int n = v.voxels();
        int finite = 0;
        for (int i = 0; i < n; i++) {
            if (Float.isFinite(v.at(i))) {
                finite++;
            }
        }
        if (finite == 0) {
            throw new IllegalArgumentException(name + " volume has no finite voxel; expected numbers to register");
        }
        float b = (float) background(v);
        double ss = 0;
        int vny = v.ny();
        int vnx = v.nx();
        for (int i = 0; i < n; i++) {
            float x = v.at(i);
            float c = Float.isFinite(x) ? x - b : 0f;
            int z = i / (vny * vnx);
            int y = (i / vnx) % vny;
            int xx = i % vnx;
            dst[2 * ((z * pny + y) * pnx + xx)] = c;
            ss += (double) c * c;
        }
        if (!(ss > 0)) {
            throw new IllegalArgumentException(name + " volume is constant; expected contrast to register");
        }
        return ss;
    }

    private static void forward(float[] a, int nz, int ny, int nx) {
        if (nz == 1) {
            new FloatFFT_2D(ny, nx).complexForward(a);
        } else {
            new FloatFFT_3D(nz, ny, nx).complexForward(a);
        }
    }

    private static void inverse(float[] a, int nz, int ny, int nx) {
        if (nz == 1) {
            new FloatFFT_2D(ny, nx).complexInverse(a, true);
        } else {
            new FloatFFT_3D(nz, ny, nx).complexInverse(a, true);
        }
    }

    /** Twiddles e[k * m + j] = exp(2 pi i f(k) s_j / n) for grid points s_j = centre + (j - h) / u. */
    private static void twiddles(int n, double centre, int u, int h, double[] re, double[] im) {
        int m = 2 * h + 1;
        for (int k = 0; k < n; k++) {
            int f = freq(k, n);
            for (int j = 0; j < m; j++) {
                double s = centre + (double) (j - h) / u;
                double ang = 2 * Math.PI * f * s / n;
                re[k * m + j] = Math.cos(ang);
                im[k * m + j] = Math.sin(ang);
            }
        }
    }

    /**
     * Evaluates c on the grid {@code centre + j/u}, j in [-h, h] per axis; writes the best [sz, sy, sx, c] into out.
     * Separable: T1 = S . Ex over x for every (z, y) row, T2 = T1 . Ey over y, T3 = T2 . Ez over z.
     */
    private static void refine(float[] s, int nz, int ny, int nx, double[] centre, int u, int h, double[] out) {
        int m = 2 * h + 1;
        int mz = nz == 1 ? 1 : m;
        int my = ny == 1 ? 1 : m;
        int mx = nx == 1 ? 1 : m;
        int hz = nz == 1 ? 0 : h;
        int hy = ny == 1 ? 0 : h;
        int hx = nx == 1 ? 0 : h;
        double[] exr = new double[nx * mx];
        double[] exi = new double[nx * mx];
        double[] eyr = new double[ny * my];
        double[] eyi = new double[ny * my];
        double[] ezr = new double[nz * mz];
        double[] ezi = new double[nz * mz];
        twiddles(nx, centre[2], u, hx, exr, exi);
        twiddles(ny, centre[1], u, hy, eyr, eyi);
        twiddles(nz, centre[0], u, hz, ezr, ezi);
        int rows = nz * ny;
        double[] t1 = new double[2 * rows * mx];
        Parallel.forEachChunk(rows, 64, (chunk, from, to) -> {
            double[] ar = new double[mx];
            double[] ai = new double[mx];
            for (int row = from; row < to; row++) {
                java.util.Arrays.fill(ar, 0);
                java.util.Arrays.fill(ai, 0);
                int base = 2 * row * nx;
                for (int kx = 0; kx < nx; kx++) {
                    double sr = s[base + 2 * kx];
                    double si = s[base + 2 * kx + 1];
                    int e = kx * mx;
                    for (int j = 0; j < mx; j++) {
                        ar[j] += sr * exr[e + j] - si * exi[e + j];
                        ai[j] += sr * exi[e + j] + si * exr[e + j];
                    }
                }
                for (int j = 0; j < mx; j++) {
                    t1[2 * (row * mx + j)] = ar[j];
                    t1[2 * (row * mx + j) + 1] = ai[j];
                }
            }
        });
        // T2[z][jy][jx] = sum_ky T1[z][ky][jx] Ey[ky][jy]
        double[] t2 = new double[2 * nz * my * mx];
        Parallel.forEachChunk(nz, 8, (chunk, from, to) -> {
            for (int z = from; z < to; z++) {
                for (int ky = 0; ky < ny; ky++) {
                    int src = 2 * ((z * ny + ky) * mx);
                    for (int jy = 0; jy < my; jy++) {
                        double er = eyr[ky * my + jy];
                        double ei = eyi[ky * my + jy];
                        int dst = 2 * ((z * my + jy) * mx);
                        for (int jx = 0; jx < mx; jx++) {
                            double tr = t1[src + 2 * jx];
                            double ti = t1[src + 2 * jx + 1];
                            t2[dst + 2 * jx] += tr * er - ti * ei;
                            t2[dst + 2 * jx + 1] += tr * ei + ti * er;
                        }
                    }
                }
            }
        });
        // T3[jz][jy][jx] = sum_kz T2[kz][jy][jx] Ez[kz][jz]; keep the real part's maximum
        int plane = my * mx;
        double bestV = Double.NEGATIVE_INFINITY;
        int bz = 0;
        int by = 0;
        int bx = 0;
        double n = (double) nz * ny * nx;
        for (int jz = 0; jz < mz; jz++) {
            for (int p = 0; p < plane; p++) {
                double re = 0;
                for (int kz = 0; kz < nz; kz++) {
                    double tr = t2[2 * (kz * plane + p)];
                    double ti = t2[2 * (kz * plane + p) + 1];
                    re += tr * ezr[kz * mz + jz] - ti * ezi[kz * mz + jz];
                }
                if (re > bestV) {
                    bestV = re;
                    bz = jz;
                    by = p / mx;
                    bx = p % mx;
                }
            }
        }
        out[0] = centre[0] + (double) (bz - hz) / u;
        out[1] = centre[1] + (double) (by - hy) / u;
        out[2] = centre[2] + (double) (bx - hx) / u;
        out[3] = bestV / n;
    }

    /** c(s) at one (fractional) shift by the direct DFT sum (used when no upsampling is asked). */
    private static double dftAt(float[] s, int nz, int ny, int nx, double[] shift) {
        double re = 0;
        for (int z = 0; z < nz; z++) {
            double pz = 2 * Math.PI * freq(z, nz) * shift[0] / nz;
            for (int y = 0; y < ny; y++) {
                double py = pz + 2 * Math.PI * freq(y, ny) * shift[1] / ny;
                int base = 2 * (z * ny + y) * nx;
                for (int x = 0; x < nx; x++) {
                    double p = py + 2 * Math.PI * freq(x, nx) * shift[2] / nx;
                    re += s[base + 2 * x] * Math.cos(p) - s[base + 2 * x + 1] * Math.sin(p);
                }
            }
        }
        return re / ((double) nz * ny * nx);
    }
}
