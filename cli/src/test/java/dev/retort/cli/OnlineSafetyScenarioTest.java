package dev.retort.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.retort.fixtures.db.PgDump;
import dev.retort.fixtures.db.Psql;
import dev.retort.fixtures.db.TestDatabase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code safety = online} through the real command line on a database with rows: the entities'
 * schema is made by a first (plain) revision, one constraint or index is then removed by hand, and
 * {@code revision --autogenerate} writes its lock-safe form, which is compiled, applied ({@code
 * check} clean after it), and downgraded back to exactly the {@code pg_dump -s} before it. The
 * expected source lines are written down here, not read from a run.
 */
class OnlineSafetyScenarioTest {
    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    @TempDir
    Path dir;

    @Test
    void indexIsBuiltConcurrentlyAfterDroppingALeftoverAndDroppedConcurrently() throws Exception {
        Cli cli = start("DROP INDEX accounts_region_idx");
        String source = roundTrip(cli);
        assertContains(source, """
                        op.autocommit(a -> {
                            a.dropIndex("accounts",
                                    index("region").named("accounts_region_idx"),
                                    Option.CONCURRENTLY,
                                    Option.IF_EXISTS);
                            a.createIndex("accounts",
                                    index("region").named("accounts_region_idx"),
                                    Option.CONCURRENTLY);
                        });
                """);
        assertContains(source, """
                        op.autocommit(a -> a.dropIndex("accounts",
                                index("region").named("accounts_region_idx"),
                                Option.CONCURRENTLY));
                """);
        assertFalse(source.contains("HAZARD"), source);
    }

    @Test
    void offlineScriptsCarryTheSameFormsAndGiveTheSameSchema() throws Exception {
        Cli cli = start("DROP INDEX accounts_region_idx");
        String before = PgDump.schema(db);
        String first = currentRevision();
        online(cli);
        assertEquals(
                ExitCode.OK,
                cli.run("revision", "--autogenerate", "-m", "region index").code());
        String second = revisionId(newest());
        Cli.Result up = cli.run("upgrade", "--sql", first + ":" + second);
        assertEquals(ExitCode.OK, up.code(), up::toString);
        assertContains(
                up.out(),
                "COMMIT;\n-- outside a transaction\nSET lock_timeout = '0';\nDROP INDEX CONCURRENTLY IF EXISTS"
                        + " \"accounts_region_idx\";\nRESET lock_timeout;\n");
        assertContains(
                up.out(),
                "-- outside a transaction\nSET lock_timeout = '0';\nCREATE INDEX CONCURRENTLY \"accounts_region_idx\" ON"
                        + " \"accounts\" (\"region\");\nRESET lock_timeout;\n");
        Psql.run(db, dir, up.out());
        assertEquals(
                List.of("t"),
                db.query("SELECT indisvalid FROM pg_index WHERE indexrelid = 'accounts_region_idx'::regclass"));
        assertEquals(Cli.CLEAN_CHECK, cli.run("check"));
        Cli.Result down = cli.run("downgrade", "--sql", second + ":" + first);
        assertContains(
                down.out(),
                "-- outside a transaction\nSET lock_timeout = '0';\nDROP INDEX CONCURRENTLY \"accounts_region_idx\";\n");
        Psql.run(db, dir, down.out());
        assertEquals(before, PgDump.schema(db));
    }

    @Test
    void foreignKeyIsAddedNotValidAndValidatedAfterACommit() throws Exception {
        Cli cli = start("ALTER TABLE accounts DROP CONSTRAINT accounts_owner_id_fkey");
        String source = roundTrip(cli);
        assertContains(source, """
                        op.addForeignKey("accounts",
                                foreignKey("owner_id").references("owners", "id").named("accounts_owner_id_fkey"),
                                Option.NOT_VALID);
                        // HAZARD fails-on-data: validating a constraint on accounts reads every row (writes go on) and fails on rows that violate it
                        op.autocommit(a -> a.validateConstraint("accounts", foreignKey("owner_id").references("owners", "id").named("accounts_owner_id_fkey")));
                """);
        assertContains(source, """
                        op.dropForeignKey("accounts", foreignKey("owner_id").references("owners", "id").named("accounts_owner_id_fkey"));
                """);
        assertFalse(source.contains("HAZARD long-lock"), source);
    }

