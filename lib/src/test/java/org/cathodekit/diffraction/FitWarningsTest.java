package org.cathodekit.diffraction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

/** The doubt checks of {@link FitWarnings} on constructed fits and W-H lines. */
class FitWarningsTest {

    static PeakResult fit(double tt, FitStatus st, double r2) {
        return new PeakResult(tt, st, tt, 0.001, 0.1, 0.001, Math.toRadians(0.1), 100, 1, 50, 1, r2, tt - 1, tt + 1, 1, 10, 0, 0, tt, "");
    }

    @Test
    void lowWindowR2IsNamedWithItsValue() {
        List<String> w = FitWarnings.lowWindowR2(List.of(fit(20, FitStatus.OK, 0.99), fit(30, FitStatus.OK, 0.02),
                fit(40, FitStatus.NO_PEAK, Double.NaN)), FitWarnings.WINDOW_R2_FLOOR);
        assertEquals(1, w.size(), w.toString());
        assertTrue(w.get(0).contains("30.000") && w.get(0).contains("0.020"), w.get(0));
    }

    @Test
    void layeredOxideShare() {
        List<PeakResult> good = List.of(fit(18.7, FitStatus.OK, 0.99), fit(36.6, FitStatus.OK, 0.98), fit(44.4, FitStatus.OK, 0.6),
                fit(64.4, FitStatus.NO_PEAK, Double.NaN));
        assertTrue(FitWarnings.notLayeredOxide(good, 2.87, 14.2, 0.8, 0.5).isEmpty(), "2 of 4 acceptable: at the share, no warning");
        List<PeakResult> bad = List.of(fit(18.7, FitStatus.OK, 0.99), fit(36.6, FitStatus.OK, 0.3), fit(44.4, FitStatus.OK, 0.6),
                fit(64.4, FitStatus.NO_PEAK, Double.NaN));
        String m = FitWarnings.notLayeredOxide(bad, 2.87, 14.2, 0.8, 0.5).orElseThrow();
        assertTrue(m.contains("1 of the 4"), m);
    }

    /** Widths falling with angle give a negative slope: warned, with the significance. */
    @Test
    void negativeStrainIsWarned() {
        double[] tt = {20, 40, 60, 80, 100};
        double[] b = new double[tt.length];
        for (int i = 0; i < tt.length; i++) {
            b[i] = Math.toRadians(0.3 - 0.002 * tt[i]);
        }
        WilliamsonHallResult r = WilliamsonHall.fit(tt, b, 1.540593, InstrumentFunction.NONE, WilliamsonHallOptions.DEFAULTS);
        assertTrue(r.strain() < 0);
        String m = FitWarnings.negativeStrain(r).orElseThrow();
        assertTrue(m.contains("negative microstrain"), m);
        double[] up = new double[tt.length];
        for (int i = 0; i < tt.length; i++) {
            up[i] = Math.toRadians(0.1 + 0.002 * tt[i]);
        }
        assertTrue(FitWarnings.negativeStrain(WilliamsonHall.fit(tt, up, 1.540593, InstrumentFunction.NONE, WilliamsonHallOptions.DEFAULTS))
                .isEmpty());
    }
}
