package dev.retort.adversarial;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.retort.cli.Cli;
import dev.retort.cli.ExitCode;
import dev.retort.fixtures.db.TestDatabase;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The runner's backend is terminated in the middle of a migration (an administrator, a failover, a
 * server restart): the error names the revision and the statement, says what stays committed, and
 * the version table stays at the last good revision.
 */
class TerminatedBackendTest {
    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    @TempDir
    Path dir;

    Cli cli;

    @BeforeEach
    void project() throws SQLException {
        db.reset();
        cli = new Cli(dir);
        cli.configure(db, "dev.retort.fixtures.shop.v1", "snake");
        migration("R1", "a00000000001", null, "op.execute(\"CREATE TABLE t1 (id integer)\");");
    }

    private void migration(String name, String id, String revises, String upgrade) {
        cli.write(
                "migrations/" + name + ".java",
                "package com.example.migrations;\n"
                        + "@dev.retort.runtime.Revision(id = \"" + id + "\""
                        + (revises == null ? "" : ", revises = \"" + revises + "\"")
                        + ", message = \"" + name + "\")\n"
                        + "public final class " + name + " implements dev.retort.runtime.Migration {\n"
                        + "    public void upgrade(dev.retort.runtime.Ops op) { " + upgrade + " }\n"
                        + "    public void downgrade(dev.retort.runtime.Ops op) { }\n"
                        + "}\n");
    }

    /** Runs {@code upgrade head} and terminates the backend once it runs the statement containing {@code marker}. */
    private Cli.Result upgradeKilledDuring(String marker) throws Exception {
        CompletableFuture<Cli.Result> run = CompletableFuture.supplyAsync(() -> cli.run("upgrade", "head"));
        try (Connection admin = db.connect();
                Statement st = admin.createStatement()) {
            for (int i = 0; i < 200; i++) {
                try (ResultSet rs = st.executeQuery(
                        "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE pid <> pg_backend_pid() "
                                + "AND datname = current_database() AND state = 'active' AND query LIKE '%" + marker
                                + "%' "
                                + "AND query NOT LIKE '%pg_stat_activity%'")) {
                    if (rs.next()) return run.get(30, TimeUnit.SECONDS);
                }
                Thread.sleep(50);
            }
        }
        throw new AssertionError("the statement never ran: " + run.get(30, TimeUnit.SECONDS));
    }

    @Test
    void errorNamesRevisionAndStatementAndTheVersionTableStaysAtTheLastGoodRevision() throws Exception {
        migration(
                "R2",
                "b00000000002",
                "a00000000001",
                "op.execute(\"CREATE TABLE t2 (id integer)\"); op.execute(\"SELECT pg_sleep(30) AS terminated_here\");");
        Cli.Result result = upgradeKilledDuring("terminated_here");
        assertEquals(ExitCode.ERROR, result.code(), result::toString);
        assertEquals(
                "error: revision b00000000002 (upgrade): statement 2 failed: SELECT pg_sleep(30) AS terminated_here: the connection "
                        + "to the database was lost (FATAL: terminating connection due to administrator command); the server rolled back the "
                        + "open transaction, the version table stays at a00000000001",
                result.err().strip());
        assertEquals("a00000000001", cli.run("current").out().strip());
        assertEquals(List.of("t1"), tables());
    }

    @Test
    void afterAnAutocommitBlockTheErrorSaysWhatStaysCommitted() throws Exception {
        migration(
                "R2",
                "b00000000002",
                "a00000000001",
                "op.autocommit(a -> a.execute(\"CREATE INDEX CONCURRENTLY t1_id ON t1 (id)\"));"
                        + " op.execute(\"SELECT pg_sleep(30) AS terminated_here\");");
        Cli.Result result = upgradeKilledDuring("terminated_here");
        assertEquals(ExitCode.ERROR, result.code(), result::toString);
        assertEquals(
                "error: revision b00000000002 (upgrade): statement 2 failed: SELECT pg_sleep(30) AS terminated_here: the connection "
                        + "to the database was lost (FATAL: terminating connection due to administrator command); the server rolled back the "
                        + "open transaction; statements 1-1 of this migration were committed before the failure (autocommit block) and stay "
                        + "applied, the version table stays at a00000000001",
                result.err().strip());
        assertEquals("a00000000001", cli.run("current").out().strip());
        try (Connection c = db.connect();
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT count(*) FROM pg_indexes WHERE indexname = 't1_id'")) {
            rs.next();
            assertEquals(1, rs.getInt(1), "the autocommit block's index stays");
        }
    }

    @Test
    void inAOneTransactionRunTheWholeRunIsRolledBack() throws Exception {
        cli.write("retort.properties", cli.read("retort.properties") + "transaction.per-migration = false\n");
        migration("R2", "b00000000002", "a00000000001", "op.execute(\"SELECT pg_sleep(30) AS terminated_here\");");
        Cli.Result result = upgradeKilledDuring("terminated_here");
        assertEquals(ExitCode.ERROR, result.code(), result::toString);
        assertTrue(
                result.err()
                        .startsWith(
                                "error: revision b00000000002 (upgrade): statement 1 failed: SELECT pg_sleep(30) AS "
                                        + "terminated_here: the connection to the database was lost"),
                result::toString);
        assertTrue(
                result.err().strip().endsWith("; the whole run was rolled back, the database stays at base"),
                result::toString);
        assertEquals("", cli.run("current").out().strip());
        assertEquals(List.of(), tables());
    }

    @Test
    void theNextRunCompletes() throws Exception {
        migration("R2", "b00000000002", "a00000000001", "op.execute(\"SELECT pg_sleep(30) AS terminated_here\");");
        upgradeKilledDuring("terminated_here");
        migration("R2", "b00000000002", "a00000000001", "op.execute(\"CREATE TABLE t2 (id integer)\");");
        Cli.Result result = cli.run("upgrade", "head");
        assertEquals(ExitCode.OK, result.code(), result::toString);
        assertEquals("b00000000002 (head)", cli.run("current").out().strip());
    }

    @Test
    void lostWhileWaitingForTheLock() throws Exception {
        try (Connection holder = db.connect();
                Statement st = holder.createStatement()) {
            st.execute("SELECT pg_advisory_lock(" + 0x52657472 + ", " + "public.retort_version".hashCode() + ")");
            Cli.Result result = upgradeKilledDuring("pg_advisory_lock(");
            assertEquals(ExitCode.ERROR, result.code(), result::toString);
            assertEquals(
                    "error: lost the connection while waiting for the migration lock for public.retort_version: FATAL: terminating "
                            + "connection due to administrator command",
                    result.err().strip());
        }
        assertEquals("", cli.run("current").out().strip());
    }

    private static List<String> tables() throws SQLException {
        List<String> names = new ArrayList<>();
        try (Connection c = db.connect();
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery(
                        "SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename LIKE 't%' "
                                + "ORDER BY 1")) {
            while (rs.next()) names.add(rs.getString(1));
        }
        return names;
    }
}
