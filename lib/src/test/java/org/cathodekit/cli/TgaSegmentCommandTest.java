package org.cathodekit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code tga --segment}, the {@code segments} and {@code warnings} keys, and the exit codes of bad input. */
class TgaSegmentCommandTest {
    static final Path PYRIS = Path.of("src/test/resources/tga/pyris_export.txt");

    @SuppressWarnings("unchecked")
    static List<String> warnings(Map<String, Object> j) {
        return (List<String>) j.get("warnings");
    }

    @Test
    void defaultSegmentIsSaidAndSegmentNChoosesIt() {
        TgaCommandTest.Run r = TgaCommandTest.run("tga", "--input", PYRIS.toString(), "--json");
        assertEquals(0, r.code(), r.err());
        Map<String, Object> j = r.json();
        assertEquals(2.0, ((Number) j.get("segment")).doubleValue());
        assertEquals(2, ((List<?>) j.get("segments")).size());
        assertTrue(warnings(j).stream().anyMatch(w -> w.contains("chosen by rule")), warnings(j).toString());
        assertEquals(200.0, (Double) j.get("dtg_peak_C"), 0.5, "the fixture's step centre");

        TgaCommandTest.Run chosen = TgaCommandTest.run("tga", "--input", PYRIS.toString(), "--segment", "2", "--json");
        assertEquals(0, chosen.code(), chosen.err());
        assertFalse(warnings(chosen.json()).stream().anyMatch(w -> w.contains("chosen by rule")));
        assertEquals(j.get("onset_C"), chosen.json().get("onset_C"), "the same rows analysed");
    }

    @Test
    void replicatesCollectEveryFilesWarnings() {
        TgaCommandTest.Run r = TgaCommandTest.run("tga", "--input", PYRIS.toString(), "src/test/resources/tga/trailing_commas.csv",
                "--json");
        assertEquals(0, r.code(), r.err());
        List<String> w = warnings(r.json());
        assertTrue(w.stream().anyMatch(x -> x.startsWith("pyris_export.txt: ") && x.contains("chosen by rule")), w.toString());
    }

    @Test
    void anIsothermalSegmentIsSaid(@TempDir Path dir) throws Exception {
        TgaCommandTest.Run flat = TgaCommandTest.run("tga", "--input", "src/test/resources/tga/netzsch_data_all_0x9b.txt",
                "--segment", "2", "--json");
        assertEquals(2, flat.code());
        assertTrue(flat.err().contains("heating segment has only 1 points"), flat.err());
        // a hold drifting by 0.6 K over 60 rows (isothermal by the 10 K rule) is analysed, and said to be no ramp
        StringBuilder sb = new StringBuilder("Time (s),Temperature (°C),Mass (mg)\n");
        for (int i = 0; i < 60; i++) {
            sb.append(String.format(Locale.ROOT, "%d,%.3f,%.5f%n", 10 * i, 25 + 0.01 * i, 10 - 0.0001 * i));
        }
        Path f = dir.resolve("hold.csv");
        Files.writeString(f, sb.toString());
        TgaCommandTest.Run r = TgaCommandTest.run("tga", "--input", f.toString(), "--segment", "1", "--dtg-window-k", "0.1", "--json");
        assertEquals(0, r.code(), r.err());
        assertTrue(warnings(r.json()).stream().anyMatch(w -> w.contains("not a heating segment")), warnings(r.json()).toString());
    }

    @Test
    void unknownSegmentIsExit2NamingTheFile() {
        TgaCommandTest.Run r = TgaCommandTest.run("tga", "--input", PYRIS.toString(), "--segment", "3", "--json");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("pyris_export.txt") && r.err().contains("--segment 3") && r.err().contains("1..2"), r.err());
        assertTrue(r.out().isEmpty(), r.out());
    }

    @Test
    void exportWithoutAMassCurveIsExit2() {
        TgaCommandTest.Run r = TgaCommandTest.run("tga", "--input", "src/test/resources/tga/bad_mettler_dsc_only.txt", "--json");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("bad_mettler_dsc_only.txt") && r.err().contains("[mW]"), r.err());
    }

    @Test
    void stepAtTheEndOfTheRampIsSaidInWarnings(@TempDir Path dir) throws Exception {
        StringBuilder sb = new StringBuilder("Time (s),Temperature (°C),Mass (mg)\n");
        for (int i = 0; i < 271; i++) {
            double t = 30 + i;
            sb.append(String.format(Locale.ROOT, "%.1f,%.3f,%.6f%n", 12.0 * i, t, 10 * (1 - 0.05 / (1 + Math.exp(-(t - 300) / 8)))));
        }
        Path f = dir.resolve("ends_mid_step.csv");
        Files.writeString(f, sb.toString());
        TgaCommandTest.Run r = TgaCommandTest.run("tga", "--input", f.toString(), "--json");
        assertEquals(0, r.code(), r.err());
        assertTrue(warnings(r.json()).stream().anyMatch(w -> w.startsWith("step not complete") && w.contains("data end there")),
                warnings(r.json()).toString());
    }
}
