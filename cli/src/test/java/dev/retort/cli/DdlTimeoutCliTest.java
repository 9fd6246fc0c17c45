package dev.retort.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.retort.fixtures.db.Psql;
import dev.retort.fixtures.db.TestDatabase;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** {@code lock.ddl-timeout} through the command line: a blocked upgrade fails fast and says what to do. */
class DdlTimeoutCliTest {
    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    @RegisterExtension
    static final TestDatabase offline = new TestDatabase();

    @TempDir
    Path workDir;

    private Cli project(TestDatabase database, String name, String keys) {
        Cli cli = new Cli(workDir.resolve(name));
        cli.write("retort.properties", "url = " + database.url() + "\nmigrations.package = timeouts\n" + keys);
        cli.write("migrations/A.java", """
                package timeouts;
                import static dev.retort.runtime.Ops.column;
                import static dev.retort.runtime.Ops.primaryKey;
                @dev.retort.runtime.Revision(id = "a00000000001", message = "orders")
                public final class A implements dev.retort.runtime.Migration {
                    public void upgrade(dev.retort.runtime.Ops op) {
                        op.createTable("orders", column("id", "bigint").notNull(), primaryKey("id"));
                    }
                    public void downgrade(dev.retort.runtime.Ops op) {
                        op.dropTable("orders", column("id", "bigint").notNull(), primaryKey("id"));
                    }
                }
                """);
        cli.write("migrations/B.java", """
                package timeouts;
                import static dev.retort.runtime.Ops.column;
                @dev.retort.runtime.Revision(id = "b00000000002", revises = "a00000000001", message = "total")
                public final class B implements dev.retort.runtime.Migration {
                    public void upgrade(dev.retort.runtime.Ops op) {
                        op.addColumn("orders", column("total", "numeric(12,2)"));
                    }
                    public void downgrade(dev.retort.runtime.Ops op) {
                        op.dropColumn("orders", column("total", "numeric(12,2)"));
                    }
                }
                """);
        return cli;
    }

    @Test
    void aBlockedUpgradeFailsWithinTheTimeoutAndSucceedsOnceTheBlockerIsGone() throws Exception {
        Cli cli = project(db, "online", "lock.ddl-timeout = 1\n");
        assertEquals(ExitCode.OK, cli.run("upgrade", "a00000000001").code());
        try (Connection blocker = db.connect()) {
            blocker.setAutoCommit(false);
            try (Statement st = blocker.createStatement()) {
                st.execute("SELECT count(*) FROM orders");
            }
            Cli.Result blocked = cli.run("upgrade", "head");
            assertEquals(2, blocked.code(), blocked::toString);
            assertEquals(
                    "error: revision b00000000002 (upgrade): statement 1 failed: ALTER TABLE \"orders\" ADD COLUMN"
                            + " \"total\" numeric(12,2): ERROR: canceling statement due to lock timeout; it waited 1 s"
                            + " (lock.ddl-timeout) for a lock another session holds: retry when that session's"
                            + " transaction has ended, or raise the limit for this migration with"
                            + " @Timeouts(ddl = SECONDS) on class timeouts.B\n",
                    blocked.err());
            assertEquals(List.of("a00000000001"), db.query("SELECT version_num FROM retort_version"));
            blocker.rollback();
        }
        assertEquals(ExitCode.OK, cli.run("upgrade", "head").code());
        assertEquals(List.of("b00000000002"), db.query("SELECT version_num FROM retort_version"));
    }

    @Test
    void theOfflineScriptSetsTheTimeoutsPerMigration() throws Exception {
        Cli cli = project(offline, "offline", "lock.statement-timeout = 600\n");
        Cli.Result up = cli.run("upgrade", "--sql", "head");
        assertEquals(ExitCode.OK, up.code(), up::toString);
        assertTrue(
                up.out()
                        .contains("-- Running upgrade a00000000001 -> b00000000002, total\nBEGIN;\n"
                                + "SET LOCAL lock_timeout = '5s';\nSET LOCAL statement_timeout = '600s';\n"),
                up.out());
        Psql.run(offline, workDir, up.out());
        assertEquals(List.of("b00000000002"), offline.query("SELECT version_num FROM retort_version"));
    }

    @Test
    void aBadTimeoutIsOneLine() {
        Cli cli = project(db, "bad", "lock.ddl-timeout = soon\n");
        Cli.Result bad = cli.run("upgrade", "head");
        assertEquals(2, bad.code(), bad::toString);
        assertEquals("error: lock.ddl-timeout: expected a whole number of seconds, got soon\n", bad.err());
        cli.write("retort.properties", "url = " + db.url() + "\nmigrations.package = timeouts\n");
        Cli.Result negative = cli.run("-x", "lock.statement-timeout=-3", "upgrade", "--sql", "head");
        assertEquals(
                "error: lock.statement-timeout: -3 is out of range: expected 0 to 2147483 seconds\n", negative.err());
    }
}
