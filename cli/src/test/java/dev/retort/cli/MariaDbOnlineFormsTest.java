package dev.retort.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.retort.fixtures.db.MariaDbTestDatabase;
import dev.retort.fixtures.online.Account;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@code safety = online} on MariaDB, through the real command line on tables of 5,000 rows: for each form, the
 * object dropped from a database Hibernate's MariaDB export made, {@code revision --autogenerate} writes the same
 * online DSL as on PostgreSQL, {@code upgrade --sql} renders it as MariaDB's lock-safe statements (written down
 * here), the real {@code upgrade} runs them (the server accepts every {@code LOCK=NONE}: it refuses one it cannot
 * do while writes go on) and {@code check} then finds nothing. The lock proofs read the server's own state
 * ({@code information_schema.PROCESSLIST}), never a clock: an application's open transaction on the referenced
 * table does not stop the online foreign key, while the plain one waits for it; an open reader of the table stops
 * every ALTER, online too, at its metadata lock, new writers queue behind it, and {@code lock.ddl-timeout} makes
 * it fail fast. The validations fail naming the rows that break them, and the next {@code upgrade} resumes there.
 */
class MariaDbOnlineFormsTest {
    private static final String ONLINE = "ALGORITHM=INPLACE, LOCK=NONE";

    @RegisterExtension
    final MariaDbTestDatabase db = new MariaDbTestDatabase();

    @TempDir
    Path workDir;

    Cli cli;

