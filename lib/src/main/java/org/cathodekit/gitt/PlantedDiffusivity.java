package org.cathodekit.gitt;

/**
 * A planted chemical diffusivity D(x) for {@link GittModel}:
 * <pre>  log10 D(x) = log10Max - curvature * ((x - xPeak)/0.4)^2 - dipDepth * exp(-((x - xDip)/dipWidth)^2)</pre>
 * (a maximum at intermediate Li content and a dip in the H2-H3 region at high delithiation, the usual
 * GITT shape of Ni-rich layered oxides). D in m^2/s.
 *
 * @param log10Max  log10 of the peak D [m^2/s]
 * @param xPeak     Li content of the peak
 * @param curvature decades lost 0.4 away from the peak
 * @param dipDepth  decades of the dip
 * @param xDip      Li content of the dip
 * @param dipWidth  Gaussian width of the dip in x
 */
public record PlantedDiffusivity(double log10Max, double xPeak, double curvature, double dipDepth, double xDip,
        double dipWidth) {

    /** Synthetic SC-NC91 (LiNi0.9Co0.1O2): faster, shallow dip. Not measured: planted. */
    public static final PlantedDiffusivity SC_NC91 = new PlantedDiffusivity(-15.4, 0.55, 0.6, 0.3, 0.2, 0.06);
    /** Synthetic SC-NM91 (LiNi0.9Mn0.1O2): slower, deeper dip. Not measured: planted. */
    public static final PlantedDiffusivity SC_NM91 = new PlantedDiffusivity(-15.8, 0.55, 0.6, 0.6, 0.2, 0.06);

    /** A constant D [m^2/s]. */
    public static PlantedDiffusivity constant(double dM2PerS) {
        return new PlantedDiffusivity(Math.log10(dM2PerS), 0.5, 0, 0, 0.5, 1);
    }

    /** @return D(x) [m^2/s]. */
    public double at(double x) {
        double u = (x - xPeak) / 0.4;
        double w = (x - xDip) / dipWidth;
        return Math.pow(10, log10Max - curvature * u * u - dipDepth * Math.exp(-w * w));
    }
}
