package dev.retort.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.retort.fixtures.db.MariaDbTestDatabase;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A migration's {@code MODIFY COLUMN} on MariaDB, through the real command line, keeps what the live column has and
 * the migration names nowhere: {@code ON UPDATE current_timestamp()}, {@code VIRTUAL} and a latin1 character set
 * survive changes of nullability and type written with the DSL, up, down (back to exactly what was there), through a
 * failure halfway, its undo and its resume; an offline script, applied with the mariadb client, keeps them as well,
 * reading them when it runs: its upgrade and downgrade leave the catalog exactly as the online ones leave another
 * database.
 */
class MariaDbKeptColumnsTest {
    private static final String R1 = "kkkk00000001";
    private static final String R2 = "kkkk00000002";
    private static final String R3 = "kkkk00000003";

    /** A comment that would end a literal, a DELIMITER block or a statement if any of them were written unquoted. */
    private static final String HOSTILE = "it's $$; DROP TABLE items; -- \\ END$$";

    private static final String HOSTILE_IN_JAVA = HOSTILE.replace("\\", "\\\\");

    /** The columns after the first migration, as information_schema has them. */
    private static final List<String> MADE = List.of(
            "id | int(11) | NO | null |  | null",
            "at | timestamp | NO | current_timestamp() | on update current_timestamp() | null",
            "price | int(11) | YES | NULL |  | null",
            "doubled | int(11) | YES | NULL | VIRTUAL GENERATED | null",
            "name | varchar(20) | YES | NULL |  | latin1_swedish_ci");

    /** The same after the second: each column changed, what the migration does not name kept. */
    private static final List<String> CHANGED = List.of(
            "id | int(11) | NO | null |  | null",
            "at | timestamp | YES | current_timestamp() | on update current_timestamp() | null",
            "price | int(11) | YES | NULL |  | null",
            "doubled | bigint(20) | YES | NULL | VIRTUAL GENERATED | null",
            "name | varchar(40) | NO | null |  | latin1_swedish_ci");

    @RegisterExtension
    final MariaDbTestDatabase db = server();

    /** The server the test's databases are made on. */
    MariaDbTestDatabase server() {
        return new MariaDbTestDatabase(2);
    }

    /** The project's {@code url}, from which its offline scripts are the server's. */
    String url() {
        return db.url();
    }

    @TempDir
    Path workDir;

    Cli cli;

    @BeforeEach
    void project() {
        cli = new Cli(workDir);
        cli.write("retort.properties", "url = " + url() + "\nmigrations.dir = migrations\n");
        cli.write("migrations/K1.java", """
                package com.example.migrations;
                @dev.retort.runtime.Revision(id = "%s", message = "items")
                public final class K1 implements dev.retort.runtime.Migration {
                    public void upgrade(dev.retort.runtime.Ops op) {
                        op.execute("CREATE TABLE items (id int PRIMARY KEY,"
                                + " at timestamp NOT NULL DEFAULT current_timestamp() ON UPDATE current_timestamp(),"
                                + " price int, doubled int GENERATED ALWAYS AS (price * 2) VIRTUAL,"
                                + " name varchar(20) CHARACTER SET latin1) DEFAULT CHARSET=utf8mb4");
                    }
                    public void downgrade(dev.retort.runtime.Ops op) { op.execute("DROP TABLE items"); }
                }
                """.formatted(R1));
        cli.write("migrations/K2.java", """
                package com.example.migrations;
                import static dev.retort.runtime.Ops.column;
                @dev.retort.runtime.Revision(id = "%s", revises = "%s", message = "change each column")
                public final class K2 implements dev.retort.runtime.Migration {
                    public void upgrade(dev.retort.runtime.Ops op) {
                        op.alterColumn("items", at().notNull(), at());
                        op.alterColumn("items", doubled("integer"), doubled("bigint"));
                        op.alterColumn("items", column("name", "varchar(20)"), column("name", "varchar(40)").notNull());
                    }
                    public void downgrade(dev.retort.runtime.Ops op) {
                        op.alterColumn("items", column("name", "varchar(40)").notNull(), column("name", "varchar(20)"));
                        op.alterColumn("items", doubled("bigint"), doubled("integer"));
                        op.alterColumn("items", at(), at().notNull());
                    }
                    private static dev.retort.schema.Column at() {
                        return column("at", "timestamp(0)").defaultValue("current_timestamp()");
                    }
                    private static dev.retort.schema.Column doubled(String type) {
                        return column("doubled", type).generatedAs("`price` * 2");
                    }
                }
                """.formatted(R2, R1));
    }

