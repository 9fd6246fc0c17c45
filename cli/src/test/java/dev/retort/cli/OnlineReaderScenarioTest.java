package dev.retort.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.retort.fixtures.db.TestDatabase;
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
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Each online form, and the simple form it replaces, run by the real {@code upgrade} on the online
 * fixture's 5,000 accounts while a reader session holds an open transaction that has read {@code
 * accounts} (ACCESS SHARE, which conflicts only with ACCESS EXCLUSIVE). What the migration waits for
 * and what it holds is read from {@code pg_locks} and {@code pg_blocking_pids}, never from a clock.
 *
 * <p>The test drives the run by what it sees. Whenever the migration's session waits for the
 * reader, the test records the statement, the lock it asks for and the locks it holds on {@code
 * accounts}, whether a writer ({@code INSERT}) gets through or queues, and whether a new reader gets
 * through or queues; then the new reader takes over and the old one commits. A gate session holds
 * the history table in EXCLUSIVE mode, so the migration's last transaction stops at its history row,
 * holding whatever its statements locked; there the test records the same, then opens the gate. A
 * run that never waits for a reader completes while the first reader's transaction is still open.
 *
 * <p>The expected traces, written down from PostgreSQL's lock table and ALTER TABLE page before the
 * first run ({@code AE} ACCESS EXCLUSIVE, {@code SUE} SHARE UPDATE EXCLUSIVE):
 *
 * <pre>
 * form          simple                                         online
 * index         never waits for the reader; its transaction    CREATE INDEX CONCURRENTLY waits for the reader's
 *               holds SHARE: writers queue                     transaction (a virtualxid), holding SUE: writers
 *                                                              and readers get through; nothing held at the end
 * foreign key   never waits for the reader; holds SHARE ROW    never waits for the reader: ADD ... NOT VALID and
 *               EXCLUSIVE: writers queue                       VALIDATE complete with it open; nothing held at the end
 * check         ADD waits for the reader asking AE; readers    ADD ... NOT VALID waits for the reader asking AE (so
 *               and writers queue behind it, and still at      readers and writers queue, as for any AE); VALIDATE
 *               the end, where it holds AE                     does not wait for the next reader; nothing held at the end
 * SET NOT NULL  SET NOT NULL waits for the reader asking AE;   ADD CHECK ... NOT VALID waits for the reader (AE),
 *               holds AE at the end: readers, writers queue    VALIDATE does not wait for the next one, SET NOT NULL
 *                                                              (AE) waits for it; the last transaction holds AE
 * unique, PK    ADD CONSTRAINT waits for the reader asking     CREATE UNIQUE INDEX CONCURRENTLY waits for the reader
 *               AE; holds AE at the end: readers, writers      (virtualxid) holding SUE, readers and writers get
 *               queue                                          through; ADD ... USING INDEX (AE) waits for the next
 *                                                              reader; the last transaction holds AE
 * </pre>
 *
 * Where an online form's last transaction holds AE (SET NOT NULL, unique, primary key), it reads no
 * row under it: {@code OnlineLockProfileTest} shows each statement's locks and the rows it reads. A
 * VALIDATE cannot be stopped by a gate on accounts without stopping it before it locks anything; the
 * foreign key's one reads owners too, and a gate there stops it in the middle (its own test below).
 */
class OnlineReaderScenarioTest {
    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    /** How many times (20 ms apart) a state is looked for before the test fails: a bound, never a measure. */
    private static final int POLLS = 3000;

    @TempDir
    Path dir;

    private int probes;

