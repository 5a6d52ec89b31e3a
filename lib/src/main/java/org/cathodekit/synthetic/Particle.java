package org.cathodekit.synthetic;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * A synthetic secondary particle: an ellipsoid on a voxel grid, partitioned into primary grains.
 * Immutable and thread-safe; every query is computed on the fly from a few small seed tables, so a
 * particle of any size costs almost no memory and can be evaluated slab by slab.
 *
 * <h2>Grains</h2>
 * <ul>
 *   <li><b>Gravel</b> (and the core of a rod particle): one seed per cubic cell of edge
 *       {@code g = grainSizeVox}, jittered uniformly inside its cell by {@code SplittableRandom}
 *       seeded from (seed, cell); a voxel belongs to the nearest seed among the 27 cells around it
 *       (a close approximation of the Voronoi tessellation of a jittered grid). Its distance to the
 *       grain boundary is the distance to the nearest bisector plane,
 *       {@code min_j (|p-s_j|^2 - |p-s_1|^2) / (2 |s_j - s_1|)}.</li>
 *   <li><b>Rod</b>: seeds of a second jittered grid that lie in the shell
 *       {@code |r - R_ref| < g/2}, {@code R_ref = 0.6 min(rx, ry, rz)}, give random directions from
 *       the particle centre; a voxel at offset {@code d} (length r) belongs to the direction with the
 *       largest {@code cos} to {@code d} among the 27 cells around {@code c + R_ref d/r} (an angular
 *       Voronoi cell: a cone whose width is about g at R_ref and grows with r). The cone is cut into
 *       radial segments of length {@code L = rodAspect * g} starting at a random phase per cone. The
 *       boundary distance is the smallest of the distance to the nearest bisector plane through the
 *       centre, {@code r (cos_1 - cos_j) / |s_1 - s_j|}, the distance to the segment ends, and the
 *       distance to the equiaxed core {@code rho < coreFraction}.</li>
 * </ul>
 */
public final class Particle {
    private static final long OUTSIDE = -1L;
    private static final long ROD_FLAG = 1L << 62;

    private final ParticleOptions o;
    private final double cx;
    private final double cy;
    private final double cz;
    private final double g;
    private final double rRef;
    private final double rodLength;
    private final int gx;
    private final int gy;
    private final int gz;
    private final double[] sx;
    private final double[] sy;
    private final double[] sz;
    private final double[] ux;
    private final double[] uy;
    private final double[] uz;
    private final double[] phase;
    private final Map<Double, Double> meanBoundaryTerm = new HashMap<>();
    private final Map<List<Double>, Double> meanAlignedBoundaryTerm = new HashMap<>();
    private double meanRho = Double.NaN;

    Particle(ParticleOptions o) {
        this.o = o;
        cx = (o.nx() - 1) / 2.0;
        cy = (o.ny() - 1) / 2.0;
        cz = (o.nz() - 1) / 2.0;
        g = o.grainSizeVox();
        rRef = 0.6 * Math.min(o.radiusXVox(), Math.min(o.radiusYVox(), o.radiusZVox()));
        rodLength = o.rodAspect() * g;
        gx = (int) Math.ceil(o.nx() / g) + 2;
        gy = (int) Math.ceil(o.ny() / g) + 2;
        gz = (int) Math.ceil(o.nz() / g) + 2;
        long cells = (long) gx * gy * gz;
        if (cells > 50_000_000L) {
            throw new IllegalArgumentException("grainSizeVox " + g + " is too small for a " + o.nx() + "x" + o.ny()
                    + "x" + o.nz() + " grid (" + cells + " seed cells; at most 5e7)");
        }
        int n = (int) cells;
        sx = new double[n];
        sy = new double[n];
        sz = new double[n];
        boolean rod = o.microstructure() == Microstructure.ROD;
        ux = new double[rod ? n : 0];
        uy = new double[rod ? n : 0];
        uz = new double[rod ? n : 0];
        phase = new double[rod ? n : 0];
        for (int k = 0; k < gz; k++) {
            for (int j = 0; j < gy; j++) {
                for (int i = 0; i < gx; i++) {
                    int c = (k * gy + j) * gx + i;
                    SplittableRandom r = Seeds.random(o.seed(), Seeds.GRAVEL_SEEDS, c);
                    sx[c] = (i - 1 + r.nextDouble()) * g;
                    sy[c] = (j - 1 + r.nextDouble()) * g;
                    sz[c] = (k - 1 + r.nextDouble()) * g;
                    if (rod) {
                        SplittableRandom q = Seeds.random(o.seed(), Seeds.ROD_SEEDS, c);
                        double px = (i - 1 + q.nextDouble()) * g - cx;
                        double py = (j - 1 + q.nextDouble()) * g - cy;
                        double pz = (k - 1 + q.nextDouble()) * g - cz;
                        phase[c] = q.nextDouble() * rodLength;
                        double len = Math.sqrt(px * px + py * py + pz * pz);
                        if (Math.abs(len - rRef) < g / 2 && len > 0) {
                            ux[c] = px / len;
                            uy[c] = py / len;
                            uz[c] = pz / len;
                        } else {
                            ux[c] = Double.NaN;
                        }
                    }
                }
            }
        }
    }

