package dev.retort.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.retort.fixtures.db.MariaDbTestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The runner on MariaDB through the real command line: a migration whose third statement fails on data leaves
 * its first two committed, the history says which, and the next command resumes or undoes them; the migration
 * lock is GET_LOCK; stamp, current, history, validate and --sql scripts run through the mariadb client.
 */
class MariaDbRunnerTest {
    private static final String R1 = "aaaa00000001";
    private static final String R2 = "aaaa00000002";

    @RegisterExtension
    final MariaDbTestDatabase db = server();

    /** The server: MariaDB here, MySQL in {@link MySqlRunnerTest}. */
    MariaDbTestDatabase server() {
        return new MariaDbTestDatabase();
    }

    @TempDir
    Path workDir;

    Cli cli;

    @BeforeEach
    void project() {
        cli = new Cli(workDir);
        cli.write("retort.properties", "url = " + url() + "\nmigrations.dir = migrations\nlock.timeout = 1\n");
        migration(
                "M1",
                R1,
                null,
                List.of("CREATE TABLE accounts (id int PRIMARY KEY, code varchar(10))"),
                List.of("DROP TABLE accounts"));
        migration(
                "M2",
                R2,
                R1,
                List.of(
                        "ALTER TABLE accounts ADD COLUMN note varchar(20)",
                        "CREATE INDEX accounts_code ON accounts (code)",
                        "ALTER TABLE accounts MODIFY code varchar(3)",
                        "ALTER TABLE accounts ADD COLUMN extra int"),
                List.of(
                        "ALTER TABLE accounts DROP COLUMN extra",
                        "ALTER TABLE accounts MODIFY code varchar(10)",
                        "DROP INDEX accounts_code ON accounts",
                        "ALTER TABLE accounts DROP COLUMN note"));
    }

    /** A migration of hand-written statements. */
    private void migration(String name, String id, String parent, List<String> up, List<String> down) {
        cli.write("migrations/" + name + ".java", """
                package com.example.migrations;
                @dev.retort.runtime.Revision(id = "%s"%s, message = "%s")
                public final class %s implements dev.retort.runtime.Migration {
                    public void upgrade(dev.retort.runtime.Ops op) {
                %s
                    }
                    public void downgrade(dev.retort.runtime.Ops op) {
                %s
                    }
                }
                """.formatted(
                id, parent == null ? "" : ", revises = \"" + parent + "\"", name, name, executes(up), executes(down)));
    }

    private static String executes(List<String> statements) {
        return statements.stream()
                .map(sql -> "        op.execute(\"" + sql + "\");")
                .collect(Collectors.joining("\n"));
    }

    /** At R1 with a row whose code the third statement of R2 cannot keep. */
    private void atR1WithLongCode() throws SQLException {
        Cli.Result up = cli.run("upgrade", R1);
        assertEquals(ExitCode.OK, up.code(), up::toString);
        db.execute("INSERT INTO accounts (id, code) VALUES (1, 'abcdef')");
    }

    private static final String RAN = "  ran 1. ALTER TABLE accounts ADD COLUMN note varchar(20)\n"
            + "  ran 2. CREATE INDEX accounts_code ON accounts (code)\n";

