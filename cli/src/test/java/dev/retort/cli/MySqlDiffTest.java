package dev.retort.cli;

import dev.retort.fixtures.db.MariaDbTestDatabase;

/**
 * The Alembic checklist of {@link MariaDbDiffTest} between two databases of a MySQL server (9.7, which {@code
 * .ci/run} starts): the same scenarios and round trips, with {@code diff --sql}'s script written for MySQL (each
 * {@code DROP ... IF EXISTS} made from the catalog when it runs). The tests of what only MariaDB does (a column's own
 * check, json's validity check, sequences) are left out, each with its reason.
 */
class MySqlDiffTest extends MariaDbDiffTest {
    @Override
    MariaDbTestDatabase server() {
        return MariaDbTestDatabase.mysql(2);
    }

    @Override
    boolean onMySql() {
        return true;
    }

    /** MariaDB's own: MySQL keeps a column's check as its table's, and a {@code MODIFY} leaves it. */
    @Override
    void columnLevelChecksAreDroppedByTheirColumnsModifyAndKeptAcrossATypeChange() {}

    /** MariaDB's own: MySQL's json is a type of its own, with no {@code json_valid} check. */
    @Override
    void aJsonColumnKeepsItsValidityCheckWhenItChanges() {}

    /** MariaDB's own: MySQL's json is a type of its own, with no {@code json_valid} check. */
    @Override
    void aJsonColumnMadeInvisibleKeepsItsValidityCheck() {}

    /** MariaDB's own: MySQL refuses to rename a column a check uses, and has no column's own check to keep. */
    @Override
    void columnsRenamedWithTheirOwnChecksKeepThemWhenTheyChange() {}
}
