package dev.retort.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.retort.fixtures.db.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Each statement of a one-change migration, simple and online, as its offline {@code upgrade --sql}
 * script carries it, run alone on the online fixture's 5,000 accounts: the strongest lock it holds
 * on {@code accounts} (from {@code pg_locks}) and the rows of {@code accounts} it reads ({@code
 * seq_tup_read + idx_tup_fetch}). A transactional statement runs in a transaction of its own, read
 * in that transaction ({@code pg_stat_xact_user_tables}); a concurrent build or drop, which cannot,
 * runs while an older transaction is open, its lock read while it waits for that transaction, its
 * rows from {@code pg_stat_user_tables} around it after a forced flush of its statistics.
 *
 * <p>The rule the online forms keep: a statement that reads the table's rows holds at most SHARE
 * UPDATE EXCLUSIVE, which neither reads nor writes wait for; a statement that holds more reads none.
 * Each simple form breaks it: it reads every row under SHARE (index), SHARE ROW EXCLUSIVE (foreign
 * key) or ACCESS EXCLUSIVE (the rest). The expected profiles were written down from PostgreSQL's
 * documentation before the first run; a concurrent build reads the table twice (build, then
 * validation). The online downgrade, run on what the online upgrade built, reads no row: its index is
 * dropped concurrently under SHARE UPDATE EXCLUSIVE, its constraints and {@code NOT NULL}s under
 * ACCESS EXCLUSIVE (PostgreSQL has no other form for them).
 */
class OnlineLockProfileTest {
    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    private static final List<String> MODES = List.of(
            "AccessExclusiveLock",
            "ExclusiveLock",
            "ShareRowExclusiveLock",
            "ShareLock",
            "ShareUpdateExclusiveLock",
            "RowExclusiveLock",
            "RowShareLock",
            "AccessShareLock");

    @TempDir
    Path dir;

