package dev.retort.cli;

import dev.retort.fixtures.db.MariaDbTestDatabase;

/**
 * The tests of {@link MariaDbKeptColumnsTest} on a MySQL server (9.7, which {@code .ci/run} starts): a {@code MODIFY}
 * there loses what the migration does not name as on MariaDB, and the runner keeps it. The offline script's test is
 * MariaDB's own ({@code --sql} scripts are not yet written for MySQL).
 */
class MySqlKeptColumnsTest extends MariaDbKeptColumnsTest {
    @Override
    MariaDbTestDatabase server() {
        return MariaDbTestDatabase.mysql(2);
    }

    /** MariaDB's own: its script's blocks are {@code BEGIN NOT ATOMIC}, which MySQL has no form of. */
    @Override
    void anOfflineScriptKeepsThemAsAnOnlineRunDoes() {}
}
