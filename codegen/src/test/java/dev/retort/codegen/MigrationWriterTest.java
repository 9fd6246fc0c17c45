package dev.retort.codegen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.retort.diff.Conversions;
import dev.retort.diff.Differ;
import dev.retort.diff.Plan;
import dev.retort.op.AddColumn;
import dev.retort.op.AddExclusion;
import dev.retort.op.AddForeignKey;
import dev.retort.op.CreateIndex;
import dev.retort.op.Op;
import dev.retort.op.OpKinds;
import dev.retort.op.Option;
import dev.retort.op.RenameColumn;
import dev.retort.op.RenameTable;
import dev.retort.runtime.Migration;
import dev.retort.runtime.Ops;
import dev.retort.runtime.Revision;
import dev.retort.schema.CheckConstraint;
import dev.retort.schema.Column;
import dev.retort.schema.CompositeType;
import dev.retort.schema.CompositeType.Attribute;
import dev.retort.schema.EnumType;
import dev.retort.schema.ExclusionConstraint;
import dev.retort.schema.ForeignKey;
import dev.retort.schema.Index;
import dev.retort.schema.Namespace;
import dev.retort.schema.PrimaryKey;
import dev.retort.schema.QualifiedName;
import dev.retort.schema.Schema;
import dev.retort.schema.Sequence;
import dev.retort.schema.Table;
import dev.retort.schema.UniqueConstraint;
import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Golden files for generated migration classes. Each golden is compared whole, compiled, and run:
 * its upgrade and downgrade must record exactly the plan it was generated from. Refresh goldens
 * deliberately with {@code -Dretort.golden.update=true}.
 */
class MigrationWriterTest {
    private static final Path GOLDEN = Path.of("src/test/resources/golden");
    private static final LocalDateTime CREATED = LocalDateTime.of(2026, 11, 21, 10, 15, 2);

    private static final QualifiedName CUSTOMERS = QualifiedName.of("customers");
    private static final Column ID = Column.of("id", "bigint").identityByDefault();
    private static final Column EMAIL = Column.of("email", "varchar(200)").notNull();
    private static final Column NAME = Column.of("name", "varchar(100)");

    private static final Table CUSTOMERS_V1 =
            Table.of(CUSTOMERS, List.of(ID, EMAIL, NAME)).withPrimaryKey(PrimaryKey.of("id"));
    private static final Table LINES = Table.of(
                    QualifiedName.of("order_lines"),
                    List.of(
                            Column.of("order_id", "bigint"),
                            Column.of("line_no", "integer"),
                            Column.of("quantity", "integer").notNull()))
            .withPrimaryKey(PrimaryKey.of("order_id", "line_no"));
    private static final Table SALES_ORDERS = Table.of(
                    new QualifiedName("sales", "orders"),
                    List.of(
                            ID,
                            Column.of("total", "numeric(12,2)"),
                            Column.of("placed_at", "timestamptz(6)").notNull()))
            .withPrimaryKey(PrimaryKey.of("id"));

    /** A schema created with its comment, before its table; one dropped after its table goes; a comment changed. */
    private static Plan schemaPlan() {
        Table orders = Table.of(new QualifiedName("sales", "orders"), List.of(Column.of("id", "bigint")));
        Table archived = Table.of(new QualifiedName("archive", "old"), List.of(Column.of("id", "bigint")));
        Schema before = new Schema(List.of(archived))
                .withNamespaces(List.of(
                        Namespace.of("archive")
                                .withMembers(List.of(new Namespace.Member("table", "old", "archive.old"))),
                        Namespace.of("crm").comment("People")));
        Schema after = new Schema(List.of(orders))
                .withNamespaces(List.of(
                        Namespace.of("sales").comment("What we sell \"now\""),
                        Namespace.of("crm").comment("Customers")));
        return Differ.diff(before, after);
    }

