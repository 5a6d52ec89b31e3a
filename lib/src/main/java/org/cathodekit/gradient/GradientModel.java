package org.cathodekit.gradient;

/**
 * 3D (volume) or 2D (map) variant of paper A's valence-gradient model, with its random reference.
 * For a field whose gradient directions are isotropic and independent of the position:
 */
public enum GradientModel {
    /**
     * Volume {@code [z][y][x]}, gradient (u_x, u_y, u_z). Isotropic directions in 3D give the density
     * {@code p(theta) = sin(theta) / 2} (theta in radians; paper A Suppl. Fig. 13) and
     * {@code E|cos theta| = 1/2}.
     */
    VOLUME_3D(0.5),
    /**
     * Map {@code [y][x]}, gradient (u_x, u_y), v in the plane. Isotropic directions in 2D give a
     * uniform density {@code p(theta) = 1 / pi} and {@code E|cos theta| = 2 / pi}.
     */
    MAP_2D(2 / Math.PI);

    private final double randomMeanAbsCos;

    GradientModel(double randomMeanAbsCos) {
        this.randomMeanAbsCos = randomMeanAbsCos;
    }

    /** @return E|cos theta| for isotropic gradient directions: 1/2 (3D) or 2/pi (2D) */
    public double randomMeanAbsCos() {
        return randomMeanAbsCos;
    }

    /**
     * The random reference on 1-degree bins, as a density per degree (sums to 1): 3D
     * {@code (cos(i deg) - cos((i+1) deg)) / 2}, 2D {@code 1/180}.
     */
    public double[] referenceDensityPerDeg() {
        double[] d = new double[180];
        for (int i = 0; i < 180; i++) {
            d[i] = this == MAP_2D ? 1.0 / 180 : (Math.cos(Math.toRadians(i)) - Math.cos(Math.toRadians(i + 1))) / 2;
        }
        return d;
    }

    /**
     * Tangential index {@code T = 1 - mean|cos theta| / E_random|cos theta|}: 0 for isotropic gradient
     * directions, 1 when every gradient is tangential (theta = 90 deg), negative when gradients are
     * radial (theta = 0 or 180 deg: -1 in 3D, 1 - pi/2 = -0.571 in 2D).
     */
    public double tangentialIndex(double meanAbsCos) {
        return 1 - meanAbsCos / randomMeanAbsCos;
    }
}
