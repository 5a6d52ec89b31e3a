package org.cathodekit.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.cathodekit.core.DataFormatException;
import org.junit.jupiter.api.Test;

/**
 * Every hand-made format fixture (see {@code src/test/resources/tga/README.md}) holds the same curve:
 * row i at t = 60 i s, T = 30 + 5 i C, m = 10 (1 - 0.05 s((T - 200)/10)) mg.
 */
class TgaReaderTest {
    static final Path DIR = Path.of("src/test/resources/tga");

    static double expectedMassMg(double tC) {
        return 10.0 * (1 - 0.05 / (1 + Math.exp(-(tC - 200) / 10)));
    }

    static void checkCurve(TgaCurve c, boolean hasTime, double massTolMg) {
        assertEquals(60, c.size() + c.skippedRows());
        double[] t = c.temperatureC();
        double[] m = c.mass();
        double[] time = c.timeS();
        for (int i = 0; i < c.size(); i++) {
            // rows may have been skipped; recover the row number from the temperature
            int row = (int) Math.round((t[i] - 30) / 5);
            assertEquals(30 + 5.0 * row, t[i], 1e-3, "temperature row " + row);
            double expected = c.massUnit().equals("%") ? 10 * expectedMassMg(t[i]) : expectedMassMg(t[i]);
            assertEquals(expected, m[i], massTolMg, "mass row " + row);
            if (hasTime) {
                assertEquals(60.0 * row, time[i], 1e-3, "time row " + row);
            }
        }
        if (!hasTime) {
            assertNull(time);
        }
    }

    @Test
    void taUniversalAnalysis() {
        TgaCurve c = TgaReader.read(DIR.resolve("ta_universal_analysis.txt"));
        assertEquals(TgaFormat.TA_UNIVERSAL_ANALYSIS, c.format());
        assertEquals(StandardCharsets.ISO_8859_1, c.charset(), "the ° in latin-1 is detected");
        assertEquals("Temperature (°C)", c.temperatureColumn());
        assertEquals(10.0, c.sampleMassMg(), 0);
        assertEquals("mg", c.massUnit());
        checkCurve(c, true, 1e-5);
    }

    @Test
    void taTrios() {
        TgaCurve c = TgaReader.read(DIR.resolve("ta_trios.txt"));
        assertEquals(TgaFormat.TA_TRIOS, c.format());
        assertEquals("mg", c.massUnit(), "absolute mg preferred over %");
        assertEquals("min", c.sourceUnits().get(0));
        checkCurve(c, true, 1e-5);
    }

    @Test
    void mettlerStare() {
        TgaCurve c = TgaReader.read(DIR.resolve("mettler_stare.txt"));
        assertEquals(TgaFormat.METTLER_STARE, c.format());
        assertEquals("Ts", c.temperatureColumn(), "sample temperature, not the reference Tr");
        assertEquals("t", c.timeColumn());
        assertEquals("Value", c.massColumn());
        checkCurve(c, true, 1e-6);
    }

    @Test
    void netzschProteus() {
        TgaCurve c = TgaReader.read(DIR.resolve("netzsch_proteus.csv"));
        assertEquals(TgaFormat.NETZSCH_PROTEUS, c.format());
        assertEquals("';' delimited, decimal ','", c.dialect());
        assertEquals("%", c.massUnit());
        assertEquals(10.0, c.sampleMassMg(), 0);
        checkCurve(c, true, 1e-4);
    }

    @Test
    void setaramMassChangePlusSampleMass() {
        TgaCurve c = TgaReader.read(DIR.resolve("setaram.txt"));
        assertEquals(TgaFormat.SETARAM, c.format());
        assertEquals("Sample temperature (°C)", c.temperatureColumn(), "sample, not furnace temperature");
        assertEquals("TG (mg)", c.massColumn());
        assertTrue(c.notes().stream().anyMatch(n -> n.contains("mass change")), c.notes().toString());
        checkCurve(c, true, 1e-5);
    }

