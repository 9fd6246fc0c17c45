package dev.retort.runtime.internal;

import static dev.retort.runtime.Ops.column;
import static dev.retort.runtime.Ops.primaryKey;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.retort.fixtures.db.TestDatabase;
import dev.retort.runtime.HistoryEntry;
import dev.retort.runtime.LockException;
import dev.retort.runtime.Migration;
import dev.retort.runtime.MigrationException;
import dev.retort.runtime.MigrationListener;
import dev.retort.runtime.Ops;
import dev.retort.runtime.Revision;
import dev.retort.runtime.RunResult;
import dev.retort.runtime.Validation;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Transactions, autocommit blocks, hand-written SQL, the lock, the history and checksums. */
class SafetyTest {
    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    @Revision(id = "a00000000001", message = "accounts")
    public static final class Accounts implements Migration {
        @Override
        public void upgrade(Ops op) {
            op.createTable("accounts", column("id", "integer").notNull(), column("email", "text"), primaryKey("id"));
            op.execute("INSERT INTO accounts (id, email) VALUES (1, 'A@Example.com'), (2, 'b@example.com')");
        }

        @Override
        public void downgrade(Ops op) {
            op.dropTable("accounts", column("id", "integer").notNull(), column("email", "text"), primaryKey("id"));
        }
    }

    /** A backfill, then a statement that fails: the backfill must be rolled back with it. */
    @Revision(id = "b00000000002", revises = "a00000000001", message = "backfill then fail")
    public static final class BackfillThenFail implements Migration {
        @Override
        public void upgrade(Ops op) {
            op.execute("UPDATE accounts SET email = lower(email)");
            op.execute("INSERT INTO accounts (id) VALUES (1)");
        }

        @Override
        public void downgrade(Ops op) {}
    }

    /** Accounts, with a different downgrade: an edit after it was applied. */
    @Revision(id = "a00000000001", message = "accounts")
    public static final class AccountsEdited implements Migration {
        @Override
        public void upgrade(Ops op) {
            op.createTable("accounts", column("id", "integer").notNull(), column("email", "text"), primaryKey("id"));
            op.execute("INSERT INTO accounts (id, email) VALUES (1, 'A@Example.com'), (2, 'b@example.com')");
        }

        @Override
        public void downgrade(Ops op) {
            op.execute("DROP TABLE accounts CASCADE");
        }
    }

    @Revision(id = "c00000000003", revises = "a00000000001", message = "index concurrently")
    public static final class IndexConcurrently implements Migration {
        @Override
        public void upgrade(Ops op) {
            op.autocommit(a -> a.execute("CREATE INDEX CONCURRENTLY accounts_email ON accounts (email)"));
        }

        @Override
        public void downgrade(Ops op) {
            op.autocommit(a -> a.execute("DROP INDEX CONCURRENTLY accounts_email"));
        }
    }

    @Revision(id = "d00000000004", revises = "c00000000003", message = "concurrently, then fail")
    public static final class ConcurrentlyThenFail implements Migration {
        @Override
        public void upgrade(Ops op) {
            op.autocommit(a -> a.execute("CREATE INDEX CONCURRENTLY accounts_id_email ON accounts (id, email)"));
            op.execute("SELECT 1 / 0");
        }

        @Override
        public void downgrade(Ops op) {}
    }

    private static Migrator migrator(Migrator.Options options, Class<?>... classes) {
        return new Migrator(
                MigrationSet.of(List.of(classes), Class::getSimpleName),
                new VersionTable(null),
                options,
                new MigrationListener() {});
    }

    private static Migrator migrator(Class<?>... classes) {
        return migrator(Migrator.Options.DEFAULTS, classes);
    }

    @BeforeEach
    void emptyDatabase() throws SQLException {
        db.reset();
    }

    @Test
    void handWrittenSqlRunsInTheMigrationsTransaction() throws SQLException {
        Migrator migrator = migrator(Accounts.class, BackfillThenFail.class);
        try (Connection c = db.connect()) {
            MigrationException e = assertThrows(MigrationException.class, () -> migrator.upgrade(c, "head"));
            assertTrue(
                    e.getMessage()
                            .startsWith(
                                    "revision b00000000002 (upgrade): statement 2 failed: INSERT INTO accounts (id) "
                                            + "VALUES (1): ERROR: duplicate key value violates unique constraint \"accounts_pkey\""),
                    e.getMessage());
            assertEquals(Set.of("a00000000001"), migrator.current(c));
            assertEquals(
                    List.of("A@Example.com", "b@example.com"),
                    strings(c, "SELECT email FROM accounts ORDER BY id"),
                    "the backfill was rolled back with the failing statement");
        }
    }

