package org.cathodekit.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import org.cathodekit.bench.SyntheticMprFile;
import org.cathodekit.core.CyclerData;
import org.cathodekit.core.CyclerFormat;
import org.cathodekit.core.DataFormatException;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * BioLogic {@code .mpr}: files with planted values from {@link SyntheticMprFile} (every header
 * variant), the real fixture (cellpy's {@code biol.mpr}, MIT, EC-Lab modular file with a 36-column
 * MB technique) against independent facts, and the bad-input cases.
 */
class BiologicMprReaderTest {
    static final Path MPR = Path.of(System.getProperty("user.dir"))
            .resolve("../../shared/reference-data/real-formats/cycler/cellpy_biol.mpr").normalize();
    /** Rows of cellpy's reading of the same file (cellpy tests/data/goldens/loader_biologics_mpr/metrics.json: n_rows). */
    static final int FIXTURE_ROWS = 23_561;

    @TempDir
    Path tmp;

    static SyntheticMprFile.Series planted(int n) {
        double[] t = new double[n];
        float[] v = new float[n];
        float[] i = new float[n];
        int[] ns = new int[n];
        int[] cyc = new int[n];
        for (int k = 0; k < n; k++) {
            t[k] = k * 10.0 + 0.125;
            boolean charge = (k / 50) % 2 == 0;
            i[k] = k % 50 < 40 ? (charge ? 0.5f : -0.5f) : 0f;
            v[k] = 3.5f + 0.001f * (k % 50) * (charge ? 1 : -1);
            ns[k] = k % 50 < 40 ? 1 : 2;
            cyc[k] = k / 100 + 1;
        }
        return new SyntheticMprFile.Series(t, v, i, ns, cyc);
    }

    @ParameterizedTest
    @EnumSource(SyntheticMprFile.Variant.class)
    void plantedValuesEveryHeaderVariant(SyntheticMprFile.Variant variant) throws IOException {
        SyntheticMprFile.Series s = planted(500);
        Path f = tmp.resolve("planted.mpr");
        SyntheticMprFile.of(variant).massMg(12.5f).write(f, s);
        assertEquals(CyclerFormat.BIOLOGIC_MPR, NativeCyclerFiles.recognise(f, Inspect.head(f)));
        CyclerData d = NativeCyclerFiles.read(f, CyclerFormat.BIOLOGIC_MPR);
        assertEquals(500, d.size());
        assertArrayEquals(s.timeS(), d.timeS());
        for (int k = 0; k < 500; k++) {
            assertEquals(s.eweV()[k], (float) d.voltageAt(k), "the stored single, exactly");
            assertEquals(Double.parseDouble(Float.toString(s.eweV()[k])), d.voltageAt(k), 0, "as its shortest decimal");
            assertEquals(s.currentMa()[k] * 1e-3, d.currentAt(k), 1e-15);
        }
        assertArrayEquals(s.ns(), d.step());
        assertArrayEquals(s.cycle(), d.cycle());
        assertEquals(12.5, d.activeMassMg(), 0);
        assertEquals("time/s -> s", d.unitsDetected().get("time"));
        assertEquals("I/mA -> mA", d.unitsDetected().get("current"));
        assertTrue(d.warnings().isEmpty(), d.warnings().toString());
    }

    /** GCPL stores dq but no current: the reader gives EC-Lab's average current dq*3600/dt (planted: I itself). */
    @Test
    void gcplCurrentFromChargePerInterval() throws IOException {
        SyntheticMprFile.Series s = planted(300);
        Path f = tmp.resolve("gcpl.mpr");
        SyntheticMprFile.of(SyntheticMprFile.Variant.ECLAB_11_50).gcpl().write(f, s);
        CyclerData d = NativeCyclerFiles.read(f, CyclerFormat.BIOLOGIC_MPR);
        assertEquals(0.0, d.currentAt(0), 0, "row 0 has no interval");
        for (int k = 1; k < 300; k++) {
            assertEquals(s.currentMa()[k] * 1e-3, d.currentAt(k), 1e-15, "row " + k);
        }
        assertTrue(d.unitsDetected().get("current").startsWith("dq/mA.h"), d.unitsDetected().toString());
        assertTrue(Double.isNaN(d.activeMassMg()), "EC-Lab's default 0.001 mg is not a stated mass");
    }

