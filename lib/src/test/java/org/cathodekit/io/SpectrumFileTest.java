package org.cathodekit.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.cathodekit.core.DataFormatException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpectrumFileTest {
    @TempDir
    Path dir;

    @Test
    void twoColumnVariants() throws IOException {
        Path csv = dir.resolve("a.csv");
        Files.writeString(csv, "# comment\nenergy_eV,mu\n8330,0.1\n8331,0.2\n8332,0.4\n");
        SpectrumFile s = SpectrumFile.read(csv);
        assertArrayEquals(new double[] {8330, 8331, 8332}, s.energiesEv());
        assertArrayEquals(new double[] {0.1, 0.2, 0.4}, s.mu());
        assertEquals("energy_eV", s.energyColumn());
        Path kev = dir.resolve("b.txt");
        Files.writeString(kev, "8.330 0.1\n8.331\t0.2\n8.332  0.4  9\n");
        SpectrumFile k = SpectrumFile.read(kev);
        assertArrayEquals(new double[] {8330, 8331, 8332}, k.energiesEv(), 1e-9);
        assertTrue(k.note().contains("keV -> eV"), k.note());
        Path semi = dir.resolve("c.csv");
        Files.writeString(semi, "8330;0,1\n8331;0,2\n8332;0,4\n");
        assertArrayEquals(new double[] {0.1, 0.2, 0.4}, SpectrumFile.read(semi).mu(), 1e-12);
    }

    @Test
    void badSpectraAreNamed() throws IOException {
        Path dec = dir.resolve("dec.csv");
        Files.writeString(dec, "8330,0.1\n8332,0.2\n8331,0.4\n");
        DataFormatException x = assertThrows(DataFormatException.class, () -> SpectrumFile.read(dec));
        assertTrue(x.getMessage().contains("line 3") && x.getMessage().contains("increasing"), x.getMessage());
        Path dup = dir.resolve("dup.csv");
        Files.writeString(dup, "8330,0.1\n8330,0.2\n");
        assertTrue(assertThrows(DataFormatException.class, () -> SpectrumFile.read(dup)).getMessage().contains("duplicate"));
        Path junk = dir.resolve("junk.csv");
        Files.writeString(junk, "8330,0.1\n8331,abc\n");
        DataFormatException j = assertThrows(DataFormatException.class, () -> SpectrumFile.read(junk));
        assertTrue(j.getMessage().contains("line 2") && j.getMessage().contains("abc"), j.getMessage());
        Path one = dir.resolve("one.csv");
        Files.writeString(one, "# nothing\n");
        assertThrows(DataFormatException.class, () -> SpectrumFile.read(one));
        Path xdi = dir.resolve("bad.xdi");
        Files.writeString(xdi, "# XDI/1.0\n# Column.1: energy eV\n# Column.2: foo\n8330 1\n8331 2\n");
        assertTrue(assertThrows(DataFormatException.class, () -> SpectrumFile.read(xdi)).getMessage().contains("no mu column"));
    }

    @Test
    void xdiComputesMuFromIntensities() throws IOException {
        Path xdi = dir.resolve("i.xdi");
        Files.writeString(xdi, "# XDI/1.0\n# Column.1: energy eV\n# Column.2: i0\n# Column.3: itrans\n#----\n8330 100 50\n8331 100 25\n");
        SpectrumFile s = SpectrumFile.read(xdi);
        assertEquals("ln(i0/itrans)", s.muColumn());
        assertEquals(Math.log(4), s.mu()[1], 1e-12);
    }
}
