package dev.retort.mariadb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.retort.fixtures.db.MariaDbTestDatabase;
import dev.retort.schema.CheckConstraint;
import dev.retort.schema.Column;
import dev.retort.schema.ColumnDefault;
import dev.retort.schema.ForeignKey;
import dev.retort.schema.Identity;
import dev.retort.schema.Index;
import dev.retort.schema.QualifiedName;
import dev.retort.schema.Sequence;
import dev.retort.schema.Table;
import dev.retort.schema.UniqueConstraint;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Each kind of object MariaDB holds, created by DDL written here and read back into the model. */
class MariaDbIntrospectorTest {
    @RegisterExtension
    final MariaDbTestDatabase db = new MariaDbTestDatabase();

    private MariaDbCatalog read() throws Exception {
        try (Connection c = db.connect()) {
            return MariaDbIntrospector.read(c);
        }
    }

    private Table table(MariaDbCatalog catalog, String name) {
        return catalog.schema().table(QualifiedName.of(name)).orElseThrow();
    }

    @Test
    void columnTypesAreNormalisedFromMariaDbSpellings() throws Exception {
        db.execute("""
                CREATE TABLE t (a int(11), b tinyint(1), c tinyint(4), d bigint(20) unsigned, e int(5) unsigned zerofill,
                  f float, g double, h decimal(10,2), i datetime, j datetime(3), k timestamp NULL, l time, m year,
                  n varchar(40), o char(3), p text, q enum('Sad','happy  days'), r set('x','Y'), s bit(1), u boolean,
                  v mediumint(9), w smallint unsigned, x decimal(5), y binary(16))
                """);
        Table t = table(read(), "t");
        List<String> expected = List.of(
                "a integer",
                "b boolean",
                "c tinyint",
                "d bigint unsigned",
                "e int(5) unsigned zerofill",
                "f real",
                "g double precision",
                "h numeric(10,2)",
                "i datetime(0)",
                "j datetime(3)",
                "k timestamp(0)",
                "l time(0)",
                "m year",
                "n varchar(40)",
                "o char(3)",
                "p text",
                "q enum('Sad','happy  days')",
                "r set('x','Y')",
                "s bit(1)",
                "u boolean",
                "v mediumint",
                "w smallint unsigned",
                "x numeric(5,0)",
                "y binary(16)");
        assertEquals(
                expected,
                t.columns().stream().map(c -> c.name() + " " + c.type()).toList());
    }

    @Test
    void defaultsKnowNullFromTheStringNull() throws Exception {
        db.execute("""
                CREATE TABLE t (id int NOT NULL, a varchar(10) DEFAULT NULL, b varchar(10) DEFAULT 'NULL',
                  c varchar(10) NOT NULL, d int DEFAULT 0, e decimal(4,2) DEFAULT 1.5, f varchar(10) DEFAULT 'it''s',
                  g datetime DEFAULT current_timestamp(), h int DEFAULT (1 + 2), i varchar(10))
                """);
        Table t = table(read(), "t");
        Map<String, String> expected = new java.util.LinkedHashMap<>();
        expected.put("id", null);
        expected.put("a", null);
        expected.put("b", "'NULL'");
        expected.put("c", null);
        expected.put("d", "0");
        expected.put("e", "1.50");
        expected.put("f", "'it''s'");
        expected.put("g", "current_timestamp()");
        // MariaDB keeps the parentheses of an expression default
        expected.put("h", "(1 + 2)");
        expected.put("i", null);
        Map<String, String> actual = new java.util.LinkedHashMap<>();
        for (Column c : t.columns())
            actual.put(
                    c.name(), c.defaultValue() == null ? null : c.defaultValue().expression());
        assertEquals(expected, actual);
        assertEquals(
                List.of(false, true, true, false),
                t.columns().subList(0, 4).stream().map(Column::nullable).toList());
    }

    @Test
    void autoIncrementOnUpdateGeneratedCollationAndComments() throws Exception {
        db.execute("""
                CREATE TABLE t (id bigint NOT NULL AUTO_INCREMENT PRIMARY KEY,
                  ts timestamp NOT NULL DEFAULT current_timestamp() ON UPDATE current_timestamp() COMMENT 'touched',
                  ts3 datetime(3) NULL ON UPDATE current_timestamp(3),
                  qty int, twice int AS (qty * 2) VIRTUAL, plus int AS (qty + 1) PERSISTENT,
                  name varchar(20) CHARACTER SET latin1 COLLATE latin1_bin, plain varchar(20))
                  ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci COMMENT='the t table'
                """);
        MariaDbCatalog catalog = read();
        Table t = table(catalog, "t");
        Column id = t.column("id").orElseThrow();
        assertEquals(Identity.BY_DEFAULT, id.identity());
        assertEquals(
                "current_timestamp()",
                t.column("ts").orElseThrow().defaultValue().expression());
        assertEquals("touched", t.column("ts").orElseThrow().comment());
        assertEquals("`qty` * 2", t.column("twice").orElseThrow().generated().expression());
        assertEquals("`qty` + 1", t.column("plus").orElseThrow().generated().expression());
        assertEquals("latin1_bin", t.column("name").orElseThrow().collation());
        assertNull(t.column("plain").orElseThrow().collation());
        assertEquals("the t table", t.comment());
        TableDetails details = catalog.details().get(QualifiedName.of("t"));
        assertEquals(
                new TableDetails(
                        "InnoDB",
                        "utf8mb4",
                        "utf8mb4_unicode_ci",
                        Map.of("ts", "current_timestamp()", "ts3", "current_timestamp(3)"),
                        Set.of("twice"),
                        Map.of()),
                details);
    }

