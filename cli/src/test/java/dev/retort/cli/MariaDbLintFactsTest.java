package dev.retort.cli;

import static dev.retort.runtime.Ops.check;
import static dev.retort.runtime.Ops.column;
import static dev.retort.runtime.Ops.foreignKey;
import static dev.retort.runtime.Ops.index;
import static dev.retort.runtime.Ops.primaryKey;
import static dev.retort.runtime.Ops.unique;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.retort.diff.OnlineForms;
import dev.retort.fixtures.db.MariaDbTestDatabase;
import dev.retort.lint.internal.MariaDbTypeChange;
import dev.retort.lint.internal.MigrationWalk;
import dev.retort.lint.internal.Volatility;
import dev.retort.mariadb.MariaDbSql;
import dev.retort.op.AddCheck;
import dev.retort.op.AddColumn;
import dev.retort.op.AddForeignKey;
import dev.retort.op.AddPrimaryKey;
import dev.retort.op.AddUnique;
import dev.retort.op.AlterColumn;
import dev.retort.op.CreateIndex;
import dev.retort.op.DropIndex;
import dev.retort.op.Op;
import dev.retort.schema.QualifiedName;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Each claim lint's MariaDB rules make, proved on the real server: the statement MariaDB's renderer writes for the
 * operation (or the hand-written form a rule reads), run with the {@code ALGORITHM}/{@code LOCK} the claim asserts,
 * on a table of 200 rows; the server refuses one it cannot do (1845, 1846), so a wrong claim fails here. Each
 * expectation was written before the statement first ran (the facts, with the server's words, are in the README's
 * MariaDB rules paragraph).
 */
class MariaDbLintFactsTest {
    private static final int NOT_SUPPORTED = 1845;
    private static final int NOT_SUPPORTED_REASON = 1846;
    private static final int SYNTAX = 1064;
    private static final QualifiedName T = new QualifiedName(null, "t");
    private static final QualifiedName C = new QualifiedName(null, "c");

    @RegisterExtension
    final MariaDbTestDatabase db = new MariaDbTestDatabase();

    @BeforeEach
    void tables() throws SQLException {
        db.execute("CREATE TABLE t (id int NOT NULL PRIMARY KEY, c varchar(20), n int, e varchar(255), d decimal(10,2),"
                + " ts datetime, w int NOT NULL) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;\n"
                + "INSERT INTO t SELECT seq, concat('v', seq), seq, concat('e', seq), seq, now(), seq"
                + " FROM seq_1_to_200;\n"
                + "CREATE INDEX t_c_idx ON t (c);\n"
                + "CREATE TABLE p (id int PRIMARY KEY) ENGINE=InnoDB;\n"
                + "INSERT INTO p SELECT seq FROM seq_1_to_10;\n"
                + "CREATE TABLE c (id int PRIMARY KEY, pid int) ENGINE=InnoDB;\n"
                + "INSERT INTO c SELECT seq, seq % 10 + 1 FROM seq_1_to_200;\n"
                + "CREATE SEQUENCE s");
    }

    /** The one statement MariaDB's renderer writes for the operation. */
    static String rendered(Op op) {
        List<String> statements = MariaDbSql.DIALECT.statements(op);
        assertEquals(1, statements.size(), statements::toString);
        return statements.get(0);
    }

    /** The server's error code for the statement, 0 when it runs. */
    private int run(String sql) throws SQLException {
        try (Connection connection = db.connect();
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
            return 0;
        } catch (SQLException e) {
            return e.getErrorCode();
        }
    }

    private String query(String sql) throws SQLException {
        try (Connection connection = db.connect();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getString(1);
        }
    }

    private void assertRuns(String sql) throws SQLException {
        assertEquals(0, run(sql), sql);
    }

    private void assertRefused(int code, String sql) throws SQLException {
        assertEquals(code, run(sql), sql);
    }

