package org.cathodekit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.cathodekit.core.JsonOutput;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command-line contract every subcommand inherits from {@link JsonCommand}. */
class CliContractTest {

    /** Captured result of one in-process run. */
    record Run(int exit, String out, String err) {
        Map<String, Object> json() {
            String[] lines = out.strip().split("\n");
            assertEquals(1, lines.length, "--json must print exactly one line: " + out);
            @SuppressWarnings("unchecked")
            Map<String, Object> m = (Map<String, Object>) JsonOutput.parse(lines[0]);
            return m;
        }
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(new PrintWriter(out), new PrintWriter(err), args);
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void helpAndVersion() {
        Run help = run("--help");
        assertEquals(0, help.exit());
        assertTrue(help.out().contains("Usage: cathodekit"), help.out());
        assertTrue(help.out().contains("checksum"), "subcommands are listed: " + help.out());
        Run version = run("--version");
        assertEquals(0, version.exit());
        assertTrue(version.out().startsWith("cathodekit "), version.out());
    }

    @Test
    void jsonOutputIsOneObject(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("data.csv");
        Files.writeString(f, "abc", StandardCharsets.US_ASCII);
        Run r = run("checksum", "--input", f.toString(), "--json");
        assertEquals(0, r.exit(), r.err());
        assertEquals("", r.err());
        Map<String, Object> m = r.json();
        // oracle: sha256("abc") from FIPS 180-2, appendix B.1
        assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", m.get("sha256"));
        assertEquals(3.0, m.get("bytes"));

        Run info = run("info", "--json");
        assertEquals(0, info.exit());
        assertTrue(info.json().containsKey("version"));
    }

    @Test
    void badInputIsExitTwoWithOneLineNamingTheFile() {
        Run r = run("checksum", "--input", "no/such/file.h5", "--json");
        assertEquals(Main.EXIT_BAD_INPUT, r.exit());
        assertEquals("", r.out(), "nothing on stdout when failing");
        String[] lines = r.err().strip().split("\n");
        assertEquals(1, lines.length, "one line on stderr, no stack trace: " + r.err());
        assertTrue(lines[0].contains("no/such/file.h5") && lines[0].contains("file not found"), lines[0]);
        assertFalse(r.err().contains("\tat "), "no stack trace without --debug");
    }

    @Test
    void debugAddsTheStackTrace() {
        Run r = run("checksum", "--input", "no/such/file.h5", "--debug");
        assertEquals(Main.EXIT_BAD_INPUT, r.exit());
        assertTrue(r.err().contains("\tat "), r.err());
    }

    @Test
    void unknownOptionsAndMissingRequiredOptionsAreBadInput() {
        Run r = run("checksum", "--no-such-option");
        assertEquals(Main.EXIT_BAD_INPUT, r.exit());
        assertEquals(1, r.err().strip().split("\n").length, r.err());
        assertTrue(r.err().startsWith("cathodekit checksum: error: "), "names the full command: " + r.err());
        assertTrue(r.err().contains("'cathodekit checksum --help'"), "points to help: " + r.err());
        assertEquals(Main.EXIT_BAD_INPUT, run("no-such-command").exit());
    }
}
