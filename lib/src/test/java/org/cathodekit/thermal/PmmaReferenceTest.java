package org.cathodekit.thermal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.cathodekit.io.TgaCurve;
import org.cathodekit.io.TgaFormat;
import org.cathodekit.io.TgaReader;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The real PMMA thermogram (MaCFP/matl-db, FSRI, N2, 10 K/min; MIT licence) from
 * {@code ../shared/reference-data/tga/}: a single-step depolymerisation with a small early loss.
 * Oracles: (1) a naive DTG inside this test (11-point moving average, then central differences on the
 * raw rows) must put the peak within 3 K of the Savitzky-Golay peak; (2) the peak must lie in
 * 630-680 K: the usual range quoted for PMMA's maximum mass-loss rate at 10 K/min in N2 is about
 * 640-680 K, widened by 10 K downwards for run-to-run and calibration scatter (this file gives 638.6 K
 * by Savitzky-Golay and ~634.5 K by plain differences of the raw rows, i.e. at the low end); (3) the
 * ISO onset precedes the peak by less than one step width (60 K) and the step removes > 95 % of the mass.
 */
class PmmaReferenceTest {
    static Path file;

    @BeforeAll
    static void locate() {
        file = Path.of(System.getProperty("user.dir")).resolve("../../shared/reference-data/tga/macfp_PMMA_FSRI_TGA_N2_10K_1.csv")
                .normalize();
        Assumptions.assumeTrue(Files.isRegularFile(file), "skipped: real reference file not found at " + file
                + " (only the development tree has ../shared/reference-data)");
    }

    @Test
    void readsUnitsRowKelvinAndMilligram() {
        TgaCurve c = TgaReader.read(file);
        assertEquals(TgaFormat.GENERIC_DELIMITED, c.format());
        assertEquals(java.util.List.of("s", "K", "mg"), c.sourceUnits());
        assertEquals(999, c.size());
        assertEquals(323 - 273.15, c.temperatureC()[0], 1e-9);
        assertEquals(3.9791, c.mass()[0], 0);
        assertEquals(28.4, c.timeS()[0], 0);
    }

    @Test
    void singleStepOnsetBeforeDtgPeak() {
        TgaCurve c = TgaReader.read(file);
        TgaResult r = Tga.analyze(new Thermogram(c.timeS(), c.temperatureC(), c.mass(), c.massUnit()), TgaOptions.DEFAULTS);
        assertTrue(r.stepFound());
        double peakK = r.dtgPeakC() + 273.15;
        assertTrue(peakK >= 630 && peakK <= 680, "DTG peak " + peakK + " K");

        // naive DTG: moving average of 11 rows, central difference over +-5 rows
        double[] t = c.temperatureC();
        double[] m = c.mass();
        int n = t.length;
        double[] avg = new double[n];
        for (int i = 5; i < n - 5; i++) {
            double s = 0;
            for (int k = -5; k <= 5; k++) {
                s += m[i + k];
            }
            avg[i] = s / 11;
        }
        int best = -1;
        double bestRate = 0;
        for (int i = 10; i < n - 10; i++) {
            double rate = (avg[i + 5] - avg[i - 5]) / (t[i + 5] - t[i - 5]);
            if (rate < bestRate) {
                bestRate = rate;
                best = i;
            }
        }
        assertEquals(t[best], r.dtgPeakC(), 3.0, "naive DTG peak");

        Onset iso = r.onset(OnsetMethod.ISO_11358_EXTRAPOLATED);
        assertTrue(iso.found());
        assertTrue(iso.temperatureC() < r.dtgPeakC() && iso.temperatureC() > r.dtgPeakC() - 60,
                "ISO onset " + iso.temperatureC() + " C vs peak " + r.dtgPeakC() + " C");
        assertTrue(iso.baselineEndC() < iso.temperatureC());
        assertTrue(r.massLossPctAt(r.maxTemperatureC()) > 95);
        Onset astm = r.onset(OnsetMethod.ASTM_E2550_DEVIATION);
        assertTrue(astm.temperatureC() < iso.temperatureC(), "first deviation precedes the extrapolated onset");
    }
}
