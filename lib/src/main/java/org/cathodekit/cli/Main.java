package org.cathodekit.cli;

import java.io.PrintWriter;
import java.util.List;

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
                + "gradients, GITT, Williamson-Hall, TGA).")
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

    /**
     * Every subcommand, in the order {@code --help} lists them. A new command adds one line here.
     * Only the invoked one gets a full picocli model (see {@link #commandLine(PrintWriter, PrintWriter, String...)}).
     */
    static final List<Class<?>> SUBCOMMANDS = List.of(
            InfoCommand.class,
            ChecksumCommand.class,
            InspectCommand.class,
            XanesCommand.class,
            GittCommand.class,
            TgaCommand.class,
            GradientCommand.class,
            WhCommand.class,
            LatticeCommand.class,
            TomoCommand.class,
            ConvertCommand.class,
            ConductivityCommand.class,
            CyclesCommand.class,
            DqdvCommand.class);

    /** Builds the command line with every subcommand's full model (for tests and {@code help}). */
    public static CommandLine commandLine(PrintWriter out, PrintWriter err) {
        return commandLine(out, err, "help");
    }

    /**
     * Builds the command line for one invocation. Building a picocli model reflects over every option
     * of a command; doing it for all subcommands cost most of the start-up (0.5 s CPU for
     * {@code --help}, issue 15). So only the subcommand named in {@code args} gets its full model; the
     * others are registered as name + description stubs, which is all that {@code --help} listings and
     * "did you mean" suggestions need. {@code help} (and a direct call without arguments from tests)
     * builds them all.
     */
    public static CommandLine commandLine(PrintWriter out, PrintWriter err, String... args) {
        CommandLine cl = new CommandLine(new Main());
        String invoked = null;
        for (String arg : args) {
            if (!arg.startsWith("-")) {
                invoked = arg;
                break;
            }
        }
        boolean all = "help".equals(invoked);
        if (all) {
            cl.addSubcommand("help", new CommandLine.HelpCommand());
        } else {
            CommandLine.Model.CommandSpec help = CommandLine.Model.CommandSpec.create().name("help");
            help.usageMessage().description("Display help information about the specified command.");
            cl.addSubcommand("help", new CommandLine(help));
        }
        for (Class<?> c : SUBCOMMANDS) {
            Command a = c.getAnnotation(Command.class);
            boolean named = a.name().equals(invoked) || java.util.Arrays.asList(a.aliases()).contains(invoked);
            if (all || named) {
                cl.addSubcommand(a.name(), new CommandLine(c));
            } else {
                CommandLine.Model.CommandSpec stub = CommandLine.Model.CommandSpec.create().name(a.name()).aliases(a.aliases());
                stub.usageMessage().description(a.description());
                cl.addSubcommand(a.name(), new CommandLine(stub));
            }
        }
        cl.setOut(out);
        cl.setErr(err);
        // enum options accept any case (--normalisation constant_step); set after the subcommands so they inherit it
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.setExitCodeExceptionMapper(ex -> EXIT_INTERNAL);
        cl.setParameterExceptionHandler((ex, rejected) -> {
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
        int code = commandLine(out, err, args).execute(args);
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
