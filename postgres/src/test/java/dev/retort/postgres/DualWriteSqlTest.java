package dev.retort.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.retort.fixtures.db.TestDatabase;
import dev.retort.schema.DefaultNames;
import dev.retort.schema.QualifiedName;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The expand/contract triggers, copies and guard on PostgreSQL, with names that hold quotes and the dollar-quote tag. */
class DualWriteSqlTest {
    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    private static final QualifiedName TABLE = QualifiedName.of("we\"ird $sync$ t");
    private static final String OLD = "old $sync$";
    private static final String NEW = "new's";

    @Test
    void theTriggerAndTheCopyKeepHostileNamesQuoted() throws Exception {
        db.reset();
        db.execute("CREATE TABLE \"we\"\"ird $sync$ t\" (id int PRIMARY KEY, \"old $sync$\" text)");
        db.execute("INSERT INTO \"we\"\"ird $sync$ t\" SELECT i, 'v' || i FROM generate_series(1, 50) i");
        db.execute("ALTER TABLE \"we\"\"ird $sync$ t\" ADD COLUMN \"new's\" text");
        String function = DualWriteSql.createFunction(TABLE, OLD, NEW);
        assertTrue(function.contains("$sync1$\n"), function);
        db.execute(function);
        db.execute(DualWriteSql.createTrigger(TABLE, OLD, NEW));
        try (Connection connection = db.connect();
                Statement statement = connection.createStatement()) {
            connection.setAutoCommit(true);
            statement.execute(DualWriteSql.backfill(TABLE, OLD, NEW));
        }
        assertEquals(
                List.of("0"),
                db.query(
                        "SELECT count(*) FROM \"we\"\"ird $sync$ t\" WHERE \"new's\" IS DISTINCT FROM \"old $sync$\""));
        db.execute("INSERT INTO \"we\"\"ird $sync$ t\" (id, \"new's\") VALUES (51, 'new')");
        assertEquals(List.of("new"), db.query("SELECT \"old $sync$\" FROM \"we\"\"ird $sync$ t\" WHERE id = 51"));
        db.execute(DualWriteSql.dropTrigger(TABLE, OLD, NEW));
        db.execute(DualWriteSql.dropFunction(TABLE, OLD, NEW));
        assertEquals(List.of("0"), db.query("SELECT count(*) FROM pg_trigger WHERE NOT tgisinternal"));
    }

    @Test
    void theConvertingTriggerAndCopyFillTheShadowOneWay() throws Exception {
        db.reset();
        db.execute("CREATE TABLE \"we\"\"ird $sync$ t\" (id int PRIMARY KEY, \"old $sync$\" integer)");
        db.execute("INSERT INTO \"we\"\"ird $sync$ t\" SELECT i, i * 10 FROM generate_series(1, 3000) i");
        db.execute("ALTER TABLE \"we\"\"ird $sync$ t\" ADD COLUMN \"new's\" bigint");
        db.execute(DualWriteSql.createConversionFunction(TABLE, OLD, NEW, "integer", "bigint"));
        db.execute(DualWriteSql.createTrigger(TABLE, OLD, NEW));
        // written before the copy reaches them: converted by the trigger
        db.execute("INSERT INTO \"we\"\"ird $sync$ t\" VALUES (3001, 2147483647)");
        db.execute("UPDATE \"we\"\"ird $sync$ t\" SET \"old $sync$\" = NULL WHERE id = 1");
        // an update that leaves the column alone leaves the shadow alone: the copy fills it later
        db.execute("UPDATE \"we\"\"ird $sync$ t\" SET id = -2 WHERE id = 2");
        assertEquals(
                List.of("-2 unset"),
                db.query("SELECT id, coalesce(\"new's\"::text, 'unset') FROM \"we\"\"ird $sync$ t\" WHERE id = -2"));
        try (Connection connection = db.connect();
                Statement statement = connection.createStatement()) {
            connection.setAutoCommit(true);
            statement.execute(DualWriteSql.convertingBackfill(TABLE, OLD, NEW, "integer", "bigint"));
        }
        assertEquals(
                List.of("0"),
                db.query(
                        "SELECT count(*) FROM \"we\"\"ird $sync$ t\" WHERE \"new's\" IS DISTINCT FROM \"old $sync$\""));
        assertEquals(
                List.of("bigint 2147483647"),
                db.query(
                        "SELECT pg_typeof(\"new's\") || ' ' || \"new's\" FROM \"we\"\"ird $sync$ t\" WHERE id = 3001"));
        // the new type's value written into the shadow alone stays, as the contract's downgrade needs
        db.execute("UPDATE \"we\"\"ird $sync$ t\" SET \"new's\" = 5000000000 WHERE id = 3");
        assertEquals(List.of("5000000000"), db.query("SELECT \"new's\" FROM \"we\"\"ird $sync$ t\" WHERE id = 3"));
    }

    @Test
    void theCopyBackIsGuardedWhereItWouldRound() throws Exception {
        db.reset();
        db.execute("CREATE TABLE \"we\"\"ird $sync$ t\" (id int PRIMARY KEY, \"new's\" numeric(12,3))");
        db.execute("INSERT INTO \"we\"\"ird $sync$ t\" VALUES (1, 1.5), (2, 2.125)");
        assertTrue(DualWriteSql.guard(TABLE, NEW, "bigint", "integer").isEmpty());
        String guard =
                DualWriteSql.guard(TABLE, NEW, "numeric(12,3)", "integer").orElseThrow();
        SQLException refused = assertThrows(SQLException.class, () -> db.execute(guard));
        assertTrue(
                refused.getMessage().contains("2 row(s) would be cut or rounded by numeric(12,3) -> integer"),
                refused::getMessage);
    }

    @Test
    void namesFitIn63BytesAndStayApart() {
        QualifiedName table = QualifiedName.of("t".repeat(60));
        String one = DualWriteSql.name(table, "a".repeat(30), "b");
        String two = DualWriteSql.name(table, "a".repeat(30), "c");
        assertTrue(DefaultNames.bytes(one) <= 63, one);
        assertTrue(!one.equals(two), one);
        assertEquals(one, DualWriteSql.name(table, "a".repeat(30), "b"));
        assertEquals(
                "customers_name_full_name_sync", DualWriteSql.name(QualifiedName.of("customers"), "name", "full_name"));
    }
}
