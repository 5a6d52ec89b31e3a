package org.cathodekit.thermal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * The "step not complete" and "under way at the start" warnings on noise-free planted curves: a ramp of
 * 5 K/min from 30 C to 300 C, then a 60-min isotherm; a logistic mass step of 5 % with width 8 K placed
 * (a) at 200 C: complete, no warning; (b) at 300 C, the ramp's end: the DTG peak is where the ramp stops and
 * half the loss happens in the isotherm; (c) a 3 K wide step at 34 C, 4 K after the ramp starts (the baseline
 * window 30-32.5 C given, as a user would for a loss that starts with the run).
 */
class TgaStepCompletenessTest {

    static Thermogram planted(double centreC) {
        return planted(centreC, 8);
    }

    static Thermogram planted(double centreC, double widthK) {
        int ramp = 271; // 30..300 C, one row per K (12 s)
        int hold = 300; // 60 min at 300 C, one row per 12 s
        int n = ramp + hold;
        double[] time = new double[n];
        double[] t = new double[n];
        double[] m = new double[n];
        for (int i = 0; i < n; i++) {
            time[i] = 12.0 * i;
            t[i] = i < ramp ? 30 + i : 300;
            // in the isotherm the step goes on in time at the rate it had at the ramp's end
            double x = i < ramp ? t[i] : 300 + (i - ramp + 1) * 1.0;
            m[i] = 10 * (1 - 0.05 / (1 + Math.exp(-(x - centreC) / widthK)));
        }
        return new Thermogram(time, t, m, "mg");
    }

    @Test
    void completeStepHasNoWarning() {
        TgaResult r = Tga.analyze(planted(200), TgaOptions.DEFAULTS);
        assertTrue(r.stepFound());
        assertEquals(200, r.dtgPeakC(), 0.5);
        assertTrue(r.warnings().isEmpty(), r.warnings().toString());
    }

    @Test
    void stepAtTheEndOfTheRampIsNotComplete() {
        TgaResult r = Tga.analyze(planted(300), TgaOptions.DEFAULTS);
        assertTrue(r.stepFound());
        assertEquals(1, r.warnings().size(), r.warnings().toString());
        String w = r.warnings().get(0);
        assertTrue(w.startsWith("step not complete"), w);
        // half the 5 % step (2.5 % of the reference mass) is still to come in the isotherm
        assertTrue(w.contains("further 2.5"), w);
    }

    @Test
    void stepBeforeTheRampIsUnderWayAtTheStart() {
        TgaResult r = Tga.analyze(planted(34, 3), TgaOptions.DEFAULTS.withBaselineWindowC(30, 32.5));
        assertTrue(r.stepFound(), r.onset().note() + " peak " + r.dtgPeakC());
        assertTrue(r.warnings().stream().anyMatch(w -> w.startsWith("step already under way at the start")),
                r.warnings().toString());
    }

    @Test
    void warningsAreAppendedNotReplaced() {
        TgaResult r = Tga.analyze(planted(300), TgaOptions.DEFAULTS).withWarnings(java.util.List.of("x"));
        assertEquals(2, r.warnings().size());
        assertEquals("x", r.warnings().get(1));
    }
}