    @Test
    void checkIsAddedNotValidAndValidatedAfterACommit() throws Exception {
        Cli cli = start("ALTER TABLE accounts DROP CONSTRAINT accounts_balance_check");
        String source = roundTrip(cli);
        assertContains(source, """
                        op.addCheck("accounts", check("balance >= 0").named("accounts_balance_check").notValid());
                        // HAZARD fails-on-data: validating a constraint on accounts reads every row (writes go on) and fails on rows that violate it
                        op.autocommit(a -> a.validateConstraint("accounts", check("balance >= 0").named("accounts_balance_check")));
                """);
        assertFalse(source.contains("HAZARD long-lock"), source);
    }

    @Test
    void setNotNullIsProvedByAValidatedCheckFirst() throws Exception {
        Cli cli = start("ALTER TABLE accounts ALTER COLUMN email DROP NOT NULL");
        String source = roundTrip(cli);
        assertContains(source, """
                        op.addCheck("accounts", check("\\"email\\" IS NOT NULL").named("accounts_email_nn_check").notValid());
                        // HAZARD fails-on-data: validating a constraint on accounts reads every row (writes go on) and fails on rows that violate it
                        op.autocommit(a -> a.validateConstraint("accounts", check("\\"email\\" IS NOT NULL").named("accounts_email_nn_check")));
                        op.alterColumn("accounts",
                                column("email", "varchar(255)"),
                                column("email", "varchar(255)").notNull());
                        op.dropCheck("accounts", check("\\"email\\" IS NOT NULL").named("accounts_email_nn_check"));
                """);
        assertContains(source, """
                    public void downgrade(Ops op) {
                        op.alterColumn("accounts",
                                column("email", "varchar(255)").notNull(),
                                column("email", "varchar(255)"));
                    }
                """);
        assertFalse(source.contains("HAZARD long-lock"), source);
    }

    @Test
    void uniqueKeyIsAddedUsingAConcurrentIndex() throws Exception {
        Cli cli = start("ALTER TABLE accounts DROP CONSTRAINT accounts_email_key");
        String source = roundTrip(cli);
        assertContains(source, """
                        op.autocommit(a -> {
                            a.dropIndex("accounts",
                                    index("email").asUnique().named("accounts_email_key"),
                                    Option.CONCURRENTLY,
                                    Option.IF_EXISTS);
                            // HAZARD fails-on-data: building unique index accounts_email_key on accounts fails on duplicates (writes go on), leaving an INVALID index to drop
                            a.createIndex("accounts",
                                    index("email").asUnique().named("accounts_email_key"),
                                    Option.CONCURRENTLY);
                        });
                        op.addUnique("accounts",
                                unique("email").named("accounts_email_key"),
                                Option.USING_INDEX);
                """);
        assertFalse(source.contains("HAZARD long-lock"), source);
    }

    @Test
    void primaryKeyIsAddedUsingAConcurrentIndex() throws Exception {
        Cli cli = start("ALTER TABLE accounts DROP CONSTRAINT accounts_pkey");
        String source = roundTrip(cli);
        assertContains(source, """
                        op.addPrimaryKey("accounts",
                                primaryKey("id"),
                                Option.USING_INDEX);
                """);
        assertContains(
                source,
                "a.createIndex(\"accounts\",\n                    index(\"id\").asUnique().named(\"accounts_pkey\"),");
        assertFalse(source.contains("HAZARD long-lock"), source);
    }

    /** A unique build that fails on duplicates leaves an INVALID index; once they are gone, the next run drops it and builds it again. */
    @Test
    void aFailedConcurrentBuildIsDroppedAndBuiltAgainByTheNextRun() throws Exception {
        Cli cli = start("ALTER TABLE accounts DROP CONSTRAINT accounts_email_key;"
                + " UPDATE accounts SET email = 'twice@example.com' WHERE id IN (1, 2)");
        online(cli);
        assertEquals(
                ExitCode.OK,
                cli.run("revision", "--autogenerate", "-m", "unique email").code());
        Cli.Result failed = cli.run("upgrade", "head");
        assertEquals(ExitCode.ERROR, failed.code(), failed::toString);
        assertContains(failed.err(), "could not create unique index \"accounts_email_key\"");
        assertEquals(
                List.of("f"),
                db.query("SELECT indisvalid FROM pg_index WHERE indexrelid = 'accounts_email_key'::regclass"));

        db.execute("UPDATE accounts SET email = 'a2@example.com' WHERE id = 2");
        Cli.Result again = cli.run("upgrade", "head");
        assertEquals(ExitCode.OK, again.code(), again::toString);
        assertEquals(
                List.of("t"),
                db.query("SELECT indisvalid FROM pg_index WHERE indexrelid = 'accounts_email_key'::regclass"));
        assertEquals(Cli.CLEAN_CHECK, cli.run("check"));
    }

