package dev.retort.cli;

import dev.retort.fixtures.db.MariaDbTestDatabase;

/**
 * The runner of {@link MariaDbRunnerTest} on a MySQL server, through the real command line: a migration failing
 * halfway recorded statement by statement, resumed after the fix and undone, the history telling the truth; the
 * operations that ran undone through their reverses; an identity column with its key; {@code GET_LOCK} held by
 * another session, named, and released by {@code KILL}; literals under {@code NO_BACKSLASH_ESCAPES} (without the script's part). Two are
 * MariaDB's own and not run here: the offline script (its guard blocks are {@code BEGIN NOT ATOMIC}, which MySQL
 * has no form of), and a column's own check (MySQL has no column-level checks).
 */
class MySqlRunnerTest extends MariaDbRunnerTest {
    @Override
    MariaDbTestDatabase server() {
        return MariaDbTestDatabase.mysql();
    }

    @Override
    boolean scripts() {
        return false;
    }

    /** MySQL keeps the parenthesised literal as an expression, its quotes and backslash escaped when shown. */
    @Override
    String storedSepDefault() {
        return "_utf8mb4\\'\\\\\\\\\\'";
    }

    /** MariaDB's own: the script's blocks are {@code BEGIN NOT ATOMIC}. */
    @Override
    void stampThenAnOfflineScriptAppliedWithTheMariadbClient() {}

    /** MariaDB's own: MySQL keeps a column's check as its table's, and a {@code MODIFY} leaves it. */
    @Override
    void aColumnChangeThatWouldDropTheColumnsOwnCheckIsRefusedBeforeItRuns() {}
}