    /** A form the comparison writes when one constraint or index is missing from a table with rows. */
    enum Form {
        INDEX(
                "DROP INDEX accounts_region_idx",
                List.of(
                        "at the end: holds ShareLock; a writer queues; a reader gets through",
                        "the first reader's transaction is still open"),
                List.of(
                        "waits for the reader: CREATE INDEX CONCURRENTLY \"accounts_region_idx\" ON \"accounts\""
                                + " (\"region\") asks ShareLock on a virtualxid, holds ShareUpdateExclusiveLock;"
                                + " a writer gets through; a reader gets through",
                        "at the end: holds nothing; a writer gets through; a reader gets through")),
        FOREIGN_KEY(
                "ALTER TABLE accounts DROP CONSTRAINT accounts_owner_id_fkey",
                List.of(
                        "at the end: holds ShareRowExclusiveLock; a writer queues; a reader gets through",
                        "the first reader's transaction is still open"),
                List.of(
                        "at the end: holds nothing; a writer gets through; a reader gets through",
                        "the first reader's transaction is still open")),
        CHECK(
                "ALTER TABLE accounts DROP CONSTRAINT accounts_balance_check",
                List.of(
                        "waits for the reader: ALTER TABLE \"accounts\" ADD CONSTRAINT \"accounts_balance_check\""
                                + " CHECK (balance >= 0) asks AccessExclusiveLock on accounts, holds nothing;"
                                + " a writer queues; a reader queues",
                        "at the end: holds AccessExclusiveLock; a writer queues; a reader queues"),
                List.of(
                        "waits for the reader: ALTER TABLE \"accounts\" ADD CONSTRAINT \"accounts_balance_check\""
                                + " CHECK (balance >= 0) NOT VALID asks AccessExclusiveLock on accounts, holds"
                                + " nothing; a writer queues; a reader queues",
                        "at the end: holds nothing; a writer gets through; a reader gets through")),
        SET_NOT_NULL(
                "ALTER TABLE accounts ALTER COLUMN email DROP NOT NULL",
                List.of(
                        "waits for the reader: ALTER TABLE \"accounts\" ALTER COLUMN \"email\" SET NOT NULL asks"
                                + " AccessExclusiveLock on accounts, holds nothing; a writer queues; a reader queues",
                        "at the end: holds AccessExclusiveLock; a writer queues; a reader queues"),
                List.of(
                        "waits for the reader: ALTER TABLE \"accounts\" ADD CONSTRAINT \"accounts_email_nn_check\""
                                + " CHECK (\"email\" IS NOT NULL) NOT VALID asks AccessExclusiveLock on accounts,"
                                + " holds nothing; a writer queues; a reader queues",
                        "waits for the reader: ALTER TABLE \"accounts\" ALTER COLUMN \"email\" SET NOT NULL asks"
                                + " AccessExclusiveLock on accounts, holds nothing; a writer queues; a reader queues",
                        "at the end: holds AccessExclusiveLock; a writer queues; a reader queues")),
        UNIQUE(
                "ALTER TABLE accounts DROP CONSTRAINT accounts_email_key",
                List.of(
                        "waits for the reader: ALTER TABLE \"accounts\" ADD CONSTRAINT \"accounts_email_key\" UNIQUE"
                                + " (\"email\") asks AccessExclusiveLock on accounts, holds nothing; a writer queues;"
                                + " a reader queues",
                        "at the end: holds AccessExclusiveLock; a writer queues; a reader queues"),
                List.of(
                        "waits for the reader: CREATE UNIQUE INDEX CONCURRENTLY \"accounts_email_key\" ON \"accounts\""
                                + " (\"email\") asks ShareLock on a virtualxid, holds ShareUpdateExclusiveLock;"
                                + " a writer gets through; a reader gets through",
                        "waits for the reader: ALTER TABLE \"accounts\" ADD CONSTRAINT \"accounts_email_key\" UNIQUE"
                                + " USING INDEX \"accounts_email_key\" asks AccessExclusiveLock on accounts, holds"
                                + " nothing; a writer queues; a reader queues",
                        "at the end: holds AccessExclusiveLock; a writer queues; a reader queues")),
        PRIMARY_KEY(
                "ALTER TABLE accounts DROP CONSTRAINT accounts_pkey",
                List.of(
                        "waits for the reader: ALTER TABLE \"accounts\" ADD CONSTRAINT \"accounts_pkey\" PRIMARY"
                                + " KEY (\"id\") asks AccessExclusiveLock on accounts, holds nothing; a writer queues; a reader queues",
                        "at the end: holds AccessExclusiveLock; a writer queues; a reader queues"),
                List.of(
                        "waits for the reader: CREATE UNIQUE INDEX CONCURRENTLY \"accounts_pkey\" ON \"accounts\""
                                + " (\"id\") asks ShareLock on a virtualxid, holds ShareUpdateExclusiveLock;"
                                + " a writer gets through; a reader gets through",
                        "waits for the reader: ALTER TABLE \"accounts\" ADD CONSTRAINT \"accounts_pkey\" PRIMARY KEY"
                                + " USING INDEX \"accounts_pkey\" asks AccessExclusiveLock on accounts, holds"
                                + " nothing; a writer queues; a reader queues",
                        "at the end: holds AccessExclusiveLock; a writer queues; a reader queues"));

