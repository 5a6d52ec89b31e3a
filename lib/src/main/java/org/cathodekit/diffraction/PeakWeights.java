package org.cathodekit.diffraction;

import org.cathodekit.core.DiffractionPattern;

/**
 * The weighting of a pattern's peak fits, resolved once from the pattern and the requested
 * {@link Weighting} (the one rule for every file format).
 *
 * <p>Rule for {@link Weighting#AUTO} (the default), in order:
 * <ol>
 *   <li>the file carries standard deviations (an esd column) -> {@link Weighting#ESD};</li>
 *   <li>the format states counts ({@code intensityUnit} {@code counts} or {@code cps}: xrdml,
 *       Bruker raw/brml, Rigaku ras/rasx/asc, GSAS, a column header naming counts) -> {@link Weighting#POISSON};</li>
 *   <li>no unit stated but every intensity is a non-negative integer (within {@link #INTEGER_TOLERANCE})
 *       -> {@link Weighting#POISSON}: a {@code .xy} of counts fits like the {@code .xrdml} it came from;</li>
 *   <li>otherwise -> {@link Weighting#NONE} (arbitrary units); say {@code --weights poisson} if they are counts.</li>
 * </ol>
 * K-alpha2 stripping ({@link KAlpha2#STRIP}) makes the intensities differences, not counts: the fit is
 * then unweighted whatever was requested. {@link Weighting#ESD} requested on a pattern without esd's
 * is refused.
 *
 * @param weighting the weighting used (never {@link Weighting#AUTO})
 * @param reason    why, in words (for the JSON {@code weights_reason})
 */
public record PeakWeights(Weighting weighting, String reason) {

    /**
     * An intensity within this of an integer counts as integer: float32 storage of counts up to 2^24 is
     * exact, and text files print counts without decimals, so any real fraction is far larger.
     */
    public static final double INTEGER_TOLERANCE = 1e-6;

    public PeakWeights {
        if (weighting == null || weighting == Weighting.AUTO) {
            throw new IllegalArgumentException("a resolved weighting must be POISSON, ESD or NONE, got " + weighting);
        }
    }

    /** Resolves the weighting of {@code pattern} for the requested rule and K-alpha2 treatment. */
    public static PeakWeights resolve(DiffractionPattern pattern, Weighting requested, KAlpha2 kAlpha2) {
        Weighting req = requested == null ? Weighting.AUTO : requested;
        if (kAlpha2 == KAlpha2.STRIP && pattern.wavelength().map(w -> w.hasAlpha2()).orElse(false)) {
            return new PeakWeights(Weighting.NONE, "K-alpha2 stripped: the stripped intensities are differences, not counts (unweighted fit)");
        }
        boolean hasEsd = pattern.sigma().isPresent();
        String unit = pattern.intensityUnit();
        boolean stated = "counts".equalsIgnoreCase(unit) || "cps".equalsIgnoreCase(unit);
        switch (req) {
            case POISSON:
                return new PeakWeights(Weighting.POISSON, "requested: sigma^2 = max(I, 1)");
            case NONE:
                return new PeakWeights(Weighting.NONE, "requested: unit weights");
            case ESD:
                if (!hasEsd) {
                    throw new IllegalArgumentException(pattern.describeSource() + " has no esd column; weights 'esd' need one"
                            + " (use poisson for counts or none)");
                }
                return new PeakWeights(Weighting.ESD, "requested: the file's esd column");
            default:
                break;
        }
        if (hasEsd) {
            return new PeakWeights(Weighting.ESD, "the file's esd column");
        }
        if (stated) {
            return new PeakWeights(Weighting.POISSON, "intensities are " + unit + " (stated by the " + pattern.format()
                    + " format): Poisson, sigma^2 = max(I, 1)");
        }
        if (allNonNegativeIntegers(pattern.intensity())) {
            return new PeakWeights(Weighting.POISSON, "no intensity unit stated but every intensity is a non-negative integer:"
                    + " taken as counts, Poisson (say --weights none if they are not counts)");
        }
        return new PeakWeights(Weighting.NONE, "intensities in arbitrary units (not all integers, no unit stated): unweighted"
                + " (say --weights poisson if they are counts)");
    }

    /** The per-point sigma for this weighting ({@code null} = unit weights). The pattern is not modified. */
    public double[] sigma(DiffractionPattern pattern) {
        switch (weighting) {
            case NONE:
                return null;
            case ESD: {
                double[] s = pattern.sigma().orElseThrow();
                double[] y = pattern.intensity();
                for (int i = 0; i < s.length; i++) {
                    if (!(s[i] > 0)) {
                        s[i] = Math.sqrt(Math.max(y[i], 1.0));
                    }
                }
                return s;
            }
            default: {
                double[] y = pattern.intensity();
                double[] s = new double[y.length];
                for (int i = 0; i < y.length; i++) {
                    s[i] = Math.sqrt(Math.max(y[i], 1.0));
                }
                return s;
            }
        }
    }

    static boolean allNonNegativeIntegers(double[] y) {
        for (double v : y) {
            if (!(v >= 0) || Math.abs(v - Math.rint(v)) > INTEGER_TOLERANCE) {
                return false;
            }
        }
        return true;
    }

    /** @return the weighting's name for JSON ({@code poisson}, {@code esd}, {@code none}). */
    public String label() {
        return weighting.name().toLowerCase(java.util.Locale.ROOT);
    }
}
