package dev.retort.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.retort.fixtures.db.MariaDbTestDatabase;
import dev.retort.mariadb.MariaDbCatalog;
import dev.retort.mariadb.MariaDbDiff;
import dev.retort.mariadb.MariaDbIntrospector;
import dev.retort.mariadb.MySqlExistence;
import dev.retort.schema.QualifiedName;
import dev.retort.schema.Table;
import dev.retort.schema.TableFilter;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code retort diff} between two MariaDB databases: the Alembic checklist scenarios that apply to
 * MariaDB, each with the operations it must list (written before the run) and its round trip (up through
 * {@code diff --sql}, re-diffed to nothing, down through the reverse plan), and what is refused.
 *
 * <p>The checklist items that do not apply to MariaDB, and why: schemas (11; a MariaDB URL names its one
 * database), {@code NULLS NOT DISTINCT}, {@code EXCLUDE}, expression, partial and covering indexes and
 * {@code NULLS FIRST/LAST} (7, 8; MariaDB 10.11 has none of them, and the renderer refuses them), {@code
 * DEFERRABLE} and {@code NOT VALID} foreign keys (9), {@code timestamptz}, {@code USING} casts, named enum
 * types and {@code ADD VALUE} (3, 12; MariaDB's {@code ENUM} is a column type, compared by its labels),
 * identity options and serial {@code nextval} defaults (4, 5; {@code AUTO_INCREMENT} has no options),
 * PostgreSQL's system columns (2), and a generated expression that cannot be altered (5: MariaDB's {@code
 * MODIFY} can, so the change is applied).
 */
class MariaDbDiffTest {
    @RegisterExtension
    final MariaDbTestDatabase db = server();

    /** The server the two databases are made on. */
    MariaDbTestDatabase server() {
        return new MariaDbTestDatabase(2);
    }

    /** Whether {@link #server} is MySQL, where a few inputs are spelled as MySQL takes them. */
    boolean onMySql() {
        return false;
    }

    /**
     * What the server shows, MariaDB's or MySQL's: MySQL puts each comparison of a check and a generated expression in
     * parentheses and marks a string of an expression default with its character set.
     */
    String shown(String mariadb, String mysql) {
        return onMySql() ? mysql : mariadb;
    }

    /** The first line of a {@code diff --sql} script. */
    private String scriptHead() {
        return "-- " + shown("MariaDB", "MySQL")
                + " commits each statement: if one fails, those above it stay applied\n";
    }

    @TempDir
    Path workDir;

    private Cli.Result diff(String... extra) {
        List<String> args = new ArrayList<>(List.of("diff", "--from", db.url(0), "--to", db.url(1)));
        args.addAll(Arrays.asList(extra));
        return new Cli(workDir).run(args.toArray(String[]::new));
    }

    /** The operation lines, sorted (the plan's order is the differ's, tested on PostgreSQL), hazards left out. */
    private static List<String> operations(Cli.Result result) {
        return result.out().lines().filter(l -> !l.startsWith("  ")).sorted().toList();
    }

    private static List<String> sorted(String... lines) {
        return Arrays.stream(lines).sorted().toList();
    }