        final String undo;
        final List<String> simple;
        final List<String> online;

        Form(String undo, List<String> simple, List<String> online) {
            this.undo = undo;
            this.simple = simple;
            this.online = online;
        }
    }

    /**
     * A form's downgrade, simple and online, run by the real {@code downgrade} as the upgrade is above,
     * traced the same way; expected (written before the first run): the online index is dropped {@code
     * CONCURRENTLY}, which waits for each reader of accounts (twice: once to mark the index invalid,
     * once before removing it) holding SHARE UPDATE EXCLUSIVE, so writers and readers get through;
     * every other drop is a constraint or {@code NOT NULL} dropped under ACCESS EXCLUSIVE, simple and
     * online alike, as PostgreSQL has no other form: it waits for the reader and readers and writers
     * queue behind it ({@code OnlineLockProfileTest} shows that it reads no row; {@code
     * lock.ddl-timeout} bounds the wait).
     */
    enum Undo {
        INDEX(
                Form.INDEX,
                List.of(
                        "waits for the reader: DROP INDEX \"accounts_region_idx\" asks AccessExclusiveLock on"
                                + " accounts, holds nothing; a writer queues; a reader queues",
                        "at the end: holds AccessExclusiveLock; a writer queues; a reader queues"),
                List.of(
                        "waits for the reader: DROP INDEX CONCURRENTLY \"accounts_region_idx\" asks ShareLock on a"
                                + " virtualxid, holds ShareUpdateExclusiveLock; a writer gets through; a reader gets"
                                + " through",
                        "waits for the reader: DROP INDEX CONCURRENTLY \"accounts_region_idx\" asks ShareLock on a"
                                + " virtualxid, holds ShareUpdateExclusiveLock; a writer gets through; a reader gets"
                                + " through",
                        "at the end: holds nothing; a writer gets through; a reader gets through")),
        FOREIGN_KEY(Form.FOREIGN_KEY, "ALTER TABLE \"accounts\" DROP CONSTRAINT \"accounts_owner_id_fkey\""),
        CHECK(Form.CHECK, "ALTER TABLE \"accounts\" DROP CONSTRAINT \"accounts_balance_check\""),
        SET_NOT_NULL(Form.SET_NOT_NULL, "ALTER TABLE \"accounts\" ALTER COLUMN \"email\" DROP NOT NULL"),
        UNIQUE(Form.UNIQUE, "ALTER TABLE \"accounts\" DROP CONSTRAINT \"accounts_email_key\""),
        PRIMARY_KEY(Form.PRIMARY_KEY, "ALTER TABLE \"accounts\" DROP CONSTRAINT \"accounts_pkey\"");

        final Form form;
        final List<String> simple;
        final List<String> online;

        Undo(Form form, List<String> simple, List<String> online) {
            this.form = form;
            this.simple = simple;
            this.online = online;
        }

        /** A drop PostgreSQL has one form for: the same trace simple and online. */
        Undo(Form form, String statement) {
            this(form, underAccessExclusive(statement), underAccessExclusive(statement));
        }

