package dev.retort.cli;

import dev.retort.fixtures.db.MariaDbTestDatabase;

/**
 * The runner of {@link MariaDbRunnerTest} on a MySQL server, through the real command line: a migration failing
 * halfway recorded statement by statement, resumed after the fix and undone, the history telling the truth; the
 * operations that ran undone through their reverses; an identity column with its key; {@code GET_LOCK} held by
 * another session, named, and released by {@code KILL}; literals under {@code NO_BACKSLASH_ESCAPES}; {@code stamp}
 * then an offline script, MySQL's (from the project's {@code jdbc:mysql:} URL: each block a procedure), applied with
 * the client. A column's own check is MariaDB's own and not run here (MySQL has no column-level checks).
 */
class MySqlRunnerTest extends MariaDbRunnerTest {
    @Override
    MariaDbTestDatabase server() {
        return MariaDbTestDatabase.mysql();
    }

    /** A {@code jdbc:mysql:} URL, as a MySQL user writes it, from which the offline scripts are MySQL's. */
    @Override
    String url() {
        return db.url().replace("jdbc:mariadb:", "jdbc:mysql:");
    }

    @Override
    String blockStart() {
        return "DELIMITER $$\nCREATE PROCEDURE retort_script_block()\nBEGIN\n";
    }

    /** MySQL keeps the parenthesised literal as an expression, its quotes and backslash escaped when shown. */
    @Override
    String storedSepDefault() {
        return "_utf8mb4\\'\\\\\\\\\\'";
    }

    /** MariaDB's own: MySQL keeps a column's check as its table's, and a {@code MODIFY} leaves it. */
    @Override
    void aColumnChangeThatWouldDropTheColumnsOwnCheckIsRefusedBeforeItRuns() {}
}
