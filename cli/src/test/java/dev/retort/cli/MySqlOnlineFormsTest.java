package dev.retort.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.retort.fixtures.db.MariaDbTestDatabase;
import dev.retort.fixtures.online.Account;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@code safety = online} on MySQL 9.7, through the real command line, on the online fixture's tables as Hibernate's
 * MySQL dialect creates them, with 5,000 rows: each form {@link MariaDbOnlineFormsTest} runs on MariaDB is written, runs
 * online, checks clean and is undone, MySQL's way where it differs: the foreign key added with the session's {@code
 * foreign_key_checks} off, each validation (a compound statement, which MySQL runs only in a stored program) as a
 * procedure made, called and dropped, online and in an offline script alike. A validation that finds orphans or nulls
 * stops the run naming them, and the next upgrade resumes. The online primary key (a unique index, then the key from it)
 * is refused in one line: MySQL takes that unique index for the table's key and cannot drop it without copying the table,
 * which undoing a run stopped between the two would need. Each expectation was written before the first run.
 */
class MySqlOnlineFormsTest {
    /** The forms MySQL runs: {@link MariaDbOnlineFormsTest.Form}'s but the primary key's. */
    private static final List<MariaDbOnlineFormsTest.Form> FORMS = List.of(
            MariaDbOnlineFormsTest.Form.INDEX,
            MariaDbOnlineFormsTest.Form.FOREIGN_KEY,
            MariaDbOnlineFormsTest.Form.CHECK,
            MariaDbOnlineFormsTest.Form.SET_NOT_NULL,
            MariaDbOnlineFormsTest.Form.UNIQUE);

    @RegisterExtension
    final MariaDbTestDatabase db = MariaDbTestDatabase.mysql();

    @TempDir
    Path workDir;

    Cli cli;

    @BeforeEach
    void database() throws Exception {
        db.execute(MariaDbEntityCheckTest.createScript(Account.PACKAGE, "snake", List.of("MySQL", "8", "4")));
        db.execute("SET SESSION cte_max_recursion_depth = 10000;\n"
                + "INSERT INTO owners (id) WITH RECURSIVE s (i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM s WHERE"
                + " i < 100) SELECT i FROM s;\n"
                + "INSERT INTO accounts (id, email, region, balance, owner_id) WITH RECURSIVE s (i) AS (SELECT 1 UNION"
                + " ALL SELECT i + 1 FROM s WHERE i < 5000) SELECT i, concat('a', i, '@example.com'), concat('r', i %"
                + " 7), i, i % 100 + 1 FROM s");
        assertEquals(List.of("5000"), db.query("SELECT count(*) FROM accounts"));
        cli = new Cli(workDir);
        cli.configure(db.url(), Account.PACKAGE, "snake");
        cli.write("retort.properties", cli.read("retort.properties") + "safety = online\nlock.ddl-timeout = 30\n");
        Cli.Result clean = cli.run("check");
        assertEquals(ExitCode.OK, clean.code(), clean::toString);
    }

    @ParameterizedTest
    @EnumSource(
            value = MariaDbOnlineFormsTest.Form.class,
            names = {"INDEX", "FOREIGN_KEY", "CHECK", "SET_NOT_NULL", "UNIQUE"})
    void eachFormIsWrittenInTheOnlineDslAndRunsOnMySqlAndIsUndone(MariaDbOnlineFormsTest.Form form) throws Exception {
        assertTrue(FORMS.contains(form));
        db.execute(form.undo);
        Cli.Result revision = cli.run("revision", "--autogenerate", "-m", form.name());
        assertEquals(ExitCode.OK, revision.code(), revision::toString);
        String source = Files.readString(migrationFile());
        assertTrue(source.contains(form.dsl), source);
        List<String> before = MariaDbOnlineFormsTest.shape(db);
        Cli.Result up = cli.run("upgrade", "head");
        assertEquals(ExitCode.OK, up.code(), up::toString);
        assertEquals(Cli.CLEAN_CHECK, cli.run("check"));
        assertEquals(List.of(), procedures(), "the validations' procedures are dropped");
        Cli.Result down = cli.run("downgrade", "base");
        assertEquals(ExitCode.OK, down.code(), down::toString);
        assertEquals(before, MariaDbOnlineFormsTest.shape(db));
    }

