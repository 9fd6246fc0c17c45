package dev.retort.cli;

import dev.retort.fixtures.db.MariaDbTestDatabase;

/**
 * The tests of {@link MariaDbKeptColumnsTest} on a MySQL server (9.7, which {@code .ci/run} starts): a {@code MODIFY}
 * there loses what the migration does not name as on MariaDB, and the runner keeps it, online and in MySQL's offline
 * script (from the project's {@code jdbc:mysql:} URL).
 */
class MySqlKeptColumnsTest extends MariaDbKeptColumnsTest {
    @Override
    MariaDbTestDatabase server() {
        return MariaDbTestDatabase.mysql(2);
    }

    /** A {@code jdbc:mysql:} URL, from which the offline scripts are MySQL's (each block a procedure). */
    @Override
    String url() {
        return db.url().replace("jdbc:mariadb:", "jdbc:mysql:");
    }
}