    /** A missing object, the DSL the online revision writes for it, and the MariaDB statements of its upgrade. */
    enum Form {
        INDEX(
                "DROP INDEX accounts_region_idx ON accounts",
                "Option.CONCURRENTLY",
                // the drop of a failed build's leftover runs nothing: MariaDB's build leaves none
                List.of("CREATE INDEX `accounts_region_idx` ON `accounts` (`region`) ALGORITHM=INPLACE LOCK=NONE")),
        FOREIGN_KEY(
                // the index InnoDB made for the key too: left alone, the comparison would drop it
                "ALTER TABLE accounts DROP FOREIGN KEY accounts_owner_id_fkey, DROP INDEX accounts_owner_id_fkey",
                "Option.NOT_VALID",
                List.of(
                        "SET STATEMENT foreign_key_checks=0 FOR ALTER TABLE `accounts` ADD CONSTRAINT"
                                + " `accounts_owner_id_fkey` FOREIGN KEY (`owner_id`) REFERENCES `owners` (`id`) ON"
                                + " DELETE NO ACTION ON UPDATE NO ACTION, " + ONLINE,
                        validateForeignKey())),
        CHECK(
                "ALTER TABLE accounts DROP CONSTRAINT accounts_balance_check",
                "validateConstraint",
                List.of("ALTER TABLE `accounts` ADD CONSTRAINT `accounts_balance_check` CHECK (balance >= 0),"
                        + " ALGORITHM=COPY, LOCK=SHARED")),
        SET_NOT_NULL(
                "ALTER TABLE accounts MODIFY email varchar(255) NULL",
                "accounts_email_nn_check",
                List.of(
                        String.join(
                                "\n",
                                "BEGIN NOT ATOMIC",
                                "  DECLARE found text DEFAULT NULL;",
                                "  SELECT group_concat(r SEPARATOR '; ') INTO found FROM (SELECT concat(count(*), '"
                                        + " rows') AS r FROM `accounts` WHERE `email` IS NULL HAVING count(*) > 0) AS"
                                        + " broken;",
                                "  IF found IS NOT NULL THEN",
                                "    SET found = left(concat('column email of accounts holds null in ', found), 500);",
                                "    SIGNAL SQLSTATE '23000' SET MESSAGE_TEXT = found;",
                                "  END IF;",
                                "END"),
                        // as the online run, the MODIFY keeps the collation information_schema gives email then
                        String.join(
                                "\n",
                                "BEGIN NOT ATOMIC",
                                "  -- what the live columns have and the migration does not name, read as an online"
                                        + " run reads them",
                                "  DECLARE compressed_1 boolean;",
                                "  DECLARE collation_2 text;",
                                "  DECLARE invisible_3 boolean;",
                                "  DECLARE own_check_4 boolean;",
                                "  SELECT max(c.COLUMN_NAME = BINARY 'email' AND c.COLUMN_TYPE LIKE '%COMPRESSED%'),",
                                "         max(IF(c.COLUMN_NAME = BINARY 'email' AND c.COLLATION_NAME <>"
                                        + " t.TABLE_COLLATION, c.COLLATION_NAME, NULL)),",
                                "         max(c.COLUMN_NAME = BINARY 'email' AND lower(c.EXTRA) LIKE '%invisible%'),",
                                "         max(c.COLUMN_NAME = BINARY 'email' AND EXISTS (SELECT 1 FROM"
                                        + " information_schema.CHECK_CONSTRAINTS k WHERE k.CONSTRAINT_SCHEMA ="
                                        + " c.TABLE_SCHEMA AND k.TABLE_NAME = c.TABLE_NAME AND k.LEVEL = 'Column' AND"
                                        + " (k.CONSTRAINT_NAME = c.COLUMN_NAME OR (NOT EXISTS (SELECT 1 FROM"
                                        + " information_schema.COLUMNS o WHERE o.TABLE_SCHEMA = k.CONSTRAINT_SCHEMA AND"
                                        + " o.TABLE_NAME = k.TABLE_NAME AND o.COLUMN_NAME = k.CONSTRAINT_NAME) AND"
                                        + " locate(concat('`', replace(c.COLUMN_NAME, '`', '``'), '`'),"
                                        + " k.CHECK_CLAUSE) > 0))))",
                                "    INTO compressed_1, collation_2, invisible_3, own_check_4",
                                "    FROM information_schema.COLUMNS c",
                                "    JOIN information_schema.TABLES t ON t.TABLE_SCHEMA = c.TABLE_SCHEMA AND"
                                        + " t.TABLE_NAME = c.TABLE_NAME",
                                "    WHERE c.TABLE_SCHEMA = DATABASE() AND c.TABLE_NAME = 'accounts';",
                                "  IF collation_2 NOT REGEXP BINARY '^[A-Za-z0-9_]+$' THEN",
                                "    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'retort: column accounts.email:"
                                        + " information_schema gives its collation as no name of letters, digits and"
                                        + " underscores; this MODIFY COLUMN would lose it, so it did not run';",
                                "  END IF;",
                                "  IF own_check_4 THEN",
                                "    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'retort: column accounts.email has its own"
                                        + " check, which this MODIFY COLUMN would drop, so it did not run; drop the check"
                                        + " before the change and add it again after (op.dropCheck, op.addCheck)';",
                                "  END IF;",
                                "  EXECUTE IMMEDIATE concat(",
                                "    'ALTER TABLE `accounts` MODIFY COLUMN `email` varchar(255)',",
                                "    IF(compressed_1, ' COMPRESSED', ''),",
                                "    IF(collation_2 IS NULL, '', concat(' COLLATE ', collation_2)),",
                                "    ' NOT NULL',",
                                "    IF(invisible_3, ' INVISIBLE', ''),",
                                "    ', " + ONLINE + "');",
                                "END"))),
        UNIQUE(
                "ALTER TABLE accounts DROP INDEX accounts_email_key",
                "Option.USING_INDEX",
                List.of("CREATE UNIQUE INDEX `accounts_email_key` ON `accounts` (`email`) ALGORITHM=INPLACE"
                        + " LOCK=NONE")),
        PRIMARY_KEY(
                "ALTER TABLE accounts DROP PRIMARY KEY",
                "Option.USING_INDEX",
                List.of(
                        "CREATE UNIQUE INDEX `accounts_pkey` ON `accounts` (`id`) ALGORITHM=INPLACE LOCK=NONE",
                        "ALTER TABLE `accounts` DROP INDEX `accounts_pkey`, ADD PRIMARY KEY (`id`), " + ONLINE));

