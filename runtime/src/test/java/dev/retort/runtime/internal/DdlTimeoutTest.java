package dev.retort.runtime.internal;

import static dev.retort.runtime.Ops.column;
import static dev.retort.runtime.Ops.primaryKey;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.retort.fixtures.db.TestDatabase;
import dev.retort.runtime.Migration;
import dev.retort.runtime.MigrationException;
import dev.retort.runtime.MigrationListener;
import dev.retort.runtime.Ops;
import dev.retort.runtime.Revision;
import dev.retort.runtime.StatementException;
import dev.retort.runtime.Step;
import dev.retort.runtime.Timeouts;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code lock.ddl-timeout} and {@code lock.statement-timeout}: a migration blocked by another session's lock
 * fails fast with a line saying what to do, and succeeds once the blocker is gone; {@code @Timeouts} overrides.
 */
class DdlTimeoutTest {
    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    @Revision(id = "a00000000001", message = "accounts")
    public static final class Accounts implements Migration {
        @Override
        public void upgrade(Ops op) {
            op.createTable("accounts", column("id", "integer").notNull(), primaryKey("id"));
        }

        @Override
        public void downgrade(Ops op) {
            op.dropTable("accounts", column("id", "integer").notNull(), primaryKey("id"));
        }
    }

    @Revision(id = "b00000000002", revises = "a00000000001", message = "note")
    public static final class AddNote implements Migration {
        @Override
        public void upgrade(Ops op) {
            op.execute("ALTER TABLE accounts ADD COLUMN note text");
        }

        @Override
        public void downgrade(Ops op) {
            op.execute("ALTER TABLE accounts DROP COLUMN note");
        }
    }

    @Revision(id = "b00000000002", revises = "a00000000001", message = "note")
    @Timeouts(ddl = 2)
    public static final class AddNotePatient implements Migration {
        @Override
        public void upgrade(Ops op) {
            op.execute("ALTER TABLE accounts ADD COLUMN note text");
        }

        @Override
        public void downgrade(Ops op) {
            op.execute("ALTER TABLE accounts DROP COLUMN note");
        }
    }

    @Revision(id = "c00000000003", revises = "a00000000001", message = "index")
    public static final class IndexConcurrently implements Migration {
        @Override
        public void upgrade(Ops op) {
            op.autocommit(a -> a.execute("CREATE INDEX CONCURRENTLY accounts_id ON accounts (id)"));
        }

        @Override
        public void downgrade(Ops op) {
            op.autocommit(a -> a.execute("DROP INDEX CONCURRENTLY accounts_id"));
        }
    }

    @Revision(id = "b00000000002", revises = "a00000000001", message = "slow")
    @Timeouts(statement = 1)
    public static final class Slow implements Migration {
        @Override
        public void upgrade(Ops op) {
            op.execute("SELECT pg_catalog.pg_sleep(0.1)");
        }

        @Override
        public void downgrade(Ops op) {}
    }

    @Revision(id = "c00000000003", revises = "b00000000002", message = "slower")
    public static final class Slower implements Migration {
        @Override
        public void upgrade(Ops op) {
            op.execute("SELECT pg_catalog.pg_sleep(1.5)");
        }

        @Override
        public void downgrade(Ops op) {}
    }

    @Revision(id = "e00000000005", message = "bad")
    @Timeouts(ddl = -5)
    public static final class BadTimeout implements Migration {
        @Override
        public void upgrade(Ops op) {}

        @Override
        public void downgrade(Ops op) {}
    }

    private static Migrator migrator(MigrationTimeouts timeouts, boolean perMigration, Class<?>... classes) {
        return new Migrator(
                MigrationSet.of(List.of(classes), Class::getSimpleName),
                new VersionTable(null),
                new Migrator.Options(perMigration, Duration.ofMinutes(1), MigrationTimeZone.DEFAULT, timeouts),
                new MigrationListener() {});
    }

    private static final MigrationTimeouts ONE_SECOND = new MigrationTimeouts(Duration.ofSeconds(1), null);

    @BeforeEach
    void emptyDatabase() throws SQLException {
        db.reset();
    }

