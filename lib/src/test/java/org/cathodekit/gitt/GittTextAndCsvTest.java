package org.cathodekit.gitt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.apache.commons.math3.stat.descriptive.rank.Median;
import org.cathodekit.cli.Main;
import org.cathodekit.core.JsonOutput;
import org.cathodekit.core.Sha256;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import tech.tablesaw.api.Table;
import tech.tablesaw.io.csv.CsvReadOptions;

/**
 * {@code cathodekit gitt} without {@code --json} and with {@code --csv}: the text table, the JSON
 * and the CSV come from the same {@link GittPulse} records, so they must agree value by value.
 */
class GittTextAndCsvTest {
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

    private Path simulated() throws Exception {
        GittSimulation sim = GittModel.simulate(GittModel.sampleOptions().withXRange(0.7, 0.6).withDischarge(false));
        Path f = dir.resolve("sim.csv");
        GittModel.writeCsv(sim, f, "test");
        return f;
    }

    @Test
    @SuppressWarnings("unchecked")
    void jsonTextAndCsvAgree() throws Exception {
        Path f = simulated();
        Path csv = dir.resolve("pulses.csv");
        Run j = run("gitt", "--input", f.toString(), "--radius-um", "2", "--json", "--csv", csv.toString());
        assertEquals(0, j.code(), j.err());
        Map<String, Object> m = (Map<String, Object>) JsonOutput.parse(j.out());
        List<Map<String, Object>> pulses = (List<Map<String, Object>>) (List<?>) m.get("pulses");
        // the four pulse fields the hand-written JSON lacked (issue 14) are there now
        for (String k : List.of("current_rel_std", "rest_s", "rest_end_slope_V_per_s", "capacity_mAh_per_g", "first_row")) {
            assertTrue(pulses.get(0).containsKey(k), k);
        }
        // oracle for the summary: Commons Math median of the per-pulse D values read back from the JSON
        double[] d = pulses.stream().mapToDouble(p -> (Double) p.get("D_m2_s")).toArray();
        assertEquals(new Median().evaluate(d), (Double) m.get("median_D_m2_s"), 0);
        assertEquals((double) pulses.size(), (Double) m.get("pulse_count"));

        Table t = Table.read().csv(CsvReadOptions.builder(csv.toFile()).build());
        assertEquals(pulses.size(), t.rowCount());
        assertEquals(List.copyOf(pulses.get(0).keySet()), t.columnNames(), "CSV columns = JSON keys, same order");
        for (int k = 0; k < pulses.size(); k++) {
            // CSV numbers are written by Tablesaw; read back they equal the JSON's to the last digit Tablesaw keeps
            assertEquals((Double) pulses.get(k).get("D_m2_s"), t.numberColumn("D_m2_s").getDouble(k),
                    1e-12 * Math.abs((Double) pulses.get(k).get("D_m2_s")));
            assertEquals((Double) pulses.get(k).get("tau_s"), t.numberColumn("tau_s").getDouble(k), 1e-9);
        }

        Run text = run("gitt", "--input", f.toString(), "--radius-um", "2");
        assertEquals(0, text.code(), text.err());
        String out = text.out();
        assertFalse(out.trim().startsWith("{"), out);
        assertTrue(out.contains("median_D_m2_s: "), out);
        assertTrue(out.contains("pulses (" + pulses.size() + "):"), out);
        String[] lines = out.split("\n");
        int header = Arrays.asList(lines).indexOf(Arrays.stream(lines).filter(l -> l.startsWith("index")).findFirst().orElseThrow());
        List<String> cols = Arrays.asList(lines[header].trim().split("\\s+"));
        assertTrue(cols.contains("D_m2_s") && cols.contains("tau_s"), lines[header]);
        // aligned: every row of the table has the header's width (right-aligned numbers, flags last)
        int dCol = cols.indexOf("D_m2_s");
        for (int k = 0; k < pulses.size(); k++) {
            String[] cells = lines[header + 1 + k].trim().split("\\s+");
            double shown = Double.parseDouble(cells[dCol]);
            double exact = (Double) pulses.get(k).get("D_m2_s");
            // 4 significant digits: relative rounding error at most 5e-4
            assertEquals(exact, shown, 5e-4 * Math.abs(exact), lines[header + 1 + k]);
        }
    }

    @Test
    void csvNeverOverwritesTheInputAndBadRangesNameTheOption() throws Exception {
        Path f = simulated();
        String before = Sha256.of(f);
        Run same = run("gitt", "--input", f.toString(), "--radius-um", "2", "--csv", f.toString());
        assertEquals(2, same.code());
        assertEquals(1, same.err().strip().split("\n").length, same.err());
        assertTrue(same.err().contains("--csv"), same.err());
        assertEquals(before, Sha256.of(f), "input untouched");
        for (String bad : List.of("20:10", "abc", "1:2:3", "1:nan")) {
            Run r = run("gitt", "--input", f.toString(), "--radius-um", "2", "--window-sqrt-s", bad, "--json");
            assertEquals(2, r.code(), bad + ": " + r.err());
            assertEquals(1, r.err().strip().split("\n").length, r.err());
            assertTrue(r.err().contains("--window-sqrt-s") && r.err().contains(bad), r.err());
            assertEquals("", r.out());
        }
    }
}
