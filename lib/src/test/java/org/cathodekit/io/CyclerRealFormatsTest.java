package org.cathodekit.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.cathodekit.core.CyclerData;
import org.cathodekit.core.CyclerFormat;
import org.cathodekit.gitt.Gitt;
import org.cathodekit.gitt.GittOptions;
import org.cathodekit.gitt.GittPulse;
import org.cathodekit.gitt.GittResult;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every text fixture of {@code ../shared/reference-data/real-formats/cycler/} (see its README for
 * sources and licences). Oracle: a naive reading of the same file inside the test ({@link String#split},
 * {@link Double#parseDouble}, {@link java.time} for date-times), written from the file as seen in a
 * text editor, independent of the reader's layout code; row counts from counting the file's lines.
 * Skipped with a message when {@code ../shared} is absent.
 */
class CyclerRealFormatsTest {

    @TempDir
    Path dir;

    static Path real(String name) {
        Path p = Path.of(System.getProperty("user.dir")).resolve("../../shared/reference-data/real-formats/cycler")
                .resolve(name).normalize();
        Assumptions.assumeTrue(Files.isRegularFile(p), "skipped: real reference file absent: " + p);
        return p;
    }

    static List<String> lines(Path p) throws IOException {
        return List.of(new String(Files.readAllBytes(p), StandardCharsets.ISO_8859_1).split("\r?\n", -1));
    }

    /** Naively parsed columns of the rows {@code [from, to)} that satisfy {@code keep}. */
    record Naive(double[] t, double[] v, double[] i) {
    }

    /** Time tolerance for numeric time columns [s]: both sides compute the same double; slack for the last bit. */
    static final double TIME_TOLERANCE_S = 1e-9;
    /** Time tolerance for date-time columns [s]: epoch seconds (~1.7e9) carry ~2.4e-7 s of double rounding; files resolve 1 ms. */
    static final double DATETIME_TOLERANCE_S = 1e-6;

    private static void assertSeries(Naive expected, CyclerData d) {
        assertSeries(expected, d, TIME_TOLERANCE_S);
    }

    private static void assertSeries(Naive expected, CyclerData d, double timeTolerance) {
        assertEquals(expected.t().length, d.size(), "row count");
        assertArrayEquals(expected.t(), d.timeS(), timeTolerance, "time [s]");
        assertArrayEquals(expected.v(), d.voltageV(), 0, "voltage [V], exactly the file's numbers");
        assertArrayEquals(expected.i(), d.currentA(), 1e-15, "current [A]");
    }

    @Test
    void maccorMimsExportFromBeep() throws IOException {
        Path f = real("beep_PreDiag_000412_00008Fshort.022");
        List<String> raw = lines(f);
        // line 1 preamble, line 2 header 'Rec#...', then data; README: 10,344 data rows
        List<String> data = new ArrayList<>();
        for (String l : raw.subList(2, raw.size())) {
            if (!l.isBlank()) {
                data.add(l);
            }
        }
        assertEquals(10_344, data.size(), "independent count agrees with the README");
        int n = data.size();
        double[] t = new double[n];
        double[] v = new double[n];
        double[] c = new double[n];
        for (int k = 0; k < n; k++) {
            String[] p = data.get(k).split("\t");
            t[k] = Double.parseDouble(p[3]); // Test (Sec)
            v[k] = Double.parseDouble(p[8]); // Volts
            double amps = Double.parseDouble(p[7]);
            c[k] = p[9].startsWith("D") ? -Math.abs(amps) : amps; // State: D discharge (this file also writes the minus sign)
        }
        CyclerData d = CyclerReader.read(f);
        assertEquals(CyclerFormat.MACCOR_TEXT, d.format());
        assertSeries(new Naive(t, v, c), d);
        assertEquals(0, d.skippedRowCount());
        assertNotNull(d.counter(CyclerData.CHARGE_CAPACITY_AH), "Amp-hr is the Maccor capacity counter");
        assertTrue(d.warnings().stream().anyMatch(w -> w.contains("'Amps' in A")), d.warnings().toString());

        // the diagnostic pulses: GITT finds them, and each pulse's current has the file's sign and size
        GittResult r = Gitt.analyse(d, GittOptions.DEFAULTS.withRadiusM(2e-6));
        assertTrue(r.pulses().size() > 100, "HPPC/diagnostic pulses found: " + r.pulses().size());
        for (GittPulse p : r.pulses()) {
            double lo = Double.POSITIVE_INFINITY;
            double hi = Double.NEGATIVE_INFINITY;
            for (int k = 0; k < n; k++) {
                if (t[k] >= p.startS() && t[k] <= p.startS() + p.tauS()) {
                    lo = Math.min(lo, c[k]);
                    hi = Math.max(hi, c[k]);
                }
            }
            assertTrue(p.currentA() >= lo - 1e-9 && p.currentA() <= hi + 1e-9,
                    "pulse at " + p.startS() + " s: " + p.currentA() + " A within the file's [" + lo + ", " + hi + "]");
        }
    }

    @Test
    void maccorTextWithPreambleFromCellpy() throws IOException {
        Path f = real("cellpy_maccor_002.txt");
        List<String> raw = lines(f);
        int header = -1;
        for (int k = 0; k < raw.size(); k++) {
            if (raw.get(k).startsWith("Rec\t")) {
                header = k;
                break;
            }
        }
        assertEquals(13, header, "12 preamble lines and a blank line above the header");
        List<String[]> data = new ArrayList<>();
        for (String l : raw.subList(header + 1, raw.size())) {
            if (!l.isBlank()) {
                data.add(l.split("\t"));
            }
        }
        int n = data.size();
        double[] t = new double[n];
        double[] v = new double[n];
        double[] c = new double[n];
        for (int k = 0; k < n; k++) {
            String[] p = data.get(k);
            t[k] = Double.parseDouble(p[4]) * 60; // TestTime is in minutes: checked against DPT Time below
            v[k] = Double.parseDouble(p[9]);
            double amps = Double.parseDouble(p[8]);
            c[k] = p[10].startsWith("D") ? -Math.abs(amps) : amps; // Md: D discharge
        }
        // the unit of TestTime, independently: the wall clock (DPT Time, col 12) spans TestTime x 60 s
        DateTimeFormatter dpt = DateTimeFormatter.ofPattern("M/d/yyyy h:mm:ss a", Locale.US);
        double wall = LocalDateTime.parse(data.get(n - 1)[12], dpt).toEpochSecond(ZoneOffset.UTC)
                - LocalDateTime.parse(data.get(0)[12], dpt).toEpochSecond(ZoneOffset.UTC);
        assertEquals(wall, t[n - 1] - t[0], 2.0, "TestTime in minutes matches the wall clock to its 1 s resolution");
        CyclerData d = CyclerReader.read(f);
        assertEquals(CyclerFormat.MACCOR_TEXT, d.format());
        assertEquals("ISO-8859-1", d.encoding(), "a 0xFF byte in the preamble: latin-1");
        assertSeries(new Naive(t, v, c), d);
        assertTrue(d.warnings().stream().anyMatch(w -> w.contains("read in min")), d.warnings().toString());
    }

    @Test
    void newareRegularExportWithThreeHeaderLevels() throws IOException {
        Path f = real("cellpy_nw_regular_export_ife_example.csv");
        List<String> raw = lines(f);
        List<double[]> rows = new ArrayList<>();
        List<int[]> cs = new ArrayList<>();
        int cycle = -1;
        int step = -1;
        for (int k = 3; k < raw.size(); k++) {
            String l = raw.get(k);
            if (l.isBlank()) {
                continue;
            }
            String[] p = l.split(",", -1);
            if (l.startsWith(",,")) {
                rows.add(new double[] {clock(p[4]), Double.parseDouble(p[6]), Double.parseDouble(p[5])});
                cs.add(new int[] {cycle, step});
            } else if (l.startsWith(",")) {
                step = Integer.parseInt(p[1]);
            } else {
                cycle = Integer.parseInt(p[0]);
                if (p.length > 8) {
                    step = Integer.parseInt(p[8]); // the first step row continues the cycle row
                }
            }
        }
        int n = rows.size();
        assertEquals(9295, n, "record rows (DataPoint 1..9295)");
        double[] t = new double[n];
        double[] v = new double[n];
        double[] c = new double[n];
        int[] cyc = new int[n];
        int[] stp = new int[n];
        for (int k = 0; k < n; k++) {
            t[k] = rows.get(k)[0];
            v[k] = rows.get(k)[1];
            c[k] = rows.get(k)[2];
            cyc[k] = cs.get(k)[0];
            stp[k] = cs.get(k)[1];
        }
        CyclerData d = CyclerReader.read(f);
        assertEquals(CyclerFormat.NEWARE_CSV, d.format());
        assertSeries(new Naive(t, v, c), d);
        assertArrayEquals(cyc, d.cycle(), "cycle carried from the cycle rows");
        assertArrayEquals(stp, d.step(), "step carried from the step rows");
        assertTrue(d.warnings().isEmpty(), d.warnings().toString());
        List<CyclerData.CounterSummary> check = d.counterChecks();
        assertTrue(check.get(0).stepsChecked() >= 10, check.toString());
        assertTrue(check.stream().allMatch(k -> k.stepsMismatched() == 0),
                "the cycler's Capacity(Ah) agrees with the integrated current: " + check);
    }

    @Test
    void counterCheckCatchesAWrongCurrentUnitOnTheRealNewareExport() throws IOException {
        Path f = real("cellpy_nw_regular_export_ife_example.csv");
        String text = Files.readString(f, StandardCharsets.ISO_8859_1).replace(",Current(A),", ",Current(mA),");
        Path wrong = dir.resolve("neware-current-mislabelled.csv");
        Files.writeString(wrong, text, StandardCharsets.ISO_8859_1);
        CyclerData d = CyclerReader.read(wrong);
        assertTrue(d.warnings().stream().anyMatch(w -> w.startsWith("counter 'charge_capacity_Ah' disagrees with the integrated logged current")), d.warnings().toString());
    }

    static double clock(String s) {
        String[] p = s.trim().split(":");
        return Integer.parseInt(p[0]) * 3600.0 + Integer.parseInt(p[1]) * 60.0 + Double.parseDouble(p[2]);
    }

    @Test
    void arbinCsvWithoutUnitsFromBeep() throws IOException {
        Path f = real("beep_FastCharge_000025_CH8.csv");
        List<String> raw = lines(f);
        List<String[]> data = new ArrayList<>();
        for (String l : raw.subList(1, raw.size())) {
            if (!l.isBlank()) {
                data.add(l.split(","));
            }
        }
        int n = data.size();
        double[] t = new double[n];
        double[] v = new double[n];
        double[] c = new double[n];
        for (int k = 0; k < n; k++) {
            t[k] = Double.parseDouble(data.get(k)[1]);
            c[k] = Double.parseDouble(data.get(k)[6]);
            v[k] = Double.parseDouble(data.get(k)[7]);
        }
        CyclerData d = CyclerReader.read(f);
        assertEquals(CyclerFormat.ARBIN_CSV, d.format());
        assertSeries(new Naive(t, v, c), d);
        assertTrue(d.warnings().stream().anyMatch(w -> w.contains("'Current' in A") && w.contains("'Voltage' in V")),
                d.warnings().toString());
        assertTrue(d.unitsDetected().get("time").endsWith("-> s"), d.unitsDetected().toString());
    }

    @Test
    void btLabExportWithDateTimesInTimeColumn() throws IOException {
        Path f = real("pyprobe_biologic_timestamped.txt");
        List<String> raw = lines(f);
        int headerLines = Integer.parseInt(raw.get(1).replaceAll("\\D", ""));
        List<String[]> data = new ArrayList<>();
        for (String l : raw.subList(headerLines, raw.size())) {
            if (!l.isBlank()) {
                data.add(l.split("\t"));
            }
        }
        assertEquals(8, data.size(), "README: 8 data rows");
        DateTimeFormatter bt = DateTimeFormatter.ofPattern("MM/dd/yyyy HH:mm:ss.SSS");
        LocalDateTime t0 = LocalDateTime.parse(data.get(0)[2], bt);
        int n = data.size();
        double[] t = new double[n];
        double[] v = new double[n];
        double[] c = new double[n];
        for (int k = 0; k < n; k++) {
            t[k] = java.time.Duration.between(t0, LocalDateTime.parse(data.get(k)[2], bt)).toNanos() / 1e9;
            v[k] = Double.parseDouble(data.get(k)[3]); // Ecell/V
            c[k] = Double.parseDouble(data.get(k)[4]) / 1000; // I/mA
        }
        CyclerData d = CyclerReader.read(f);
        assertEquals(CyclerFormat.BIOLOGIC_MPT, d.format());
        assertSeries(new Naive(t, v, c), d, DATETIME_TOLERANCE_S);
        assertTrue(d.warnings().stream().anyMatch(w -> w.contains("date-times") && w.contains("seconds from the first row")),
                d.warnings().toString());
    }

    @Test
    void everyTextFixtureIsInspected() {
        for (String name : List.of("beep_PreDiag_000412_00008Fshort.022", "cellpy_maccor_002.txt",
                "cellpy_nw_regular_export_ife_example.csv", "beep_FastCharge_000025_CH8.csv",
                "pyprobe_biologic_timestamped.txt")) {
            Path f = real(name);
            Inspection in = Inspect.file(f, null, null);
            CyclerData d = CyclerReader.read(f);
            assertEquals("cycler", in.family(), name);
            assertEquals(d.size(), in.rows(), name);
            for (String role : List.of("time", "voltage", "current")) {
                assertEquals(1, in.columns().stream().filter(c -> c.role().equals(role)).count(), name + " " + role);
            }
            double[] tr = (double[]) in.details().get("time_s");
            assertEquals(d.timeAt(0), tr[0], 0, name);
            assertEquals(d.timeAt(d.size() - 1), tr[1], 0, name);
        }
    }
}
