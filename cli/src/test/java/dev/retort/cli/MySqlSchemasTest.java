package dev.retort.cli;

import dev.retort.fixtures.db.MariaDbTestDatabase;

/** The tests of {@link MariaDbSchemasTest} on a MySQL server (9.7, which {@code .ci/run} starts). */
class MySqlSchemasTest extends MariaDbSchemasTest {
    @Override
    MariaDbTestDatabase server() {
        return MariaDbTestDatabase.mysql();
    }
}
