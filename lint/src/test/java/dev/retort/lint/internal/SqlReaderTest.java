package dev.retort.lint.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.retort.Dialect;
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

    private static List<SqlStatement> mariaDb(String sql) {
        return SqlLexer.statements(sql, Dialect.MARIADB).stream()
                .map(tokens -> SqlReader.read(tokens, "shop", Dialect.MARIADB))
                .toList();
    }

    @Test
    void mariaDbsLexicalRules() {
        assertEquals(
                List.of(
                        new SqlStatement.Update(new QualifiedName(null, "Or;ders")),
                        new SqlStatement.Other("INSERT INTO"),
                        new SqlStatement.Update(ORDERS)),
                mariaDb("# one; comment\nUPDATE `Or;ders` SET a = 'x\\';y', b = 'it''s', c = \"d\\\";e\" -- f; g\n;"
                        + " INSERT INTO t VALUES (1--1); /* h; /* i; */ UPDATE orders SET a = 2"));
        // an executable comment is run by the server: read as code
        assertEquals(
                List.of(new SqlStatement.Set(List.of("lock_wait_timeout")), new SqlStatement.Update(ORDERS)),
                mariaDb("/*!40101 SET SESSION lock_wait_timeout = 5 */; UPDATE orders SET a = 1"));
        assertNull(SqlLexer.statements("SELECT 'never closed\\'", Dialect.MARIADB));
        assertNull(SqlLexer.statements("SELECT `never closed", Dialect.MARIADB));
        // PostgreSQL's rules differ: there a backslash in '...' is a character and the quote closes
        assertEquals(1, SqlLexer.statements("SELECT 'a\\'", Dialect.POSTGRESQL).size());
    }

    @Test
    void mariaDbsStatements() {
        assertEquals(
                List.of(
                        new SqlStatement.CreateIndex(ORDERS, "CONCURRENTLY", false, false, "btree"),
                        new SqlStatement.CreateIndex(new QualifiedName("sales", "Orders"), "i", true, true, "btree"),
                        new SqlStatement.CreateIndex(ORDERS, "f", false, false, "fulltext"),
                        new SqlStatement.DropIndex(List.of(new QualifiedName(null, "i")), false, ORDERS)),
                mariaDb("CREATE INDEX CONCURRENTLY ON orders (c); CREATE UNIQUE INDEX i ON sales.Orders (c)"
                        + " ALGORITHM = INPLACE LOCK = NONE; CREATE FULLTEXT INDEX f ON shop.orders (c);"
                        + " DROP INDEX IF EXISTS i ON orders"));
        assertEquals(
                List.of(
                        new SqlStatement.AlterTable(
                                ORDERS,
                                List.of(
                                        new Action.Rename("column", "a", "b"),
                                        new Action.Modify("b", "decimal(12,2) unsigned", true),
                                        new Action.AddIndex(false, "btree"),
                                        new Action.AddConstraint(null, "unique", false, false, null),
                                        new Action.DropIndex("k"),
                                        new Action.DropConstraint("fk"),
                                        new Action.Other("ALGORITHM"),
                                        new Action.Other("LOCK")),
                                true),
                        new SqlStatement.AlterTable(
                                ORDERS, List.of(new Action.Rename("table", null, "orders_old")), false)),
                mariaDb("ALTER ONLINE TABLE orders NOWAIT CHANGE COLUMN a b decimal(12,2) unsigned NOT NULL DEFAULT 0,"
                        + " ADD KEY k2 (c), ADD UNIQUE KEY u (d), DROP KEY k, DROP FOREIGN KEY IF EXISTS fk,"
                        + " ALGORITHM=INPLACE, LOCK=NONE; RENAME TABLE orders TO orders_old"));
        assertEquals(
                List.of(
                        new SqlStatement.ForStatement(
                                List.of("lock_wait_timeout", "foreign_key_checks"),
                                List.of("foreign_key_checks"),
                                new SqlStatement.AlterTable(
                                        ORDERS,
                                        List.of(new Action.AddConstraint("fk", "foreign key", false, false, null)),
                                        false)),
                        new SqlStatement.Set(List.of("lock_wait_timeout", "sql_mode")),
                        new SqlStatement.TransactionControl("START TRANSACTION"),
                        new SqlStatement.Unparsed("lint does not read the body of BEGIN NOT ATOMIC")),
                mariaDb("SET STATEMENT lock_wait_timeout=5, foreign_key_checks=0 FOR ALTER TABLE orders ADD CONSTRAINT"
                        + " fk FOREIGN KEY (c) REFERENCES customers (id); SET @@session.lock_wait_timeout = 5,"
                        + " @x = 1, GLOBAL max_connections = 10, sql_mode = ''; START TRANSACTION; BEGIN NOT ATOMIC"));
        assertEquals(
                List.of(new SqlStatement.AlterTable(
                        ORDERS,
                        List.of(
                                new Action.AddColumn("a", false, null, false),
                                new Action.AddColumn("b", true, null, false),
                                new Action.AddColumn("c", false, null, true)),
                        false)),
                mariaDb("ALTER TABLE orders ADD COLUMN IF NOT EXISTS (a int, b int NOT NULL, c int AUTO_INCREMENT)"));
        assertEquals(
                new SqlStatement.Unparsed("lint does not read a key inside ADD (column, ...); add it an action"),
                mariaDb("ALTER TABLE orders ADD (a int, INDEX (a))").get(0));
    }
}
