package dev.retort.mariadb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.retort.SqlDialect;
import dev.retort.diff.HazardPolicy;
import dev.retort.diff.OnlineForms;
import dev.retort.fixtures.db.MariaDbTestDatabase;
import dev.retort.op.AddCheck;
import dev.retort.op.AddColumn;
import dev.retort.op.AddForeignKey;
import dev.retort.op.AddPrimaryKey;
import dev.retort.op.AddUnique;
import dev.retort.op.AlterColumn;
import dev.retort.op.CreateIndex;
import dev.retort.op.DropCheck;
import dev.retort.op.DropColumn;
import dev.retort.op.DropForeignKey;
import dev.retort.op.DropPrimaryKey;
import dev.retort.op.Hazard;
import dev.retort.op.Op;
import dev.retort.op.RenameColumn;
import dev.retort.op.ValidateConstraint;
import dev.retort.schema.CheckConstraint;
import dev.retort.schema.Column;
import dev.retort.schema.ForeignKey;
import dev.retort.schema.Index;
import dev.retort.schema.PrimaryKey;
import dev.retort.schema.QualifiedName;
import dev.retort.schema.UniqueConstraint;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each hazard {@link MariaDbHazards} claims, held to the server: the statement {@link MariaDbSql} writes for the
 * operation runs on a table of rows with the algorithm and lock the hazard names (accepted), and with the next less
 * locking one (refused, error 1845/1846), so a claim that overstates or understates what InnoDB does fails here. An
 * operation without such a hazard runs with the quiet algorithm its case names ({@code INSTANT}, or {@code NOCOPY}
 * with {@code LOCK=NONE}).
 */
class MariaDbHazardsTest {
    @RegisterExtension
    final MariaDbTestDatabase db = server();

    /** The server each claim is held to. */
    MariaDbTestDatabase server() {
        return new MariaDbTestDatabase();
    }

    /** The policy whose claims are held to {@link #server}. */
    HazardPolicy policy() {
        return MariaDbHazards.POLICY;
    }

    /** Whether the case is one of {@link #server}'s (a sequence's default is MariaDB's own). */
    boolean applies(Case c) {
        return true;
    }

    /** The hazards {@link #policy} gives the case. */
    List<String> expected(Case c) {
        return c.hazards();
    }

    /** The algorithm (and lock) a case without a claim runs with on {@link #server}. */
    String quiet(Case c) {
        return c.quiet();
    }

    /** The next less locking form than an algorithm and lock that a claim says is the least there is. */
    String lessThan(String claim) {
        return claim.startsWith("ALGORITHM=COPY")
                ? "ALGORITHM=INPLACE"
                : claim.equals("ALGORITHM=INPLACE, LOCK=SHARED")
                        ? "ALGORITHM=INPLACE, LOCK=NONE"
                        : claim.equals("ALGORITHM=INPLACE, LOCK=NONE") ? "ALGORITHM=NOCOPY" : "ALGORITHM=INSTANT";
    }

    private static final QualifiedName T = QualifiedName.of("t");
    private static final Pattern CLAUSE = Pattern.compile("\\((ALGORITHM=\\w+), (LOCK=\\w+)\\)");
    private static final String TABLE = """
            CREATE TABLE p (id int NOT NULL PRIMARY KEY);
            INSERT INTO p VALUES (1), (2), (3);
            CREATE TABLE t (id int NOT NULL AUTO_INCREMENT PRIMARY KEY, a int NULL, b int NULL, v varchar(10) NULL,
              w varchar(60) NULL, n varchar(20) NULL, c varchar(20) COLLATE utf8mb4_general_ci NULL, ci varchar(20) NULL,
              j varchar(100) NULL, m decimal(10,2) NULL, KEY t_ci (ci)) DEFAULT CHARSET=utf8mb4;
            INSERT INTO t (a, b, v, w, n, c, ci, j, m) VALUES (1, 1, 'abcdefgh', 'x', 'n1', 'c', 'c', 'hello world', 1.5),
              (2, 2, 'b', 'y', 'n2', 'd', 'd', 'foo bar', 2.5), (3, 3, 'c', 'z', 'n3', 'e', 'e', 'baz', 3.5)""";

    /** An operation judged among {@code context} (itself last), on {@link #TABLE} after {@code setup}. */
    record Case(String name, String setup, List<Op> context, List<String> hazards, String quiet) {
        Op op() {
            return context.get(context.size() - 1);
        }

        @Override
        public String toString() {
            return name;
        }
    }

    private static Case of(String name, Op op, String quiet, String... hazards) {
        return new Case(name, "", List.of(op), List.of(hazards), quiet);
    }

    private static Case after(String setup, Case c) {
        return new Case(c.name(), setup, c.context(), c.hazards(), c.quiet());
    }