        private static List<String> underAccessExclusive(String statement) {
            return List.of(
                    "waits for the reader: " + statement + " asks AccessExclusiveLock on accounts, holds nothing;"
                            + " a writer queues; a reader queues",
                    "at the end: holds AccessExclusiveLock; a writer queues; a reader queues");
        }
    }

    @ParameterizedTest
    @EnumSource(Form.class)
    void theSimpleForm(Form form) throws Exception {
        Cli cli = OnlineProject.start(db, dir, form.undo);
        assertEquals(form.simple, trace(cli));
    }

    @ParameterizedTest
    @EnumSource(Form.class)
    void theOnlineForm(Form form) throws Exception {
        Cli cli = OnlineProject.start(db, dir, form.undo);
        OnlineProject.online(cli);
        assertEquals(form.online, trace(cli));
    }

    @ParameterizedTest
    @EnumSource(Undo.class)
    void theSimpleDowngrade(Undo undo) throws Exception {
        Cli cli = OnlineProject.start(db, dir, undo.form.undo);
        assertEquals(undo.simple, downgradeTrace(cli));
    }

    @ParameterizedTest
    @EnumSource(Undo.class)
    void theOnlineDowngrade(Undo undo) throws Exception {
        Cli cli = OnlineProject.start(db, dir, undo.form.undo);
        OnlineProject.online(cli);
        assertEquals(undo.online, downgradeTrace(cli));
    }

    /** Generates the revision, upgrades to it, then downgrades to the first revision with a reader and the gate. */
    private List<String> downgradeTrace(Cli cli) throws Exception {
        String first = db.query("SELECT version_num FROM retort_version").get(0);
        revision(cli);
        Cli.Result up = cli.run("upgrade", "head");
        assertEquals(ExitCode.OK, up.code(), up::toString);
        List<String> trace = trace(cli, "downgrade", first);
        assertEquals(List.of(first), db.query("SELECT version_num FROM retort_version"));
        return trace;
    }

    /**
     * The online foreign key's {@code VALIDATE}, stopped in the middle of its statement: holding SHARE
     * UPDATE EXCLUSIVE on accounts, it waits to read owners, which a gate session holds in ACCESS
     * EXCLUSIVE mode; meanwhile a writer and a new reader of accounts get through, and the reader whose
     * transaction was open before the upgrade is never waited for. The order is made by locks: a
     * transaction that has written owners holds back the {@code ADD ... NOT VALID} (SHARE ROW EXCLUSIVE
     * on owners), the gate's request queues behind that one, and the writer's commit lets the {@code
     * ADD} through first. The writer updates a column outside the key, so it does not touch owners.
     */
    @Test
    void theForeignKeysValidationLetsWritesThroughWhileItReads() throws Exception {
        Cli cli = OnlineProject.start(db, dir, Form.FOREIGN_KEY.undo);
        OnlineProject.online(cli);
        cli.write("retort.properties", cli.read("retort.properties") + "lock.ddl-timeout = 0\n");
        assertEquals(
                ExitCode.OK,
                cli.run("revision", "--autogenerate", "-m", "owner key").code());
        List<String> trace = new ArrayList<>();
        try (Session reader = new Session();
                Session owners = new Session();
                Session gate = new Session();
                Session late = new Session()) {
            reader.begin("SELECT count(*) FROM accounts");
            String readerStart = reader.xactStart();
            owners.begin("UPDATE owners SET name = name WHERE id = 100");
            CompletableFuture<Cli.Result> upgrade = CompletableFuture.supplyAsync(() -> cli.run("upgrade", "head"));
            int migration = migrationPid(upgrade);
            assertEquals(List.of(owners.pid), awaitBlocked(migration, upgrade));
            trace.add("waits for a writer of owners: " + waitingFor(migration));
            gate.connection.setAutoCommit(false);
            CompletableFuture<Void> locked = gate.async("LOCK TABLE owners IN ACCESS EXCLUSIVE MODE");
            gate.awaitWaiting("owners");
            owners.commit();
            locked.get(60, TimeUnit.SECONDS);
            assertEquals(List.of(gate.pid), awaitBlocked(migration, upgrade));
            trace.add("waits for the gate: " + waitingFor(migration) + ", holds " + held(migration) + "; "
                    + writerProbe("UPDATE accounts SET balance = balance + 1 WHERE id = 1") + "; " + late.read());
            gate.commit();
            Cli.Result up = upgrade.get(60, TimeUnit.SECONDS);
            assertEquals(ExitCode.OK, up.code(), up::toString);
            assertEquals(readerStart, reader.xactStart(), "the same transaction");
            assertEquals(List.of("t"), reader.locks("AccessShareLock"));
        }
        assertEquals(
                List.of(
                        "waits for a writer of owners: ALTER TABLE \"accounts\" ADD CONSTRAINT"
                                + " \"accounts_owner_id_fkey\" FOREIGN KEY (\"owner_id\") REFERENCES \"owners\" (\"id\")"
                                + " NOT VALID asks ShareRowExclusiveLock on owners",
                        "waits for the gate: ALTER TABLE \"accounts\" VALIDATE CONSTRAINT \"accounts_owner_id_fkey\""
                                + " asks RowShareLock on owners, holds ShareUpdateExclusiveLock; a writer gets through;"
                                + " a reader gets through"),
                trace);
        assertEquals(List.of("2"), db.query("SELECT balance FROM accounts WHERE id = 1"));
    }