    @Test
    void scenario1ReferenceModel() throws Exception {
        db.execute(0, """
                CREATE TABLE user (id int PRIMARY KEY, name varchar(50), a1 text, pw varchar(50), KEY pw_idx (pw));
                CREATE TABLE address (id int PRIMARY KEY, email varchar(100) NOT NULL);
                CREATE TABLE `order` (order_id int PRIMARY KEY, amount numeric(8,2) NOT NULL DEFAULT 0,
                  CONSTRAINT ck_order_amount CHECK (amount >= 0));
                CREATE TABLE extra (x char(1), uid int, CONSTRAINT extra_uid_fk FOREIGN KEY (uid) REFERENCES user (id))
                """);
        db.execute(1, """
                CREATE TABLE user (id int PRIMARY KEY, name varchar(50) NOT NULL, a1 text DEFAULT %s);
                CREATE TABLE address (id int PRIMARY KEY, email varchar(100) NOT NULL, street varchar(50),
                  CONSTRAINT uq_email UNIQUE (email));
                CREATE TABLE `order` (order_id int PRIMARY KEY, amount numeric(10,2) NULL DEFAULT 0, user_id int,
                  CONSTRAINT ck_order_amount CHECK (amount >= 0 AND amount < 1000000),
                  CONSTRAINT order_user_fk FOREIGN KEY (user_id) REFERENCES user (id));
                CREATE TABLE item (id int PRIMARY KEY, description varchar(100), order_id int,
                  CONSTRAINT item_order_fk FOREIGN KEY (order_id) REFERENCES `order` (order_id), CHECK (order_id > 1))
                """.formatted(onMySql() ? "('x')" : "'x'"));
        Cli.Result result = diff();
        assertEquals(ExitCode.FOUND, result.code(), result::toString);
        assertEquals(
                sorted(
                        "add table item",
                        // a created table's foreign keys and indexes are operations of their own, and a dropped one's
                        "add foreign key item (order_id) -> order (order_id)",
                        "add index item (order_id)",
                        "drop table extra",
                        "drop foreign key extra (uid) -> user (id)",
                        "drop index extra (uid)",
                        "add column address.street varchar(50)",
                        "add unique address (email)",
                        "add column order.user_id integer",
                        "alter column order.amount: type numeric(8,2) -> numeric(10,2), NOT NULL -> nullable",
                        "drop check order " + shown("`amount` >= 0", "(`amount` >= 0)"),
                        "add check order "
                                + shown(
                                        "`amount` >= 0 and `amount` < 1000000",
                                        "((`amount` >= 0) and (`amount` < 1000000))"),
                        "add foreign key order (user_id) -> user (id)",
                        // MariaDB indexes a foreign key's columns itself, under the key's name
                        "add index order (user_id)",
                        "alter column user.name: nullable -> NOT NULL",
                        "alter column user.a1: default none -> " + shown("'x'", "_utf8mb4'x'"),
                        "drop index user (pw)",
                        "drop column user.pw"),
                operations(result),
                result::toString);
        roundTrip();
    }

    @Test
    void noDifferencesBetweenEqualDatabasesOfEveryCommonType() throws Exception {
        String ddl = """
                CREATE TABLE t (id bigint NOT NULL AUTO_INCREMENT PRIMARY KEY, i int, c char(1), v varchar(32), x text,
                  f float, d double, n numeric(10,2), dc decimal(5), ts timestamp NULL, dt datetime(3), dd date,
                  b boolean, s smallint, bl blob, j json, mood enum('sad','happy') DEFAULT 'happy', tags set('a','b'),
                  u int unsigned DEFAULT 7, at datetime DEFAULT current_timestamp() ON UPDATE current_timestamp(),
                  g int AS (i * 2) VIRTUAL, note varchar(10) DEFAULT 'it''s', UNIQUE KEY t_v (v), KEY t_x (x(10)),
                  FULLTEXT KEY t_ft (x), CONSTRAINT t_i CHECK (i > 0)) ENGINE=InnoDB COMMENT 'the table'
                """ + (onMySql() ? "" : ";\nCREATE SEQUENCE seq START WITH 5");
        db.execute(0, ddl);
        db.execute(1, ddl);
        assertEquals(new Cli.Result(ExitCode.OK, "No differences.\n", ""), diff());
    }

    @Test
    void typeChangesAndNoDiffGuards() throws Exception {
        db.execute(0, """
                CREATE TABLE t (a varchar(30), b varchar(30), c int, d int, e numeric(10,5), f int(11), g tinyint(1),
                  h timestamp NULL, i enum('a','b'), k int)
                """);
        db.execute(1, """
                CREATE TABLE t (a varchar(30), b varchar(40), c bigint, d int unsigned, e numeric(10,6), f int(5),
                  g boolean, h datetime NULL, i enum('a','b','c'), k int)
                """);
        Cli.Result result = diff();
        assertEquals(ExitCode.FOUND, result.code(), result::toString);
        assertEquals(
                sorted(
                        "alter column t.b: type varchar(30) -> varchar(40)",
                        "alter column t.c: type integer -> bigint",
                        "alter column t.d: type integer -> int unsigned",
                        "alter column t.e: type numeric(10,5) -> numeric(10,6)",
                        "alter column t.h: type timestamp(0) -> datetime(0)",
                        "alter column t.i: type enum('a','b') -> enum('a','b','c')"),
                operations(result),
                result::toString);
        roundTrip();
    }