    @Test
    void aBlockedStatementFailsWithinTheTimeoutThenSucceedsOnceTheBlockerIsGone() throws SQLException {
        Migrator migrator = migrator(ONE_SECOND, true, Accounts.class, AddNote.class);
        try (Connection c = db.connect();
                Connection blocker = db.connect()) {
            migrator.upgrade(c, "a00000000001");
            execute(c, "SET lock_timeout = '7s'");
            blocker.setAutoCommit(false);
            execute(blocker, "SELECT count(*) FROM accounts"); // a reader's open transaction

            long started = System.nanoTime();
            StatementException e = assertThrows(StatementException.class, () -> migrator.upgrade(c, "head"));
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            assertEquals(
                    "revision b00000000002 (upgrade): statement 1 failed: ALTER TABLE accounts ADD COLUMN note text:"
                            + " ERROR: canceling statement due to lock timeout;"
                            + " it waited 1 s (lock.ddl-timeout) for a lock another session holds: retry when that"
                            + " session's transaction has ended, or raise the limit for this migration with"
                            + " @Timeouts(ddl = SECONDS) on class " + AddNote.class.getName(),
                    e.getMessage());
            assertEquals(
                    "55P03", assertInstanceOf(SQLException.class, e.getCause()).getSQLState());
            assertTrue(took.compareTo(Duration.ofSeconds(20)) < 0, "failed fast, not after " + took);
            assertEquals(List.of("a00000000001"), db.query("SELECT version_num FROM retort_version"));
            assertEquals("7s", setting(c, "lock_timeout"), "the session's own setting is back");

            blocker.commit();
            migrator.upgrade(c, "head");
            assertEquals(List.of("b00000000002"), db.query("SELECT version_num FROM retort_version"));
            assertEquals("7s", setting(c, "lock_timeout"));
        }
    }

    @Test
    void aMigrationsTimeoutsOverrideTheConfiguredOnes() throws SQLException {
        Migrator migrator = migrator(ONE_SECOND, true, Accounts.class, AddNotePatient.class);
        String script = migrator.upgradeScript(Set.of(), "head");
        assertTrue(script.contains("accounts\nBEGIN;\nSET LOCAL lock_timeout = '1s';\n"), script);
        assertTrue(script.contains("note\nBEGIN;\nSET LOCAL lock_timeout = '2s';\n"), script);
        try (Connection c = db.connect();
                Connection blocker = db.connect()) {
            migrator.upgrade(c, "a00000000001");
            blocker.setAutoCommit(false);
            execute(blocker, "LOCK TABLE accounts IN ACCESS EXCLUSIVE MODE");
            StatementException e = assertThrows(StatementException.class, () -> migrator.upgrade(c, "head"));
            assertTrue(e.getMessage().contains("; it waited 2 s (its @Timeouts) for a lock"), e.getMessage());
            blocker.rollback();
        }
    }

    @Test
    void anAutocommitStatementRunsUnderTheTimeoutForTheSessionAndRestoresIt() throws SQLException {
        Migrator migrator = migrator(ONE_SECOND, true, Accounts.class, IndexConcurrently.class);
        String script = migrator.upgradeScript(Set.of(), "head");
        assertTrue(
                script.contains("COMMIT;\n-- outside a transaction\nSET lock_timeout = '1s';\n"
                        + "CREATE INDEX CONCURRENTLY accounts_id ON accounts (id);\nRESET lock_timeout;\n"
                        + "BEGIN;\nSET LOCAL lock_timeout = '1s';\n"),
                script);
        try (Connection c = db.connect();
                Connection blocker = db.connect()) {
            migrator.upgrade(c, "a00000000001");
            blocker.setAutoCommit(false);
            execute(blocker, "LOCK TABLE accounts IN SHARE ROW EXCLUSIVE MODE");
            StatementException e = assertThrows(StatementException.class, () -> migrator.upgrade(c, "head"));
            assertTrue(
                    e.getMessage()
                            .startsWith("revision c00000000003 (upgrade): statement 1 failed: CREATE INDEX"
                                    + " CONCURRENTLY accounts_id ON accounts (id): ERROR: canceling statement due to"
                                    + " lock timeout; it waited 1 s"),
                    e.getMessage());
            assertEquals("0", setting(c, "lock_timeout"), "the session's own setting is back");
            blocker.rollback();
            migrator.upgrade(c, "head");
            assertEquals(List.of("c00000000003"), db.query("SELECT version_num FROM retort_version"));
        }
    }

