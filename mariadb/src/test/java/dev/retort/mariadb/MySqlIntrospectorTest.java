package dev.retort.mariadb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.retort.fixtures.db.MariaDbTestDatabase;
import dev.retort.schema.CheckConstraint;
import dev.retort.schema.Column;
import dev.retort.schema.ForeignKey;
import dev.retort.schema.Identity;
import dev.retort.schema.Index;
import dev.retort.schema.QualifiedName;
import dev.retort.schema.Table;
import dev.retort.schema.UniqueConstraint;
import java.sql.Connection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A MySQL server's catalog read into the same model as MariaDB's, the expected model written before the first run:
 * MySQL shows a constant default unquoted and an expression's marked {@code DEFAULT_GENERATED}, names an unnamed
 * check {@code <table>_chk_<n>} and keeps it as the table's, has no {@code IS_GENERATED} and a json type of its own.
 */
class MySqlIntrospectorTest {
    @RegisterExtension
    final MariaDbTestDatabase db = MariaDbTestDatabase.mysql();

    @Test
    void aTableOfEveryKindOfColumnReadsAsMariaDbWouldShowIt() throws Exception {
        db.execute("""
                CREATE TABLE t (id bigint NOT NULL AUTO_INCREMENT PRIMARY KEY,
                  name varchar(30) NOT NULL DEFAULT 'it''s', n int DEFAULT 0, price decimal(10,2) DEFAULT 1.50,
                  s varchar(10) DEFAULT 'NULL', nn varchar(10) DEFAULT NULL, back varchar(10) DEFAULT 'a\\\\b',
                  created timestamp(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6),
                  x int DEFAULT (n + 1), g int GENERATED ALWAYS AS (n + 1) VIRTUAL, j json,
                  CONSTRAINT ck CHECK (n > 0), CHECK (price >= 0)) COMMENT 'tc';
                CREATE TABLE c (id int PRIMARY KEY, t_id bigint, k int, UNIQUE KEY uk (k), KEY ix (t_id),
                  CONSTRAINT fk FOREIGN KEY (t_id) REFERENCES t (id) ON DELETE CASCADE)
                """);
        MariaDbCatalog catalog;
        try (Connection c = db.connect()) {
            assertEquals(MariaDbServer.Kind.MYSQL, MariaDbServer.kind(c));
            catalog = MariaDbIntrospector.read(c);
        }
        Table t = catalog.schema().table(QualifiedName.of("t")).orElseThrow();
        assertEquals(Identity.BY_DEFAULT, column(t, "id").identity());
        assertEquals("'it''s'", column(t, "name").defaultValue().expression());
        assertEquals("0", column(t, "n").defaultValue().expression());
        assertEquals("1.50", column(t, "price").defaultValue().expression());
        assertEquals("'NULL'", column(t, "s").defaultValue().expression(), "the four letters, not NULL");
        assertNull(column(t, "nn").defaultValue(), "DEFAULT NULL is none");
        assertEquals(
                "'a\\\\b'", column(t, "back").defaultValue().expression(), "a backslash written as MariaDB shows it");
        assertEquals(
                "current_timestamp(6)",
                column(t, "created").defaultValue().expression(),
                "MariaDB's spelling, as ON UPDATE");
        assertEquals("(`n` + 1)", column(t, "x").defaultValue().expression());
        assertEquals("(`n` + 1)", column(t, "g").generated().expression());
        assertNull(column(t, "g").defaultValue());
        assertEquals("json", column(t, "j").type());
        assertEquals("tc", t.comment());
        assertEquals(
                List.of("ck (`n` > 0)", "t_chk_1 (`price` >= 0)"),
                t.checks().stream().map(k -> k.name() + " " + k.expression()).toList());
        TableDetails details = catalog.details().get(QualifiedName.of("t"));
        assertEquals(Map.of("created", "current_timestamp(6)"), details.onUpdate());
        assertEquals(Set.of("g"), details.virtualColumns());
        assertEquals(Set.of(), details.columnChecks(), "MySQL has no column-level checks");
        assertEquals("InnoDB", details.engine());

        Table c = catalog.schema().table(QualifiedName.of("c")).orElseThrow();
        assertEquals(List.of(new UniqueConstraint("uk", List.of("k"))), c.uniques());
        assertEquals(List.of("ix"), c.indexes().stream().map(Index::name).toList(), "the key uses ix, MySQL adds none");
        ForeignKey fk = c.foreignKeys().get(0);
        assertEquals("fk", fk.name());
        assertEquals(List.of("t_id"), fk.columns());
        assertEquals(QualifiedName.of("t"), fk.referencedTable());
        assertEquals(ForeignKey.Action.CASCADE, fk.onDelete());
        assertEquals(ForeignKey.Action.NO_ACTION, fk.onUpdate());
        assertEquals(List.of(), c.checks().stream().map(CheckConstraint::name).toList());
    }

