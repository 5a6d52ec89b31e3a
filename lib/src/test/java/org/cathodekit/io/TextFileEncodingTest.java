package org.cathodekit.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPOutputStream;

import org.cathodekit.core.DataFormatException;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** UTF-16 detection (BOM and NUL pattern, LE and BE), the single file-open block and gzip. */
class TextFileEncodingTest {

    private static final Path NAME = Path.of("tga-export.txt");
    private static final String TEXT = "Time (min)\tTemperature (°C)\tWeight (mg)\r\n0.5\t25.1\t10.25\r\n1.0\t30.2\t10.24\r\n";
    private static final List<String> LINES = List.of("Time (min)\tTemperature (°C)\tWeight (mg)", "0.5\t25.1\t10.25",
            "1.0\t30.2\t10.24");

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] r = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, r, a.length, b.length);
        return r;
    }

    @Test
    void utf16LittleEndianWithBom() {
        byte[] bytes = concat(new byte[] {(byte) 0xFF, (byte) 0xFE}, TEXT.getBytes(StandardCharsets.UTF_16LE));
        TextFile t = TextFile.decode(NAME, bytes);
        assertEquals(StandardCharsets.UTF_16LE, t.charset());
        assertEquals(LINES, t.lines(), "BOM stripped, ° decoded");
    }

    @Test
    void utf16WithoutBomIsRecognisedFromTheNulPattern() {
        TextFile le = TextFile.decode(NAME, TEXT.getBytes(StandardCharsets.UTF_16LE));
        assertEquals(StandardCharsets.UTF_16LE, le.charset());
        assertEquals(LINES, le.lines());
        TextFile be = TextFile.decode(NAME, TEXT.getBytes(StandardCharsets.UTF_16BE));
        assertEquals(StandardCharsets.UTF_16BE, be.charset());
        assertEquals(LINES, be.lines());
        byte[] beBom = concat(new byte[] {(byte) 0xFE, (byte) 0xFF}, TEXT.getBytes(StandardCharsets.UTF_16BE));
        assertEquals(LINES, TextFile.decode(NAME, beBom).lines());
    }

    @Test
    void utf16CutMidCharacterIsRefusedWithTheOffset() {
        byte[] whole = concat(new byte[] {(byte) 0xFF, (byte) 0xFE}, TEXT.getBytes(StandardCharsets.UTF_16LE));
        byte[] cut = Arrays.copyOf(whole, whole.length - 1);
        DataFormatException e = assertThrows(DataFormatException.class, () -> TextFile.decode(NAME, cut));
        assertTrue(e.getMessage().startsWith("tga-export.txt, byte " + (cut.length - 1) + ": "), e.getMessage());
        assertTrue(e.getMessage().contains("UTF-16LE") && e.getMessage().contains("cut mid-character"), e.getMessage());
        // a high surrogate at the very end: the second half of the pair is missing
        byte[] surrogate = concat(TEXT.getBytes(StandardCharsets.UTF_16LE), new byte[] {0x3D, (byte) 0xD8});
        DataFormatException s = assertThrows(DataFormatException.class, () -> TextFile.decode(NAME, surrogate));
        assertTrue(s.getMessage().contains("cut mid-character") && s.getMessage().contains("byte "), s.getMessage());
    }

    @Test
    void binaryIsStillBinary() {
        byte[] b = new byte[64];
        b[0] = 'P';
        b[1] = 'K';
        b[2] = 3;
        b[3] = 4;
        b[10] = 7;
        DataFormatException e = assertThrows(DataFormatException.class, () -> TextFile.decode(NAME, b));
        assertTrue(e.getMessage().contains("binary"), e.getMessage());
    }

    @Test
    void realTaInstrumentsExportIsUtf16LittleEndian() {
        Path f = Path.of("../../shared/reference-data/real-formats/tga/pyTGA_TAInstruments_example_file.txt");
        Assumptions.assumeTrue(Files.isRegularFile(f), "skipped: ../shared reference data absent (" + f + ")");
        TextFile t = TextFile.read(f);
        assertEquals(StandardCharsets.UTF_16LE, t.charset());
        assertEquals("CLOSED", t.line(0));
        assertTrue(t.line(1).startsWith("Version\t2.0"), t.line(1));
    }

    @Test
    void oneOpenBlockForMissingFoldersAndGzip(@TempDir Path dir) throws IOException {
        DataFormatException folder = assertThrows(DataFormatException.class, () -> TextFile.read(dir));
        assertTrue(folder.getMessage().contains("is a folder"), folder.getMessage());
        DataFormatException missing = assertThrows(DataFormatException.class, () -> TextFile.read(dir.resolve("none.csv")));
        assertTrue(missing.getMessage().endsWith("none.csv: file not found"), missing.getMessage());

        ByteArrayOutputStream bo = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(bo)) {
            gz.write(TEXT.getBytes(StandardCharsets.UTF_16LE));
        }
        Path gz = dir.resolve("export.txt.gz");
        Files.write(gz, bo.toByteArray());
        assertEquals(LINES, TextFile.read(gz).lines(), "gzip, then UTF-16 detection");
        Path noName = dir.resolve("export-without-suffix");
        Files.write(noName, bo.toByteArray());
        assertArrayEquals(TEXT.getBytes(StandardCharsets.UTF_16LE), TextFile.readBytes(noName), "gzip by signature");

        Path cut = dir.resolve("cut.csv.gz");
        Files.write(cut, Arrays.copyOf(bo.toByteArray(), bo.size() - 12));
        DataFormatException c = assertThrows(DataFormatException.class, () -> TextFile.read(cut));
        assertTrue(c.getMessage().contains("the compressed data end early"), c.getMessage());
        Path empty = dir.resolve("empty.csv.gz");
        Files.write(empty, new byte[0]);
        DataFormatException em = assertThrows(DataFormatException.class, () -> TextFile.read(empty));
        assertTrue(em.getMessage().contains("the file is empty"), em.getMessage());
        Path notGz = dir.resolve("plain.csv.gz");
        Files.writeString(notGz, "a,b\n1,2\n");
        DataFormatException ng = assertThrows(DataFormatException.class, () -> TextFile.read(notGz));
        assertTrue(ng.getMessage().contains("not valid gzip"), ng.getMessage());
    }
}