    static Stream<Arguments> cases() {
        Schema v1 = new Schema(List.of(CUSTOMERS_V1, LINES));
        Table customersV2 = Table.of(
                        CUSTOMERS,
                        List.of(ID, EMAIL.withType("varchar(100)"), NAME.notNull(), Column.of("phone", "varchar(30)")))
                .withPrimaryKey(PrimaryKey.of("id"));
        Table linesV2 = Table.of(
                        LINES.name(),
                        List.of(
                                Column.of("order_id", "bigint"),
                                Column.of("line_no", "integer"),
                                Column.of("quantity", "bigint").notNull()))
                .withPrimaryKey(PrimaryKey.of("order_id"));
        return Stream.of(
                Arguments.of(
                        "create_tables",
                        RevisionHeader.of("3f2a9c1b7d4e", List.of(), "create customers and lines", CREATED),
                        Differ.diff(Schema.EMPTY, new Schema(List.of(CUSTOMERS_V1, LINES, SALES_ORDERS)))),
                Arguments.of(
                        "every_op",
                        RevisionHeader.of(
                                "9b1e0c2d4f6a", List.of("3f2a9c1b7d4e"), "v2: phone, narrower email */ <b>", CREATED),
                        Differ.diff(v1, new Schema(List.of(customersV2, linesV2, SALES_ORDERS)))),
                Arguments.of(
                        "empty",
                        RevisionHeader.of("0a1b2c3d4e5f", List.of("9b1e0c2d4f6a"), "data fix only", CREATED),
                        Plan.EMPTY),
                Arguments.of(
                        "constraints_and_sequences",
                        RevisionHeader.of("5e5e5e5e5e5e", List.of("9b1e0c2d4f6a"), "library v2", CREATED),
                        libraryPlan()),
                Arguments.of(
                        "renames",
                        RevisionHeader.of("1e1e1e1e1e1e", List.of("5e5e5e5e5e5e"), "renames by hand", CREATED),
                        new Plan(List.of(
                                new RenameTable(QualifiedName.of("customers"), "clients"),
                                new RenameColumn(QualifiedName.of("clients"), "name", "full_name")))),
                Arguments.of(
                        "rename_hints",
                        RevisionHeader.of("2e2e2e2e2e2e", List.of("1e1e1e1e1e1e"), "looks like renames", CREATED),
                        Differ.diff(
                                new Schema(List.of(CUSTOMERS_V1, LINES)),
                                new Schema(List.of(
                                        Table.of(CUSTOMERS, List.of(ID, EMAIL, Column.of("full_name", "varchar(100)")))
                                                .withPrimaryKey(PrimaryKey.of("id")),
                                        Table.of(QualifiedName.of("invoice_lines"), LINES.columns())
                                                .withPrimaryKey(PrimaryKey.of("order_id", "line_no")))))),
                Arguments.of(
                        // a rename with a widening type change: the hint names the rename and the change after it
                        "retyped_rename_hints",
                        RevisionHeader.of(
                                "2f2f2f2f2f2f", List.of("2e2e2e2e2e2e"), "looks like retyped renames", CREATED),
                        Differ.diff(
                                new Schema(List.of(CUSTOMERS_V1, LINES)),
                                new Schema(List.of(
                                        Table.of(CUSTOMERS, List.of(ID, EMAIL, Column.of("full_name", "text")))
                                                .withPrimaryKey(PrimaryKey.of("id")),
                                        Table.of(
                                                        LINES.name(),
                                                        List.of(
                                                                Column.of("order_id", "bigint"),
                                                                Column.of("line_no", "integer"),
                                                                Column.of("qty", "bigint")
                                                                        .notNull()))
                                                .withPrimaryKey(PrimaryKey.of("order_id", "line_no")))))),
                Arguments.of(
                        "comments",
                        RevisionHeader.of("3e3e3e3e3e3e", List.of("2e2e2e2e2e2e"), "comments", CREATED),
                        Differ.diff(
                                new Schema(List.of(CUSTOMERS_V1)),
                                new Schema(List.of(
                                        Table.of(CUSTOMERS, List.of(ID.comment("surrogate key"), EMAIL, NAME))
                                                .withPrimaryKey(PrimaryKey.of("id"))
                                                .withComment("People who buy"),
                                        Table.of(
                                                        QualifiedName.of("notes"),
                                                        List.of(Column.of("body", "text")
                                                                .comment("it's free text")))
                                                .withComment("Notes \"quoted\""))))),
                Arguments.of(
                        "serial_generated_collation",
                        RevisionHeader.of(
                                "4e4e4e4e4e4e",
                                List.of("3e3e3e3e3e3e"),
                                "serial to identity, generated and collated columns",
                                CREATED),
                        serialPlan()),
                Arguments.of(
                        "hand_written_options",
                        RevisionHeader.of(
                                "6e6e6e6e6e6e",
                                List.of("4e4e4e4e4e4e"),
                                "concurrent index, not valid key, exclusion",
                                CREATED),
                        new Plan(List.of(
                                new AddColumn(
                                        QualifiedName.of("bookings"),
                                        Column.of("during", "tsrange"),
                                        Set.of(Option.IF_NOT_EXISTS)),
                                new AddExclusion(
                                        QualifiedName.of("bookings"),
                                        new ExclusionConstraint("bookings_no_overlap", "USING gist (during WITH &&)")),
                                new AddForeignKey(
                                        QualifiedName.of("bookings"),
                                        ForeignKey.Columns.of("customer_id").references("customers", "id"),
                                        Set.of(Option.NOT_VALID)),
                                new CreateIndex(
                                        QualifiedName.of("bookings"),
                                        Index.on("customer_id"),
                                        Set.of(Option.CONCURRENTLY, Option.IF_NOT_EXISTS))))),
                Arguments.of(
                        "constraint_validity",
                        RevisionHeader.of(
                                "8d8d8d8d8d8d",
                                List.of("6e6e6e6e6e6e"),
                                "validate a check, a key not valid again, NO INHERIT",
                                CREATED),
                        validityPlan()),
                Arguments.of(
                        "type_spelling",
                        RevisionHeader.of("8e8e8e8e8e8e", List.of("6e6e6e6e6e6e"), "times as text", CREATED),
                        Differ.diff(
                                new Schema(List.of(Table.of(
                                        QualifiedName.of("visits"),
                                        List.of(
                                                Column.of("seen", "timestamp without time zone"),
                                                Column.of("opens", "time with time zone"))))),
                                new Schema(List.of(Table.of(
                                        QualifiedName.of("visits"),
                                        List.of(Column.of("seen", "text"), Column.of("opens", "text"))))))),
                Arguments.of(
                        "composite_types",
                        RevisionHeader.of("9e9e9e9e9e9e", List.of("8e8e8e8e8e8e"), "struct embeddables", CREATED),
                        compositePlan()),
                Arguments.of(
                        "schemas",
                        RevisionHeader.of("9f9f9f9f9f9f", List.of("9e9e9e9e9e9e"), "schemas as objects", CREATED),
                        schemaPlan()),
                Arguments.of(
                        "unlogged",
                        RevisionHeader.of("9a9a9a9a9a9a", List.of("9f9f9f9f9f9f"), "unlogged tables", CREATED),
                        Differ.diff(
                                new Schema(List.of(CUSTOMERS_V1)),
                                new Schema(List.of(
                                        CUSTOMERS_V1.withUnlogged(true),
                                        Table.of(QualifiedName.of("scratch"), List.of(Column.of("body", "text")))
                                                .withUnlogged(true))))),
                Arguments.of(
                        "index_renames",
                        RevisionHeader.of("9b9b9b9b9b9b", List.of("9a9a9a9a9a9a"), "index renames", CREATED),
                        Differ.diff(
                                new Schema(List.of(CUSTOMERS_V1
                                        .withIndexes(List.of(Index.on("email").named("customers_email_idx")))
                                        .withUniques(
                                                List.of(new UniqueConstraint("customers_name_key", List.of("name")))))),
                                new Schema(List.of(CUSTOMERS_V1
                                        .withIndexes(List.of(Index.on("email").named("customers_by_email")))
                                        .withUniques(List.of(
                                                new UniqueConstraint("customers_name_unique", List.of("name")))))))),
                Arguments.of(
                        "uncastable",
                        RevisionHeader.of("9c9c9c9c9c9c", List.of("9b9b9b9b9b9b"), "seen as a timestamp", CREATED),
                        Conversions.mark(
                                Differ.diff(
                                        new Schema(List.of(Table.of(
                                                QualifiedName.of("visits"),
                                                List.of(Column.of("id", "bigint"), Column.of("seen", "bigint"))))),
                                        new Schema(List.of(Table.of(
                                                QualifiedName.of("visits"),
                                                List.of(Column.of("id", "bigint"), Column.of("seen", "timestamp")))))),
                                (from, to) -> false)),
                Arguments.of(
                        "merge",
                        RevisionHeader.of(
                                        "7c7c7c7c7c7c", List.of("0a1b2c3d4e5f", "5e5e5e5e5e5e"), "merge heads", CREATED)
                                .withBranchLabels(List.of("billing"))
                                .withDependsOn(List.of("3f2a9c1b7d4e")),
                        Plan.EMPTY));
    }

