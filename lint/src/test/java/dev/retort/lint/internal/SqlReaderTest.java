package dev.retort.lint.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.retort.lint.internal.SqlStatement.Action;
import dev.retort.schema.QualifiedName;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The statements lint reads from hand-written SQL, and what it refuses to guess about. */
class SqlReaderTest {
    private static List<SqlStatement> read(String sql) {
        return SqlLexer.statements(sql).stream()
                .map(tokens -> SqlReader.read(tokens, "public"))
                .toList();
    }

    private static SqlStatement one(String sql) {
        List<SqlStatement> statements = read(sql);
        assertEquals(1, statements.size(), statements::toString);
        return statements.get(0);
    }

    private static final QualifiedName ORDERS = new QualifiedName(null, "orders");

    @Test
    void semicolonsInsideQuotesCommentsAndDollarBodiesDoNotSplit() {
        List<SqlStatement> statements = read(
                "UPDATE orders SET note = 'a;b' -- c;d\n; /* e; /* f; */ g; */"
                        + " INSERT INTO t VALUES (E'h\\';i'); CREATE FUNCTION f() RETURNS int AS $x$ SELECT 1; $x$ LANGUAGE sql");
        assertEquals(
                List.of(
                        new SqlStatement.Update(ORDERS),
                        new SqlStatement.Other("INSERT INTO"),
                        new SqlStatement.Other("CREATE FUNCTION")),
                statements);
        assertNull(SqlLexer.statements("SELECT 'never closed"));
    }

    @Test
    void indexesWithTheirOptionsAndTables() {
        assertEquals(
                new SqlStatement.CreateIndex(new QualifiedName("sales", "orders"), "i", true, true),
                one(
                        "create unique index concurrently if not exists i on only sales.orders using btree (x) where y > 0"));
        assertEquals(
                new SqlStatement.CreateIndex(ORDERS, null, false, false), one("CREATE INDEX ON public.\"orders\" (x)"));
        assertEquals(
                new SqlStatement.DropIndex(List.of(new QualifiedName(null, "a"), new QualifiedName("s", "b")), true),
                one("DROP INDEX CONCURRENTLY IF EXISTS a, s.b"));
        assertEquals(new SqlStatement.Reindex(true), one("REINDEX INDEX CONCURRENTLY i"));
    }

    @Test
    void alterTableActions() {
        assertEquals(
                new SqlStatement.AlterTable(
                        ORDERS,
                        List.of(
                                new Action.AddConstraint("fk", "foreign key", true, false, null),
                                new Action.AddConstraint("nn", "check", true, false, "Note"),
                                new Action.AddConstraint("u", "unique", false, true, null),
                                new Action.SetNotNull("qty"),
                                new Action.AlterType("total", "numeric(12,2)"),
                                new Action.ValidateConstraint("nn"),
                                new Action.DropColumn("x"),
                                new Action.Rename("column", "a", "b"))),
                one("ALTER TABLE IF EXISTS ONLY orders ADD CONSTRAINT fk FOREIGN KEY (c) REFERENCES customers (id)"
                        + " NOT VALID, ADD CONSTRAINT nn CHECK (\"Note\" IS NOT NULL) NOT VALID, ADD CONSTRAINT u"
                        + " UNIQUE USING INDEX i, ALTER COLUMN qty SET NOT NULL, ALTER total SET DATA TYPE"
                        + " numeric(12, 2) USING total::numeric(12,2), VALIDATE CONSTRAINT nn, DROP COLUMN IF EXISTS x,"
                        + " RENAME a TO b"));
        SqlStatement add = one("ALTER TABLE orders ADD COLUMN seen timestamptz NOT NULL DEFAULT clock_timestamp()");
        Action.AddColumn column =
                (Action.AddColumn) ((SqlStatement.AlterTable) add).actions().get(0);
        assertEquals("clock_timestamp", Volatility.volatileCall(column.defaultValue()));
        assertEquals(true, column.notNull());
        Action.AddColumn stable = (Action.AddColumn)
                ((SqlStatement.AlterTable) one("ALTER TABLE orders ADD created timestamptz DEFAULT now() NOT NULL"))
                        .actions()
                        .get(0);
        assertNull(Volatility.volatileCall(stable.defaultValue()));
    }

    @Test
    void transactionControlSettingsAndWhatIsNotRead() {
        assertEquals(
                List.of(
                        new SqlStatement.TransactionControl("BEGIN"),
                        new SqlStatement.TransactionControl("SAVEPOINT A"),
                        new SqlStatement.TransactionControl("COMMIT"),
                        new SqlStatement.Set("lock_timeout"),
                        new SqlStatement.Set("statement_timeout")),
                read("BEGIN; SAVEPOINT a; COMMIT; SET LOCAL lock_timeout TO '5s'; set statement_timeout = 0"));
        assertEquals(new SqlStatement.Unparsed("lint does not read the body of a DO block"), one("DO $$ BEGIN END $$"));
        assertEquals(new SqlStatement.Unparsed("lint does not read VACUUM ORDERS statements"), one("VACUUM orders"));
        assertEquals(new SqlStatement.Unparsed("it does not start with a keyword"), one("(SELECT 1)"));
    }

    @Test
    void notNullChecksInEverySpelling() {
        assertEquals("qty", NotNullCheck.column("qty IS NOT NULL"));
        assertEquals("Qty", NotNullCheck.column("((\"Qty\" IS NOT NULL))"));
        assertNull(NotNullCheck.column("qty IS NOT NULL AND qty > 0"));
        assertNull(NotNullCheck.column("qty > 0"));
    }
}