    /**
     * The offline script of the online foreign key and of the safe NOT NULL, with a {@code jdbc:mysql:} url (MySQL's
     * script: each block a procedure, the checks off around the key), applied with the client: the tables are then as
     * the online run leaves them.
     */
    @Test
    void theOfflineScriptsOfTheValidatedFormsRunWithTheClient() throws Exception {
        db.execute(MariaDbOnlineFormsTest.Form.FOREIGN_KEY.undo);
        db.execute(MariaDbOnlineFormsTest.Form.SET_NOT_NULL.undo);
        assertEquals(
                ExitCode.OK,
                cli.run("revision", "--autogenerate", "-m", "fk and nn").code());
        String mysqlUrl = db.url().replace("jdbc:mariadb:", "jdbc:mysql:");
        Cli.Result script = cli.run("--url", mysqlUrl, "upgrade", "--sql", "head");
        assertEquals(ExitCode.OK, script.code(), script::toString);
        assertTrue(script.out().contains("CALL retort_script_block();"), script.out());
        assertTrue(script.out().contains("SET foreign_key_checks"), script.out());
        MariaDbClient.Result applied = MariaDbClient.run(workDir, db.url(), db.name(), script.out());
        assertEquals(0, applied.code(), applied::toString);
        assertEquals(Cli.CLEAN_CHECK, cli.run("check"));
        assertEquals(List.of(), procedures());
    }

    @Test
    void theForeignKeysValidationFailsNamingTheOrphansAndTheNextUpgradeResumesAtIt() throws Exception {
        db.execute(MariaDbOnlineFormsTest.Form.FOREIGN_KEY.undo);
        db.execute("INSERT INTO accounts (id, email, owner_id) VALUES (9001, 'o@example.com', 777)");
        assertEquals(
                ExitCode.OK, cli.run("revision", "--autogenerate", "-m", "fk").code());
        Cli.Result failed = cli.run("upgrade", "head");
        assertEquals(ExitCode.ERROR, failed.code(), failed::toString);
        assertTrue(
                failed.err()
                        .contains("foreign key accounts_owner_id_fkey on accounts: rows whose (owner_id) match no row"
                                + " of owners: ('777'); on MySQL every statement commits: statements 1-1"),
                failed::toString);
        assertEquals(List.of(), procedures(), "the failed validation's procedure is dropped too");
        db.execute("DELETE FROM accounts WHERE id = 9001");
        Cli.Result resumed = cli.run("upgrade", "head");
        assertEquals(ExitCode.OK, resumed.code(), resumed::toString);
        assertEquals(
                List.of("resumed 1/2", "done 2/2"),
                db.query("SELECT concat(status, ' ', statements, '/', total) FROM retort_version_history ORDER BY id"));
        assertEquals(Cli.CLEAN_CHECK, cli.run("check"));
    }

    @Test
    void theNotNullProofFailsNamingTheRowsThatHoldNull() throws Exception {
        db.execute(MariaDbOnlineFormsTest.Form.SET_NOT_NULL.undo);
        db.execute("UPDATE accounts SET email = NULL WHERE id IN (1, 2)");
        assertEquals(
                ExitCode.OK, cli.run("revision", "--autogenerate", "-m", "nn").code());
        Cli.Result failed = cli.run("upgrade", "head");
        assertEquals(ExitCode.ERROR, failed.code(), failed::toString);
        assertTrue(
                failed.err().contains("column email of accounts holds null in 2 rows; no statement of it ran"),
                failed::toString);
        assertEquals(
                List.of("YES"),
                db.query("SELECT is_nullable FROM information_schema.columns WHERE"
                        + " table_schema = DATABASE() AND table_name = 'accounts' AND column_name = 'email'"));
    }

