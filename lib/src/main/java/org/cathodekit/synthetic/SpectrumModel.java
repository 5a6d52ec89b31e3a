package org.cathodekit.synthetic;

import org.cathodekit.core.Checks;
import org.cathodekit.core.OptionsRecord;

/**
 * A per-voxel Ni K-edge absorption spectrum (optical density) with edge energy E0:
 * <pre>
 *   mu(E) = backgroundOffset + backgroundSlopePerEv * (E - backgroundReferenceEv)
 *         + J * [ 1/2 + atan((E - E0) / edgeWidthEv) / pi
 *                 + whitelineHeight * P((E - E0 - whitelineOffsetEv) / whitelineFwhmEv) ]
 *         + noiseSd * N(0, 1)
 * </pre>
 * with J = {@code edgeJump} inside the particle and 0 outside (background and noise only), P the
 * {@link PeakProfile} (unit height). Noise draws come from a {@code SplittableRandom} seeded by
 * (noiseSeed ^ particle seed, z-slice), in the order y, x, energy, so a 2D map of slice z equals that
 * slice of the 3D stack and every result is independent of slab size and thread count.
 *
 * <p>Planted truths (noise-free): {@link #edge50OffsetEv()} gives edge50 - E0 (edge50 = first upward
 * crossing of 0.5 of the ideally normalised spectrum, i.e. background removed and divided by J; the
 * white line pulls it slightly below E0); {@link #whitelineMaximumOffsetEv()} gives the energy of the raw
 * mu maximum minus E0. Both depend only on the shape parameters, so mean shifts of E0 are recovered
 * exactly by either metric. A fitted metric with finite windows may differ by a constant offset.
 *
 * @param edgeJump              J, the edge step (optical density, > 0)
 * @param edgeWidthEv           half width of the arctan step (eV, > 0)
 * @param whitelineOffsetEv     centre of the white-line peak above E0 (eV)
 * @param whitelineHeight       peak height in units of J (>= 0)
 * @param whitelineFwhmEv       full width at half maximum of the peak (eV, > 0)
 * @param profile               peak shape
 * @param backgroundOffset      background at backgroundReferenceEv (optical density)
 * @param backgroundSlopePerEv  background slope (optical density per eV)
 * @param backgroundReferenceEv energy where the background equals backgroundOffset (eV)
 * @param noiseSd               standard deviation of the additive noise (optical density, >= 0)
 * @param noiseSeed             seed of the spectrum noise (combined with the particle seed)
 */
