package dev.retort.mariadb;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The training run's jOOQ-meta read, against no server. */
class JooqPrewarmTest {
    /**
     * jOOQ-meta reads the made-up table and both its keys: a jOOQ whose queries the mock no longer answers
     * (another catalog table, another key query) fails here instead of leaving the archive without jOOQ.
     */
    @Test
    void jooqMetaReadsTheMockedCatalog() {
        assertTrue(JooqPrewarm.run());
        assertTrue(JooqPrewarm.run(), "a second run, on initialised classes");
    }
}