    private void ok(String... args) {
        Cli.Result result = cli.run(args);
        assertEquals(ExitCode.OK, result.code(), result::toString);
    }

    @Test
    void upgradeAndDowngradeKeepOnUpdateVirtualAndCharacterSet() throws SQLException {
        ok("upgrade", R1);
        assertEquals(MADE, columns());
        ok("upgrade", "head");
        assertEquals(CHANGED, columns());
        ok("downgrade", R1);
        assertEquals(MADE, columns());
        ok("upgrade", "head");
        assertEquals(CHANGED, columns());
    }

    @Test
    void aFailureHalfwayIsUndoneAndResumedKeepingThemToo() throws SQLException {
        ok("upgrade", R1);
        db.execute("INSERT INTO items (id, price) VALUES (1, 3)");
        Cli.Result failed = cli.run("upgrade", "head");
        assertEquals(ExitCode.ERROR, failed.code(), failed::toString);
        assertTrue(
                failed.err()
                        .startsWith("error: revision " + R2 + " (upgrade): statement 3 of 3 failed: ALTER TABLE"
                                + " `items` MODIFY COLUMN `name` varchar(40) COLLATE latin1_swedish_ci NOT NULL:"),
                failed::toString);
        assertEquals(List.of(CHANGED.get(0), CHANGED.get(1), CHANGED.get(2), CHANGED.get(3), MADE.get(4)), columns());

        ok("downgrade", R1);
        assertEquals(MADE, columns());

        Cli.Result again = cli.run("upgrade", "head");
        assertEquals(ExitCode.ERROR, again.code(), again::toString);
        db.execute("UPDATE items SET name = 'x'");
        ok("upgrade", "head");
        assertEquals(CHANGED, columns());
    }

    @Test
    void anOfflineScriptKeepsThemAsAnOnlineRunDoes() throws Exception {
        cli.write("migrations/K3.java", """
                package com.example.migrations;
                import static dev.retort.runtime.Ops.column;
                @dev.retort.runtime.Revision(id = "%s", revises = "%s", message = "comments and a default")
                public final class K3 implements dev.retort.runtime.Migration {
                    public void upgrade(dev.retort.runtime.Ops op) {
                        op.alterColumn("items", at(), at().defaultValue("'2001-02-03 04:05:06'").comment("when"));
                        op.alterColumn("items", doubled(), doubled().comment("twice"));
                        op.alterColumn("items", name(), name().comment("%s"));
                    }
                    public void downgrade(dev.retort.runtime.Ops op) {
                        op.alterColumn("items", name().comment("%s"), name());
                        op.alterColumn("items", doubled().comment("twice"), doubled());
                        op.alterColumn("items", at().defaultValue("'2001-02-03 04:05:06'").comment("when"), at());
                    }
                    private static dev.retort.schema.Column at() {
                        return column("at", "timestamp(0)").defaultValue("current_timestamp()");
                    }
                    private static dev.retort.schema.Column doubled() {
                        return column("doubled", "bigint").generatedAs("`price` * 2");
                    }
                    private static dev.retort.schema.Column name() {
                        return column("name", "varchar(40)").notNull();
                    }
                }
                """.formatted(R3, R2, HOSTILE_IN_JAVA, HOSTILE_IN_JAVA));

        Cli.Result script = cli.run("upgrade", "--sql", "base:" + R2);
        assertEquals(ExitCode.OK, script.code(), script::toString);
        if (db.isMySql()) {
            assertTrue(script.out().contains("\nCREATE PROCEDURE retort_script_block()\nBEGIN\n"), script::toString);
            assertTrue(script.out().contains("\n  SET @retort_statement = concat(\n"), script::toString);
        } else {
            assertTrue(
                    script.out()
                            .contains("\n-- A MODIFY COLUMN that could lose a column's character set, ON UPDATE,"
                                    + " VIRTUAL, INVISIBLE or COMPRESSED, which the migration does not name, reads them"
                                    + " from information_schema when it runs, as an online run does, and runs through"
                                    + " EXECUTE IMMEDIATE in a BEGIN NOT ATOMIC block\n"),
                    script::toString);
            assertTrue(script.out().contains("\n  EXECUTE IMMEDIATE concat(\n"), script::toString);
        }
        applies(script);
        ok("--url", db.url(1), "upgrade", R2);
        assertEquals(CHANGED, columns(0));
        assertEquals(catalog(1), catalog(0));
        ok("validate"); // the script recorded the checksums an online run records

        applies(cli.run("upgrade", "--sql", R2 + ":head"));
        ok("--url", db.url(1), "upgrade", "head");
        assertEquals(catalog(1), catalog(0));
        assertEquals(
                List.of(
                        "id | int(11) | NO | null |  | null | ",
                        "at | timestamp | YES | '2001-02-03 04:05:06' | on update current_timestamp() | null | when",
                        "price | int(11) | YES | NULL |  | null | ",
                        "doubled | bigint(20) | YES | NULL | VIRTUAL GENERATED | null | twice",
                        "name | varchar(40) | NO | null |  | latin1_swedish_ci | " + HOSTILE),
                catalog(0));
        assertEquals(List.of("items"), tables());

        applies(cli.run("downgrade", "--sql", "head:" + R1));
        ok("--url", db.url(1), "downgrade", R1);
        assertEquals(MADE, columns(0));
        assertEquals(catalog(1), catalog(0));
        ok("validate");
    }

