package dev.retort.adversarial;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.retort.cli.Cli;
import dev.retort.cli.ExitCode;
import dev.retort.fixtures.db.TestDatabase;
import dev.retort.runtime.Retort;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A runner whose role has a short {@code statement_timeout} still waits {@code lock.timeout} for
 * the lock (replicas of an application with {@code ALTER ROLE app SET statement_timeout} used to
 * fail after the role's timeout); a lock.timeout PostgreSQL cannot wait is refused when read.
 */
class StatementTimeoutWaitTest {
    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    /** The lock key of the default version table, as the runner computes it. */
    private static final String LOCK =
            "pg_advisory_lock(" + 0x52657472 + ", " + "public.retort_version".hashCode() + ")";

    @TempDir
    Path dir;

    Cli cli;
    String role;

    @BeforeEach
    void impatientRole() throws SQLException {
        db.reset();
        role = "retort_impatient_"
                + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        db.execute("CREATE ROLE " + role + " LOGIN");
        db.execute("ALTER ROLE " + role + " SET statement_timeout = '1s'");
        db.execute("GRANT CREATE, USAGE ON SCHEMA public TO " + role);
        cli = new Cli(dir);
        cli.configure(db, "dev.retort.fixtures.shop.v1", "snake");
        cli.write("migrations/R1.java", """
                package com.example.migrations;
                @dev.retort.runtime.Revision(id = "a00000000001", message = "one")
                public final class R1 implements dev.retort.runtime.Migration {
                    public void upgrade(dev.retort.runtime.Ops op) { op.execute("CREATE TABLE t1 (id integer)"); }
                    public void downgrade(dev.retort.runtime.Ops op) { op.execute("DROP TABLE t1"); }
                }
                """);
    }

    @AfterEach
    void dropRole() throws SQLException {
        db.execute("DROP OWNED BY " + role);
        db.execute("DROP ROLE " + role);
    }

    @Test
    void runnerWaitsForTheLockBeyondItsRolesStatementTimeout() throws Exception {
        try (Connection holder = db.connect();
                Statement st = holder.createStatement()) {
            st.execute("SELECT " + LOCK);
            CompletableFuture<Cli.Result> waiting =
                    CompletableFuture.supplyAsync(() -> cli.run("--user", role, "upgrade", "head"));
            Thread.sleep(3000);
            assertEquals(false, waiting.isDone(), () -> "gave up waiting: " + waiting.join());
            st.execute("SELECT pg_advisory_unlock_all()");
            Cli.Result result = waiting.get();
            assertEquals(ExitCode.OK, result.code(), result::toString);
            assertTrue(result.out().contains("Waiting for the migration lock"), result::toString);
        }
        assertEquals("a00000000001 (head)", cli.run("current").out().strip());
        try (Connection c = db.connect();
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT tableowner FROM pg_tables WHERE tablename = 't1'")) {
            assertTrue(rs.next());
            assertEquals(role, rs.getString(1), "the migration ran as the impatient role");
        }
    }

    @Test
    void roleStatementTimeoutIsInForceAgainAfterTheWait() throws Exception {
        try (Connection holder = db.connect();
                Statement st = holder.createStatement()) {
            st.execute("SELECT " + LOCK);
            cli.write("migrations/R2.java", """
                    package com.example.migrations;
                    @dev.retort.runtime.Revision(id = "b00000000002", revises = "a00000000001", message = "slow")
                    public final class R2 implements dev.retort.runtime.Migration {
                        public void upgrade(dev.retort.runtime.Ops op) { op.execute("SELECT pg_sleep(2)"); }
                        public void downgrade(dev.retort.runtime.Ops op) { }
                    }
                    """);
            CompletableFuture<Cli.Result> waiting =
                    CompletableFuture.supplyAsync(() -> cli.run("--user", role, "upgrade", "head"));
            Thread.sleep(2000);
            st.execute("SELECT pg_advisory_unlock_all()");
            Cli.Result result = waiting.get();
            assertEquals(ExitCode.ERROR, result.code(), result::toString);
            assertTrue(
                    result.err()
                            .startsWith(
                                    "error: revision b00000000002 (upgrade): statement 1 failed: SELECT pg_sleep(2): "
                                            + "ERROR: canceling statement due to statement timeout"),
                    result::toString);
        }
        assertEquals("a00000000001", cli.run("current").out().strip());
    }

    @Test
    void outOfRangeLockTimeoutIsRefusedInOneLine() {
        for (String value : new String[] {"2147484", "99999999999", "-1"}) {
            Cli.Result result = cli.run("-x", "lock.timeout=" + value, "current");
            assertEquals(ExitCode.ERROR, result.code(), result::toString);
            assertEquals(
                    "error: lock.timeout: " + value + " is out of range: expected 0 to 2147483 seconds",
                    result.err().strip());
        }
        cli.environment.put("RETORT_LOCK_TIMEOUT", "3000000");
        assertEquals(
                "error: lock.timeout: 3000000 is out of range: expected 0 to 2147483 seconds",
                cli.run("heads").err().strip());
        cli.environment.put("RETORT_LOCK_TIMEOUT", "2147483");
        assertEquals(ExitCode.OK, cli.run("heads").code());
    }

    @Test
    void runtimeApiRefusesALockTimeoutPostgresCannotWait() {
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class, () -> Retort.configure().lockTimeout(Duration.ofDays(30)));
        assertEquals("lock timeout out of range (0 to 2147483 s): 2592000 s", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Retort.configure().lockTimeout(Duration.ofSeconds(-1)));
    }
}
