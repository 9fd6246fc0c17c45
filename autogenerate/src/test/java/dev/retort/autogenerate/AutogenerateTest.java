package dev.retort.autogenerate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.retort.diff.Plan;
import dev.retort.entities.EntitySource;
import dev.retort.entities.Naming;
import dev.retort.fixtures.db.TestDatabase;
import dev.retort.fixtures.shop.Shop;
import dev.retort.op.CreateTable;
import dev.retort.op.Op;
import dev.retort.postgres.PostgresSql;
import dev.retort.schema.QualifiedName;
import dev.retort.schema.Schema;
import dev.retort.schema.TableFilter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A complete check through the autogenerate API alone, against a real database. */
class AutogenerateTest {
    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    private static final EntitySource SHOP_V1 = new EntitySource(List.of(Shop.V1), List.of(), Naming.SNAKE);

    private static final Autogenerate AUTOGENERATE = Autogenerate.configure()
            .schemas("public")
            .leaveOut(Set.of(QualifiedName.of("retort_version"), QualifiedName.of("retort_version_history")))
            .load();

    @BeforeEach
    void emptyDatabase() throws SQLException {
        db.reset();
    }

    @Test
    void anEmptyDatabaseGetsTheEntitiesTablesAndOnceTheyAreCreatedNothingMore() throws SQLException {
        Schema entities = AUTOGENERATE.readEntities(SHOP_V1);
        try (Connection connection = db.connect()) {
            Plan plan = AUTOGENERATE.compare(connection, entities);
            List<String> created = plan.upgrade().stream()
                    .filter(op -> op instanceof CreateTable)
                    .map(op -> op.table().name())
                    .sorted()
                    .toList();
            assertEquals(List.of("coupons", "customers", "order_lines", "orders", "products"), created);
            apply(connection, plan.upgrade());
            Plan rest = AUTOGENERATE.compare(connection, entities);
            assertTrue(rest.isEmpty(), rest::toString);
        }
    }

    @Test
    void tablesLeftOutOrFilteredOutAreComparedOnNeitherSide() throws SQLException {
        db.execute(
                "CREATE TABLE retort_version (version_num varchar(32) PRIMARY KEY); CREATE TABLE audit_log (id bigint)");
        Autogenerate autogenerate = Autogenerate.configure()
                .leaveOut(Set.of(QualifiedName.of("retort_version"), QualifiedName.of("customers")))
                .tables(new TableFilter(List.of(), List.of("audit_*", "order*")))
                .load();
        try (Connection connection = db.connect()) {
            Plan plan = autogenerate.compare(connection, autogenerate.readEntities(SHOP_V1));
            List<String> created = plan.upgrade().stream()
                    .map(op -> op.table().name())
                    .distinct()
                    .sorted()
                    .toList();
            assertEquals(List.of("coupons", "products"), created);
        }
    }

    @Test
    void theDatabaseIsReadWhileTheEntitiesAreAndTheirReadsErrorIsThrownAsRaised() throws SQLException {
        try (Connection connection = db.connect()) {
            CompletableFuture<Schema> entities =
                    CompletableFuture.supplyAsync(() -> AUTOGENERATE.readEntities(SHOP_V1));
            assertEquals(
                    AUTOGENERATE.compare(connection, AUTOGENERATE.readEntities(SHOP_V1)),
                    AUTOGENERATE.compare(connection, entities));
            IllegalStateException failure = new IllegalStateException("no entities");
            CompletableFuture<Schema> failed = CompletableFuture.supplyAsync(() -> {
                throw failure;
            });
            assertSame(
                    failure, assertThrows(IllegalStateException.class, () -> AUTOGENERATE.compare(connection, failed)));
        }
    }

    private static void apply(Connection connection, List<Op> ops) throws SQLException {
        try (Statement st = connection.createStatement()) {
            for (Op op : ops) {
                for (String sql : PostgresSql.statements(op)) st.execute(sql);
            }
        }
    }
}
