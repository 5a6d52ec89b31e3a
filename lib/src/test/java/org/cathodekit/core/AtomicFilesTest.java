package org.cathodekit.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {

    @Test
    void failedWriteLeavesTheOldFileAndNoTemporaryFile(@TempDir Path dir) throws IOException {
        Path target = dir.resolve("map.txt");
        AtomicFiles.writeString(target, "complete result");
        OutputException e = assertThrows(OutputException.class, () -> AtomicFiles.writeStream(target, out -> {
            out.write("half a res".getBytes());
            throw new IOException("No space left on device (simulated)");
        }));
        assertEquals("complete result", Files.readString(target));
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(1, files.count(), "no temporary file may be left behind");
        }
        assertTrue(e.getMessage().startsWith("cannot write output " + target + ": the disk is full"), e.getMessage());
        assertFalse(e.getMessage().contains(".tmp"), "the hidden temporary file is never named: " + e.getMessage());
        assertTrue(e instanceof IllegalArgumentException, "output failures are bad input (exit 2)");
    }

    @Test
    void aLibraryWrappingTheWriteErrorIsAnOutputErrorToo(@TempDir Path dir) {
        Path target = dir.resolve("m.h5");
        OutputException e = assertThrows(OutputException.class, () -> AtomicFiles.write(target, tmp -> {
            throw new RuntimeException("jhdf: failed writing " + tmp, new java.io.UncheckedIOException(new IOException("No space left on device")));
        }));
        assertTrue(e.getMessage().contains(target.toString()) && e.getMessage().contains("disk is full"), e.getMessage());
        // a writer's own bad-data exception and internal faults are not output errors
        assertThrows(DataFormatException.class, () -> AtomicFiles.write(target, tmp -> {
            throw new DataFormatException(null, null, "bad map name");
        }));
        assertThrows(IllegalStateException.class, () -> AtomicFiles.write(target, tmp -> {
            throw new IllegalStateException("bug");
        }));
        assertFalse(Files.exists(target));
    }

    @Test
    void anExistingFolderOrAFileAsParentIsRefusedNamingTheTarget(@TempDir Path dir) throws IOException {
        Path folder = Files.createDirectories(dir.resolve("out.h5"));
        OutputException e = assertThrows(OutputException.class, () -> AtomicFiles.writeString(folder, "x"));
        assertEquals("cannot write output " + folder + ": it is an existing folder; expected a file name to write", e.getMessage());
        Path file = dir.resolve("plain.txt");
        Files.writeString(file, "keep");
        Path under = file.resolve("out.h5");
        OutputException p = assertThrows(OutputException.class, () -> AtomicFiles.writeString(under, "x"));
        assertTrue(p.getMessage().startsWith("cannot write output " + under + ": a parent of it exists and is not a folder"), p.getMessage());
        assertEquals("keep", Files.readString(file));
    }

    @Test
    void anImmutableFolderIsExitTwoNamingTheTargetNotTheTemporaryFile(@TempDir Path dir) throws Exception {
        Path imm = Files.createDirectories(dir.resolve("immutable"));
        Assumptions.assumeTrue(run("chattr", "+i", imm.toString()), "chattr +i not available (needs e2fsprogs and CAP_LINUX_IMMUTABLE)");
        try {
            Path target = imm.resolve("map.h5");
            OutputException e = assertThrows(OutputException.class, () -> AtomicFiles.writeString(target, "x"));
            assertTrue(e.getMessage().startsWith("cannot write output " + target + ": "), e.getMessage());
            assertTrue(e.getMessage().contains("not permitted") || e.getMessage().contains("permission denied"), e.getMessage());
            assertFalse(e.getMessage().contains(".tmp"), e.getMessage());
        } finally {
            run("chattr", "-i", imm.toString());
        }
    }

    @Test
    void anUnwritableFolderIsNamed() {
        // /sys refuses new files even to root; skip where it is absent
        Path sys = Path.of("/sys/kernel");
        Assumptions.assumeTrue(Files.isDirectory(sys));
        Path target = sys.resolve("cathodekit-out.h5");
        OutputException e = assertThrows(OutputException.class, () -> AtomicFiles.writeString(target, "x"));
        assertTrue(e.getMessage().startsWith("cannot write output " + target + ": "), e.getMessage());
        assertFalse(e.getMessage().contains(".tmp"), e.getMessage());
    }

    @Test
    void staleTemporaryFilesOfTheSameOutputAreRemovedOnTheNextWrite(@TempDir Path dir) throws IOException {
        Path target = dir.resolve("map.h5");
        Path stale = dir.resolve(".map.h5.8234987234.tmp"); // what a run killed during writing leaves
        Path live = dir.resolve(".map.h5.42.tmp"); // a concurrent writer's file, modified during this run
        Path other = dir.resolve(".other.h5.77.tmp"); // another output's stale file: not ours to judge
        Path lookalike = dir.resolve(".map.h5.x1.tmp"); // not our naming pattern
        for (Path p : new Path[] {stale, live, other, lookalike}) {
            Files.writeString(p, "half");
        }
        FileTime old = FileTime.from(Instant.now().minusSeconds(24 * 3600));
        Files.setLastModifiedTime(stale, old);
        Files.setLastModifiedTime(other, old);
        Files.setLastModifiedTime(lookalike, old);
        Files.setLastModifiedTime(live, FileTime.from(Instant.now().plusSeconds(5)));
        AtomicFiles.writeString(target, "complete");
        assertEquals("complete", Files.readString(target));
        assertFalse(Files.exists(stale), "stale temporary file of this output removed");
        assertTrue(Files.exists(live), "a temporary file younger than this run is kept");
        assertTrue(Files.exists(other), "other outputs' files are kept");
        assertTrue(Files.exists(lookalike), "files outside the naming pattern are kept");
    }

    @Test
    void newFilesAreWorldReadableLikeAPlainWrite(@TempDir Path dir) throws IOException {
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.getFileStore(dir).supportsFileAttributeView("posix"));
        Path target = dir.resolve("out.h5");
        AtomicFiles.writeString(target, "x");
        assertEquals("rw-r--r--", java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(target)));
    }

    @Test
    void createsMissingFolders(@TempDir Path dir) throws IOException {
        Path target = dir.resolve("a/b/c.txt");
        AtomicFiles.writeString(target, "x");
        assertEquals("x", Files.readString(target));
    }

    static boolean run(String... cmd) {
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
