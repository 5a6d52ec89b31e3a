package org.cathodekit.diffraction;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import org.cathodekit.core.Checks;
import org.cathodekit.core.DiffractionPattern;
import org.cathodekit.core.Parallel;
import org.cathodekit.core.XrdWavelength;

/**
 * In-situ series: many patterns on one 2-theta axis -> a(t), c(t), V(t), microstrain(t), (003)/(104)(t).
 *
 * <p>Three passes, so that results are identical for any thread count:
 * <ol>
 *   <li>tracking (sequential, cheap): for the well-separated reflections 003, 101, 104, 015, 107, 113
 *       the intensity maximum within the search radius of the position predicted by the previous
 *       pattern's lattice; a quick lattice refinement on those maxima predicts the next pattern;</li>
 *   <li>fitting (parallel by chunks of patterns via {@link Parallel}): profile fits at the tracked
 *       positions of all layered-oxide reflections, lattice refinement ({@link LatticeFit}) and
 *       Williamson-Hall ({@link WilliamsonHall}) per pattern;</li>
 *   <li>assembly in input order.</li>
 * </ol>
 * A pattern whose fits fail gets NaN values and a message ({@link SeriesPoint#message()}); the
 * series continues.
 */
public final class DiffractionSeries {
    private DiffractionSeries() {
    }

    static final Set<String> TRACKING = Set.of("003", "101", "104", "015", "107", "113");

    /** Analyses patterns given as objects (each must have the same radiation; axes may differ). */
    public static SeriesResult analyse(List<DiffractionPattern> patterns, SeriesOptions o) {
        if (patterns.isEmpty()) {
            throw new IllegalArgumentException("the series holds no pattern");
        }
        XrdWavelength wl = patterns.get(0).requireWavelength();
        double[][] x = new double[patterns.size()][];
        double[][] y = new double[patterns.size()][];
        for (int i = 0; i < x.length; i++) {
            DiffractionPattern p = patterns.get(i);
            XrdWavelength w = p.requireWavelength();
            if (w.alpha1A() != wl.alpha1A()) {
                throw new IllegalArgumentException("pattern " + i + " (" + p.describeSource() + ") has wavelength " + w.alpha1A()
                        + " A but pattern 0 has " + wl.alpha1A() + " A; a series needs one radiation");
            }
            x[i] = p.twoThetaDeg();
            y[i] = p.intensity();
        }
        return analyse(x, y, wl, o);
    }

    /**
     * Analyses a series given as arrays ({@code x[i]}, {@code y[i]}: 2-theta deg and intensities of
     * pattern i; rows may share one axis array). Arrays are not modified.
     */
    public static SeriesResult analyse(double[][] x, double[][] y, XrdWavelength wl, SeriesOptions o) {
        int n = y.length;
        if (x.length != n) {
            throw new IllegalArgumentException(x.length + " axes for " + n + " patterns");
        }
        LatticeOptions lo = o.lattice();
        if (lo.system() != CrystalSystem.HEXAGONAL_R3M) {
            throw new IllegalArgumentException("series analysis tracks R-3m reflections; got " + lo.system());
        }
        double lam = wl.alpha1A();
        // pass 1: tracking
        double[][] lattice = new double[n][];
        double a = lo.a0A();
        double c = lo.c0A();
        double aPrev = Double.NaN;
        double cPrev = Double.NaN;
        for (int i = 0; i < n; i++) {
            Checks.requireStrictlyIncreasing(x[i], "2-theta of pattern " + i);
            // predict by linear extrapolation of the last two tracked lattices
            double aPred = Double.isNaN(aPrev) ? a : 2 * a - aPrev;
            double cPred = Double.isNaN(cPrev) ? c : 2 * c - cPrev;
            List<Reflection> refl = track(lo.system().reflections(aPred, cPred, lam, x[i][0] + 1, x[i][x[i].length - 1] - 1));
            List<IndexedPeak> found = new ArrayList<>();
            for (Reflection r : refl) {
                double pos = argmax(x[i], y[i], r.twoThetaDeg(), o.peaks().searchRadiusDeg());
                if (Double.isFinite(pos)) {
                    found.add(new IndexedPeak(r, pos, Double.NaN, Double.NaN));
                }
            }
            try {
                LatticeResult lr = LatticeFit.refine(found, lam, lo.withStart(aPred, cPred).withRefineZeroShift(false));
                if (Math.abs(lr.aA() / a - 1) < 0.05 && Math.abs(lr.cA() / c - 1) < 0.05) {
                    aPrev = a;
                    cPrev = c;
                    a = lr.aA();
                    c = lr.cA();
                }
            } catch (RuntimeException e) {
                // keep the previous lattice; pass 2 reports the failure for this pattern
            }
            lattice[i] = new double[] {a, c};
        }
        // pass 2: full fits, parallel by chunk
        SeriesPoint[] out = new SeriesPoint[n];
        Parallel.forEachChunk(n, o.chunkSize(), (chunk, from, to) -> {
            for (int i = from; i < to; i++) {
                out[i] = analyseOne(i, x[i], y[i], wl, lattice[i][0], lattice[i][1], o);
            }
        });
        return new SeriesResult(Arrays.asList(out));
    }

