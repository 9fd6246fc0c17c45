package dev.retort.cli;

import dev.retort.fixtures.db.MariaDbTestDatabase;

/** The tests of {@link MariaDbDevDatabaseTest} on a MySQL server (9.7, which {@code .ci/run} starts). */
class MySqlDevDatabaseTest extends MariaDbDevDatabaseTest {
    @Override
    MariaDbTestDatabase server() {
        return MariaDbTestDatabase.mysql();
    }
}