    /**
     * A composite type gains an attribute, one is created with the table that uses it (a collated
     * attribute), one is dropped.
     */
    static Plan compositePlan() {
        Attribute zip = Attribute.of("zip", "integer");
        Attribute city = Attribute.of("city", "varchar(255)");
        CompositeType address = CompositeType.of("postal_address", zip, city);
        CompositeType point = CompositeType.of("old_point", Attribute.of("x", "integer"));
        CompositeType range = CompositeType.of(
                "price_range",
                Attribute.of("low", "numeric(10,2)"),
                Attribute.of("label", "text").collate("\"C\""));
        Table shipments = Table.of(QualifiedName.of("shipments"), List.of(Column.of("price", "price_range")));
        return Differ.diff(
                new Schema(List.of(), List.of(), List.of()).withTypes(List.of(address, point)),
                new Schema(List.of(shipments), List.of(), List.of())
                        .withTypes(List.of(
                                address.withAttributes(zip, city, Attribute.of("zone", "varchar(255)")), range)));
    }

    /**
     * A check validated, a foreign key made NOT VALID again, a NOT VALID and NO INHERIT check added,
     * and a new table with a NOT VALID check.
     */
    private static Plan validityPlan() {
        QualifiedName orders = QualifiedName.of("orders");
        CheckConstraint positive = CheckConstraint.of("total >= 0").named("orders_total_check");
        ForeignKey customer = ForeignKey.Columns.of("customer_id")
                .references("customers", "id")
                .named("orders_customer_id_fkey");
        Table before = Table.of(
                        orders,
                        List.of(
                                Column.of("id", "bigint").notNull(),
                                Column.of("customer_id", "bigint"),
                                Column.of("total", "integer")))
                .withPrimaryKey(PrimaryKey.of("id"))
                .withChecks(List.of(positive.notValid()))
                .withForeignKeys(List.of(customer));
        Table after = before.withChecks(List.of(
                        positive,
                        CheckConstraint.of("total < 1000000").noInherit().notValid()))
                .withForeignKeys(List.of(customer.notValid()));
        Table notes = Table.of(QualifiedName.of("notes"), List.of(Column.of("body", "text")))
                .withChecks(List.of(CheckConstraint.of("body <> ''").notValid()));
        return Differ.diff(new Schema(List.of(before)), new Schema(List.of(after, notes)));
    }

