package org.cathodekit.cli;

import java.io.PrintWriter;
import java.util.Map;
import java.util.concurrent.Callable;

import org.cathodekit.core.Json;

import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * Base of every analysis subcommand: implements the command-line contract once.
 *
 * <ul>
 *   <li>{@link #compute()} does the work and returns the result as a JSON object;</li>
 *   <li>with {@code --json} that object is printed as one line on stdout, otherwise as
 *       {@code key: value} lines (override {@link #printHuman});</li>
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
     * @return the result; its fields are the documented JSON keys
     * @throws IllegalArgumentException for bad input (exit 2)
     * @throws Exception                for anything else (exit 1)
     */
    protected abstract Json.Obj compute() throws Exception;

    /** Prints a result for people; default: one {@code key: value} line per field. */
    protected void printHuman(Json.Obj result, PrintWriter out) {
        for (Map.Entry<String, Object> e : result.fields().entrySet()) {
            Object v = e.getValue();
            String s = (v instanceof String str) ? str : Json.write(v);
            if (s.length() > 200) {
                s = s.substring(0, 197) + "...";
            }
            out.println(e.getKey() + ": " + s);
        }
    }

    @Override
    public final Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        String name = spec.qualifiedName(" ");
        try {
            Json.Obj result = compute();
            if (json) {
                out.println(Json.write(result));
            } else {
                printHuman(result, out);
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
            err.println(name + ": internal error: out of memory (raise -Xmx via JAVA_OPTS): " + oneLine(e.getMessage()));
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

    private static String oneLine(String s) {
        return s == null ? "(no message)" : s.replace('\n', ' ').replace('\r', ' ');
    }

    /** Seconds since {@code startNanos}, for the {@code seconds} field of results. */
    protected static double secondsSince(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }
}
