package dev.retort.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.retort.fixtures.db.MariaDbTestDatabase;
import dev.retort.fixtures.shop.Shop;
import org.junit.jupiter.api.Test;

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

    /** MariaDB's own: MySQL keeps a column's check as its table's, and a {@code MODIFY} leaves it. */
    @Override
    void aColumnLevelCheckIsDroppedByRewritingItsColumn() {}

    /** MariaDB's own: MySQL gives a {@code NOT NULL} column with {@code ON UPDATE} no zero date for a default. */
    @Override
    void aDefaultDroppedFromAColumnKeepingItsOnUpdateChecksClean() {}

    /** MariaDB's own: the test takes the checks off by a {@code MODIFY}, which leaves them on MySQL. */
    @Override
    void unnamedChecksAddedToATableAreDroppedAgainByTheDowngrade() {}

    /**
     * {@code safety = online} on MySQL: the shop's tables are created by {@code revision} and {@code check --format json}
     * documents the online forms as on MariaDB (MySqlOnlineFormsTest runs each form; only the online primary key, which
     * MySQL cannot undo, is refused there).
     */
    @Test
    void safetyOnlineWritesTheOnlineFormsOnMySql() throws Exception {
        Cli cli = new Cli(workDir);
        cli.configure(db.url(), Shop.V1, "snake");
        cli.write("retort.properties", cli.read("retort.properties") + "safety = online\n");
        Cli.Result json = cli.run("check", "--format", "json");
        assertEquals(ExitCode.FOUND, json.code(), json::toString);
        assertTrue(json.out().contains("\"safety\": \"online\""), json::toString);
        Cli.Result revision = cli.run("revision", "--autogenerate", "-m", "create");
        assertEquals(ExitCode.OK, revision.code(), revision::toString);
        assertEquals(ExitCode.OK, cli.run("upgrade", "head").code());
        assertEquals(Cli.CLEAN_CHECK, cli.run("check"));
    }
}
