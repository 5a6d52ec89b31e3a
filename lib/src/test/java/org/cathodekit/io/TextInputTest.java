package org.cathodekit.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import org.cathodekit.core.DataFormatException;
import org.junit.jupiter.api.Test;

/** Encoding, line, delimiter, decimal and header detection shared by every text reader. */
class TextInputTest {

    private static final Path NAME = Path.of("export.csv");

    @Test
    void latin1IsDetectedFromTheBytesNotTheJvmLocale() {
        byte[] latin1 = "Temp/°C;I/µA\r\n25,5;1,25\r\n".getBytes(StandardCharsets.ISO_8859_1);
        TextFile t = TextFile.decode(NAME, latin1);
        assertEquals(StandardCharsets.ISO_8859_1, t.charset());
        assertEquals(List.of("Temp/°C;I/µA", "25,5;1,25"), t.lines());

        byte[] utf8 = "\uFEFFTemp/°C\n25\n".getBytes(StandardCharsets.UTF_8);
        TextFile u = TextFile.decode(NAME, utf8);
        assertEquals(StandardCharsets.UTF_8, u.charset());
        assertEquals("Temp/°C", u.line(0), "BOM stripped, ° decoded");
    }

    @Test
    void mixedLineEndingsAndMissingFinalNewline() {
        TextFile t = TextFile.decode(NAME, "a\r\nb\rc\nd".getBytes(StandardCharsets.US_ASCII));
        assertEquals(List.of("a", "b", "c", "d"), t.lines());
    }

    @Test
    void binaryFilesAreRefusedNamingTheFile() {
        DataFormatException e = assertThrows(DataFormatException.class, () -> TextFile.decode(NAME, new byte[] {'a', 0, 'b'}));
        assertTrue(e.getMessage().startsWith("export.csv"), e.getMessage());
        assertTrue(e.getMessage().contains("binary"), e.getMessage());
    }

    @Test
    void missingFileIsADataFormatException() {
        DataFormatException e = assertThrows(DataFormatException.class, () -> TextFile.read(Path.of("no/such/file.csv")));
        assertTrue(e.getMessage().contains("file not found"), e.getMessage());
    }

    @Test
    void dialectsAreDetected() {
        assertEquals(new Delimited.Dialect(';', ','), Delimited.detect(List.of("t;U;I", "0,5;3,7;0,001", "1,5;3,8;0,001")));
        assertEquals(new Delimited.Dialect(',', '.'), Delimited.detect(List.of("t,U,I", "0.5,3.7,0.001", "1.5,3.8,0.001")));
        assertEquals(new Delimited.Dialect('\t', '.'), Delimited.detect(List.of("t\tU\tI", "0.5\t3.7\t1e-3")));
        assertEquals(' ', Delimited.detect(List.of("  18.70   1234  35.1", "  18.72   1240  35.2")).delimiter());
        assertEquals(new Delimited.Dialect('\t', ','), Delimited.detect(List.of("1,5\t2,25", "2,5\t3,75")));
        // Setaram-like: semicolons with decimal commas, more commas than semicolons per row
        assertEquals(new Delimited.Dialect(';', ','), Delimited.detect(List.of("Time;Furnace temperature;TG", "12,5;25,125;-0,0125",
                "13,5;25,958;-0,0131", "14,5;26,792;-0,0140")));
    }

    @Test
    void numbersParseWithoutLocaleAndRejectAmbiguity() {
        assertEquals(1.25, Delimited.parse("1,25", ','));
        assertEquals(-3.5e-4, Delimited.parse(" -3.5E-4 ", '.'));
        assertTrue(Double.isNaN(Delimited.parse("1.234,5", ',')), "thousands separators are not guessed");
        assertTrue(Double.isNaN(Delimited.parse("abc", '.')));
        assertEquals(Double.POSITIVE_INFINITY, Delimited.parse("inf", '.'));
        DataFormatException e = assertThrows(DataFormatException.class,
                () -> Delimited.parseOrThrow("3,7x", ',', NAME, 12, "Voltage(V)"));
        assertEquals("export.csv, line 12, column 'Voltage(V)': expected a number (decimal separator ','), found '3,7x'", e.getMessage());
    }

    @Test
    void quotedFieldsKeepTheirDelimiters() {
        assertEquals(List.of("a,b", "c \"q\"", ""), Delimited.split("\"a,b\",\"c \"\"q\"\"\",", ','));
        assertEquals(List.of("1", "2", "3"), Delimited.split("  1 \t 2   3  ", ' '));
    }

    @Test
    void headersSplitIntoNameAndUnit() {
        assertHeader("Time (s)", "time", "s");
        assertHeader("time/s", "time", "s");
        assertHeader("Test Time (s)", "test time", "s");
        assertHeader("time_s", "time", "s");
        assertHeader("Ewe/V", "ewe", "V");
        assertHeader("<I>/mA", "i", "mA");
        assertHeader("Current(A)", "current", "A");
        assertHeader("current_mA", "current", "mA");
        assertHeader("Temp [K]", "temp", "K");
        assertHeader("Temperature/°C", "temperature", "C");
        assertHeader("Step Type", "step type", "");
        assertHeader("Cycle Index", "cycle index", "");
        assertHeader("sample_id", "sample id", "");
    }

    private static void assertHeader(String raw, String name, String unit) {
        ColumnHeader h = ColumnHeader.parse(raw);
        assertEquals(name, h.name(), raw);
        assertEquals(unit, h.unit(), raw);
    }
}