    @Test
    void defaultsChangesAndSameDefaults() throws Exception {
        db.execute(0, """
                CREATE TABLE t (a varchar(40) DEFAULT 'some default', b int DEFAULT 15, c varchar(40) DEFAULT 'a//b',
                  d varchar(10) DEFAULT NULL, e varchar(10) DEFAULT 'NULL', f int DEFAULT '15', g datetime DEFAULT now())
                """);
        db.execute(1, """
                CREATE TABLE t (a varchar(40) DEFAULT 'some new default', b int DEFAULT 20, c varchar(40) DEFAULT 'a//c',
                  d varchar(10), e varchar(10) DEFAULT NULL, f int DEFAULT 15, g datetime DEFAULT current_timestamp())
                """);
        Cli.Result result = diff();
        assertEquals(ExitCode.FOUND, result.code(), result::toString);
        assertEquals(
                sorted(
                        "alter column t.a: default 'some default' -> 'some new default'",
                        "alter column t.b: default 15 -> 20",
                        "alter column t.c: default 'a//b' -> 'a//c'",
                        "alter column t.e: default 'NULL' -> none"),
                operations(result),
                result::toString);
        roundTrip();
    }

    @Test
    void tablesFiltersAndTheVersionTable() throws Exception {
        db.execute(0, "CREATE TABLE keep_a (id int PRIMARY KEY);\nCREATE TABLE skip_me (id int)");
        db.execute(1, """
                CREATE TABLE keep_b (id int PRIMARY KEY, parent int, CONSTRAINT keep_b_fk FOREIGN KEY (parent) REFERENCES keep_b (id));
                CREATE TABLE retort_version (version_num varchar(32) PRIMARY KEY)
                """);
        String[] keepB = {
            "add table keep_b", "add foreign key keep_b (parent) -> keep_b (id)", "add index keep_b (parent)"
        };
        List<String> all = new ArrayList<>(List.of(keepB));
        all.add("drop table keep_a");
        assertEquals(sorted(all.toArray(String[]::new)), operations(diff("--exclude-table", "skip_*")));
        all.add("drop table skip_me");
        assertEquals(sorted(all.toArray(String[]::new)), operations(diff()));
        assertEquals(sorted(keepB), operations(diff("--include-table", "keep_b")));
    }

    @Test
    void whatOnlyMariaDbKeepsIsListedAfterTheOperations() throws Exception {
        db.execute(0, """
                CREATE TABLE t (id int PRIMARY KEY, at datetime ON UPDATE current_timestamp(), q int,
                  g int AS (q + 1) VIRTUAL, note varchar(100), KEY t_note (note(10))) ENGINE=MyISAM DEFAULT CHARSET=latin1
                """);
        db.execute(1, """
                CREATE TABLE t (id int PRIMARY KEY, at datetime, q int,
                  g int AS (q + 1) STORED, note varchar(100), KEY t_note (note(20)))
                  ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin
                """);
        Cli.Result result = diff();
        assertEquals(ExitCode.FOUND, result.code(), result::toString);
        assertEquals(
                String.join(
                        "\n",
                        "alter table options t: engine MyISAM -> InnoDB",
                        "alter table options t: charset latin1 -> utf8mb4",
                        "alter table options t: collation latin1_swedish_ci -> utf8mb4_bin",
                        "alter column t.at: on update current_timestamp() -> none",
                        "alter column t.g: generated virtual -> stored",
                        "alter index t.t_note: key prefix lengths (10) -> (20)",
                        ""),
                result.out());
        // the README's example lines are these
        if (!onMySql()) assertReadmeLines(result);
        roundTrip();
    }

    private static void assertReadmeLines(Cli.Result result) throws Exception {
        String readme = ReadmeTest.section("## MariaDB (in progress)");
        // the section's first block (the migrations' error example follows it)
        int open = readme.indexOf("  ```\n") + 6;
        String block = readme.substring(open, readme.indexOf("  ```\n", open));
        assertEquals(4, block.lines().count(), block);
        for (String line : block.lines().map(String::strip).toList())
            assertEquals(true, result.out().contains(line + "\n"), line);
    }

