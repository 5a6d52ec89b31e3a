package org.cathodekit.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

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

    /** Prints {@link #versionLine()}. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {versionLine()};
        }
    }

    /** @return {@code cathodekit <version> (JDK <java.version>)}, the JDK being the one running now */
    static String versionLine() {
        // a StringBuilder, not '+': javac compiles '+' to an invokedynamic whose bootstrap loads ~90
        // java.lang.invoke classes, 0.02-0.03 s CPU of the --version fast path (staticOutput)
        return new StringBuilder("cathodekit ").append(CathodeKit.version())
                .append(" (JDK ").append(System.getProperty("java.version")).append(')').toString();
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

    /**
     * Builds the command line with every subcommand's full model (for tests and {@code help}).
     * Package-private, like the overload below: the launcher reflects over {@code Main}'s public
     * methods to find {@code main}, and a public method returning {@link CommandLine} would make it
     * load picocli on the {@link #staticOutput} path.
     */
    static CommandLine commandLine(PrintWriter out, PrintWriter err) {
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
    static CommandLine commandLine(PrintWriter out, PrintWriter err, String... args) {
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

    /**
     * What {@code cathodekit} prints for the arguments that need no picocli model: the top-level usage
     * ({@code --help}, {@code -h}, no arguments) rendered at build time ({@link UsageText}) and the
     * version line ({@code --version}, {@code -V}). Building picocli's models cost 0.2 s CPU of the
     * 0.25 s that {@code --help} took (issue 15).
     *
     * @param args the command-line arguments (not modified)
     * @return the text picocli would print, lines ended by {@code '\n'}; {@code null} for any other
     *         arguments or when the usage resource is missing (an IDE build that skipped
     *         {@code process-classes}), so that the caller takes the picocli path
     */
    static String staticOutput(String... args) {
        return staticOutputWithUsage(UsageText.RESOURCE, args);
    }

    /** {@link #staticOutput(String...)} with the usage text read from {@code usageResource}. */
    static String staticOutputWithUsage(String usageResource, String... args) {
        String arg = args.length == 0 ? "" : args.length == 1 ? args[0] : null;
        if (arg == null) {
            return null;
        }
        return switch (arg) {
            case "", "-h", "--help" -> resourceText(usageResource);
            case "-V", "--version" -> versionLine().concat("\n"); // concat, not +: see versionLine
            default -> null;
        };
    }

    /** @return the UTF-8 text of a class-path resource, or {@code null} when it is missing or unreadable */
    private static String resourceText(String name) {
        try (InputStream in = Main.class.getResourceAsStream(name)) {
            return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return null;
        }
    }

    /**
     * True when picocli would print plain text with {@code '\n'} line ends, so that
     * {@link #staticOutput} is byte-identical to it. This mirrors picocli 4.7's {@code Ansi.AUTO}
     * rule: colours are on for a terminal, with {@code CLICOLOR_FORCE} (not {@code 0}), on Windows
     * consoles, or by {@code picocli.*} system properties (which also set the usage width).
     */
    static boolean plainOutput() {
        if (!"\n".equals(System.lineSeparator())
                || System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("win")) {
            return false;
        }
        String force = System.getenv("CLICOLOR_FORCE");
        if (force != null && !"0".equals(force)) {
            return false;
        }
        for (String name : System.getProperties().stringPropertyNames()) {
            if (name.startsWith("picocli.")) {
                return false;
            }
        }
        java.io.Console console = System.console();
        if (console == null) {
            return true;
        }
        try { // JDK 22+: System.console() is not null for redirected output; Console.isTerminal() tells
            return Boolean.FALSE.equals(java.io.Console.class.getMethod("isTerminal").invoke(console));
        } catch (ReflectiveOperationException e) {
            return false; // JDK < 22 with a console: a terminal
        }
    }

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(System.out, true);
        String text = plainOutput() ? staticOutput(args) : null;
        if (text != null) { // the same PrintWriter as picocli's path, so the same charset
            out.print(text);
            out.flush();
            System.exit(EXIT_OK);
        }
        PrintWriter err = new PrintWriter(System.err, true);
        System.exit(run(out, err, args));
    }
}