    @Test
    void aPlainIndexBuildCanBeOnlineButDoesNotSayItAndFulltextCannot() throws SQLException {
        String plain = rendered(new CreateIndex(T, index("n").named("t_n_idx")));
        assertFalse(plain.contains("LOCK"), plain);
        assertRuns(plain + " ALGORITHM=INPLACE LOCK=NONE");
        String fulltext = rendered(new CreateIndex(T, index("e").named("t_e_ft").using("fulltext")));
        assertRefused(NOT_SUPPORTED_REASON, fulltext + " LOCK=NONE");
        assertRuns(fulltext + " ALGORITHM=INPLACE LOCK=SHARED");
        // MariaDB has no CONCURRENTLY: the word names the index
        assertRuns("CREATE INDEX CONCURRENTLY ON t (d)");
        assertEquals(
                "CONCURRENTLY",
                query("SELECT index_name FROM information_schema.statistics WHERE table_schema = DATABASE()"
                        + " AND table_name = 't' AND column_name = 'd'"));
    }

    @Test
    void dropIndexOnCannotAssertLockNoneWhileTheAlterTableFormCan() throws SQLException {
        String plain = rendered(new DropIndex(T, index("c").named("t_c_idx")));
        assertRefused(SYNTAX, plain + " ALGORITHM=INPLACE LOCK=NONE");
        assertRefused(SYNTAX, plain + " LOCK=NONE");
        assertRuns("ALTER TABLE t DROP INDEX t_c_idx, ALGORITHM=INPLACE, LOCK=NONE");
    }

    @Test
    void aCheckIsAddedOnlyByCopyingTheTableNotValidOrNot() throws SQLException {
        for (AddCheck op : List.of(
                new AddCheck(T, check("n >= 0").named("t_n_check")),
                new AddCheck(T, check("n >= 0").named("t_n_check").notValid()))) {
            String sql = rendered(op).replace(", ALGORITHM=COPY, LOCK=SHARED", "");
            assertRefused(NOT_SUPPORTED, sql + ", ALGORITHM=INPLACE");
            assertRefused(NOT_SUPPORTED, sql + ", ALGORITHM=NOCOPY");
            assertRefused(NOT_SUPPORTED_REASON, sql + ", ALGORITHM=COPY, LOCK=NONE");
        }
        assertRuns(rendered(new AddCheck(T, check("n >= 0").named("t_n_check").notValid())));
        // the online SET NOT NULL's own check runs nothing
        assertEquals(
                List.of(),
                MariaDbSql.DIALECT.statements(
                        new AddCheck(T, OnlineForms.notNullCheck(T, "e").notValid())));
    }

    @Test
    void aPlainForeignKeyCopiesTheTableAndTheNotValidFormIsOnline() throws SQLException {
        String plain = rendered(
                new AddForeignKey(C, foreignKey("pid").references("p", "id").named("c_pid_fkey")));
        assertRefused(NOT_SUPPORTED_REASON, plain + ", ALGORITHM=INPLACE");
        assertRefused(NOT_SUPPORTED_REASON, plain + ", ALGORITHM=COPY, LOCK=NONE");
        assertRuns("SET STATEMENT foreign_key_checks=0 FOR " + plain + ", ALGORITHM=INPLACE, LOCK=NONE");
        // and in a session that turned the checks off, the plain statement may assert it too
        db.execute("ALTER TABLE c DROP FOREIGN KEY c_pid_fkey");
        try (Connection connection = db.connect();
                Statement statement = connection.createStatement()) {
            statement.execute("SET SESSION foreign_key_checks = OFF");
            statement.execute(plain + ", ALGORITHM=INPLACE, LOCK=NONE");
        }
    }

    @Test
    void notNullRebuildsTheTableInPlaceAndCanAssertLockNone() throws SQLException {
        String plain = rendered(new AlterColumn(
                T, column("e", "varchar(255)"), column("e", "varchar(255)").notNull()));
        assertFalse(plain.contains("LOCK"), plain);
        assertRefused(NOT_SUPPORTED, plain + ", ALGORITHM=INSTANT");
        assertRuns(plain + ", ALGORITHM=INPLACE, LOCK=NONE");
    }

    @Test
    void aNotNullColumnWithoutDefaultGetsTheImplicitValueInsteadOfFailing() throws SQLException {
        assertRuns(rendered(new AddColumn(T, column("x", "integer").notNull())) + ", ALGORITHM=INSTANT");
        assertRuns(rendered(new AddColumn(T, column("x2", "timestamp(0)").notNull())));
        assertEquals("200 0 0", query("SELECT concat(count(*), ' ', min(x), ' ', max(x)) FROM t"));
    }

