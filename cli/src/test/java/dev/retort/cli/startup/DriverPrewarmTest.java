package dev.retort.cli.startup;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.retort.Dialect;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DriverPrewarmTest {
    /** The canned exchange still satisfies the driver: start-up, its setting, a query and its row. */
    @Test
    void theDriverConnectsToTheInMemoryServerAndReadsTheRow() {
        assertTrue(
                DriverPrewarm.run(), "the PostgreSQL driver no longer accepts the canned exchange; see DriverPrewarm");
    }

    /** Started for the commands that connect, not for those that never do nor without a command. */
    @Test
    void startedForTheCommandsThatConnect() {
        assertTrue(DriverPrewarm.startFor("current", Map.of(), null));
        assertTrue(DriverPrewarm.startFor("upgrade", Map.of(), null));
        assertFalse(DriverPrewarm.startFor("heads", Map.of(), null));
        assertFalse(DriverPrewarm.startFor(null, Map.of(), null));
    }

    /** Not for a command the early entity read found on MariaDB: PostgreSQL's driver is not used there. */
    @Test
    void notStartedOnMariaDb() {
        assertTrue(DriverPrewarm.startFor("check", Map.of(), Dialect.POSTGRESQL));
        assertFalse(DriverPrewarm.startFor("check", Map.of(), Dialect.MARIADB));
    }
}