    /** Generates the revision, runs {@code upgrade head} with a reader and the gate, and says what it saw. */
    private List<String> trace(Cli cli) throws Exception {
        revision(cli);
        List<String> trace = trace(cli, "upgrade", "head");
        assertEquals(Cli.CLEAN_CHECK, cli.run("check"));
        return trace;
    }

    /** Generates the one-change revision, with no lock timeout to race against: every wait ends when the test lets it. */
    private static void revision(Cli cli) {
        cli.write("retort.properties", cli.read("retort.properties") + "lock.ddl-timeout = 0\n");
        Cli.Result revision = cli.run("revision", "--autogenerate", "-m", "one change");
        assertEquals(ExitCode.OK, revision.code(), revision::toString);
    }

    /** Runs the command (an upgrade or a downgrade) with a reader and the gate, and says what it saw. */
    private List<String> trace(Cli cli, String... command) throws Exception {
        List<String> trace = new ArrayList<>();
        try (Session gate = new Session();
                Session first = new Session()) {
            gate.begin("LOCK TABLE retort_version_history IN EXCLUSIVE MODE");
            first.begin("SELECT count(*) FROM accounts");
            String firstStart = first.xactStart();
            Session reader = first;
            CompletableFuture<Cli.Result> run = CompletableFuture.supplyAsync(() -> cli.run(command));
            int migration = migrationPid(run);
            List<Session> readers = new ArrayList<>();
            while (true) {
                List<Integer> blockers = awaitBlocked(migration, run);
                if (blockers.contains(reader.pid)) {
                    String waiting = waitingFor(migration);
                    String writer = writerProbe();
                    Session next = new Session();
                    readers.add(next);
                    String nextReader = next.read();
                    trace.add("waits for the reader: " + waiting + ", holds " + held(migration) + "; " + writer + "; "
                            + nextReader);
                    reader.commit();
                    reader = next;
                } else if (blockers.contains(gate.pid)) {
                    String writer = writerProbe();
                    Session late = new Session();
                    readers.add(late);
                    trace.add("at the end: holds " + held(migration) + "; " + writer + "; " + late.read());
                    gate.commit();
                    break;
                } else if (db.query("SELECT pid FROM pg_stat_activity WHERE pid IN ("
                                + blockers.stream().map(String::valueOf).collect(Collectors.joining(", ")) + ")")
                        .isEmpty()) {
                    // a session that ended since (an autovacuum worker's snapshot, which CONCURRENTLY waits out too)
                    continue;
                } else {
                    throw new AssertionError("the migration waits for sessions " + blockers + " ("
                            + db.query("SELECT backend_type || ': ' || coalesce(query, '') FROM pg_stat_activity WHERE"
                                    + " pid IN ("
                                    + blockers.stream().map(String::valueOf).collect(Collectors.joining(", "))
                                    + ")")
                            + "), not the reader (" + reader.pid + ") or the gate (" + gate.pid + ")");
                }
            }
            Cli.Result done = run.get(60, TimeUnit.SECONDS);
            assertEquals(ExitCode.OK, done.code(), done::toString);
            if (reader == first) {
                assertEquals(firstStart, first.xactStart(), "the same transaction");
                assertEquals(List.of("t"), first.locks("AccessShareLock"));
                trace.add("the first reader's transaction is still open");
            }
            for (Session r : readers) r.close();
        }
        return trace;
    }

