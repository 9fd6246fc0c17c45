package dev.retort.autogenerate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.retort.autogenerate.ObjectFilter.Side;
import dev.retort.diff.Plan;
import dev.retort.entities.EntitySource;
import dev.retort.entities.Naming;
import dev.retort.fixtures.db.TestDatabase;
import dev.retort.fixtures.shop.Shop;
import dev.retort.op.Op;
import dev.retort.postgres.PostgresSql;
import dev.retort.schema.Column;
import dev.retort.schema.Schema;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** compare.exclude's globs and a project's own ObjectFilter, through the autogenerate API on a real database. */
class ObjectFilterTest {
    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    private static final EntitySource SHOP_V1 = new EntitySource(List.of(Shop.V1), List.of(), Naming.SNAKE);

    /** The shop's tables as the entities make them, then objects only the database has. */
    @BeforeEach
    void shopWithDatabaseOnlyObjects() throws SQLException {
        db.reset();
        Autogenerate plain = Autogenerate.configure().load();
        try (Connection connection = db.connect()) {
            apply(
                    connection,
                    plain.compare(connection, plain.readEntities(SHOP_V1)).upgrade());
        }
        db.execute("CREATE TABLE audit_2024 (id integer);"
                + " CREATE INDEX customers_search_idx ON customers (lower(email));"
                + " ALTER TABLE customers ADD COLUMN legacy_code text;"
                + " CREATE INDEX customers_legacy_idx ON customers (legacy_code);"
                + " CREATE TABLE flyway_schema_history (installed_rank integer PRIMARY KEY);"
                + " CREATE TABLE databasechangelog (id varchar(255));"
                + " CREATE TABLE databasechangeloglock (id integer PRIMARY KEY)");
    }

    @Test
    void aFilterIsAskedOnlyAboutTheKindsItNames() throws SQLException {
        List<ObjectKind> asked = new ArrayList<>();
        ObjectFilter tables = ObjectFilter.of(Set.of(ObjectKind.TABLE), (kind, name, side, object) -> {
            asked.add(kind);
            return true;
        });
        ObjectFilter both = tables.and(ExcludePatterns.parse(List.of("index:*_search_idx")));
        assertEquals(Set.of(ObjectKind.TABLE, ObjectKind.INDEX), both.kinds());
        assertEquals(Set.of(), ObjectFilter.ALL.kinds());
        Autogenerate autogenerate = Autogenerate.configure().objectFilter(both).load();
        try (Connection connection = db.connect()) {
            Schema read = autogenerate.readDatabase(connection);
            assertTrue(read.tables().stream()
                    .allMatch(t -> t.indexes().stream().noneMatch(i -> "customers_search_idx".equals(i.name()))));
        }
        assertTrue(!asked.isEmpty() && asked.stream().allMatch(ObjectKind.TABLE::equals), asked::toString);
    }

    @Test
    void withoutExclusionsEveryDatabaseOnlyObjectButTheToolTablesIsDropped() throws SQLException {
        assertEquals(
                List.of("DropIndex customers", "DropIndex customers", "DropColumn customers", "DropTable audit_2024"),
                ops(Autogenerate.configure().load()));
    }

    @Test
    void theToolTablesAreComparedWhenAskedFor() throws SQLException {
        List<String> ops = ops(Autogenerate.configure().excludeToolTables(false).load());
        assertTrue(ops.contains("DropTable flyway_schema_history"), ops::toString);
        assertTrue(ops.contains("DropTable databasechangelog"), ops::toString);
        assertTrue(ops.contains("DropTable databasechangeloglock"), ops::toString);
    }

    @Test
    void excludedObjectsAreNeitherDroppedNorAdded() throws SQLException {
        ObjectFilter exclude =
                ExcludePatterns.parse(List.of("index:*_search_idx", "table:audit_*", "column:customers.legacy_?ode"));
        assertEquals(
                List.of(), ops(Autogenerate.configure().objectFilter(exclude).load()));
    }

    @Test
    void aCompositeTypeOnlyTheDatabaseHasIsLeftAloneByTypeGlobs() throws SQLException {
        db.execute("CREATE TYPE legacy_point AS (x integer, y integer); CREATE TYPE legacy_pair AS (a text)");
        ObjectFilter exclude = ExcludePatterns.parse(
                List.of("index:*_search_idx", "table:audit_*", "column:customers.legacy_code", "type:legacy_p?int"));
        assertEquals(
                List.of("DropType legacy_pair"),
                ops(Autogenerate.configure().objectFilter(exclude).load()));
    }

    @Test
    void anExcludedModelObjectIsNotAdded() throws SQLException {
        db.execute("DROP TABLE coupons CASCADE; ALTER TABLE customers DROP COLUMN name");
        ObjectFilter exclude = ExcludePatterns.parse(List.of(
                "table:[a-c]oupons",
                "column:customers.name",
                "index:*_search_idx",
                "table:audit_*",
                "column:*.legacy*"));
        assertEquals(
                List.of(), ops(Autogenerate.configure().objectFilter(exclude).load()));
    }

