package org.cathodekit.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.cathodekit.core.CyclerData;
import org.cathodekit.core.CyclerFormat;
import org.cathodekit.core.DataFormatException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The dispatch: every real fixture recognised and read through {@link CyclerReader}; missing files and folders. */
class NativeCyclerFilesTest {
    @TempDir
    Path tmp;

    @Test
    void everyFixtureThroughCyclerReader() {
        String[][] cases = {
            {"cellpy_biol.mpr", "BIOLOGIC_MPR", "23561"},
            {"cellpy_arbin_20160805_test001_45_cc_01.res", "ARBIN_RES", "10261"},
            {"newarenda_new_nda_file.nda", "NEWARE_NDA", "439"},
            {"newarenda_Unit27_Example.ndax", "NEWARE_NDAX", "301"},
        };
        for (String[] c : cases) {
            Path f = NewareReadersTest.fixture(NewareReadersTest.DIR.resolve(c[0]));
            assertEquals(CyclerFormat.valueOf(c[1]), NativeCyclerFiles.recognise(f, Inspect.head(f)), c[0]);
            CyclerData d = CyclerReader.read(f);
            assertEquals(CyclerFormat.valueOf(c[1]), d.format(), c[0]);
            assertEquals(Integer.parseInt(c[2]), d.size(), c[0]);
            assertEquals("binary", d.encoding());
        }
    }

    @Test
    void textIsNotNative() throws IOException {
        Path f = tmp.resolve("a.csv");
        Files.writeString(f, "time/s,Ewe/V,I/mA\n0,3.7,0\n");
        assertNull(NativeCyclerFiles.recognise(f, Inspect.head(f)));
    }

    @Test
    void missingFileAndFolder() {
        Path missing = tmp.resolve("nope.mpr");
        DataFormatException e = assertThrows(DataFormatException.class, () -> NativeCyclerFiles.read(missing, CyclerFormat.BIOLOGIC_MPR));
        assertEquals(missing + ": file not found", e.getMessage());
        e = assertThrows(DataFormatException.class, () -> NativeCyclerFiles.read(tmp, CyclerFormat.ARBIN_RES));
        assertTrue(e.getMessage().endsWith("is a folder; expected a file (Arbin .res (MS Access database))"), e.getMessage());
    }
}
