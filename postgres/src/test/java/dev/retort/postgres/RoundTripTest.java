package dev.retort.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.retort.diff.Differ;
import dev.retort.diff.Plan;
import dev.retort.fixtures.db.TestDatabase;
import dev.retort.op.Op;
import dev.retort.schema.Column;
import dev.retort.schema.EnumType;
import dev.retort.schema.ForeignKey;
import dev.retort.schema.Identity;
import dev.retort.schema.Index;
import dev.retort.schema.PrimaryKey;
import dev.retort.schema.QualifiedName;
import dev.retort.schema.Schema;
import dev.retort.schema.Sequence;
import dev.retort.schema.Table;
import dev.retort.schema.UniqueConstraint;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * For each named pair of schemas A and B: create A, apply the plan A to B, read the database back
 * and find it equal to B with nothing left to diff, apply the downgrade and find A again.
 */
class RoundTripTest {
    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    private static final SchemaScope SCOPE = new SchemaScope(List.of("public", "sales"), Set.of());
    private static final QualifiedName USERS = QualifiedName.of("users");
    private static final Column ID = Column.of("id", "bigint").identityByDefault();
    private static final Column EMAIL = Column.of("email", "varchar(200)").notNull();
    private static final Column NAME = Column.of("name", "varchar(100)");

    private static Schema schema(Table... tables) {
        return new Schema(List.of(tables));
    }

    private static Table users(Column... columns) {
        return Table.of(USERS, List.of(columns)).withPrimaryKey(PrimaryKey.of("id"));
    }

    private static Table users(List<UniqueConstraint> uniques, Column... columns) {
        return Table.of(USERS, List.of(columns))
                .withPrimaryKey(PrimaryKey.of("id"))
                .withUniques(uniques);
    }

    private static Table commented(String comment, Column... columns) {
        return Table.of(USERS, List.of(columns))
                .withPrimaryKey(PrimaryKey.of("id"))
                .withComment(comment);
    }

    private static Table indexed(Index... indexes) {
        return Table.of(USERS, List.of(ID, EMAIL, NAME))
                .withPrimaryKey(PrimaryKey.of("id"))
                .withIndexes(List.of(indexes));
    }

    private static Table orders(List<UniqueConstraint> uniques, List<ForeignKey> keys) {
        return Table.of(QualifiedName.of("orders"), List.of(ID, Column.of("user_id", "bigint")))
                .withPrimaryKey(PrimaryKey.of("id"))
                .withUniques(uniques)
                .withForeignKeys(keys);
    }

    private static ForeignKey toUsers() {
        return ForeignKey.Columns.of("user_id").references("users", "id");
    }

