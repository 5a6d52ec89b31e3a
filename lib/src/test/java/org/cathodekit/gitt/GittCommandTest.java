package org.cathodekit.gitt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.cathodekit.cli.Main;
import org.cathodekit.core.JsonOutput;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GittCommandTest {
    @TempDir
    Path dir;

    private record Run(int code, String out, String err) {
    }

    private static Run run(String... args) {
        StringWriter o = new StringWriter();
        StringWriter e = new StringWriter();
        int code = Main.run(new PrintWriter(o), new PrintWriter(e), args);
        return new Run(code, o.toString(), e.toString());
    }

    @Test
    @SuppressWarnings("unchecked")
    void jsonHasTheIssueKeysAndThePlantedOrder() throws Exception {
        GittSimulation sim = GittModel.simulate(GittModel.sampleOptions().withXRange(0.7, 0.6).withDischarge(false));
        Path f = dir.resolve("sim.csv");
        GittModel.writeCsv(sim, f, "test");
        Run r = run("gitt", "--input", f.toString(), "--radius-um", "2", "--json");
        assertEquals(0, r.code(), r.err());
        Map<String, Object> m = (Map<String, Object>) JsonOutput.parse(r.out());
        for (String k : List.of("pulses", "file_format", "units_detected", "dropped")) {
            assertTrue(m.containsKey(k), k);
        }
        assertEquals("GENERIC", m.get("file_format"));
        List<Object> pulses = (List<Object>) m.get("pulses");
        assertEquals(sim.pulses(), pulses.size());
        double[] planted = sim.plantedDM2PerS();
        for (int k = 0; k < pulses.size(); k++) {
            Map<String, Object> p = (Map<String, Object>) pulses.get(k);
            for (String key : List.of("index", "start_s", "tau_s", "current_A", "E_before_V", "E_after_V", "dEs_V",
                    "dEt_V", "ir_drop_V", "slope_V_per_sqrt_s", "r2", "D_m2_s", "D_wh_m2_s")) {
                assertTrue(p.containsKey(key), key);
            }
            double d = (Double) p.get("D_m2_s");
            // eq. 2 with the planted D: within the first-order sphere bias (see GittTest) plus 15 %
            double eps = GittModel.firstOrderBias(planted[k], 2e-6, 10, 20);
            assertEquals(1.0, d * (1 + eps) * (1 + eps) / planted[k], 0.15);
            assertEquals(1200.0, (Double) p.get("tau_s"), 1e-9);
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void realMaccorThroughTheCommandLine() {
        Path f = Path.of(System.getProperty("user.dir")).resolve("../../shared/reference-data/cycler/cellpy_maccor_001.txt");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isRegularFile(f), "real reference file absent (skipped): " + f);
        Run r = run("gitt", "--input", f.toString(), "--radius-um", "5", "--json");
        assertEquals(0, r.code(), r.err());
        Map<String, Object> m = (Map<String, Object>) JsonOutput.parse(r.out());
        assertEquals("MACCOR_TEXT", m.get("file_format"));
        Map<String, Object> units = (Map<String, Object>) m.get("units_detected");
        assertEquals("Amps -> A", units.get("current"));
        assertTrue(((List<Object>) m.get("pulses")).size() > 0);
        // the same file forced as Neware is refused with the columns found
        Run wrong = run("gitt", "--input", f.toString(), "--radius-um", "5", "--format", "neware", "--json");
        assertEquals(2, wrong.code());
        assertTrue(wrong.err().contains("columns found"), wrong.err());
    }

    @Test
    void massFormNeedsAllFourQuantities() throws Exception {
        GittSimulation sim = GittModel.simulate(GittModel.sampleOptions().withXRange(0.7, 0.65).withDischarge(false));
        Path f = dir.resolve("sim2.csv");
        GittModel.writeCsv(sim, f, "test");
        Run bad = run("gitt", "--input", f.toString(), "--radius-um", "2", "--area-cm2", "1", "--json");
        assertEquals(2, bad.code());
        // m V_M/(M S) = r/3 gives the radius form: V_M = (r/3 in cm) M S / m
        double vm = (2e-4 / 3) * 97.7 * 1.0 / 0.005;
        Run ok = run("gitt", "--input", f.toString(), "--radius-um", "2", "--mass-mg", "5", "--molar-mass", "97.7",
                "--molar-volume-cm3", Double.toString(vm), "--area-cm2", "1", "--json");
        assertEquals(0, ok.code(), ok.err());
        @SuppressWarnings("unchecked")
        Map<String, Object> p0 = (Map<String, Object>) ((List<Object>) ((Map<String, Object>) JsonOutput.parse(ok.out())).get("pulses")).get(0);
        assertEquals((Double) p0.get("D_wh_m2_s"), (Double) p0.get("D_wh_mass_form_m2_s"), 1e-9 * (Double) p0.get("D_wh_m2_s"));
    }

    @Test
    void badInputExitsTwoWithOneLine() throws Exception {
        Path f = dir.resolve("flat.csv");
        Files.writeString(f, "time/s,Ewe/V,I/mA\n0,3.7,0\n1,3.7,0\n2,3.7,0\n");
        Run r = run("gitt", "--input", f.toString(), "--radius-um", "2", "--json");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("no current pulses") && r.err().contains("flat.csv"), r.err());
        assertEquals("", r.out());
        Run missing = run("gitt", "--input", dir.resolve("nope.csv").toString(), "--radius-um", "2", "--json");
        assertEquals(2, missing.code());
        Run window = run("gitt", "--input", f.toString(), "--radius-um", "2", "--window-sqrt-s", "20:10", "--json");
        assertEquals(2, window.code());
        Run fmt = run("gitt", "--input", f.toString(), "--radius-um", "2", "--format", "excel", "--json");
        assertEquals(2, fmt.code());
        assertTrue(fmt.err().contains("unknown cycler format"), fmt.err());
    }

    /**
     * Every bad-input case of issue 5 through the command line: exit 2, nothing on stdout, exactly one
     * line on stderr naming the file, the row (line) and the column, the input untouched and nothing
     * written beside it. Named fixtures, one per case.
     */
    @Test
    void issueFiveBadInputsThroughTheCommandLine() throws Exception {
        record Bad(String file, String content, List<String> mustName) {
        }
        List<Bad> cases = List.of(
                new Bad("missingTime.csv", "Ewe/V,I/mA\n0,3.7\n1,3.7\n", List.of("line 1", "no time", "columns found", "Ewe/V", "I/mA")),
                new Bad("missingVoltage.csv", "time/s,I/mA\n0,0\n1,0\n", List.of("line 1", "no voltage", "columns found", "time/s")),
                new Bad("missingCurrent.csv", "time/s,Ewe/V,temperature/C\n0,3.7,25\n1,3.7,25\n",
                        List.of("line 1", "no current", "columns found", "temperature/C")),
                new Bad("nonMonotonicTime.csv", "time/s,Ewe/V,I/mA\n0,3.7,0\n10,3.7,0\n5,3.7,0\n",
                        List.of("line 4", "column 'time/s'", "backwards")),
                new Bad("cutMidRow.csv", "time/s,Ewe/V,I/mA\n0,3.7,0\n1,3.7,0\n2,3.7", List.of("line 4", "cut mid-row", "header has 3")),
                new Bad("noPulses.csv", "time/s,Ewe/V,I/mA\n0,3.7,0\n1,3.7,0\n2,3.7,0\n",
                        List.of("data rows 1-3", "column 'I/mA'", "no current pulses", "zero in every row")),
                new Bad("mixedUnits.csv", "time/s,Voltage(V),I/mA\n0,3.7,0\n1,3700 mV,0\n2,3.7,0\n",
                        List.of("line 3", "column 'Voltage(V)'", "mixed units", "'mV'")));
        for (Bad b : cases) {
            Path sub = Files.createDirectory(dir.resolve(b.file().replace(".csv", "")));
            Path f = sub.resolve(b.file());
            Files.writeString(f, b.content());
            byte[] before = Files.readAllBytes(f);
            Run r = run("gitt", "--input", f.toString(), "--radius-um", "2", "--json");
            assertEquals(2, r.code(), b.file() + ": " + r.err());
            assertEquals("", r.out(), b.file());
            String err = r.err().strip();
            assertEquals(1, err.lines().count(), b.file() + " one line: " + err);
            assertTrue(err.contains(b.file()), b.file() + " names the file: " + err);
            for (String s : b.mustName()) {
                assertTrue(err.contains(s), b.file() + " names '" + s + "': " + err);
            }
            assertTrue(java.util.Arrays.equals(before, Files.readAllBytes(f)), b.file() + " input modified");
            try (var files = Files.list(sub)) {
                assertEquals(List.of(f), files.toList(), b.file() + ": nothing written");
            }
        }
    }
}
