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

    @Test
    void meanCurveOfIdenticalRunsHasZeroSpread() {
        TgaResult r = Tga.analyze(SyntheticTga.generate(SyntheticTga.GRAVEL, 7), TgaOptions.DEFAULTS);
        Replicates.CurveSummary c = Replicates.massPctCurve(List.of(r, r), new double[] {100, 200, 400});
        assertEquals(r.massPctAt(200), c.meanPct()[1], 1e-12);
        assertEquals(0.0, c.stdPct()[1], 1e-12);
        assertTrue(Double.isNaN(c.meanPct()[2]), "400 C lies outside the curve");
    }
}