    static SeriesPoint analyseOne(int index, double[] x, double[] y, XrdWavelength wl, double a, double c, SeriesOptions o) {
        double lam = wl.alpha1A();
        LatticeOptions lo = o.lattice().withStart(a, c).withRange(Math.max(o.lattice().minTwoThetaDeg(), x[0] + 0.5),
                Math.min(o.lattice().maxTwoThetaDeg(), x[x.length - 1] - 0.5));
        List<Reflection> refl = LatticeFit.observable(lo.system().reflections(a, c, lam, lo.minTwoThetaDeg(), lo.maxTwoThetaDeg()),
                lo.system());
        double sep = lo.indexToleranceDeg();
        double[] centres = LatticeFit.fitPositions(refl, sep);
        List<PeakResult> fits = PeakFitting.fit(x, y, null, wl, centres, o.peaks());
        // W-H only on peaks of a single reflection (unresolved pairs have a meaningless width)
        java.util.Set<Double> single = new java.util.HashSet<>();
        for (Reflection r : LatticeFit.unambiguous(refl, sep)) {
            single.add(r.twoThetaDeg());
        }
        List<PeakResult> whFits = new ArrayList<>();
        for (PeakResult f : fits) {
            if (single.contains(f.requestedDeg())) {
                whFits.add(f);
            }
        }
        int ok = 0;
        for (PeakResult f : fits) {
            ok += f.status().ok() ? 1 : 0;
        }
        double nan = Double.NaN;
        StringBuilder msg = new StringBuilder();
        LatticeResult lr = null;
        try {
            lr = LatticeFit.fromPeaks(fits, lam, lo);
        } catch (RuntimeException e) {
            msg.append("lattice: ").append(e.getMessage());
        }
        WilliamsonHallResult wh = null;
        try {
            wh = WilliamsonHall.fromFits(whFits, lam, o.instrument(), o.wh());
        } catch (RuntimeException e) {
            msg.append(msg.length() > 0 ? "; " : "").append("W-H: ").append(e.getMessage());
        }
        return new SeriesPoint(index, lr != null, wh != null, msg.toString(), lr == null ? nan : lr.aA(), lr == null ? nan : lr.aEsdA(),
                lr == null ? nan : lr.cA(), lr == null ? nan : lr.cEsdA(), lr == null ? nan : lr.volumeA3(), wh == null ? nan : wh.strain(),
                wh == null ? nan : wh.strainStderr(), wh == null ? nan : wh.sizeNm(),
                lr == null ? nan : LatticeFit.intensityRatio003to104(lr.peaks()), ok, fits.size() - ok);
    }

    private static List<Reflection> track(List<Reflection> all) {
        List<Reflection> out = new ArrayList<>();
        for (Reflection r : all) {
            if (TRACKING.contains(r.label())) {
                out.add(r);
            }
        }
        return out;
    }

    /** 2-theta of the largest 3-point-smoothed intensity within {@code radius} of {@code centre}; NaN if no point. */
    static double argmax(double[] x, double[] y, double centre, double radius) {
        int i0 = Math.max(1, PeakFitting.lowerBound(x, centre - radius));
        int i1 = Math.min(x.length - 1, PeakFitting.lowerBound(x, centre + radius));
        double best = Double.NEGATIVE_INFINITY;
        int bi = -1;
        for (int i = i0; i < i1; i++) {
            double s = y[i - 1] + 2 * y[i] + y[i + 1];
            if (s > best) {
                best = s;
                bi = i;
            }
        }
        if (bi < 0 || bi == i0 || bi == i1 - 1) {
            return Double.NaN; // no maximum inside: on a flank
        }
        // parabolic interpolation of the maximum
        double ym = y[bi - 1];
        double y0 = y[bi];
        double yp = y[bi + 1];
        double den = ym - 2 * y0 + yp;
        double shift = den < 0 ? 0.5 * (ym - yp) / den : 0;
        return x[bi] + Math.max(-1, Math.min(1, shift)) * (x[bi + 1] - x[bi - 1]) / 2;
    }
}