    @Test
    void counterMismatchIsAWarning() throws IOException {
        // (Q-Qo) is written from the planted current; reading the current 10 x too small must be noticed:
        // plant a file whose I column is 10 x the dq-consistent current by writing two files and splicing
        SyntheticMprFile.Series s = planted(200);
        float[] tenfold = s.currentMa().clone();
        for (int k = 0; k < tenfold.length; k++) {
            tenfold[k] *= 10;
        }
        Path good = tmp.resolve("good.mpr");
        Path big = tmp.resolve("big.mpr");
        SyntheticMprFile w = SyntheticMprFile.of(SyntheticMprFile.Variant.V3);
        w.write(good, s);
        w.write(big, new SyntheticMprFile.Series(s.timeS(), s.eweV(), tenfold, s.ns(), s.cycle()));
        byte[] g = Files.readAllBytes(good);
        byte[] b = Files.readAllBytes(big);
        // take the I/mA column (record offset 1+2+8+4+4 = 19, 4 bytes) from the tenfold file
        BiologicMprReader.Module data = BiologicMprReader.modules(good, g).get(1);
        BiologicMprReader.Layout lay = BiologicMprReader.layout(good, g, data);
        for (int k = 0; k < 200; k++) {
            int at = lay.dataStart() + k * lay.recordBytes() + 19;
            System.arraycopy(b, at, g, at, 4);
        }
        Path spliced = tmp.resolve("spliced.mpr");
        Files.write(spliced, g);
        CyclerData d = NativeCyclerFiles.read(spliced, CyclerFormat.BIOLOGIC_MPR);
        assertEquals(1, d.warnings().size(), d.warnings().toString());
        assertTrue(d.warnings().get(0).startsWith("counter '(Q-Qo)/mA.h' disagrees with the integrated logged current"),
                d.warnings().get(0));
        assertTrue(NativeCyclerFiles.read(good, CyclerFormat.BIOLOGIC_MPR).warnings().isEmpty());
    }

    @Test
    void realFixtureAgainstIndependentFacts() throws IOException {
        Assumptions.assumeTrue(Files.isRegularFile(MPR), "real reference file absent (skipped): " + MPR);
        byte[] bytes = Files.readAllBytes(MPR);
        CyclerData d = NativeCyclerFiles.read(MPR, CyclerFormat.BIOLOGIC_MPR);
        assertEquals(FIXTURE_ROWS, d.size());
        assertEquals("Ewe/V -> V", d.unitsDetected().get("voltage"));
        assertEquals("I/mA -> mA", d.unitsDetected().get("current"));
        assertNull(d.cycle(), "no cycle number column stored");
        // the cycler's own (Q-Qo) agrees with the decoded current (no counter warning) and the
        // energy counters with the decoded V*I: both fail if a column offset or type were wrong
        assertTrue(d.warnings().isEmpty(), d.warnings().toString());
        double[] e = d.counter(CyclerData.CHARGE_ENERGY_WH);
        double counted = 0;
        double integrated = 0;
        for (int k = 1; k < d.size(); k++) {
            if (d.step()[k] == d.step()[k - 1] && e[k] >= e[k - 1]) {
                counted += e[k] - e[k - 1];
                double p0 = d.voltageAt(k - 1) * Math.max(d.currentAt(k - 1), 0);
                double p1 = d.voltageAt(k) * Math.max(d.currentAt(k), 0);
                integrated += (d.timeAt(k) - d.timeAt(k - 1)) * (p0 + p1) / 2 / 3600;
            }
        }
        assertTrue(counted > 0);
        assertEquals(counted, integrated, CounterCheck.RELATIVE_TOLERANCE * counted, "charge energy counter vs integrated V*I");
        // a Si half cell (cellpy's 'silicon' material): voltages within 0..3 V vs Li
        assertTrue(Arrays.stream(d.voltageV()).allMatch(v -> v > -0.1 && v < 3.0));
        assertEquals(bytes.length, Files.size(MPR), "input untouched");
    }

