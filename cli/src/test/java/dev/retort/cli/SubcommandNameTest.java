package dev.retort.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

/** Which subcommand the arguments name: Main builds only that one, and starts the warm-ups it needs. */
class SubcommandNameTest {
    @Test
    void theFirstWordThatIsNeitherAnOptionNorAGlobalOptionsValue() {
        assertEquals("check", RetortCommand.subcommandName("check"));
        assertEquals("check", RetortCommand.subcommandName("-c", "other.properties", "check"));
        assertEquals("heads", RetortCommand.subcommandName("--url", "check", "heads"));
        assertEquals("upgrade", RetortCommand.subcommandName("-qc", "other.properties", "upgrade", "head"));
        assertEquals("current", RetortCommand.subcommandName("--config=other.properties", "-x", "schemas=a", "current"));
        assertEquals("revision", RetortCommand.subcommandName("--stacktrace", "revision", "-m", "check"));
    }

    @Test
    void noneWhenOnlyOptionsOrAfterTheEndOfOptions() {
        assertNull(RetortCommand.subcommandName());
        assertNull(RetortCommand.subcommandName("--help"));
        assertNull(RetortCommand.subcommandName("--user", "check"));
        assertNull(RetortCommand.subcommandName("--", "check"));
    }
}
