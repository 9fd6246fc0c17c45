package dev.retort.mariadb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.retort.diff.HazardPolicy;
import dev.retort.fixtures.db.MariaDbTestDatabase;
import dev.retort.op.AddColumn;
import dev.retort.op.AlterColumn;
import dev.retort.op.Hazard;
import dev.retort.schema.Column;
import dev.retort.schema.QualifiedName;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Each hazard of MySQL's policy ({@link MariaDbHazards#MYSQL_POLICY}) held to a MySQL server (9.7, which {@code
 * .ci/run} starts), as {@link MariaDbHazardsTest} holds MariaDB's, each statement run as the runner runs it on MySQL
 * ({@link MySqlExistence#resolve}). Where MySQL answers otherwise than MariaDB (found by running MariaDB's claims
 * here), the case says what MySQL does: it has no {@code ALGORITHM=NOCOPY} (an index builds {@code INPLACE} without a
 * rebuild, the next less locking form {@code INSTANT}); it widens a {@code varchar} in place, not instantly, and copies
 * the table when the largest size crosses 255 bytes; it copies the table to change the collation of an indexed column;
 * and it refuses to add a column whose default may differ on a replica ({@link
 * #aColumnWhoseDefaultMayDifferOnAReplicaIsRefusedWhenAdded}). MySQL has no sequences.
 */
class MySqlHazardsTest extends MariaDbHazardsTest {
    private static final String COPY = " copies the table while writes wait (ALGORITHM=COPY, LOCK=SHARED)";

    private static final String IN_PLACE = "ALGORITHM=INPLACE, LOCK=NONE";

    /** MariaDB's cases with MySQL's hazards. */
    private static final Map<String, List<String>> HAZARDS = Map.of(
            "varchar(10) -> varchar(100): length bytes stay one up to 127 bytes",
            List.of("HAZARD table-rewrite: changing the type of t.v (varchar(10) -> varchar(100))" + COPY
                    + ": its values' length takes two bytes instead of one (utf8mb4 assumed)"),
            "collation changed within utf8mb4, indexed",
            List.of("HAZARD table-rewrite: changing the collation of t.ci to utf8mb4_bin copies the table while writes"
                    + " wait if an index holds the column (ALGORITHM=COPY, LOCK=SHARED); MySQL changes it in place if"
                    + " none does"));

    /** MariaDB's cases MySQL runs in place where MariaDB runs them instantly. */
    private static final Set<String> IN_PLACE_CASES =
            Set.of("varchar(10) -> varchar(20)", "varchar(100) -> varchar(200): over 255 bytes already");

    /** MariaDB's cases of a default MySQL refuses for an added column, and the sequence MySQL does not have. */
    private static final Set<String> NOT_MYSQL_CASES = Set.of(
            "column with DEFAULT uuid() added",
            "column with DEFAULT sysdate() added",
            "column with DEFAULT rand() added: one value for every row",
            "column with DEFAULT nextval(`s`) added");

    @Override
    MariaDbTestDatabase server() {
        return MariaDbTestDatabase.mysql();
    }

    @Override
    HazardPolicy policy() {
        return MariaDbHazards.MYSQL_POLICY;
    }

    @Override
    boolean applies(Case c) {
        return !NOT_MYSQL_CASES.contains(c.name());
    }

    @Override
    List<String> expected(Case c) {
        return HAZARDS.getOrDefault(
                c.name(), c.hazards().stream().map(MySqlHazardsTest::worded).toList());
    }

    @Override
    String quiet(Case c) {
        return IN_PLACE_CASES.contains(c.name()) ? IN_PLACE : worded(c.quiet());
    }

    private static String worded(String text) {
        return text.replace("ALGORITHM=NOCOPY", "ALGORITHM=INPLACE")
                .replace("MariaDB 10.11 has", "MySQL has")
                .replace("MariaDB has", "MySQL has");
    }

    @Override
    String lessThan(String claim) {
        return claim.equals(IN_PLACE) ? "ALGORITHM=INSTANT" : super.lessThan(claim);
    }

    @Override
    void run(String sql) throws SQLException {
        try (Connection connection = db.connect();
                Statement statement = connection.createStatement()) {
            statement.execute(MySqlExistence.resolve(connection, sql));
        }
    }

    /**
     * MySQL refuses a default of {@code uuid()}, {@code uuid_short()}, {@code rand()} or {@code sysdate()} for an added
     * column while its binary log is on (its default), table empty or not, and says so in the hazard; the same default
     * set on a column that is there runs.
     */
    @Test
    void aColumnWhoseDefaultMayDifferOnAReplicaIsRefusedWhenAdded() throws SQLException {
        db.execute("CREATE TABLE t (id int PRIMARY KEY, a double)");
        QualifiedName t = QualifiedName.of("t");
        for (String call : List.of("uuid()", "uuid_short()", "rand()", "sysdate()")) {
            AddColumn op = new AddColumn(t, Column.of("x", "varchar(40)").defaultValue(call));
            assertEquals(
                    List.of("HAZARD fails-on-data: adding t.x with DEFAULT " + call + " is refused by MySQL while its"
                            + " binary log is on, as it is by default (error 1674: a row's value could differ on a"
                            + " replica): add the column without the default, then set it"),
                    policy().hazards(op, List.of(op)).stream()
                            .map(Hazard::toString)
                            .toList());
            SQLException refused = assertThrows(
                    SQLException.class,
                    () -> run(MariaDbSql.DIALECT.statements(op).get(0)),
                    call);
            assertEquals(1674, refused.getErrorCode(), refused::getMessage);
        }
        AlterColumn set = new AlterColumn(
                t,
                Column.of("a", "double precision"),
                Column.of("a", "double precision").defaultValue("rand()"));
        assertEquals(List.of(), policy().hazards(set, List.of(set)));
        run(MariaDbSql.DIALECT.statements(set).get(0));
    }

    /** The collation of a column no index holds changes in place, writes going on, as the hazard says. */
    @Test
    void theCollationOfAColumnNoIndexHoldsChangesInPlace() throws SQLException {
        db.execute("CREATE TABLE t (id int PRIMARY KEY, c varchar(20)) DEFAULT CHARSET=utf8mb4;"
                + "\nINSERT INTO t VALUES (1, 'a')");
        AlterColumn op = new AlterColumn(
                QualifiedName.of("t"),
                Column.of("c", "varchar(20)"),
                Column.of("c", "varchar(20)").collate("utf8mb4_bin"));
        assertEquals(
                List.of("HAZARD table-rewrite: changing the collation of t.c to utf8mb4_bin copies the table while"
                        + " writes wait if an index holds the column (ALGORITHM=COPY, LOCK=SHARED); MySQL changes it in"
                        + " place if none does"),
                policy().hazards(op, List.of(op)).stream().map(Hazard::toString).toList());
        run(MariaDbSql.DIALECT.statements(op).get(0) + ", " + IN_PLACE);
    }

    /**
     * MySQL adds a column instantly only with a literal default or {@code CURRENT_TIMESTAMP}: an expression (which it
     * takes only in parentheses, even {@code (5)}) copies the table, as the hazard says; the literals add instantly, a bit value too, which the renderer writes in
     * parentheses and the runner takes out of them on MySQL.
     */
    @Test
    void aColumnWithAnExpressionDefaultIsAddedByCopyingTheTable() throws SQLException {
        db.execute("CREATE TABLE t (id int PRIMARY KEY, a double);\nINSERT INTO t VALUES (1, 1), (2, 2)");
        QualifiedName t = QualifiedName.of("t");
        for (String expression : List.of("unix_timestamp()", "length('X')", "(5 + 1)", "(5)")) {
            AddColumn op = new AddColumn(t, Column.of("x", "double precision").defaultValue(expression));
            assertEquals(
                    List.of("HAZARD table-rewrite: adding t.x with DEFAULT " + expression + COPY
                            + ": MySQL adds a column with an expression as its default only by copying the table"),
                    policy().hazards(op, List.of(op)).stream()
                            .map(Hazard::toString)
                            .toList(),
                    expression);
            String sql = MariaDbSql.DIALECT.statements(op).get(0);
            SQLException inPlace = assertThrows(SQLException.class, () -> run(sql + ", ALGORITHM=INPLACE"), sql);
            assertEquals(1845, inPlace.getErrorCode(), inPlace::getMessage);
            run(sql + ", ALGORITHM=COPY, LOCK=SHARED");
            db.execute("ALTER TABLE t DROP COLUMN x");
        }
        Map<String, String> literals = Map.of(
                "-1", "integer",
                "'it''s'", "varchar(10)",
                "NULL", "integer",
                "b'1'", "bit(1)",
                "current_timestamp(6)", "timestamp(6)",
                "now()", "datetime");
        for (Map.Entry<String, String> literal : literals.entrySet()) {
            AddColumn op = new AddColumn(t, Column.of("x", literal.getValue()).defaultValue(literal.getKey()));
            assertEquals(List.of(), policy().hazards(op, List.of(op)), literal.getKey());
            String sql = MariaDbSql.DIALECT.statements(op).get(0) + ", ALGORITHM=INSTANT";
            try {
                run(sql);
            } catch (SQLException e) {
                throw new AssertionError(sql + ": " + e.getMessage(), e);
            }
            db.execute("ALTER TABLE t DROP COLUMN x");
        }
    }

    /**
     * A {@code NOT NULL} date column added without a default to a table with rows: MySQL's default {@code sql_mode}
     * refuses a {@code date} or {@code datetime} the zero date, and gives a {@code timestamp} it, which a later copy of
     * the table then refuses (error 1292 each time); MariaDB gives every row the zero date.
     */
    @Test
    void aNotNullDateColumnWithoutDefaultFailsOnRows() throws SQLException {
        db.execute("CREATE TABLE t (id int PRIMARY KEY, a double);\nINSERT INTO t VALUES (1, 1), (2, 2)");
        QualifiedName t = QualifiedName.of("t");
        for (String type : List.of("date", "datetime", "datetime(6)")) {
            AddColumn op = new AddColumn(t, Column.of("x", type).notNull());
            assertEquals(
                    List.of("HAZARD fails-on-data: adding NOT NULL " + type + " column t.x without a default fails on"
                            + " MySQL if the table has a row (error 1292: its default sql_mode refuses the zero date):"
                            + " give it a default, or add it nullable, backfill, then make it NOT NULL"),
                    policy().hazards(op, List.of(op)).stream()
                            .map(Hazard::toString)
                            .toList());
            SQLException refused = assertThrows(
                    SQLException.class,
                    () -> run(MariaDbSql.DIALECT.statements(op).get(0)),
                    type);
            assertEquals(1292, refused.getErrorCode(), refused::getMessage);
        }
        AddColumn stamp = new AddColumn(t, Column.of("x", "timestamp").notNull());
        assertEquals(
                List.of(
                        "HAZARD fails-on-data: adding NOT NULL timestamp(6) column t.x without a default gives every row"
                                + " there the zero date on MySQL, which its default sql_mode then refuses when the table is"
                                + " next copied (error 1292): give it a default, or add it nullable, backfill, then make it"
                                + " NOT NULL"),
                policy().hazards(stamp, List.of(stamp)).stream()
                        .map(Hazard::toString)
                        .toList());
        run(MariaDbSql.DIALECT.statements(stamp).get(0));
        SQLException copy =
                assertThrows(SQLException.class, () -> run("ALTER TABLE t MODIFY a double NOT NULL, ALGORITHM=COPY"));
        assertEquals(1292, copy.getErrorCode(), copy::getMessage);
        AddColumn nullable = new AddColumn(t, Column.of("y", "datetime"));
        assertEquals(List.of(), policy().hazards(nullable, List.of(nullable)));
    }
}
