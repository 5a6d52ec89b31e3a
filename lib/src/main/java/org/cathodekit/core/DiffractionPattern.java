package org.cathodekit.core;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * One powder diffraction pattern as read from a file: axis values with their unit, intensities,
 * optional standard deviations, the radiation (when known) and provenance notes. Immutable: arrays
 * are copied in and out.
 *
 * <p>The wavelength is never guessed. A file that states it (PANalytical .xrdml, Rigaku .ras, a
 * {@code # wavelength = ...} comment) fills {@link #wavelength()}; otherwise it is empty and the
 * caller must supply one with {@link #withWavelength(XrdWavelength)}. Analyses that need it call
 * {@link #requireWavelength()}, whose message says how to provide it.
 */
public final class DiffractionPattern {

    /** Unit of the scattering axis. */
    public enum AxisUnit {
        /** Scattering angle 2-theta in degrees. */
        TWO_THETA_DEG,
        /** Momentum transfer Q = 4 pi sin(theta)/lambda in 1/Angstrom. */
        Q_PER_A,
        /** Momentum transfer Q in 1/nm (pyFAI/Fit2D default). */
        Q_PER_NM
    }

    private final Path source;
    private final String format;
    private final double[] axis;
    private final AxisUnit axisUnit;
    private final double[] intensity;
    private final double[] sigma;
    private final String intensityUnit;
    private final XrdWavelength wavelength;
    private final List<String> notes;

    /**
     * @param source        the file read, or null for patterns made in memory
     * @param format        format name ("xye", "xrdml", "ras", "chi", "gsas-fxye", "synthetic", ...)
     * @param axis          axis values, strictly increasing (copied)
     * @param axisUnit      their unit
     * @param intensity     intensities, finite and >= 0 (copied)
     * @param sigma         standard deviations (copied; null when the file has none)
     * @param intensityUnit "counts", "cps", "arb."
     * @param wavelength    radiation, or null when the file does not say
     * @param notes         provenance notes (how values were derived)
     */
    public DiffractionPattern(Path source, String format, double[] axis, AxisUnit axisUnit, double[] intensity,
            double[] sigma, String intensityUnit, XrdWavelength wavelength, List<String> notes) {
        if (axis.length != intensity.length) {
            throw new IllegalArgumentException("axis has " + axis.length + " points but intensity has " + intensity.length);
        }
        if (sigma != null && sigma.length != axis.length) {
            throw new IllegalArgumentException("sigma has " + sigma.length + " points but axis has " + axis.length);
        }
        if (axis.length < 3) {
            throw new IllegalArgumentException("a diffraction pattern needs at least 3 points, got " + axis.length
                    + (source == null ? "" : " in " + source));
        }
        Checks.requireStrictlyIncreasing(axis, "axis (" + axisUnit + ")");
        for (int i = 0; i < intensity.length; i++) {
            if (!Double.isFinite(intensity[i]) || intensity[i] < 0) {
                throw new IllegalArgumentException("intensity[" + i + "] = " + intensity[i]
                        + " is negative or not finite (expected counts >= 0)" + (source == null ? "" : " in " + source));
            }
        }
        this.source = source;
        this.format = format;
        this.axis = axis.clone();
        this.axisUnit = axisUnit;
        this.intensity = intensity.clone();
        this.sigma = sigma == null ? null : sigma.clone();
        this.intensityUnit = intensityUnit == null ? "arb." : intensityUnit;
        this.wavelength = wavelength;
        this.notes = Collections.unmodifiableList(new ArrayList<>(notes == null ? List.of() : notes));
    }

    /** A 2-theta pattern made in memory (forward models, tests). */
    public static DiffractionPattern ofTwoTheta(double[] twoThetaDeg, double[] intensity, XrdWavelength wavelength,
            String format) {
        return new DiffractionPattern(null, format, twoThetaDeg, AxisUnit.TWO_THETA_DEG, intensity, null, "counts",
                wavelength, List.of());
    }

    /** @return the file read, if any. */
    public Optional<Path> source() {
        return Optional.ofNullable(source);
    }

    /** @return the format name. */
    public String format() {
        return format;
    }

    /** @return the number of points. */
    public int size() {
        return axis.length;
    }

    /** @return a copy of the axis values in {@link #axisUnit()}. */
    public double[] axis() {
        return axis.clone();
    }

    /** @return the axis unit as read. */
    public AxisUnit axisUnit() {
        return axisUnit;
    }

    /** @return a copy of the intensities. */
    public double[] intensity() {
        return intensity.clone();
    }

    /** @return a copy of the standard deviations, if the file had them. */
    public Optional<double[]> sigma() {
        return sigma == null ? Optional.empty() : Optional.of(sigma.clone());
    }

    /** @return the intensity unit ("counts", "cps", "arb."). */
    public String intensityUnit() {
        return intensityUnit;
    }

    /** @return the radiation, if the file stated it or it was supplied. */
    public Optional<XrdWavelength> wavelength() {
        return Optional.ofNullable(wavelength);
    }

    /** @return provenance notes. */
    public List<String> notes() {
        return notes;
    }

    /**
     * @return the radiation
     * @throws IllegalArgumentException naming the file when it is unknown, with the fix
     */
    public XrdWavelength requireWavelength() {
        if (wavelength == null) {
            throw new IllegalArgumentException("the wavelength of " + describeSource()
                    + " is unknown: the file does not state it; give it explicitly (e.g. --wavelength-A 1.5406 for Cu K-alpha1)");
        }
        return wavelength;
    }

    /** @return a copy with the given radiation (the file's value, if any, is replaced and a note added). */
    public DiffractionPattern withWavelength(XrdWavelength w) {
        List<String> n = new ArrayList<>(notes);
        if (wavelength != null) {
            n.add("wavelength from the file (" + wavelength.describe() + ") replaced by " + w.describe());
        }
        return new DiffractionPattern(source, format, axis, axisUnit, intensity, sigma, intensityUnit, w, n);
    }

    /**
     * @return the 2-theta axis in degrees (a copy); Q axes are converted with K-alpha1,
     *         2 theta = 2 asin(Q lambda / (4 pi))
     * @throws IllegalArgumentException when the axis is Q and the wavelength is unknown, or a Q is beyond 4 pi/lambda
     */
    public double[] twoThetaDeg() {
        if (axisUnit == AxisUnit.TWO_THETA_DEG) {
            return axis.clone();
        }
        double lambda = requireWavelength().alpha1A();
        double scale = axisUnit == AxisUnit.Q_PER_NM ? 0.1 : 1.0;
        double[] out = new double[axis.length];
        for (int i = 0; i < axis.length; i++) {
            double s = axis[i] * scale * lambda / (4 * Math.PI);
            if (!(s >= 0 && s <= 1)) {
                throw new IllegalArgumentException("Q = " + axis[i] + " (" + axisUnit + ") at point " + i + " of "
                        + describeSource() + " is beyond 4 pi/lambda for lambda = " + lambda + " A");
            }
            out[i] = 2 * Math.toDegrees(Math.asin(s));
        }
        return out;
    }

    /** @return the file name or "pattern in memory (format)". */
    public String describeSource() {
        return source != null ? source.toString() : "pattern in memory (" + format + ")";
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "DiffractionPattern[%s, %s, %d points %.4g..%.4g %s, %s]", describeSource(), format,
                axis.length, axis[0], axis[axis.length - 1], axisUnit, wavelength == null ? "wavelength unknown" : wavelength.describe());
    }
}
