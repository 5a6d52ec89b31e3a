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
 * <p>With {@code r} the reference and {@code m} the moving volume, both mean-subtracted (NaN voxels
 * set to the mean, i.e. to 0 after subtraction), the circular cross-correlation is
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
 *   <li>refinement: c evaluated on a grid of step 1/u over +-0.75 voxel around the integer peak by
 *       the band-limited DFT sum {@code c(s) = (1/N) sum_k R conj(M) exp(+2 pi i sum_d f_d s_d / N_d)}
 *       with signed frequencies f in [-N/2, N/2), computed separably (x, then y, then z); the grid
 *       maximum is the shift (quantisation at most 1/(2u) voxel);</li>
 *   <li>significance: {@code peak = c(s*) / sqrt(sum r^2 sum m^2)}, the Pearson correlation of the
 *       overlaid volumes; {@code registered = peak >= minPeak}.</li>
 * </ol>
 *
 * <p>Memory: two complex float arrays of the volume size (16 bytes per voxel) plus the inputs.
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
        int nz = reference.nz();
        int ny = reference.ny();
        int nx = reference.nx();
        int n = reference.voxels();
        List<String> warnings = new ArrayList<>();
        ConcurrencyUtils.setNumberOfThreads(Parallel.threads());

        float[] a = new float[2 * n];
        double ssr = centredComplex(reference, a, "reference", warnings);
        forward(a, nz, ny, nx);
        float[] b = new float[2 * n];
        double ssm = centredComplex(moving, b, "moving", warnings);
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
            double[] refined = new double[4];
            refine(a, nz, ny, nx, integer, o.upsampleFactor(), refined);
            shift = new double[] {refined[0], refined[1], refined[2]};
            corr = refined[3];
        } else {
            corr = dftAt(a, nz, ny, nx, shift);
        }
        double denom = Math.sqrt(ssr * ssm);
        double peak = corr / denom;
        int[] dims = {nz, ny, nx};
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

    /** Fills {@code dst} with the mean-subtracted values as complex numbers; returns the sum of squares. */
    private static double centredComplex(FloatVolume v, float[] dst, String name, List<String> warnings) {
        int n = v.voxels();
        double sum = 0;
        int finite = 0;
        for (int i = 0; i < n; i++) {
            float x = v.at(i);
            if (Float.isFinite(x)) {
                sum += x;
                finite++;
            }
        }
        if (finite == 0) {
            throw new IllegalArgumentException(name + " volume has no finite voxel; expected numbers to register");
        }
        if (finite < n) {
            warnings.add(name + ": " + (n - finite) + " non-finite voxels set to the volume mean for the correlation");
        }
        float mean = (float) (sum / finite);
        double ss = 0;
        for (int i = 0; i < n; i++) {
            float x = v.at(i);
            float c = Float.isFinite(x) ? x - mean : 0f;
            dst[2 * i] = c;
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
     * Evaluates c on the upsampled grid around {@code integer}; writes the best [sz, sy, sx, c] into out.
     * Separable: T1 = S . Ex over x for every (z, y) row, T2 = T1 . Ey over y, T3 = T2 . Ez over z.
     */
    private static void refine(float[] s, int nz, int ny, int nx, int[] integer, int u, double[] out) {
        int h = (int) Math.ceil(0.75 * u);
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
        twiddles(nx, integer[2], u, hx, exr, exi);
        twiddles(ny, integer[1], u, hy, eyr, eyi);
        twiddles(nz, integer[0], u, hz, ezr, ezi);
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
        out[0] = integer[0] + (double) (bz - hz) / u;
        out[1] = integer[1] + (double) (by - hy) / u;
        out[2] = integer[2] + (double) (bx - hx) / u;
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