    /**
     * PostgreSQL says (at DEBUG1) that the validated check proves the column holds no nulls, so the
     * online {@code SET NOT NULL} reads no row; the simple one verifies the table. Run from each
     * form's offline script.
     */
    @Test
    void theOnlineSetNotNullReadsNoRow() throws Exception {
        Cli cli = start("ALTER TABLE accounts ALTER COLUMN email DROP NOT NULL");
        String first = currentRevision();
        assertEquals(
                ExitCode.OK,
                cli.run("revision", "--autogenerate", "-m", "email required").code());
        Path simple = newest();
        String simpleScript =
                cli.run("upgrade", "--sql", first + ":" + revisionId(simple)).out();
        Files.delete(simple);
        online(cli);
        assertEquals(
                ExitCode.OK,
                cli.run("revision", "--autogenerate", "-m", "email required").code());
        String onlineScript =
                cli.run("upgrade", "--sql", first + ":" + revisionId(newest())).out();
        String proof = "existing constraints on column \"accounts.email\" are sufficient to prove that it does not"
                + " contain nulls";

        String before = PgDump.schema(db);
        String plain = Psql.run(db, dir, "SET client_min_messages = debug1;\n" + simpleScript);
        assertEquals(List.of("verifying table \"accounts\""), debugLines(plain), "SET NOT NULL reads the table");
        db.execute("ALTER TABLE accounts ALTER COLUMN email DROP NOT NULL; UPDATE retort_version SET version_num = '"
                + first + "'");
        assertEquals(before, PgDump.schema(db));
        String safe = Psql.run(db, dir, "SET client_min_messages = debug1;\n" + onlineScript);
        assertEquals(
                List.of("verifying table \"accounts\"", proof),
                debugLines(safe),
                "VALIDATE CONSTRAINT reads the table (under SHARE UPDATE EXCLUSIVE), SET NOT NULL does not");
    }

    /** What the server said at DEBUG level, in order, without psql's file and line prefix. */
    private static List<String> debugLines(String psqlOutput) {
        return psqlOutput
                .lines()
                .filter(line -> line.contains(" DEBUG:  "))
                .map(line -> line.substring(line.indexOf(" DEBUG:  ") + " DEBUG:  ".length()))
                .toList();
    }

    /**
     * A concurrent build waits for every transaction older than it, holding nothing reads or writes
     * queue behind, so it waits past {@code lock.ddl-timeout} (the runner gives it no lock timeout) and
     * completes once the older transaction ends.
     */
    @Test
    void aConcurrentBuildWaitsPastTheLockTimeout() throws Exception {
        Cli cli = start("DROP INDEX accounts_region_idx");
        online(cli);
        cli.write("retort.properties", cli.read("retort.properties") + "lock.ddl-timeout = 1\n");
        assertEquals(
                ExitCode.OK,
                cli.run("revision", "--autogenerate", "-m", "region index").code());
        try (Connection reader = db.connect()) {
            reader.setAutoCommit(false);
            try (Statement st = reader.createStatement()) {
                st.executeQuery("SELECT count(*) FROM owners").close();
            }
            CompletableFuture<Cli.Result> upgrade = CompletableFuture.supplyAsync(() -> cli.run("upgrade", "head"));
            waitForTheBuildToWait();
            // three times lock.ddl-timeout: a build under the lock timeout would have failed by now
            Thread.sleep(3_000);
            assertFalse(upgrade.isDone(), () -> "the build still waits for the reader: " + upgrade.join());
            reader.commit();
            Cli.Result up = upgrade.get(60, TimeUnit.SECONDS);
            assertEquals(ExitCode.OK, up.code(), up::toString);
        }
        assertEquals(
                List.of("t"),
                db.query("SELECT indisvalid FROM pg_index WHERE indexrelid = 'accounts_region_idx'::regclass"));
        assertEquals(Cli.CLEAN_CHECK, cli.run("check"));
    }