    @Test
    void truncatedDataModule() throws IOException {
        Assumptions.assumeTrue(Files.isRegularFile(MPR), "real reference file absent (skipped): " + MPR);
        byte[] b = Files.readAllBytes(MPR);
        Path cut = tmp.resolve("cut.mpr");
        Files.write(cut, Arrays.copyOf(b, 1_000_000));
        DataFormatException e = assertThrows(DataFormatException.class, () -> NativeCyclerFiles.read(cut, CyclerFormat.BIOLOGIC_MPR));
        assertEquals(cut + ", module 'VMP data' (version 2) at offset 3369: module truncated: its header declares 3605238"
                + " data bytes from offset 3426, the file has 996574 (file cut short?)", e.getMessage());
        Path cutHeader = tmp.resolve("cuthead.mpr");
        Files.write(cutHeader, Arrays.copyOf(b, 3369 + 20));
        e = assertThrows(DataFormatException.class, () -> NativeCyclerFiles.read(cutHeader, CyclerFormat.BIOLOGIC_MPR));
        assertTrue(e.getMessage().contains("module 2 at offset 3369: module header truncated"), e.getMessage());
    }

    @Test
    void unknownColumnId() throws IOException {
        Path f = tmp.resolve("newer.mpr");
        SyntheticMprFile.of(SyntheticMprFile.Variant.ECLAB_11_50).extraIds(1999).write(f, planted(10));
        DataFormatException e = assertThrows(DataFormatException.class, () -> NativeCyclerFiles.read(f, CyclerFormat.BIOLOGIC_MPR));
        // 52-byte magic + Set module (65 + 0x300) = data module at 885; its 16th table entry at 885 + 65 + 5 + 2 * 15
        assertTrue(e.getMessage().startsWith(f + ", module 'VMP data' (version 0/11) at offset 885, column table entry 16 at"
                + " offset 985: unknown column ID 1999 after column 'cycle number'"), e.getMessage());
    }

    @Test
    void otherDamage() throws IOException {
        Path f = tmp.resolve("a.mpr");
        SyntheticMprFile.of(SyntheticMprFile.Variant.V2).write(f, planted(10));
        byte[] good = Files.readAllBytes(f);
        byte[] b = good.clone();
        b[52 + 2] = 'X'; // "MOXULE"
        Files.write(f, b);
        DataFormatException e = assertThrows(DataFormatException.class, () -> NativeCyclerFiles.read(f, CyclerFormat.BIOLOGIC_MPR));
        assertTrue(e.getMessage().contains("offset 52: expected 'MODULE' (start of module 1), found 'MOXULE'"), e.getMessage());

        b = good.clone();
        b[0] = 'b';
        Files.write(f, b);
        e = assertThrows(DataFormatException.class, () -> NativeCyclerFiles.read(f, CyclerFormat.BIOLOGIC_MPR));
        assertTrue(e.getMessage().contains("offset 0: expected the magic"), e.getMessage());

        // data module version 7
        b = good.clone();
        int data = 52 + 57 + 0x300;
        b[data + 6 + 35 + 4] = 7;
        Files.write(f, b);
        e = assertThrows(DataFormatException.class, () -> NativeCyclerFiles.read(f, CyclerFormat.BIOLOGIC_MPR));
        assertTrue(e.getMessage().contains("module 'VMP data' (version 7) at offset " + data
                + ": data module version 7 is not supported (known: 0, 2, 3)"), e.getMessage());

        // point count larger than the records present
        b = good.clone();
        b[data + 57] = 11;
        Files.write(f, b);
        e = assertThrows(DataFormatException.class, () -> NativeCyclerFiles.read(f, CyclerFormat.BIOLOGIC_MPR));
        assertTrue(e.getMessage().contains("11 points of 49 bytes need 539 bytes from module offset 405, the module has 490"),
                e.getMessage());
    }
}