    @Test
    void aMigrationFailingHalfwayIsRecordedStatementByStatementAndResumedAfterTheFix() throws Exception {
        atR1WithLongCode();
        Cli.Result failed = cli.run("upgrade", "head");
        assertEquals(ExitCode.ERROR, failed.code(), failed::toString);
        assertTrue(
                failed.err()
                        .startsWith("error: revision " + R2 + " (upgrade): statement 3 of 4 failed: ALTER TABLE"
                                + " accounts MODIFY code varchar(3): (conn="),
                failed::toString);
        assertTrue(
                failed.err()
                        .endsWith("Data truncated for column 'code' at row 1; on "
                                + (db.isMySql() ? "MySQL" : "MariaDB") + " every statement commits:"
                                + " statements 1-2 of this migration ran and stay applied, the version table stays at "
                                + R1
                                + ":\n" + RAN
                                + "fix the cause and run 'retort upgrade " + R2 + "' again to resume at statement 3,"
                                + " or 'retort downgrade " + R1 + "' to undo statements 1-2\n"),
                failed::toString);
        assertEquals(List.of("code", "id", "note"), columns());

        String partial = "revision " + R2 + " is partly applied (upgrade failed): 2 of its 4 statements ran, then"
                + " statement 3 failed: ";
        Cli.Result current = cli.run("current");
        assertEquals(ExitCode.OK, current.code(), current::toString);
        assertTrue(current.out().startsWith(R1 + "\n" + partial), current::toString);
        assertTrue(current.out().endsWith("Data truncated for column 'code' at row 1\n" + RAN), current::toString);
        Cli.Result history = cli.run("history", "-i");
        assertTrue(history.out().contains(partial), history::toString);
        assertTrue(history.out().contains(RAN), history::toString);
        Cli.Result validate = cli.run("validate");
        assertEquals(ExitCode.FOUND, validate.code(), validate::toString);
        assertTrue(validate.out().startsWith("partial: " + partial), validate::toString);
        assertTrue(
                validate.out()
                        .endsWith(RAN + "run 'retort upgrade " + R2 + "' to resume it, or 'retort downgrade " + R1
                                + "' to undo its" + " statements\n"),
                validate::toString);

        // an edited migration is not resumed: what ran is no longer known to be its first statements
        String m2 = Files.readString(workDir.resolve("migrations/M2.java"));
        cli.write("migrations/M2.java", m2.replace("ADD COLUMN extra int", "ADD COLUMN extra bigint"));
        Cli.Result edited = cli.run("upgrade", "head");
        assertEquals(ExitCode.ERROR, edited.code(), edited::toString);
        assertTrue(
                edited.err()
                        .contains("is partly applied (upgrade failed after 2 of 4 statements) and was edited"
                                + " since: resuming would run statements it did not start with"),
                edited::toString);
        cli.write("migrations/M2.java", m2);

        db.execute("UPDATE accounts SET code = 'abc'");
        Cli.Result resumed = cli.run("upgrade", "head");
        assertEquals(ExitCode.OK, resumed.code(), resumed::toString);
        assertEquals(
                "Running upgrade " + R1 + " -> " + R2 + ", M2\nResuming after statement 2 of 4 of the upgrade of " + R2
                        + "\n",
                resumed.out());
        assertEquals(List.of("code", "extra", "id", "note"), columns());
        assertEquals(R2 + " (head)\n", cli.run("current").out());
        Cli.Result clean = cli.run("validate");
        assertEquals(ExitCode.OK, clean.code(), clean::toString);
        // the failed run, then the one that resumed it: statements 3 and 4
        assertEquals(
                List.of("upgrade " + R1 + " done 1/1", "upgrade " + R2 + " resumed 2/4", "upgrade " + R2 + " done 4/4"),
                historyRows());
    }

    @Test
    void downgradeNamesTheHandWrittenStatementsThatRanAndAStampRecordsTheirUndoing() throws Exception {
        atR1WithLongCode();
        String start = catalog();
        assertEquals(ExitCode.ERROR, cli.run("upgrade", "head").code());
        Cli.Result refused = cli.run("downgrade", R1);
        assertEquals(ExitCode.ERROR, refused.code(), refused::toString);
        assertEquals(
                "error: revision " + R2 + " is partly applied (upgrade failed after 2 of 4 statements) and its"
                        + " statements cannot all be undone automatically: statement 1 is hand-written SQL"
                        + " (op.execute), which Retort cannot undo, statement 2 is hand-written SQL (op.execute), which"
                        + " Retort cannot undo; undo these statements by hand, the last first:\n"
                        + "  ran 2. CREATE INDEX accounts_code ON accounts (code)\n"
                        + "  ran 1. ALTER TABLE accounts ADD COLUMN note varchar(20)\n"
                        + "then run 'retort stamp " + R1 + "' to record that the database is at " + R1 + "\n",
                refused.err());
        db.execute("DROP INDEX accounts_code ON accounts;\nALTER TABLE accounts DROP COLUMN note");
        Cli.Result stamp = cli.run("stamp", R1);
        assertEquals(ExitCode.OK, stamp.code(), stamp::toString);
        assertEquals(R1 + "\n", cli.run("current").out());
        // the stamp settled the partial run; what it leaves is the stamp's own mark, an unverifiable revision
        Cli.Result validate = cli.run("validate");
        assertTrue(validate.out().startsWith("unverifiable: revision " + R1), validate::toString);
        assertTrue(!validate.out().contains("partial"), validate::toString);
        assertEquals(start, catalog());
    }

