package dev.retort.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.retort.fixtures.db.TestDatabase;
import dev.retort.fixtures.shop.Shop;
import java.nio.file.Path;
import java.sql.SQLException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** A failing migration, an edited one: what the command line says, and how the next run recovers. */
class FailureRecoveryTest {
    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    @TempDir
    Path workDir;

    Cli cli;

    @BeforeEach
    void project() throws SQLException {
        db.reset();
        cli = new Cli(workDir);
        cli.configure(db, Shop.V1, "snake");
    }

    /** Writes migration N (1-based) of a linear history, creating table tN, with extra upgrade statements. */
    private void migration(int n, String extraUpgrade) {
        String id = String.format("%012d", n);
        String parent = n == 1 ? "" : ", revises = \"" + String.format("%012d", n - 1) + "\"";
        cli.write("migrations/M" + n + ".java", """
                package com.example.migrations;
                import static dev.retort.runtime.Ops.column;
                @dev.retort.runtime.Revision(id = "%s"%s, message = "step %d")
                public final class M%d implements dev.retort.runtime.Migration {
                    public void upgrade(dev.retort.runtime.Ops op) {
                        op.createTable("t%d", column("id", "integer"));
                        %s
                    }
                    public void downgrade(dev.retort.runtime.Ops op) {
                        op.dropTable("t%d", column("id", "integer"));
                    }
                }
                """.formatted(id, parent, n, n, n, extraUpgrade, n));
    }

    @Test
    void failingThirdOfFiveStopsAtTheSecondAndTheNextRunPicksUp() {
        for (int n = 1; n <= 5; n++)
            migration(n, n == 3 ? "op.execute(\"INSERT INTO t3 (id) VALUES ('three')\");" : "");
        Cli.Result failed = cli.run("upgrade", "head");
        assertEquals(ExitCode.ERROR, failed.code(), failed::toString);
        assertEquals(
                "error: revision 000000000003 (upgrade): statement 2 failed: INSERT INTO t3 (id) VALUES ('three'): "
                        + "ERROR: invalid input syntax for type integer: \"three\" Position: 29\n",
                failed.err());
        assertEquals("000000000002\n", cli.run("current").out());

        migration(3, "op.execute(\"INSERT INTO t3 (id) VALUES (3)\");");
        Cli.Result fixed = cli.run("upgrade", "head");
        assertEquals(ExitCode.OK, fixed.code(), fixed::toString);
        assertEquals(
                "Running upgrade 000000000002 -> 000000000003, step 3\n"
                        + "Running upgrade 000000000003 -> 000000000004, step 4\n"
                        + "Running upgrade 000000000004 -> 000000000005, step 5\n",
                fixed.out());
        assertEquals("000000000005 (head)\n", cli.run("current").out());
    }

    @Test
    void editingAnAppliedMigrationStopsUpgradeAndValidateUntilAccepted() {
        migration(1, "");
        migration(2, "");
        assertEquals(ExitCode.OK, cli.run("upgrade", "+1").code());
        assertEquals(
                new Cli.Result(ExitCode.OK, "All applied revisions match their migrations.\n", ""),
                cli.run("validate"));

        migration(1, "op.execute(\"INSERT INTO t1 (id) VALUES (1)\");");
        String message =
                "revision 000000000001 (migrations/M1.java) was edited after it was applied: it no longer does what ran; "
                        + "undo the edit, or accept it deliberately with 'retort validate --accept 000000000001'";
        Cli.Result upgrade = cli.run("upgrade", "head");
        assertEquals(new Cli.Result(ExitCode.ERROR, "", "error: " + message + "\n"), upgrade);
        assertEquals(new Cli.Result(ExitCode.FOUND, "edited: " + message + "\n", ""), cli.run("validate"));
        assertEquals("000000000001\n", cli.run("current").out());

        Cli.Result accepted = cli.run("validate", "--accept", "00000000000" + "1");
        assertEquals(
                new Cli.Result(
                        ExitCode.OK,
                        "Accepted the current content of revision 000000000001.\n"
                                + "All applied revisions match their migrations.\n",
                        ""),
                accepted);
        assertEquals(ExitCode.OK, cli.run("upgrade", "head").code());
    }

    @Test
    void validateReportsUnknownRevisions() throws SQLException {
        migration(1, "");
        assertEquals(ExitCode.OK, cli.run("upgrade", "head").code());
        db.execute("UPDATE retort_version SET version_num = 'feedfacecafe'");
        Cli.Result result = cli.run("validate");
        assertEquals(ExitCode.FOUND, result.code(), result::toString);
        assertTrue(
                result.out()
                        .startsWith("unknown: the database is at revision feedfacecafe, which no migration declares"),
                result::toString);
    }

    @Test
    void historyAndVersionTablesAreNeverReportedByCheck() {
        assertEquals(
                ExitCode.OK,
                cli.run("revision", "--autogenerate", "-m", "create").code());
        assertEquals(ExitCode.OK, cli.run("upgrade", "head").code());
        assertEquals(Cli.CLEAN_CHECK, cli.run("check"));
    }
}
