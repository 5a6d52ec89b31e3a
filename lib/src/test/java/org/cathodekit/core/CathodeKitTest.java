package org.cathodekit.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CathodeKitTest {

    static final String COMMIT = "0123456789abcdef0123456789abcdef01234567";

    @Test
    void commitFromAPlainCheckoutLooseOrPackedRef(@TempDir Path dir) throws IOException {
        Path git = Files.createDirectories(dir.resolve(".git"));
        Files.writeString(git.resolve("HEAD"), "ref: refs/heads/main\n");
        Files.writeString(git.resolve("packed-refs"), "# pack-refs with: peeled\n" + COMMIT + " refs/heads/main\n");
        Path inside = Files.createDirectories(dir.resolve("lib/src"));
        assertEquals(COMMIT, CathodeKit.gitCommit(inside));
        Files.createDirectories(git.resolve("refs/heads"));
        Files.writeString(git.resolve("refs/heads/main"), COMMIT.replace('0', 'f') + "\n");
        assertEquals(COMMIT.replace('0', 'f'), CathodeKit.gitCommit(inside));
    }

    @Test
    void commitFromAWorktreeWhoseGitIsAFile(@TempDir Path dir) throws IOException {
        Path common = Files.createDirectories(dir.resolve("main/.git"));
        Files.createDirectories(common.resolve("refs/heads"));
        Files.writeString(common.resolve("refs/heads/feature"), COMMIT + "\n");
        Path wtGit = Files.createDirectories(common.resolve("worktrees/wt"));
        Files.writeString(wtGit.resolve("HEAD"), "ref: refs/heads/feature\n");
        Files.writeString(wtGit.resolve("commondir"), "../..\n");
        Path wt = Files.createDirectories(dir.resolve("wt"));
        Files.writeString(wt.resolve(".git"), "gitdir: " + wtGit + "\n");
        assertEquals(COMMIT, CathodeKit.gitCommit(wt));
    }

    @Test
    void unknownOutsideACheckout(@TempDir Path dir) {
        assertEquals("unknown", CathodeKit.gitCommit(dir));
    }
}