    /**
     * A serial column becomes an identity (its sequence released and dropped), a new table gets a
     * serial column (its sequence created, then owned), a column becomes generated, another collated.
     */
    static Plan serialPlan() {
        Column serialId = Column.of("id", "integer").notNull().defaultValue("nextval('tickets_id_seq'::regclass)");
        Column price = Column.of("price", "numeric(10,2)");
        Table before = Table.of(
                        QualifiedName.of("tickets"),
                        List.of(serialId, Column.of("code", "text"), price, Column.of("total", "numeric(10,2)")))
                .withPrimaryKey(PrimaryKey.of("id"));
        Table after = Table.of(
                        QualifiedName.of("tickets"),
                        List.of(
                                Column.of("id", "integer").identityByDefault(),
                                Column.of("code", "text").collate("\"C\""),
                                price,
                                Column.of("total", "numeric(10,2)").generatedAs("price * 2")))
                .withPrimaryKey(PrimaryKey.of("id"));
        Table counters = Table.of(
                        QualifiedName.of("counters"),
                        List.of(Column.of("id", "bigint")
                                .notNull()
                                .defaultValue("nextval('counters_id_seq'::regclass)")))
                .withPrimaryKey(PrimaryKey.of("id"));
        return Differ.diff(
                new Schema(
                        List.of(before),
                        List.of(Sequence.of("tickets_id_seq", 1, 1).ownedBy("tickets", "id")),
                        List.of()),
                new Schema(
                        List.of(after, counters),
                        List.of(Sequence.of("counters_id_seq", 1, 1).ownedBy("counters", "id")),
                        List.of()));
    }