    /** @return the options this particle was built from */
    public ParticleOptions options() {
        return o;
    }

    /** @return the normalised ellipsoidal radius rho of voxel (x, y, z): 0 at the centre, 1 on the surface */
    public double normalizedRadius(int x, int y, int z) {
        double a = (x - cx) / o.radiusXVox();
        double b = (y - cy) / o.radiusYVox();
        double c = (z - cz) / o.radiusZVox();
        return Math.sqrt(a * a + b * b + c * c);
    }

    /** @return whether voxel (x, y, z) lies inside the particle (rho <= 1) */
    public boolean inside(int x, int y, int z) {
        return normalizedRadius(x, y, z) <= 1.0;
    }

    /** @return the grain of voxel (x, y, z), a non-negative id, or -1 outside the particle */
    public long grainId(int x, int y, int z) {
        if (!inside(x, y, z)) {
            return OUTSIDE;
        }
        return evaluate(x, y, z, null);
    }

    /** @return the distance (voxels) of voxel (x, y, z) to the boundary of its grain; NaN outside */
    public double grainBoundaryDistanceVox(int x, int y, int z) {
        if (!inside(x, y, z)) {
            return Double.NaN;
        }
        double[] d = new double[1];
        evaluate(x, y, z, d);
        return d[0];
    }

    /** Mean of rho over the voxels inside the particle (computed once, exactly). */
    public synchronized double meanNormalizedRadius() {
        if (Double.isNaN(meanRho)) {
            double sum = 0;
            long n = 0;
            for (int z = 0; z < o.nz(); z++) {
                for (int y = 0; y < o.ny(); y++) {
                    for (int x = 0; x < o.nx(); x++) {
                        double rho = normalizedRadius(x, y, z);
                        if (rho <= 1) {
                            sum += rho;
                            n++;
                        }
                    }
                }
            }
            meanRho = n == 0 ? 0 : sum / n;
        }
        return meanRho;
    }

    /**
     * Mean of {@code exp(-d / decayVox)} (d = grain-boundary distance) over the particle, estimated on
     * a sub-grid of at most about 2e5 voxels (deterministic), so that a SoC field can be centred.
     */
    public synchronized double meanBoundaryTerm(double decayVox) {
        Double cached = meanBoundaryTerm.get(decayVox);
        if (cached != null) {
            return cached;
        }
        int stride = (int) Math.max(1, Math.round(Math.cbrt(o.voxels() / 2e5)));
        double[] d = new double[1];
        double sum = 0;
        long n = 0;
        for (int z = stride / 2; z < o.nz(); z += stride) {
            for (int y = stride / 2; y < o.ny(); y += stride) {
                for (int x = stride / 2; x < o.nx(); x += stride) {
                    if (inside(x, y, z)) {
                        evaluate(x, y, z, d);
                        sum += Math.exp(-d[0] / decayVox);
                        n++;
                    }
                }
            }
        }
        double m = n == 0 ? 0 : sum / n;
        meanBoundaryTerm.put(decayVox, m);
        return m;
    }