    /**
     * A bit or hex default reads as the literal MySQL shows for one written bare ({@code b'0'}), whether a column was
     * made by hand or by the statement Retort writes, which puts it in parentheses ({@code DEFAULT (b'0')}, stored by
     * MySQL as the expression {@code 0x00}) until the runner takes it out of them: so an entity's {@code b'0'} and a
     * database's compare equal.
     */
    @Test
    void aBitDefaultReadsTheSameMadeByHandOrByRetort() throws Exception {
        db.execute(
                "CREATE TABLE h (id int PRIMARY KEY, f bit(1) NOT NULL DEFAULT b'0', v varbinary(4) DEFAULT x'41');\n"
                        + "CREATE TABLE r (id int PRIMARY KEY)");
        QualifiedName r = QualifiedName.of("r");
        try (Connection c = db.connect();
                java.sql.Statement st = c.createStatement()) {
            for (dev.retort.op.Op op : List.of(
                    new dev.retort.op.AddColumn(
                            r, Column.of("f", "bit(1)").notNull().defaultValue("b'0'")),
                    new dev.retort.op.AddColumn(
                            r, Column.of("v", "varbinary(4)").defaultValue("x'41'")))) {
                String sql = MariaDbSql.DIALECT.statements(op).get(0);
                assertEquals(true, sql.contains("DEFAULT (b'0')") || sql.contains("DEFAULT (x'41')"), sql);
                st.execute(MySqlExistence.resolve(c, sql));
            }
            MariaDbCatalog catalog = MariaDbIntrospector.read(c);
            Table h = catalog.schema().table(QualifiedName.of("h")).orElseThrow();
            Table made = catalog.schema().table(r).orElseThrow();
            assertEquals("b'0'", column(h, "f").defaultValue().expression());
            assertEquals(column(h, "f").defaultValue(), column(made, "f").defaultValue());
            assertEquals(column(h, "v").defaultValue(), column(made, "v").defaultValue());
        }
        assertEquals(
                List.of("f b'0' ", "v 0x41 "),
                db.query("SELECT concat(COLUMN_NAME, ' ', COLUMN_DEFAULT, ' ', EXTRA) FROM information_schema.COLUMNS"
                        + " WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'r' AND COLUMN_NAME <> 'id'"
                        + " ORDER BY COLUMN_NAME"),
                "literals, not DEFAULT_GENERATED expressions");
    }

    /**
     * MySQL prints a default's, a generated column's and a check's string literals with their quotes escaped
     * ({@code concat(_utf8mb4\'a\')}); they are read as SQL, which runs again as a default of another table.
     */
    @Test
    void expressionsWithStringsAreReadAsSqlThatRunsAgain() throws Exception {
        db.execute("CREATE TABLE e (c varchar(10) DEFAULT (concat('a', 'b')), g varchar(20) AS (concat(c, 'x''y')),"
                + " d varchar(5) DEFAULT ('q\\\\'), CONSTRAINT ck2 CHECK (c <> 'it''s'))");
        Table e;
        try (Connection c = db.connect()) {
            e = MariaDbIntrospector.read(c)
                    .schema()
                    .table(QualifiedName.of("e"))
                    .orElseThrow();
        }
        String concat = column(e, "c").defaultValue().expression();
        assertEquals("concat(_utf8mb4'a',_utf8mb4'b')", concat);
        assertEquals("concat(`c`,_utf8mb4'x\\'y')", column(e, "g").generated().expression());
        assertEquals("_utf8mb4'q\\\\'", column(e, "d").defaultValue().expression());
        assertEquals("(`c` <> _utf8mb4'it\\'s')", e.checks().get(0).expression());
        db.execute("CREATE TABLE f (c varchar(10) DEFAULT (" + concat + "), d varchar(5) DEFAULT ("
                + column(e, "d").defaultValue().expression() + "))");
        db.execute("INSERT INTO f () VALUES ()");
        assertEquals(java.util.List.of("ab q\\"), db.query("SELECT c, d FROM f"));
    }

    private static Column column(Table table, String name) {
        return table.column(name).orElseThrow();
    }
}