        final String undo;
        final String dsl;
        final List<String> statements;

        Form(String undo, String dsl, List<String> statements) {
            this.undo = undo;
            this.dsl = dsl;
            this.statements = statements;
        }
    }

    static String validateForeignKey() {
        return String.join(
                "\n",
                "BEGIN NOT ATOMIC",
                "  DECLARE found text DEFAULT NULL;",
                "  SELECT group_concat(r SEPARATOR '; ') INTO found FROM (SELECT concat('(', concat_ws(', ',"
                        + " quote(c.`owner_id`)), ')') AS r FROM `accounts` c WHERE c.`owner_id` IS NOT NULL AND NOT"
                        + " EXISTS (SELECT 1 FROM `owners` p WHERE p.`id` = c.`owner_id`) LIMIT 5) AS broken;",
                "  IF found IS NOT NULL THEN",
                "    SET found = left(concat('foreign key accounts_owner_id_fkey on accounts: rows whose (owner_id) match"
                        + " no row of owners: ', found), 500);",
                "    SIGNAL SQLSTATE '23000' SET MESSAGE_TEXT = found;",
                "  END IF;",
                "END");
    }

    @BeforeEach
    void database() throws Exception {
        db.execute(MariaDbEntityCheckTest.createScript(Account.PACKAGE, "snake"));
        db.execute("INSERT INTO owners (id) SELECT seq FROM seq_1_to_100");
        db.execute("INSERT INTO accounts (id, email, region, balance, owner_id)"
                + " SELECT seq, concat('a', seq, '@example.com'), concat('r', seq % 7), seq, seq % 100 + 1"
                + " FROM seq_1_to_5000");
        cli = new Cli(workDir);
        cli.configure(db.url(), Account.PACKAGE, "snake");
        cli.write("retort.properties", cli.read("retort.properties") + "safety = online\nlock.ddl-timeout = 30\n");
        Cli.Result clean = cli.run("check");
        assertEquals(ExitCode.OK, clean.code(), clean::toString);
    }

    @ParameterizedTest
    @EnumSource(Form.class)
    void eachFormIsWrittenInTheOnlineDslAndRunAsMariaDbsLockSafeStatements(Form form) throws Exception {
        db.execute(form.undo);
        Cli.Result revision = cli.run("revision", "--autogenerate", "-m", form.name());
        assertEquals(ExitCode.OK, revision.code(), revision::toString);
        String source = Files.readString(migrationFile());
        assertTrue(source.contains(form.dsl), source);
        // what MariaDB cannot do online is said, not pretended
        String writesWait = "  HAZARD long-lock: adding check accounts_balance_check on accounts copies the table while"
                + " writes wait (ALGORITHM=COPY, LOCK=SHARED) and fails on rows that violate it: MariaDB 10.11 has no"
                + " online form for it\n";
        assertEquals(form == Form.CHECK, revision.out().contains(writesWait), revision::toString);
        // lint reads a history without a database: these tables come from Hibernate's export, not from a revision,
        // so no lock rule applies here (MariaDbLintCommandTest reads each online form on tables a history creates)
        assertEquals(new Cli.Result(ExitCode.OK, "No lint findings in 1 revision.\n", ""), cli.run("lint"));

        Cli.Result script = cli.run("upgrade", "--sql", "head");
        assertEquals(ExitCode.OK, script.code(), script::toString);
        assertEquals(form.statements, migrationStatements(script.out()), script.out());

        List<String> before = shape();
        Cli.Result up = cli.run("upgrade", "head");
        assertEquals(ExitCode.OK, up.code(), up::toString);
        Cli.Result after = cli.run("check");
        assertEquals(new Cli.Result(ExitCode.OK, "No new upgrade operations detected.\n", ""), after);

        // the online downgrade runs on MariaDB too, and gives back the tables as they were
        Cli.Result down = cli.run("downgrade", "base");
        assertEquals(ExitCode.OK, down.code(), down::toString);
        assertEquals(before, shape());
    }

