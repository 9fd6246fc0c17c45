package dev.retort.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.retort.fixtures.db.TestDatabase;
import dev.retort.op.AlterType;
import dev.retort.op.CreateTable;
import dev.retort.op.CreateType;
import dev.retort.op.Op;
import dev.retort.schema.Column;
import dev.retort.schema.ColumnDefault;
import dev.retort.schema.CompositeType;
import dev.retort.schema.CompositeType.Attribute;
import dev.retort.schema.QualifiedName;
import dev.retort.schema.Schema;
import dev.retort.schema.Table;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Composite types on a real server: read from the catalog, created, changed and dropped by the statements rendered. */
class CompositeTypesTest {
    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    private static final Attribute ZIP = Attribute.of("zip", "integer");
    private static final Attribute STREET = Attribute.of("street", "varchar(80)");
    private static final Attribute CITY = Attribute.of("city", "varchar(255)").collate("\"C\"");
    private static final CompositeType ADDRESS = CompositeType.of("postal_address", ZIP, STREET, CITY);

    @BeforeEach
    void reset() throws SQLException {
        db.reset();
    }

    private static List<CompositeType> types() throws SQLException {
        try (Connection c = db.connect()) {
            return PostgresIntrospector.read(c, new SchemaScope(List.of("public"), Set.of()))
                    .types();
        }
    }

    private static void run(Op op) throws SQLException {
        for (String statement : PostgresSql.statements(op)) db.execute(statement);
    }

    @Test
    void aCreatedTypeIsReadBackAsItWasWrittenAndATablesRowTypeIsNoCompositeType() throws SQLException {
        assertEquals(
                List.of("CREATE TYPE \"postal_address\" AS (\"zip\" integer, \"street\" varchar(80),"
                        + " \"city\" varchar(255) COLLATE \"C\")"),
                PostgresSql.statements(new CreateType(ADDRESS)));
        run(new CreateType(ADDRESS));
        db.execute("CREATE TABLE people (id int PRIMARY KEY, address postal_address)");
        db.execute("CREATE VIEW people_view AS SELECT * FROM people");
        assertEquals(List.of(ADDRESS), types());
    }

    @Test
    void anAttributeAddedAtTheEndKeepsTheValuesAndADroppedOneLeavesNoGap() throws SQLException {
        run(new CreateType(ADDRESS));
        db.execute("CREATE TABLE people (id int PRIMARY KEY, address postal_address)");
        db.execute("INSERT INTO people VALUES (1, ROW(1234, 'Main St', 'Springfield'))");
        CompositeType noted = ADDRESS.withAttributes(ZIP, STREET, CITY, Attribute.of("note", "text"));
        AlterType add = new AlterType(ADDRESS, noted);
        assertEquals(List.of("ALTER TYPE \"postal_address\" ADD ATTRIBUTE \"note\" text"), PostgresSql.statements(add));
        run(add);
        assertEquals(List.of(noted), types());
        assertEquals(List.of("(1234,\"Main St\",Springfield,)"), db.query("SELECT address FROM people"));
        run(add.reverse());
        assertEquals(List.of(ADDRESS), types());
        assertEquals(List.of("(1234,\"Main St\",Springfield)"), db.query("SELECT address FROM people"));
    }

    @Test
    void aTypeChangeIsRunWhereNoColumnUsesTheTypeAndRefusedByPostgresWhereOneDoes() throws SQLException {
        run(new CreateType(ADDRESS));
        CompositeType wide = ADDRESS.withAttributes(Attribute.of("zip", "bigint"), STREET, CITY);
        AlterType widen = new AlterType(ADDRESS, wide);
        assertEquals(
                List.of("ALTER TYPE \"postal_address\" ALTER ATTRIBUTE \"zip\" TYPE bigint"),
                PostgresSql.statements(widen));
        run(widen);
        assertEquals(List.of(wide), types());
        db.execute("CREATE TABLE people (id int PRIMARY KEY, address postal_address)");
        SQLException refused = assertThrows(SQLException.class, () -> run(widen.reverse()));
        assertTrue(refused.getMessage().contains("because column \"people.address\" uses it"), refused::getMessage);
    }

    @Test
    void theCanonicaliserCreatesAMissingTypeBeforeTheScratchTableThatUsesIt() throws SQLException {
        Table people = Table.of(
                QualifiedName.of("people"),
                List.of(Column.of("address", "postal_address")
                        .withDefault(ColumnDefault.of("ROW(1, 'a', 'b')::postal_address"))));
        Schema model = new Schema(List.of(people), List.of(), List.of()).withTypes(List.of(ADDRESS));
        String canonical;
        try (Connection c = db.connect()) {
            canonical = ExpressionCanonicalizer.canonicalize(c, model)
                    .tables()
                    .get(0)
                    .columns()
                    .get(0)
                    .defaultKey();
        }
        assertEquals(List.of(), types(), "rolled back");
        run(new CreateType(ADDRESS));
        run(new CreateTable(people));
        try (Connection c = db.connect()) {
            Schema read = ExpressionCanonicalizer.canonicalize(
                    c, PostgresIntrospector.read(c, new SchemaScope(List.of("public"), Set.of())));
            assertEquals(read.tables().get(0).columns().get(0).defaultKey(), canonical);
        }
    }
}