    /**
     * Radial alignment {@code cos^2(alpha)} of the long axis of the grain of voxel (x, y, z), alpha =
     * angle between the grain's long axis and the radial direction (particle centre to voxel): for a
     * rod cone the cosine between the cone axis and the voxel's direction from the centre; 0 for
     * equiaxed grains (gravel, the rod core), which have no long axis; NaN outside the particle.
     */
    public double radialAlignment(int x, int y, int z) {
        if (!inside(x, y, z)) {
            return Double.NaN;
        }
        double[] d = new double[2];
        evaluate(x, y, z, d);
        return d[1];
    }

    /**
     * Mean of {@code c(alpha) * exp(-d / decayVox)} with {@code c = 1 - (1 - k) cos^2(alpha)} (see
     * {@link SocField}) over the particle, on the same deterministic sub-grid as
     * {@link #meanBoundaryTerm(double)}; equal to it for {@code k = 1}.
     *
     * @param decayVox                   decay length of the grain-boundary term (voxels)
     * @param alignedGrainContrastFactor k in [0, 1]
     */
    public synchronized double meanBoundaryTerm(double decayVox, double alignedGrainContrastFactor) {
        if (alignedGrainContrastFactor == 1.0) {
            return meanBoundaryTerm(decayVox);
        }
        List<Double> key = List.of(decayVox, alignedGrainContrastFactor);
        Double cached = meanAlignedBoundaryTerm.get(key);
        if (cached != null) {
            return cached;
        }
        int stride = (int) Math.max(1, Math.round(Math.cbrt(o.voxels() / 2e5)));
        double[] d = new double[2];
        double sum = 0;
        long n = 0;
        for (int z = stride / 2; z < o.nz(); z += stride) {
            for (int y = stride / 2; y < o.ny(); y += stride) {
                for (int x = stride / 2; x < o.nx(); x += stride) {
                    if (inside(x, y, z)) {
                        evaluate(x, y, z, d);
                        sum += (1 - (1 - alignedGrainContrastFactor) * d[1]) * Math.exp(-d[0] / decayVox);
                        n++;
                    }
                }
            }
        }
        double m = n == 0 ? 0 : sum / n;
        meanAlignedBoundaryTerm.put(key, m);
        return m;
    }