    @Test
    void genericTsvKelvinAndGram() {
        TgaCurve c = TgaReader.read(DIR.resolve("generic_tsv_kelvin_gram.tsv"));
        assertEquals(TgaFormat.GENERIC_DELIMITED, c.format());
        assertEquals("K", c.sourceUnits().get(1));
        assertEquals("g", c.sourceUnits().get(2));
        checkCurve(c, true, 1e-5);
    }

    @Test
    void oneBadRowIsSkippedAndNamed() {
        TgaCurve c = TgaReader.read(DIR.resolve("generic_no_time_bad_row.csv"));
        assertEquals(1, c.skippedRows());
        assertTrue(c.notes().get(0).contains("line 27") && c.notes().get(0).contains("overflow"), c.notes().toString());
        checkCurve(c, false, 1e-4);
    }

    @Test
    void missingTemperatureColumn() {
        DataFormatException e = assertThrows(DataFormatException.class,
                () -> TgaReader.read(DIR.resolve("bad_no_temperature.csv")));
        assertTrue(e.getMessage().contains("bad_no_temperature.csv") && e.getMessage().contains("no temperature column")
                && e.getMessage().contains("header line 1"), e.getMessage());
    }

    @Test
    void missingMassColumn() {
        DataFormatException e = assertThrows(DataFormatException.class, () -> TgaReader.read(DIR.resolve("bad_no_mass.csv")));
        assertTrue(e.getMessage().contains("no mass column") && e.getMessage().contains("Heat flow"), e.getMessage());
    }

    @Test
    void nonMonotonicHeatingWithoutTime() {
        DataFormatException e = assertThrows(DataFormatException.class,
                () -> TgaReader.read(DIR.resolve("bad_non_monotonic_no_time.csv")));
        assertTrue(e.getMessage().contains("line 32") && e.getMessage().contains("no time column"), e.getMessage());
    }

    @Test
    void massChangeWithoutSampleMass() {
        DataFormatException e = assertThrows(DataFormatException.class,
                () -> TgaReader.read(DIR.resolve("bad_tg_change_no_sample_mass.txt")));
        assertTrue(e.getMessage().contains("mass change") && e.getMessage().contains("sample mass"), e.getMessage());
    }

    @Test
    void unsupportedUnitAndTooFewRowsAndTimeBackwards() {
        DataFormatException f = assertThrows(DataFormatException.class, () -> TgaReader.parse(text("t.csv",
                "Time (s),Temperature (°F),Mass (mg)\n0,80,10\n1,81,10\n2,82,10\n3,83,10\n4,84,10\n5,85,10\n6,86,10\n")));
        assertTrue(f.getMessage().contains("°F"), f.getMessage());
        DataFormatException few = assertThrows(DataFormatException.class, () -> TgaReader.parse(text("few.csv",
                "Time (s),Temperature (°C),Mass (mg)\n0,30,10\n1,31,10\n2,32,10\n")));
        assertTrue(few.getMessage().contains("only 3 usable data rows"), few.getMessage());
        DataFormatException back = assertThrows(DataFormatException.class, () -> TgaReader.parse(text("back.csv",
                "Time (s),Temperature (°C),Mass (mg)\n0,30,10\n1,31,10\n2,32,10\n1.5,33,10\n4,34,10\n5,35,10\n6,36,10\n7,37,10\n")));
        assertTrue(back.getMessage().contains("line 5") && back.getMessage().contains("time goes backwards"), back.getMessage());
    }

    @Test
    void fileIsNotModified() throws Exception {
        Path f = DIR.resolve("netzsch_proteus.csv");
        byte[] before = Files.readAllBytes(f);
        TgaReader.read(f);
        assertTrue(java.util.Arrays.equals(before, Files.readAllBytes(f)));
    }

    static TextFile text(String name, String content) {
        return TextFile.decode(Path.of(name), content.getBytes(StandardCharsets.UTF_8));
    }
}
