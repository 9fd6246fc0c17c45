package dev.retort.mariadb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.retort.SqlDialect;
import dev.retort.SqlDialect.UnsupportedOnDialect;
import dev.retort.diff.OnlineForms;
import dev.retort.fixtures.db.MariaDbTestDatabase;
import dev.retort.op.AddCheck;
import dev.retort.op.AddColumn;
import dev.retort.op.AddPrimaryKey;
import dev.retort.op.AddUnique;
import dev.retort.op.AlterColumn;
import dev.retort.op.AlterTableComment;
import dev.retort.op.CreateIndex;
import dev.retort.op.DropCheck;
import dev.retort.op.DropIndex;
import dev.retort.op.DropUnique;
import dev.retort.op.InvalidateConstraint;
import dev.retort.op.Op;
import dev.retort.op.OpKinds;
import dev.retort.op.OpSamples;
import dev.retort.op.Option;
import dev.retort.op.ValidateConstraint;
import dev.retort.schema.CheckConstraint;
import dev.retort.schema.Column;
import dev.retort.schema.ColumnDefault;
import dev.retort.schema.Index;
import dev.retort.schema.PrimaryKey;
import dev.retort.schema.QualifiedName;
import dev.retort.schema.Table;
import dev.retort.schema.TableFilter;
import dev.retort.schema.UniqueConstraint;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The MariaDB renderer against the server: each case's two catalogs made by DDL written here, A's
 * database run through the rendered upgrade must read back as B (nothing left to diff, details too),
 * then through the rendered downgrade as A again; literals in both {@code sql_mode}s; and every
 * operation either rendered or refused in one line.
 */
class MariaDbSqlTest {
    @RegisterExtension
    final MariaDbTestDatabase db = new MariaDbTestDatabase(5);

    private static final String PARENT = """
            CREATE TABLE parent (id bigint NOT NULL AUTO_INCREMENT PRIMARY KEY,
              code varchar(20) COLLATE utf8mb4_bin NOT NULL, UNIQUE KEY parent_code (code))
              DEFAULT CHARSET=utf8mb4 COMMENT='it''s a \\\\ table';
            """;

    private static final String EVERY_TYPE = """
            CREATE TABLE t (id int NOT NULL PRIMARY KEY, a int(11) DEFAULT 7, b tinyint(1) NOT NULL DEFAULT 1,
              c tinyint(4), d bigint(20) unsigned, e int(5) unsigned zerofill, f float, g double,
              h decimal(10,2) DEFAULT 1.50, i datetime,
              j datetime(3) NOT NULL DEFAULT current_timestamp(3) ON UPDATE current_timestamp(3),
              k timestamp NULL, l time(2), m year, n varchar(40) DEFAULT 'x''y\\\\z' COMMENT 'note \\\\ ''q''',
              o char(3) CHARACTER SET latin1 COLLATE latin1_bin, p text, q enum('Sad','happy  days','it''s') DEFAULT 'Sad',
              r set('x','Y'), s bit(1), v mediumint(9), w smallint unsigned, x decimal(5), y binary(16),
              z int GENERATED ALWAYS AS (a + 1) VIRTUAL, zz int AS (a * 2) STORED, pid bigint, js json,
              ff float(7,3), u uuid, KEY t_n (n(10), o DESC), FULLTEXT KEY t_p (p), UNIQUE KEY t_np (p(20)),
              CONSTRAINT t_pos CHECK (a > 0), CONSTRAINT t_parent FOREIGN KEY (pid) REFERENCES parent (id)
              ON DELETE CASCADE ON UPDATE SET NULL, KEY t_pid (pid)) ENGINE=InnoDB COMMENT 'every type';
            CREATE TABLE m (id int NOT NULL, note varchar(10)) ENGINE=MyISAM DEFAULT CHARSET=latin1;
            CREATE SEQUENCE s START WITH 5 INCREMENT BY 3 MAXVALUE 1000 CACHE 10 CYCLE;
            CREATE SEQUENCE s2 START WITH -1 INCREMENT BY -1 NOCACHE;
            """;