    private List<String> shape() throws SQLException {
        return shape(db);
    }

    /** The online fixture's tables as information_schema shows them: columns, indexes, constraints and checks. */
    static List<String> shape(MariaDbTestDatabase db) throws SQLException {
        List<String> rows = new ArrayList<>();
        String[] queries = {
            "SELECT table_name, column_name, column_type, is_nullable, column_default FROM information_schema.columns"
                    + " WHERE table_schema = DATABASE() AND table_name IN ('accounts', 'owners')"
                    + " ORDER BY table_name, ordinal_position",
            "SELECT table_name, index_name, non_unique, seq_in_index, column_name FROM information_schema.statistics"
                    + " WHERE table_schema = DATABASE() AND table_name IN ('accounts', 'owners')"
                    + " ORDER BY table_name, index_name, seq_in_index",
            "SELECT table_name, constraint_name, constraint_type FROM information_schema.table_constraints"
                    + " WHERE constraint_schema = DATABASE() AND table_name IN ('accounts', 'owners')"
                    + " ORDER BY table_name, constraint_name",
            // MySQL's CHECK_CONSTRAINTS has no TABLE_NAME: TABLE_CONSTRAINTS says it
            db.isMySql()
                    ? "SELECT t.table_name, c.constraint_name, c.check_clause FROM information_schema.check_constraints c"
                            + " JOIN information_schema.table_constraints t ON t.constraint_schema = c.constraint_schema"
                            + " AND t.constraint_name = c.constraint_name WHERE c.constraint_schema = DATABASE()"
                            + " ORDER BY t.table_name, c.constraint_name"
                    : "SELECT table_name, constraint_name, check_clause FROM information_schema.check_constraints"
                            + " WHERE constraint_schema = DATABASE() ORDER BY table_name, constraint_name"
        };
        try (Connection c = db.connect();
                Statement st = c.createStatement()) {
            for (String query : queries) {
                try (ResultSet rs = st.executeQuery(query)) {
                    int n = rs.getMetaData().getColumnCount();
                    while (rs.next()) {
                        StringBuilder row = new StringBuilder();
                        for (int i = 1; i <= n; i++)
                            row.append(i == 1 ? "" : " ").append(rs.getString(i));
                        rows.add(row.toString());
                    }
                }
            }
        }
        return rows;
    }

    /**
     * An application's transaction open on {@code owners} (a row locked for update): the online foreign key reads no
     * row and takes no lock that transaction holds, so {@code upgrade} completes beside it; the plain {@code ADD
     * FOREIGN KEY} (what {@code safety = simple} writes) waits for it at {@code owners}' metadata lock.
     */
    @Test
    void theOnlineForeignKeyDoesNotWaitForAnOpenTransactionOnTheReferencedTable() throws Exception {
        db.execute(Form.FOREIGN_KEY.undo);
        assertEquals(
                ExitCode.OK, cli.run("revision", "--autogenerate", "-m", "fk").code());
        try (Connection gate = db.connect();
                Connection plain = db.connect()) {
            gate.setAutoCommit(false);
            query(gate, "SELECT id FROM owners WHERE id = 1 FOR UPDATE");
            Cli.Result up = cli.run("upgrade", "head");
            assertEquals(ExitCode.OK, up.code(), up::toString);

            execute(plain, Form.FOREIGN_KEY.undo);
            long id = connectionId(plain);
            CompletableFuture<Void> simple = CompletableFuture.runAsync(() -> execute(
                    plain,
                    "ALTER TABLE accounts ADD CONSTRAINT accounts_owner_id_fkey FOREIGN KEY (owner_id) REFERENCES"
                            + " owners (id)"));
            assertEquals("Waiting for table metadata lock", awaitState(id));
            gate.commit();
            simple.join();
        }
    }