    /**
     * A missing constraint or index, and its migration's statements: simple, then online. A primary key
     * on a column that allows nulls would make {@code ADD ... USING INDEX} set NOT NULL with a scan under
     * ACCESS EXCLUSIVE, so the online form first takes the safe {@code SET NOT NULL} path.
     */
    enum Form {
        INDEX(
                "DROP INDEX accounts_region_idx",
                List.of("CREATE INDEX \"accounts_region_idx\" ON \"accounts\" (\"region\"): ShareLock, reads 5000"),
                List.of(
                        "DROP INDEX CONCURRENTLY IF EXISTS \"accounts_region_idx\": never waits, reads 0",
                        "CREATE INDEX CONCURRENTLY \"accounts_region_idx\" ON \"accounts\" (\"region\"):"
                                + " ShareUpdateExclusiveLock, reads 10000")),
        FOREIGN_KEY(
                "ALTER TABLE accounts DROP CONSTRAINT accounts_owner_id_fkey",
                List.of("ALTER TABLE \"accounts\" ADD CONSTRAINT \"accounts_owner_id_fkey\" FOREIGN KEY (\"owner_id\")"
                        + " REFERENCES \"owners\" (\"id\"): ShareRowExclusiveLock, reads 5000"),
                List.of(
                        "ALTER TABLE \"accounts\" ADD CONSTRAINT \"accounts_owner_id_fkey\" FOREIGN KEY (\"owner_id\")"
                                + " REFERENCES \"owners\" (\"id\") NOT VALID: ShareRowExclusiveLock, reads 0",
                        "ALTER TABLE \"accounts\" VALIDATE CONSTRAINT \"accounts_owner_id_fkey\":"
                                + " ShareUpdateExclusiveLock, reads 5000")),
        CHECK(
                "ALTER TABLE accounts DROP CONSTRAINT accounts_balance_check",
                List.of("ALTER TABLE \"accounts\" ADD CONSTRAINT \"accounts_balance_check\" CHECK (balance >= 0):"
                        + " AccessExclusiveLock, reads 5000"),
                List.of(
                        "ALTER TABLE \"accounts\" ADD CONSTRAINT \"accounts_balance_check\" CHECK (balance >= 0) NOT"
                                + " VALID: AccessExclusiveLock, reads 0",
                        "ALTER TABLE \"accounts\" VALIDATE CONSTRAINT \"accounts_balance_check\":"
                                + " ShareUpdateExclusiveLock, reads 5000")),
        SET_NOT_NULL(
                "ALTER TABLE accounts ALTER COLUMN email DROP NOT NULL",
                List.of(
                        "ALTER TABLE \"accounts\" ALTER COLUMN \"email\" SET NOT NULL: AccessExclusiveLock, reads 5000"),
                List.of(
                        "ALTER TABLE \"accounts\" ADD CONSTRAINT \"accounts_email_nn_check\" CHECK (\"email\" IS NOT"
                                + " NULL) NOT VALID: AccessExclusiveLock, reads 0",
                        "ALTER TABLE \"accounts\" VALIDATE CONSTRAINT \"accounts_email_nn_check\":"
                                + " ShareUpdateExclusiveLock, reads 5000",
                        "ALTER TABLE \"accounts\" ALTER COLUMN \"email\" SET NOT NULL: AccessExclusiveLock, reads 0",
                        "ALTER TABLE \"accounts\" DROP CONSTRAINT \"accounts_email_nn_check\": AccessExclusiveLock,"
                                + " reads 0")),
        UNIQUE(
                "ALTER TABLE accounts DROP CONSTRAINT accounts_email_key",
                List.of("ALTER TABLE \"accounts\" ADD CONSTRAINT \"accounts_email_key\" UNIQUE (\"email\"):"
                        + " AccessExclusiveLock, reads 5000"),
                List.of(
                        "DROP INDEX CONCURRENTLY IF EXISTS \"accounts_email_key\": never waits, reads 0",
                        "CREATE UNIQUE INDEX CONCURRENTLY \"accounts_email_key\" ON \"accounts\" (\"email\"):"
                                + " ShareUpdateExclusiveLock, reads 10000",
                        "ALTER TABLE \"accounts\" ADD CONSTRAINT \"accounts_email_key\" UNIQUE USING INDEX"
                                + " \"accounts_email_key\": AccessExclusiveLock, reads 0")),
        PRIMARY_KEY(
                "ALTER TABLE accounts DROP CONSTRAINT accounts_pkey",
                List.of("ALTER TABLE \"accounts\" ADD CONSTRAINT \"accounts_pkey\" PRIMARY KEY (\"id\"):"
                        + " AccessExclusiveLock, reads 5000"),
                List.of(
                        "DROP INDEX CONCURRENTLY IF EXISTS \"accounts_pkey\": never waits, reads 0",
                        "CREATE UNIQUE INDEX CONCURRENTLY \"accounts_pkey\" ON \"accounts\" (\"id\"):"
                                + " ShareUpdateExclusiveLock, reads 10000",
                        "ALTER TABLE \"accounts\" ADD CONSTRAINT \"accounts_pkey\" PRIMARY KEY USING INDEX"
                                + " \"accounts_pkey\": AccessExclusiveLock, reads 0")),
        PRIMARY_KEY_ON_A_NULLABLE_COLUMN(
                "ALTER TABLE accounts DROP CONSTRAINT accounts_pkey; ALTER TABLE accounts ALTER COLUMN id DROP NOT NULL",
                List.of(
                        "ALTER TABLE \"accounts\" ALTER COLUMN \"id\" SET NOT NULL: AccessExclusiveLock, reads 5000",
                        "ALTER TABLE \"accounts\" ADD CONSTRAINT \"accounts_pkey\" PRIMARY KEY (\"id\"):"
                                + " AccessExclusiveLock, reads 5000"),
                List.of(
                        "ALTER TABLE \"accounts\" ADD CONSTRAINT \"accounts_id_nn_check\" CHECK (\"id\" IS NOT NULL)"
                                + " NOT VALID: AccessExclusiveLock, reads 0",
                        "ALTER TABLE \"accounts\" VALIDATE CONSTRAINT \"accounts_id_nn_check\":"
                                + " ShareUpdateExclusiveLock, reads 5000",
                        "ALTER TABLE \"accounts\" ALTER COLUMN \"id\" SET NOT NULL: AccessExclusiveLock, reads 0",
                        "ALTER TABLE \"accounts\" DROP CONSTRAINT \"accounts_id_nn_check\": AccessExclusiveLock,"
                                + " reads 0",
                        "DROP INDEX CONCURRENTLY IF EXISTS \"accounts_pkey\": never waits, reads 0",
                        "CREATE UNIQUE INDEX CONCURRENTLY \"accounts_pkey\" ON \"accounts\" (\"id\"):"
                                + " ShareUpdateExclusiveLock, reads 10000",
                        "ALTER TABLE \"accounts\" ADD CONSTRAINT \"accounts_pkey\" PRIMARY KEY USING INDEX"
                                + " \"accounts_pkey\": AccessExclusiveLock, reads 0"));