    @Test
    void everyTypeAndObjectIsCreatedAndDroppedAsRead() throws Exception {
        roundTrip("", PARENT + EVERY_TYPE);
    }

    @Test
    void aModifyKeepsTheCommentDefaultOnUpdateAndCollation() throws Exception {
        String a = """
                CREATE TABLE t (id int NOT NULL PRIMARY KEY,
                  n varchar(40) CHARACTER SET latin1 COLLATE latin1_bin NULL DEFAULT 'it''s' COMMENT 'kept \\\\ ''q''',
                  j datetime(3) NULL DEFAULT current_timestamp(3) ON UPDATE current_timestamp(3) COMMENT 'stamp',
                  g int GENERATED ALWAYS AS (id * 2) VIRTUAL COMMENT 'virtual');
                """;
        String b = a.replace("latin1_bin NULL", "latin1_bin NOT NULL")
                .replace("datetime(3) NULL", "datetime(3) NOT NULL")
                .replace("id * 2", "id * 3");
        List<String> up = roundTrip(a, b);
        assertEquals(1, up.size(), up.toString());
        assertTrue(
                up.get(0)
                        .contains("MODIFY COLUMN `n` varchar(40) COLLATE latin1_bin NOT NULL DEFAULT 'it''s'"
                                + " COMMENT 'kept \\\\ ''q'''"),
                up.get(0));
    }

    /**
     * {@code INVISIBLE} and {@code COMPRESSED}, which {@code COLUMN_TYPE} marks with a comment: read apart from the type,
     * made and undone both ways, and kept by a type change.
     */
    @Test
    void invisibleAndCompressedColumnsAreDetailsAModifyKeeps() throws Exception {
        String a = "CREATE TABLE t (id int NOT NULL PRIMARY KEY, note varchar(20) COMPRESSED INVISIBLE, body text,"
                + " n int, k text COMPRESSED NOT NULL);";
        String b = "CREATE TABLE t (id int NOT NULL PRIMARY KEY, note varchar(40) COMPRESSED INVISIBLE,"
                + " body text COMPRESSED, n int INVISIBLE, k text COMPRESSED NOT NULL);";
        db.execute(2, a);
        Table read = table(read(2), "t");
        assertEquals("varchar(20)", read.column("note").orElseThrow().type());
        // MariaDB gives k DEFAULT '' as it has no "none" for a compressed NOT NULL column: none, as written
        assertEquals(null, read.column("k").orElseThrow().defaultValue());
        db.execute(3, a);
        db.execute(4, b);
        MariaDbDiff diff = MariaDbDiff.of(read(3), read(4), TableFilter.ALL, Set.of());
        assertEquals(
                List.of("alter column t.body: not compressed -> compressed", "alter column t.n: visible -> invisible"),
                diff.details());
        assertEquals(1, diff.plan().upgrade().size(), diff.plan()::toString);
        List<String> up = roundTrip(a, b);
        assertTrue(up.toString().contains("MODIFY COLUMN `note` varchar(40) COMPRESSED NULL INVISIBLE"), up::toString);
    }

    @Test
    void columnChangesOfOneTableAreOneAlterTable() throws Exception {
        String a = "CREATE TABLE t (id int NOT NULL PRIMARY KEY, a int, b text, c varchar(5));";
        String b = "CREATE TABLE t (id int NOT NULL PRIMARY KEY, a bigint NOT NULL COMMENT 'wide', c varchar(5),"
                + " d date DEFAULT '2020-01-01');";
        List<String> up = roundTrip(a, b);
        assertEquals(
                List.of("ALTER TABLE `t`\n    ADD COLUMN `d` date NULL DEFAULT '2020-01-01',\n"
                        + "    MODIFY COLUMN `a` bigint NOT NULL COMMENT 'wide',\n    DROP COLUMN `b`"),
                up);
    }