    /**
     * Grain id and (if {@code dist != null}) boundary distance {@code dist[0]} of a voxel assumed
     * inside the particle; if {@code dist.length >= 2} also the radial alignment {@code dist[1]} (see
     * {@link #radialAlignment}). Allocation-free when {@code dist} is supplied by the caller.
     */
    long evaluate(int x, int y, int z, double[] dist) {
        if (dist != null && dist.length > 1) {
            dist[1] = 0;
        }
        if (o.microstructure() == Microstructure.GRAVEL) {
            return gravel(x, y, z, dist);
        }
        double dx = x - cx;
        double dy = y - cy;
        double dz = z - cz;
        double r = Math.sqrt(dx * dx + dy * dy + dz * dz);
        double rho = normalizedRadius(x, y, z);
        if (rho < o.coreFraction() || r == 0) {
            long id = gravel(x, y, z, dist);
            if (dist != null && rho > 0) {
                dist[0] = Math.min(dist[0], (o.coreFraction() - rho) * r / rho);
            }
            return id;
        }
        double nx = dx / r;
        double ny = dy / r;
        double nz = dz / r;
        int ci = cell(cx + nx * rRef, gx);
        int cj = cell(cy + ny * rRef, gy);
        int ck = cell(cz + nz * rRef, gz);
        int best = -1;
        double bestCos = -2;
        for (int reach = 1; reach <= 2 && best < 0; reach++) {
            for (int k = Math.max(0, ck - reach); k <= Math.min(gz - 1, ck + reach); k++) {
                for (int j = Math.max(0, cj - reach); j <= Math.min(gy - 1, cj + reach); j++) {
                    for (int i = Math.max(0, ci - reach); i <= Math.min(gx - 1, ci + reach); i++) {
                        int c = (k * gy + j) * gx + i;
                        double vx = ux[c];
                        if (Double.isNaN(vx)) {
                            continue;
                        }
                        double cos = nx * vx + ny * uy[c] + nz * uz[c];
                        if (cos > bestCos) {
                            bestCos = cos;
                            best = c;
                        }
                    }
                }
            }
        }
        if (best < 0) {
            return gravel(x, y, z, dist);
        }
        double ph = phase[best];
        long seg = (long) Math.floor((r - ph) / rodLength);
        if (dist != null) {
            double d = Math.min(r - (ph + seg * rodLength), ph + (seg + 1) * rodLength - r);
            if (o.coreFraction() > 0) {
                d = Math.min(d, r * (1 - o.coreFraction() / rho));
            }
            double bx = ux[best];
            double by = uy[best];
            double bz = uz[best];
            for (int k = Math.max(0, ck - 1); k <= Math.min(gz - 1, ck + 1); k++) {
                for (int j = Math.max(0, cj - 1); j <= Math.min(gy - 1, cj + 1); j++) {
                    for (int i = Math.max(0, ci - 1); i <= Math.min(gx - 1, ci + 1); i++) {
                        int c = (k * gy + j) * gx + i;
                        double vx = ux[c];
                        if (c == best || Double.isNaN(vx)) {
                            continue;
                        }
                        double ex = bx - vx;
                        double ey = by - uy[c];
                        double ez = bz - uz[c];
                        double norm = Math.sqrt(ex * ex + ey * ey + ez * ez);
                        if (norm > 0) {
                            double cos = nx * vx + ny * uy[c] + nz * uz[c];
                            d = Math.min(d, r * (bestCos - cos) / norm);
                        }
                    }
                }
            }
            dist[0] = d;
            if (dist.length > 1) {
                dist[1] = bestCos * bestCos;
            }
        }
        return ROD_FLAG | ((long) best << 20) | ((seg + 1024) & 0xFFFFF);
    }

    private int cell(double coord, int cells) {
        int c = (int) Math.floor(coord / g) + 1;
        return Math.max(0, Math.min(cells - 1, c));
    }

    private long gravel(int x, int y, int z, double[] dist) {
        int ci = cell(x, gx);
        int cj = cell(y, gy);
        int ck = cell(z, gz);
        int best = -1;
        double bestD2 = Double.POSITIVE_INFINITY;
        for (int k = Math.max(0, ck - 1); k <= Math.min(gz - 1, ck + 1); k++) {
            for (int j = Math.max(0, cj - 1); j <= Math.min(gy - 1, cj + 1); j++) {
                for (int i = Math.max(0, ci - 1); i <= Math.min(gx - 1, ci + 1); i++) {
                    int c = (k * gy + j) * gx + i;
                    double ex = x - sx[c];
                    double ey = y - sy[c];
                    double ez = z - sz[c];
                    double d2 = ex * ex + ey * ey + ez * ez;
                    if (d2 < bestD2) {
                        bestD2 = d2;
                        best = c;
                    }
                }
            }
        }
        if (dist != null) {
            double d = Double.POSITIVE_INFINITY;
            for (int k = Math.max(0, ck - 1); k <= Math.min(gz - 1, ck + 1); k++) {
                for (int j = Math.max(0, cj - 1); j <= Math.min(gy - 1, cj + 1); j++) {
                    for (int i = Math.max(0, ci - 1); i <= Math.min(gx - 1, ci + 1); i++) {
                        int c = (k * gy + j) * gx + i;
                        if (c == best) {
                            continue;
                        }
                        double ex = x - sx[c];
                        double ey = y - sy[c];
                        double ez = z - sz[c];
                        double d2 = ex * ex + ey * ey + ez * ez;
                        double fx = sx[c] - sx[best];
                        double fy = sy[c] - sy[best];
                        double fz = sz[c] - sz[best];
                        double sep = Math.sqrt(fx * fx + fy * fy + fz * fz);
                        d = Math.min(d, (d2 - bestD2) / (2 * sep));
                    }
                }
            }
            dist[0] = d;
        }
        return best;
    }
}
