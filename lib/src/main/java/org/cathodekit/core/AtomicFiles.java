package org.cathodekit.core;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.regex.Pattern;

/**
 * Writes outputs atomically: into a temporary file beside the target, then a rename. A reader (or a
 * crash) never sees a half-written output, and on failure the target is left as it was.
 *
 * <p><b>Failures</b> of the output itself (unwritable or immutable folder, the target an existing
 * folder, a parent path that is a file, a full disk) are thrown as {@link OutputException} (an
 * {@link IllegalArgumentException}: exit code 2) naming the target as given and the cause, never
 * the hidden temporary file. An {@link IllegalArgumentException} thrown by the writer (bad data)
 * passes through unchanged; other runtime exceptions of the writer are internal faults and pass
 * through too, unless an {@link IOException} is among their causes (a library wrapping a write
 * error), which makes them an {@link OutputException}.
 *
 * <p><b>Temporary files</b> are named {@code .<name>.<n>.tmp} beside the target. One left by a run
 * that was killed while writing (kill -9, power loss) is removed the next time the same target is
 * written successfully, when it was last modified before the current JVM started (so a concurrent
 * writer's live temporary file is never touched).
 */
public final class AtomicFiles {
    private AtomicFiles() {
    }

    /** Something that writes the whole content of a file. */
    @FunctionalInterface
    public interface PathWriter {
        void writeTo(Path temporaryFile) throws IOException;
    }

    /** Something that writes the whole content to a stream. */
    @FunctionalInterface
    public interface StreamWriter {
        void writeTo(OutputStream out) throws IOException;
    }

    /**
     * Lets {@code writer} fill a temporary file in the target's folder, then moves it onto
     * {@code target}. The temporary file is deleted if the writer throws; stale temporary files of
     * the same target left by earlier, killed runs are removed after a successful write.
     *
     * @throws OutputException when the output cannot be written (see the class doc)
     * @throws IOException     declared for callers' convenience; output I/O errors come as {@link OutputException}
     */
    public static void write(Path target, PathWriter writer) throws IOException {
        Path abs = target.toAbsolutePath();
        Path dir = abs.getParent();
        if (Files.isDirectory(abs)) {
            throw new OutputException(target, "it is an existing folder; expected a file name to write", null);
        }
        Path tmp;
        try {
            Files.createDirectories(dir);
            tmp = Files.createTempFile(dir, "." + abs.getFileName() + ".", ".tmp");
        } catch (IOException e) {
            throw outputError(target, dir, null, e);
        }
        boolean ok = false;
        try {
            writer.writeTo(tmp);
            makeReadableLikeANormalFile(tmp, abs);
            try {
                Files.move(tmp, abs, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING);
            }
            ok = true;
        } catch (IOException e) {
            throw outputError(target, dir, tmp, e);
        } catch (IllegalArgumentException e) {
            throw e;
        } catch (RuntimeException e) {
            IOException io = ioCause(e);
            if (io == null) {
                throw e;
            }
            throw outputError(target, dir, tmp, io);
        } finally {
            if (!ok) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException e) {
                    // the folder refused the delete too; the next successful write removes it as stale
                }
            }
        }
        removeStaleTemporaries(abs);
    }

    /** Time the current JVM started: temporary files older than this belong to earlier (dead) runs. */
    private static final long RUN_START_MILLIS = ManagementFactory.getRuntimeMXBean().getStartTime();

    /**
     * Removes {@code .<name>.<n>.tmp} files beside {@code target} last modified before this run
     * started (left by a killed run). Never throws: a file that cannot be removed stays.
     *
     * @return how many were removed
     */
    static int removeStaleTemporaries(Path target) {
        Path dir = target.getParent();
        Pattern own = Pattern.compile("\\." + Pattern.quote(target.getFileName().toString()) + "\\.[0-9]+\\.tmp");
        int removed = 0;
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir, p -> own.matcher(p.getFileName().toString()).matches())) {
            for (Path p : ds) {
                try {
                    if (Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)
                            && Files.getLastModifiedTime(p, LinkOption.NOFOLLOW_LINKS).toMillis() < RUN_START_MILLIS
                            && Files.deleteIfExists(p)) {
                        removed++;
                    }
                } catch (IOException e) {
                    // left for a later run
                }
            }
        } catch (IOException | RuntimeException e) {
            // listing refused: nothing removed
        }
        return removed;
    }

    private static IOException ioCause(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof UncheckedIOException u) {
                return u.getCause();
            }
            if (t instanceof IOException io) {
                return io;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return null;
    }

    /** The cause of an output failure in words, with the temporary file's name replaced by the target's. */
    static OutputException outputError(Path target, Path dir, Path tmp, IOException e) {
        String raw = e.getMessage() == null ? "" : e.getMessage();
        String reason = e instanceof FileSystemException fse && fse.getReason() != null ? fse.getReason() : raw;
        String low = (raw + " " + reason).toLowerCase(java.util.Locale.ROOT);
        String cause;
        if (low.contains("no space left") || low.contains("disk full") || low.contains("quota")) {
            cause = "the disk is full (" + clean(reason, tmp, target) + "); free space or write elsewhere";
        } else if (e instanceof AccessDeniedException || low.contains("permission denied")) {
            cause = "permission denied: folder " + dir + " is not writable; choose a writable folder";
        } else if (low.contains("operation not permitted")) {
            cause = "operation not permitted in folder " + dir + " (immutable or protected folder?); choose another folder";
        } else if (low.contains("read-only file system")) {
            cause = "folder " + dir + " is on a read-only file system; choose another folder";
        } else if (e instanceof FileAlreadyExistsException || e instanceof NotDirectoryException || low.contains("not a directory")) {
            cause = "a parent of it exists and is not a folder (" + clean(raw, tmp, target) + ")";
        } else if (e instanceof NoSuchFileException) {
            cause = "folder " + dir + " does not exist and cannot be created";
        } else if (low.contains("is a directory")) {
            cause = "it is an existing folder; expected a file name to write";
        } else {
            cause = e.getClass().getSimpleName() + (raw.isEmpty() ? "" : ": " + clean(raw, tmp, target));
        }
        return new OutputException(target, cause, e);
    }

    private static String clean(String message, Path tmp, Path target) {
        String m = message == null ? "" : message;
        if (tmp != null) {
            m = m.replace(tmp.toString(), target.toString()).replace(tmp.getFileName().toString(), target.getFileName().toString());
        }
        return m.replace('\n', ' ');
    }

    /**
     * Temporary files are created owner-only (0600); an output should get the permissions of the
     * file it replaces, or rw-r--r-- for a new one, as a plain write would under the usual umask.
     */
    private static void makeReadableLikeANormalFile(Path tmp, Path target) throws IOException {
        if (!Files.getFileStore(tmp).supportsFileAttributeView("posix")) {
            return;
        }
        java.util.Set<java.nio.file.attribute.PosixFilePermission> perms = Files.exists(target)
                ? Files.getPosixFilePermissions(target)
                : java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--");
        Files.setPosixFilePermissions(tmp, perms);
    }

    /** Atomic write of a stream's content. */
    public static void writeStream(Path target, StreamWriter writer) throws IOException {
        write(target, tmp -> {
            try (OutputStream out = Files.newOutputStream(tmp)) {
                writer.writeTo(out);
            }
        });
    }

    /** Atomic write of UTF-8 text. */
    public static void writeString(Path target, String text) throws IOException {
        writeStream(target, out -> out.write(text.getBytes(StandardCharsets.UTF_8)));
    }
}
