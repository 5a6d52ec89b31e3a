package org.cathodekit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.cathodekit.cycling.CyclingModel;
import org.cathodekit.cycling.PlantedCycling;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code cathodekit cycles | dqdv | conductivity}: JSON keys, text output, bad input (exit 2, one line, nothing written). */
class CyclingCommandsTest {

    static final Path ROD = Path.of("../data-samples/cycling/rod-cycling-synthetic.csv.gz");

    static CliContractTest.Run run(String... args) {
        return CliContractTest.run(args);
    }

    /** A small record (5 cycles) written by the forward model. */
    static Path small(Path dir) throws IOException {
        Path f = dir.resolve("small.csv");
        CyclingModel.writeCsv(CyclingModel.simulate(CyclingModel.Options.of(PlantedCycling.ROD_PAPER_A, 3).withCycles(5)
                .withSamplingS(120)), f, "test record");
        return f;
    }

    @Test
    @SuppressWarnings("unchecked")
    void cyclesJsonOnTheSample(@TempDir Path dir) {
        Path csv = dir.resolve("cycles.csv");
        CliContractTest.Run r = run("cycles", "--input", ROD.toString(), "--mass-mg", "5", "--json", "--csv", csv.toString());
        assertEquals(0, r.exit(), r.err());
        Map<String, Object> m = r.json();
        assertEquals(2.0, m.get("reference_cycle"));
        assertEquals(94.31, (Double) m.get("retention_pct"), 0.01);
        assertTrue(m.containsKey("warnings"));
        List<Object> cycles = (List<Object>) m.get("cycles");
        assertEquals(100, cycles.size());
        Map<String, Object> c2 = (Map<String, Object>) cycles.get(1);
        for (String k : List.of("cycle", "charge_mAh", "discharge_mAh", "charge_mAh_g", "discharge_mAh_g",
                "coulombic_efficiency", "onset_discharge_V", "retention_pct", "flags")) {
            assertTrue(c2.containsKey(k), k + " in " + c2.keySet());
        }
        assertEquals(209.3, (Double) c2.get("discharge_mAh_g"), 0.01);
        assertEquals(4.46, (Double) c2.get("onset_discharge_V"), 0.002);
        assertTrue(Files.exists(csv));
    }

    @Test
    void cyclesTextIsAnAlignedTable(@TempDir Path dir) throws IOException {
        CliContractTest.Run r = run("cycles", "--input", small(dir).toString(), "--mass-mg", "5");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("cycle  charge_mAh  discharge_mAh"), r.out());
        assertTrue(r.out().contains("retention of cycle 5 vs cycle 2"), r.out());
    }

    @Test
    @SuppressWarnings("unchecked")
    void dqdvJson(@TempDir Path dir) throws IOException {
        CliContractTest.Run r = run("dqdv", "--input", small(dir).toString(), "--cycle", "2", "--json");
        assertEquals(0, r.exit(), r.err());
        Map<String, Object> m = r.json();
        List<Object> peaks = (List<Object>) m.get("peaks");
        assertEquals(6, peaks.size(), peaks.toString());
        Map<String, Object> p = (Map<String, Object>) peaks.get(0);
        for (String k : List.of("direction", "voltage_V", "height", "area_mAh")) {
            assertTrue(p.containsKey(k), k);
        }
        Map<String, Object> h = (Map<String, Object>) m.get("h2_h3");
        assertEquals(4.22, (Double) h.get("charge_V"), 0.005);
        Map<String, Object> curve = (Map<String, Object>) m.get("curve");
        assertTrue(((Map<String, Object>) curve.get("charge")).containsKey("dqdv_mAh_V"));
        CliContractTest.Run text = run("dqdv", "--input", small(dir).toString(), "--cycle", "2");
        assertTrue(text.out().contains("H2-H3 pair"), text.out());
    }

    @Test
    void conductivityTableAndSingle(@TempDir Path dir) throws IOException {
        Path t = dir.resolve("probe.csv");
        Files.writeString(t, "sample,geometry,voltage_mV,current_mA,thickness_um,width_mm,length_mm\n"
                + "film,thin_film,2.31,1.0,1.0,,\n");
        CliContractTest.Run r = run("conductivity", "--input", t.toString(), "--json");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("\"resistivity_ohm_m\":1.04697"), r.out());
        CliContractTest.Run s = run("conductivity", "--geometry", "pellet", "--voltage-mv", "500", "--current-ma", "1000",
                "--thickness-um", "1000", "--width-mm", "5", "--length-mm", "10", "--json");
        assertEquals(0, s.exit(), s.err());
        assertTrue(s.out().contains("\"conductivity_S_m\":40"), s.out());
    }

    static void badInput(CliContractTest.Run r, Path csv, String... mustContain) {
        assertEquals(2, r.exit(), r.out() + r.err());
        assertEquals(1, r.err().strip().split("\n").length, "one line: " + r.err());
        for (String s : mustContain) {
            assertTrue(r.err().contains(s), "'" + s + "' in " + r.err());
        }
        assertFalse(Files.exists(csv), "nothing written");
    }

    @Test
    void badInputExitsTwoAndWritesNothing(@TempDir Path dir) throws IOException {
        Path csv = dir.resolve("out.csv");
        Path f = small(dir);
        badInput(run("dqdv", "--input", f.toString(), "--cycle", "9", "--csv", csv.toString()), csv,
                "small.csv", "cycle 9", "no such cycle");
        badInput(run("cycles", "--input", f.toString(), "--mass-mg", "0", "--csv", csv.toString()), csv, "small.csv", "mass");
        badInput(run("cycles", "--input", f.toString(), "--mass-mg", "-3", "--csv", csv.toString()), csv, "mass");
        // a record cut inside the discharge of cycle 5: dQ/dV of cycle 5 is refused
        List<String> lines = Files.readAllLines(f);
        Path cut = dir.resolve("cut.csv");
        Files.write(cut, lines.subList(0, lines.size() - 40));
        badInput(run("dqdv", "--input", cut.toString(), "--cycle", "5", "--csv", csv.toString()), csv,
                "cut.csv", "cycle 5", "incomplete");
        Path charge = dir.resolve("charge-only.csv");
        Files.writeString(charge, "time/s,Ewe/V,I/mA\n0,3.5,1\n10,3.6,1\n20,3.7,1\n");
        badInput(run("cycles", "--input", charge.toString(), "--csv", csv.toString()), csv, "charge-only.csv",
                "no discharge step");
        Path back = dir.resolve("backwards.csv");
        Files.writeString(back, "time/s,Ewe/V,I/mA,cycle number\n0,3.5,1,1\n10,3.6,-1,2\n20,3.7,1,1\n30,3.6,-1,2\n");
        badInput(run("cycles", "--input", back.toString(), "--csv", csv.toString()), csv, "backwards.csv",
                "data row 3", "goes backwards");
        badInput(run("cycles", "--input", f.toString(), "--csv", f.toString()), csv, "same file");
        badInput(run("cycles", "--input", f.toString(), "--onset", "soon"), csv, "--onset");
    }
}