    static Stream<Arguments> pairs() {
        Column code = Column.of("code", "varchar(10)").notNull();
        Table lines = Table.of(
                        QualifiedName.of("lines"),
                        List.of(
                                Column.of("order_id", "bigint"),
                                Column.of("line_no", "integer"),
                                Column.of("qty", "integer").notNull()))
                .withPrimaryKey(PrimaryKey.of("order_id", "line_no"));
        Table salesOrders = Table.of(
                        new QualifiedName("sales", "orders"), List.of(ID, Column.of("total", "numeric(10,2)")))
                .withPrimaryKey(PrimaryKey.of("id"));
        return Stream.of(
                Arguments.of("create tables from nothing", Schema.EMPTY, schema(users(ID, EMAIL, NAME), lines)),
                Arguments.of(
                        "add and drop columns",
                        schema(users(ID, EMAIL, NAME)),
                        schema(users(ID, EMAIL, Column.of("phone", "text")))),
                Arguments.of(
                        "widen and narrow types",
                        schema(users(ID, EMAIL, NAME)),
                        schema(users(ID, EMAIL.withType("varchar(320)"), NAME.withType("varchar(50)")))),
                Arguments.of(
                        "type change needing a cast",
                        schema(users(ID, Column.of("age", "varchar(3)"))),
                        schema(users(ID, Column.of("age", "integer")))),
                Arguments.of(
                        "nullability both ways",
                        schema(users(ID, EMAIL, NAME)),
                        schema(users(ID, EMAIL.withNullable(true), NAME.notNull()))),
                Arguments.of(
                        "identity added and removed",
                        schema(users(ID.withIdentity(Identity.NONE), EMAIL)),
                        schema(users(ID, EMAIL.withType("text")))),
                Arguments.of(
                        "primary key moves to new columns",
                        schema(users(ID, EMAIL, NAME)),
                        schema(Table.of(USERS, List.of(ID, code)).withPrimaryKey(PrimaryKey.of("code", "id")))),
                Arguments.of("composite key table dropped and another created", schema(lines), schema(users(ID))),
                Arguments.of("tables in another schema", schema(users(ID)), schema(users(ID, NAME), salesOrders)),
                Arguments.of(
                        "foreign keys added, changed and dropped",
                        schema(users(ID, EMAIL), orders(List.of(), List.of())),
                        schema(
                                users(ID, EMAIL),
                                orders(List.of(), List.of(toUsers().onDelete(ForeignKey.Action.CASCADE))))),
                Arguments.of(
                        "foreign key actions and deferrability change",
                        schema(users(ID, EMAIL), orders(List.of(), List.of(toUsers()))),
                        schema(
                                users(ID, EMAIL),
                                orders(
                                        List.of(),
                                        List.of(toUsers()
                                                .onDelete(ForeignKey.Action.SET_NULL)
                                                .onUpdate(ForeignKey.Action.RESTRICT)
                                                .deferrable(true))))),
                Arguments.of(
                        "tables referencing each other created and dropped",
                        schema(),
                        schema(
                                Table.of(QualifiedName.of("a"), List.of(ID, Column.of("b_id", "bigint")))
                                        .withPrimaryKey(PrimaryKey.of("id"))
                                        .withForeignKeys(List.of(
                                                ForeignKey.Columns.of("b_id").references("b", "id"))),
                                Table.of(QualifiedName.of("b"), List.of(ID, Column.of("a_id", "bigint")))
                                        .withPrimaryKey(PrimaryKey.of("id"))
                                        .withForeignKeys(List.of(
                                                ForeignKey.Columns.of("a_id").references("a", "id"))))),
                Arguments.of(
                        "composite and cross-schema foreign keys",
                        schema(lines, salesOrders),
                        schema(
                                lines,
                                salesOrders,
                                Table.of(
                                                QualifiedName.of("shipments"),
                                                List.of(
                                                        ID,
                                                        Column.of("order_id", "bigint"),
                                                        Column.of("line_no", "integer"),
                                                        Column.of("sales_order", "bigint")))
                                        .withPrimaryKey(PrimaryKey.of("id"))
                                        .withForeignKeys(List.of(
                                                ForeignKey.Columns.of("order_id", "line_no")
                                                        .references("lines", "order_id", "line_no"),
                                                ForeignKey.Columns.of("sales_order")
                                                        .referencesIn("sales", "orders", "id"))))),
                Arguments.of(
                        "unique constraints added, moved and dropped",
                        schema(users(List.of(UniqueConstraint.of("email")), ID, EMAIL, NAME)),
                        schema(users(
                                List.of(UniqueConstraint.of("email", "name"), UniqueConstraint.of("name")),
                                ID,
                                EMAIL,
                                NAME))),
                Arguments.of(
                        "sequences created, changed and dropped",
                        new Schema(List.of(), List.of(Sequence.of("a_seq", 1, 50), Sequence.of("b_seq", 1, 1))),
                        new Schema(
                                List.of(),
                                List.of(
                                        Sequence.of("a_seq", 10, 5),
                                        Sequence.of("c_seq", 1, 50).inSchema("sales")))),
                Arguments.of(
                        "defaults added, changed and dropped",
                        schema(users(
                                ID,
                                EMAIL.defaultValue("'nobody@example.com'"),
                                NAME,
                                Column.of("score", "integer").defaultValue("0"))),
                        schema(users(
                                ID,
                                EMAIL,
                                NAME.defaultValue("'anonymous'"),
                                Column.of("score", "integer").defaultValue("10")))),
                Arguments.of(
                        "default kept across a type change",
                        schema(users(ID, Column.of("score", "integer").defaultValue("5"))),
                        schema(users(ID, Column.of("score", "varchar(10)").defaultValue("'5'")))),
                Arguments.of(
                        "a default replaced by an identity",
                        schema(users(
                                ID.withIdentity(Identity.NONE),
                                Column.of("n", "bigint").notNull().defaultValue("7"))),
                        schema(users(
                                ID.withIdentity(Identity.NONE),
                                Column.of("n", "bigint").identityAlways()))),
                Arguments.of(
                        "new NOT NULL column with a default on a table",
                        schema(users(ID)),
                        schema(users(
                                ID, Column.of("active", "boolean").notNull().defaultValue("true")))),
                Arguments.of(
                        "indexes added, dropped, reordered",
                        schema(indexed(Index.on("email", "name"), Index.on("name"))),
                        schema(indexed(
                                Index.on("name", "email"), Index.on("email").asUnique()))),
                Arguments.of(
                        "sort orders: DESC NULLS LAST and NULLS FIRST are changes",
                        schema(indexed(Index.on("email")
                                .withKeys(List.of(Index.Key.of("email").desc())))),
                        schema(indexed(Index.on("email")
                                .withKeys(List.of(
                                        new Index.Key("email", true, false),
                                        Index.Key.of("name").nullsFirst(true)))))),
                Arguments.of(
                        "expression, partial, covering and method indexes",
                        schema(users(ID, EMAIL, NAME)),
                        schema(indexed(
                                Index.of(List.of(Index.Key.of("(lower((email)::text))")))
                                        .asUnique()
                                        .withInclude(List.of("name"))
                                        .where("(name IS NOT NULL)"),
                                Index.on("name").using("hash"),
                                Index.on("id").using("brin")))),
                Arguments.of(
                        "NULLS NOT DISTINCT toggled",
                        schema(indexed(Index.on("name").asUnique())),
                        schema(indexed(Index.on("name").asUnique().withNullsNotDistinct()))),
                Arguments.of(
                        "plain index replaced by a unique constraint",
                        schema(indexed(Index.on("email"))),
                        schema(users(List.of(UniqueConstraint.of("email")), ID, EMAIL, NAME))),
                Arguments.of(
                        "comments added, altered and removed, with quotes",
                        schema(commented("old table comment", ID, EMAIL.comment("old"), NAME.comment("goes"))),
                        schema(commented("it's the \"new\" one", ID.comment("key"), EMAIL.comment("new"), NAME))),
                Arguments.of(
                        "table created with table and column comments",
                        Schema.EMPTY,
                        schema(commented("people", ID.comment("key"), EMAIL.comment("where to write")))),
                Arguments.of(
                        "enum created with the table using it",
                        Schema.EMPTY,
                        new Schema(
                                List.of(users(ID, Column.of("mood", "mood").defaultValue("'happy'"))),
                                List.of(),
                                List.of(EnumType.of("mood", "sad", "happy")))),
                Arguments.of(
                        "enum label added in the middle",
                        new Schema(
                                List.of(users(ID, Column.of("mood", "mood"))),
                                List.of(),
                                List.of(EnumType.of("mood", "sad", "happy"))),
                        new Schema(
                                List.of(users(ID, Column.of("mood", "mood"))),
                                List.of(),
                                List.of(EnumType.of("mood", "sad", "ok", "happy")))),
                Arguments.of(
                        "enum labels added first, two in the middle and last keep the model's order",
                        new Schema(
                                List.of(users(ID, Column.of("mood", "mood"))),
                                List.of(),
                                List.of(EnumType.of("mood", "sad", "happy"))),
                        new Schema(
                                List.of(users(ID, Column.of("mood", "mood"))),
                                List.of(),
                                List.of(EnumType.of("mood", "gloomy", "sad", "ok", "fine", "happy", "überglücklich")))),
                Arguments.of(
                        "enum label removed: the type is rebuilt under the column and its default",
                        new Schema(
                                List.of(users(ID, Column.of("mood", "mood").defaultValue("'happy'::mood"))),
                                List.of(),
                                List.of(EnumType.of("mood", "sad", "ok", "happy"))),
                        new Schema(
                                List.of(users(ID, Column.of("mood", "mood").defaultValue("'happy'::mood"))),
                                List.of(),
                                List.of(EnumType.of("mood", "happy", "sad")))),
                Arguments.of(
                        "enum created with Hibernate's casts to and from varchar",
                        Schema.EMPTY,
                        new Schema(
                                List.of(users(ID, Column.of("mood", "mood"))),
                                List.of(),
                                List.of(EnumType.of("mood", "sad", "happy").withVarcharCasts()))),
                Arguments.of(
                        "casts added to an existing enum, then dropped",
                        new Schema(
                                List.of(users(ID, Column.of("mood", "mood"))),
                                List.of(),
                                List.of(EnumType.of("mood", "sad", "happy"))),
                        new Schema(
                                List.of(users(ID, Column.of("mood", "mood"))),
                                List.of(),
                                List.of(EnumType.of("mood", "sad", "happy").withVarcharCasts()))),
                Arguments.of(
                        "enum with casts rebuilt: the casts move to the new type",
                        new Schema(
                                List.of(users(ID, Column.of("mood", "mood").defaultValue("'happy'::mood"))),
                                List.of(),
                                List.of(EnumType.of("mood", "sad", "ok", "happy")
                                        .withVarcharCasts())),
                        new Schema(
                                List.of(users(ID, Column.of("mood", "mood").defaultValue("'happy'::mood"))),
                                List.of(),
                                List.of(EnumType.of("mood", "happy", "sad").withVarcharCasts()))),
                Arguments.of(
                        "enum rebuilt while one of its casts goes",
                        new Schema(
                                List.of(users(ID, Column.of("mood", "mood"))),
                                List.of(),
                                List.of(EnumType.of("mood", "sad", "ok", "happy")
                                        .withVarcharCasts())),
                        new Schema(
                                List.of(users(ID, Column.of("mood", "mood"))),
                                List.of(),
                                List.of(EnumType.of("mood", "happy", "sad")
                                        .withCasts(Set.of(EnumType.Cast.TO_VARCHAR))))),
                Arguments.of(
                        "enum with casts in another schema dropped with its table",
                        new Schema(
                                List.of(
                                        users(ID),
                                        Table.of(
                                                        new QualifiedName("sales", "tickets"),
                                                        List.of(ID, Column.of("level", "sales.level")))
                                                .withPrimaryKey(PrimaryKey.of("id"))),
                                List.of(),
                                List.of(EnumType.of("level", "low", "high")
                                        .inSchema("sales")
                                        .withVarcharCasts())),
                        schema(users(ID))),
                Arguments.of(
                        "enum in another schema dropped with its table",
                        new Schema(
                                List.of(
                                        users(ID),
                                        Table.of(
                                                        new QualifiedName("sales", "tickets"),
                                                        List.of(ID, Column.of("level", "sales.level")))
                                                .withPrimaryKey(PrimaryKey.of("id"))),
                                List.of(),
                                List.of(EnumType.of("level", "low", "high").inSchema("sales"))),
                        schema(users(ID))),
                Arguments.of(
                        "mixed case and quotes",
                        Schema.EMPTY,
                        schema(Table.of(
                                        QualifiedName.of("Odd \"Name\""),
                                        List.of(Column.of("Mixed", "text"), Column.of("a\"b", "integer")))
                                .withPrimaryKey(PrimaryKey.of("a\"b")))));
    }