    /** Checklist 5 to 10 on MariaDB: generated columns, comments, uniques, indexes, foreign key actions, checks. */
    @Test
    void scenarios5To10CommentsKeysIndexesForeignKeysAndChecks() throws Exception {
        db.execute(0, """
                CREATE TABLE p (id int NOT NULL PRIMARY KEY, code varchar(10) NOT NULL, a int, b int, KEY p_a (a),
                  KEY p_ab (a, b), UNIQUE KEY p_code (code)) COMMENT 'parents';
                CREATE TABLE c (id int NOT NULL PRIMARY KEY, pid int, note varchar(20) COMMENT 'old',
                  g int AS (id + 1) STORED, KEY c_pid (pid),
                  CONSTRAINT c_p FOREIGN KEY (pid) REFERENCES p (id) ON DELETE CASCADE, CONSTRAINT c_id CHECK (id > 0))
                """);
        db.execute(1, """
                CREATE TABLE p (id int NOT NULL PRIMARY KEY, code varchar(10) NOT NULL, a int, b int, KEY p_ab (b, a),
                  UNIQUE KEY p_a (a)) COMMENT 'it''s parents';
                CREATE TABLE c (id int NOT NULL PRIMARY KEY, pid int, note varchar(20) COMMENT 'new \\\\ note',
                  g int AS (id + 1) STORED, h int AS (id * 2) STORED, KEY c_pid (pid),
                  CONSTRAINT c_p FOREIGN KEY (pid) REFERENCES p (id) ON DELETE SET NULL ON UPDATE CASCADE,
                  CONSTRAINT c_id2 CHECK (id > 1));
                CREATE TABLE n (id bigint NOT NULL AUTO_INCREMENT PRIMARY KEY, label varchar(5) COMMENT 'a ''label''')
                  COMMENT 'new'
                """);
        Cli.Result result = diff();
        assertEquals(ExitCode.FOUND, result.code(), result::toString);
        assertEquals(
                sorted(
                        "alter table comment p: 'parents' -> 'it's parents'",
                        "drop index p (a)",
                        "add unique p (a)",
                        "drop unique p (code)",
                        "drop index p (a, b)",
                        "add index p (b, a)",
                        "alter column c.note: comment 'old' -> 'new \\ note'",
                        "add column c.h integer generated as " + shown("(`id` * 2)", "((`id` * 2))"),
                        "drop foreign key c (pid) -> p (id) on delete cascade",
                        "add foreign key c (pid) -> p (id) on delete set null on update cascade",
                        "drop check c " + shown("`id` > 0", "(`id` > 0)"),
                        "add check c " + shown("`id` > 1", "(`id` > 1)"),
                        "add table n"),
                operations(result),
                result::toString);
        roundTrip();
    }

    @Test
    void sqlAndJsonCarryMariaDbStatements() throws Exception {
        db.execute(0, "CREATE TABLE t (id int PRIMARY KEY)");
        db.execute(1, "CREATE TABLE t (id int PRIMARY KEY, note varchar(20) COMMENT 'it''s \\\\ here') COMMENT 'new'");
        String add = "ALTER TABLE `t` ADD COLUMN `note` varchar(20) NULL COMMENT 'it''s \\\\ here'";
        assertEquals(
                new Cli.Result(ExitCode.FOUND, scriptHead() + "ALTER TABLE `t` COMMENT='new';\n" + add + ";\n", ""),
                diff("--sql"));
        Cli.Result json = diff("--format", "json");
        assertEquals(ExitCode.FOUND, json.code(), json::toString);
        for (String expected : List.of(
                "\"kind\": \"add-column\"",
                "\"schema\": \"" + db.name(0) + "\"",
                "\"outsideTransaction\": false",
                "\"" + add.replace("\\", "\\\\") + "\"",
                "\"details\": []")) assertEquals(true, json.out().contains(expected), expected + " in " + json.out());
        roundTrip();
    }

    @Test
    void whatMariaDbDiffCannotDoIsRefusedInOneLine() {
        String pg = "jdbc:postgresql://127.0.0.1:5432/postgres";
        assertEquals(
                new Cli.Result(
                        ExitCode.ERROR,
                        "",
                        "error: diff --schema/--exclude-schema: a MariaDB URL names its one database; compare another with another URL\n"),
                diff("--schema", "x"));
        Cli.Result mixed = new Cli(workDir).run("diff", "--from", db.url(0), "--to", pg);
        assertEquals(
                new Cli.Result(
                        ExitCode.ERROR,
                        "",
                        "error: diff compares two databases of one kind: --from is MariaDB and --to is PostgreSQL\n"),
                mixed);
    }

    /**
     * A surrogate key added to a table that has rows, and taken away again: MariaDB refuses an {@code AUTO_INCREMENT}
     * column that is not a key (error 1075), so the column and its primary key are one statement each way, and the
     * rows there are numbered.
     */
    @Test
    void anIdentityColumnAndItsPrimaryKeyAreAddedAndDroppedTogether() throws Exception {
        db.execute(0, """
                CREATE TABLE t (code varchar(10) NOT NULL, n int);
                INSERT INTO t VALUES ('x', 1), ('y', 2);
                """);
        db.execute(
                1, "CREATE TABLE t (code varchar(10) NOT NULL, n int, id bigint NOT NULL AUTO_INCREMENT PRIMARY KEY)");
        Cli.Result script = diff("--sql");
        assertEquals(
                true,
                script.out()
                        .contains("ALTER TABLE `t` ADD COLUMN `id` bigint NOT NULL AUTO_INCREMENT, ADD PRIMARY KEY"
                                + " (`id`);\n"),
                script.out());
        assertEquals(false, script.out().contains("ALTER TABLE `t` ADD PRIMARY KEY"), script.out());
        roundTrip();
    }