    /**
     * What MariaDB's online ALTER still does: it takes the table's metadata lock exclusively for a moment, so an open
     * reader's transaction stops it, and new writers queue behind it (a writer with a one-second wait fails); with
     * {@code lock.ddl-timeout = 1} the migration fails fast instead, naming the setting, and runs once the reader is
     * gone.
     */
    @Test
    void anOpenReaderStopsTheOnlineAlterAtItsMetadataLockAndTheDdlTimeoutBoundsIt() throws Exception {
        db.execute(Form.INDEX.undo);
        assertEquals(
                ExitCode.OK,
                cli.run("revision", "--autogenerate", "-m", "index").code());
        try (Connection reader = db.connect();
                Connection writer = db.connect()) {
            reader.setAutoCommit(false);
            query(reader, "SELECT count(*) FROM accounts");
            CompletableFuture<Cli.Result> up = CompletableFuture.supplyAsync(() -> cli.run("upgrade", "head"));
            assertEquals("Waiting for table metadata lock", awaitState(alterId()));
            execute(writer, "SET SESSION lock_wait_timeout = 1");
            SQLException queued =
                    assertThrowsSql(() -> execute(writer, "UPDATE accounts SET balance = balance + 1 WHERE id = 1"));
            assertEquals(1205, queued.getErrorCode(), queued::toString);
            reader.commit();
            Cli.Result done = up.join();
            assertEquals(ExitCode.OK, done.code(), done::toString);
        }
        assertEquals(ExitCode.OK, cli.run("downgrade", "-1").code());
        cli.write(
                "retort.properties",
                cli.read("retort.properties").replace("lock.ddl-timeout = 30", "lock.ddl-timeout = 1"));
        try (Connection reader = db.connect()) {
            reader.setAutoCommit(false);
            query(reader, "SELECT count(*) FROM accounts");
            Cli.Result failed = cli.run("upgrade", "head");
            assertEquals(ExitCode.ERROR, failed.code(), failed::toString);
            assertTrue(failed.err().contains("Lock wait timeout exceeded"), failed::toString);
            assertTrue(failed.err().contains("it waited 1 s (lock.ddl-timeout)"), failed::toString);
            reader.commit();
        }
        Cli.Result resumed = cli.run("upgrade", "head");
        assertEquals(ExitCode.OK, resumed.code(), resumed::toString);
    }

    /** The foreign key's validation fails naming the orphan rows; once they are fixed the next upgrade resumes there. */
    @Test
    void theForeignKeysValidationFailsNamingTheOrphansAndTheNextUpgradeResumesAtIt() throws Exception {
        db.execute(Form.FOREIGN_KEY.undo);
        db.execute("INSERT INTO accounts (id, email, owner_id) VALUES (9001, 'o@example.com', 777)");
        assertEquals(
                ExitCode.OK, cli.run("revision", "--autogenerate", "-m", "fk").code());
        Cli.Result failed = cli.run("upgrade", "head");
        assertEquals(ExitCode.ERROR, failed.code(), failed::toString);
        assertTrue(
                failed.err()
                        .contains("foreign key accounts_owner_id_fkey on accounts: rows whose (owner_id) match no row"
                                + " of owners: ('777'); on MariaDB every statement commits: statements 1-1"),
                failed::toString);
        db.execute("DELETE FROM accounts WHERE id = 9001");
        Cli.Result resumed = cli.run("upgrade", "head");
        assertEquals(ExitCode.OK, resumed.code(), resumed::toString);
        // the history: the failed run resumed (its statement 1, the ADD, not run again), then done
        List<String> runs = new ArrayList<>();
        try (Connection c = db.connect();
                ResultSet rs = c.createStatement()
                        .executeQuery("SELECT status, statements, total FROM retort_version_history ORDER BY id")) {
            while (rs.next())
                runs.add(rs.getString("status") + " " + rs.getInt("statements") + "/" + rs.getInt("total"));
        }
        assertEquals(List.of("resumed 1/2", "done 2/2"), runs);
    }