    @Test
    void aProjectsFilterIsAskedForEveryObjectOfBothSidesWithTheObjectItself() throws SQLException {
        List<String> asked = new ArrayList<>();
        ObjectFilter filter = (kind, name, side, object) -> {
            asked.add(kind + " " + name + " " + side);
            if (kind == ObjectKind.COLUMN && name.equals("customers.legacy_code"))
                assertEquals("legacy_code", ((Column) object).name());
            return !(kind == ObjectKind.COLUMN && name.equals("customers.legacy_code")
                    || kind == ObjectKind.INDEX && name.equals("customers_search_idx")
                    || kind == ObjectKind.TABLE && name.equals("audit_2024"));
        };
        assertEquals(
                List.of(), ops(Autogenerate.configure().objectFilter(filter).load()));
        assertTrue(asked.contains("table customers DATABASE"), asked::toString);
        assertTrue(asked.contains("table customers MODEL"), asked::toString);
        assertTrue(asked.contains("column customers.email MODEL"), asked::toString);
        assertTrue(asked.contains("primary-key customers_pkey MODEL"), asked::toString);
        assertTrue(asked.contains("primary-key customers_pkey DATABASE"), asked::toString);
        // the index over the column left out goes with it, unasked
        assertTrue(asked.stream().noneMatch(a -> a.startsWith("index customers_legacy_idx")), asked::toString);
        assertTrue(asked.stream().noneMatch(a -> a.contains("flyway")), asked::toString);
    }

    @Test
    void patternsAndAProjectsFilterCombine() throws SQLException {
        ObjectFilter filter = ExcludePatterns.parse(List.of("table:audit_*", "column:customers.legacy_code"))
                .and((kind, name, side, object) -> !(kind == ObjectKind.INDEX && name.endsWith("_search_idx")));
        assertEquals(
                List.of(), ops(Autogenerate.configure().objectFilter(filter).load()));
        ObjectFilter half = ExcludePatterns.parse(List.of("table:audit_*", "column:customers.legacy_code"));
        assertEquals(
                List.of("DropIndex customers"),
                ops(Autogenerate.configure().objectFilter(half).load()));
    }

    @Test
    void theFilterSeesOneSideAtATime() throws SQLException {
        // left out of the model only, the database's column is one the entities do not have
        ObjectFilter modelOnly = (kind, name, side, object) ->
                !(kind == ObjectKind.COLUMN && name.equals("customers.email") && side == Side.MODEL)
                        && !name.startsWith("audit_")
                        && !name.contains("legacy")
                        && !name.endsWith("_search_idx");
        assertEquals(
                List.of("DropColumn customers"),
                ops(Autogenerate.configure().objectFilter(modelOnly).load()));
    }

    @Test
    void badEntriesAreRefusedNamingTheEntry() {
        assertEquals(
                "'index:[abc': '[' at position 1 of the glob is never closed by ']'",
                assertThrows(IllegalArgumentException.class, () -> ExcludePatterns.parse(List.of("index:[abc")))
                        .getMessage());
        assertEquals(
                "'view:x': unknown kind 'view': expected one of table, column, index, primary-key, unique,"
                        + " foreign-key, check, sequence, enum, type, constraint",
                assertThrows(IllegalArgumentException.class, () -> ExcludePatterns.parse(List.of("view:x")))
                        .getMessage());
        assertEquals(
                "'audit_*': expected KIND:GLOB, with KIND one of table, column, index, primary-key, unique,"
                        + " foreign-key, check, sequence, enum, type, constraint",
                assertThrows(IllegalArgumentException.class, () -> ExcludePatterns.parse(List.of("audit_*")))
                        .getMessage());
        assertEquals(
                "'table:': no glob after 'table:'",
                assertThrows(IllegalArgumentException.class, () -> ExcludePatterns.parse(List.of("table:")))
                        .getMessage());
        assertEquals(
                "'table:[z-a]': not a valid glob: Illegal character range",
                assertThrows(IllegalArgumentException.class, () -> ExcludePatterns.parse(List.of("table:[z-a]")))
                        .getMessage());
    }

    @Test
    void constraintCoversEveryKindOfConstraintAndGlobsAreWholeNameMatches() {
        ExcludePatterns patterns = ExcludePatterns.parse(List.of("constraint:*_fkey", "table:audit"));
        for (ObjectKind kind : List.of(ObjectKind.FOREIGN_KEY, ObjectKind.CHECK, ObjectKind.UNIQUE))
            assertEquals(false, patterns.include(kind, "orders_customer_id_fkey", Side.DATABASE, null));
        assertEquals(true, patterns.include(ObjectKind.INDEX, "orders_customer_id_fkey", Side.DATABASE, null));
        assertEquals(false, patterns.include(ObjectKind.TABLE, "audit", Side.MODEL, null));
        assertEquals(true, patterns.include(ObjectKind.TABLE, "audit_2024", Side.MODEL, null));
        assertEquals(true, patterns.include(ObjectKind.TABLE, "sales.audit", Side.MODEL, null));
    }

    private static List<String> ops(Autogenerate autogenerate) throws SQLException {
        try (Connection connection = db.connect()) {
            Schema entities = autogenerate.readEntities(SHOP_V1);
            Plan plan = autogenerate.compare(connection, entities);
            return plan.upgrade().stream()
                    .map(op -> op.getClass().getSimpleName() + " " + op.table())
                    .toList();
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
