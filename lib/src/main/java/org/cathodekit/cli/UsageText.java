package org.cathodekit.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;

import org.cathodekit.core.AtomicFiles;

import picocli.CommandLine;

/**
 * The top-level usage text of {@code cathodekit}, rendered at build time so that {@code --help}
 * can print it without building any picocli model (issue 15: picocli's models and converters were
 * 0.2 s of the 0.25 s CPU that {@code --help} cost; a bare JVM costs 0.04 s).
 *
 * <p>exec-maven-plugin runs {@link #main} in the {@code process-classes} phase (lib/pom.xml). It
 * renders {@code cathodekit --help} from the live model ({@link Main#commandLine}) with
 * {@link CommandLine.Help.Ansi#OFF}, which is exactly what picocli prints when the output is not a
 * terminal, and writes it into the classes folder as {@link #RESOURCE}. Nothing generated is
 * committed. {@link Main#main} prints that resource for {@code --help}, {@code -h} and no arguments
 * when the output is plain ({@link Main#staticOutput}); {@code UsageTextTest} checks it is
 * byte-identical to what picocli prints.
 */
public final class UsageText {
    private UsageText() {
    }

    /** Class-path resource (absolute name) holding the usage text: UTF-8, lines ended by {@code '\n'}. */
    static final String RESOURCE = "/org/cathodekit/cli/usage.txt";

    /**
     * Renders {@code cathodekit --help} from the live picocli model, without colours.
     *
     * @return the text picocli prints, lines ended by {@code '\n'}
     * @throws IllegalStateException when picocli reports an error or a non-zero exit code
     */
    static String render() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = Main.commandLine(new PrintWriter(out), new PrintWriter(err), "--help");
        cl.setColorScheme(CommandLine.Help.defaultColorScheme(CommandLine.Help.Ansi.OFF));
        int code = cl.execute("--help");
        cl.getOut().flush();
        cl.getErr().flush();
        if (code != Main.EXIT_OK || !err.toString().isEmpty()) {
            throw new IllegalStateException("cathodekit --help failed while rendering the usage text (exit "
                    + code + "): " + err);
        }
        return out.toString().replace(System.lineSeparator(), "\n");
    }

    /**
     * Writes the usage text as {@link #RESOURCE} under a classes folder.
     *
     * @param args one argument: the classes folder (Maven's {@code project.build.outputDirectory})
     * @throws IOException when the resource cannot be written
     */
    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            throw new IllegalArgumentException("usage: UsageText <classes folder>; got " + args.length + " arguments");
        }
        Path target = Path.of(args[0], RESOURCE.substring(1));
        AtomicFiles.writeString(target, render());
    }
}
