package dev.retort.runtime.internal;

import static dev.retort.runtime.Ops.column;
import static dev.retort.runtime.Ops.enumType;
import static dev.retort.runtime.Ops.foreignKey;
import static dev.retort.runtime.Ops.index;
import static dev.retort.runtime.Ops.key;
import static dev.retort.runtime.Ops.primaryKey;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.retort.fixtures.db.TestDatabase;
import dev.retort.op.Op;
import dev.retort.op.Option;
import dev.retort.postgres.PostgresSql;
import dev.retort.runtime.Ops;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Section 12 of the Alembic checklist, "PostgreSQL operation rendering worth mirroring": each
 * rendering as a named case that runs its operations on PostgreSQL, checks the SQL carries the
 * clause and the catalog shows the effect, then runs the reverse operations and finds the catalog
 * as it was.
 */
class ChecklistRenderingTest {
    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    private static final String SETUP = """
            CREATE SCHEMA IF NOT EXISTS sales;
            CREATE TABLE customers (id integer PRIMARY KEY, email text, name varchar(20));
            CREATE TABLE sales.orders (id integer PRIMARY KEY, customer_id integer, during tsrange, amount text);
            """;

    @BeforeEach
    void fresh() throws SQLException {
        db.execute("DROP SCHEMA IF EXISTS sales CASCADE");
        db.reset();
        db.execute(SETUP);
    }

    static Stream<Arguments> renderings() {
        return Stream.of(
                rendering(
                        "12.1 rename table, schema-qualified",
                        "ALTER TABLE \"sales\".\"orders\" RENAME TO \"purchases\"",
                        op -> op.schema("sales").renameTable("orders", "purchases"),
                        "SELECT count(*) FROM pg_tables WHERE schemaname = 'sales' AND tablename = 'purchases'",
                        "1"),
                rendering(
                        "12.2 create index with expressions, WHERE and INCLUDE",
                        "WHERE (id > 0)",
                        op -> op.createIndex(
                                "customers",
                                index(key("(lower(email))"), key("name").desc())
                                        .including("id")
                                        .where("(id > 0)")),
                        "SELECT count(*) FROM pg_indexes WHERE tablename = 'customers' AND indexdef LIKE '%lower(email)%INCLUDE (id) WHERE (id > 0)'",
                        "1"),
                rendering(
                        "12.3 create index CONCURRENTLY IF NOT EXISTS, outside the transaction",
                        "CREATE INDEX CONCURRENTLY IF NOT EXISTS",
                        op -> op.createIndex("customers", index("email"), Option.CONCURRENTLY, Option.IF_NOT_EXISTS),
                        "SELECT count(*) FROM pg_indexes WHERE indexname = 'customers_email_idx'",
                        "1"),
                rendering(
                        "12.4 drop index CONCURRENTLY IF EXISTS",
                        "DROP INDEX CONCURRENTLY IF EXISTS",
                        op -> {
                            op.createIndex("customers", index("name"));
                            op.dropIndex("customers", index("name"), Option.CONCURRENTLY, Option.IF_EXISTS);
                        },
                        "SELECT count(*) FROM pg_indexes WHERE indexname = 'customers_name_idx'",
                        "0"),
                rendering(
                        "12.5 alter column type with USING",
                        "USING \"amount\"::numeric",
                        op -> op.schema("sales")
                                .alterColumn("orders", column("amount", "text"), column("amount", "numeric(10,2)")),
                        "SELECT data_type FROM information_schema.columns WHERE table_name = 'orders' AND column_name = 'amount'",
                        "numeric"),
                rendering(
                        "12.6 add column IF NOT EXISTS and drop column IF EXISTS",
                        "ADD COLUMN IF NOT EXISTS",
                        op -> {
                            op.addColumn("customers", column("phone", "text"), Option.IF_NOT_EXISTS);
                            op.addColumn("customers", column("phone", "text"), Option.IF_NOT_EXISTS);
                            op.addColumn("customers", column("fax", "text"));
                            op.dropColumn("customers", column("fax", "text"), Option.IF_EXISTS);
                        },
                        "SELECT string_agg(column_name, ',' ORDER BY column_name) FROM information_schema.columns WHERE table_name = 'customers'",
                        "email,id,name,phone"),
                rendering(
                        "12.7 add foreign key NOT VALID",
                        "NOT VALID",
                        op -> op.schema("sales")
                                .addForeignKey(
                                        "orders",
                                        foreignKey("customer_id").referencesIn("public", "customers", "id"),
                                        Option.NOT_VALID),
                        "SELECT string_agg(convalidated::text, ',') FROM pg_constraint WHERE contype = 'f'",
                        "false"),
                rendering(
                        "12.8 create and drop an EXCLUDE constraint",
                        "EXCLUDE USING gist",
                        op -> op.schema("sales")
                                .addExclusion("orders", "orders_no_overlap", "USING gist (during WITH &&)"),
                        "SELECT count(*) FROM pg_constraint WHERE contype = 'x' AND conname = 'orders_no_overlap'",
                        "1"),
                rendering(
                        "12.9 comments on create table and on alter column",
                        "COMMENT ON COLUMN",
                        op -> {
                            op.createTable(
                                    "notes",
                                    column("id", "integer").notNull().comment("key"),
                                    primaryKey("id"),
                                    Ops.tableComment("free text"));
                            op.alterColumn(
                                    "customers",
                                    column("name", "varchar(20)"),
                                    column("name", "varchar(20)").comment("as printed"));
                        },
                        "SELECT obj_description('notes'::regclass) || '/' || col_description('notes'::regclass, 1) || '/' "
                                + "|| col_description('customers'::regclass, 3)",
                        "free text/key/as printed"),
                rendering(
                        "12.10 identity added, altered and dropped",
                        "ADD GENERATED BY DEFAULT AS IDENTITY",
                        op -> {
                            op.addColumn("customers", column("seq", "integer").notNull());
                            op.alterColumn(
                                    "customers",
                                    column("seq", "integer").notNull(),
                                    column("seq", "integer").identityByDefault());
                            op.alterColumn(
                                    "customers",
                                    column("seq", "integer").identityByDefault(),
                                    column("seq", "integer").identityAlways());
                            op.addColumn("customers", column("gone", "bigint").identityAlways());
                            op.alterColumn(
                                    "customers",
                                    column("gone", "bigint").identityAlways(),
                                    column("gone", "bigint").notNull());
                        },
                        "SELECT string_agg(column_name || ':' || is_identity, ',' ORDER BY column_name) FROM information_schema.columns "
                                + "WHERE table_name = 'customers' AND column_name IN ('seq', 'gone')",
                        "gone:NO,seq:YES"),
                rendering(
                        "12.11 enum type created before the table that uses it, dropped after",
                        "CREATE TYPE",
                        op -> {
                            op.createEnum(enumType("mood", "sad", "happy"));
                            op.createTable(
                                    "moods",
                                    column("id", "integer").notNull(),
                                    column("mood", "mood"),
                                    primaryKey("id"));
                        },
                        "SELECT format_type(atttypid, NULL) FROM pg_attribute WHERE attrelid = 'moods'::regclass AND attname = 'mood'",
                        "mood"),
                rendering(
                        "12.12 ALTER TYPE ... ADD VALUE outside a transaction block, then used",
                        "ADD VALUE IF NOT EXISTS",
                        op -> {
                            op.createEnum(enumType("level", "low", "high"));
                            op.autocommit(a -> a.alterEnum(
                                    enumType("level", "low", "high"), enumType("level", "low", "mid", "high")));
                            op.createTable(
                                    "levels",
                                    column("id", "integer").notNull(),
                                    column("level", "level").defaultValue("'mid'"),
                                    primaryKey("id"));
                        },
                        "SELECT string_agg(enumlabel, ',' ORDER BY enumsortorder) FROM pg_enum WHERE enumtypid = 'level'::regtype",
                        "low,mid,high"));
    }

