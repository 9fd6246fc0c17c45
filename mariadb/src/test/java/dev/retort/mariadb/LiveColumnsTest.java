package dev.retort.mariadb;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.retort.fixtures.db.MariaDbTestDatabase;
import dev.retort.op.AddColumn;
import dev.retort.op.AlterColumn;
import dev.retort.schema.Column;
import dev.retort.schema.QualifiedName;
import java.sql.Connection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What a live table's columns have that a migration does not name, read from the server, and the {@code MODIFY
 * COLUMN} of {@link MariaDbSql#keeping} that writes it back: a collation only onto a column that stays text and whose
 * migration names none, {@code ON UPDATE} only onto one that stays a timestamp, {@code VIRTUAL} only onto one that stays
 * generated; an added column takes none of them.
 */
class LiveColumnsTest {
    private static final QualifiedName T = QualifiedName.of("t");

    private static final LiveColumns LIVE = new LiveColumns(
            Map.of("name", "latin1_swedish_ci", "code", "latin1_bin"),
            Map.of("at", "current_timestamp()"),
            Set.of("g"));

    @RegisterExtension
    final MariaDbTestDatabase db = new MariaDbTestDatabase();

    @Test
    void readsCollationsOtherThanTheTablesOnUpdateAndVirtualColumns() throws Exception {
        db.execute("""
                CREATE TABLE t (id int PRIMARY KEY, name varchar(20) CHARACTER SET latin1,
                  code char(3) COLLATE latin1_bin, plain varchar(5),
                  at timestamp NOT NULL DEFAULT current_timestamp() ON UPDATE current_timestamp(),
                  a int, g int GENERATED ALWAYS AS (a + 1) VIRTUAL, s int AS (a * 2) STORED) DEFAULT CHARSET=utf8mb4
                """);
        try (Connection connection = db.connect()) {
            assertEquals(LIVE, LiveColumns.read(connection, T));
            assertEquals(
                    new LiveColumns(Map.of(), Map.of(), Set.of()),
                    LiveColumns.read(connection, QualifiedName.of("none")));
        }
    }

    @Test
    void readsInvisibleAndCompressedColumns() throws Exception {
        db.execute("CREATE TABLE t (id int PRIMARY KEY, note varchar(20) COMPRESSED INVISIBLE, body blob COMPRESSED,"
                + " n int INVISIBLE)");
        try (Connection connection = db.connect()) {
            assertEquals(
                    new LiveColumns(Map.of(), Map.of(), Set.of(), Set.of("note", "n"), Set.of("note", "body")),
                    LiveColumns.read(connection, T));
        }
    }

    @Test
    void modifyKeepsWhatTheMigrationDoesNotName() {
        MariaDbSql keeping = MariaDbSql.keeping(Map.of(T, LIVE));
        Column at = Column.of("at", "timestamp(0)").defaultValue("current_timestamp()");
        Column g = Column.of("g", "integer").generatedAs("`a` + 1");
        assertEquals(
                List.of(
                        "ALTER TABLE `t` MODIFY COLUMN `name` varchar(40) COLLATE latin1_swedish_ci NOT NULL",
                        "ALTER TABLE `t` MODIFY COLUMN `name` int NULL",
                        "ALTER TABLE `t` MODIFY COLUMN `code` char(3) COLLATE utf8mb4_bin NULL",
                        "ALTER TABLE `t` MODIFY COLUMN `at` timestamp(0) NULL DEFAULT current_timestamp()"
                                + " ON UPDATE current_timestamp()",
                        "ALTER TABLE `t` MODIFY COLUMN `at` varchar(30) NULL",
                        "ALTER TABLE `t` MODIFY COLUMN `g` bigint GENERATED ALWAYS AS (`a` + 1) VIRTUAL",
                        "ALTER TABLE `t` ADD COLUMN `at` timestamp(0) NULL DEFAULT current_timestamp()"),
                List.of(
                                new AlterColumn(
                                        T,
                                        Column.of("name", "varchar(20)"),
                                        Column.of("name", "varchar(40)").notNull()),
                                new AlterColumn(T, Column.of("name", "varchar(20)"), Column.of("name", "integer")),
                                new AlterColumn(
                                        T,
                                        Column.of("code", "char(3)"),
                                        Column.of("code", "char(3)").collate("utf8mb4_bin")),
                                new AlterColumn(T, at.notNull(), at),
                                new AlterColumn(T, at, Column.of("at", "varchar(30)")),
                                new AlterColumn(T, g, g.withType("bigint")),
                                new AddColumn(T, at))
                        .stream()
                        .flatMap(op -> keeping.statements(op).stream())
                        .toList());
        // an invisible column stays invisible; a compressed one compressed while it stays a string
        MariaDbSql hidden = MariaDbSql.keeping(
                Map.of(T, new LiveColumns(Map.of(), Map.of(), Set.of(), Set.of("note", "n"), Set.of("note"))));
        assertEquals(
                List.of(
                        "ALTER TABLE `t` MODIFY COLUMN `note` text COMPRESSED NOT NULL INVISIBLE",
                        "ALTER TABLE `t` MODIFY COLUMN `note` int NULL INVISIBLE",
                        "ALTER TABLE `t` MODIFY COLUMN `n` bigint NULL INVISIBLE"),
                List.of(
                                new AlterColumn(
                                        T,
                                        Column.of("note", "varchar(20)"),
                                        Column.of("note", "text").notNull()),
                                new AlterColumn(T, Column.of("note", "varchar(20)"), Column.of("note", "integer")),
                                new AlterColumn(T, Column.of("n", "integer"), Column.of("n", "bigint")))
                        .stream()
                        .flatMap(op -> hidden.statements(op).stream())
                        .toList());
        assertEquals(
                List.of("ALTER TABLE `t` MODIFY COLUMN `name` varchar(40) NOT NULL"),
                MariaDbSql.DIALECT.statements(new AlterColumn(
                        T,
                        Column.of("name", "varchar(20)"),
                        Column.of("name", "varchar(40)").notNull())));
    }
}
