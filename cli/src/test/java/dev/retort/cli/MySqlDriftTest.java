package dev.retort.cli;

import dev.retort.fixtures.db.MariaDbTestDatabase;

/** The tests of {@link MariaDbDriftTest} on a MySQL server (9.7, which {@code .ci/run} starts). */
class MySqlDriftTest extends MariaDbDriftTest {
    @Override
    MariaDbTestDatabase server() {
        return MariaDbTestDatabase.mysql();
    }
}
