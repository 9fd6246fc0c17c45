package dev.retort.cli.startup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

/** Which subcommand the arguments name: Main builds only that one, and starts the warm-ups it needs. */
class QuickLookTest {
    @Test
    void theFirstWordThatIsNeitherAnOptionNorAGlobalOptionsValue() {
        assertEquals("check", QuickLook.subcommandName("check"));
        assertEquals("check", QuickLook.subcommandName("-c", "other.properties", "check"));
        assertEquals("heads", QuickLook.subcommandName("--url", "check", "heads"));
        assertEquals("upgrade", QuickLook.subcommandName("-qc", "other.properties", "upgrade", "head"));
        assertEquals("upgrade", QuickLook.subcommandName("-qx", "schemas=a", "upgrade", "head"));
        assertEquals("current", QuickLook.subcommandName("--config=other.properties", "-x", "schemas=a", "current"));
        assertEquals("revision", QuickLook.subcommandName("--stacktrace", "revision", "-m", "check"));
    }

    @Test
    void noneWhenOnlyOptionsOrAfterTheEndOfOptions() {
        assertNull(QuickLook.subcommandName());
        assertNull(QuickLook.subcommandName("--help"));
        assertNull(QuickLook.subcommandName("--user", "check"));
        assertNull(QuickLook.subcommandName("--", "check"));
    }
}
