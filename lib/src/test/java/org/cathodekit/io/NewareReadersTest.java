package org.cathodekit.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

import org.cathodekit.core.CyclerData;
import org.cathodekit.core.CyclerFormat;
import org.cathodekit.core.DataFormatException;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Neware {@code .nda} / {@code .ndax} against NewareNDA's reference tables of the same files
 * (src/test/resources/org/cathodekit/io/neware, BSD-3, converted by lib/scripts/feather_to_csv.py):
 * row counts, voltage, current, step index and counters bit for bit at float32 (NewareNDA's storage
 * precision), and times; plus the bad-input cases.
 */
class NewareReadersTest {
    static final Path DIR = Path.of(System.getProperty("user.dir"))
            .resolve("../../shared/reference-data/real-formats/cycler").normalize();
    static final Path NDA = DIR.resolve("newarenda_new_nda_file.nda");
    static final Path NDAX = DIR.resolve("newarenda_Unit27_Example.ndax");

    @TempDir
    Path tmp;

    static Path fixture(Path p) {
        Assumptions.assumeTrue(Files.isRegularFile(p), "real reference file absent (skipped): " + p);
        return p;
    }

    /** The reference table, header first. */
    static List<String[]> reference(String name) throws IOException {
        List<String[]> rows = new ArrayList<>();
        try (InputStream in = NewareReadersTest.class.getResourceAsStream("neware/" + name);
                BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String l;
            while ((l = r.readLine()) != null) {
                rows.add(l.split(",", -1));
            }
        }
        return rows;
    }

    /**
     * Compares every row at float32. The reference's Time is the step time; the test time is checked
     * by rebuilding it from those step times with the documented rule (a new step starts at the test
     * time of the previous step's last row).
     */
    static void compare(CyclerData d, List<String[]> ref, boolean countersOnEveryRow) {
        List<String> h = List.of(ref.get(0));
        int ti = h.indexOf("Time");
        int vi = h.indexOf("Voltage");
        int ci = h.indexOf("Current(mA)");
        int si = h.indexOf("Step_Index");
        int qc = h.indexOf("Charge_Capacity(mAh)");
        int qd = h.indexOf("Discharge_Capacity(mAh)");
        assertEquals(ref.size() - 1, d.size(), "rows");
        double[] charge = d.counter(CyclerData.CHARGE_CAPACITY_AH);
        double[] discharge = d.counter(CyclerData.DISCHARGE_CAPACITY_AH);
        double offset = 0;
        double previousTest = 0;
        for (int i = 0; i < d.size(); i++) {
            String[] r = ref.get(i + 1);
            assertEquals(Float.parseFloat(r[vi]), (float) d.voltageAt(i), "voltage row " + i);
            assertEquals(Float.parseFloat(r[ci]), (float) (d.currentAt(i) * 1000), Math.ulp(Float.parseFloat(r[ci])), "current row " + i);
            assertEquals(Integer.parseInt(r[si]), d.step()[i], "step index row " + i);
            double stepTime = Double.parseDouble(r[ti]);
            if (i > 0 && (!r[si].equals(ref.get(i)[si]) || stepTime < Double.parseDouble(ref.get(i)[ti]))) {
                offset = previousTest;
            }
            double test = offset + stepTime;
            previousTest = test;
            // float32 step times: half an ulp of the reference's value
            assertEquals(test, d.timeAt(i), Math.ulp((float) stepTime), "time row " + i);
            if (countersOnEveryRow || !Double.isNaN(charge[i])) {
                assertEquals(Float.parseFloat(r[qc]), (float) (charge[i] * 1000), Math.ulp(Float.parseFloat(r[qc])), "charge row " + i);
                assertEquals(Float.parseFloat(r[qd]), (float) (discharge[i] * 1000), Math.ulp(Float.parseFloat(r[qd])), "discharge row " + i);
            }
        }
    }

    @Test
    void ndaVersion29AgainstNewareNdaReference() throws IOException {
        Path f = fixture(NDA);
        assertEquals(CyclerFormat.NEWARE_NDA, NativeCyclerFiles.recognise(f, Inspect.head(f)));
        CyclerData d = NativeCyclerFiles.read(f, CyclerFormat.NEWARE_NDA);
        compare(d, reference("new_nda_file.reference.csv"), true);
        assertEquals(439, d.size());
        assertTrue(d.duplicateTimes() >= 5, "each of the 5 step changes repeats a time stamp: " + d.duplicateTimes());
        assertTrue(d.warnings().isEmpty(), "counters agree with the current: " + d.warnings());
        assertEquals(1.0, d.activeMassMg(), 0, "u4 1000 at offset 152 = 1.000 mg");
    }

