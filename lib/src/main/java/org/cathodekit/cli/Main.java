package org.cathodekit.cli;

import java.io.PrintWriter;

import org.cathodekit.core.CathodeKit;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code cathodekit} command line. Every analysis subcommand follows one contract (see
 * {@link JsonCommand}): {@code --json} prints exactly one JSON object on stdout; errors are one line
 * on stderr naming the file, what was wrong and what was expected; exit code 0 for success, 2 for
 * bad input (unreadable file, bad option values, invalid data), 1 for internal failures; stack traces
 * only with {@code --debug}.
 */
@Command(name = "cathodekit",
        mixinStandardHelpOptions = true,
        versionProvider = Main.Version.class,
        description = "Reproducible analyses of Ni-rich layered-oxide cathodes (XANES imaging, valence "
                + "gradients, GITT, Williamson-Hall, TGA).",
        subcommands = {
            CommandLine.HelpCommand.class,
            InfoCommand.class,
            ChecksumCommand.class,
            XanesCommand.class,
            GittCommand.class,
            TgaCommand.class,
            GradientCommand.class,
            WhCommand.class,
            LatticeCommand.class,
            InspectCommand.class,
            CyclesCommand.class,
            DqdvCommand.class,
            ConductivityCommand.class,
        })
public final class Main implements Runnable {

    /** Exit code for success. */
    public static final int EXIT_OK = 0;
    /** Exit code for an internal failure (a bug or an environment problem). */
    public static final int EXIT_INTERNAL = 1;
    /** Exit code for bad input: files, data or option values. */
    public static final int EXIT_BAD_INPUT = 2;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Prints {@code cathodekit <version> (JDK ...)}. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"cathodekit " + CathodeKit.version() + " (JDK " + System.getProperty("java.version") + ")"};
        }
    }

    /** Builds the command line with the contract's exit codes and error handlers, writing to the given streams. */
    public static CommandLine commandLine(PrintWriter out, PrintWriter err) {
        CommandLine cl = new CommandLine(new Main());
        cl.setOut(out);
        cl.setErr(err);
        cl.setExitCodeExceptionMapper(ex -> EXIT_INTERNAL);
        cl.setParameterExceptionHandler((ex, args) -> {
            CommandLine c = ex.getCommandLine();
            String name = c.getCommandSpec().qualifiedName(" "); // e.g. "cathodekit xanes map"
            c.getErr().println(name + ": error: " + ex.getMessage() + " (see '" + name + " --help')");
            c.getErr().flush();
            return EXIT_BAD_INPUT;
        });
        return cl;
    }

    /** Runs the command line and returns its exit code (for tests and embedding). */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        int code = commandLine(out, err).execute(args);
        out.flush();
        err.flush();
        return code;
    }

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(System.out, true);
        PrintWriter err = new PrintWriter(System.err, true);
        System.exit(run(out, err, args));
    }
}