    @Test
    void wholeRunTransactionRollsBackEverything() throws SQLException {
        Migrator migrator =
                migrator(new Migrator.Options(false, Duration.ofMinutes(1)), Accounts.class, BackfillThenFail.class);
        try (Connection c = db.connect()) {
            MigrationException e = assertThrows(MigrationException.class, () -> migrator.upgrade(c, "head"));
            assertTrue(
                    e.getMessage().endsWith("; the whole run was rolled back, the database stays at base"),
                    e.getMessage());
            assertEquals(Set.of(), migrator.current(c));
            assertEquals(List.of(), strings(c, "SELECT tablename FROM pg_tables WHERE tablename = 'accounts'"));
            assertEquals(List.of(), migrator.history(c));
        }
    }

    @Test
    void autocommitBlockRunsWhatPostgresRefusesInATransaction() throws SQLException {
        Migrator migrator = migrator(Accounts.class, IndexConcurrently.class);
        try (Connection c = db.connect()) {
            migrator.upgrade(c, "head");
            assertEquals(
                    List.of("accounts_email", "accounts_pkey"),
                    strings(c, "SELECT indexname FROM pg_indexes " + "WHERE tablename = 'accounts' ORDER BY 1"));
            migrator.downgrade(c, "-1");
            assertEquals(
                    List.of("accounts_pkey"),
                    strings(c, "SELECT indexname FROM pg_indexes WHERE tablename = 'accounts'"));
        }
    }

    @Test
    void failureAfterAnAutocommitBlockSaysWhatWasCommitted() throws SQLException {
        Migrator migrator = migrator(Accounts.class, IndexConcurrently.class, ConcurrentlyThenFail.class);
        try (Connection c = db.connect()) {
            MigrationException e = assertThrows(MigrationException.class, () -> migrator.upgrade(c, "head"));
            assertEquals(
                    "revision d00000000004 (upgrade): statement 2 failed: SELECT 1 / 0: ERROR: division by zero; statements 1-1 "
                            + "of this migration were committed before the failure (autocommit block) and stay applied, the version table "
                            + "stays at c00000000003",
                    e.getMessage());
            assertEquals(Set.of("c00000000003"), migrator.current(c));
        }
    }

    @Test
    void historyRecordsEveryRun() throws SQLException {
        Migrator migrator = migrator(Accounts.class, IndexConcurrently.class);
        try (Connection c = db.connect()) {
            migrator.upgrade(c, "head");
            migrator.downgrade(c, "base");
            List<HistoryEntry> history = migrator.history(c);
            assertEquals(
                    List.of(
                            "a00000000001 upgrade",
                            "c00000000003 upgrade",
                            "c00000000003 downgrade",
                            "a00000000001 downgrade"),
                    history.stream()
                            .map(h -> h.revision() + " " + h.direction())
                            .toList());
            HistoryEntry first = history.get(0);
            assertEquals(
                    MigrationSet.of(List.of(Accounts.class), Class::getSimpleName)
                            .checksum("a00000000001"),
                    first.checksum());
            assertEquals(64, first.checksum().length());
            assertTrue(first.appliedBy().startsWith("postgres@"), first.appliedBy());
            assertEquals("accounts", first.message());
            assertEquals("development", first.retortVersion());
            assertFalse(first.duration().isNegative());
        }
    }

    @Test
    void editedAppliedMigrationStopsRunsUntilAccepted() throws SQLException {
        try (Connection c = db.connect()) {
            migrator(Accounts.class).upgrade(c, "head");
            Migrator edited = migrator(AccountsEdited.class, IndexConcurrently.class);
            String expected =
                    "revision a00000000001 (AccountsEdited) was edited after it was applied: it no longer does what ran; "
                            + "undo the edit, or accept it deliberately with 'retort validate --accept a00000000001'";
            assertEquals(
                    expected,
                    assertThrows(MigrationException.class, () -> edited.upgrade(c, "head"))
                            .getMessage());
            assertEquals(
                    expected,
                    assertThrows(MigrationException.class, () -> edited.downgrade(c, "base"))
                            .getMessage());
            assertEquals(
                    List.of(new Validation.Problem(Validation.Kind.EDITED, "a00000000001", expected)),
                    edited.validate(c).problems());
            edited.accept(c, "a0");
            assertTrue(edited.validate(c).isClean());
            assertEquals(Set.of("c00000000003"), edited.upgrade(c, "head").after());
            assertEquals("accept", edited.history(c).get(1).direction());
        }
    }