    /** The session of the running upgrade or downgrade, once it has connected; its application name is retort. */
    private static int migrationPid(CompletableFuture<Cli.Result> run) throws Exception {
        for (int i = 0; i < POLLS; i++) {
            List<String> pids = db.query("SELECT pid FROM pg_stat_activity WHERE datname = current_database()"
                    + " AND application_name = 'retort'");
            if (pids.size() == 1) return Integer.parseInt(pids.get(0));
            assertTrue(pids.isEmpty(), pids::toString);
            if (run.isDone()) throw new AssertionError("the run ended unseen: " + run.join());
            Thread.sleep(20);
        }
        throw new AssertionError("the run never connected");
    }

    /** The sessions the migration's session waits for, once it waits for any. */
    private static List<Integer> awaitBlocked(int pid, CompletableFuture<Cli.Result> run) throws Exception {
        for (int i = 0; i < POLLS; i++) {
            // only a session that is still there and is the scenario's can hold the migration: a probe's session that
            // has just ended (a concurrent build waits for its transaction, which is gone by now) and an autovacuum
            // worker (an analyze of the table just loaded, letting go by itself) are watched past
            List<String> blockers = db.query("SELECT b FROM unnest(pg_blocking_pids(" + pid + ")) b WHERE EXISTS"
                    + " (SELECT 1 FROM pg_stat_activity a WHERE a.pid = b AND a.backend_type <> 'autovacuum worker')");
            if (!blockers.isEmpty())
                return blockers.stream().map(Integer::valueOf).toList();
            if (run.isDone()) throw new AssertionError("the run ended before the gate: " + run.join());
            Thread.sleep(20);
        }
        throw new AssertionError("the migration never waited");
    }

    /** The migration's statement and the lock it asks for. */
    private static String waitingFor(int pid) throws SQLException {
        List<String> rows = db.query("SELECT a.query || ' asks ' || l.mode || ' on ' || CASE l.locktype"
                + " WHEN 'relation' THEN l.relation::regclass::text ELSE 'a ' || l.locktype END"
                + " FROM pg_locks l JOIN pg_stat_activity a USING (pid) WHERE l.pid = " + pid + " AND NOT l.granted");
        assertEquals(1, rows.size(), rows::toString);
        return rows.get(0);
    }

    /** The strongest lock the migration's session holds on accounts, or "nothing". */
    private static String held(int pid) throws SQLException {
        List<String> modes = db.query("SELECT mode FROM pg_locks WHERE pid = " + pid
                + " AND granted AND locktype = 'relation' AND relation = 'accounts'::regclass"
                + " ORDER BY array_position(ARRAY['AccessExclusiveLock', 'ExclusiveLock', 'ShareRowExclusiveLock',"
                + " 'ShareLock', 'ShareUpdateExclusiveLock', 'RowExclusiveLock', 'RowShareLock', 'AccessShareLock'],"
                + " mode)");
        return modes.isEmpty() ? "nothing" : modes.get(0);
    }

