package org.cathodekit.diffraction;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.cathodekit.core.DiffractionPattern;
import org.junit.jupiter.api.Test;

/** In-situ series with a planted lattice trajectory (paper C end-points for PC-NC91). */
class DiffractionSeriesTest {

    static List<DiffractionPattern> series(int n, double cDrop, double vDrop, double strain0, double strain1) {
        List<DiffractionPattern> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            double s = (double) i / (n - 1);
            double[] ac = SyntheticPatterns.latticeAt(2.872, 14.19, cDrop, vDrop, s);
            SyntheticSpec spec = SyntheticSpec.DEFAULTS.withLattice(ac[0], ac[1]).withStrain(strain0 + (strain1 - strain0) * s)
                    .withScan(15, 85, 4000).withSeed(1000 + i);
            out.add(SyntheticPatterns.generate(spec));
        }
        return out;
    }

    /**
     * Planted c -6.0 %, V -7.8 % (paper C, PC-NC91) over 25 patterns: recovered relative changes within
     * 0.1 percentage point; every pattern's a within 0.001 A and c within 0.005 A of the planted values;
     * microstrain rises as planted. Thread count does not change a single bit.
     */
    @Test
    void plantedTrajectoryIsRecoveredAndThreadIndependent() {
        int n = 25;
        List<DiffractionPattern> ps = series(n, 0.060, 0.078, 0.0010, 0.0025);
        String prev = System.getProperty("cathodekit.threads");
        SeriesResult one;
        SeriesResult many;
        try {
            System.setProperty("cathodekit.threads", "1");
            one = DiffractionSeries.analyse(ps, SeriesOptions.DEFAULTS.withInstrument(SyntheticSpec.LAB_INSTRUMENT).withChunkSize(4));
            System.setProperty("cathodekit.threads", "3");
            many = DiffractionSeries.analyse(ps, SeriesOptions.DEFAULTS.withInstrument(SyntheticSpec.LAB_INSTRUMENT).withChunkSize(4));
        } finally {
            if (prev == null) {
                System.clearProperty("cathodekit.threads");
            } else {
                System.setProperty("cathodekit.threads", prev);
            }
        }
        assertArrayEquals(one.c(), many.c(), 0.0);
        assertArrayEquals(one.strain(), many.strain(), 0.0);
        assertEquals(0, one.latticeFailures(), one.points().toString());
        for (int i = 0; i < n; i++) {
            double[] ac = SyntheticPatterns.latticeAt(2.872, 14.19, 0.060, 0.078, (double) i / (n - 1));
            assertEquals(ac[0], one.a()[i], 1e-3, "a at " + i);
            assertEquals(ac[1], one.c()[i], 5e-3, "c at " + i);
        }
        assertEquals(-6.0, SeriesResult.relativeChangePercent(one.c()), 0.1);
        assertEquals(-7.8, SeriesResult.relativeChangePercent(one.volume()), 0.1);
        double[] eps = one.strain();
        assertTrue(eps[n - 1] > eps[0] + 0.001, "strain rises: " + eps[0] + " -> " + eps[n - 1]);
        double[] x = one.aOverA0Squared();
        double[] y = one.cOverC0();
        assertEquals(1.0, x[0], 0);
        assertEquals(1.0, y[0], 0);
        assertTrue(y[n - 1] < SeriesResult.isotropicCOverC0(x[n - 1]), "c contracts more than isotropic at the end");
    }

    /** A blank pattern in the middle fails alone, with a message; the rest of the series is analysed. */
    @Test
    void oneBadPatternDoesNotStopTheSeries() {
        List<DiffractionPattern> ps = new ArrayList<>(series(5, 0.06, 0.078, 0.001, 0.002));
        DiffractionPattern p = ps.get(2);
        double[] flat = new double[p.size()];
        java.util.Arrays.fill(flat, 100);
        ps.set(2, DiffractionPattern.ofTwoTheta(p.twoThetaDeg(), flat, p.wavelength().orElseThrow(), "blank"));
        SeriesResult r = DiffractionSeries.analyse(ps, SeriesOptions.DEFAULTS);
        assertFalse(r.points().get(2).latticeOk());
        assertTrue(r.points().get(2).message().contains("lattice"), r.points().get(2).message());
        assertTrue(Double.isNaN(r.c()[2]));
        assertEquals(1, r.latticeFailures());
        assertTrue(r.points().get(3).latticeOk() && r.points().get(4).latticeOk());
    }
}
