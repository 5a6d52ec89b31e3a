package org.cathodekit.it;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Locations and process helpers for the integration tests (run by failsafe after {@code package}). */
final class Repo {
    private Repo() {
    }

    static Path root() {
        String p = System.getProperty("cathodekit.repo");
        return (p != null ? Path.of(p) : Path.of(System.getProperty("user.dir")).resolve("..")).toAbsolutePath().normalize();
    }

    /** Result of an external process. */
    record Proc(int exit, String out, String err) {
    }

    static Proc run(Path dir, Duration timeout, List<String> cmd, String... env) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile());
        for (int i = 0; i + 1 < env.length; i += 2) {
            pb.environment().put(env[i], env[i + 1]);
        }
        Path outFile = java.nio.file.Files.createTempFile("ck-out", ".txt");
        Path errFile = java.nio.file.Files.createTempFile("ck-err", ".txt");
        pb.redirectOutput(outFile.toFile()).redirectError(errFile.toFile());
        Process p = pb.start();
        if (!p.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("timed out after " + timeout + ": " + cmd);
        }
        String out = java.nio.file.Files.readString(outFile, StandardCharsets.UTF_8);
        String err = java.nio.file.Files.readString(errFile, StandardCharsets.UTF_8);
        java.nio.file.Files.deleteIfExists(outFile);
        java.nio.file.Files.deleteIfExists(errFile);
        return new Proc(p.exitValue(), out, err);
    }

    /** The python3 that has nbclient (see lib/scripts/common.sh). */
    static String python() throws IOException, InterruptedException {
        Proc p = run(root(), Duration.ofSeconds(60), List.of("bash", "-c", ". lib/scripts/common.sh && ck_python"));
        if (p.exit() != 0) {
            throw new AssertionError("no python3 with nbclient/nbconvert: run ./setup --deps-only (" + p.err() + ")");
        }
        return p.out().strip();
    }
}