    private static Arguments rendering(
            String name, String clause, Consumer<Ops> upgrade, String query, String expected) {
        return Arguments.of(name, clause, upgrade, query, expected);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("renderings")
    void rendersRunsAndReverses(String name, String clause, Consumer<Ops> upgrade, String query, String expected)
            throws Exception {
        Ops ops = new Ops();
        upgrade.accept(ops);
        RenderedSql rendered = RenderedSql.of(ops.steps());
        assertTrue(
                rendered.statements().stream().anyMatch(s -> s.sql().contains(clause)),
                () -> name + ": no statement with " + clause + " in " + rendered.statements());
        String before = catalog();
        try (Connection c = db.connect();
                Statement st = c.createStatement()) {
            // as the runner does: one transaction, committed before each statement that must run outside one
            c.setAutoCommit(false);
            for (RenderedSql.Statement statement : rendered.statements()) {
                if (statement.autocommit()) {
                    c.commit();
                    c.setAutoCommit(true);
                    st.execute(statement.sql());
                    c.setAutoCommit(false);
                } else {
                    st.execute(statement.sql());
                }
            }
            c.commit();
            c.setAutoCommit(true);
            assertEquals(List.of(expected), db.query(query), name);
            List<Op> reversed = new ArrayList<>(ops.operations());
            Collections.reverse(reversed);
            for (Op op : reversed) {
                for (String sql : PostgresSql.statements(op.reverse())) st.execute(sql);
            }
        }
        assertEquals(before, catalog(), name + ": the reverse operations restore the catalog");
    }

    /** Tables, columns with types, constraints and indexes of both schemas, as text. */
    private static String catalog() throws SQLException {
        return String.join("\n", db.query("""
                SELECT string_agg(x, E'\\n' ORDER BY x) FROM (
                  SELECT table_schema || '.' || table_name || '.' || column_name || ' ' || data_type || ' ' || is_identity || ' '
                         || coalesce(col_description((table_schema || '.' || table_name)::regclass, ordinal_position::int), '') AS x
                  FROM information_schema.columns WHERE table_schema IN ('public', 'sales')
                  UNION ALL SELECT conname || ' ' || contype::text || ' ' || convalidated::text FROM pg_constraint
                  WHERE connamespace IN ('public'::regnamespace, 'sales'::regnamespace)
                  UNION ALL SELECT indexdef FROM pg_indexes WHERE schemaname IN ('public', 'sales')
                  UNION ALL SELECT 'type ' || typname FROM pg_type WHERE typnamespace = 'public'::regnamespace AND typtype = 'e'
                ) catalog
                """));
    }
}