    /**
     * Under {@code lock.statement-timeout}, a concurrent build that waits longer for a transaction older
     * than it is cancelled, leaving an INVALID index; the next run, the transaction gone, drops it and
     * builds it again.
     */
    @Test
    void aBuildStoppedByTheStatementTimeoutIsBuiltAgainByTheNextRun() throws Exception {
        Cli cli = start("DROP INDEX accounts_region_idx");
        online(cli);
        cli.write("retort.properties", cli.read("retort.properties") + "lock.statement-timeout = 1\n");
        assertEquals(
                ExitCode.OK,
                cli.run("revision", "--autogenerate", "-m", "region index").code());
        try (Connection reader = db.connect()) {
            reader.setAutoCommit(false);
            try (Statement st = reader.createStatement()) {
                st.executeQuery("SELECT count(*) FROM owners").close();
            }
            Cli.Result stopped = cli.run("upgrade", "head");
            assertEquals(ExitCode.ERROR, stopped.code(), stopped::toString);
            assertContains(stopped.err(), "canceling statement due to statement timeout");
            assertEquals(
                    List.of("f"),
                    db.query("SELECT indisvalid FROM pg_index WHERE indexrelid = 'accounts_region_idx'::regclass"));
            reader.commit();
        }
        Cli.Result again = cli.run("upgrade", "head");
        assertEquals(ExitCode.OK, again.code(), again::toString);
        assertEquals(
                List.of("t"),
                db.query("SELECT indisvalid FROM pg_index WHERE indexrelid = 'accounts_region_idx'::regclass"));
        assertEquals(Cli.CLEAN_CHECK, cli.run("check"));
    }

    /**
     * A column that still holds a null: the IS NOT NULL check's validation fails, after its NOT VALID
     * ADD was committed, and the error says so (what to undo before the next run).
     */
    @Test
    void aFailedValidationSaysWhatStaysCommitted() throws Exception {
        Cli cli = start(
                "ALTER TABLE accounts ALTER COLUMN email DROP NOT NULL; UPDATE accounts SET email = NULL WHERE id = 7");
        String first = currentRevision();
        online(cli);
        assertEquals(
                ExitCode.OK,
                cli.run("revision", "--autogenerate", "-m", "email required").code());
        String second = revisionId(newest());
        Cli.Result failed = cli.run("upgrade", "head");
        assertEquals(
                new Cli.Result(
                        ExitCode.ERROR,
                        "Running upgrade " + first + " -> " + second + ", email required\n",
                        "error: revision " + second
                                + " (upgrade): statement 2 failed: ALTER TABLE \"accounts\" VALIDATE"
                                + " CONSTRAINT \"accounts_email_nn_check\": ERROR: check constraint \"accounts_email_nn_check\""
                                + " of relation \"accounts\" is violated by some row; statements 1-1 of this migration were"
                                + " committed before the failure (autocommit block) and stay applied, the version table stays at "
                                + first + "\n"),
                failed);
        assertEquals(
                List.of("f"),
                db.query("SELECT convalidated FROM pg_constraint WHERE conname = 'accounts_email_nn_check'"));
    }

    /** Without the key (a project older than it), the migration is today's: the plain statement, its long lock marked. */
    @Test
    void withoutTheKeyTheFormsAreSimple() throws Exception {
        Cli cli = start("DROP INDEX accounts_region_idx");
        Cli.Result revision = cli.run("revision", "--autogenerate", "-m", "region index");
        assertContains(revision.out(), "  HAZARD long-lock: building index on accounts (region) blocks writes to it");
        String source = Files.readString(newest());
        assertContains(source, """
                        // HAZARD long-lock: building index on accounts (region) blocks writes to it; for a large table, build it with CREATE INDEX CONCURRENTLY in op.autocommit, in a migration of its own
                        op.createIndex("accounts", index("region").named("accounts_region_idx"));
                """);
        assertFalse(source.contains("Option."), source);
        cli.write("retort.properties", cli.read("retort.properties") + "safety = careful\n");
        Cli.Result bad = cli.run("check");
        assertEquals(
                new Cli.Result(ExitCode.ERROR, "", "error: safety: expected online or simple, got \"careful\"\n"), bad);
    }