    @Test
    void downgradeUndoesTheOperationsThatRanThroughTheirReversesRenderedByMariaDbSql() throws Exception {
        atR1WithLongCode();
        String start = catalog();
        // R2 as operations: two that run, a hand-written statement that fails on the row, one that never runs
        cli.write("migrations/M2.java", """
                package com.example.migrations;
                import static dev.retort.runtime.Ops.column;
                import static dev.retort.runtime.Ops.index;
                @dev.retort.runtime.Revision(id = "%s", revises = "%s", message = "M2")
                public final class M2 implements dev.retort.runtime.Migration {
                    public void upgrade(dev.retort.runtime.Ops op) {
                        op.addColumn("accounts", column("note", "varchar(20)").comment("it's a note"));
                        op.createIndex("accounts", index("code").named("accounts_code"));
                        op.execute("ALTER TABLE accounts MODIFY code varchar(3)");
                        op.addColumn("accounts", column("extra", "integer"));
                    }
                    public void downgrade(dev.retort.runtime.Ops op) {
                        op.dropColumn("accounts", column("extra", "integer"));
                        op.execute("ALTER TABLE accounts MODIFY code varchar(10)");
                        op.dropIndex("accounts", index("code").named("accounts_code"));
                        op.dropColumn("accounts", column("note", "varchar(20)").comment("it's a note"));
                    }
                }
                """.formatted(R2, R1));
        Cli.Result failed = cli.run("upgrade", "head");
        assertEquals(ExitCode.ERROR, failed.code(), failed::toString);
        assertTrue(
                failed.err()
                        .contains(":\n  ran 1. ALTER TABLE `accounts` ADD COLUMN `note` varchar(20) NULL COMMENT"
                                + " 'it''s a note'\n  ran 2. CREATE INDEX `accounts_code` ON `accounts` (`code`)\n"),
                failed::toString);
        assertTrue(catalog().contains("note varchar(20)"), "statement 1 committed");

        Cli.Result undone = cli.run("downgrade", R1);
        assertEquals(ExitCode.OK, undone.code(), undone::toString);
        assertEquals("Undoing statements 1-2 of the upgrade of " + R2 + "\n", undone.out());
        assertEquals(start, catalog(), "the completed statements undone, the last first");
        assertEquals(R1 + "\n", cli.run("current").out());
        assertEquals(ExitCode.OK, cli.run("validate").code());
        List<String> rows = historyRows();
        assertEquals("upgrade " + R2 + " undone 0/4", rows.get(rows.size() - 1), rows::toString);
    }

    /** A surrogate key given to a table with rows and taken away: each is one statement (MariaDB: error 1075). */
    @Test
    void anIdentityColumnIsAddedAndDroppedWithItsPrimaryKey() throws Exception {
        cli.write("migrations/M2.java", """
                package com.example.migrations;
                import static dev.retort.runtime.Ops.column;
                import static dev.retort.runtime.Ops.primaryKey;
                @dev.retort.runtime.Revision(id = "%s", revises = "%s", message = "M2")
                public final class M2 implements dev.retort.runtime.Migration {
                    public void upgrade(dev.retort.runtime.Ops op) {
                        op.execute("CREATE TABLE codes (code varchar(10) NOT NULL)");
                        op.execute("INSERT INTO codes VALUES ('a'), ('b')");
                        op.addColumn("codes", column("id", "bigint").notNull().identityByDefault());
                        op.addPrimaryKey("codes", primaryKey("id"));
                    }
                    public void downgrade(dev.retort.runtime.Ops op) {
                        op.dropPrimaryKey("codes", primaryKey("id"));
                        op.dropColumn("codes", column("id", "bigint").notNull().identityByDefault());
                        op.execute("INSERT INTO codes VALUES ('c')");
                    }
                }
                """.formatted(R2, R1));
        Cli.Result up = cli.run("upgrade", "head");
        assertEquals(ExitCode.OK, up.code(), up::toString);
        assertEquals(List.of("1 a", "2 b"), rows("SELECT concat(id, ' ', code) FROM codes ORDER BY id"));
        Cli.Result down = cli.run("downgrade", R1);
        assertEquals(ExitCode.OK, down.code(), down::toString);
        assertEquals(List.of("a", "b", "c"), rows("SELECT * FROM codes ORDER BY code"));
        List<String> history = historyRows();
        assertEquals("downgrade " + R2 + " done 2/2", history.get(history.size() - 1), history::toString);
    }

