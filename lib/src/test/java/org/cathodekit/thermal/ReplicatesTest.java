package org.cathodekit.thermal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

class ReplicatesTest {
    /** R 4.3: mean(c(2,4,4,4,5,5,7,9)) = 5, sd(...) = 2.13808993529939. */
    @Test
    void meanAndSampleStd() {
        Replicates.Summary s = Replicates.of(2, 4, 4, 4, 5, 5, 7, 9, Double.NaN);
        assertEquals(8, s.n());
        assertEquals(1, s.missing());
        assertEquals(5.0, s.mean(), 1e-12);
        assertEquals(2.13808993529939, s.std(), 1e-12);
        assertTrue(Double.isNaN(Replicates.of(3.0).std()));
    }

    /**
     * Two different runs (rod and gravel powders): at each temperature the mean curve is (a + b) / 2 and
     * the sample standard deviation of two values is |a - b| / sqrt(2), a and b read from each run alone.
     */
    @Test
    void meanCurveOfTwoRunsIsTheirPointwiseMeanAndSpread() {
        TgaResult a = Tga.analyze(SyntheticTga.generate(SyntheticTga.ROD, 7), TgaOptions.DEFAULTS);
        TgaResult b = Tga.analyze(SyntheticTga.generate(SyntheticTga.GRAVEL, 8), TgaOptions.DEFAULTS);
        double[] temps = {100, 200, 280, 400};
        Replicates.CurveSummary c = Replicates.massPctCurve(List.of(a, b), temps);
        for (int i = 0; i < 3; i++) {
            double ma = a.massPctAt(temps[i]);
            double mb = b.massPctAt(temps[i]);
            assertEquals((ma + mb) / 2, c.meanPct()[i], 1e-12, "mean at " + temps[i]);
            assertEquals(Math.abs(ma - mb) / Math.sqrt(2), c.stdPct()[i], 1e-12, "std at " + temps[i]);
        }
        assertTrue(c.stdPct()[2] > 0.1, "the two powders differ at 280 C: " + c.stdPct()[2]);
        assertTrue(Double.isNaN(c.meanPct()[3]), "400 C lies outside the curve");
    }
}