    @Test
    void aStatementTimeoutStopsItsMigrationAndIsNotInheritedInOneTransaction() throws SQLException {
        Migrator configured = migrator(
                new MigrationTimeouts(Duration.ofSeconds(1), Duration.ofMillis(500)),
                true,
                Accounts.class,
                Slow.class,
                Slower.class);
        try (Connection c = db.connect()) {
            StatementException e = assertThrows(StatementException.class, () -> configured.upgrade(c, "head"));
            assertTrue(
                    e.getMessage()
                            .startsWith("revision c00000000003 (upgrade): statement 1 failed: SELECT"
                                    + " pg_catalog.pg_sleep(1.5): ERROR: canceling statement due to statement timeout;"
                                    + " it was cancelled (500 ms,"
                                    + " lock.statement-timeout): retry, or raise the limit for this migration with"
                                    + " @Timeouts(statement = SECONDS) on class "),
                    e.getMessage());
        }
        db.reset();
        // one transaction: Slow's one second must not hold for Slower, which has none of its own
        Migrator oneTransaction = migrator(ONE_SECOND, false, Accounts.class, Slow.class, Slower.class);
        String script = oneTransaction.upgradeScript(Set.of(), "head");
        assertTrue(
                script.contains("slower\nSET LOCAL lock_timeout = '1s';\nSET LOCAL statement_timeout TO DEFAULT;\n"),
                script);
        try (Connection c = db.connect()) {
            oneTransaction.upgrade(c, "head");
            assertEquals(List.of("c00000000003"), db.query("SELECT version_num FROM retort_version"));
        }
    }

    @Test
    void timeoutsLeaveChecksumsAlone() throws SQLException {
        try (Connection c = db.connect()) {
            migrator(ONE_SECOND, true, Accounts.class, AddNote.class).upgrade(c, "head");
            Migrator other = migrator(
                    new MigrationTimeouts(Duration.ofSeconds(9), Duration.ofSeconds(3)),
                    true,
                    Accounts.class,
                    AddNotePatient.class);
            assertEquals(List.of(), other.validate(c).problems());
            assertEquals(
                    db.query("SELECT checksum FROM retort_version_history WHERE revision = 'b00000000002'"),
                    List.of(RenderedSql.checksum(
                            RenderedSql.of(List.of(new Step.Sql("ALTER TABLE accounts ADD COLUMN note text"))),
                            RenderedSql.of(List.of(new Step.Sql("ALTER TABLE accounts DROP COLUMN note"))))));
        }
    }

    @Test
    void anOutOfRangeTimeoutIsRefusedNamingTheClass() {
        MigrationException e = assertThrows(
                MigrationException.class, () -> MigrationSet.of(List.of(BadTimeout.class), Class::getSimpleName));
        assertEquals(
                "BadTimeout: class " + BadTimeout.class.getName()
                        + ": @Timeouts(ddl = -5) is out of range: expected 0 to 2147483 seconds",
                e.getMessage());
    }

    @Test
    void timeoutsAreWrittenInWholeMillisecondsAndNeverRoundedToNoLimit() {
        assertEquals("'5s'", MigrationTimeouts.value(Duration.ofSeconds(5)));
        assertEquals("'1500ms'", MigrationTimeouts.value(Duration.ofMillis(1500)));
        assertEquals("'1ms'", MigrationTimeouts.value(Duration.ofNanos(1)));
        assertEquals("'0'", MigrationTimeouts.value(Duration.ZERO));
        assertThrows(IllegalArgumentException.class, () -> new MigrationTimeouts(Duration.ofSeconds(-1), null));
    }

    private static void execute(Connection c, String sql) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }

    private static String setting(Connection c, String name) throws SQLException {
        try (Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SHOW " + name)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
