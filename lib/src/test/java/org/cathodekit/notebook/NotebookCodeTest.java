package org.cathodekit.notebook;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.cathodekit.core.JsonOutput;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.SourceCodeAnalysis;

/**
 * Fast smoke run of every shipped notebook's code cells through the JShell API, in-process, on the
 * test classpath (NOTEBOOKS.md: "a fast JShell-API smoke run of the code cells inside mvn test
 * catches API drift early"). A renamed class or method fails here in {@code mvn test}, before the
 * real-kernel notebook tests of {@code mvn verify} run.
 */
class NotebookCodeTest {

    static Path repo() {
        return Path.of(System.getProperty("user.dir")).resolve("..").toAbsolutePath().normalize();
    }

    @TestFactory
    Stream<DynamicTest> everyNotebookCellCompilesAndRuns() throws IOException {
        List<Path> notebooks;
        try (Stream<Path> s = Files.list(repo().resolve("notebooks"))) {
            notebooks = s.filter(p -> p.toString().endsWith(".ipynb")).sorted().collect(Collectors.toList());
        }
        assertFalse(notebooks.isEmpty());
        return notebooks.stream().map(nb -> DynamicTest.dynamicTest(nb.getFileName().toString(), () -> run(nb)));
    }

    @SuppressWarnings("unchecked")
    static void run(Path notebook) throws IOException {
        Map<String, Object> nb = (Map<String, Object>) JsonOutput.parse(Files.readString(notebook, StandardCharsets.UTF_8));
        PrintStream realOut = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        try (JShell shell = JShell.builder().executionEngine("local").out(new PrintStream(captured, true, StandardCharsets.UTF_8))
                .err(new PrintStream(captured, true, StandardCharsets.UTF_8)).build()) {
            for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
                shell.addToClasspath(entry);
            }
            System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
            int cellIndex = -1;
            for (Object c : (List<Object>) nb.get("cells")) {
                cellIndex++;
                Map<String, Object> cell = (Map<String, Object>) c;
                if (!"code".equals(cell.get("cell_type"))) {
                    continue;
                }
                Object src = cell.get("source");
                String code = src instanceof List<?> l ? l.stream().map(Object::toString).collect(Collectors.joining()) : (String) src;
                if (code.strip().startsWith("%")) {
                    continue; // magics are kernel-specific; the notebook rules keep them alone in a cell
                }
                evalCell(shell, notebook, cellIndex, code, captured);
            }
        } finally {
            System.setOut(realOut);
        }
    }

    static void evalCell(JShell shell, Path notebook, int cellIndex, String code, ByteArrayOutputStream captured) {
        SourceCodeAnalysis analysis = shell.sourceCodeAnalysis();
        String remaining = code;
        while (!remaining.isBlank()) {
            SourceCodeAnalysis.CompletionInfo info = analysis.analyzeCompletion(remaining);
            String snippet = info.source();
            if (snippet == null || snippet.isBlank()) {
                snippet = remaining; // incomplete input: let eval report it
                remaining = "";
            } else {
                remaining = info.remaining();
            }
            for (SnippetEvent e : shell.eval(snippet)) {
                if (e.status() == Snippet.Status.REJECTED) {
                    String diags = shell.diagnostics(e.snippet()).map(d -> d.getMessage(java.util.Locale.ROOT))
                            .collect(Collectors.joining("; "));
                    fail(notebook.getFileName() + " cell " + cellIndex + " does not compile: " + diags + "\n  in: " + snippet.strip());
                }
                if (e.exception() != null) {
                    fail(notebook.getFileName() + " cell " + cellIndex + " threw " + e.exception() + "\n  in: " + snippet.strip()
                            + "\n  output so far (tail): " + tail(captured));
                }
            }
        }
    }

    @org.junit.jupiter.api.Test
    void theSmokeRunCanFail() {
        Path fixture = repo().resolve("lib/src/test/resources/notebooks/failing-cell.ipynb");
        AssertionError runtime = org.junit.jupiter.api.Assertions.assertThrows(AssertionError.class, () -> run(fixture));
        org.junit.jupiter.api.Assertions.assertTrue(runtime.getMessage().contains("cell 2 threw"), runtime.getMessage());
        try (JShell shell = JShell.builder().executionEngine("local").build()) {
            AssertionError compile = org.junit.jupiter.api.Assertions.assertThrows(AssertionError.class,
                    () -> evalCell(shell, fixture, 7, "org.cathodekit.xanes.NoSuchClass.run();", new ByteArrayOutputStream()));
            org.junit.jupiter.api.Assertions.assertTrue(compile.getMessage().contains("does not compile"), compile.getMessage());
        }
    }

    static String tail(ByteArrayOutputStream out) {
        String s = out.toString(StandardCharsets.UTF_8);
        return s.length() > 600 ? s.substring(s.length() - 600) : s;
    }
}
