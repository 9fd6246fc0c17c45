package dev.retort.cli;

import dev.retort.fixtures.db.MariaDbTestDatabase;

/** The test of {@link MariaDbUnnamedKeysTest} on a MySQL server (9.7, which {@code .ci/run} starts). */
class MySqlUnnamedKeysTest extends MariaDbUnnamedKeysTest {
    @Override
    MariaDbTestDatabase server() {
        return MariaDbTestDatabase.mysql();
    }
}