        final String undo;
        final List<String> simple;
        final List<String> online;

        Form(String undo, List<String> simple, List<String> online) {
            this.undo = undo;
            this.simple = simple;
            this.online = online;
        }
    }

    @ParameterizedTest
    @EnumSource(Form.class)
    void eachStatementsLocksAndReads(Form form) throws Exception {
        Cli cli = OnlineProject.start(db, dir, form.undo);
        String first = db.query("SELECT version_num FROM retort_version").get(0);
        List<String> simple = statements(script(cli, first));
        Files.delete(OnlineProject.newest(dir));
        OnlineProject.online(cli);
        List<String> online = statements(script(cli, first));

        awaitNoRetortSession();
        List<Profile> plain = profile(simple);
        db.execute(form.undo);
        List<Profile> safe = profile(online);

        assertEquals(form.simple, plain.stream().map(Profile::toString).toList());
        assertEquals(form.online, safe.stream().map(Profile::toString).toList());
        assertTrue(
                plain.stream().anyMatch(p -> p.rows > 0 && p.strength() < strength("ShareUpdateExclusiveLock")),
                () -> "the simple form reads rows under a lock writers wait for: " + plain);
        for (Profile p : safe) {
            assertTrue(p.rows == 0 || p.strength() >= strength("ShareUpdateExclusiveLock"), p::toString);
        }

        // the online downgrade, run on what the online upgrade built: every statement reads no row
        String second = OnlineProject.revisionId(OnlineProject.newest(dir));
        Cli.Result down = cli.run("downgrade", "--sql", second + ":" + first);
        assertEquals(ExitCode.OK, down.code(), down::toString);
        List<Profile> undone = profile(statements(down.out()));
        for (Profile p : undone) {
            assertEquals(0, p.rows, p::toString);
        }
        assertEquals(
                form == Form.INDEX ? List.of("ShareUpdateExclusiveLock") : List.of("AccessExclusiveLock"),
                undone.stream().map(p -> p.lock).distinct().toList(),
                undone::toString);
    }

    /** Waits until the command line's sessions have ended, their statistics flushed before they leave pg_stat_activity. */
    private static void awaitNoRetortSession() throws Exception {
        for (int i = 0; i < 3000; i++) {
            if (db.query("SELECT 1 FROM pg_stat_activity WHERE datname = current_database()"
                            + " AND application_name = 'retort'")
                    .isEmpty()) return;
            Thread.sleep(20);
        }
        throw new AssertionError("a retort session stays connected");
    }

    /** The offline script of a new one-change revision, from the first revision to it. */
    private String script(Cli cli, String first) throws Exception {
        Cli.Result revision = cli.run("revision", "--autogenerate", "-m", "one change");
        assertEquals(ExitCode.OK, revision.code(), revision::toString);
        String second = OnlineProject.revisionId(OnlineProject.newest(dir));
        Cli.Result up = cli.run("upgrade", "--sql", first + ":" + second);
        assertEquals(ExitCode.OK, up.code(), up::toString);
        return up.out();
    }

    /** The migration's own statements in the script: each one line on accounts, without its ending semicolon. */
    private static List<String> statements(String script) {
        List<String> statements = script.lines()
                .filter(line -> line.startsWith("ALTER TABLE \"accounts\"")
                        || line.matches("(CREATE (UNIQUE )?|DROP )INDEX .*"))
                .map(line -> line.substring(0, line.length() - 1))
                .toList();
        assertTrue(!statements.isEmpty(), script);
        return statements;
    }

    private List<Profile> profile(List<String> statements) throws Exception {
        List<Profile> profiles = new ArrayList<>();
        for (String sql : statements) {
            profiles.add(sql.contains(" CONCURRENTLY ") ? outside(sql) : inTransaction(sql));
        }
        return profiles;
    }

