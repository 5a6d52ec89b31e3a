package org.cathodekit.diffraction;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What was doubtful in a diffraction analysis, in words, for the {@code warnings} list of every
 * result: each check is a pure function of the fits and results it is given.
 *
 * <ul>
 *   <li>{@link #lowWindowR2}: a fitted peak whose window R^2 is below {@link #WINDOW_R2_FLOOR};</li>
 *   <li>{@link #notLayeredOxide}: the default layered-oxide (R-3m) reflection list applied to a pattern
 *       in which fewer than {@link #LAYERED_OXIDE_MIN_SHARE} of those reflections were found with an
 *       acceptable fit (a pattern of another material, e.g. an organic such as sucrose);</li>
 *   <li>{@link #negativeStrain}: a negative Williamson-Hall slope;</li>
 *   <li>{@link #removedByInstrument}: peaks dropped because they are not broader than the instrument
 *       (each also goes to {@code failed_peaks} with its reason).</li>
 * </ul>
 */
public final class FitWarnings {
    private FitWarnings() {
    }

    /**
     * Window R^2 below which a peak fit is doubtful: a window whose background + peak model explains
     * less than 80 % of the intensity variance is dominated by noise, by an unmodelled neighbour or by
     * a peak that is not there (a well-defined laboratory peak gives R^2 > 0.95; the sucrose pattern of
     * issue 13 gave 0.02).
     */
    public static final double WINDOW_R2_FLOOR = 0.8;

    /**
     * Share of the default layered-oxide reflections that must be found (status OK and window R^2 at
     * least {@link #WINDOW_R2_FLOOR}) for a pattern to count as indexing as a layered oxide: below half,
     * most of the list fell on background or on another phase's peaks.
     */
    public static final double LAYERED_OXIDE_MIN_SHARE = 0.5;

    /** One warning per fitted (status OK) peak whose window R^2 is below {@code floor}. */
    public static List<String> lowWindowR2(List<PeakResult> fits, double floor) {
        List<String> out = new ArrayList<>();
        for (PeakResult f : fits) {
            if (f.status().ok() && !(f.windowR2() >= floor)) {
                out.add(String.format(Locale.ROOT, "peak at %.3f deg: window R^2 %.3f below the floor %.2f (noise, an unmodelled"
                        + " neighbour or no real peak)", f.twoThetaDeg(), f.windowR2(), floor));
            }
        }
        return out;
    }

    /** @return the number of fits with status OK and window R^2 at least {@code floor}. */
    public static int acceptable(List<PeakResult> fits, double floor) {
        int k = 0;
        for (PeakResult f : fits) {
            if (f.status().ok() && f.windowR2() >= floor) {
                k++;
            }
        }
        return k;
    }

    /**
     * A warning when the default layered-oxide list was fitted to a pattern that does not index as one.
     *
     * @param fits the fits of the default list (one per reflection position)
     * @param a0A  the a used to build the list
     * @param c0A  the c used to build the list
     */
    public static Optional<String> notLayeredOxide(List<PeakResult> fits, double a0A, double c0A, double floor, double minShare) {
        if (fits.isEmpty()) {
            return Optional.empty();
        }
        int good = acceptable(fits, floor);
        if (good >= minShare * fits.size()) {
            return Optional.empty();
        }
        return Optional.of(String.format(Locale.ROOT, "the pattern does not index as a layered oxide: only %d of the %d default R-3m"
                + " reflections (a0 = %.4g A, c0 = %.4g A) were found with window R^2 >= %.2f (at least %.0f %% expected);"
                + " give the peaks (--peaks) or the material's a0/c0", good, fits.size(), a0A, c0A, floor, 100 * minShare));
    }

    /** A warning for a negative microstrain, saying whether it is within two standard errors of zero. */
    public static Optional<String> negativeStrain(WilliamsonHallResult r) {
        if (!(r.strain() < 0)) {
            return Optional.empty();
        }
        boolean significant = r.strain() < -2 * r.strainStderr();
        return Optional.of(String.format(Locale.ROOT, "negative microstrain %.3g (stderr %.2g%s): widths fall with angle, which strain"
                + " cannot do; check the instrument correction, the peak list and overlapping peaks", r.strain(), r.strainStderr(),
                significant ? ", more than 2 stderr below 0" : ", within 2 stderr of 0"));
    }

    /**
     * A peak that fitted but was left out of the Williamson-Hall line because its observed FWHM is not
     * broader than the instrument's at the same angle.
     *
     * @param requestedDeg      the position asked for
     * @param twoThetaDeg       the fitted centre
     * @param fwhmDeg           the observed FWHM
     * @param instrumentFwhmDeg the instrument FWHM at that angle
     */
    public record RemovedPeak(double requestedDeg, double twoThetaDeg, double fwhmDeg, double instrumentFwhmDeg) {
        /** @return the reason, in words. */
        public String reason() {
            return String.format(Locale.ROOT, "FWHM %.4f deg not broader than the instrument's %.4f deg at %.3f deg: removed by the"
                    + " instrument correction", fwhmDeg, instrumentFwhmDeg, twoThetaDeg);
        }
    }

    /** The fitted (status OK) peaks of {@code r} that are not among its W-H points: removed by the instrument correction. */
    public static List<RemovedPeak> removedByInstrument(WilliamsonHallResult r) {
        List<RemovedPeak> out = new ArrayList<>();
        for (PeakResult f : r.fits()) {
            if (!f.status().ok()) {
                continue;
            }
            boolean used = r.points().stream().anyMatch(p -> p.twoThetaDeg() == f.twoThetaDeg());
            if (!used) {
                out.add(new RemovedPeak(f.requestedDeg(), f.twoThetaDeg(), f.fwhmDeg(), r.instrument().fwhmDeg(f.twoThetaDeg())));
            }
        }
        return out;
    }
}