    /** The safe NOT NULL's proof fails naming how many rows hold null, before the MODIFY. */
    @Test
    void theNotNullProofFailsNamingTheRowsThatHoldNull() throws Exception {
        db.execute(Form.SET_NOT_NULL.undo);
        db.execute("UPDATE accounts SET email = NULL WHERE id IN (1, 2)");
        assertEquals(
                ExitCode.OK, cli.run("revision", "--autogenerate", "-m", "nn").code());
        Cli.Result failed = cli.run("upgrade", "head");
        assertEquals(ExitCode.ERROR, failed.code(), failed::toString);
        assertTrue(
                failed.err().contains("column email of accounts holds null in 2 rows; no statement of it ran"),
                failed::toString);
    }

    /**
     * The safe NOT NULL's {@code MODIFY}, rendered again just before it runs (to keep what the live column has), stays
     * the online form the script writes: stopped at its metadata lock by an open reader, with {@code lock.ddl-timeout =
     * 1}, the statement the error names is the one that ran, {@code LOCK=NONE} and all.
     */
    @Test
    void theSafeNotNullsModifyRunsOnlineAsTheScriptWritesIt() throws Exception {
        db.execute(Form.SET_NOT_NULL.undo);
        assertEquals(
                ExitCode.OK, cli.run("revision", "--autogenerate", "-m", "nn").code());
        cli.write(
                "retort.properties",
                cli.read("retort.properties").replace("lock.ddl-timeout = 30", "lock.ddl-timeout = 1"));
        try (Connection reader = db.connect()) {
            reader.setAutoCommit(false);
            query(reader, "SELECT count(*) FROM accounts");
            Cli.Result failed = cli.run("upgrade", "head");
            assertEquals(ExitCode.ERROR, failed.code(), failed::toString);
            assertTrue(
                    failed.err()
                            .contains("statement 2 of 2 failed: ALTER TABLE `accounts` MODIFY COLUMN `email`"
                                    + " varchar(255) NOT NULL, ALGORITHM=INPLACE, LOCK=NONE: "),
                    failed::toString);
            reader.commit();
        }
        Cli.Result resumed = cli.run("upgrade", "head");
        assertEquals(ExitCode.OK, resumed.code(), resumed::toString);
    }

    /**
     * A run of the online primary key stopped after its {@code ALTER} (which takes the concurrent unique index into the
     * key, as MariaDB has no {@code USING INDEX}), undone by {@code downgrade}: the key dropped, then the index's drop
     * finding it gone runs nothing, so the table is as before the run and the history says undone.
     */
    @Test
    void aRunStoppedAfterTheOnlinePrimaryKeyIsUndoneExactly() throws Exception {
        db.execute(Form.PRIMARY_KEY.undo);
        assertEquals(
                ExitCode.OK, cli.run("revision", "--autogenerate", "-m", "pk").code());
        Path file = migrationFile();
        String source = Files.readString(file);
        int upgrade = source.indexOf("public void upgrade(");
        int end = source.indexOf("\n    }\n", upgrade);
        Files.writeString(
                file,
                source.substring(0, end) + "\n        op.execute(\"SELECT * FROM no_such_table\");"
                        + source.substring(end));
        List<String> before = keys();
        Cli.Result failed = cli.run("upgrade", "head");
        assertEquals(ExitCode.ERROR, failed.code(), failed::toString);
        assertTrue(failed.err().contains("statement 3 of 3 failed"), failed::toString);
        assertEquals(List.of("PRIMARY id"), keys());
        Cli.Result undone = cli.run("downgrade", "base");
        assertEquals(ExitCode.OK, undone.code(), undone::toString);
        assertEquals(before, keys());
    }

