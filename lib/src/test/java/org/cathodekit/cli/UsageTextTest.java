package org.cathodekit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URL;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import org.cathodekit.core.CathodeKit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import picocli.CommandLine;

/**
 * The start-up fast path ({@link Main#staticOutput}, issue 15) prints exactly what picocli prints.
 * The oracle is picocli itself on the live model ({@link Main#run}), never a stored copy, so a
 * changed description, option or subcommand fails these tests until the build re-renders the text.
 */
class UsageTextTest {

    /** The argument forms the fast path serves; {@code ""} stands for no arguments. */
    private static final List<String> FAST_FORMS = List.of("", "-h", "--help", "-V", "--version");

    /** A class from picocli or java.sql (picocli's converters) in a {@code -Xlog:class+load} line. */
    private static final Pattern PICOCLI_OR_SQL_CLASS = Pattern.compile("\\] (picocli|java\\.sql)\\.");

    private static String[] args(String form) {
        return form.isEmpty() ? new String[0] : new String[] {form};
    }

    /** What the picocli path prints for {@code args}, asserting exit code 0 and nothing on stderr. */
    private static String picocliOutput(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        assertEquals(Main.EXIT_OK, Main.run(new PrintWriter(out), new PrintWriter(err), args), err.toString());
        assertEquals("", err.toString());
        return out.toString();
    }

    private static String usageResource() throws IOException {
        try (InputStream in = Main.class.getResourceAsStream(UsageText.RESOURCE)) {
            assertNotNull(in, UsageText.RESOURCE + " is missing: process-classes (exec-maven-plugin) did not run");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "-h", "--help", "-V", "--version"})
    void fastPathIsIdenticalToPicocli(String form) {
        // the test JVM's output is not a terminal, so picocli prints without colours, as the fast path assumes
        assertTrue(Main.plainOutput(), "the test JVM must not have a terminal, CLICOLOR_FORCE or picocli.* properties");
        String fast = Main.staticOutput(args(form));
        assertNotNull(fast, "no fast path for '" + form + "'");
        assertEquals(picocliOutput(args(form)), fast);
    }

    @Test
    void usageResourceIsInTheBuiltClassesAndRenderedFromTheLiveModel() throws IOException {
        URL url = Main.class.getResource(UsageText.RESOURCE);
        assertNotNull(url, UsageText.RESOURCE);
        assertEquals("file", url.getProtocol(), url.toString());
        assertTrue(url.getPath().endsWith("/classes" + UsageText.RESOURCE), url.toString());
        assertEquals(UsageText.render(), usageResource());
        for (Class<?> c : Main.SUBCOMMANDS) {
            String name = c.getAnnotation(CommandLine.Command.class).name();
            assertTrue(usageResource().contains("\n  " + name + " "), "usage text lacks " + name);
        }
    }

    @Test
    void aChangedDescriptionChangesTheRenderedText() throws IOException {
        // the comparison above is sensitive: one changed subcommand description renders differently
        StringWriter out = new StringWriter();
        CommandLine cl = Main.commandLine(new PrintWriter(out), new PrintWriter(new StringWriter()), "--help");
        cl.getSubcommands().get("gitt").getCommandSpec().usageMessage().description("Li diffusivity, reworded.");
        cl.setColorScheme(CommandLine.Help.defaultColorScheme(CommandLine.Help.Ansi.OFF));
        assertEquals(Main.EXIT_OK, cl.execute("--help"));
        cl.getOut().flush();
        assertTrue(out.toString().contains("Li diffusivity, reworded."), out.toString());
        assertNotEquals(usageResource(), out.toString());
    }

    @Test
    void versionLineNamesTheLibraryAndTheRunningJdk() {
        assertEquals("cathodekit " + CathodeKit.version() + " (JDK " + System.getProperty("java.version") + ")\n",
                Main.staticOutput("--version"));
        assertFalse(CathodeKit.version().equals("unknown"), "version.properties not filtered");
    }

    @Test
    void otherArgumentsAndAMissingResourceTakeThePicocliPath() {
        for (String[] a : new String[][] {{"help"}, {"--HELP"}, {"--help", "gitt"}, {"gitt", "--help"}, {"-hV"}, {"info"}}) {
            assertNull(Main.staticOutput(a), String.join(" ", a));
        }
        assertNull(Main.staticOutputWithUsage("/org/cathodekit/cli/no-such-usage.txt", "--help"));
        assertNull(Main.staticOutputWithUsage("/org/cathodekit/cli/no-such-usage.txt"));
        assertEquals(Main.staticOutput("-V"), Main.staticOutputWithUsage("/org/cathodekit/cli/no-such-usage.txt", "-V"));
    }

    /** Runs {@code Main} in a fresh JVM, stdout to a file (not a terminal); returns the exit code. */
    private static int runMain(Path dir, String form, String... jvmOptions) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-Xlog:class+load:file=" + dir.resolve("classes.log")));
        cmd.addAll(List.of(jvmOptions));
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), Main.class.getName()));
        cmd.addAll(List.of(args(form)));
        Process p = new ProcessBuilder(cmd)
                .redirectOutput(dir.resolve("out.txt").toFile())
                .redirectError(dir.resolve("err.txt").toFile())
                .start();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "cathodekit " + form + " did not finish");
        return p.exitValue();
    }

    @Test
    void mainExitsZeroWithPicocliBytesAndLoadsNoPicocliClass(@TempDir Path tmp) throws Exception {
        for (String form : FAST_FORMS) {
            Path dir = Files.createDirectories(tmp.resolve("form" + FAST_FORMS.indexOf(form)));
            assertEquals(Main.EXIT_OK, runMain(dir, form), Files.readString(dir.resolve("err.txt")));
            assertEquals("", Files.readString(dir.resolve("err.txt")));
            assertEquals(picocliOutput(args(form)), Files.readString(dir.resolve("out.txt"), Charset.defaultCharset()), form);
            List<String> loaded = Files.readAllLines(dir.resolve("classes.log"));
            assertTrue(loaded.stream().anyMatch(l -> l.contains("] " + Main.class.getName() + " ")), "class log is empty");
            assertTrue(loaded.stream().noneMatch(l -> PICOCLI_OR_SQL_CLASS.matcher(l).find()),
                    "'" + form + "' loaded " + loaded.stream().filter(l -> PICOCLI_OR_SQL_CLASS.matcher(l).find()).findFirst());
        }
    }

    @Test
    void aPicocliPropertyTakesThePicocliPathWithTheSameBytes(@TempDir Path tmp) throws Exception {
        // picocli.usage.width=80 is picocli's default width: the same text, but through picocli (the
        // class-log check above would see picocli here, so it is not vacuous)
        assertEquals(Main.EXIT_OK, runMain(tmp, "--help", "-Dpicocli.usage.width=80"),
                Files.readString(tmp.resolve("err.txt")));
        assertEquals(picocliOutput("--help"), Files.readString(tmp.resolve("out.txt"), Charset.defaultCharset()));
        assertTrue(Files.readAllLines(tmp.resolve("classes.log")).stream().anyMatch(l -> l.contains("] picocli.CommandLine ")));
    }
}