    @BeforeEach
    void reset() throws SQLException {
        db.execute("DROP SCHEMA IF EXISTS sales CASCADE; CREATE SCHEMA sales");
        db.reset();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pairs")
    void upgradeReachesTargetAndDowngradeReturns(String name, Schema writtenA, Schema writtenB) throws SQLException {
        try (Connection c = db.connect()) {
            apply(c, Differ.diff(Schema.EMPTY, writtenA).upgrade());
            Schema start = read(c);
            Schema a = ExpressionCanonicalizer.canonicalize(c, writtenA);
            Schema b = ExpressionCanonicalizer.canonicalize(c, writtenB);
            assertEquals(a.comparable(), start.comparable(), "setting up A");
            Plan plan = Differ.diff(start, b);
            apply(c, plan.upgrade());
            Schema upgraded = read(c);
            assertTrue(
                    Differ.diff(upgraded, b).isEmpty(),
                    () -> "after upgrade: " + Differ.diff(upgraded, b).upgrade());
            assertTrue(Differ.diff(upgraded, b).isEmpty(), () -> "re-diff after upgrade: " + Differ.diff(upgraded, b));
            apply(c, plan.downgrade());
            Schema downgraded = read(c);
            assertTrue(
                    Differ.diff(downgraded, start).isEmpty(),
                    () -> "after downgrade: " + Differ.diff(downgraded, start).upgrade());
            assertTrue(
                    Differ.diff(downgraded, a).isEmpty(),
                    () -> "re-diff after downgrade: " + Differ.diff(downgraded, a));
        }
    }

    private static Schema read(Connection c) {
        return ExpressionCanonicalizer.canonicalize(c, PostgresIntrospector.read(c, SCOPE));
    }

    private static void apply(Connection c, List<Op> ops) throws SQLException {
        try (Statement st = c.createStatement()) {
            // each table's column changes combined, as generated migrations run them
            for (String sql : PostgresSql.statements(ops)) st.execute(sql);
        }
    }
}