    /**
     * Every id of a parent and its child's key column from {@code int unsigned} to {@code bigint}, with rows: MariaDB
     * refuses to change the type of a column a foreign key uses (errors 1832, 1833), so the key is dropped before
     * the type changes and added again after them, under its name, both ways.
     */
    @Test
    void aForeignKeyIsDroppedAndAddedAgainAroundTheTypeChangesOfItsColumns() throws Exception {
        db.execute(0, """
                CREATE TABLE p (id int unsigned NOT NULL PRIMARY KEY);
                CREATE TABLE c (id int unsigned NOT NULL PRIMARY KEY, p_id int unsigned,
                  CONSTRAINT c_p FOREIGN KEY (p_id) REFERENCES p (id));
                INSERT INTO p VALUES (1), (2);
                INSERT INTO c VALUES (10, 1), (11, 2), (12, NULL);
                """);
        db.execute(1, """
                CREATE TABLE p (id bigint NOT NULL PRIMARY KEY);
                CREATE TABLE c (id int NOT NULL PRIMARY KEY, p_id bigint, CONSTRAINT c_p FOREIGN KEY (p_id) REFERENCES p (id))
                """);
        Cli.Result result = diff();
        assertEquals(
                sorted(
                        "drop foreign key c (p_id) -> p (id)",
                        "alter column c.id: type int unsigned -> integer",
                        "alter column c.p_id: type int unsigned -> bigint",
                        "alter column p.id: type int unsigned -> bigint",
                        "add foreign key c (p_id) -> p (id)"),
                operations(result),
                result::toString);
        String script = scriptHead()
                + shown("ALTER TABLE `c` DROP FOREIGN KEY `c_p`, DROP INDEX IF EXISTS `c_p`;\n", """
                        -- MySQL has no IF EXISTS here: the statement below is made from what its table has when it runs
                        SET @retort_statement = CONCAT_WS(', ', 'DROP FOREIGN KEY `c_p`', IF(EXISTS (SELECT 1 FROM \
                        information_schema.STATISTICS WHERE TABLE_SCHEMA = COALESCE(NULL, DATABASE()) AND TABLE_NAME = \
                        'c' AND INDEX_NAME = 'c_p'), 'DROP INDEX `c_p`', NULL));
                        SET @retort_statement = IF(@retort_statement = '', 'DO 0', CONCAT('ALTER TABLE `c` ', \
                        @retort_statement));
                        PREPARE retort_statement FROM @retort_statement;
                        EXECUTE retort_statement;
                        DEALLOCATE PREPARE retort_statement;
                        """)
                + "ALTER TABLE `c`\n    MODIFY COLUMN `id` int NOT NULL,\n    MODIFY COLUMN `p_id` bigint NULL;\n"
                + "ALTER TABLE `p` MODIFY COLUMN `id` bigint NOT NULL;\n"
                + "ALTER TABLE `c` ADD CONSTRAINT `c_p` FOREIGN KEY (`p_id`) REFERENCES `p` (`id`)"
                + " ON DELETE NO ACTION ON UPDATE NO ACTION;\n";
        Cli.Result sql = diff("--sql");
        assertEquals(
                script,
                sql.out()
                        .lines()
                        .filter(l -> !l.startsWith("-- HAZARD"))
                        .map(l -> l + "\n")
                        .collect(Collectors.joining()),
                sql::toString);
        roundTrip();
    }