    /** Runs the statement in a transaction of its own and reads its locks and rows before the commit. */
    private static Profile inTransaction(String sql) throws SQLException {
        try (Connection c = db.connect();
                Statement st = c.createStatement()) {
            c.setAutoCommit(false);
            st.execute(sql);
            Profile profile = new Profile(
                    sql,
                    strongest(one(
                            st,
                            "SELECT string_agg(mode, ' ') FROM pg_locks WHERE pid = pg_backend_pid() AND granted"
                                    + " AND locktype = 'relation' AND relation = 'accounts'::regclass")),
                    Long.parseLong(one(
                            st,
                            "SELECT seq_tup_read + coalesce(idx_tup_fetch, 0) FROM pg_stat_xact_user_tables"
                                    + " WHERE relid = 'accounts'::regclass")));
            c.commit();
            // its statistics in the shared ones now, not when its session ends during a later measure
            st.execute("SELECT pg_stat_force_next_flush()");
            return profile;
        }
    }

    /**
     * Runs a concurrent build or drop while an older transaction holds a snapshot and a reader's lock on
     * accounts: the statement's lock is read from {@code pg_locks} while it waits for that transaction
     * ("never waits" when it does not).
     */
    private static Profile outside(String sql) throws Exception {
        try (Connection older = db.connect();
                Connection c = db.connect();
                Statement olderSt = older.createStatement();
                Statement st = c.createStatement()) {
            older.setAutoCommit(false);
            olderSt.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ");
            // a reader's lock, reading no row (a concurrent drop waits for it), and a snapshot (a build waits for it)
            olderSt.execute("LOCK TABLE accounts IN ACCESS SHARE MODE");
            olderSt.execute("SELECT 1");
            int pid = Integer.parseInt(one(st, "SELECT pg_backend_pid()"));
            long before = readSoFar(st);
            CompletableFuture<Void> running = CompletableFuture.runAsync(() -> {
                try (Statement s = c.createStatement()) {
                    s.execute(sql);
                } catch (SQLException e) {
                    throw new CompletionException(e);
                }
            });
            String lock = "never waits";
            for (int i = 0; i < 3000 && !running.isDone(); i++) {
                if (!db.query("SELECT 1 FROM pg_locks WHERE pid = " + pid + " AND NOT granted")
                        .isEmpty()) {
                    lock = strongest(db.query("SELECT string_agg(mode, ' ') FROM pg_locks WHERE pid = " + pid
                                    + " AND granted AND locktype = 'relation' AND relation = 'accounts'::regclass")
                            .get(0));
                    break;
                }
                Thread.sleep(20);
            }
            older.commit();
            running.get(60, TimeUnit.SECONDS);
            return new Profile(sql, lock, readSoFar(st) - before);
        }
    }

    /** Rows of accounts read so far, as the statistics show them once this session's are flushed. */
    private static long readSoFar(Statement st) throws SQLException {
        st.execute("SELECT pg_stat_force_next_flush()");
        return Long.parseLong(one(
                st,
                "SELECT seq_tup_read + coalesce(idx_tup_fetch, 0) FROM pg_stat_user_tables"
                        + " WHERE relid = 'accounts'::regclass"));
    }

    private static String one(Statement st, String query) throws SQLException {
        try (ResultSet rs = st.executeQuery(query)) {
            assertTrue(rs.next(), query);
            return rs.getString(1);
        }
    }

    /** The strongest of space-separated lock modes; "nothing" for none. */
    private static String strongest(String modes) {
        if (modes == null) return "nothing";
        return List.of(modes.split(" ")).stream()
                .min((a, b) -> Integer.compare(strength(a), strength(b)))
                .orElseThrow();
    }

    /** A mode's place from the strongest (0); the weaker, the higher. */
    private static int strength(String mode) {
        int i = MODES.indexOf(mode);
        assertTrue(i >= 0, mode);
        return i;
    }

    /** What one statement held on accounts and how many of its rows it read. */
    private record Profile(String sql, String lock, long rows) {
        int strength() {
            return lock.endsWith("Lock") ? OnlineLockProfileTest.strength(lock) : MODES.size();
        }

        @Override
        public String toString() {
            return sql + ": " + lock + ", reads " + rows;
        }
    }
}