@OptionsRecord
public record SpectrumModel(double edgeJump, double edgeWidthEv, double whitelineOffsetEv, double whitelineHeight,
        double whitelineFwhmEv, PeakProfile profile, double backgroundOffset, double backgroundSlopePerEv,
        double backgroundReferenceEv, double noiseSd, long noiseSeed)
        implements SpectrumModelBuilder.With {

    /**
     * J = 1, arctan half width 1.5 eV, Lorentzian white line 0.6 J high, 6 eV above E0, 5 eV FWHM,
     * background 0.3 - 2e-4/eV from 8333 eV, noise 0.01, noise seed 7.
     */
    public static final SpectrumModel DEFAULTS = new SpectrumModel(1.0, 1.5, 6.0, 0.6, 5.0, PeakProfile.LORENTZIAN,
            0.3, -2e-4, 8333.0, 0.01, 7L);

    public SpectrumModel {
        Checks.requirePositive(edgeJump, "edgeJump");
        Checks.requirePositive(edgeWidthEv, "edgeWidthEv");
        Checks.requireFinite(whitelineOffsetEv, "whitelineOffsetEv");
        Checks.requireNonNegative(whitelineHeight, "whitelineHeight");
        Checks.requirePositive(whitelineFwhmEv, "whitelineFwhmEv");
        if (profile == null) {
            throw new IllegalArgumentException("profile must be LORENTZIAN or GAUSSIAN, got null");
        }
        Checks.requireFinite(backgroundOffset, "backgroundOffset");
        Checks.requireFinite(backgroundSlopePerEv, "backgroundSlopePerEv");
        Checks.requireFinite(backgroundReferenceEv, "backgroundReferenceEv");
        Checks.requireNonNegative(noiseSd, "noiseSd");
    }

    /**
     * A 60-point Ni K-edge energy grid typical of TXM-XANES: 8300-8330 eV in 5 eV steps (7), 8332-8356
     * eV in 0.5 eV steps (49), 8370-8415 eV in 15 eV steps (4).
     */
    public static double[] defaultEnergiesEv() {
        double[] e = new double[60];
        int n = 0;
        for (int i = 0; i < 7; i++) {
            e[n++] = 8300 + 5 * i;
        }
        for (int i = 0; i < 49; i++) {
            e[n++] = 8332 + 0.5 * i;
        }
        for (int i = 0; i < 4; i++) {
            e[n++] = 8370 + 15 * i;
        }
        return e;
    }

    /** @return the noise-free spectrum at energy {@code energyEv} for edge energy {@code edgeEv} and jump {@code jump} */
    public double mu(double energyEv, double edgeEv, double jump) {
        double bg = backgroundOffset + backgroundSlopePerEv * (energyEv - backgroundReferenceEv);
        return bg + jump * normalized(energyEv - edgeEv);
    }

    /** The ideally normalised spectrum at {@code t = E - E0} (background removed, divided by J). */
    double normalized(double t) {
        return 0.5 + Math.atan(t / edgeWidthEv) / Math.PI
                + whitelineHeight * profile.value((t - whitelineOffsetEv) / whitelineFwhmEv);
    }

    /** Planted edge50 minus E0 (eV): first upward 0.5 crossing of the ideally normalised spectrum. */
    public double edge50OffsetEv() {
        double step = 0.01;
        double lo = -60 * edgeWidthEv - whitelineFwhmEv * 10;
        double prev = normalized(lo) - 0.5;
        for (double t = lo + step; t < 100; t += step) {
            double f = normalized(t) - 0.5;
            if (prev < 0 && f >= 0) {
                double a = t - step;
                double b = t;
                for (int i = 0; i < 60; i++) {
                    double m = 0.5 * (a + b);
                    if (normalized(m) - 0.5 < 0) {
                        a = m;
                    } else {
                        b = m;
                    }
                }
                return 0.5 * (a + b);
            }
            prev = f;
        }
        throw new IllegalStateException("no 0.5 crossing of the model spectrum");
    }

    /** Planted white-line energy minus E0 (eV): the maximum of the noise-free raw mu (jump = edgeJump). */
    public double whitelineMaximumOffsetEv() {
        double lo = -5 * edgeWidthEv;
        double hi = whitelineOffsetEv + 3 * whitelineFwhmEv;
        double best = lo;
        double bestV = Double.NEGATIVE_INFINITY;
        for (double t = lo; t <= hi; t += 0.01) {
            double v = mu(t + backgroundReferenceEv, backgroundReferenceEv, edgeJump);
            if (v > bestV) {
                bestV = v;
                best = t;
            }
        }
        double a = best - 0.01;
        double b = best + 0.01;
        double gr = (Math.sqrt(5) - 1) / 2;
        for (int i = 0; i < 80; i++) {
            double c = b - gr * (b - a);
            double d = a + gr * (b - a);
            if (mu(c + backgroundReferenceEv, backgroundReferenceEv, edgeJump)
                    > mu(d + backgroundReferenceEv, backgroundReferenceEv, edgeJump)) {
                b = d;
            } else {
                a = c;
            }
        }
        return 0.5 * (a + b);
    }

    public SpectrumModel withBackground(double offset, double slopePerEv, double referenceEv) {
        return toBuilder().backgroundOffset(offset).backgroundSlopePerEv(slopePerEv).backgroundReferenceEv(referenceEv).build();
    }

    /** @return a builder preset to these values: {@code DEFAULTS.toBuilder().a(..).b(..).build()}. */
    public SpectrumModelBuilder toBuilder() {
        return with();
    }
}
