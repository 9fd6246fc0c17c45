package dev.retort.cli;

import dev.retort.fixtures.db.MariaDbTestDatabase;

/**
 * The new user's journey and the type changes under foreign keys of {@link MariaDbJourneyTest}, through the real
 * command line on a MySQL server (9.7, which {@code .ci/run} starts): the same migrations, MySQL's catalog read, its
 * entities mapped with Hibernate's MySQL dialect, the statements MySQL has no {@code IF EXISTS} for resolved when they
 * run. The other three journeys are MariaDB's own behaviours (a column-level check that a {@code MODIFY} drops, the
 * zero date it gives a column with {@code ON UPDATE}), which MySQL does not have, and are not run here.
 */
class MySqlJourneyTest extends MariaDbJourneyTest {
    @Override
    MariaDbTestDatabase server() {
        return MariaDbTestDatabase.mysql();
    }

    /** MySQL has no form of MariaDB's online foreign key (validated in a block): refused, so run checked here. */
    @Override
    boolean online() {
        return false;
    }

    /** MariaDB's own: MySQL keeps a column's check as its table's, and a {@code MODIFY} leaves it. */
    @Override
    void aColumnLevelCheckIsDroppedByRewritingItsColumn() {}

    /** MariaDB's own: MySQL gives a {@code NOT NULL} column with {@code ON UPDATE} no zero date for a default. */
    @Override
    void aDefaultDroppedFromAColumnKeepingItsOnUpdateChecksClean() {}

    /** MariaDB's own: the test takes the checks off by a {@code MODIFY}, which leaves them on MySQL. */
    @Override
    void unnamedChecksAddedToATableAreDroppedAgainByTheDowngrade() {}
}
