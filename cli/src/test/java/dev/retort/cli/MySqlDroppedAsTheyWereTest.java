package dev.retort.cli;

import dev.retort.fixtures.db.MariaDbTestDatabase;

/** The test of {@link MariaDbDroppedAsTheyWereTest} on a MySQL server (9.7, which {@code .ci/run} starts). */
class MySqlDroppedAsTheyWereTest extends MariaDbDroppedAsTheyWereTest {
    @Override
    MariaDbTestDatabase server() {
        return MariaDbTestDatabase.mysql();
    }
}