    @Test
    void ndaxVersion14AgainstNewareNdaReference() throws IOException {
        Path f = fixture(NDAX);
        assertEquals(CyclerFormat.NEWARE_NDAX, NativeCyclerFiles.recognise(f, Inspect.head(f)));
        CyclerData d = NativeCyclerFiles.read(f, CyclerFormat.NEWARE_NDAX);
        compare(d, reference("Unit27_Example.reference.csv"), false);
        assertEquals(301, d.size());
        assertEquals(300.0, d.timeAt(300), 0, "a 300 s rest logged every 1 s");
        assertEquals(1, d.warnings().size(), d.warnings().toString());
        assertTrue(d.warnings().get(0).startsWith("294 of 301 rows have no run-info record"), d.warnings().get(0));
    }

    @Test
    void ndaxWithoutDataEntry() throws IOException {
        Path f = fixture(NDAX);
        Path broken = tmp.resolve("nodata.ndax");
        rewrite(f, broken, "data.ndc", null);
        DataFormatException e = assertThrows(DataFormatException.class, () -> NativeCyclerFiles.read(broken, CyclerFormat.NEWARE_NDAX));
        assertTrue(e.getMessage().startsWith(broken + ", zip entry 'data.ndc': entry not found; expected a Neware .ndax with"
                + " data.ndc (entries: [EditStep.xml"), e.getMessage());
        assertEquals(CyclerFormat.NEWARE_NDAX, NativeCyclerFiles.recognise(broken, Inspect.head(broken)));
    }

    @Test
    void ndcVersionNotSupported() throws IOException {
        Path f = fixture(NDAX);
        Path other = tmp.resolve("v11.ndax");
        rewrite(f, other, "data.ndc", b -> b[2] = 11);
        DataFormatException e = assertThrows(DataFormatException.class, () -> NativeCyclerFiles.read(other, CyclerFormat.NEWARE_NDAX));
        assertTrue(e.getMessage().contains("zip entry 'data.ndc', offset 2: ndc version 11 is not supported (supported: 14, 16, 17)"),
                e.getMessage());
    }

    @Test
    void ndaVersionNotSupportedAndNoRecords() throws IOException {
        Path f = fixture(NDA);
        byte[] b = Files.readAllBytes(f);
        b[14] = 31;
        Path v = tmp.resolve("v31.nda");
        Files.write(v, b);
        DataFormatException e = assertThrows(DataFormatException.class, () -> NativeCyclerFiles.read(v, CyclerFormat.NEWARE_NDA));
        assertTrue(e.getMessage().contains("offset 14: nda version 31 is not supported (supported: 29, 130)"), e.getMessage());

        byte[] head = java.util.Arrays.copyOf(Files.readAllBytes(f), 4000);
        Path h = tmp.resolve("head.nda");
        Files.write(h, head);
        e = assertThrows(DataFormatException.class, () -> NativeCyclerFiles.read(h, CyclerFormat.NEWARE_NDA));
        assertTrue(e.getMessage().contains("nda version 29: no data record found"), e.getMessage());
    }

    @Test
    void currentRangeResolution() {
        assertEquals(1e-4, NewareNdaReader.rangeResolutionMa(5), 0);
        assertEquals(1e-3, NewareNdaReader.rangeResolutionMa(10), 0);
        assertEquals(1e-2, NewareNdaReader.rangeResolutionMa(500), 0);
        assertEquals(1e-1, NewareNdaReader.rangeResolutionMa(200_000), 0);
        assertEquals(1e-5, NewareNdaReader.rangeResolutionMa(-2), 0);
        assertEquals(1e-2, NewareNdaReader.rangeResolutionMa(-1000), 0);
        assertEquals(10, NewareNdaReader.rangeResolutionMa(-100_000_000), 0);
        assertTrue(Double.isNaN(NewareNdaReader.rangeResolutionMa(300_000)));
    }

    interface Edit {
        void apply(byte[] b);
    }

    /** Copies a zip, dropping {@code entry} (edit null) or editing its bytes. */
    static void rewrite(Path in, Path out, String entry, Edit edit) throws IOException {
        try (ZipFile z = new ZipFile(in.toFile()); OutputStream os = Files.newOutputStream(out);
                ZipOutputStream zo = new ZipOutputStream(os)) {
            Enumeration<? extends ZipEntry> es = z.entries();
            while (es.hasMoreElements()) {
                ZipEntry e = es.nextElement();
                byte[] b;
                try (InputStream s = z.getInputStream(e)) {
                    b = s.readAllBytes();
                }
                if (e.getName().equals(entry)) {
                    if (edit == null) {
                        continue;
                    }
                    edit.apply(b);
                }
                zo.putNextEntry(new ZipEntry(e.getName()));
                zo.write(b);
                zo.closeEntry();
            }
        }
    }
}
