package dev.retort.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class DriverPrewarmTest {
    /** The canned exchange still satisfies the driver: start-up, its setting, a query and its row. */
    @Test
    void theDriverConnectsToTheInMemoryServerAndReadsTheRow() {
        assertTrue(DriverPrewarm.run(), "the PostgreSQL driver no longer accepts the canned exchange; see DriverPrewarm");
    }
}
