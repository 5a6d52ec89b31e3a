package org.cathodekit.cli;

import java.nio.file.Path;

import org.cathodekit.core.CathodeKit;
import org.cathodekit.core.JsonOutput;
import org.cathodekit.core.Parallel;

import com.fasterxml.jackson.databind.node.ObjectNode;

import picocli.CommandLine.Command;

/** {@code cathodekit info}: library version, commit, JDK and thread count (provenance for batch logs). */
@Command(name = "info", mixinStandardHelpOptions = true,
        description = "Print the library version, git commit, JDK, heap limit and thread count.")
final class InfoCommand extends JsonCommand {
    @Override
    protected ObjectNode compute() {
        return JsonOutput.object()
                .put("version", CathodeKit.version())
                .put("git_commit", CathodeKit.gitCommit(Path.of("")))
                .put("jdk", System.getProperty("java.version"))
                .put("max_heap_mb", Runtime.getRuntime().maxMemory() / (1024 * 1024))
                .put("threads", Parallel.threads());
    }
}
