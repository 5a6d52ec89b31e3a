package org.cathodekit.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.cathodekit.core.JsonOutput;
import org.junit.jupiter.api.Test;

/** The real {@code ./cathodekit} launcher and self-contained jar, as a user runs them. */
class CommandLineIT {

    static Repo.Proc cathodekit(String... args) throws Exception {
        List<String> cmd = new java.util.ArrayList<>(List.of("./cathodekit"));
        cmd.addAll(List.of(args));
        return Repo.run(Repo.root(), Duration.ofMinutes(2), cmd);
    }

    @Test
    void helpVersionAndJson() throws Exception {
        Repo.Proc help = cathodekit("--help");
        assertEquals(0, help.exit(), help.err());
        assertTrue(help.out().contains("Usage: cathodekit"), help.out());
        Repo.Proc version = cathodekit("--version");
        assertEquals(0, version.exit());
        assertTrue(version.out().matches("(?s)cathodekit \\d+\\.\\d+\\.\\d+ .*"), version.out());
        Repo.Proc info = cathodekit("info", "--json");
        assertEquals(0, info.exit(), info.err());
        @SuppressWarnings("unchecked")
        Map<String, Object> m = (Map<String, Object>) JsonOutput.parse(info.out().strip());
        assertEquals(version.out().split(" ")[1], m.get("version"));
        assertEquals("", info.err(), "stderr stays clean (SLF4J binding present)");
    }

    @Test
    void badInputExitsTwoWithoutStackTrace() throws Exception {
        Repo.Proc p = cathodekit("checksum", "--input", "missing.csv", "--json");
        assertEquals(2, p.exit());
        assertEquals("", p.out());
        assertEquals(1, p.err().strip().split("\n").length, p.err());
        assertFalse(p.err().contains("\tat "), p.err());
    }
}