    @Test
    void defaultsFilledRowByRowCopyTheTableAndTheOthersAreInstant() throws SQLException {
        List<String> calls = List.of("uuid()", "uuid_short()", "sys_guid()", "sysdate(6)", "nextval(s)");
        assertEquals(
                new java.util.TreeSet<>(Volatility.MARIADB_ROW_BY_ROW),
                new java.util.TreeSet<>(
                        calls.stream().map(c -> c.substring(0, c.indexOf('('))).toList()),
                "every function lint says MariaDB fills row by row is proved here");
        for (String call : calls) {
            String type = call.startsWith("sysdate") ? "timestamp(6)" : "varchar(40)";
            String sql = rendered(new AddColumn(T, column("f", type).defaultValue(call)));
            assertNotNull(Volatility.mariaDbRowByRow(call), call);
            assertRefused(NOT_SUPPORTED, sql + ", ALGORITHM=INPLACE");
            assertRefused(NOT_SUPPORTED_REASON, sql + ", ALGORITHM=COPY, LOCK=NONE");
        }
        for (String value : List.of("5", "current_timestamp()", "rand()", "(unix_timestamp())")) {
            String type = value.startsWith("current") ? "timestamp(0)" : "double precision";
            assertNull(Volatility.mariaDbRowByRow(value), value);
            assertRuns(rendered(new AddColumn(T, column("k", type).defaultValue(value))) + ", ALGORITHM=INSTANT");
            assertRuns("ALTER TABLE t DROP COLUMN k");
        }
        // rand() is evaluated once: every row there gets the same value
        assertRuns("ALTER TABLE t ADD COLUMN r double DEFAULT (rand())");
        assertEquals("1", query("SELECT count(DISTINCT r) FROM t"));
    }

    @Test
    void anAutoIncrementColumnNeedsALockAndAStoredGenerationCopiesTheTable() throws SQLException {
        assertRefused(
                NOT_SUPPORTED_REASON,
                "ALTER TABLE t ADD COLUMN y bigint AUTO_INCREMENT UNIQUE, ALGORITHM=INPLACE, LOCK=NONE");
        assertRuns("ALTER TABLE t ADD COLUMN y bigint AUTO_INCREMENT UNIQUE, ALGORITHM=INPLACE, LOCK=SHARED");
        String generated = rendered(new AddColumn(T, column("g", "integer").generatedAs("n + 1")));
        assertTrue(generated.contains("STORED"), generated);
        assertRefused(NOT_SUPPORTED, generated + ", ALGORITHM=INPLACE");
        assertRefused(NOT_SUPPORTED_REASON, generated + ", ALGORITHM=COPY, LOCK=NONE");
        // a virtual one is computed when read: added instantly
        String virtual = rendered(
                new AddColumn(T, column("v", "integer").generatedAs("n + 1").virtual()));
        assertTrue(virtual.contains("VIRTUAL"), virtual);
        assertRuns(virtual + ", ALGORITHM=INSTANT");
    }