    /**
     * Both ends of a key given another collation, with rows: MariaDB refuses that while the key is there too (error
     * 1832, 1833: a key joins strings of one collation), so the key is dropped and added again around it, as for a
     * type change.
     */
    @Test
    void aForeignKeyIsDroppedAndAddedAgainAroundTheCollationChangesOfItsColumns() throws Exception {
        db.execute(0, """
                CREATE TABLE p (code varchar(10) COLLATE utf8mb4_general_ci NOT NULL PRIMARY KEY)
                  DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci;
                CREATE TABLE c (id int NOT NULL PRIMARY KEY, p_code varchar(10) COLLATE utf8mb4_general_ci,
                  CONSTRAINT c_p FOREIGN KEY (p_code) REFERENCES p (code))
                  DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci;
                INSERT INTO p VALUES ('a'), ('B');
                INSERT INTO c VALUES (1, 'a'), (2, 'B'), (3, NULL);
                """);
        db.execute(1, """
                CREATE TABLE p (code varchar(10) COLLATE utf8mb4_bin NOT NULL PRIMARY KEY)
                  DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci;
                CREATE TABLE c (id int NOT NULL PRIMARY KEY, p_code varchar(10) COLLATE utf8mb4_bin,
                  CONSTRAINT c_p FOREIGN KEY (p_code) REFERENCES p (code))
                  DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci;
                """);
        Cli.Result result = diff();
        assertEquals(
                sorted(
                        "drop foreign key c (p_code) -> p (code)",
                        "alter column c.p_code: collation default -> utf8mb4_bin",
                        "alter column p.code: collation default -> utf8mb4_bin",
                        "add foreign key c (p_code) -> p (code)"),
                operations(result),
                result::toString);
        roundTrip();
    }

    /**
     * One end only changing: a referenced {@code varchar} made longer, and, of another key, the referencing one (MariaDB
     * lets a key join strings of different lengths, not change either while the key is there).
     */
    @Test
    void aForeignKeyIsAddedAgainWhenOnlyOneOfItsEndsChangesType() throws Exception {
        db.execute(0, """
                CREATE TABLE p (id int NOT NULL PRIMARY KEY, code varchar(10) NOT NULL, UNIQUE KEY p_code (code));
                CREATE TABLE q (code varchar(10) NOT NULL PRIMARY KEY);
                CREATE TABLE c (id int NOT NULL PRIMARY KEY, p_code varchar(10), q_code varchar(10),
                  CONSTRAINT c_p FOREIGN KEY (p_code) REFERENCES p (code),
                  CONSTRAINT c_q FOREIGN KEY (q_code) REFERENCES q (code));
                INSERT INTO p VALUES (1, 'a');
                INSERT INTO q VALUES ('b');
                INSERT INTO c VALUES (1, 'a', 'b');
                """);
        db.execute(1, """
                CREATE TABLE p (id int NOT NULL PRIMARY KEY, code varchar(20) NOT NULL, UNIQUE KEY p_code (code));
                CREATE TABLE q (code varchar(10) NOT NULL PRIMARY KEY);
                CREATE TABLE c (id int NOT NULL PRIMARY KEY, p_code varchar(10), q_code varchar(30),
                  CONSTRAINT c_p FOREIGN KEY (p_code) REFERENCES p (code),
                  CONSTRAINT c_q FOREIGN KEY (q_code) REFERENCES q (code))
                """);
        Cli.Result result = diff();
        assertEquals(
                sorted(
                        "drop foreign key c (p_code) -> p (code)",
                        "drop foreign key c (q_code) -> q (code)",
                        "alter column p.code: type varchar(10) -> varchar(20)",
                        "alter column c.q_code: type varchar(10) -> varchar(30)",
                        "add foreign key c (p_code) -> p (code)",
                        "add foreign key c (q_code) -> q (code)"),
                operations(result),
                result::toString);
        roundTrip();
    }

    /**
     * genie's {@code jobs_configs} on its MySQL schema: the key to {@code f} uses the index the migration made for it
     * ({@code jc_f_index}), which the target drops as its new primary key starts with the key's column. MariaDB refuses
     * to drop an index a key needs (error 1553) before that primary key exists, so the key is dropped first and added
     * again last, both ways; a key another index serves stays.
     */
    @Test
    void aForeignKeyIsDroppedAndAddedAgainAroundTheDropOfTheIndexItNeeds() throws Exception {
        String parents =
                "CREATE TABLE f (id int NOT NULL PRIMARY KEY);\nCREATE TABLE j (id int NOT NULL PRIMARY KEY);\n"
                        + "INSERT INTO f VALUES (1), (2);\nINSERT INTO j VALUES (7);\n";
        db.execute(0, parents + """
                CREATE TABLE jc (j_id int NOT NULL, f_id int NOT NULL, PRIMARY KEY (j_id, f_id),
                  KEY jc_f_index (f_id), KEY jc_j_index (j_id),
                  CONSTRAINT jc_f FOREIGN KEY (f_id) REFERENCES f (id),
                  CONSTRAINT jc_j FOREIGN KEY (j_id) REFERENCES j (id));
                INSERT INTO jc VALUES (7, 1), (7, 2);
                """);
        db.execute(1, parents + """
                CREATE TABLE jc (j_id int NOT NULL, f_id int NOT NULL, PRIMARY KEY (f_id, j_id),
                  KEY jc_j_index (j_id),
                  CONSTRAINT jc_f FOREIGN KEY (f_id) REFERENCES f (id),
                  CONSTRAINT jc_j FOREIGN KEY (j_id) REFERENCES j (id))
                """);
        Cli.Result result = diff();
        assertEquals(
                sorted(
                        "drop foreign key jc (f_id) -> f (id)",
                        "drop index jc (f_id)",
                        "drop primary key jc (j_id, f_id)",
                        "add primary key jc (f_id, j_id)",
                        "add foreign key jc (f_id) -> f (id)"),
                operations(result),
                result::toString);
        roundTrip();
    }

