package org.cathodekit.core;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * Library identity: version and (when run from a git checkout) the commit, for provenance records.
 */
public final class CathodeKit {
    private CathodeKit() {
    }

    private static final String VERSION = loadVersion();

    /** @return the library version from the build, e.g. {@code 0.1.0}. */
    public static String version() {
        return VERSION;
    }

    private static String loadVersion() {
        try (InputStream in = CathodeKit.class.getResourceAsStream("/org/cathodekit/version.properties")) {
            if (in == null) {
                return "unknown";
            }
            Properties p = new Properties();
            p.load(in);
            String v = p.getProperty("version", "unknown");
            return v.startsWith("${") ? "unknown" : v;
        } catch (IOException e) {
            return "unknown";
        }
    }

    /**
     * The git commit of the checkout that contains {@code start} (walking up to the {@code .git}
     * folder), read from the files without running git; {@code "unknown"} when not in a checkout.
     *
     * @param start a folder inside the checkout (not modified)
     * @return the 40-hex commit id or {@code "unknown"}
     */
    public static String gitCommit(Path start) {
        Path dir = start.toAbsolutePath().normalize();
        while (dir != null) {
            Path git = dir.resolve(".git");
            if (Files.isDirectory(git)) {
                return readHead(git, git);
            }
            if (Files.isRegularFile(git)) {
                // a worktree or submodule: ".git" is a file "gitdir: <path>"; refs live in the common dir
                try {
                    String line = Files.readString(git).trim();
                    if (line.startsWith("gitdir:")) {
                        Path gitDir = dir.resolve(line.substring(7).trim()).normalize();
                        Path common = gitDir;
                        Path commonFile = gitDir.resolve("commondir");
                        if (Files.exists(commonFile)) {
                            common = gitDir.resolve(Files.readString(commonFile).trim()).normalize();
                        }
                        return readHead(gitDir, common);
                    }
                } catch (IOException e) {
                    return "unknown";
                }
            }
            dir = dir.getParent();
        }
        return "unknown";
    }

    private static String readHead(Path gitDir, Path git) {
        try {
            String head = Files.readString(gitDir.resolve("HEAD")).trim();
            if (!head.startsWith("ref: ")) {
                return head;
            }
            String ref = head.substring(5).trim();
            Path refFile = git.resolve(ref);
            if (Files.exists(refFile)) {
                return Files.readString(refFile).trim();
            }
            Path packed = git.resolve("packed-refs");
            if (Files.exists(packed)) {
                for (String line : Files.readAllLines(packed)) {
                    if (line.endsWith(" " + ref)) {
                        return line.substring(0, line.indexOf(' '));
                    }
                }
            }
        } catch (IOException e) {
            // fall through: provenance must never fail the analysis
        }
        return "unknown";
    }
}
