package org.cathodekit.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import org.cathodekit.core.AtomicFiles;
import org.cathodekit.core.JsonOutput;
import org.cathodekit.core.OutputGuard;
import org.cathodekit.table.Tables;

import com.fasterxml.jackson.databind.JsonNode;

import tech.tablesaw.api.Table;

import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * Base of every analysis subcommand: implements the command-line contract once.
 *
 * <ul>
 *   <li>{@link #compute()} does the work and returns the result: a result record or a Jackson
 *       {@link com.fasterxml.jackson.databind.node.ObjectNode}, serialised by the one configuration
 *       of {@link JsonOutput} (keys snake_case with units, NaN as null);</li>
 *   <li>with {@code --json} that object is printed as one line on stdout; otherwise the same object
 *       is printed for people by {@link TextOutput}: a summary of rounded values with units, then
 *       its row lists (per pulse, peak, cycle...) as aligned tables;</li>
 *   <li>commands with a result table include the {@link CsvOutput} mixin ({@code --csv FILE}; found
 *       by {@link #csvOutput()} among the command's mixins): the table of {@link #table(Object)} is then written
 *       atomically, after the file was checked against {@link #inputs()} before any work;</li>
 *   <li>{@link IllegalArgumentException} (including {@link org.cathodekit.core.DataFormatException})
 *       means bad input: one line on stderr, exit code 2;</li>
 *   <li>anything else is an internal failure: one line on stderr, exit code 1;</li>
 *   <li>{@code --debug} adds the stack trace.</li>
 * </ul>
 */
public abstract class JsonCommand implements Callable<Integer> {

    @Option(names = "--json", description = "Print the result as one JSON object on stdout.")
    protected boolean json;

    @Option(names = "--debug", description = "Print stack traces on errors.")
    protected boolean debug;

    @CommandLine.Spec
    protected CommandLine.Model.CommandSpec spec;

    /**
     * Does the command's work.
     *
     * @return the result (a record or an {@code ObjectNode}); its keys are the documented JSON keys
     * @throws IllegalArgumentException for bad input (exit 2)
     * @throws Exception                for anything else (exit 1)
     */
    protected abstract Object compute() throws Exception;

    /** The command's {@code --csv} mixin ({@link CsvOutput}), or null when it has no result table. */
    protected final CsvOutput csvOutput() {
        for (CommandLine.Model.CommandSpec m : spec.mixins().values()) {
            if (m.userObject() instanceof CsvOutput c) {
                return c;
            }
        }
        return null;
    }

    /** The files the command reads, which {@code --csv} may not overwrite. */
    protected List<Path> inputs() {
        return List.of();
    }

    /**
     * The result table written by {@code --csv} (derived from the result's records), or null.
     *
     * @param result what {@link #compute()} returned
     */
    protected Table table(Object result) {
        String key = tableKey();
        return key == null ? null : Tables.ofRows(key, JsonOutput.tree(result).path(key));
    }

    /**
     * The key of the result's row list that {@code --csv} writes when {@link #table} is not
     * overridden (e.g. {@code peaks}), or null.
     */
    protected String tableKey() {
        return null;
    }

    /**
     * The columns of each row list that the text output shows (key of the list -> column keys);
     * lists not named show all their scalar columns. {@code --json} and {@code --csv} always hold all.
     */
    protected java.util.Map<String, List<String>> textColumns() {
        return java.util.Map.of();
    }

    /** Prints a result for people (see {@link TextOutput}). */
    protected void printHuman(JsonNode result, PrintWriter out) {
        TextOutput.print(result, textColumns(), out);
    }

    /**
     * Builds Jackson's mapper (and loads the serialisers of a first write) on a daemon thread while the
     * command computes: done on the main thread after the work it costs 150-190 ms of wall time on every
     * command (measured cold on this 2-core machine), a fifth of a 20 M-voxel gradient. Only the lambda
     * touches {@link JsonOutput}, so its class initialisation runs on that thread; a main thread that
     * needs the mapper earlier simply waits for the initialisation to finish (JVM class-init lock).
     */
    private static void prepareJsonInBackground() {
        Thread t = new Thread(() -> JsonOutput.write(JsonOutput.object().put("warm_up", 1.0).putPOJO("rows",
                java.util.List.of(new double[] {Double.NaN}))), "cathodekit-json-warm-up");
        t.setDaemon(true);
        t.start();
    }

    @Override
    public final Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        String name = spec.qualifiedName(" ");
        try {
            CsvOutput csv = csvOutput();
            Path csvFile = csv == null ? null : csv.file;
            if (csvFile != null) {
                OutputGuard.output("--csv", csvFile).notAnyOf("--input", inputs());
            }
            prepareJsonInBackground();
            Object result = compute();
            if (csvFile != null) {
                Table t = table(result);
                if (t == null) {
                    throw new IllegalStateException("--csv: this command's result has no table");
                }
                AtomicFiles.writeStream(csvFile, os -> t.write().csv(os));
            }
            if (json) {
                out.println(JsonOutput.write(result));
            } else {
                printHuman(JsonOutput.tree(result), out);
            }
            out.flush();
            return Main.EXIT_OK;
        } catch (IllegalArgumentException e) {
            err.println(name + ": error: " + oneLine(e.getMessage()));
            if (debug) {
                e.printStackTrace(err);
            }
            err.flush();
            return Main.EXIT_BAD_INPUT;
        } catch (OutOfMemoryError e) {
            long[] need = memoryNeed();
            err.println(name + ": internal error: " + outOfMemoryAdvice(Runtime.getRuntime().maxMemory(),
                    need == null ? 0 : need[0], need == null ? -1 : need[1]) + " (" + oneLine(e.getMessage()) + ")");
            err.flush();
            return Main.EXIT_INTERNAL;
        } catch (Exception | Error e) {
            err.println(name + ": internal error: " + e.getClass().getSimpleName() + ": " + oneLine(e.getMessage())
                    + (debug ? "" : " (run with --debug for the stack trace)"));
            if (debug) {
                e.printStackTrace(err);
            }
            err.flush();
            return Main.EXIT_INTERNAL;
        }
    }

    /**
     * The one-line advice after an {@link OutOfMemoryError}: the heap in use and numbers that would
     * fit. For commands that stream by slab ({@code --slab-mb}) the numbers come from
     * {@link #memoryNeed()}: the resident output (e.g. the result maps) plus
     * {@value #SLAB_COPIES} slab sizes ({@code Xanes.maps} keeps two slabs in flight and may grow a
     * slab up to 4x to align it with storage chunks), plus {@value #HEADROOM_MB} MB for the JVM and
     * libraries. Without slab streaming the advice is twice the heap.
     *
     * @param maxHeapBytes {@link Runtime#maxMemory()}
     * @param slabMb       the command's {@code --slab-mb}, or 0 when it has none
     * @param residentMb   memory the result needs whatever the slab size (MB), or -1 when unknown
     */
    static String outOfMemoryAdvice(long maxHeapBytes, long slabMb, long residentMb) {
        long heapMb = Math.max(1, maxHeapBytes >> 20);
        if (slabMb <= 0 || residentMb < 0) {
            return "out of memory with a heap of " + heapMb + " MB (-Xmx" + heapMb + "m): raise the heap, e.g. JAVA_OPTS=-Xmx"
                    + roundUp(heapMb * 2) + "m";
        }
        long fitSlab = (heapMb - HEADROOM_MB - residentMb) / SLAB_COPIES;
        long needHeap = roundUp(residentMb + HEADROOM_MB + SLAB_COPIES * slabMb);
        String slabAdvice = fitSlab >= 1 && fitSlab < slabMb ? "use --slab-mb " + fitSlab + " (fits this heap) or " : "";
        return "out of memory with a heap of " + heapMb + " MB (-Xmx" + heapMb + "m; the result needs about " + residentMb
                + " MB, each slab of --slab-mb " + slabMb + " up to " + SLAB_COPIES + "x that): " + slabAdvice
                + "raise the heap to JAVA_OPTS=-Xmx" + Math.max(needHeap, roundUp(heapMb + 1)) + "m";
    }

    /** Up to the next multiple of 64 MB. */
    private static long roundUp(long mb) {
        return (mb + 63) / 64 * 64;
    }

    /** Slab sizes alive at once in slab-streaming commands (see {@link #outOfMemoryAdvice}). */
    static final int SLAB_COPIES = 8;
    /** Heap kept for the JVM, jhdf and picocli in the advice, MB. */
    static final long HEADROOM_MB = 64;

    /**
     * For the out-of-memory advice: {@code {slabMb, residentMb}} of a slab-streaming command
     * (resident: what the result needs whatever the slab size; -1 when not yet known), or null.
     */
    protected long[] memoryNeed() {
        return null;
    }

    private static String oneLine(String s) {
        return s == null ? "(no message)" : s.replace('\n', ' ').replace('\r', ' ');
    }

    /** Seconds since {@code startNanos}, for the {@code seconds} field of results. */
    protected static double secondsSince(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }
}
