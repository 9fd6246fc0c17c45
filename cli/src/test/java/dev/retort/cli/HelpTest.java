package dev.retort.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine.Command;

/** Every subcommand prints its usage and exits 0 for {@code SUBCOMMAND --help} and {@code help SUBCOMMAND}. */
class HelpTest {
    @TempDir
    Path workDir;

    @Test
    void everySubcommandHasHelp() {
        Cli cli = new Cli(workDir);
        assertTrue(RetortCommand.SUBCOMMANDS.size() > 10, "the command model lists the subcommands");
        for (Class<?> subcommand : RetortCommand.SUBCOMMANDS) {
            String name = subcommand.getAnnotation(Command.class).name();
            Cli.Result asked = cli.run(name, "--help");
            assertEquals(ExitCode.OK, asked.code(), asked::toString);
            assertTrue(asked.out().startsWith("Usage: retort " + name), asked::toString);
            assertEquals("", asked.err(), asked::toString);
            Cli.Result viaHelp = cli.run("help", name);
            assertEquals(ExitCode.OK, viaHelp.code(), viaHelp::toString);
            assertEquals(asked.out(), viaHelp.out(), name);
            assertEquals(asked.out(), cli.run(name, "-h").out(), name);
        }
    }
}
