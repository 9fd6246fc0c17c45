package dev.retort.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.retort.fixtures.db.MariaDbTestDatabase;
import dev.retort.fixtures.shop.Shop;
import java.nio.file.Files;
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

    /**
     * {@code safety = online} writes MariaDB's online forms, which MySQL has none of or runs otherwise: {@code revision}
     * is refused in one line before it writes anything, and so is {@code check}'s document of the forms (its error
     * document); plain {@code check} lists the operations as ever.
     */
    @Test
    void safetyOnlineIsRefusedInOneLineOnMySql() throws Exception {
        Cli cli = new Cli(workDir);
        cli.configure(db.url(), Shop.V1, "snake");
        cli.write("retort.properties", cli.read("retort.properties") + "safety = online\n");
        String refused = "error: safety = online writes MariaDB's online forms, which MySQL has none of or runs"
                + " otherwise (an unchecked foreign key validated apart, SET NOT NULL proved by a check first, a primary"
                + " key built on a unique index first); set safety = simple for a MySQL database\n";
        assertEquals(
                new Cli.Result(ExitCode.ERROR, "", refused), cli.run("revision", "--autogenerate", "-m", "create"));
        assertFalse(
                Files.exists(workDir.resolve("migrations"))
                        && Files.list(workDir.resolve("migrations")).findAny().isPresent(),
                "nothing written");
        Cli.Result json = cli.run("check", "--format", "json");
        assertEquals(ExitCode.ERROR, json.code(), json::toString);
        assertEquals(refused, json.err());
        assertTrue(json.out().contains("\"error\": \"safety = online writes MariaDB's online forms"), json::toString);
        assertEquals(ExitCode.FOUND, cli.run("check").code());
    }
}