    @Test
    void keysIndexesForeignKeysAndChecks() throws Exception {
        db.execute("""
                CREATE TABLE a (id int PRIMARY KEY, code varchar(10) NOT NULL, x int, y int, body text, note varchar(100),
                  UNIQUE KEY a_code (code), UNIQUE KEY a_xy (x, y), KEY a_note (note(5), x), KEY a_desc (y DESC),
                  FULLTEXT KEY a_body (body), CONSTRAINT a_pos CHECK (x > 0), z int CHECK (z < 10)) ENGINE=InnoDB;
                CREATE TABLE b (id int, v int, a_id int, PRIMARY KEY (v, id), KEY b_a_idx (a_id),
                  CONSTRAINT b_a FOREIGN KEY (a_id) REFERENCES a (id) ON DELETE CASCADE ON UPDATE SET NULL,
                  CONSTRAINT b_self FOREIGN KEY (v, id) REFERENCES b (v, id))
                """);
        MariaDbCatalog catalog = read();
        Table a = table(catalog, "a");
        Table b = table(catalog, "b");
        assertEquals(List.of("id"), a.primaryKey().columns());
        assertEquals(List.of("v", "id"), b.primaryKey().columns());
        assertEquals(
                List.of(
                        new UniqueConstraint("a_code", List.of("code")),
                        new UniqueConstraint("a_xy", List.of("x", "y"))),
                a.uniques());
        assertEquals(
                Set.of(
                        Index.of(List.of(Index.Key.of("body"))).named("a_body").using("fulltext"),
                        Index.of(List.of(Index.Key.of("y").desc())).named("a_desc"),
                        Index.of(List.of(Index.Key.of("note"), Index.Key.of("x")))
                                .named("a_note")),
                Set.copyOf(a.indexes()));
        assertEquals(
                Map.of("a_note", java.util.Arrays.asList(5, null)),
                catalog.details().get(QualifiedName.of("a")).prefixes());
        assertEquals(
                Set.of(
                        new CheckConstraint("a_pos", "`x` > 0", "`x` > 0", true, true),
                        new CheckConstraint("z", "`z` < 10", "`z` < 10", true, true)),
                Set.copyOf(a.checks()));
        assertEquals(
                List.of(
                        new ForeignKey(
                                "b_a",
                                List.of("a_id"),
                                QualifiedName.of("a"),
                                List.of("id"),
                                ForeignKey.Action.CASCADE,
                                ForeignKey.Action.SET_NULL,
                                false,
                                false,
                                true),
                        new ForeignKey(
                                "b_self",
                                List.of("v", "id"),
                                QualifiedName.of("b"),
                                List.of("v", "id"),
                                ForeignKey.Action.NO_ACTION,
                                ForeignKey.Action.NO_ACTION,
                                false,
                                false,
                                true)),
                b.foreignKeys());
        assertEquals(List.of(Index.on("a_id").named("b_a_idx")), b.indexes());
    }

    @Test
    void sequencesViewsAndEngines() throws Exception {
        db.execute("""
                CREATE SEQUENCE s1;
                CREATE SEQUENCE `s 2` START WITH 10 INCREMENT BY 5 MINVALUE 3 MAXVALUE 1000 CACHE 20 CYCLE;
                CREATE SEQUENCE s3 INCREMENT BY -1;
                CREATE TABLE m (id int PRIMARY KEY) ENGINE=MyISAM DEFAULT CHARSET=latin1;
                CREATE VIEW v AS SELECT id FROM m
                """);
        MariaDbCatalog catalog = read();
        assertEquals(
                List.of(
                        new Sequence(QualifiedName.of("s 2"), "bigint", 10, 5, 3L, 1000L, 20, true, null),
                        new Sequence(QualifiedName.of("s1"), "bigint", 1, 1, null, null, 1000, false, null),
                        new Sequence(QualifiedName.of("s3"), "bigint", -1, -1, null, null, 1000, false, null)),
                catalog.schema().sequences());
        assertEquals(
                List.of("m"),
                catalog.schema().tables().stream().map(t -> t.name().name()).toList());
        assertEquals(Map.of(QualifiedName.of("v"), "a view"), catalog.schema().outsideScope());
        TableDetails m = catalog.details().get(QualifiedName.of("m"));
        assertEquals("MyISAM latin1 latin1_swedish_ci", m.engine() + " " + m.charset() + " " + m.collation());
    }

    @Test
    void aConnectionInNoDatabaseIsRefusedInOneLine() throws Exception {
        String server = db.url().replace("/" + db.name(), "/");
        try (Connection c = DriverManager.getConnection(server)) {
            MariaDbCatalogException e = assertThrows(MariaDbCatalogException.class, () -> MariaDbIntrospector.read(c));
            assertEquals(
                    "reading the MariaDB catalog failed: the connection is in no database: name one in the URL",
                    e.getMessage());
        }
    }

    @Test
    void hostileNamesAreReadAsTheyAre() throws Exception {
        db.execute("""
                CREATE TABLE `we``ird; DROP TABLE x` (`col'"` int PRIMARY KEY COMMENT 'a\\nb');
                CREATE SEQUENCE `se``q`
                """);
        MariaDbCatalog catalog = read();
        Table t = table(catalog, "we`ird; DROP TABLE x");
        assertEquals("col'\"", t.columns().get(0).name());
        assertEquals("a\nb", t.columns().get(0).comment());
        assertEquals("se`q", catalog.schema().sequences().get(0).name().name());
        assertTrue(ColumnDefault.of("NULL").isNull());
    }
}