    /** The indexes of accounts, each as its name and columns. */
    private List<String> keys() throws SQLException {
        List<String> keys = new ArrayList<>();
        try (Connection c = db.connect();
                ResultSet rs = c.createStatement()
                        .executeQuery("SELECT index_name, group_concat(column_name ORDER BY seq_in_index)"
                                + " FROM information_schema.statistics WHERE table_schema = DATABASE()"
                                + " AND table_name = 'accounts' AND index_name IN ('PRIMARY', 'accounts_pkey')"
                                + " GROUP BY index_name ORDER BY index_name")) {
            while (rs.next()) keys.add(rs.getString(1) + " " + rs.getString(2));
        }
        return keys;
    }

    private Path migrationFile() throws Exception {
        try (Stream<Path> files = Files.walk(workDir.resolve("migrations"))) {
            return files.filter(f -> f.toString().endsWith(".java")).findFirst().orElseThrow();
        }
    }

    /** The statements of the script's migration: after its start row and before its end, bookkeeping left out. */
    private static List<String> migrationStatements(String script) {
        List<String> statements = new ArrayList<>();
        StringBuilder compound = null;
        for (String line : script.split("\n")) {
            if (compound != null) {
                if (line.endsWith("$$")) {
                    compound.append(line, 0, line.length() - 2);
                    String sql = compound.toString();
                    if (!sql.contains("retort_version")) statements.add(sql);
                    compound = null;
                } else compound.append(line).append('\n');
                continue;
            }
            if (line.equals("DELIMITER $$")) compound = new StringBuilder();
            else if (!line.contains("retort_version")
                    && (line.startsWith("ALTER TABLE `accounts`")
                            || line.startsWith("CREATE ")
                            || line.startsWith("SET STATEMENT"))) statements.add(line.substring(0, line.length() - 1));
        }
        return statements;
    }

    /** The connection id of the session running an ALTER on the database, once there is one. */
    private long alterId() throws Exception {
        for (int i = 0; i < 400; i++) {
            try (Connection c = db.connect();
                    ResultSet rs = c.createStatement()
                            .executeQuery("SELECT id FROM information_schema.processlist WHERE db = DATABASE()"
                                    + " AND (info LIKE 'ALTER TABLE%' OR info LIKE 'CREATE INDEX%')")) {
                if (rs.next()) return rs.getLong("id");
            }
            Thread.sleep(25);
        }
        throw new AssertionError("no ALTER started");
    }

    /** The state the server shows for a session, once it is a wait (polled, bounded: the server's state, no clock). */
    private String awaitState(long id) throws Exception {
        String state = null;
        for (int i = 0; i < 400; i++) {
            try (Connection c = db.connect();
                    ResultSet rs = c.createStatement()
                            .executeQuery("SELECT state FROM information_schema.processlist WHERE id = " + id)) {
                state = rs.next() ? rs.getString("state") : null;
            }
            if (state != null && state.startsWith("Waiting")) return state;
            Thread.sleep(25);
        }
        return state;
    }

    private static long connectionId(Connection c) throws SQLException {
        try (ResultSet rs = c.createStatement().executeQuery("SELECT CONNECTION_ID() AS id")) {
            rs.next();
            return rs.getLong("id");
        }
    }

    private static void query(Connection c, String sql) throws SQLException {
        try (Statement st = c.createStatement();
                ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                // read to the end: the transaction now holds the table
            }
        }
    }

    private static void execute(Connection c, String sql) {
        try (Statement st = c.createStatement()) {
            st.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static SQLException assertThrowsSql(Runnable r) {
        try {
            r.run();
        } catch (IllegalStateException e) {
            if (e.getCause() instanceof SQLException s) return s;
            throw e;
        }
        throw new AssertionError("no failure");
    }
}
