package dev.retort.cli;

import dev.retort.fixtures.db.MariaDbTestDatabase;

/**
 * The seeded random round of {@link MariaDbRandomPairsTest} on a MySQL server: the same schema pairs and mutations,
 * each with the operation line written down before the two databases are made and read, and the up and down round
 * trip of the rendered SQL, run as the runner runs it on MySQL. What MySQL has not, the round does not draw: {@code
 * COMPRESSED} columns and literal {@code text} defaults; its json is a type of its own, without a check.
 */
class MySqlRandomPairsTest extends MariaDbRandomPairsTest {
    @Override
    MariaDbTestDatabase server() {
        return MariaDbTestDatabase.mysql(2);
    }

    @Override
    boolean onMySql() {
        return true;
    }
}
