package dev.retort.runtime.internal;

import static dev.retort.runtime.Ops.column;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.retort.fixtures.db.MariaDbTestDatabase;
import dev.retort.runtime.Migration;
import dev.retort.runtime.Ops;
import dev.retort.runtime.Retort;
import dev.retort.runtime.Revision;
import dev.retort.schema.Column;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mariadb.jdbc.MariaDbDataSource;

/**
 * A MariaDB migration of many column changes to one table, run through the facade on a real server: each statement's
 * {@code MODIFY COLUMN} keeps the collation, {@code ON UPDATE} and {@code VIRTUAL} the live column has at that point,
 * including what an earlier statement of the same migration changed (a collation named, {@code ON UPDATE} dropped by
 * hand-written SQL, a virtual column dropped and added again stored), while {@code information_schema} is read only
 * before the first statement and after those that changed what the next one keeps.
 */
class LiveTablesTest {
    @RegisterExtension
    final MariaDbTestDatabase db = new MariaDbTestDatabase();

    private static final String CREATE = "CREATE TABLE items (id int PRIMARY KEY,"
            + " at timestamp NOT NULL DEFAULT current_timestamp() ON UPDATE current_timestamp(),"
            + " price int, doubled int GENERATED ALWAYS AS (price * 2) VIRTUAL,"
            + " name varchar(20) CHARACTER SET latin1, note varchar(10) CHARACTER SET latin1)"
            + " DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci";

    @Revision(id = "11ve00000001", message = "items")
    public static final class CreateItems implements Migration {
        @Override
        public void upgrade(Ops op) {
            op.execute(CREATE);
        }

        @Override
        public void downgrade(Ops op) {
            op.execute("DROP TABLE items");
        }
    }

    @Revision(id = "11ve00000002", revises = "11ve00000001", message = "change the columns again and again")
    public static final class ChangeItems implements Migration {
        @Override
        public void upgrade(Ops op) {
            op.alterColumn("items", at().notNull(), at()); // read
            op.alterColumn("items", doubled("integer"), doubled("bigint"));
            op.alterColumn(
                    "items",
                    column("name", "varchar(20)"),
                    column("name", "varchar(30)").collate("utf8mb4_bin"));
            op.alterColumn("items", column("name", "varchar(30)"), column("name", "varchar(40)")); // read
            op.execute("ALTER TABLE items MODIFY at timestamp NULL DEFAULT current_timestamp()");
            op.alterColumn("items", at(), at().notNull()); // read
            op.dropColumn("items", doubled("bigint"));
            op.addColumn("items", doubled("bigint"));
            op.alterColumn("items", doubled("bigint"), doubled("integer")); // read
            op.alterColumn("items", column("note", "varchar(10)"), column("note", "varchar(20)"));
        }

        @Override
        public void downgrade(Ops op) {
            op.execute("DROP TABLE items");
            op.execute(CREATE);
        }

        private static Column at() {
            return column("at", "timestamp(0)").defaultValue("current_timestamp()");
        }

        private static Column doubled(String type) {
            return column("doubled", type).generatedAs("`price` * 2");
        }
    }

    @Test
    void eachStatementKeepsWhatTheLiveColumnHasThenReadingOnlyAfterAChangeOfIt() throws SQLException {
        AtomicInteger reads = new AtomicInteger();
        Retort retort = Retort.configure()
                .dataSource(counting(new MariaDbDataSource(db.url()), reads))
                .migrations(CreateItems.class, ChangeItems.class)
                .load();
        retort.upgrade("11ve00000001");
        assertEquals(0, reads.get(), "hand-written SQL alone reads no live column");
        retort.upgrade("heads");
        assertEquals(
                List.of(
                        "id | int(11) | NO | null |  | null",
                        "at | timestamp | NO | current_timestamp() |  | null",
                        "price | int(11) | YES | NULL |  | null",
                        "name | varchar(40) | YES | NULL |  | utf8mb4_bin",
                        "note | varchar(20) | YES | NULL |  | latin1_swedish_ci",
                        "doubled | int(11) | YES | NULL | STORED GENERATED | null"),
                columns());
        assertEquals(
                4,
                reads.get(),
                "7 column-changing statements, read before the first and after a change of what the next keeps");
    }

    /** Each column of items: name, type, nullable, default, extra, collation. */
    private List<String> columns() throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection c = db.connect();
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT column_name, column_type, is_nullable, column_default, extra,"
                        + " collation_name FROM information_schema.columns"
                        + " WHERE table_schema = DATABASE() AND table_name = 'items' ORDER BY ordinal_position")) {
            while (rs.next())
                rows.add(String.join(
                        " | ",
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        String.valueOf(rs.getString(4)),
                        rs.getString(5),
                        String.valueOf(rs.getString(6))));
        }
        return rows;
    }

    /** The driver's DataSource, its connections counting the statements prepared to read a table's live columns. */
    private static DataSource counting(DataSource real, AtomicInteger reads) {
        return (DataSource) Proxy.newProxyInstance(
                LiveTablesTest.class.getClassLoader(), new Class<?>[] {DataSource.class}, (proxy, method, args) -> {
                    Object result = invoke(real, method, args);
                    return result instanceof Connection c ? counting(c, reads) : result;
                });
    }

    private static Connection counting(Connection real, AtomicInteger reads) {
        return (Connection) Proxy.newProxyInstance(
                LiveTablesTest.class.getClassLoader(), new Class<?>[] {Connection.class}, (proxy, method, args) -> {
                    if (method.getName().equals("prepareStatement")
                            && String.valueOf(args[0]).contains("t.TABLE_COLLATION AS table_collation"))
                        reads.incrementAndGet();
                    return invoke(real, method, args);
                });
    }

    private static Object invoke(Object target, java.lang.reflect.Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