    /** Sequences created, changed and dropped; tables with foreign keys created and dropped; keys and uniques changed. */
    static Plan libraryPlan() {
        Column id = Column.of("id", "bigint").notNull();
        Table authors = Table.of(
                        QualifiedName.of("authors"),
                        List.of(id, Column.of("name", "varchar(200)").notNull()))
                .withPrimaryKey(PrimaryKey.of("id"));
        Table members = Table.of(
                        QualifiedName.of("members"),
                        List.of(
                                id,
                                Column.of("email", "varchar(200)").notNull(),
                                Column.of("branch", "varchar(40)").notNull()))
                .withPrimaryKey(PrimaryKey.of("id"))
                .withUniques(List.of(UniqueConstraint.of("email").named("members_email_key")));
        Table loans = Table.of(
                        QualifiedName.of("loans"),
                        List.of(id, Column.of("member_id", "bigint").notNull(), Column.of("status", "varchar(20)")))
                .withPrimaryKey(PrimaryKey.of("id"))
                .withChecks(List.of(
                        CheckConstraint.of("((status)::text = ANY ((ARRAY['OPEN'::character varying])::text[]))")
                                .named("loans_status_check")));
        Table legacy = Table.of(QualifiedName.of("legacy_notes"), List.of(id, Column.of("author_id", "bigint")))
                .withPrimaryKey(PrimaryKey.of("id"))
                .withForeignKeys(List.of(ForeignKey.Columns.of("author_id")
                        .references("authors", "id")
                        .named("legacy_notes_author_fk")))
                .withIndexes(List.of(Index.on("author_id").using("hash").named("legacy_notes_author_idx")));
        Schema before = new Schema(
                List.of(authors, members, loans, legacy),
                List.of(
                        Sequence.of("authors_seq", 1, 50),
                        Sequence.of("member_cards", 1000, 1),
                        Sequence.of("legacy_seq", 1, 1)),
                List.of(
                        EnumType.of("loan_status", "OPEN", "RETURNED").withVarcharCasts(),
                        EnumType.of("legacy_kind", "A").withVarcharCasts()));
        Table membersV2 = Table.of(members.name(), members.columns())
                .withPrimaryKey(PrimaryKey.of("id"))
                .withUniques(List.of(UniqueConstraint.of("email", "branch").named("members_email_branch_key")))
                .withIndexes(
                        List.of(Index.of(List.of(Index.Key.of("branch").desc(), Index.Key.of("(lower((email)::text))")))
                                .withInclude(List.of("id"))
                                .where("(id > 1000)")
                                .named("members_branch_idx")));
        Table loansV2 = Table.of(loans.name(), loans.columns())
                .withPrimaryKey(PrimaryKey.of("id"))
                .withForeignKeys(List.of(ForeignKey.Columns.of("member_id")
                        .references("members", "id")
                        .onDelete(ForeignKey.Action.CASCADE)
                        .named("fkcx90n1minpb22v3jw4ojinqm")))
                .withChecks(List.of(CheckConstraint.of("status in ('OPEN','LOST')")));
        Table reviews = Table.of(
                        new QualifiedName("reading", "reviews"),
                        List.of(id, Column.of("author_id", "bigint").notNull()))
                .withPrimaryKey(PrimaryKey.of("id"))
                .withForeignKeys(List.of(ForeignKey.Columns.of("author_id")
                        .references("authors", "id")
                        .deferrable(false)));
        Schema after = new Schema(
                List.of(authors, membersV2, loansV2, reviews),
                List.of(
                        Sequence.of("authors_seq", 1, 50),
                        Sequence.of("member_cards", 1000, 10),
                        Sequence.of("reviews_seq", 1, 50).inSchema("reading")),
                List.of(
                        EnumType.of("loan_status", "LOST", "OPEN", "RETURNED").withVarcharCasts(),
                        EnumType.of("mood", "sad", "happy").inSchema("reading").withVarcharCasts()));
        return Differ.diff(before, after);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void generatedClassMatchesGoldenCompilesAndRecordsThePlan(
            String name, RevisionHeader header, Plan plan, @TempDir Path dir) throws Exception {
        String source = MigrationWriter.write("migrations", header, plan).toString();
        Path golden = GOLDEN.resolve(name + ".java");
        if (Boolean.getBoolean("retort.golden.update")) Files.writeString(golden, source, StandardCharsets.UTF_8);
        assertEquals(
                Files.readString(golden, StandardCharsets.UTF_8),
                source,
                "golden " + golden + " (refresh with -Dretort.golden.update=true)");

        Migration migration = compileAndLoad(golden, "migrations." + MigrationWriter.className(header), dir);
        Revision revision = migration.getClass().getAnnotation(Revision.class);
        assertEquals(header.id(), revision.id());
        assertEquals(header.revises(), List.of(revision.revises()));
        assertEquals(header.message(), revision.message());
        assertEquals(header.branchLabels(), List.of(revision.branchLabels()));
        assertEquals(header.dependsOn(), List.of(revision.dependsOn()));
        Ops up = new Ops();
        migration.upgrade(up);
        assertEquals(plan.upgrade(), up.operations());
        Ops down = new Ops();
        migration.downgrade(down);
        assertEquals(plan.downgrade(), down.operations());
    }

    @Test
    void goldenCasesRenderEveryOperationType() {
        Set<Class<?>> rendered = cases().flatMap(a -> ((Plan) a.get()[2]).upgrade().stream())
                .map(Object::getClass)
                .collect(Collectors.toSet());
        Set<Class<?>> rendered2 = cases().flatMap(a -> ((Plan) a.get()[2]).downgrade().stream())
                .map(Object::getClass)
                .collect(Collectors.toSet());
        rendered.addAll(rendered2);
        assertEquals(OpKinds.all(), rendered, "add a golden case for each new Op type");
    }

    @Test
    void hazardsAreMarkedAboveTheirStatement() throws IOException {
        String golden = Files.readString(GOLDEN.resolve("every_op.java"));
        assertTrue(
                golden.contains(
                        "// HAZARD data-loss: drops table sales.orders and all its rows\n        op.schema(\"sales\").dropTable("),
                golden);
    }

    @Test
    void classNamesComeFromTheMessage() {
        assertEquals(
                "R3f2a9c1b7d4e_AddUserAvatar",
                MigrationWriter.className(RevisionHeader.of("3f2a9c1b7d4e", List.of(), "add user avatar", CREATED)));
        assertEquals(
                "R3f2a9c1b7d4e",
                MigrationWriter.className(RevisionHeader.of("3f2a9c1b7d4e", List.of(), "--- !!", CREATED)));
        assertEquals(
                "R1_V2Changes", MigrationWriter.className(RevisionHeader.of("1", List.of(), "v2 changes", CREATED)));
    }

    @Test
    void sameInputSameSource() {
        Plan plan = Differ.diff(Schema.EMPTY, new Schema(List.of(SALES_ORDERS, LINES, CUSTOMERS_V1)));
        RevisionHeader header = RevisionHeader.of("abc", List.of(), "x", CREATED);
        assertEquals(
                MigrationWriter.write("m", header, plan).toString(),
                MigrationWriter.write("m", header, plan).toString());
    }

    /** Compiles a golden file against Retort's runtime and loads the migration it declares. */
    static Migration compileAndLoad(Path golden, String className, Path out) throws Exception {
        Path source = out.resolve(className.substring(className.lastIndexOf('.') + 1) + ".java");
        Files.copy(golden, source);
        String classpath = Stream.of(Migration.class, Op.class)
                .map(MigrationWriterTest::location)
                .distinct()
                .collect(Collectors.joining(File.pathSeparator));
        int status = ToolProvider.getSystemJavaCompiler()
                .run(
                        null,
                        null,
                        null,
                        "-Xlint:all",
                        "-Werror",
                        "-d",
                        out.toString(),
                        "-cp",
                        classpath,
                        source.toString());
        assertEquals(0, status, "golden " + golden + " compiles without warnings");
        try (URLClassLoader loader =
                new URLClassLoader(new URL[] {out.toUri().toURL()}, Migration.class.getClassLoader())) {
            return (Migration)
                    loader.loadClass(className).getDeclaredConstructor().newInstance();
        }
    }

    private static String location(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain()
                            .getCodeSource()
                            .getLocation()
                            .toURI())
                    .toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