    /**
     * Lint's verdict on each type change against the server's: one lint calls in place runs with {@code
     * ALGORITHM=INSTANT} in every character set, one lint calls a copy is refused in place in one of them at least
     * (lint does not know the table's), and then runs only as {@code ALGORITHM=COPY, LOCK=SHARED}.
     */
    @Test
    void typeChangesCopyTheTableButAVarcharWideningThatKeepsItsLengthBytes() throws SQLException {
        List<String> charsets = List.of("utf8mb4", "utf8mb3", "ucs2", "latin1");
        List<List<String>> changes = List.of(
                List.of("varchar(20)", "varchar(31)"),
                List.of("varchar(31)", "varchar(100)"),
                List.of("varchar(20)", "varchar(64)"),
                List.of("varchar(40)", "varchar(60)"),
                List.of("varchar(32)", "varchar(100)"),
                List.of("varchar(63)", "varchar(64)"),
                List.of("varchar(200)", "varchar(300)"),
                List.of("varchar(255)", "varchar(400)"),
                List.of("varchar(300)", "varchar(400)"),
                List.of("varchar(40)", "varchar(10)"),
                List.of("varchar(50)", "text"),
                List.of("integer", "bigint"),
                List.of("numeric(10,2)", "numeric(12,2)"),
                List.of("timestamp(0)", "timestamp(3)"));
        for (List<String> change : changes) {
            String from = change.get(0);
            String to = change.get(1);
            boolean copies = MariaDbTypeChange.copies(from, to) != null;
            boolean refusedSomewhere = false;
            for (String charset : charsets) {
                run("DROP TABLE IF EXISTS v");
                assertRuns("CREATE TABLE v (id int PRIMARY KEY) ENGINE=InnoDB DEFAULT CHARSET=" + charset);
                assertRuns(rendered(new AddColumn(new QualifiedName(null, "v"), column("x", from))));
                assertRuns("INSERT INTO v SELECT seq, NULL FROM seq_1_to_50");
                String modify =
                        rendered(new AlterColumn(new QualifiedName(null, "v"), column("x", from), column("x", to)));
                int instant = run(modify + ", ALGORITHM=INSTANT");
                if (!copies) assertEquals(0, instant, from + " -> " + to + " in " + charset);
                if (instant != 0) {
                    refusedSomewhere = true;
                    assertRefused(NOT_SUPPORTED_REASON, modify + ", ALGORITHM=INPLACE");
                    assertRefused(NOT_SUPPORTED_REASON, modify + ", ALGORITHM=COPY, LOCK=NONE");
                    assertRuns(modify + ", ALGORITHM=COPY, LOCK=SHARED");
                }
            }
            assertEquals(copies, refusedSomewhere, from + " -> " + to);
        }
    }

    @Test
    void uniqueKeysAndPrimaryKeysCanAssertLockNone() throws SQLException {
        String unique = rendered(new AddUnique(T, unique("c").named("t_c_key")));
        assertFalse(unique.contains("LOCK"), unique);
        assertRuns(unique + ", ALGORITHM=INPLACE, LOCK=NONE");
        assertRuns("CREATE TABLE k (id int NOT NULL, v int)");
        assertRuns("INSERT INTO k SELECT seq, seq FROM seq_1_to_200");
        String key = rendered(new AddPrimaryKey(new QualifiedName(null, "k"), primaryKey("id")));
        assertRuns(key + ", ALGORITHM=INPLACE, LOCK=NONE");
    }

    @Test
    void aNameOver64CharactersIsRefusedNotCut() throws SQLException {
        String long65 = "a".repeat(65);
        assertRefused(1059, rendered(new AddColumn(T, column(long65, "integer"))));
        assertRefused(1059, rendered(new CreateIndex(T, index("n").named(long65))));
        assertRefused(1103, "CREATE TABLE " + long65 + " (x int)");
        String wide64 = "é".repeat(64);
        assertRuns(rendered(new AddColumn(T, column(wide64, "integer"))));
        assertEquals(
                "128 64",
                query("SELECT concat(length(column_name), ' ', char_length(column_name)) FROM"
                        + " information_schema.columns WHERE table_schema = DATABASE() AND table_name = 't'"
                        + " AND char_length(column_name) > 10"));
        assertEquals(64, MigrationWalk.MARIADB_MAX_IDENTIFIER);
    }

    @Test
    void ddlCommitsTheUpdateBeforeItAndLockWaitTimeoutIsMariaDbsLockTimeout() throws SQLException {
        try (Connection connection = db.connect();
                Statement statement = connection.createStatement()) {
            statement.execute("START TRANSACTION");
            statement.execute("UPDATE t SET n = n + 1");
            assertEquals("1", one(statement, "SELECT @@in_transaction"));
            statement.execute("ALTER TABLE t ADD COLUMN z int");
            assertEquals("0", one(statement, "SELECT @@in_transaction"));
            statement.execute("SET SESSION lock_wait_timeout = 5");
            assertEquals("5", one(statement, "SELECT @@lock_wait_timeout"));
        }
        assertRefused(1193, "SET lock_timeout = '5s'");
        assertRefused(1193, "SET LOCAL lock_timeout = '5s'");
        assertRuns("SET STATEMENT lock_wait_timeout=5 FOR ALTER TABLE t ADD COLUMN z2 int, ALGORITHM=INSTANT");
    }

    private static String one(Statement statement, String sql) throws SQLException {
        try (ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getString(1);
        }
    }
}
