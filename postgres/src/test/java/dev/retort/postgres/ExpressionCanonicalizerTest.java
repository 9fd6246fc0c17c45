package dev.retort.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.retort.RetortException;
import dev.retort.diff.Differ;
import dev.retort.fixtures.db.TestDatabase;
import dev.retort.schema.CheckConstraint;
import dev.retort.schema.Column;
import dev.retort.schema.QualifiedName;
import dev.retort.schema.Schema;
import dev.retort.schema.Table;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ExpressionCanonicalizerTest {
    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    private static Schema loans(String... checks) {
        return new Schema(List.of(Table.of(
                        QualifiedName.of("loans"),
                        List.of(Column.of("status", "varchar(20)"), Column.of("qty", "integer")))
                .withChecks(List.of(checks).stream().map(CheckConstraint::of).toList())));
    }

    private static String key(Schema schema) {
        return schema.tables().get(0).checks().get(0).key();
    }

    @Test
    void theSameCheckWrittenThreeWaysHasOneCanonicalForm() throws SQLException {
        try (Connection c = db.connect()) {
            String written = key(ExpressionCanonicalizer.canonicalize(c, loans("status in ('OPEN','RETURNED')")));
            String printedOnce = key(
                    ExpressionCanonicalizer.canonicalize(
                            c,
                            loans(
                                    "((status)::text = ANY ((ARRAY['OPEN'::character varying, 'RETURNED'::character varying])::text[]))")));
            String printedTwice = key(
                    ExpressionCanonicalizer.canonicalize(
                            c,
                            loans(
                                    "((status)::text = ANY (ARRAY[('OPEN'::character varying)::text, ('RETURNED'::character varying)::text]))")));
            assertEquals(written, printedOnce);
            assertEquals(written, printedTwice);
            assertEquals(
                    key(ExpressionCanonicalizer.canonicalize(c, loans("qty between 1 and 5"))),
                    key(ExpressionCanonicalizer.canonicalize(c, loans("(qty >= 1)   AND (qty<=5)"))),
                    "spacing and BETWEEN");
            assertNotEquals(
                    written,
                    key(ExpressionCanonicalizer.canonicalize(c, loans("status in ('OPEN','RETURNED','LOST')"))));
            assertTrue(c.getAutoCommit(), "the connection is left as it was");
        }
    }

    @Test
    void expressionsKeepTheirWrittenFormForMigrations() throws SQLException {
        try (Connection c = db.connect()) {
            Schema canonical = ExpressionCanonicalizer.canonicalize(c, loans("qty > 0"));
            CheckConstraint check = canonical.tables().get(0).checks().get(0);
            assertEquals("qty > 0", check.expression());
            assertEquals("((qty > 0))", check.canonical());
            assertTrue(Differ.diff(canonical, ExpressionCanonicalizer.canonicalize(c, loans("(qty>0)")))
                    .isEmpty());
        }
    }

    @Test
    void schemasWithoutChecksAreReturnedAsTheyAre() throws SQLException {
        Schema none = new Schema(List.of(Table.of(QualifiedName.of("t"), List.of(Column.of("a", "integer")))));
        try (Connection c = db.connect()) {
            assertSame(none, ExpressionCanonicalizer.canonicalize(c, none));
        }
    }

    @Test
    void anExpressionPostgresRejectsNamesItsTable() throws SQLException {
        try (Connection c = db.connect()) {
            RetortException e = assertThrows(
                    RetortException.class, () -> ExpressionCanonicalizer.canonicalize(c, loans("no_such_column > 1")));
            assertTrue(
                    e.getMessage()
                            .startsWith(
                                    "table loans: PostgreSQL rejects a check constraint, default or index: ERROR: column "
                                            + "\"no_such_column\" does not exist"),
                    e.getMessage());
            CatalogException catalog = assertInstanceOf(CatalogException.class, e);
            assertEquals(QualifiedName.of("loans"), catalog.table());
            assertEquals("42703", catalog.sqlState(), "undefined_column");
            assertTrue(catalog.serverMessage().contains("no_such_column"), catalog.serverMessage());
            assertTrue(c.getAutoCommit());
        }
    }

    @Test
    void aDefinitionsInlineChecksAreTheTablesNamedAsPostgresqlNamesThem() throws SQLException {
        Schema model = new Schema(List.of(Table.of(
                QualifiedName.of("readings"),
                List.of(
                        Column.of("data", "integer not null check (data > 0) check (data < 100)"),
                        Column.of("state", "text constraint known_state check (state <> '')")))));
        try (Connection c = db.connect()) {
            Table table =
                    ExpressionCanonicalizer.canonicalize(c, model).tables().get(0);
            assertEquals(Column.of("data", "integer").notNull(), table.columns().get(0));
            assertEquals(Column.of("state", "text"), table.columns().get(1));
            assertEquals(
                    List.of(
                            "readings_data_check1 ((data < 100))",
                            "readings_data_check ((data > 0))",
                            "known_state ((state <> ''::text))"),
                    table.checks().stream().map(k -> k.name() + " " + k.key()).toList());
        }
    }

    @Test
    void aKeyDeclaredInADefinitionIsRefusedInOneLine() throws SQLException {
        Schema model = new Schema(
                List.of(Table.of(QualifiedName.of("settings"), List.of(Column.of("mode", "text not null unique")))));
        try (Connection c = db.connect()) {
            RetortException e =
                    assertThrows(RetortException.class, () -> ExpressionCanonicalizer.canonicalize(c, model));
            assertEquals(
                    "table settings: a column's columnDefinition or options declares a unique constraint (UNIQUE"
                            + " (mode)), which Retort cannot model there; map it with @Column(unique = true),"
                            + " @UniqueConstraint, @Id or a relationship instead",
                    e.getMessage());
        }
    }
}