    @Test
    void tableDetailsChangeByTheirOwnStatements() throws Exception {
        String a = """
                CREATE TABLE t (id int NOT NULL PRIMARY KEY, n varchar(40), j timestamp NULL,
                  g int AS (id + 1) VIRTUAL, KEY t_n (n(10))) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
                """;
        String b = """
                CREATE TABLE t (id int NOT NULL PRIMARY KEY, n varchar(40), j timestamp NULL ON UPDATE current_timestamp(),
                  g int AS (id + 1) STORED, KEY t_n (n(20))) ENGINE=MyISAM DEFAULT CHARSET=utf8mb4;
                """;
        List<String> up = roundTrip(a, b);
        assertEquals(2, up.size(), up.toString());
    }

    @Test
    void anIndexedGeneratedColumnIsNotDroppedToTurnItStored() throws Exception {
        db.execute(0, "CREATE TABLE t (id int NOT NULL PRIMARY KEY, g int AS (id + 1) VIRTUAL, KEY t_g (g))");
        db.execute(1, "CREATE TABLE t (id int NOT NULL PRIMARY KEY, g int AS (id + 1) STORED, KEY t_g (g))");
        MariaDbDiff diff = MariaDbDiff.of(read(0), read(1), TableFilter.ALL, Set.of());
        UnsupportedOnDialect e = assertThrows(UnsupportedOnDialect.class, diff::upgradeSql);
        assertEquals(
                "MariaDB has no way to turn the indexed generated column t.g between virtual and stored but dropping"
                        + " it, and its indexes with it",
                e.getMessage());
    }

    @Test
    void tableCommentsAndSequencesChange() throws Exception {
        String a = "CREATE TABLE t (id int) COMMENT 'old';\nCREATE SEQUENCE s START WITH 1 INCREMENT BY 1;";
        String b = "CREATE TABLE t (id int);\nCREATE SEQUENCE s START WITH 1 INCREMENT BY 5 MAXVALUE 99 NOCACHE;";
        roundTrip(a, b);
    }

    @Test
    void aLiteralEndsWhereItShouldInBothSqlModes() throws Exception {
        String comment = "it's \\ a \\' trap'; DROP TABLE t; -- \\";
        String statement = MariaDbSql.DIALECT
                .statements(new AlterTableComment(QualifiedName.of("t"), null, comment))
                .get(0);
        db.execute("CREATE TABLE t (id int)");
        for (String mode : List.of("DEFAULT", "'NO_BACKSLASH_ESCAPES'")) {
            try (Connection c = db.connect();
                    Statement st = c.createStatement()) {
                st.execute("SET SESSION sql_mode = " + mode);
                st.execute(statement);
            }
            String read = table(read(0), "t").comment();
            // without NO_BACKSLASH_ESCAPES the value meant; with it each backslash doubled, never more than one
            // statement
            String expected = mode.equals("DEFAULT") ? comment : comment.replace("\\", "\\\\");
            assertEquals(expected, read, mode);
        }
    }

    @Test
    void aDefaultMariaDbTakesOnlyInParenthesesGetsThem() throws Exception {
        db.execute(0, "CREATE TABLE t (id int NOT NULL PRIMARY KEY, a int);");
        QualifiedName t = QualifiedName.of("t");
        List<String> sql = new ArrayList<>();
        for (String expression : List.of("a + 1", "(a * 2)", "coalesce(a, 0) + 1", "abs(a) * (2)", "7", "-1", "'x''('"))
            sql.addAll(MariaDbSql.DIALECT.statements(new AddColumn(
                    t,
                    Column.of("c" + sql.size(), expression.startsWith("'") ? "varchar(9)" : "int")
                            .withDefault(ColumnDefault.of(expression)),
                    Set.of())));
        run(sql);
        List<String> stored = new ArrayList<>();
        table(read(0), "t").columns().stream()
                .filter(c -> c.defaultValue() != null)
                .forEach(c -> stored.add(c.name() + " " + c.defaultValue().expression()));
        assertEquals(
                List.of(
                        "c0 (`a` + 1)",
                        "c1 (`a` * 2)",
                        "c2 (coalesce(`a`,0) + 1)",
                        "c3 (abs(`a`) * 2)",
                        "c4 7",
                        "c5 -1",
                        "c6 'x''('"),
                stored,
                String.join("\n", sql));
        // what MariaDB takes bare stays bare
        assertEquals(
                List.of("ALTER TABLE `t` ADD COLUMN `c4` int NULL DEFAULT 7"),
                MariaDbSql.DIALECT.statements(
                        new AddColumn(t, Column.of("c4", "int").withDefault(ColumnDefault.of("7")), Set.of())));
    }