    private List<String> rows(String query) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection c = db.connect();
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery(query)) {
            while (rs.next()) rows.add(rs.getString(1));
        }
        return rows;
    }

    @Test
    void getLockHeldByAnotherSessionNamesItsHolderAndKillReleasesIt() throws Exception {
        try (Connection holder = db.connect();
                Statement st = holder.createStatement()) {
            long id;
            try (ResultSet rs =
                    st.executeQuery("SELECT GET_LOCK('retort:public.retort_version', 0), CONNECTION_ID()")) {
                rs.next();
                assertEquals(1, rs.getInt(1));
                id = rs.getLong(2);
            }
            Cli.Result waited = cli.run("upgrade", "head");
            assertEquals(ExitCode.ERROR, waited.code(), waited::toString);
            assertTrue(
                    waited.err()
                            .startsWith("error: another runner holds the migration lock for public.retort_version"
                                    + " and did not release it within 1 s: held by connection " + id
                                    + " (user root from "),
                    waited::toString);
            assertTrue(waited.err().endsWith(" s); set lock.timeout to wait longer\n"), waited::toString);
            db.execute("KILL " + id);
            Cli.Result up = cli.run("upgrade", "head");
            assertEquals(ExitCode.OK, up.code(), up::toString);
            assertEquals(R2 + " (head)\n", cli.run("current").out());
        }
    }

    @Test
    void stampThenAnOfflineScriptAppliedWithTheMariadbClient() throws Exception {
        db.execute("CREATE TABLE accounts (id int PRIMARY KEY, code varchar(10))");
        Cli.Result stamp = cli.run("stamp", R1);
        assertEquals(ExitCode.OK, stamp.code(), stamp::toString);
        assertEquals(R1 + "\n", cli.run("current").out());
        Cli.Result validate = cli.run("validate");
        assertEquals(ExitCode.FOUND, validate.code(), validate::toString);
        assertTrue(validate.out().startsWith("unverifiable: revision " + R1), validate::toString);

        Cli.Result script = cli.run("upgrade", "--sql", R1 + ":head");
        assertEquals(ExitCode.OK, script.code(), script::toString);
        assertTrue(script.out().contains("SET time_zone = '+00:00';\n"), script.out());
        assertTrue(script.out().contains("SET SESSION lock_wait_timeout = 5;\n"), script.out());
        assertTrue(script.out().contains(blockStart()), script.out());
        assertEquals(0, client(script.out()), "the script applies");
        assertEquals(R2 + " (head)\n", cli.run("current").out());
        assertEquals(List.of("code", "extra", "id", "note"), columns());
        // applied twice, its guard stops it before anything runs
        assertEquals(1, client(script.out()));
        assertEquals(List.of("code", "extra", "id", "note"), columns());
    }

    /**
     * An offline script that stops halfway (statement 3 of 4 fails on a row), applied again: its guard stops it before
     * anything runs and says which revision is partly applied, in words that fit MySQL's 128-character signal (a longer
     * message is error 1648 there, and its text lost).
     */
    @Test
    void aScriptStoppedHalfwayIsStoppedAgainByItsGuardNamingTheRevision() throws Exception {
        atR1WithLongCode();
        Cli.Result script = cli.run("upgrade", "--sql", R1 + ":head");
        assertEquals(ExitCode.OK, script.code(), script::toString);
        MariaDbClient.Result first = MariaDbClient.run(workDir, db.url(), db.name(), script.out());
        assertEquals(1, first.code(), first::toString);
        assertTrue(first.output().contains("Data truncated for column 'code'"), first::toString);
        assertEquals(List.of("code", "id", "note"), columns());
        MariaDbClient.Result again = MariaDbClient.run(workDir, db.url(), db.name(), script.out());
        assertEquals(1, again.code(), again::toString);
        String partly = db.isMySql()
                ? "retort: " + R2
                        + " partly applied (upgrade, 2 of 4 ran): resolve with retort upgrade or downgrade online"
                : "retort: revision " + R2
                        + " is partly applied (upgrade, 2 of 4 statements ran): run retort upgrade or"
                        + " downgrade online to resolve it";
        assertTrue(again.output().contains(partly), again::toString);
        assertTrue(partly.length() <= 128 || !db.isMySql(), partly);
        assertEquals(List.of("code", "id", "note"), columns(), "the guard stopped it before anything ran");
    }

    /**
     * A session with {@code NO_BACKSLASH_ESCAPES} (here from the URL, as a server's {@code sql_mode} would give it):
     * Retort's literals, which double a backslash, are run without it, so the comment keeps one backslash; the
     * migration's own SQL runs under the session's mode, as written; a script stops before its first such literal.
     */
    @Test
    void aBackslashIsStoredOnceWhateverTheSessionsSqlMode() throws Exception {
        cli.write(
                "retort.properties",
                "url = " + url() + (url().contains("?") ? "&" : "?")
                        + "sessionVariables=sql_mode=NO_BACKSLASH_ESCAPES\nmigrations.dir = migrations\n");
        cli.write("migrations/M2.java", """
                package com.example.migrations;
                import static dev.retort.runtime.Ops.column;
                @dev.retort.runtime.Revision(id = "%s", revises = "%s", message = "M2")
                public final class M2 implements dev.retort.runtime.Migration {
                    public void upgrade(dev.retort.runtime.Ops op) {
                        op.addColumn("accounts", column("path", "varchar(20)").comment("C:\\\\temp\\\\"));
                        op.execute("ALTER TABLE accounts COMMENT 'as\\\\written'");
                        op.addColumn("accounts", column("sep", "varchar(2)").defaultValue("'\\\\\\\\'"));
                    }
                    public void downgrade(dev.retort.runtime.Ops op) {
                        op.dropColumn("accounts", column("sep", "varchar(2)").defaultValue("'\\\\\\\\'"));
                        op.execute("ALTER TABLE accounts COMMENT ''");
                        op.dropColumn("accounts", column("path", "varchar(20)").comment("C:\\\\temp\\\\"));
                    }
                }
                """.formatted(R2, R1));
        assertEquals(ExitCode.OK, cli.run("upgrade", R1).code());
        Cli.Result script = cli.run("upgrade", "--sql", R1 + ":head");
        assertEquals(ExitCode.OK, script.code(), script::toString);
        if (scripts()) {
            String noEscapes = "SET SESSION sql_mode = 'NO_BACKSLASH_ESCAPES';\n";
            assertEquals(1, client(noEscapes + script.out()), script.out());
            assertEquals(List.of("code", "id"), columns(), "the script stopped before its first statement with one");
        }

        Cli.Result up = cli.run("upgrade", "head");
        assertEquals(ExitCode.OK, up.code(), up::toString);
        assertEquals(List.of("C:\\temp\\ " + storedSepDefault()), pathCommentAndSepDefault());
        db.execute("INSERT INTO accounts (id) VALUES (5)");
        assertEquals(List.of("\\"), rows("SELECT sep FROM accounts WHERE id = 5"), "the default is one backslash");
        db.execute("DELETE FROM accounts WHERE id = 5");
        assertEquals(
                List.of("as\\written"),
                rows("SELECT table_comment FROM information_schema.tables"
                        + " WHERE table_schema = DATABASE() AND table_name = 'accounts'"),
                "the migration's own SQL under the session's mode: its one backslash kept");
        Cli.Result down = cli.run("downgrade", R1);
        assertEquals(ExitCode.OK, down.code(), down::toString);
        assertEquals(List.of("code", "id"), columns());

        // the same script in a session without the mode: the same comment and default
        if (!scripts()) return;
        assertEquals(0, client(script.out()), script.out());
        assertEquals(List.of("C:\\temp\\ " + storedSepDefault()), pathCommentAndSepDefault());
    }

    /**
     * A hand-written change of a json column, whose json_valid MariaDB keeps in the column and drops with any MODIFY
     * COLUMN: refused before the migration's first statement, naming the column and the fix; run when the migration
     * drops and adds the check around it, or keeps the column json (MariaDB gives it its json_valid again).
     */
    @Test
    void aColumnChangeThatWouldDropTheColumnsOwnCheckIsRefusedBeforeItRuns() throws Exception {
        migration(
                "M1",
                R1,
                null,
                List.of("CREATE TABLE docs (id int PRIMARY KEY, body json)"),
                List.of("DROP TABLE docs"));
        String body = """
                package com.example.migrations;
                import static dev.retort.runtime.Ops.check;
                import static dev.retort.runtime.Ops.column;
                @dev.retort.runtime.Revision(id = "%s", revises = "%s", message = "M2")
                public final class M2 implements dev.retort.runtime.Migration {
                    public void upgrade(dev.retort.runtime.Ops op) {
                %s        op.alterColumn("docs", column("body", "%s"), column("body", "%s").comment("the text"));
                %s    }
                    public void downgrade(dev.retort.runtime.Ops op) {
                        op.alterColumn("docs", column("body", "%s").comment("the text"), column("body", "%s"));
                    }
                }
                """;
        String drop = "        op.dropCheck(\"docs\", check(\"json_valid(`body`)\").named(\"body\"));\n";
        String add = "        op.addCheck(\"docs\", check(\"json_valid(`body`)\").named(\"body\"));\n";
        cli.write("migrations/M2.java", body.formatted(R2, R1, "", "longtext", "longtext", "", "longtext", "longtext"));
        assertEquals(ExitCode.OK, cli.run("upgrade", R1).code());
        Cli.Result refused = cli.run("upgrade", "head");
        assertEquals(ExitCode.ERROR, refused.code(), refused::toString);
        assertTrue(
                refused.err()
                        .contains("changing column docs.body would drop its own check (MariaDB drops a column-level"
                                + " check, such as a json column's json_valid, with any MODIFY COLUMN); drop the check"
                                + " before the change and add it again after (op.dropCheck, op.addCheck)"),
                refused::toString);
        assertEquals(R1 + "\n", cli.run("current").out());
        String checks = "SELECT concat(LEVEL, ' ', CHECK_CLAUSE) FROM information_schema.CHECK_CONSTRAINTS"
                + " WHERE CONSTRAINT_SCHEMA = DATABASE() AND TABLE_NAME = 'docs'";
        assertEquals(List.of("Column json_valid(`body`)"), rows(checks), "nothing of M2 ran");

        cli.write(
                "migrations/M2.java",
                body.formatted(R2, R1, drop, "longtext", "longtext", add, "longtext", "longtext"));
        Cli.Result up = cli.run("upgrade", "head");
        assertEquals(ExitCode.OK, up.code(), up::toString);
        assertEquals(List.of("Table json_valid(`body`)"), rows(checks));
        assertEquals(ExitCode.OK, cli.run("downgrade", R1).code());

        db.execute("DROP TABLE docs");
        db.execute("CREATE TABLE docs (id int PRIMARY KEY, body json)");
        cli.write("migrations/M2.java", body.formatted(R2, R1, "", "json", "json", "", "json", "json"));
        Cli.Result json = cli.run("upgrade", "head");
        assertEquals(ExitCode.OK, json.code(), json::toString);
        assertEquals(List.of("Column json_valid(`body`)"), rows(checks));
        assertEquals(ExitCode.OK, cli.run("downgrade", R1).code());

        // a column renamed before, whose check MariaDB still names after its old name: refused too
        db.execute("DROP TABLE docs");
        db.execute("CREATE TABLE docs (id int PRIMARY KEY, text json)");
        db.execute("ALTER TABLE docs RENAME COLUMN text TO body");
        cli.write("migrations/M2.java", body.formatted(R2, R1, "", "longtext", "longtext", "", "longtext", "longtext"));
        Cli.Result renamed = cli.run("upgrade", "head");
        assertEquals(ExitCode.ERROR, renamed.code(), renamed::toString);
        assertTrue(renamed.err().contains("changing column docs.body would drop its own check"), renamed::toString);
        assertEquals(List.of("Column json_valid(`body`)"), rows(checks), "nothing of M2 ran");

        // and a column the same migration renames first
        db.execute("DROP TABLE docs");
        db.execute("CREATE TABLE docs (id int PRIMARY KEY, text json)");
        String rename = "        op.renameColumn(\"docs\", \"text\", \"body\");\n";
        cli.write(
                "migrations/M2.java",
                body.formatted(R2, R1, rename, "longtext", "longtext", "", "longtext", "longtext"));
        Cli.Result inTheMigration = cli.run("upgrade", "head");
        assertEquals(ExitCode.ERROR, inTheMigration.code(), inTheMigration::toString);
        assertTrue(
                inTheMigration.err().contains("changing column docs.body would drop its own check"),
                inTheMigration::toString);
        assertEquals(List.of("Column json_valid(`text`)"), rows(checks), "nothing of M2 ran");
    }

    /** The comment of accounts.path and the default of accounts.sep, as information_schema prints them. */
    /** Whether the server runs Retort's {@code --sql} scripts. */
    boolean scripts() {
        return true;
    }

    /** The project's {@code url}. */
    String url() {
        return db.url();
    }

    /** How the script writes a block for the server's client. */
    String blockStart() {
        return "DELIMITER $$\nBEGIN NOT ATOMIC\n";
    }

    /** How {@code information_schema} shows the default {@code '\\\\'} (one backslash) Retort wrote. */
    String storedSepDefault() {
        return "'\\\\'";
    }

    private List<String> pathCommentAndSepDefault() throws SQLException {
        return rows("SELECT concat(c.column_comment, ' ', s.column_default) FROM information_schema.columns c"
                + " JOIN information_schema.columns s ON s.table_schema = c.table_schema"
                + " AND s.table_name = c.table_name AND s.column_name = 'sep'"
                + " WHERE c.table_schema = DATABASE() AND c.table_name = 'accounts' AND c.column_name = 'path'");
    }

    /** Runs a script through the mariadb (or mysql) client; its exit code. */
    private int client(String script) throws Exception {
        return MariaDbClient.run(workDir, db.url(), db.name(), script).code();
    }

    private List<String> columns() throws SQLException {
        List<String> names = new ArrayList<>();
        try (Connection c = db.connect();
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT column_name FROM information_schema.columns"
                        + " WHERE table_schema = DATABASE() AND table_name = 'accounts' ORDER BY column_name")) {
            while (rs.next()) names.add(rs.getString(1));
        }
        return names;
    }

    /** The accounts table's columns with their types and its indexes, as information_schema has them. */
    private String catalog() throws SQLException {
        StringBuilder text = new StringBuilder();
        try (Connection c = db.connect();
                Statement st = c.createStatement()) {
            try (ResultSet rs = st.executeQuery("SELECT column_name, column_type FROM information_schema.columns"
                    + " WHERE table_schema = DATABASE() AND table_name = 'accounts' ORDER BY ordinal_position")) {
                while (rs.next())
                    text.append(rs.getString(1))
                            .append(' ')
                            .append(rs.getString(2))
                            .append('\n');
            }
            try (ResultSet rs = st.executeQuery(
                    "SELECT index_name, column_name FROM information_schema.statistics"
                            + " WHERE table_schema = DATABASE() AND table_name = 'accounts' ORDER BY index_name, seq_in_index")) {
                while (rs.next())
                    text.append(rs.getString(1))
                            .append(' ')
                            .append(rs.getString(2))
                            .append('\n');
            }
        }
        return text.toString();
    }

    private List<String> historyRows() throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection c = db.connect();
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery(
                        "SELECT direction, revision, status, statements, total FROM retort_version_history ORDER BY id")) {
            while (rs.next())
                rows.add(rs.getString(1) + " " + rs.getString(2) + " " + rs.getString(3) + " " + rs.getInt(4) + "/"
                        + rs.getInt(5));
        }
        return rows;
    }
}
