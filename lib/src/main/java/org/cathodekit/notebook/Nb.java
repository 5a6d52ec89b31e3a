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
import org.cathodekit.plot.Figure;
import org.cathodekit.plot.Figures;
import org.knowm.xchart.internal.chartpart.Chart;

/**
 * Notebook helpers that behave the same on IJava, JJava and rapaio (see NOTEBOOKS.md): parameters
 * from environment variables, locations of the sample and reference data, a provenance block,
 * figures as {@link BufferedImage}, and "paper vs reproduced" rows.
 *
 * <p>Rich output: {@link #setup()} installs HTML display adapters on the running kernel (IJava or
 * rapaio, see {@link Display}); {@link #show(Object)} shows a Tablesaw table, a result record or a
 * {@link PaperComparison} as one HTML table with a plain-text fallback.
 *
 * <p>Key numbers ({@link #key}) travel as output metadata {@code cathodekit.keys} of an empty,
 * invisible output (not as visible text); the notebook runner collects them into the summary of
 * {@code ./reproduce}, and checks cell expectations against {@code KEY name = value} lines rebuilt
 * from them.
 */
public final class Nb {
    private Nb() {
    }

    private static final List<String[]> COMPARISONS = new ArrayList<>();

    private static final java.util.Map<String, String> PARAMS = new java.util.LinkedHashMap<>();

    /**
     * A notebook parameter: environment variable {@code CATHODEKIT_<name>} or the default. A value
     * taken from the environment is echoed on stdout (the rendered notebook then records that it
     * differs from the shipped default); every value read is listed by {@link #parameters()}.
     */
    public static String param(String name, String defaultValue) {
        String v = System.getenv("CATHODEKIT_" + name);
        boolean fromEnv = v != null && !v.isBlank();
        String used = fromEnv ? v : defaultValue;
        PARAMS.put(name, used + (fromEnv ? " (from CATHODEKIT_" + name + ")" : " (default)"));
        if (fromEnv) {
            System.out.println("parameter " + name + " = " + used + " (from environment CATHODEKIT_" + name + ")");
        }
        return used;
    }

    /** A double parameter ({@link #param(String, String)}). */
    public static double param(String name, double defaultValue) {
        String s = param(name, Double.toString(defaultValue));
        try {
            return Double.parseDouble(s);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("parameter CATHODEKIT_" + name + ": expected a number, got '" + s + "'");
        }
    }

    /** An integer parameter ({@link #param(String, String)}). */
    public static int param(String name, int defaultValue) {
        String s = param(name, Integer.toString(defaultValue));
        try {
            return Integer.parseInt(s.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("parameter CATHODEKIT_" + name + ": expected an integer, got '" + s + "'");
        }
    }

    /** The parameters read so far and their values, as a two-column table (for the provenance cell). */
    public static Rich parameters() {
        java.util.List<java.util.List<String>> rows = new ArrayList<>();
        PARAMS.forEach((k, v) -> rows.add(java.util.List.of("CATHODEKIT_" + k, v)));
        return Rich.of(Html.grid("parameters", java.util.List.of("environment variable", "value"), rows, null),
                Html.plainGrid("parameters", java.util.List.of("environment variable", "value"), rows));
    }

    /**
     * The one setup call of every notebook: installs the HTML display adapters on the running kernel
     * ({@link Display#install()}). Also made by {@link #provenance}.
     *
     * @return the kernel found
     */
    public static Display.Kernel setup() {
        return Display.install();
    }

    /** Shows a table, record, {@link Rich} bundle or comparison as one rich output (HTML + text). */
    public static void show(Object value) {
        if (value instanceof PaperComparison c) {
            c.show();
        } else {
            Display.show(value);
        }
    }

    /** A new, empty "paper vs reproduced" table. */
    public static PaperComparison comparison() {
        return new PaperComparison();
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

    /** Prints the provenance block: library version, git commit, JDK, and each input's SHA-256 (calls {@link #setup()}). */
    public static void provenance(Path... inputs) {
        setup();
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
     * Renders a chart for inline display and saves it for print under {@link #outputDir()}: PNG at
     * {@link Figures#PRINT_DPI} dpi, SVG and PDF ({@link Figures#save}). End a cell with the returned
     * image. A file that cannot be written never loses the inline figure: the failure is reported in
     * one stdout line instead.
     */
    public static BufferedImage figure(Chart<?, ?> chart, String fileStem) {
        if (chart instanceof org.knowm.xchart.XYChart xy) {
            org.cathodekit.plot.Charts.nice(xy);
        }
        return figure(Figure.of(chart), fileStem);
    }

    /** {@link #figure(Chart, String)} for any {@link Figure} (e.g. {@link org.cathodekit.plot.MapPanels}). */
    public static BufferedImage figure(Figure figure, String fileStem) {
        Path dir;
        try {
            dir = outputDir();
        } catch (RuntimeException e) {
            System.out.println("note: no output folder for figure files (" + e.getMessage() + "); the inline figure is unaffected");
            return figure.image(1);
        }
        return figure(figure, fileStem, dir);
    }

    /** {@link #figure(Figure, String)} into {@code dir} (never throws for a file problem). */
    static BufferedImage figure(Figure figure, String fileStem, Path dir) {
        BufferedImage inline = figure.image(1);
        try {
            Figures.save(figure, dir, fileStem);
        } catch (IOException | RuntimeException e) {
            System.out.println("note: figure files for " + fileStem + " not written (" + e.getClass().getSimpleName() + ": "
                    + e.getMessage() + "); the inline figure is unaffected");
        }
        return inline;
    }

    /**
     * Reports a key number for the {@code ./reproduce} summary, invisibly (output metadata
     * {@code cathodekit.keys}), with the origin of the data it comes from (synthetic / real): the summary
     * never lists a number without saying which.
     */
    public static void key(String name, double value, String format, Origin origin) {
        emitKey(name, String.format(Locale.ROOT, format, value), origin);
    }

    private static void emitKey(String name, String formatted, Origin origin) {
        java.util.Map<String, Object> k = new java.util.LinkedHashMap<>();
        k.put("value", formatted);
        k.put("origin", java.util.Objects.requireNonNull(origin, "origin").label());
        Display.show(new Rich("", "", java.util.Map.of("cathodekit", java.util.Map.of("keys", java.util.Map.of(name, k)))));
    }

    /**
     * Records and prints one "paper vs reproduced" row as text.
     *
     * @deprecated use {@link #comparison()}: one HTML table with the origin of every value, shown once
     *
     * @param quantity   what is compared, with unit
     * @param paper      the paper's value as printed there (text: it may be a range or a qualitative statement)
     * @param reproduced what this notebook computed
     */
    @Deprecated
    public static void compare(String quantity, String paper, String reproduced) {
        COMPARISONS.add(new String[] {quantity, paper, reproduced});
        System.out.println(quantity + " | paper: " + paper + " | reproduced: " + reproduced);
    }

    /**
     * Prints all rows recorded by {@link #compare} as one text table, then forgets them.
     *
     * @deprecated use {@link #comparison()} and {@link PaperComparison#show()}
     */
    @Deprecated
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