    @Test
    void identifiersAreBackquotedAndHiddenCharactersRefused() throws Exception {
        assertEquals("`a``b`", MariaDbSql.DIALECT.quote("a`b"));
        UnsupportedOnDialect e = assertThrows(UnsupportedOnDialect.class, () -> MariaDbSql.DIALECT.quote("a\nb"));
        assertEquals(
                "MariaDB has no visible form for the identifier a\\nb, which holds a hidden character"
                        + " (backticks have no escapes)",
                e.getMessage());
        roundTrip("", "CREATE TABLE `we``ird \"x'` (`c``1` int COMMENT 'tab\there');");
    }

    /**
     * The online DSL's operations as MariaDB's statements (the real server runs them in the command line's
     * {@code MariaDbOnlineFormsTest}): what needs no statement renders none, a FULLTEXT build cannot be online.
     */
    @Test
    void theOnlineFormsAreMariaDbsLockSafeStatements() {
        QualifiedName t = QualifiedName.of("t");
        SqlDialect sql = MariaDbSql.DIALECT;
        UniqueConstraint unique = UniqueConstraint.of("e").named("t_e_key");
        assertEquals(List.of(), sql.statements(new AddUnique(t, unique, Set.of(Option.USING_INDEX))));
        assertEquals(
                List.of("ALTER TABLE `t` ADD UNIQUE KEY `t_e_key` (`e`)"),
                sql.statements(new AddUnique(t, unique)),
                "without USING INDEX, the plain form");
        assertEquals(
                List.of("ALTER TABLE `t` DROP INDEX `t_pkey`, ADD PRIMARY KEY (`id`), ALGORITHM=INPLACE, LOCK=NONE"),
                sql.statements(new AddPrimaryKey(t, PrimaryKey.of("id"), Set.of(Option.USING_INDEX))));
        assertEquals(
                List.of("ALTER TABLE `t` DROP INDEX `t_x`, ALGORITHM=INPLACE, LOCK=NONE"),
                sql.statements(new DropIndex(t, Index.on("x").named("t_x"), Set.of(Option.CONCURRENTLY))));
        Index built = Index.on("x").named("t_x");
        List<Op> build = List.of(
                new DropIndex(t, built, Set.of(Option.CONCURRENTLY, Option.IF_EXISTS)),
                new CreateIndex(t, built, Set.of(Option.CONCURRENTLY)));
        assertEquals(List.of(), sql.within(build).statements(build.get(0)), "no leftover to drop: the build is atomic");
        assertEquals(
                List.of("ALTER TABLE `t` DROP INDEX IF EXISTS `t_x`, ALGORITHM=INPLACE, LOCK=NONE"),
                sql.statements(build.get(0)),
                "a drop of its own");
        UnsupportedOnDialect fulltext = assertThrows(
                UnsupportedOnDialect.class,
                () -> sql.statements(
                        new CreateIndex(t, Index.on("p").using("fulltext").named("t_p"), Set.of(Option.CONCURRENTLY))));
        assertEquals(
                "MariaDB has no online build of FULLTEXT indexes (index t_p on t): it blocks writes (LOCK=SHARED);"
                        + " create it without Option.CONCURRENTLY",
                fulltext.getMessage());

        // the safe SET NOT NULL: its proof added and dropped as nothing, the MODIFY refusing to block writes only
        // within the operations that take that path
        CheckConstraint proof = OnlineForms.notNullCheck(t, "e");
        Column from = Column.of("e", "varchar(20)");
        AlterColumn notNull = new AlterColumn(t, from, from.notNull());
        List<Op> path = List.of(new AddCheck(t, proof.notValid()), notNull, new DropCheck(t, proof));
        SqlDialect within = sql.within(path);
        assertEquals(List.of(), within.statements(path.get(0)));
        assertEquals(List.of(), within.statements(path.get(2)));
        assertEquals(
                List.of("ALTER TABLE `t` MODIFY COLUMN `e` varchar(20) NOT NULL, ALGORITHM=INPLACE, LOCK=NONE"),
                within.statements(notNull));
        assertEquals(List.of("ALTER TABLE `t` MODIFY COLUMN `e` varchar(20) NOT NULL"), sql.statements(notNull));
    }