    @Test
    void validateReportsMissingAndUnknownRevisions() throws SQLException {
        try (Connection c = db.connect()) {
            migrator(Accounts.class, IndexConcurrently.class).upgrade(c, "head");
            Migrator withoutIndex = migrator(Accounts.class);
            List<Validation.Problem> problems = withoutIndex.validate(c).problems();
            assertEquals(
                    List.of(Validation.Kind.UNKNOWN),
                    problems.stream().map(Validation.Problem::kind).toList(),
                    problems::toString);
            assertEquals(
                    "the database is at revision c00000000003, which no migration declares (is this the right migrations folder?)",
                    problems.get(0).message());
            assertThrows(MigrationException.class, () -> withoutIndex.upgrade(c, "head"));
            try (Statement st = c.createStatement()) {
                st.execute("UPDATE retort_version SET version_num = 'a00000000001'");
            }
            List<Validation.Problem> missing = withoutIndex.validate(c).problems();
            assertEquals(
                    List.of(new Validation.Problem(
                            Validation.Kind.MISSING,
                            "c00000000003",
                            "revision c00000000003 was applied, and no migration declares it any more")),
                    missing);
            assertTrue(withoutIndex.validate(c).blocking().isEmpty(), "a missing revision does not stop runs");
        }
    }

    @Test
    void concurrentRunnerWaitsForTheLockThenFindsNothingToDo() throws Exception {
        Migrator first = migrator(Accounts.class);
        CountDownLatch waiting = new CountDownLatch(1);
        StringBuilder holder = new StringBuilder();
        Migrator second = new Migrator(
                MigrationSet.of(List.of(Accounts.class), Class::getSimpleName),
                new VersionTable(null),
                Migrator.Options.DEFAULTS,
                new MigrationListener() {
                    @Override
                    public void waitingForLock(String who) {
                        holder.append(who);
                        waiting.countDown();
                    }
                });
        try (Connection blocker = db.connect();
                Connection c2 = db.connect()) {
            int pid = pid(blocker);
            try (Statement st = blocker.createStatement()) {
                st.execute("SET application_name = 'blocking test'");
                st.execute("SELECT pg_advisory_lock(" + 0x52657472 + ", " + "public.retort_version".hashCode() + ")");
            }
            CompletableFuture<RunResult> run = CompletableFuture.supplyAsync(() -> {
                try {
                    return second.upgrade(c2, "head");
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
            assertTrue(waiting.await(30, TimeUnit.SECONDS), "second runner waits");
            assertTrue(
                    holder.toString().startsWith("pid " + pid + " (blocking test, user postgres from "),
                    holder.toString());
            try (Connection c1 = db.connect()) {
                try (Statement st = blocker.createStatement()) {
                    st.execute("SELECT pg_advisory_unlock_all()");
                }
                first.upgrade(c1, "head");
            }
            RunResult result = run.get(30, TimeUnit.SECONDS);
            assertTrue(result.after().contains("a00000000001"));
        }
    }

    @Test
    void lockTimeoutNamesTheHolder() throws SQLException {
        Migrator impatient = migrator(new Migrator.Options(true, Duration.ofMillis(300)), Accounts.class);
        try (Connection blocker = db.connect();
                Connection c = db.connect()) {
            try (Statement st = blocker.createStatement()) {
                st.execute("SET application_name = 'long runner'");
                st.execute("SELECT pg_advisory_lock(" + 0x52657472 + ", " + "public.retort_version".hashCode() + ")");
            }
            MigrationException e = assertThrows(MigrationException.class, () -> impatient.upgrade(c, "head"));
            assertTrue(
                    e.getMessage()
                            .startsWith(
                                    "another runner holds the migration lock for public.retort_version and did not release it "
                                            + "within 300 ms: held by pid " + pid(blocker)
                                            + " (long runner, user postgres"),
                    e.getMessage());
            LockException timedOut = assertInstanceOf(LockException.class, e, "the values it names as fields");
            assertEquals("public.retort_version", timedOut.versionTable());
            assertTrue(timedOut.holder().startsWith("pid " + pid(blocker) + " (long runner"), timedOut.holder());
            assertEquals(Set.of(), impatient.current(c));
            assertEquals("0", strings(c, "SHOW lock_timeout").get(0), "the session's lock_timeout is restored");
        }
    }

    private static int pid(Connection c) throws SQLException {
        return Integer.parseInt(strings(c, "SELECT pg_backend_pid()").get(0));
    }

    private static List<String> strings(Connection c, String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Statement st = c.createStatement();
                ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) values.add(rs.getString(1));
        }
        return values;
    }
}
