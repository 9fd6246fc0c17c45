package dev.retort.mariadb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.retort.SqlDialect;
import dev.retort.fixtures.db.MariaDbTestDatabase;
import dev.retort.op.AddColumn;
import dev.retort.op.AlterColumn;
import dev.retort.op.ColumnChange;
import dev.retort.op.DropCheck;
import dev.retort.op.DropColumn;
import dev.retort.schema.CheckConstraint;
import dev.retort.schema.Column;
import dev.retort.schema.QualifiedName;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A script's {@code MODIFY COLUMN} ({@link MariaDbSql#readingAtRunTime}): the block it is, whole; run on the server it
 * leaves the columns exactly as the online statement ({@link MariaDbSql#keeping} with {@link LiveColumns#read}) does;
 * a statement that could lose nothing stays plain; and a collation or {@code ON UPDATE} of another shape than MariaDB's
 * in the catalog it reads signals, naming the column, instead of running as SQL.
 */
class ScriptColumnsTest {
    private static final QualifiedName T = QualifiedName.of("t");

    private static final String TABLE = """
            CREATE TABLE t (id int PRIMARY KEY, name varchar(20) COMPRESSED CHARACTER SET latin1 COMMENT 'it''s $$ a;',
              at timestamp NOT NULL DEFAULT current_timestamp() ON UPDATE current_timestamp(),
              price int INVISIBLE, doubled int GENERATED ALWAYS AS (price * 2) VIRTUAL) DEFAULT CHARSET=utf8mb4
            """;

    private static final Column AT = Column.of("at", "timestamp(0)").defaultValue("current_timestamp()");
    private static final Column DOUBLED = Column.of("doubled", "integer").generatedAs("`price` * 2");

    /** Each column changed, the table's column added: the comment as hostile as a comment gets. */
    private static final List<ColumnChange> CHANGES = List.of(
            new AlterColumn(
                    T,
                    Column.of("name", "varchar(20)").comment("it's $$ a;"),
                    Column.of("name", "varchar(40)").notNull().comment("it's $$ a'; DROP TABLE t; -- \\ END$$")),
            new AlterColumn(T, AT.notNull(), AT),
            new AlterColumn(T, Column.of("price", "integer"), Column.of("price", "bigint")),
            new AlterColumn(T, DOUBLED, DOUBLED.withType("bigint")),
            new AddColumn(T, Column.of("extra", "integer")));

    private static final String BLOCK = """
            BEGIN NOT ATOMIC
              -- what the live columns have and the migration does not name, read as an online run reads them
              DECLARE compressed_1 boolean;
              DECLARE collation_2 text;
              DECLARE invisible_3 boolean;
              DECLARE own_check_4 boolean;
              DECLARE on_update_5 text;
              DECLARE invisible_6 boolean;
              DECLARE own_check_7 boolean;
              DECLARE invisible_8 boolean;
              DECLARE own_check_9 boolean;
              DECLARE virtual_10 boolean;
              DECLARE invisible_11 boolean;
              DECLARE own_check_12 boolean;
              SELECT max(c.COLUMN_NAME = BINARY 'name' AND c.COLUMN_TYPE LIKE '%COMPRESSED%'),
                     max(IF(c.COLUMN_NAME = BINARY 'name' AND c.COLLATION_NAME <> t.TABLE_COLLATION, c.COLLATION_NAME, NULL)),
                     max(c.COLUMN_NAME = BINARY 'name' AND lower(c.EXTRA) LIKE '%invisible%'),
                     max(c.COLUMN_NAME = BINARY 'name' AND EXISTS (SELECT 1 FROM information_schema.CHECK_CONSTRAINTS k WHERE k.CONSTRAINT_SCHEMA = c.TABLE_SCHEMA AND k.TABLE_NAME = c.TABLE_NAME AND k.LEVEL = 'Column' AND (k.CONSTRAINT_NAME = c.COLUMN_NAME OR (NOT EXISTS (SELECT 1 FROM information_schema.COLUMNS o WHERE o.TABLE_SCHEMA = k.CONSTRAINT_SCHEMA AND o.TABLE_NAME = k.TABLE_NAME AND o.COLUMN_NAME = k.CONSTRAINT_NAME) AND locate(concat('`', replace(c.COLUMN_NAME, '`', '``'), '`'), k.CHECK_CLAUSE) > 0)))),
                     max(IF(c.COLUMN_NAME = BINARY 'at', nullif(regexp_substr(lower(c.EXTRA), '(?<=on update )[^ ]+'), ''), NULL)),
                     max(c.COLUMN_NAME = BINARY 'at' AND lower(c.EXTRA) LIKE '%invisible%'),
                     max(c.COLUMN_NAME = BINARY 'at' AND EXISTS (SELECT 1 FROM information_schema.CHECK_CONSTRAINTS k WHERE k.CONSTRAINT_SCHEMA = c.TABLE_SCHEMA AND k.TABLE_NAME = c.TABLE_NAME AND k.LEVEL = 'Column' AND (k.CONSTRAINT_NAME = c.COLUMN_NAME OR (NOT EXISTS (SELECT 1 FROM information_schema.COLUMNS o WHERE o.TABLE_SCHEMA = k.CONSTRAINT_SCHEMA AND o.TABLE_NAME = k.TABLE_NAME AND o.COLUMN_NAME = k.CONSTRAINT_NAME) AND locate(concat('`', replace(c.COLUMN_NAME, '`', '``'), '`'), k.CHECK_CLAUSE) > 0)))),
                     max(c.COLUMN_NAME = BINARY 'price' AND lower(c.EXTRA) LIKE '%invisible%'),
                     max(c.COLUMN_NAME = BINARY 'price' AND EXISTS (SELECT 1 FROM information_schema.CHECK_CONSTRAINTS k WHERE k.CONSTRAINT_SCHEMA = c.TABLE_SCHEMA AND k.TABLE_NAME = c.TABLE_NAME AND k.LEVEL = 'Column' AND (k.CONSTRAINT_NAME = c.COLUMN_NAME OR (NOT EXISTS (SELECT 1 FROM information_schema.COLUMNS o WHERE o.TABLE_SCHEMA = k.CONSTRAINT_SCHEMA AND o.TABLE_NAME = k.TABLE_NAME AND o.COLUMN_NAME = k.CONSTRAINT_NAME) AND locate(concat('`', replace(c.COLUMN_NAME, '`', '``'), '`'), k.CHECK_CLAUSE) > 0)))),
                     max(c.COLUMN_NAME = BINARY 'doubled' AND c.IS_GENERATED = 'ALWAYS' AND lower(c.EXTRA) LIKE '%virtual%'),
                     max(c.COLUMN_NAME = BINARY 'doubled' AND lower(c.EXTRA) LIKE '%invisible%'),
                     max(c.COLUMN_NAME = BINARY 'doubled' AND EXISTS (SELECT 1 FROM information_schema.CHECK_CONSTRAINTS k WHERE k.CONSTRAINT_SCHEMA = c.TABLE_SCHEMA AND k.TABLE_NAME = c.TABLE_NAME AND k.LEVEL = 'Column' AND (k.CONSTRAINT_NAME = c.COLUMN_NAME OR (NOT EXISTS (SELECT 1 FROM information_schema.COLUMNS o WHERE o.TABLE_SCHEMA = k.CONSTRAINT_SCHEMA AND o.TABLE_NAME = k.TABLE_NAME AND o.COLUMN_NAME = k.CONSTRAINT_NAME) AND locate(concat('`', replace(c.COLUMN_NAME, '`', '``'), '`'), k.CHECK_CLAUSE) > 0))))
                INTO compressed_1, collation_2, invisible_3, own_check_4, on_update_5, invisible_6, own_check_7, invisible_8, own_check_9, virtual_10, invisible_11, own_check_12
                FROM information_schema.COLUMNS c
                JOIN information_schema.TABLES t ON t.TABLE_SCHEMA = c.TABLE_SCHEMA AND t.TABLE_NAME = c.TABLE_NAME
                WHERE c.TABLE_SCHEMA = DATABASE() AND c.TABLE_NAME = 't';
              IF collation_2 NOT REGEXP BINARY '^[A-Za-z0-9_]+$' THEN
                SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'retort: column t.name: information_schema gives its collation as no name of letters, digits and underscores; this MODIFY COLUMN would lose it, so it did not run';
              END IF;
              IF own_check_4 THEN
                SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'retort: column t.name has its own check, which this MODIFY COLUMN would drop, so it did not run; drop the check before the change and add it again after (op.dropCheck, op.addCheck)';
              END IF;
              IF on_update_5 NOT REGEXP BINARY '^current_timestamp([(][0-9]?[)])?$' THEN
                SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'retort: column t.at: information_schema gives its ON UPDATE as other than current_timestamp(N); this MODIFY COLUMN would lose it, so it did not run';
              END IF;
              IF own_check_7 THEN
                SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'retort: column t.at has its own check, which this MODIFY COLUMN would drop, so it did not run; drop the check before the change and add it again after (op.dropCheck, op.addCheck)';
              END IF;
              IF own_check_9 THEN
                SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'retort: column t.price has its own check, which this MODIFY COLUMN would drop, so it did not run; drop the check before the change and add it again after (op.dropCheck, op.addCheck)';
              END IF;
              IF own_check_12 THEN
                SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'retort: column t.doubled has its own check, which this MODIFY COLUMN would drop, so it did not run; drop the check before the change and add it again after (op.dropCheck, op.addCheck)';
              END IF;
              EXECUTE IMMEDIATE concat(
                'ALTER TABLE `t`
                MODIFY COLUMN `name` varchar(40)',
                IF(compressed_1, ' COMPRESSED', ''),
                IF(collation_2 IS NULL, '', concat(' COLLATE ', collation_2)),
                ' NOT NULL',
                IF(invisible_3, ' INVISIBLE', ''),
                ' COMMENT ''it''''s $$ a''''; DROP TABLE t; -- \\\\\\\\ END$$'',
                MODIFY COLUMN `at` timestamp(0) NULL DEFAULT current_timestamp()',
                IF(on_update_5 IS NULL, '', concat(' ON UPDATE ', on_update_5)),
                IF(invisible_6, ' INVISIBLE', ''),
                ',
                MODIFY COLUMN `price` bigint NULL',
                IF(invisible_8, ' INVISIBLE', ''),
                ',
                MODIFY COLUMN `doubled` bigint GENERATED ALWAYS AS (`price` * 2) ',
                IF(virtual_10, 'VIRTUAL', 'STORED'),
                IF(invisible_11, ' INVISIBLE', ''),
                ',
                ADD COLUMN `extra` int NULL');
            END""";

    @RegisterExtension
    final MariaDbTestDatabase db = new MariaDbTestDatabase(2);

    @Test
    void aModifyThatCouldLoseWhatTheLiveColumnHasIsABlockThatReadsIt() {
        assertEquals(List.of(BLOCK), MariaDbSql.readingAtRunTime().alterTable(CHANGES));
    }

    @Test
    void aStatementThatCouldLoseNothingStaysAsItIs() {
        // any MODIFY could lose INVISIBLE; an ADD or DROP keeps what the other columns have
        List<ColumnChange> plain = List.of(
                new AddColumn(T, Column.of("extra", "integer")), new DropColumn(T, Column.of("price", "integer")));
        for (ColumnChange change : plain)
            assertEquals(
                    MariaDbSql.DIALECT.alterTable(List.of(change)),
                    MariaDbSql.readingAtRunTime().alterTable(List.of(change)));
    }

    @Test
    void theBlockLeavesTheColumnsAsTheOnlineStatementDoes() throws SQLException {
        db.execute(0, TABLE);
        db.execute(1, TABLE);
        try (Connection online = db.connect(0);
                Statement st = online.createStatement()) {
            List<String> keeping =
                    MariaDbSql.keeping(Map.of(T, LiveColumns.read(online, T))).alterTable(CHANGES);
            assertEquals(1, keeping.size());
            st.execute(keeping.get(0));
        }
        run(1, script());
        assertEquals(columns(0), columns(1));
        assertTrue(
                columns(1)
                        .contains("name | varchar(40) /*M!100301 COMPRESSED*/ | NO | '' |  | latin1_swedish_ci | it's"
                                + " $$ a'; DROP TABLE t; -- \\ END$$"),
                columns(1)::toString);
        assertTrue(columns(1).contains("price | bigint(20) | YES | NULL | INVISIBLE | null | "), columns(1)::toString);
    }

    @Test
    void aCollationOrOnUpdateOfAnotherShapeInTheCatalogSignalsInsteadOfRunning() throws SQLException {
        db.execute(TABLE);
        db.execute("CREATE TABLE hostile_columns AS SELECT * FROM information_schema.COLUMNS"
                + " WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 't'");
        db.execute("ALTER TABLE hostile_columns MODIFY COLLATION_NAME varchar(500), MODIFY EXTRA varchar(500)");
        String before = String.join("\n", columns(0));
        String hostile = script().replace("information_schema.COLUMNS", "hostile_columns");

        // each would add a column, unchecked: ... COLLATE latin1_bin, ADD COLUMN injected int NOT NULL COMMENT ...
        db.execute("UPDATE hostile_columns SET COLLATION_NAME = 'latin1_bin, ADD COLUMN injected int'"
                + " WHERE COLUMN_NAME = 'name'");
        SQLException collation = assertThrows(SQLException.class, () -> run(0, hostile));
        assertTrue(
                collation
                        .getMessage()
                        .contains("retort: column t.name: information_schema gives its collation as no"
                                + " name of letters, digits and underscores; this MODIFY COLUMN would lose it, so it did not"
                                + " run"),
                collation::getMessage);
        assertEquals(before, String.join("\n", columns(0)));

        db.execute("UPDATE hostile_columns SET COLLATION_NAME = 'latin1_bin' WHERE COLUMN_NAME = 'name'");
        db.execute("UPDATE hostile_columns SET EXTRA = 'on update current_timestamp(),ADD/**/COLUMN/**/injected/**/int'"
                + " WHERE COLUMN_NAME = 'at'");
        SQLException onUpdate = assertThrows(SQLException.class, () -> run(0, hostile));
        assertTrue(
                onUpdate.getMessage()
                        .contains("retort: column t.at: information_schema gives its ON UPDATE as other"
                                + " than current_timestamp(N); this MODIFY COLUMN would lose it, so it did not run"),
                onUpdate::getMessage);
        assertEquals(before, String.join("\n", columns(0)));
    }

    /**
     * A column with its own check (a column-level one, as Hibernate writes it), which any MODIFY drops: the block stops
     * before the statement, naming the column, unless the migration drops the check itself.
     */
    @Test
    void aModifyThatWouldDropTheColumnsOwnCheckStopsUnlessTheMigrationDropsIt() throws SQLException {
        db.execute("CREATE TABLE t (id int PRIMARY KEY, price int CHECK (price > 0))");
        AlterColumn wider = new AlterColumn(T, Column.of("price", "integer"), Column.of("price", "bigint"));
        String block = MariaDbSql.readingAtRunTime().alterTable(List.of(wider)).get(0);
        SQLException stopped = assertThrows(SQLException.class, () -> run(0, block));
        assertTrue(
                stopped.getMessage()
                        .contains("retort: column t.price has its own check, which this MODIFY COLUMN would drop, so it"
                                + " did not run"),
                stopped::getMessage);
        assertEquals("price | int(11) | YES | NULL |  | null | ", columns(0).get(1));

        DropCheck drop = new DropCheck(T, new CheckConstraint("price", "`price` > 0", "`price` > 0", true, true));
        SqlDialect migration = MariaDbSql.readingAtRunTime().within(List.of(drop, wider));
        List<String> sql = new ArrayList<>(migration.statements(drop));
        sql.addAll(migration.alterTable(List.of(wider)));
        for (String statement : sql) run(0, statement);
        assertEquals("price | bigint(20) | YES | NULL |  | null | ", columns(0).get(1));

        // a column renamed since its check was made, which MariaDB still names after the old name
        db.execute("DROP TABLE t");
        db.execute("CREATE TABLE t (id int PRIMARY KEY, cost int CHECK (cost > 0))");
        db.execute("ALTER TABLE t RENAME COLUMN cost TO price");
        SQLException renamed = assertThrows(SQLException.class, () -> run(0, block));
        assertTrue(renamed.getMessage().contains("retort: column t.price has its own check"), renamed::getMessage);
        assertEquals("price | int(11) | YES | NULL |  | null | ", columns(0).get(1));
    }

    /** The block of {@link #CHANGES}, as a script runs it. */
    private static String script() {
        List<String> sql = MariaDbSql.readingAtRunTime().alterTable(CHANGES);
        assertEquals(1, sql.size());
        return sql.get(0);
    }

    private void run(int index, String sql) throws SQLException {
        try (Connection c = db.connect(index);
                Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }

    /** Each column of t: name, type, nullable, default, extra, collation, comment. */
    private List<String> columns(int index) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection c = db.connect(index);
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT column_name, column_type, is_nullable, column_default, extra,"
                        + " collation_name, column_comment FROM information_schema.columns"
                        + " WHERE table_schema = DATABASE() AND table_name = 't' ORDER BY ordinal_position")) {
            while (rs.next()) {
                List<String> values = new ArrayList<>();
                for (int i = 1; i <= 7; i++) values.add(String.valueOf(rs.getString(i)));
                rows.add(String.join(" | ", values));
            }
        }
        return rows;
    }
}