    /**
     * An unnamed unique constraint added in its online form is the index the form builds under Retort's name, and its
     * downgrade's online form drops that index, not the one MariaDB would have named after the first column (before,
     * the downgrade failed: "Can't DROP INDEX `code`").
     */
    @Test
    void theOnlineUniqueIsDroppedAgainByItsIndexsName() throws Exception {
        db.execute("CREATE TABLE owners (id int NOT NULL PRIMARY KEY, code varchar(10));\n"
                + "INSERT INTO owners VALUES (1, 'ann'), (2, 'bo')");
        QualifiedName owners = QualifiedName.of("owners");
        List<Op> up = OnlineForms.flatten(OnlineForms.of(List.of(new AddUnique(owners, UniqueConstraint.of("code")))));
        runOps(up);
        assertEquals(
                List.of("owners_code_key"),
                table(read(0), "owners").uniques().stream()
                        .map(UniqueConstraint::name)
                        .toList());
        // each direction has its own forms: the downgrade is the plain one's, the unnamed unique's drop
        UniqueConstraint added =
                new AddUnique(owners, UniqueConstraint.of("code")).reverse().constraint();
        List<Op> down = OnlineForms.flatten(OnlineForms.of(List.of(new DropUnique(owners, added, Set.of()))));
        runOps(down);
        assertEquals(List.of(), table(read(0), "owners").uniques());
    }

    /**
     * Two unnamed unique constraints and two unnamed indexes starting with the same column: MariaDB would name the
     * second of each {@code code_2} and a downgrade's {@code DROP INDEX code} would drop the first; under Retort's names
     * each drop takes its own.
     */
    @Test
    void unnamedUniquesAndIndexesAreDroppedByTheirOwnNames() throws Exception {
        db.execute("CREATE TABLE t (id int NOT NULL PRIMARY KEY, code varchar(10), tenant int, at date)");
        QualifiedName t = QualifiedName.of("t");
        runOps(List.of(
                new AddUnique(t, UniqueConstraint.of("code")),
                new AddUnique(t, UniqueConstraint.of("code", "tenant")),
                new CreateIndex(t, Index.on("at")),
                new CreateIndex(t, Index.on("at", "tenant"))));
        runOps(List.of(
                new DropUnique(t, UniqueConstraint.of("code", "tenant"), Set.of()),
                new DropIndex(t, Index.on("at", "tenant"))));
        Table left = table(read(0), "t");
        assertEquals(
                List.of(List.of("code")),
                left.uniques().stream().map(UniqueConstraint::columns).toList());
        assertEquals(
                List.of("t_at_idx [at]"),
                left.indexes().stream()
                        .map(i -> i.name() + " "
                                + i.keys().stream().map(Index.Key::column).toList())
                        .toList());
    }

    private void runOps(List<Op> ops) throws SQLException {
        SqlDialect sql = MariaDbSql.DIALECT.within(ops);
        List<String> statements = new ArrayList<>();
        for (Op op : ops) statements.addAll(sql.statements(op));
        run(statements);
    }

