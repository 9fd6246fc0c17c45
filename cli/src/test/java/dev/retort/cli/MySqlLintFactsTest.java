package dev.retort.cli;

import static dev.retort.runtime.Ops.check;
import static dev.retort.runtime.Ops.column;
import static dev.retort.runtime.Ops.foreignKey;
import static dev.retort.runtime.Ops.index;
import static dev.retort.runtime.Ops.primaryKey;
import static dev.retort.runtime.Ops.unique;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.retort.fixtures.db.MariaDbTestDatabase;
import dev.retort.lint.internal.MariaDbTypeChange;
import dev.retort.mariadb.MySqlDefaults;
import dev.retort.mariadb.MySqlExistence;
import dev.retort.op.AddCheck;
import dev.retort.op.AddColumn;
import dev.retort.op.AddForeignKey;
import dev.retort.op.AddPrimaryKey;
import dev.retort.op.AddUnique;
import dev.retort.op.AlterColumn;
import dev.retort.op.CreateIndex;
import dev.retort.op.DropIndex;
import dev.retort.op.Op;
import dev.retort.op.Option;
import dev.retort.schema.QualifiedName;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Each claim lint's rules make on MySQL ({@code Rule.meaning(MARIADB, true)}), proved on MySQL 9.7 as {@link
 * MariaDbLintFactsTest} proves MariaDB's: the statement MariaDB's renderer writes, run as the runner runs it on MySQL
 * ({@link MySqlExistence#resolve}), or the hand-written form a rule reads, with the {@code ALGORITHM}/{@code LOCK} the
 * claim asserts, on a table of 200 rows. Where MySQL answers otherwise than MariaDB, the case says so: {@code DROP
 * INDEX ... ON} takes {@code ALGORITHM} and {@code LOCK}; there is no {@code NOCOPY} and no {@code SET STATEMENT}; an
 * expression default copies the table and four functions are refused; a {@code NOT NULL} date column without a default
 * fails; a {@code varchar} widens in place by its own rule; a column a key uses cannot be made {@code NOT NULL} in an
 * {@code ALTER TABLE} that copies the table. Each expectation was written before the statement first ran.
 */
class MySqlLintFactsTest {
    private static final int NOT_SUPPORTED = 1845;
    private static final int NOT_SUPPORTED_REASON = 1846;
    private static final int SYNTAX = 1064;
    private static final int ZERO_DATE = 1292;
    private static final int UNSAFE_FOR_REPLICA = 1674;
    private static final QualifiedName T = new QualifiedName(null, "t");
    private static final QualifiedName C = new QualifiedName(null, "c");

    /** 200 numbered rows, as MariaDB's {@code seq_1_to_200} gives them. */
    private static final String ROWS = "WITH RECURSIVE s (i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM s WHERE i < 200)";

    @RegisterExtension
    final MariaDbTestDatabase db = MariaDbTestDatabase.mysql();

    @BeforeEach
    void tables() throws SQLException {
        db.execute("CREATE TABLE t (id int NOT NULL PRIMARY KEY, c varchar(20), n int, e varchar(255), d decimal(10,2),"
                + " ts datetime, w int NOT NULL) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;\n"
                + "INSERT INTO t " + ROWS + " SELECT i, concat('v', i), i, concat('e', i), i, now(), i FROM s;\n"
                + "CREATE INDEX t_c_idx ON t (c);\n"
                + "CREATE TABLE p (id int PRIMARY KEY) ENGINE=InnoDB;\n"
                + "INSERT INTO p " + ROWS + " SELECT i FROM s WHERE i <= 10;\n"
                + "CREATE TABLE c (id int PRIMARY KEY, pid int, v varchar(10)) ENGINE=InnoDB;\n"
                + "INSERT INTO c " + ROWS + " SELECT i, i % 10 + 1, 'x' FROM s");
    }

    private static String rendered(Op op) {
        return MariaDbLintFactsTest.rendered(op);
    }

    /** The server's error code for the statement as the runner runs it on MySQL, 0 when it runs. */
    private int run(String sql) throws SQLException {
        try (Connection connection = db.connect();
                Statement statement = connection.createStatement()) {
            statement.execute(MySqlExistence.resolve(connection, sql));
            return 0;
        } catch (SQLException e) {
            return e.getErrorCode();
        }
    }

    /** The same for hand-written SQL, as {@code op.execute} runs it: exactly as written. */
    private int runWritten(String sql) throws SQLException {
        try (Connection connection = db.connect();
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
            return 0;
        } catch (SQLException e) {
            return e.getErrorCode();
        }
    }

    private String query(String sql) throws SQLException {
        return db.query(sql).get(0);
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
        // the online form of the DSL runs as written
        assertRuns(rendered(new CreateIndex(T, index("w").named("t_w_idx"), java.util.Set.of(Option.CONCURRENTLY))));
        // MySQL has no CONCURRENTLY: the word names the index
        assertEquals(0, runWritten("CREATE INDEX CONCURRENTLY ON t (d)"));
        assertEquals(
                "CONCURRENTLY",
                query("SELECT index_name FROM information_schema.statistics WHERE table_schema = DATABASE()"
                        + " AND table_name = 't' AND column_name = 'd'"));
    }

    /** MariaDB's {@code DROP INDEX ... ON} takes neither option (1064); MySQL's takes both. */
    @Test
    void dropIndexOnCanAssertLockNoneOnMySql() throws SQLException {
        String plain = rendered(new DropIndex(T, index("c").named("t_c_idx")));
        assertFalse(plain.contains("LOCK"), plain);
        assertEquals(0, runWritten(plain + " ALGORITHM=INPLACE LOCK=NONE"));
        db.execute("CREATE INDEX t_c_idx ON t (c)");
        assertRuns(rendered(new DropIndex(T, index("c").named("t_c_idx"), java.util.Set.of(Option.CONCURRENTLY))));
    }

    @Test
    void aCheckIsAddedOnlyByCopyingTheTableNotValidOrNot() throws SQLException {
        for (AddCheck op : List.of(
                new AddCheck(T, check("n >= 0").named("t_n_check")),
                new AddCheck(T, check("n >= 0").named("t_n_check").notValid()))) {
            String sql = rendered(op).replace(", ALGORITHM=COPY, LOCK=SHARED", "");
            assertRefused(NOT_SUPPORTED, sql + ", ALGORITHM=INPLACE");
            assertRefused(NOT_SUPPORTED, sql + ", ALGORITHM=INSTANT");
            // MySQL has no NOCOPY
            assertRefused(1800, sql + ", ALGORITHM=NOCOPY");
            assertRefused(NOT_SUPPORTED_REASON, sql + ", ALGORITHM=COPY, LOCK=NONE");
        }
        assertRuns(rendered(new AddCheck(T, check("n >= 0").named("t_n_check").notValid())));
    }

    @Test
    void aPlainForeignKeyCopiesTheTableAndTheSessionsChecksOffMakeItOnline() throws SQLException {
        String plain = rendered(
                new AddForeignKey(C, foreignKey("pid").references("p", "id").named("c_pid_fkey")));
        assertRefused(NOT_SUPPORTED_REASON, plain + ", ALGORITHM=INPLACE");
        assertRefused(NOT_SUPPORTED_REASON, plain + ", ALGORITHM=COPY, LOCK=NONE");
        // MariaDB's online form is a syntax error on MySQL
        assertEquals(
                SYNTAX,
                runWritten("SET STATEMENT foreign_key_checks=0 FOR " + plain + ", ALGORITHM=INPLACE, LOCK=NONE"));
        try (Connection connection = db.connect();
                Statement statement = connection.createStatement()) {
            statement.execute("SET foreign_key_checks = 0");
            statement.execute(plain + ", ALGORITHM=INPLACE, LOCK=NONE");
            statement.execute("SET foreign_key_checks = 1");
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

    /**
     * MySQL gives the rows an integer's implicit 0 as MariaDB does, but its default {@code sql_mode} refuses a date or
     * datetime the zero date, and gives a timestamp the zero date that the next copy of the table refuses.
     */
    @Test
    void aNotNullDateColumnWithoutDefaultFailsWhereOthersGetTheImplicitValue() throws SQLException {
        assertRuns(rendered(new AddColumn(T, column("x", "integer").notNull())) + ", ALGORITHM=INSTANT");
        assertEquals("200 0 0", query("SELECT concat(count(*), ' ', min(x), ' ', max(x)) FROM t"));
        assertRuns(rendered(new AddColumn(T, column("x2", "varchar(10)").notNull())));
        assertFalse(MySqlDefaults.zeroDated("integer"));
        for (String type : List.of("date", "datetime(6)", "datetime")) {
            assertTrue(MySqlDefaults.zeroDated(type), type);
            assertRefused(
                    ZERO_DATE, rendered(new AddColumn(T, column("x3", type).notNull())));
        }
        assertTrue(MySqlDefaults.zeroDated("timestamp(0)"));
        assertRuns(rendered(new AddColumn(T, column("x4", "timestamp(0)").notNull())));
        assertRefused(ZERO_DATE, "ALTER TABLE t MODIFY n bigint");
    }

    @Test
    void fourFunctionsAreRefusedAsAnAddedColumnsDefaultAndAnyExpressionCopiesTheTable() throws SQLException {
        List<String> refused = List.of("uuid()", "uuid_short()", "rand()", "sysdate(6)");
        assertEquals(
                new java.util.TreeSet<>(MySqlDefaults.REFUSED_WHEN_ADDED),
                new java.util.TreeSet<>(refused.stream()
                        .map(c -> c.substring(0, c.indexOf('(')))
                        .toList()),
                "every function lint says MySQL refuses is proved here");
        for (String call : refused) {
            String type = call.startsWith("sysdate") ? "timestamp(6)" : "varchar(40)";
            String sql = rendered(new AddColumn(T, column("f", type).defaultValue(call)));
            assertNotNull(MySqlDefaults.refusedWhenAdded(call), call);
            assertRefused(UNSAFE_FOR_REPLICA, sql);
            assertRefused(UNSAFE_FOR_REPLICA, sql + ", ALGORITHM=INSTANT");
        }
        for (String expression : List.of("unix_timestamp()", "(5)", "(n + 1)")) {
            String type = "double precision";
            String sql = rendered(new AddColumn(T, column("k", type).defaultValue(expression)));
            assertFalse(MySqlDefaults.addedInstantly(expression), expression);
            assertNull(MySqlDefaults.refusedWhenAdded(expression), expression);
            assertRefused(NOT_SUPPORTED, sql + ", ALGORITHM=INPLACE");
            assertRefused(NOT_SUPPORTED_REASON, sql + ", ALGORITHM=COPY, LOCK=NONE");
        }
        Map<String, String> instant = Map.of(
                "5", "double precision",
                "-1", "integer",
                "'it''s'", "varchar(10)",
                "NULL", "integer",
                "b'1'", "bit(1)",
                "current_timestamp(6)", "timestamp(6)",
                "now()", "timestamp(0)");
        for (Map.Entry<String, String> value : instant.entrySet()) {
            assertTrue(MySqlDefaults.addedInstantly(value.getKey()), value.getKey());
            assertRuns(rendered(new AddColumn(T, column("k", value.getValue()).defaultValue(value.getKey())))
                    + ", ALGORITHM=INSTANT");
            assertRuns("ALTER TABLE t DROP COLUMN k");
        }
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
     * Lint's MySQL verdict on each type change against the server's: one lint calls in place runs with {@code
     * ALGORITHM=INPLACE, LOCK=NONE} in every character set (MySQL widens a varchar in place, not instantly), one lint
     * calls a copy is refused in place in one of them at least, and then runs only as {@code ALGORITHM=COPY,
     * LOCK=SHARED}. {@code varchar(20)} to {@code varchar(64)} is where MySQL and MariaDB differ.
     */
    @Test
    void typeChangesCopyTheTableButAVarcharWideningThatStaysOnOneSideOf255Bytes() throws SQLException {
        List<String> charsets = List.of("utf8mb4", "utf8mb3", "ucs2", "latin1");
        List<List<String>> changes = List.of(
                List.of("varchar(20)", "varchar(31)"),
                List.of("varchar(31)", "varchar(100)"),
                List.of("varchar(20)", "varchar(64)"),
                List.of("varchar(40)", "varchar(60)"),
                List.of("varchar(63)", "varchar(64)"),
                List.of("varchar(200)", "varchar(300)"),
                List.of("varchar(300)", "varchar(400)"),
                List.of("varchar(40)", "varchar(10)"),
                List.of("varchar(50)", "text"),
                List.of("integer", "bigint"),
                List.of("numeric(10,2)", "numeric(12,2)"),
                List.of("timestamp(0)", "timestamp(3)"));
        assertNull(MariaDbTypeChange.copies("varchar(20)", "varchar(64)"), "MariaDB widens it in place");
        for (List<String> change : changes) {
            String from = change.get(0);
            String to = change.get(1);
            boolean copies = MariaDbTypeChange.copies(from, to, true) != null;
            boolean refusedSomewhere = false;
            for (String charset : charsets) {
                run("DROP TABLE IF EXISTS v");
                assertRuns("CREATE TABLE v (id int PRIMARY KEY) ENGINE=InnoDB DEFAULT CHARSET=" + charset);
                assertRuns(rendered(new AddColumn(new QualifiedName(null, "v"), column("x", from))));
                assertRuns("INSERT INTO v " + ROWS + " SELECT i, NULL FROM s WHERE i <= 50");
                String modify =
                        rendered(new AlterColumn(new QualifiedName(null, "v"), column("x", from), column("x", to)));
                int inPlace = run(modify + ", ALGORITHM=INPLACE, LOCK=NONE");
                if (!copies) assertEquals(0, inPlace, from + " -> " + to + " in " + charset);
                if (inPlace != 0) {
                    refusedSomewhere = true;
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
        assertRuns("INSERT INTO k " + ROWS + " SELECT i, i FROM s");
        String key = rendered(new AddPrimaryKey(new QualifiedName(null, "k"), primaryKey("id")));
        assertRuns(key + ", ALGORITHM=INPLACE, LOCK=NONE");
    }

    @Test
    void aNameOver64CharactersIsRefusedNotCut() throws SQLException {
        String long65 = "a".repeat(65);
        assertRefused(1059, rendered(new AddColumn(T, column(long65, "integer"))));
        assertRefused(1059, rendered(new CreateIndex(T, index("n").named(long65))));
        // MariaDB says 1103 for a table
        assertRefused(1059, "CREATE TABLE " + long65 + " (x int)");
        assertRuns(rendered(new AddColumn(T, column("é".repeat(64), "integer"))));
    }

    @Test
    void ddlCommitsTheUpdateBeforeItAndLockWaitTimeoutIsMySqlsLockTimeout() throws SQLException {
        try (Connection connection = db.connect();
                Statement statement = connection.createStatement()) {
            statement.execute("START TRANSACTION");
            statement.execute("UPDATE t SET n = n + 1000");
            statement.execute("ALTER TABLE t ADD COLUMN z int");
            statement.execute("ROLLBACK");
            statement.execute("SET SESSION lock_wait_timeout = 5");
            assertEquals("5", one(statement, "SELECT @@lock_wait_timeout"));
        }
        // the ALTER committed the UPDATE: the rollback undid nothing
        assertEquals("1001", query("SELECT min(n) FROM t"));
        assertEquals(1193, runWritten("SET lock_timeout = '5s'"));
        assertEquals(1193, runWritten("SELECT @@in_transaction"));
        assertEquals(SYNTAX, runWritten("SET STATEMENT lock_wait_timeout=5 FOR ALTER TABLE t ADD COLUMN z2 int"));
    }

    /**
     * MySQL refuses to make a column a foreign key uses {@code NOT NULL} in an {@code ALTER TABLE} that copies the
     * table, but with the session's {@code foreign_key_checks} off; alone, the change runs in place (MariaDB runs
     * both).
     */
    @Test
    void aKeyedColumnCannotBeMadeNotNullInAnAlterThatCopiesTheTable() throws SQLException {
        db.execute("ALTER TABLE c ADD CONSTRAINT c_pid_fkey FOREIGN KEY (pid) REFERENCES p (id)");
        String notNull = rendered(new AlterColumn(
                C, column("pid", "integer"), column("pid", "integer").notNull()));
        String widen = rendered(new AlterColumn(C, column("v", "varchar(10)"), column("v", "varchar(100)")));
        assertNotNull(MariaDbTypeChange.copies("varchar(10)", "varchar(100)", true));
        String both = notNull + ", " + widen.substring(widen.indexOf("MODIFY"));
        assertRefused(1832, both);
        assertRuns(notNull + ", ALGORITHM=INPLACE, LOCK=NONE");
        assertNotEquals(0, run(widen + ", ALGORITHM=INPLACE"));
        assertRuns(rendered(new AlterColumn(C, column("pid", "integer").notNull(), column("pid", "integer"))));
        // with the session's checks off, MySQL runs it
        try (Connection connection = db.connect();
                Statement statement = connection.createStatement()) {
            statement.execute("SET foreign_key_checks = 0");
            assertEquals(0, assertThrowsCode(() -> statement.execute(MySqlExistence.resolve(connection, both))), both);
        }
    }

    /**
     * What MySQL does with a type change of a column a foreign key uses: a {@code varchar} widened in place runs at
     * either end; one that outgrows its length byte is refused (1832) but with the checks off; a collation change too
     * (3780); any other type change (3780) even with the checks off. MariaDB refuses each (1832, 1833).
     */
    @Test
    void aTypeChangeUnderAKeyIsRefusedButAVarcharWidenedInPlace() throws SQLException {
        db.execute("CREATE TABLE pk (id int PRIMARY KEY, code varchar(10), UNIQUE KEY (code));\n"
                + "CREATE TABLE ck (id int PRIMARY KEY, pid int, pcode varchar(10),"
                + " CONSTRAINT ck_pid_fkey FOREIGN KEY (pid) REFERENCES pk (id),"
                + " CONSTRAINT ck_pcode_fkey FOREIGN KEY (pcode) REFERENCES pk (code));\n"
                + "INSERT INTO pk VALUES (1, 'a');\nINSERT INTO ck VALUES (1, 1, 'a')");
        QualifiedName ck = new QualifiedName(null, "ck");
        QualifiedName pk = new QualifiedName(null, "pk");
        assertNull(MariaDbTypeChange.copies("varchar(10)", "varchar(63)", true));
        assertRuns(rendered(new AlterColumn(ck, column("pcode", "varchar(10)"), column("pcode", "varchar(63)"))));
        assertRuns(rendered(new AlterColumn(pk, column("code", "varchar(10)"), column("code", "varchar(63)"))));
        assertNotNull(MariaDbTypeChange.copies("varchar(63)", "varchar(64)", true));
        String outgrows = rendered(new AlterColumn(ck, column("pcode", "varchar(63)"), column("pcode", "varchar(64)")));
        assertRefused(1832, outgrows);
        String retyped = rendered(new AlterColumn(ck, column("pid", "integer"), column("pid", "bigint")));
        assertRefused(3780, retyped);
        assertRefused(
                3780,
                rendered(new AlterColumn(
                        pk,
                        column("id", "integer").notNull(),
                        column("id", "bigint").notNull())));
        String collated = rendered(new AlterColumn(
                ck,
                column("pcode", "varchar(63)"),
                column("pcode", "varchar(63)").collate("utf8mb4_bin")));
        assertRefused(3780, collated);
        try (Connection connection = db.connect();
                Statement statement = connection.createStatement()) {
            statement.execute("SET foreign_key_checks = 0");
            assertEquals(3780, assertThrowsCode(() -> statement.execute(retyped)), retyped);
            assertEquals(0, assertThrowsCode(() -> statement.execute(outgrows)), outgrows);
        }
    }

    private interface Sql {
        void run() throws SQLException;
    }

    private static int assertThrowsCode(Sql sql) {
        try {
            sql.run();
            return 0;
        } catch (SQLException e) {
            return e.getErrorCode();
        }
    }

    private static String one(Statement statement, String sql) throws SQLException {
        try (ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getString(1);
        }
    }
}