    /**
     * Column-level checks ({@code q int CHECK (q > 0)}, as Hibernate writes them), which MariaDB drops only with their
     * column's {@code MODIFY}: one dropped (its column rewritten as it is), one kept across a type change (dropped
     * before and added again after, as any MODIFY would lose it), one untouched; with rows, both ways.
     */
    @Test
    void columnLevelChecksAreDroppedByTheirColumnsModifyAndKeptAcrossATypeChange() throws Exception {
        db.execute(0, """
                CREATE TABLE t (id int PRIMARY KEY, q int CHECK (q > 0), r int CHECK (r < 10), s int CHECK (s <> 3));
                INSERT INTO t VALUES (1, 1, 2, 4);
                """);
        db.execute(1, "CREATE TABLE t (id int PRIMARY KEY, q int, r bigint CHECK (r < 10), s int CHECK (s <> 3))");
        Cli.Result result = diff();
        assertEquals(
                sorted(
                        "drop check t `q` > 0",
                        "alter column t.q: type and default set again as they are (a comparison hook finds a"
                                + " difference, or on MariaDB the column's own check is to go)",
                        "drop check t `r` < 10",
                        "alter column t.r: type integer -> bigint",
                        "add check t `r` < 10"),
                operations(result),
                result::toString);
        Cli.Result sql = diff("--sql");
        assertTrue(sql.out().contains("ALTER TABLE `t` DROP CONSTRAINT IF EXISTS `q`;\n"), sql::toString);
        roundTrip();
        // down again, each check holds as before: the dropped one added back, the kept one still there
        for (String row : List.of("(2, -5, 3, 4)", "(3, 1, 11, 4)", "(4, 1, 3, 3)"))
            assertThrows(SQLException.class, () -> db.execute(0, "INSERT INTO t VALUES " + row), row);
    }

    /** A json column's json_valid is its own check: a change of the column keeps it (a MODIFY alone would lose it). */
    @Test
    void aJsonColumnKeepsItsValidityCheckWhenItChanges() throws Exception {
        db.execute(0, "CREATE TABLE t (id int PRIMARY KEY, js json COMMENT 'old');\nINSERT INTO t VALUES (1, '{}');\n");
        db.execute(1, "CREATE TABLE t (id int PRIMARY KEY, js json NOT NULL COMMENT 'new')");
        Cli.Result result = diff();
        assertEquals(
                sorted(
                        "drop check t json_valid(`js`)",
                        "alter column t.js: nullable -> NOT NULL, comment 'old' -> 'new'",
                        "add check t json_valid(`js`)"),
                operations(result),
                result::toString);
        roundTrip();
        assertThrows(SQLException.class, () -> db.execute(0, "INSERT INTO t VALUES (2, 'not json')"));
    }