    private static AlterColumn alter(Column from, Column to) {
        return new AlterColumn(T, from, to);
    }

    static Stream<Case> cases() {
        String copy = " copies the table while writes wait (ALGORITHM=COPY, LOCK=SHARED)";
        String rebuild = " rebuilds the table in place while writes go on (ALGORITHM=INPLACE, LOCK=NONE)";
        String instant = "ALGORITHM=INSTANT";
        String nocopy = "ALGORITHM=NOCOPY, LOCK=NONE";
        CheckConstraint nn = OnlineForms.notNullCheck(T, "n");
        Column n = Column.of("n", "varchar(20)");
        return Stream.of(
                of("btree index", new CreateIndex(T, Index.on("b").named("t_b")), nocopy),
                of(
                        "unique index",
                        new CreateIndex(T, Index.on("b").named("t_b_u").asUnique()),
                        null,
                        "HAZARD fails-on-data: building unique index t_b_u on t (b) fails on duplicates, writes going on"
                                + " while it builds (ALGORITHM=NOCOPY, LOCK=NONE); a failed build leaves no index"
                                + " behind"),
                of(
                        "fulltext index",
                        new CreateIndex(T, Index.on("j").named("t_j").using("fulltext")),
                        null,
                        "HAZARD long-lock: building FULLTEXT index t_j on t (j) blocks writes to it"
                                + " (ALGORITHM=INPLACE, LOCK=SHARED): MariaDB has no online build of it"),
                of(
                        "unique constraint",
                        new AddUnique(T, UniqueConstraint.of("b").named("t_b_key")),
                        null,
                        "HAZARD fails-on-data: adding unique (b) on t fails on duplicates, writes going on while it"
                                + " builds (ALGORITHM=NOCOPY, LOCK=NONE)"),
                after(
                        "ALTER TABLE t MODIFY id int NOT NULL, DROP PRIMARY KEY",
                        of(
                                "primary key added",
                                new AddPrimaryKey(T, PrimaryKey.of("id")),
                                null,
                                "HAZARD table-rewrite: adding the primary key of t" + rebuild,
                                "HAZARD fails-on-data: adding the primary key of t fails on duplicates or nulls")),
                after(
                        "ALTER TABLE t MODIFY id int NOT NULL",
                        of(
                                "primary key dropped",
                                new DropPrimaryKey(T, PrimaryKey.of("id")),
                                null,
                                "HAZARD long-lock: dropping the primary key of t" + copy)),
                of(
                        "check",
                        new AddCheck(T, CheckConstraint.of("`a` > 0").named("t_a_check")),
                        null,
                        "HAZARD long-lock: adding check t_a_check on t" + copy
                                + " and fails on rows that violate it: MariaDB 10.11 has no online form for it"),
                of(
                        "check NOT VALID (online)",
                        new AddCheck(
                                T,
                                CheckConstraint.of("`a` > 0").named("t_a_check").notValid()),
                        null,
                        "HAZARD long-lock: adding check t_a_check on t" + copy
                                + " and fails on rows that violate it: MariaDB 10.11 has no online form for it"),
                of(
                        "foreign key",
                        new AddForeignKey(
                                T,
                                ForeignKey.of(List.of("a"), QualifiedName.of("p"), List.of("id"))
                                        .named("t_a_fkey")),
                        null,
                        "HAZARD long-lock: adding a foreign key on t (a)" + copy
                                + " and fails on rows without a match"),
                after(
                        "ALTER TABLE t ADD CONSTRAINT t_b_fkey FOREIGN KEY (b) REFERENCES p (id)",
                        of(
                                "foreign key dropped",
                                new DropForeignKey(
                                        T,
                                        ForeignKey.of(List.of("b"), QualifiedName.of("p"), List.of("id"))
                                                .named("t_b_fkey")),
                                nocopy)),
                after(
                        "ALTER TABLE t ADD CONSTRAINT t_a_check CHECK (a > 0)",
                        of(
                                "check dropped",
                                new DropCheck(T, CheckConstraint.of("`a` > 0").named("t_a_check")),
                                instant)),
                of("nullable column added", new AddColumn(T, Column.of("x", "integer")), instant),
                of(
                        "NOT NULL column without default added to rows",
                        new AddColumn(T, Column.of("x", "integer").notNull()),
                        instant),
                of(
                        "column with DEFAULT current_timestamp() added",
                        new AddColumn(T, Column.of("x", "datetime").defaultValue("current_timestamp()")),
                        instant),
                of(
                        "column with DEFAULT uuid() added",
                        new AddColumn(T, Column.of("x", "char(36)").defaultValue("uuid()")),
                        null,
                        "HAZARD table-rewrite: adding t.x with DEFAULT uuid()" + copy
                                + ": each row gets its own value"),
                of(
                        "column with DEFAULT sysdate() added",
                        new AddColumn(T, Column.of("x", "datetime").defaultValue("sysdate()")),
                        null,
                        "HAZARD table-rewrite: adding t.x with DEFAULT sysdate()" + copy
                                + ": each row gets its own value"),
                after(
                        "CREATE SEQUENCE s",
                        of(
                                "column with DEFAULT nextval(`s`) added",
                                new AddColumn(T, Column.of("x", "bigint").defaultValue("nextval(`s`)")),
                                null,
                                "HAZARD table-rewrite: adding t.x with DEFAULT nextval(`s`)" + copy
                                        + ": each row gets its own value")),
                of(
                        "column with a default naming another column added",
                        new AddColumn(T, Column.of("x", "integer").defaultValue("(`a` + 1)")),
                        null,
                        "HAZARD table-rewrite: adding t.x with DEFAULT (`a` + 1)" + copy
                                + ": each row gets its own value"),
                of(
                        "column with DEFAULT rand() added: one value for every row",
                        new AddColumn(T, Column.of("x", "double precision").defaultValue("rand()")),
                        instant),
                of(
                        "generated column added",
                        new AddColumn(T, Column.of("g", "integer").generatedAs("`a` + 1")),
                        null,
                        "HAZARD table-rewrite: adding generated column t.g" + copy),
                of(
                        "virtual generated column added",
                        new AddColumn(
                                T,
                                Column.of("g", "integer").generatedAs("`a` + 1").virtual()),
                        instant),
                of(
                        "column dropped",
                        new DropColumn(T, Column.of("b", "integer")),
                        instant,
                        "HAZARD data-loss: drops column t.b and its data"),
                of("column renamed", new RenameColumn(T, "a", "a2"), instant),
                of(
                        "integer -> bigint",
                        alter(Column.of("a", "integer"), Column.of("a", "bigint")),
                        null,
                        "HAZARD table-rewrite: changing the type of t.a (integer -> bigint)" + copy),
                of(
                        "varchar(10) -> varchar(20)",
                        alter(Column.of("v", "varchar(10)"), Column.of("v", "varchar(20)")),
                        instant),
                of(
                        "varchar(10) -> varchar(100): length bytes stay one up to 127 bytes",
                        alter(Column.of("v", "varchar(10)"), Column.of("v", "varchar(100)")),
                        instant),
                of(
                        "varchar(60) -> varchar(100): 240 bytes to 400",
                        alter(Column.of("w", "varchar(60)"), Column.of("w", "varchar(100)")),
                        null,
                        "HAZARD table-rewrite: changing the type of t.w (varchar(60) -> varchar(100))" + copy
                                + ": its values' length takes two bytes instead of one (utf8mb4 assumed)"),
                of(
                        "varchar(100) -> varchar(200): over 255 bytes already",
                        alter(Column.of("j", "varchar(100)"), Column.of("j", "varchar(200)")),
                        instant),
                of(
                        "varchar -> text",
                        alter(Column.of("c", "varchar(20)"), Column.of("c", "text")),
                        null,
                        "HAZARD table-rewrite: changing the type of t.c (varchar(20) -> text)" + copy),
                of(
                        "numeric(10,2) -> numeric(12,2)",
                        alter(Column.of("m", "numeric(10,2)"), Column.of("m", "numeric(12,2)")),
                        null,
                        "HAZARD table-rewrite: changing the type of t.m (numeric(10,2) -> numeric(12,2))" + copy),
                of(
                        "SET NOT NULL",
                        alter(n, n.notNull()),
                        null,
                        "HAZARD table-rewrite: SET NOT NULL on t.n" + rebuild,
                        "HAZARD fails-on-data: SET NOT NULL on t.n fails if it holds nulls"),
                new Case(
                        "SET NOT NULL proved first (online)",
                        "",
                        List.of(new AddCheck(T, nn.notValid()), new ValidateConstraint(T, nn), alter(n, n.notNull())),
                        List.of("HAZARD table-rewrite: SET NOT NULL on t.n" + rebuild),
                        null),
                after(
                        "ALTER TABLE t MODIFY n varchar(20) NOT NULL",
                        of(
                                "DROP NOT NULL",
                                alter(n.notNull(), n),
                                null,
                                "HAZARD table-rewrite: DROP NOT NULL on t.n" + rebuild)),
                of(
                        "default changed",
                        alter(
                                Column.of("a", "integer"),
                                Column.of("a", "integer").defaultValue("7")),
                        instant),
                of(
                        "comment changed",
                        alter(
                                Column.of("a", "integer"),
                                Column.of("a", "integer").comment("x")),
                        instant),
                of(
                        "collation changed within utf8mb4, indexed",
                        alter(
                                Column.of("ci", "varchar(20)"),
                                Column.of("ci", "varchar(20)").collate("utf8mb4_bin")),
                        nocopy),
                of(
                        "collation changed to another character set",
                        alter(
                                Column.of("c", "varchar(20)").collate("utf8mb4_general_ci"),
                                Column.of("c", "varchar(20)").collate("latin1_swedish_ci")),
                        null,
                        "HAZARD table-rewrite: changing the collation of t.c to latin1_swedish_ci (character set utf8mb4"
                                + " -> latin1)" + copy));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void eachClaimHoldsOnTheServer(Case c) throws SQLException {
        assumeTrue(applies(c), "not a case of this server's");
        List<Hazard> hazards = policy().hazards(c.op(), c.context());
        assertEquals(expected(c), hazards.stream().map(Hazard::toString).toList(), c.name());
        SqlDialect renderer = MariaDbSql.DIALECT.within(c.context());
        List<String> statements = renderer.statements(List.of(c.op()));
        assertEquals(1, statements.size(), statements::toString);
        String statement = statements.get(0);
        db.execute(TABLE);
        if (!c.setup().isEmpty()) db.execute(c.setup());
        List<String> claims = new ArrayList<>();
        for (Hazard hazard : hazards) {
            Matcher clause = CLAUSE.matcher(hazard.detail());
            if (clause.find()) claims.add(clause.group(1) + ", " + clause.group(2));
        }
        assertTrue(claims.stream().distinct().count() <= 1, claims::toString);
        if (claims.isEmpty()) {
            assertTrue(c.quiet() != null, "a case without an algorithm claim names its quiet one");
            assertTrue(
                    hazards.stream()
                            .noneMatch(h -> h.kind() == Hazard.Kind.TABLE_REWRITE || h.kind() == Hazard.Kind.LONG_LOCK),
                    hazards::toString);
            run(with(statement, quiet(c)));
            return;
        }
        String claim = claims.get(0);
        // the next less locking form the claim denies exists
        String less = lessThan(claim);
        SQLException refused = assertThrows(SQLException.class, () -> run(with(statement, less)), less);
        assertTrue(
                Set.of(1845, 1846).contains(refused.getErrorCode()),
                less + ": " + refused.getErrorCode() + " " + refused.getMessage());
        if (statement.contains("ALGORITHM=")) {
            // an online form asks for its algorithm itself: the one claimed
            assertTrue(statement.replace(",", "").endsWith(claim.replace(",", "")), statement);
            run(statement);
        } else {
            run(with(statement, claim));
        }
    }

    /** A failed unique build leaves no index behind, as the hazard says (PostgreSQL's leaves an INVALID one). */
    @Test
    void aFailedUniqueBuildLeavesNoIndex() throws SQLException {
        db.execute(TABLE + ";\nUPDATE t SET b = 1");
        CreateIndex op = new CreateIndex(T, Index.on("b").named("t_b_u").asUnique());
        SQLException duplicate = assertThrows(
                SQLException.class, () -> run(MariaDbSql.DIALECT.statements(op).get(0)));
        assertEquals(1062, duplicate.getErrorCode(), duplicate::getMessage);
        try (Connection connection = db.connect();
                Statement statement = connection.createStatement();
                var rows = statement.executeQuery("SELECT count(*) FROM information_schema.STATISTICS"
                        + " WHERE TABLE_SCHEMA = database() AND INDEX_NAME = 't_b_u'")) {
            rows.next();
            assertEquals(0, rows.getInt(1));
        }
    }

    /** A NOT NULL column added without a default does not fail on rows: they get the type's implicit default. */
    @Test
    void aNotNullColumnWithoutDefaultFillsRows() throws SQLException {
        db.execute(TABLE);
        AddColumn op = new AddColumn(T, Column.of("x", "integer").notNull());
        assertEquals(List.of(), policy().hazards(op, List.of(op)));
        run(MariaDbSql.DIALECT.statements(op).get(0));
        try (Connection connection = db.connect();
                Statement statement = connection.createStatement();
                var rows = statement.executeQuery("SELECT count(*), sum(x) FROM t")) {
            rows.next();
            assertEquals(3, rows.getInt(1));
            assertEquals(0, rows.getInt(2));
        }
    }

    /** The statement with an ALGORITHM/LOCK clause; one that has its own (an online form) has it replaced. */
    private static String with(String statement, String clause) {
        int own = statement.indexOf("ALGORITHM=");
        if (own >= 0)
            return statement.substring(0, own) + (statement.startsWith("CREATE ") ? clause.replace(",", "") : clause);
        return statement.startsWith("CREATE ") ? statement + " " + clause.replace(",", "") : statement + ", " + clause;
    }

    /** Runs a statement as the runner runs it on {@link #server}. */
    void run(String sql) throws SQLException {
        try (Connection connection = db.connect();
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
