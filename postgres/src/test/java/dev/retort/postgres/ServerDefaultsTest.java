package dev.retort.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.retort.diff.Differ;
import dev.retort.fixtures.db.TestDatabase;
import dev.retort.op.AlterColumn;
import dev.retort.schema.Column;
import dev.retort.schema.QualifiedName;
import dev.retort.schema.Schema;
import dev.retort.schema.Sequence;
import dev.retort.schema.Table;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Server defaults compared by meaning (the checklist's section 4), and serial columns' own defaults. */
class ServerDefaultsTest {
    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    private static String canonical(String type, String expression) throws SQLException {
        Schema schema = new Schema(List.of(
                Table.of(QualifiedName.of("t"), List.of(Column.of("c", type).defaultValue(expression)))));
        try (Connection c = db.connect()) {
            return ExpressionCanonicalizer.canonicalize(c, schema)
                    .tables()
                    .get(0)
                    .columns()
                    .get(0)
                    .defaultKey();
        }
    }

    @ParameterizedTest(name = "{0}: {1} == {2}")
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '"',
            value = {
                "text             | 'some default'                     | 'some default'::text",
                "varchar(50)      | 'it''s'                            | 'it''s'::character varying",
                "varchar(20)      | substring('name',1,3)              | \"substring('name', 1, 3)\"",
                "timestamptz      | now()                              | now()",
                "integer          | 15                                 | '15'",
                "text             | ''                                 | ''::text",
                "interval         | '14 days'                          | '14 days'::interval",
                "interval         | interval '14 days'                 | '14 days'::interval",
                "uuid             | gen_random_uuid()                  | gen_random_uuid()",
                "integer[]        | ARRAY[]::integer[]                 | ARRAY[]::int4[]",
                "timestamp        | timezone('utc', current_timestamp) | timezone('utc'::text, CURRENT_TIMESTAMP)",
                "integer          | 5                                  | '5'",
                "double precision | 5.2                                | '5.2'",
                "double precision | 5                                  | 5.0",
                "numeric          | 5                                  | 5.0",
                "text             | 'héllo wörld'                      | 'héllo wörld'::text",
                "varchar(100)     | 'a // b'                           | 'a // b'",
            })
    void sameDefaultWrittenDifferentlyIsTheSame(String type, String written, String other) throws SQLException {
        assertEquals(canonical(type, written), canonical(type, other));
    }

    @ParameterizedTest(name = "{0}: {1} != {2}")
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '"',
            value = {
                "integer     | 5                | 7",
                "text        | 'hello'          | 'there'",
                "varchar(40) | 'some default'   | 'some new default'",
                "integer     | 15               | 20",
            })
    void differentDefaultsDiffer(String type, String one, String other) throws SQLException {
        assertNotEquals(canonical(type, one), canonical(type, other));
    }

    /** Found on Netflix genie: 29 columns {@code DEFAULT NULL::character varying} reported as a default to drop. */
    @Test
    void aNullDefaultIsNoDefault() throws SQLException {
        db.execute("""
                DROP TABLE IF EXISTS n;
                CREATE TABLE n (a varchar(255) DEFAULT NULL, b integer DEFAULT NULL, c text DEFAULT (NULL)::text,
                  d timestamp DEFAULT CAST(NULL AS timestamp), e numeric(10,2) DEFAULT NULL::numeric(10,2),
                  f varchar(10) DEFAULT 'NULL', g boolean DEFAULT (NULL::boolean OR true))
                """);
        try (Connection c = db.connect()) {
            SchemaScope scope = new SchemaScope(List.of("public"), Set.of());
            Table read = ExpressionCanonicalizer.canonicalize(c, PostgresIntrospector.read(c, scope))
                    .table(QualifiedName.of("n"))
                    .orElseThrow();
            for (String name : List.of("a", "b", "c", "d", "e")) {
                assertNull(read.column(name).orElseThrow().defaultKey(), name);
            }
            Table model = Table.of(
                    QualifiedName.of("n"),
                    List.of(
                            Column.of("a", "varchar(255)"),
                            Column.of("b", "integer"),
                            Column.of("c", "text"),
                            Column.of("d", "timestamp(6)"),
                            Column.of("e", "numeric(10,2)"),
                            Column.of("f", "varchar(10)"),
                            Column.of("g", "boolean")));
            assertEquals(
                    List.of("f", "g"),
                    Differ.diff(new Schema(List.of(read)), new Schema(List.of(model))).upgrade().stream()
                            .map(op -> ((AlterColumn) op).columnName())
                            .toList(),
                    "the string 'NULL' and an expression that is not NULL are defaults");
        }
    }

    @Test
    void aDomainsConstantsAreComparedByValueInItsBaseTypeWithoutRunningItsCheck() throws SQLException {
        db.execute("DROP DOMAIN IF EXISTS price; CREATE DOMAIN price AS numeric(10,2) CHECK (VALUE > 0)");
        assertEquals(canonical("price", "5"), canonical("price", "5.00"));
        assertEquals("value numeric(10,2) 5", canonical("price", "'5'"));
        assertNotEquals(canonical("price", "5"), canonical("price", "6"));
        assertEquals(
                canonical("price", "-1"),
                canonical("price", "-1.0"),
                "the domain's check never runs, so it cannot fail");
    }

    @Test
    void serialColumnsOwnTheirSequenceAndEveryNextvalIsADefault() throws SQLException {
        db.execute("""
                DROP SCHEMA IF EXISTS other CASCADE; CREATE SCHEMA other;
                DROP TABLE IF EXISTS s; DROP SEQUENCE IF EXISTS public.counter;
                CREATE SEQUENCE other.counter;
                CREATE TABLE s (id serial PRIMARY KEY, n bigint DEFAULT nextval('other.counter'), q numeric DEFAULT nextval('other.counter'))
                """);
        try (Connection c = db.connect()) {
            Schema schema = PostgresIntrospector.read(c, new SchemaScope(List.of("public"), Set.of()));
            Table table = schema.table(QualifiedName.of("s")).orElseThrow();
            assertEquals(
                    "nextval('s_id_seq'::regclass)",
                    table.column("id").orElseThrow().defaultKey(),
                    "a serial's nextval is a default");
            assertEquals(
                    List.of(Sequence.of("s_id_seq", 1, 1).as("integer").ownedBy("s", "id")),
                    schema.sequences(),
                    "its sequence is owned by the column; other schemas' sequences are out of scope");
            assertEquals(
                    "nextval('other.counter'::regclass)",
                    table.column("n").orElseThrow().defaultKey());
            assertEquals(
                    "nextval('other.counter'::regclass)",
                    table.column("q").orElseThrow().defaultKey());
            Schema read = PostgresIntrospector.read(c, new SchemaScope(List.of("public"), Set.of()));
            Schema canonical = ExpressionCanonicalizer.canonicalize(c, read);
            assertEquals(
                    "nextval('public.s_id_seq'::regclass)",
                    canonical
                            .table(QualifiedName.of("s"))
                            .orElseThrow()
                            .column("id")
                            .orElseThrow()
                            .defaultKey(),
                    "printed back under search_path pg_catalog, where no user schema is visible");
            assertEquals(
                    canonical.comparable(),
                    ExpressionCanonicalizer.canonicalize(c, canonical).comparable(),
                    "stable");
        }
    }
}
