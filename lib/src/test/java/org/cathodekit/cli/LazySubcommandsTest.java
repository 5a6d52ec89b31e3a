package org.cathodekit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;

import org.junit.jupiter.api.Test;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Only the invoked subcommand gets a full picocli model; listings and suggestions still see them all. */
class LazySubcommandsTest {

    @Test
    void invokedSubcommandIsFullOthersAreStubs() {
        CommandLine cl = Main.commandLine(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()),
                "gitt", "--input", "x.csv");
        assertInstanceOf(GittCommand.class, cl.getSubcommands().get("gitt").getCommandSpec().userObject());
        for (Class<?> c : Main.SUBCOMMANDS) {
            String name = c.getAnnotation(Command.class).name();
            assertTrue(cl.getSubcommands().containsKey(name), name + " not registered");
            if (!name.equals("gitt")) {
                assertFalse(c.isInstance(cl.getSubcommands().get(name).getCommandSpec().userObject()),
                        name + " got a full model although 'gitt' was invoked");
            }
        }
    }

    @Test
    void helpListsEverySubcommandWithItsDescription() {
        StringWriter out = new StringWriter();
        int code = Main.run(new PrintWriter(out), new PrintWriter(new StringWriter()), "--help");
        assertEquals(0, code);
        for (Class<?> c : Main.SUBCOMMANDS) {
            Command a = c.getAnnotation(Command.class);
            assertTrue(out.toString().contains(a.name()), "--help lacks " + a.name());
            String firstWords = a.description()[0].split(" ")[0];
            assertTrue(out.toString().contains(firstWords), "--help lacks the description of " + a.name());
        }
    }

    @Test
    void helpCommandAndTyposStillWork() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        assertEquals(0, Main.run(new PrintWriter(out), new PrintWriter(err), "help", "tga"));
        assertTrue(out.toString().contains("--input"), out.toString());
        StringWriter err2 = new StringWriter();
        assertEquals(2, Main.run(new PrintWriter(new StringWriter()), new PrintWriter(err2), "gitx"));
        assertTrue(err2.toString().contains("gitx"), err2.toString());
    }
}
