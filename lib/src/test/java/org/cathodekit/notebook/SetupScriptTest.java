package org.cathodekit.notebook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The font check of {@code ./setup} ({@code ck_has_font} in lib/scripts/common.sh) with a fake
 * {@code fc-list} printing 200,000 fonts, DejaVu first: the old {@code fc-list | grep -q} under
 * {@code pipefail} fails there (fc-list dies of SIGPIPE after grep exits), the new check must not.
 */
class SetupScriptTest {
    static Path repo() {
        return Path.of(System.getProperty("user.dir")).resolve("..").toAbsolutePath().normalize();
    }

    static int bash(Path fakeBin, String script) throws Exception {
        ProcessBuilder pb = new ProcessBuilder("bash", "-c", script).redirectErrorStream(true);
        pb.environment().put("PATH", fakeBin + ":" + System.getenv("PATH"));
        Process p = pb.start();
        p.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("bash timed out");
        }
        return p.exitValue();
    }

    @Test
    void fontCheckSurvivesALongFontList(@TempDir Path dir) throws Exception {
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Path fc = bin.resolve("fc-list");
        Files.writeString(fc, "#!/bin/sh\necho '/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf: DejaVu Sans:style=Book'\n"
                + "i=0; yes '/usr/share/fonts/other/Font.ttf: Some Other Font:style=Regular' | head -n 200000\n");
        Files.setPosixFilePermissions(fc, PosixFilePermissions.fromString("rwxr-xr-x"));
        String common = repo().resolve("lib/scripts/common.sh").toString();
        String check = "set -euo pipefail; . '" + common + "'; ck_has_font dejavu";
        for (int i = 0; i < 5; i++) {
            assertEquals(0, bash(bin, check), "ck_has_font must find DejaVu in a long list (run " + i + ")");
        }
        assertNotEquals(0, bash(bin, "set -euo pipefail; . '" + common + "'; ck_has_font nosuchfont"), "absent fonts are reported");
        // the old form, to show the fixture reproduces the bug
        assertNotEquals(0, bash(bin, "set -euo pipefail; fc-list | grep -qi dejavu"), "fixture must trigger SIGPIPE in the old check");
    }
}
