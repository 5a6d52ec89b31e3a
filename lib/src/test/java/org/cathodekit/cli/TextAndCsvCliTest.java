package org.cathodekit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import org.cathodekit.core.JsonOutput;
import org.cathodekit.core.Sha256;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import tech.tablesaw.api.Table;
import tech.tablesaw.io.csv.CsvReadOptions;

/**
 * Text output and {@code --csv} of the commands on the committed samples: the text is derived from
 * the same tree as {@code --json} (every top-level number appears rounded as {@code key: value}),
 * and the CSV holds the JSON's row list value for value.
 */
class TextAndCsvCliTest {
    @TempDir
    Path dir;

    private static final Path SAMPLES = Path.of("../data-samples");

    /** Commands on the committed samples (text and JSON of each are compared). */
    private static List<String[]> commands() {
        return List.of(
                new String[] {"wh", "--input", SAMPLES.resolve("xrd/synthetic_SC-NM91_CuKa12.xye").toString()},
                new String[] {"lattice", "--input", SAMPLES.resolve("xrd/synthetic_SC-NM91_CuKa12.xye").toString()},
                new String[] {"tomo", "segment", "--input", SAMPLES.resolve("tomo/rod-25C-64.h5").toString()},
                new String[] {"gradient", "--input", SAMPLES.resolve("gradient/rod-charged-64.h5").toString(), "--voxel-nm", "30",
                    "--bin", "2"},
                new String[] {"conductivity", "--input", SAMPLES.resolve("cycling/four-point-probe-example.csv").toString()},
                new String[] {"tga", "--input", SAMPLES.resolve("tga/rod_r1.csv").toString(), "--formula", "Li0.3Ni0.8Mn0.1Co0.1O2"});
    }

    private static String[] plus(String[] a, String... more) {
        String[] out = Arrays.copyOf(a, a.length + more.length);
        System.arraycopy(more, 0, out, a.length, more.length);
        return out;
    }

    @Test
    void textHoldsEveryTopLevelNumberOfTheJsonRounded() {
        for (String[] c : commands()) {
            CliContractTest.Run j = CliContractTest.run(plus(c, "--json"));
            assertEquals(0, j.exit(), String.join(" ", c) + ": " + j.err());
            JsonNode tree = JsonOutput.readTree(j.out());
            CliContractTest.Run t = CliContractTest.run(c);
            assertEquals(0, t.exit(), t.err());
            List<String> lines = Arrays.asList(t.out().split("\n"));
            assertFalse(t.out().contains("{\""), "no JSON in the text output of " + c[0] + ": " + t.out());
            int checked = 0;
            for (Iterator<Map.Entry<String, JsonNode>> it = tree.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> e = it.next();
                JsonNode v = e.getValue();
                if (!v.isNumber() || e.getKey().equals("seconds")) {
                    continue; // seconds differ between the two runs
                }
                String expected = e.getKey() + ": " + (v.isIntegralNumber() ? v.asText() : TextOutput.number(v.doubleValue()));
                assertTrue(lines.contains(expected), c[0] + ": '" + expected + "' in\n" + t.out());
                checked++;
            }
            // the first row of each row list is in its aligned table, rounded the same way
            for (Iterator<Map.Entry<String, JsonNode>> it = tree.fields(); it.hasNext();) {
                JsonNode v = it.next().getValue();
                if (v.isArray() && v.size() > 0 && v.get(0).isObject()) {
                    for (Iterator<Map.Entry<String, JsonNode>> f = v.get(0).fields(); f.hasNext();) {
                        Map.Entry<String, JsonNode> col = f.next();
                        JsonNode x = col.getValue();
                        boolean shown = lines.stream().anyMatch(l -> Arrays.asList(l.trim().split("\\s+")).contains(col.getKey()));
                        if (x.isFloatingPointNumber() && shown) {
                            assertTrue(t.out().contains(TextOutput.number(x.doubleValue())), c[0] + ": " + x + " in\n" + t.out());
                            checked++;
                        }
                    }
                }
            }
            assertTrue(checked > 0, c[0] + " has numbers to show");
        }
    }

    @Test
    void csvIsTheJsonRowList() throws Exception {
        record Case(String[] command, String rows) {
        }
        List<Case> cases = List.of(new Case(commands().get(0), "peaks"), new Case(commands().get(1), "peaks"),
                new Case(commands().get(2), "components"));
        for (Case k : cases) {
            Path csv = dir.resolve(k.command()[0] + ".csv");
            CliContractTest.Run r = CliContractTest.run(plus(k.command(), "--json", "--csv", csv.toString()));
            assertEquals(0, r.exit(), r.err());
            JsonNode rows = JsonOutput.readTree(r.out()).get(k.rows());
            assertTrue(rows.size() > 0, k.rows());
            Table t = Table.read().csv(CsvReadOptions.builder(csv.toFile()).build());
            assertEquals(rows.size(), t.rowCount(), csv.toString());
            List<String> scalarKeys = new ArrayList<>();
            rows.get(0).fieldNames().forEachRemaining(f -> {
                if (!rows.get(0).get(f).isObject()) {
                    scalarKeys.add(f);
                }
            });
            assertEquals(scalarKeys, t.columnNames());
            for (int i = 0; i < rows.size(); i++) {
                for (String key : scalarKeys) {
                    JsonNode v = rows.get(i).get(key);
                    if (v.isNumber()) {
                        double x = t.numberColumn(key).getDouble(i);
                        // Tablesaw writes doubles with Double.toString: read back exactly
                        assertEquals(v.doubleValue(), x, 0, key + " row " + i);
                    }
                }
            }
        }
    }

    @Test
    void csvOverAnInputIsRefusedAndNothingIsWritten() throws Exception {
        Path pattern = dir.resolve("p.xye");
        Files.copy(SAMPLES.resolve("xrd/synthetic_SC-NM91_CuKa12.xye"), pattern);
        String before = Sha256.of(pattern);
        CliContractTest.Run r = CliContractTest.run("lattice", "--input", pattern.toString(), "--csv", pattern.toString());
        assertEquals(2, r.exit(), r.err());
        assertEquals(1, r.err().strip().split("\n").length, r.err());
        assertTrue(r.err().contains("--csv") && r.err().contains("--input"), r.err());
        assertEquals(before, Sha256.of(pattern));
        assertEquals(1, Files.list(dir).count(), "no temporary file left");
    }

    @Test
    void badRangeAndEnumCaseThroughPicocli() {
        CliContractTest.Run r = CliContractTest.run("tga", "--input", SAMPLES.resolve("tga/rod_r1.csv").toString(),
                "--baseline-c", "200:160", "--json");
        assertEquals(2, r.exit(), r.err());
        assertEquals(1, r.err().strip().split("\n").length, r.err());
        assertTrue(r.err().contains("--baseline-c") && r.err().contains("200:160"), r.err());
        CliContractTest.Run ok = CliContractTest.run("tga", "--input", SAMPLES.resolve("tga/rod_r1.csv").toString(),
                "--baseline-c", "160 : 200", "--json");
        assertEquals(0, ok.exit(), ok.err());
        assertEquals(List.of(160.0, 200.0), JsonOutput.plain(JsonOutput.readTree(ok.out()).get("baseline_window_C")));
    }
}
