package org.cathodekit.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.cathodekit.core.JsonOutput;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Executes every notebook in {@code notebooks/} on the real IJava kernel and on the rapaio kernel
 * through nbclient ({@code lib/scripts/run_notebooks.py}), and proves the harness can fail.
 */
class NotebooksIT {

    static final Path ROOT = Repo.root();
    static final Path JUPYTER = ROOT.resolve("target/jupyter");
    static final Path OUT = ROOT.resolve("target/notebook-tests");
    static String python;

    @BeforeAll
    static void installKernels() throws Exception {
        python = Repo.python();
        Repo.Proc p = Repo.run(ROOT, Duration.ofMinutes(2), List.of("bash", "lib/scripts/install-kernels.sh"),
                "CATHODEKIT_JUPYTER_PATH", JUPYTER.toString());
        assertEquals(0, p.exit(), "kernel install failed: " + p.out() + p.err());
    }

    static List<Path> shippedNotebooks() throws IOException {
        try (Stream<Path> s = Files.list(ROOT.resolve("notebooks"))) {
            return s.filter(p -> p.toString().endsWith(".ipynb")).sorted().collect(Collectors.toList());
        }
    }

    /** Runs the notebooks on one kernel; returns summary rows by notebook name, plus the process. */
    static Map<String, String[]> execute(String kernel, List<Path> notebooks, Path out, List<String> log) throws Exception {
        // --html: the rendered pages are what lib/scripts/check-rendered-notebooks.sh opens in Chromium
        List<String> cmd = new ArrayList<>(List.of(python, "lib/scripts/run_notebooks.py", "--kernel", kernel, "--html", "--out",
                out.toString()));
        notebooks.forEach(n -> cmd.add(n.toString()));
        Repo.Proc p = Repo.run(ROOT, Duration.ofMinutes(60), cmd,
                "JUPYTER_PATH", JUPYTER.toString(),
                "CATHODEKIT_HOME", ROOT.toString(),
                "CATHODEKIT_OUT", out.resolve("figures-print").toString());
        log.add("exit " + p.exit());
        log.add(p.out());
        System.out.println(p.out());
        Map<String, String[]> rows = new LinkedHashMap<>();
        Path summary = out.resolve("summary.tsv");
        assertTrue(Files.exists(summary), "runner wrote no summary: " + p.out() + p.err());
        List<String> lines = Files.readAllLines(summary);
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split("\t", -1);
            rows.put(f[0], f);
        }
        return rows;
    }

    static Stream<DynamicTest> notebookTests(String kernel) throws Exception {
        List<Path> nbs = shippedNotebooks();
        assertFalse(nbs.isEmpty(), "no notebooks found");
        List<String> log = new ArrayList<>();
        Map<String, String[]> rows = execute(kernel, nbs, OUT.resolve(kernel), log);
        return nbs.stream().map(nb -> {
            String stem = nb.getFileName().toString().replace(".ipynb", "");
            return DynamicTest.dynamicTest(stem + " on " + kernel, () -> {
                String[] row = rows.get(stem);
                assertTrue(row != null, "no result for " + stem + ": " + log);
                assertEquals("ok", row[2], stem + " failed on " + kernel + ": " + row[6] + "\n" + log);
                assertRichOutputs(OUT.resolve(kernel).resolve(stem + ".ipynb"), stem, kernel);
            });
        });
    }

    /**
     * Rich display works on this kernel (NOTEBOOKS.md rule 5): the executed notebook has text/html
     * tables with a text/plain fallback, and every analysis notebook (01-09) shows exactly one
     * paper-vs-reproduced table carrying its rows (with their origin) as output metadata.
     */
    @SuppressWarnings("unchecked")
    static void assertRichOutputs(Path executed, String stem, String kernel) throws IOException {
        Map<String, Object> nb = (Map<String, Object>) JsonOutput.parse(Files.readString(executed));
        List<Map<String, Object>> outputs = ((List<?>) nb.get("cells")).stream()
                .flatMap(c -> ((Map<?, ?>) c).get("outputs") instanceof List<?> l ? l.stream() : Stream.empty())
                .map(o -> (Map<String, Object>) o).collect(Collectors.toList());
        long htmlTables = outputs.stream().filter(o -> o.get("data") instanceof Map<?, ?> d && d.get("text/html") != null
                && text(d.get("text/html")).contains("<table") && d.get("text/plain") != null).count();
        assertTrue(htmlTables >= 1, stem + " on " + kernel + ": no text/html table output with a text/plain fallback");
        long comparisons = outputs.stream().filter(o -> o.get("metadata") instanceof Map<?, ?> m && m.get("cathodekit") instanceof Map<?, ?> ck
                && ck.get("comparison") instanceof List<?> rows && !rows.isEmpty()
                && ((Map<?, ?>) rows.get(0)).get("origin") != null).count();
        if (!stem.startsWith("00") && stem.matches("0[1-9]-.*")) {
            assertEquals(1, comparisons, stem + " on " + kernel + ": expected one paper-vs-reproduced table");
        }
        for (Map<String, Object> o : outputs) {
            // every key number of the ./reproduce summary says whether it comes from synthetic or real data
            if (o.get("metadata") instanceof Map<?, ?> m && m.get("cathodekit") instanceof Map<?, ?> ck
                    && ck.get("keys") instanceof Map<?, ?> keys) {
                keys.forEach((name, k) -> assertTrue(k instanceof Map<?, ?> km && km.get("origin") instanceof String origin
                        && !origin.isBlank(), stem + " on " + kernel + ": key " + name + " has no origin (synthetic/real): " + k));
            }
            if ("stream".equals(o.get("output_type"))) {
                String t = text(o.get("text"));
                assertFalse(t.contains("(default)") || t.contains("NaN +- NaN") || t.matches("(?sm).*^KEY .*"), stem + ": noise in the visible output: " + t);
            }
        }
    }

    static String text(Object v) {
        return v instanceof List<?> l ? l.stream().map(Object::toString).collect(Collectors.joining()) : String.valueOf(v);
    }

    @TestFactory
    Stream<DynamicTest> everyNotebookRunsCleanOnIJava() throws Exception {
        return notebookTests("java");
    }

    @TestFactory
    Stream<DynamicTest> everyNotebookRunsCleanOnRapaio() throws Exception {
        return notebookTests("rapaio-java");
    }

    @Test
    void harnessFailsOnErrorsMissingFiguresAndWrongNumbers() throws Exception {
        Path fixtures = ROOT.resolve("lib/src/test/resources/notebooks");
        List<Path> nbs = List.of(fixtures.resolve("failing-cell.ipynb"), fixtures.resolve("missing-figure.ipynb"),
                fixtures.resolve("wrong-expectation.ipynb"));
        List<String> log = new ArrayList<>();
        Map<String, String[]> rows = execute("java", nbs, OUT.resolve("fixtures"), log);
        assertEquals("exit 1", log.get(0), "the runner must exit non-zero when a notebook fails");
        assertEquals("FAILED", rows.get("failing-cell")[2]);
        assertTrue(rows.get("failing-cell")[6].contains("ArithmeticException") || rows.get("failing-cell")[6].contains("/ by zero"),
                rows.get("failing-cell")[6]);
        assertEquals("FAILED", rows.get("missing-figure")[2]);
        assertTrue(rows.get("missing-figure")[6].contains("image/png"), rows.get("missing-figure")[6]);
        assertEquals("FAILED", rows.get("wrong-expectation")[2]);
        assertTrue(rows.get("wrong-expectation")[6].contains("does not match"), rows.get("wrong-expectation")[6]);
    }

    @Test
    void executedOverviewHasAnInlinePngFigure() throws Exception {
        Path out = OUT.resolve("overview-png");
        execute("java", List.of(ROOT.resolve("notebooks/00-overview.ipynb")), out, new ArrayList<>());
        @SuppressWarnings("unchecked")
        Map<String, Object> nb = (Map<String, Object>) JsonOutput.parse(Files.readString(out.resolve("00-overview.ipynb")));
        long pngs = ((List<?>) nb.get("cells")).stream()
                .flatMap(c -> ((Map<?, ?>) c).get("outputs") instanceof List<?> l ? l.stream() : Stream.empty())
                .filter(o -> ((Map<?, ?>) o).get("data") instanceof Map<?, ?> d && d.containsKey("image/png"))
                .count();
        assertTrue(pngs >= 1, "the overview's figure cell must produce an image/png output");
        try (Stream<Path> figs = Files.list(out.resolve("figures"))) {
            assertTrue(figs.anyMatch(p -> p.toString().endsWith(".png")), "figure files are extracted");
        }
        // the committed notebook stays output-free
        @SuppressWarnings("unchecked")
        Map<String, Object> committed = (Map<String, Object>) JsonOutput.parse(Files.readString(ROOT.resolve("notebooks/00-overview.ipynb")));
        for (Object c : (List<?>) committed.get("cells")) {
            Object outputs = ((Map<?, ?>) c).get("outputs");
            assertTrue(outputs == null || ((List<?>) outputs).isEmpty(), "committed notebooks must carry no outputs");
        }
    }
}