    /** A script applied through the mariadb client, which stops at the first error. */
    private void applies(Cli.Result script) throws Exception {
        assertEquals(ExitCode.OK, script.code(), script::toString);
        MariaDbClient.Result applied = MariaDbClient.run(workDir, db.url(), db.name(), script.out());
        assertEquals(0, applied.code(), () -> applied.output() + "\n--- script\n" + script.out());
    }

    private List<String> columns() throws SQLException {
        return columns(0);
    }

    /** Each column of items: name, type, nullable, default, extra, collation. */
    private List<String> columns(int index) throws SQLException {
        return rows(index, "column_name, column_type, is_nullable, column_default, extra, collation_name");
    }

    /** The same with each column's comment. */
    private List<String> catalog(int index) throws SQLException {
        return rows(
                index, "column_name, column_type, is_nullable, column_default, extra, collation_name, column_comment");
    }

    private List<String> rows(int index, String columns) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection c = db.connect(index);
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT " + columns + " FROM information_schema.columns"
                        + " WHERE table_schema = DATABASE() AND table_name = 'items' ORDER BY ordinal_position")) {
            int count = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                List<String> values = new ArrayList<>();
                for (int i = 1; i <= count; i++) values.add(String.valueOf(rs.getString(i)));
                if (db.isMySql()) asMariaDbShowsIt(values);
                rows.add(String.join(" | ", values));
            }
        }
        return rows;
    }

    /**
     * A MySQL column's row as MariaDB shows the same column (so that one list of rows says what both keep): integer
     * types with their display width, a nullable column's missing default the text {@code NULL}, a date constant
     * quoted, {@code
     * CURRENT_TIMESTAMP} as {@code current_timestamp()}, and no {@code DEFAULT_GENERATED} mark.
     */
    private static void asMariaDbShowsIt(List<String> row) {
        row.set(1, row.get(1).replace("bigint", "bigint(20)").replaceAll("^int$", "int(11)"));
        if (row.get(2).equals("YES") && row.get(3).equals("null")) row.set(3, "NULL");
        if (row.get(3).matches("[0-9]{4}-.*")) row.set(3, "'" + row.get(3) + "'");
        row.set(3, row.get(3).replace("CURRENT_TIMESTAMP", "current_timestamp()"));
        row.set(
                4,
                row.get(4)
                        .replace("DEFAULT_GENERATED ", "")
                        .replace("DEFAULT_GENERATED", "")
                        .replace("CURRENT_TIMESTAMP", "current_timestamp()"));
    }

    private List<String> tables() throws SQLException {
        List<String> names = new ArrayList<>();
        try (Connection c = db.connect();
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT table_name FROM information_schema.tables"
                        + " WHERE table_schema = DATABASE() AND table_name NOT LIKE 'retort%' ORDER BY table_name")) {
            while (rs.next()) names.add(rs.getString(1));
        }
        return names;
    }
}
