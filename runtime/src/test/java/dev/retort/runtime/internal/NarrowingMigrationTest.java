package dev.retort.runtime.internal;

import static dev.retort.runtime.Ops.column;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.retort.fixtures.db.TestDatabase;
import dev.retort.runtime.Migration;
import dev.retort.runtime.MigrationException;
import dev.retort.runtime.Ops;
import dev.retort.runtime.Revision;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every narrowing type change the migrations guard: an over-long or over-precise value makes
 * {@code upgrade} fail with the table unchanged, and a value that fits converts intact.
 */
class NarrowingMigrationTest {
    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    /** The pair the one migration below converts; set by each case before it runs. */
    private static volatile String from;

    private static volatile String to;

    @Revision(id = "aaaa10000001", message = "narrow t.v")
    public static final class Narrow implements Migration {
        @Override
        public void upgrade(Ops op) {
            op.alterColumn("t", column("v", from), column("v", to));
        }

        @Override
        public void downgrade(Ops op) {
            op.alterColumn("t", column("v", to), column("v", from));
        }
    }

    /** from, to, a value that would change, a value that fits, that value as the target type prints it. */
    static Stream<Arguments> pairs() {
        return Stream.of(
                Arguments.of("text", "varchar(5)", "abcdefgh", "abc", "abc"),
                Arguments.of("varchar(10)", "varchar(5)", "abcdefg", "abcde", "abcde"),
                Arguments.of("varchar(10)", "varchar(3)", "abc   ", "abc", "abc"),
                Arguments.of("text", "char(3)", "abcd", "abc", "abc"),
                Arguments.of("char(10)", "char(3)", "abcdef", "abc", "abc"),
                Arguments.of("varchar(10)", "char(3)", "ab c", "ab", "ab"),
                Arguments.of("varbit(8)", "varbit(4)", "101010", "101", "101"),
                Arguments.of("numeric(10,4)", "numeric(10,2)", "1.2345", "1.2300", "1.23"),
                Arguments.of("numeric", "numeric(8,1)", "0.05", "0.5", "0.5"),
                Arguments.of("numeric", "integer", "1.5", "2", "2"),
                Arguments.of("numeric(6,2)", "bigint", "3.25", "4.00", "4"),
                Arguments.of("double precision", "integer", "2.5", "3", "3"),
                Arguments.of("real", "smallint", "1.5", "7", "7"),
                Arguments.of("double precision", "real", "0.1", "0.5", "0.5"),
                Arguments.of("numeric", "double precision", "0.12345678901234567890", "0.25", "0.25"),
                Arguments.of("numeric", "real", "1234567.89", "0.75", "0.75"),
                Arguments.of("bigint", "double precision", "9007199254740993", "42", "42"),
                Arguments.of("bigint", "real", "16777217", "1024", "1024"),
                Arguments.of("integer", "real", "16777217", "1024", "1024"),
                Arguments.of(
                        "timestamp(6)",
                        "timestamp(0)",
                        "2024-01-01 10:00:00.5",
                        "2024-01-01 10:00:01",
                        "2024-01-01 10:00:01"),
                Arguments.of(
                        "timestamptz(6)",
                        "timestamptz(3)",
                        "2024-01-01 10:00:00.1234+00",
                        "2024-01-01 10:00:00.123+00",
                        "2024-01-01 10:00:00.123+00"),
                Arguments.of("time(6)", "time(2)", "10:00:00.123", "10:00:00.12", "10:00:00.12"),
                Arguments.of("timetz(6)", "timetz(0)", "10:00:00.5+02", "10:00:00+02", "10:00:00+02"),
                Arguments.of("interval", "interval(0)", "1.5 seconds", "00:00:02", "00:00:02"),
                Arguments.of("timestamp(6)", "date", "2024-01-01 10:00:00", "2024-01-01 00:00:00", "2024-01-01"),
                Arguments.of(
                        "timestamptz(6)", "date", "2024-01-01 10:00:00+00", "2024-01-01 00:00:00+00", "2024-01-01"),
                Arguments.of("text", "numeric(6,2)", "1.555", "1.5", "1.50"),
                Arguments.of(
                        "varchar(40)",
                        "timestamp(0)",
                        "2024-01-01 10:00:00.5",
                        "2024-01-01 10:00:00",
                        "2024-01-01 10:00:00"));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("pairs")
    void aValueThatWouldChangeStopsTheUpgradeAndOneThatFitsConvertsIntact(
            String fromType, String toType, String changes, String fits, String converted) throws SQLException {
        from = fromType;
        to = toType;
        Migrator migrator =
                new Migrator(MigrationSet.of(List.of(Narrow.class), Class::getSimpleName), new VersionTable(null));

        load(fromType, changes);
        String before = stored();
        try (Connection c = db.connect()) {
            MigrationException e = assertThrows(MigrationException.class, () -> migrator.upgrade(c, "head"));
            assertTrue(
                    e.getMessage()
                            .contains("table \"t\", column \"v\": 1 row(s) would be cut or rounded by " + fromType
                                    + " -> " + toType),
                    e.getMessage());
            assertEquals(Set.of(), migrator.current(c));
        }
        assertEquals(before, stored(), "the table is unchanged");

        load(fromType, fits);
        try (Connection c = db.connect()) {
            migrator.upgrade(c, "head");
        }
        db.execute("CREATE TABLE expected (v " + toType + ")");
        assertEquals(
                db.query("SELECT pg_catalog.format_type(atttypid, atttypmod) || ' ' || " + pg(converted)
                        + " FROM pg_attribute WHERE attrelid = 'expected'::regclass AND attname = 'v'"),
                List.of(stored()),
                "converted, the value intact");
    }

    private static String pg(String text) {
        return "'" + text.replace("'", "''") + "'";
    }

    private static void load(String type, String value) throws SQLException {
        db.reset();
        db.execute("SET TIME ZONE 'UTC'");
        db.execute("CREATE TABLE t (id integer PRIMARY KEY, v " + type + ")");
        db.execute("INSERT INTO t VALUES (1, '" + value + "'), (2, NULL)");
    }

    private static String stored() throws SQLException {
        return db.query(
                        "SELECT pg_catalog.format_type(atttypid, atttypmod) || ' ' || (SELECT v::text FROM t WHERE id = 1)"
                                + " FROM pg_attribute WHERE attrelid = 't'::regclass AND attname = 'v'")
                .get(0);
    }
}