    /** An INSERT into accounts from a session of its own: it completes, or it waits in pg_locks and is cancelled. */
    private String writerProbe() throws Exception {
        int n = ++probes;
        return writerProbe("INSERT INTO accounts (id, email, region, balance, owner_id)" + " VALUES (" + (100_000 + n)
                + ", 'probe" + n + "@example.com', 'r1', 1, 1)");
    }

    /** A write to accounts from a session of its own: it completes, or it waits in pg_locks and is cancelled. */
    private static String writerProbe(String sql) throws Exception {
        try (Session writer = new Session()) {
            CompletableFuture<Void> insert = writer.async(sql);
            for (int i = 0; i < POLLS; i++) {
                if (insert.isDone()) {
                    insert.join();
                    return "a writer gets through";
                }
                if (!writer.waits().isEmpty()) {
                    db.execute("SELECT pg_cancel_backend(" + writer.pid + ")");
                    try {
                        insert.join();
                    } catch (CompletionException cancelled) {
                        return "a writer queues";
                    }
                    throw new AssertionError("the queued writer was not cancelled");
                }
                Thread.sleep(20);
            }
            throw new AssertionError("the writer neither completed nor waited");
        }
    }

    /** A connection of the test's own, with its backend's pid. */
    private static final class Session implements AutoCloseable {
        final Connection connection;
        final int pid;
        private CompletableFuture<Void> reading;

        Session() throws SQLException {
            connection = db.connect();
            try (Statement st = connection.createStatement();
                    ResultSet rs = st.executeQuery("SELECT pg_backend_pid()")) {
                rs.next();
                pid = rs.getInt(1);
            }
        }

        /** Opens a transaction and runs a statement in it. */
        void begin(String sql) throws SQLException {
            connection.setAutoCommit(false);
            try (Statement st = connection.createStatement()) {
                st.execute(sql);
            }
        }

        void commit() throws SQLException {
            connection.commit();
        }

        CompletableFuture<Void> async(String sql) {
            return CompletableFuture.runAsync(() -> {
                try (Statement st = connection.createStatement()) {
                    st.execute(sql);
                } catch (SQLException e) {
                    throw new CompletionException(e);
                }
            });
        }

        /** Opens a transaction that reads accounts: it gets through, or it queues (and reads once let through). */
        String read() throws Exception {
            connection.setAutoCommit(false);
            reading = async("SELECT count(*) FROM accounts");
            for (int i = 0; i < POLLS; i++) {
                if (reading.isDone()) {
                    reading.join();
                    return "a reader gets through";
                }
                if (!waits().isEmpty()) return "a reader queues";
                Thread.sleep(20);
            }
            throw new AssertionError("the reader neither read nor waited");
        }

        /** Returns once this session waits for a lock on the table. */
        void awaitWaiting(String table) throws Exception {
            for (int i = 0; i < POLLS; i++) {
                if (!db.query("SELECT 1 FROM pg_locks WHERE pid = " + pid + " AND NOT granted AND relation = '" + table
                                + "'::regclass")
                        .isEmpty()) return;
                Thread.sleep(20);
            }
            throw new AssertionError("session " + pid + " never waited for " + table);
        }

        /** The locks on accounts this session waits for. */
        List<String> waits() throws SQLException {
            return db.query("SELECT mode FROM pg_locks WHERE pid = " + pid + " AND NOT granted"
                    + " AND locktype = 'relation' AND relation = 'accounts'::regclass");
        }

        /** Whether it holds the mode on accounts. */
        List<String> locks(String mode) throws SQLException {
            return db.query("SELECT granted FROM pg_locks WHERE pid = " + pid + " AND mode = '" + mode
                    + "' AND relation = 'accounts'::regclass");
        }

        /** When its transaction started, read from another session (its own would see its snapshot's). */
        String xactStart() throws SQLException {
            return db.query("SELECT xact_start FROM pg_stat_activity WHERE pid = " + pid)
                    .get(0);
        }

        @Override
        public void close() throws SQLException {
            if (reading != null) reading.join();
            connection.close();
        }
    }
}
