package dev.retort.cli;

import dev.retort.fixtures.db.MariaDbTestDatabase;

/** The tests of {@link MariaDbBaselineTest} on a MySQL server (9.7, which {@code .ci/run} starts). */
class MySqlBaselineTest extends MariaDbBaselineTest {
    @Override
    MariaDbTestDatabase server() {
        return MariaDbTestDatabase.mysql(2);
    }
}