    /**
     * While the concurrent build waits for a transaction that was open before it (a reader), a
     * second session inserts rows into the table: the build holds only SHARE UPDATE EXCLUSIVE on it
     * (pg_locks), which writes do not wait for.
     */
    @Test
    void theConcurrentBuildLetsWritesThrough() throws Exception {
        Cli cli = start("DROP INDEX accounts_region_idx");
        online(cli);
        assertEquals(
                ExitCode.OK,
                cli.run("revision", "--autogenerate", "-m", "region index").code());
        try (Connection reader = db.connect();
                Connection writer = db.connect()) {
            reader.setAutoCommit(false);
            try (Statement st = reader.createStatement()) {
                st.executeQuery("SELECT count(*) FROM accounts").close();
            }
            CompletableFuture<Cli.Result> upgrade = CompletableFuture.supplyAsync(() -> cli.run("upgrade", "head"));
            waitForTheBuildToWait();
            assertEquals(
                    List.of("ShareUpdateExclusiveLock true"),
                    db.query(
                            "SELECT l.mode || ' ' || l.granted FROM pg_locks l JOIN pg_stat_activity a USING (pid)"
                                    + " WHERE l.relation = 'accounts'::regclass AND a.query LIKE 'CREATE INDEX CONCURRENTLY%'"));
            try (Statement st = writer.createStatement()) {
                st.execute("SET lock_timeout = '5s'");
                st.execute("INSERT INTO accounts (id, email, region, balance, owner_id)"
                        + " VALUES (9001, 'new@example.com', 'r1', 1, 1)");
            }
            assertFalse(upgrade.isDone(), "the build still waits for the reader");
            reader.commit();
            Cli.Result up = upgrade.get(60, TimeUnit.SECONDS);
            assertEquals(ExitCode.OK, up.code(), up::toString);
        }
        assertEquals(
                List.of("t"),
                db.query("SELECT indisvalid FROM pg_index WHERE indexrelid = 'accounts_region_idx'::regclass"));
        assertEquals(List.of("1"), db.query("SELECT count(*) FROM accounts WHERE id = 9001"));
    }

    private static void waitForTheBuildToWait() throws SQLException, InterruptedException {
        for (int i = 0; i < 300; i++) {
            List<String> waiting = db.query("SELECT count(*) FROM pg_stat_activity WHERE query LIKE"
                    + " 'CREATE INDEX CONCURRENTLY%' AND wait_event_type = 'Lock'");
            if (waiting.equals(List.of("1"))) return;
            Thread.sleep(100);
        }
        throw new AssertionError("the concurrent build never waited for the reader");
    }

    private Cli start(String undo) throws SQLException {
        return OnlineProject.start(db, dir, undo);
    }

    private static void online(Cli cli) {
        OnlineProject.online(cli);
    }

    /** Generates the online revision, applies it, checks clean, downgrades it: the schema is exactly the one before. */
    private String roundTrip(Cli cli) throws Exception {
        String before = PgDump.schema(db);
        online(cli);
        Cli.Result revision = cli.run("revision", "--autogenerate", "-m", "online");
        assertEquals(ExitCode.OK, revision.code(), revision::toString);
        String source = Files.readString(newest());
        assertFalse(revision.out().contains("HAZARD long-lock"), revision::toString);
        Cli.Result up = cli.run("upgrade", "head");
        assertEquals(ExitCode.OK, up.code(), () -> up + "\n" + source);
        assertEquals(Cli.CLEAN_CHECK, cli.run("check"), source);
        assertEquals(List.of("0"), db.query("SELECT count(*) FROM pg_index WHERE NOT indisvalid"));
        assertEquals(List.of("0"), db.query("SELECT count(*) FROM pg_constraint WHERE NOT convalidated"));
        Cli.Result down = cli.run("downgrade", "-1");
        assertEquals(ExitCode.OK, down.code(), down::toString);
        assertEquals(before, PgDump.schema(db), source);
        return source;
    }

    private String currentRevision() throws SQLException {
        return db.query("SELECT version_num FROM retort_version").get(0);
    }

    private Path newest() throws IOException {
        return OnlineProject.newest(dir);
    }

    private static String revisionId(Path file) throws IOException {
        return OnlineProject.revisionId(file);
    }

    private static void assertContains(String text, String part) {
        assertTrue(text.contains(part), () -> "expected\n" + part + "\nin\n" + text);
    }
}