    /**
     * Columns renamed with their own checks: MariaDB keeps the checks' old names ({@code a}, {@code j}) while the
     * checks move with the columns, and drops them with the next MODIFY. Read under their columns' names, the checks
     * are kept through a change of the columns as any column's check is, and a hand-written change of the column
     * that does not drop its check is refused before it runs (before, both lost the check).
     */
    @Test
    void columnsRenamedWithTheirOwnChecksKeepThemWhenTheyChange() throws Exception {
        db.execute(0, """
                CREATE TABLE t (id int PRIMARY KEY, a int CHECK (a > 0), j json);
                INSERT INTO t VALUES (1, 5, '{}');
                ALTER TABLE t RENAME COLUMN a TO b, RENAME COLUMN j TO k;
                """);
        db.execute(1, "CREATE TABLE t (id int PRIMARY KEY, b int NOT NULL CHECK (b > 0), k json NOT NULL)");
        Table renamed = read(0).schema().table(QualifiedName.of("t")).orElseThrow();
        assertEquals(
                List.of("b `b` > 0", "k json_valid(`k`)"),
                renamed.checks().stream()
                        .map(c -> c.name() + " " + c.expression())
                        .sorted()
                        .toList());
        assertEquals(
                Set.of("b", "k"), read(0).details().get(QualifiedName.of("t")).columnChecks());
        Cli.Result result = diff();
        assertEquals(
                sorted(
                        "drop check t `b` > 0",
                        "drop check t json_valid(`k`)",
                        "alter column t.b: nullable -> NOT NULL",
                        "alter column t.k: nullable -> NOT NULL",
                        "add check t `b` > 0",
                        "add check t json_valid(`k`)"),
                operations(result),
                result::toString);
        roundTrip();
        for (String row : List.of("(2, 0, '{}')", "(3, 1, 'not json')"))
            assertThrows(SQLException.class, () -> db.execute(0, "INSERT INTO t VALUES " + row), row);
    }

    /** What only MariaDB keeps changes by a MODIFY too: it writes the json column's check in the column again. */
    @Test
    void aJsonColumnMadeInvisibleKeepsItsValidityCheck() throws Exception {
        db.execute(0, "CREATE TABLE t (id int PRIMARY KEY, js json)");
        db.execute(1, "CREATE TABLE t (id int PRIMARY KEY, js json INVISIBLE)");
        Cli.Result result = diff();
        assertEquals(List.of("alter column t.js: visible -> invisible"), operations(result), result::toString);
        roundTrip();
        Cli.Result up = diff("--sql");
        assertTrue(
                up.out()
                        .contains(
                                "MODIFY COLUMN `js` longtext COLLATE utf8mb4_bin NULL INVISIBLE CHECK (json_valid(`js`))"),
                up::toString);
        db.execute(0, up.out());
        assertThrows(SQLException.class, () -> db.execute(0, "INSERT INTO t (id, js) VALUES (2, 'not json')"));
    }

    /**
     * The round trip of a scenario: database 0 run through {@code diff --sql}'s script, re-diffed (nothing), then
     * through the reverse plan's statements ({@link MariaDbDiff#downgradeSql}): back to what it was.
     */
    private void roundTrip() throws Exception {
        MariaDbCatalog before = read(0);
        MariaDbDiff diff = MariaDbDiff.of(before, read(1), TableFilter.ALL, Set.of());
        Cli.Result script = diff("--sql");
        assertEquals(ExitCode.FOUND, script.code(), script::toString);
        db.execute(0, script.out());
        assertEquals(new Cli.Result(ExitCode.OK, "No differences.\n", ""), diff(), script.out());
        List<String> down = diff.downgradeSql();
        for (String statement : down) {
            if (onMySql())
                try (Connection c = db.connect(0)) {
                    statement = MySqlExistence.resolve(c, statement);
                }
            db.execute(0, statement + ";\n");
        }
        MariaDbDiff back = MariaDbDiff.of(read(0), before, TableFilter.ALL, Set.of());
        assertEquals(true, back.isEmpty(), script.out() + "\ndown: " + down + "\nleft: " + back);
    }

    private MariaDbCatalog read(int database) throws Exception {
        try (Connection c = db.connect(database)) {
            return MariaDbIntrospector.read(c);
        }
    }

    @Test
    void aMysqlUrlIsReadByTheMariaDbDriver() throws Exception {
        db.execute(1, "CREATE TABLE t (id int PRIMARY KEY)");
        String mysql = db.url(0).replace("jdbc:mariadb:", "jdbc:mysql:");
        Cli.Result result = new Cli(workDir).run("diff", "--from", mysql, "--to", db.url(1));
        assertEquals(new Cli.Result(ExitCode.FOUND, "add table t\n", ""), result);
    }

    @Test
    void anUnreachableServerIsOneLineWithoutThePassword() {
        Cli.Result result = new Cli(workDir)
                .run("diff", "--from", "jdbc:mariadb://127.0.0.1:1/x?user=root&password=s3cret", "--to", db.url(1));
        assertEquals(ExitCode.ERROR, result.code(), result::toString);
        assertEquals(1, result.err().lines().count(), result::toString);
        assertEquals(false, result.err().contains("s3cret"), result::toString);
    }
}
