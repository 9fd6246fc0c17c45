package dev.retort.codegen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.retort.diff.Differ;
import dev.retort.diff.OnlineForms;
import dev.retort.diff.Plan;
import dev.retort.runtime.Migration;
import dev.retort.runtime.Ops;
import dev.retort.schema.CheckConstraint;
import dev.retort.schema.Column;
import dev.retort.schema.ForeignKey;
import dev.retort.schema.Index;
import dev.retort.schema.PrimaryKey;
import dev.retort.schema.QualifiedName;
import dev.retort.schema.Schema;
import dev.retort.schema.Table;
import dev.retort.schema.UniqueConstraint;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The migration class in {@code safety = online} forms: compared whole with its golden, compiled,
 * and replayed, each direction recording exactly the lock-safe forms of the plan's direction.
 */
class OnlineMigrationWriterTest {
    private static final Path GOLDEN = Path.of("src/test/resources/golden/online_forms.java");
    private static final RevisionHeader HEADER = RevisionHeader.of(
            "5e1f0a2b3c4d", List.of("3f2a9c1b7d4e"), "online forms", LocalDateTime.of(2026, 12, 1, 20, 0, 0));

    /** An existing customers table gains an index, a check, a unique key and a NOT NULL; orders lose an index and gain a key; a new table keeps the plain forms. */
    static Plan plan() {
        Column id = Column.of("id", "bigint").notNull();
        Table customers = Table.of(
                        QualifiedName.of("customers"),
                        List.of(id, Column.of("email", "varchar(200)"), Column.of("age", "integer")))
                .withPrimaryKey(PrimaryKey.of("id"));
        Table orders = Table.of(
                        QualifiedName.of("orders"),
                        List.of(Column.of("id", "bigint").notNull(), Column.of("customer_id", "bigint")))
                .withIndexes(List.of(Index.on("customer_id").named("orders_customer_idx")));
        Table customersV2 = Table.of(
                        customers.name(),
                        List.of(id, Column.of("email", "varchar(200)").notNull(), Column.of("age", "integer")))
                .withPrimaryKey(PrimaryKey.of("id"))
                .withUniques(List.of(UniqueConstraint.of("email")))
                .withChecks(List.of(CheckConstraint.of("age >= 0").named("customers_age_check")))
                .withIndexes(List.of(Index.on("age")));
        Table ordersV2 = Table.of(orders.name(), orders.columns())
                .withPrimaryKey(PrimaryKey.of("id"))
                .withForeignKeys(List.of(ForeignKey.Columns.of("customer_id").references("customers", "id")));
        Table notes = Table.of(
                        QualifiedName.of("notes"),
                        List.of(Column.of("id", "bigint").notNull(), Column.of("customer_id", "bigint")))
                .withPrimaryKey(PrimaryKey.of("id"))
                .withForeignKeys(List.of(ForeignKey.Columns.of("customer_id").references("customers", "id")))
                .withIndexes(List.of(Index.on("customer_id")));
        return Differ.diff(new Schema(List.of(customers, orders)), new Schema(List.of(customersV2, ordersV2, notes)));
    }

    @Test
    void onlineFormsMatchTheGoldenCompileAndRecordTheSafeForms(@TempDir Path dir) throws Exception {
        Plan plan = plan();
        String source =
                MigrationWriter.write("migrations", HEADER, plan, Safety.ONLINE).toString();
        if (Boolean.getBoolean("retort.golden.update")) Files.writeString(GOLDEN, source, StandardCharsets.UTF_8);
        assertEquals(
                Files.readString(GOLDEN, StandardCharsets.UTF_8),
                source,
                "golden " + GOLDEN + " (refresh with -Dretort.golden.update=true)");

        Migration migration =
                MigrationWriterTest.compileAndLoad(GOLDEN, "migrations." + MigrationWriter.className(HEADER), dir);
        Ops up = new Ops();
        migration.upgrade(up);
        assertEquals(OnlineForms.flatten(OnlineForms.of(plan.upgrade())), up.operations());
        Ops down = new Ops();
        migration.downgrade(down);
        assertEquals(OnlineForms.flatten(OnlineForms.of(plan.downgrade())), down.operations());
    }

    /** Every golden case's plan in the online forms compiles without warnings and records those forms, both ways. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.retort.codegen.MigrationWriterTest#cases")
    void everyGoldenPlanInTheOnlineFormsCompilesAndRecordsThem(
            String name, RevisionHeader header, Plan plan, @TempDir Path dir) throws Exception {
        Path source = dir.resolve("online_" + name + ".java");
        Files.writeString(
                source,
                MigrationWriter.write("migrations", header, plan, Safety.ONLINE).toString(),
                StandardCharsets.UTF_8);
        Path classes = Files.createDirectories(dir.resolve("classes"));
        Migration migration =
                MigrationWriterTest.compileAndLoad(source, "migrations." + MigrationWriter.className(header), classes);
        Ops up = new Ops();
        migration.upgrade(up);
        assertEquals(OnlineForms.flatten(OnlineForms.of(plan.upgrade())), up.operations());
        Ops down = new Ops();
        migration.downgrade(down);
        assertEquals(OnlineForms.flatten(OnlineForms.of(plan.downgrade())), down.operations());
    }

    @Test
    void simpleIsTodaysForm() {
        Plan plan = plan();
        String simple =
                MigrationWriter.write("migrations", HEADER, plan, Safety.SIMPLE).toString();
        assertEquals(MigrationWriter.write("migrations", HEADER, plan).toString(), simple);
        assertFalse(simple.contains("op.autocommit(a"), simple);
        assertFalse(simple.contains("Option."), simple);
        assertTrue(simple.contains("// HAZARD long-lock: SET NOT NULL on customers.email"), simple);
    }

    @Test
    void onlyTheUnsafeStepsLoseTheirLongLock() throws Exception {
        String online = Files.readString(GOLDEN, StandardCharsets.UTF_8);
        assertFalse(online.contains("HAZARD long-lock"), online);
        assertTrue(online.contains("HAZARD fails-on-data: validating a constraint on orders"), online);
    }

    @Test
    void safetyWords() {
        assertEquals(Safety.ONLINE, Safety.parse(" online "));
        assertEquals(Safety.SIMPLE, Safety.parse("simple"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Safety.parse("safe"));
        assertEquals("expected online or simple, got \"safe\"", e.getMessage());
    }
}
