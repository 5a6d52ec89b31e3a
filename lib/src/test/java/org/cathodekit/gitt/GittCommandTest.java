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
import org.cathodekit.core.Json;
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
        Map<String, Object> m = (Map<String, Object>) Json.parse(r.out());
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
}