    @Test
    void everyOperationIsRenderedOrRefusedInOneLine() {
        // the kinds no sample of renders; a sample of another kind may be refused for a PostgreSQL-only part
        Set<String> refused = new TreeSet<>();
        Set<String> rendered = new TreeSet<>();
        Set<Class<? extends Op>> covered = new java.util.HashSet<>();
        for (Op op : OpSamples.ALL) {
            covered.add(op.getClass());
            try {
                List<String> statements = MariaDbSql.DIALECT.statements(op);
                // nothing to run: MariaDB checked a check's rows when it added it and keeps no validity
                boolean nothing = op instanceof InvalidateConstraint
                        || op instanceof ValidateConstraint v && v.constraint() instanceof CheckConstraint;
                assertEquals(nothing, statements.isEmpty(), op.toString());
                rendered.add(op.getClass().getSimpleName());
            } catch (UnsupportedOnDialect e) {
                assertTrue(
                        e.getMessage().startsWith("MariaDB has no ")
                                && !e.getMessage().contains("\n"),
                        e.getMessage());
                refused.add(op.getClass().getSimpleName());
            }
        }
        assertEquals(OpKinds.all(), covered);
        refused.removeAll(rendered);
        assertEquals(
                new TreeSet<>(List.of(
                        "AddEnumCasts",
                        "AddExclusion",
                        "AlterEnum",
                        "AlterSchemaComment",
                        "AlterSequenceOwner",
                        "AlterTablePersistence",
                        "AlterType",
                        "CreateEnum",
                        "CreateSchema",
                        "CreateType",
                        "DropEnum",
                        "DropEnumCasts",
                        "DropExclusion",
                        "DropSchema",
                        "DropType")),
                refused);
        assertEquals(false, MariaDbSql.DIALECT.transactionalDdl());
    }

    /**
     * A's DDL in database 0, B's in database 1; A's database through the rendered upgrade reads as B, then through
     * the rendered downgrade as A. The upgrade's statements.
     */
    private List<String> roundTrip(String a, String b) throws Exception {
        if (!a.isBlank()) db.execute(0, a);
        if (!b.isBlank()) db.execute(1, b);
        MariaDbCatalog before = read(0);
        MariaDbCatalog after = read(1);
        MariaDbDiff diff = MariaDbDiff.of(before, after, TableFilter.ALL, Set.of());
        List<String> up = diff.upgradeSql();
        List<String> down = diff.downgradeSql();
        run(up);
        assertSame(after, read(0), "up: " + up);
        run(down);
        assertSame(before, read(0), "up: " + up + "\ndown: " + down);
        return up;
    }

    private void assertSame(MariaDbCatalog expected, MariaDbCatalog actual, String context) {
        MariaDbDiff left = MariaDbDiff.of(actual, expected, TableFilter.ALL, Set.of());
        List<String> lines = new ArrayList<>(left.details());
        left.plan().upgrade().forEach(op -> lines.add(op.toString()));
        assertEquals(List.of(), lines, context);
        assertEquals(expected.details(), actual.details(), context);
        assertEquals(expected.schema().sequences(), actual.schema().sequences(), context);
    }

    private void run(List<String> statements) throws SQLException {
        try (Connection c = db.connect(0);
                Statement st = c.createStatement()) {
            for (String statement : statements) {
                try {
                    st.execute(statement);
                } catch (SQLException e) {
                    throw new SQLException(e.getMessage() + "\nin: " + statement, e);
                }
            }
        }
    }

    private MariaDbCatalog read(int database) throws Exception {
        try (Connection c = db.connect(database)) {
            return MariaDbIntrospector.read(c);
        }
    }

    private static Table table(MariaDbCatalog catalog, String name) {
        return catalog.schema().table(QualifiedName.of(name)).orElseThrow();
    }

    @SuppressWarnings("unused")
    private static SqlDialect dialect() {
        return MariaDbSql.DIALECT;
    }
}