    /**
     * The online primary key: {@code revision} refuses it in one line before it prints or writes anything, and a
     * hand-written migration of it is refused by the runner before its first statement.
     */
    @Test
    void theOnlinePrimaryKeyIsRefusedInOneLine() throws Exception {
        db.execute(MariaDbOnlineFormsTest.Form.PRIMARY_KEY.undo);
        Cli.Result revision = cli.run("revision", "--autogenerate", "-m", "pk");
        assertEquals(ExitCode.ERROR, revision.code(), revision::toString);
        assertEquals("", revision.out(), revision::toString);
        assertEquals(
                "error: safety = online: the primary key of accounts would be written in MariaDB's online form (a"
                        + " unique index, then the key from it), which MySQL cannot undo without copying the table;"
                        + " generate this migration with safety = simple, or add the key by op.execute(\"ALTER TABLE"
                        + " ... ADD PRIMARY KEY (...), ALGORITHM=INPLACE, LOCK=NONE\")\n",
                revision.err());
        String[] written = workDir.resolve("migrations").toFile().list();
        assertTrue(written == null || written.length == 0, "no migration written");

        cli.write("retort.properties", cli.read("retort.properties").replace("safety = online", "safety = simple"));
        assertEquals(
                ExitCode.OK, cli.run("revision", "--autogenerate", "-m", "pk").code());
        Path file = migrationFile();
        Files.writeString(
                file,
                Files.readString(file)
                        .replaceFirst(
                                "\nimport ",
                                "\nimport static dev.retort.runtime.Ops.index;\nimport dev.retort.op.Option;\nimport ")
                        .replace(
                                "op.addPrimaryKey(\"accounts\", primaryKey(\"id\"));",
                                "op.createIndex(\"accounts\", index(\"id\").asUnique().named(\"accounts_pkey\"),"
                                        + " Option.CONCURRENTLY);\n        op.addPrimaryKey(\"accounts\","
                                        + " primaryKey(\"id\").named(\"accounts_pkey\"), Option.USING_INDEX);"));
        assertTrue(Files.readString(file).contains("Option.USING_INDEX"), Files.readString(file));
        Cli.Result up = cli.run("upgrade", "head");
        assertEquals(ExitCode.ERROR, up.code(), up::toString);
        assertTrue(
                up.err().contains("is MariaDB's online form, which MySQL cannot undo without copying the table"),
                up::toString);
        assertEquals(1, up.err().lines().count(), up::toString);
        assertEquals(
                List.of(),
                db.query(
                        "SELECT index_name FROM information_schema.statistics WHERE"
                                + " table_schema = DATABASE() AND table_name = 'accounts' AND index_name IN ('PRIMARY', 'accounts_pkey')"));
    }

    /**
     * A user who may change the tables but not make a procedure: the online foreign key's validation would stop the
     * migration after its key was added, so the runner refuses it in one line before the first statement.
     */
    @Test
    void aUserWhoCannotMakeAProcedureIsRefusedBeforeTheFirstStatement() throws Exception {
        db.execute(MariaDbOnlineFormsTest.Form.FOREIGN_KEY.undo);
        assertEquals(
                ExitCode.OK, cli.run("revision", "--autogenerate", "-m", "fk").code());
        String user = "retort_no_routines";
        db.execute("DROP USER IF EXISTS " + user + ";\nCREATE USER " + user + " IDENTIFIED BY 'retort-pw';\n"
                + "GRANT SELECT, INSERT, UPDATE, DELETE, CREATE, DROP, ALTER, INDEX, REFERENCES ON " + db.name()
                + ".* TO " + user);
        try {
            String url = db.url().replaceFirst("\\?.*$", "") + "?allowPublicKeyRetrieval=true";
            Cli.Result up = cli.run("--url", url, "--user", user, "--password", "retort-pw", "upgrade", "head");
            assertEquals(ExitCode.ERROR, up.code(), up::toString);
            assertTrue(
                    up.err()
                            .contains("MySQL runs its validations (op.validateConstraint) as a procedure, which this"
                                    + " user cannot make or drop here ("),
                    up::toString);
            assertTrue(
                    up.err()
                            .endsWith("grant CREATE ROUTINE and ALTER ROUTINE on the database, or generate the"
                                    + " migration with safety = simple\n"),
                    up::toString);
            assertEquals(1, up.err().lines().count(), up::toString);
            assertTrue(!up.err().contains("retort-pw"), "no password printed");
            assertEquals(
                    List.of(),
                    db.query("SELECT constraint_name FROM information_schema.table_constraints WHERE constraint_schema"
                            + " = DATABASE() AND constraint_type = 'FOREIGN KEY'"),
                    "nothing of the migration ran");
            assertEquals(ExitCode.OK, cli.run("upgrade", "head").code(), "root may");
        } finally {
            db.execute("DROP USER IF EXISTS " + user);
        }
    }

    private List<String> procedures() throws Exception {
        return db.query("SELECT routine_name FROM information_schema.routines WHERE routine_schema = DATABASE()");
    }

    private Path migrationFile() throws Exception {
        try (Stream<Path> files = Files.walk(workDir.resolve("migrations"))) {
            return files.filter(f -> f.toString().endsWith(".java")).findFirst().orElseThrow();
        }
    }
}
