package org.cathodekit.notebook;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.cathodekit.core.CathodeKit;
import org.cathodekit.core.Sha256;
import org.cathodekit.plot.Charts;
import org.knowm.xchart.internal.chartpart.Chart;

/**
 * Notebook helpers that behave the same on IJava, JJava and rapaio (see NOTEBOOKS.md): parameters
 * from environment variables, locations of the sample and reference data, a provenance block,
 * figures as {@link BufferedImage}, and "paper vs reproduced" rows.
 *
 * <p>Key numbers are printed as {@code KEY name = value}: the notebook runner collects those lines
 * into the summary table of {@code ./reproduce}.
 */
public final class Nb {
    private Nb() {
    }

    private static final List<String[]> COMPARISONS = new ArrayList<>();

    /**
     * A notebook parameter: environment variable {@code CATHODEKIT_<name>} or the default. Every
     * parameter read is echoed on stdout so the rendered notebook records it.
     */
    public static String param(String name, String defaultValue) {
        String v = System.getenv("CATHODEKIT_" + name);
        String used = (v == null || v.isBlank()) ? defaultValue : v;
        System.out.println("param " + name + " = " + used + (used.equals(defaultValue) ? " (default)" : " (from environment)"));
        return used;
    }

    /** The repository's top folder: {@code CATHODEKIT_HOME}, else the nearest parent holding {@code data-samples/}. */
    public static Path repo() {
        String env = System.getenv("CATHODEKIT_HOME");
        if (env != null && !env.isBlank()) {
            return Path.of(env).toAbsolutePath().normalize();
        }
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null) {
            if (Files.isDirectory(dir.resolve("data-samples")) && Files.isDirectory(dir.resolve("notebooks"))) {
                return dir;
            }
            dir = dir.getParent();
        }
        throw new IllegalStateException("cannot find the CathodeKit folder (with data-samples/ and notebooks/) above "
                + Path.of("").toAbsolutePath() + "; set CATHODEKIT_HOME");
    }

    /** @return {@code <repo>/data-samples/<name>}. */
    public static Path sample(String name) {
        return repo().resolve("data-samples").resolve(name);
    }

    /**
     * The shared real reference data ({@code CATHODEKIT_SHARED} or {@code <repo>/../shared/reference-data}),
     * or empty with a printed note when absent (a user's clone has none).
     */
    public static Optional<Path> sharedReference() {
        String env = System.getenv("CATHODEKIT_SHARED");
        Path p = (env != null && !env.isBlank()) ? Path.of(env) : repo().resolve("../shared/reference-data").normalize();
        if (Files.isDirectory(p)) {
            return Optional.of(p);
        }
        System.out.println("note: real reference data not found at " + p + "; the sections that use them are skipped");
        return Optional.empty();
    }

    /** Where figure files go: {@code CATHODEKIT_OUT}, else {@code <repo>/target/notebook-output}. */
    public static Path outputDir() {
        String env = System.getenv("CATHODEKIT_OUT");
        Path p = (env != null && !env.isBlank()) ? Path.of(env) : repo().resolve("target/notebook-output");
        try {
            Files.createDirectories(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p;
    }

    /** Prints the provenance block: library version, git commit, JDK, and each input's SHA-256. */
    public static void provenance(Path... inputs) {
        System.out.println("CathodeKit " + CathodeKit.version() + ", commit " + CathodeKit.gitCommit(repo()));
        System.out.println("JDK " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")");
        for (Path in : inputs) {
            try {
                System.out.println("input " + repo().relativize(in.toAbsolutePath().normalize()) + "  sha256 " + Sha256.of(in));
            } catch (IOException e) {
                System.out.println("input " + in + "  (unreadable: " + e.getMessage() + ")");
            }
        }
    }

    /**
     * Renders a chart for inline display and saves a print-quality PNG under {@link #outputDir()}.
     * End a cell with the returned image.
     */
    public static BufferedImage figure(Chart<?, ?> chart, String fileStem) {
        try {
            Charts.savePng(chart, outputDir().resolve(fileStem + ".png"), 2);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Charts.image(chart);
    }

    /** Prints {@code KEY name = value} (collected into the {@code ./reproduce} summary). */
    public static void key(String name, double value, String format) {
        System.out.println("KEY " + name + " = " + String.format(Locale.ROOT, format, value));
    }

    /**
     * Records and prints one "paper vs reproduced" row.
     *
     * @param quantity   what is compared, with unit
     * @param paper      the paper's value as printed there (text: it may be a range or a qualitative statement)
     * @param reproduced what this notebook computed
     */
    public static void compare(String quantity, String paper, String reproduced) {
        COMPARISONS.add(new String[] {quantity, paper, reproduced});
        System.out.println(quantity + " | paper: " + paper + " | reproduced: " + reproduced);
    }

    /** Prints all rows recorded by {@link #compare} as one table, then forgets them. */
    public static void comparisonTable() {
        int w0 = "quantity".length();
        int w1 = "paper".length();
        for (String[] r : COMPARISONS) {
            w0 = Math.max(w0, r[0].length());
            w1 = Math.max(w1, r[1].length());
        }
        String fmt = "%-" + w0 + "s | %-" + w1 + "s | %s%n";
        // one print call: kernels stream each print separately, a table should arrive whole
        StringBuilder table = new StringBuilder(String.format(Locale.ROOT, fmt, "quantity", "paper", "reproduced"));
        for (String[] r : COMPARISONS) {
            table.append(String.format(Locale.ROOT, fmt, r[0], r[1], r[2]));
        }
        System.out.print(table);
        System.out.flush();
        COMPARISONS.clear();
    }

    /** {@code String.format(Locale.ROOT, ...)}. */
    public static String f(String format, Object... args) {
        return String.format(Locale.ROOT, format, args);
    }
}
