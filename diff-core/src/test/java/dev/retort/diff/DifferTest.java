package dev.retort.diff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.retort.op.AddCheck;
import dev.retort.op.AddColumn;
import dev.retort.op.AddPrimaryKey;
import dev.retort.op.AlterColumn;
import dev.retort.op.AlterSchemaComment;
import dev.retort.op.CreateSchema;
import dev.retort.op.CreateTable;
import dev.retort.op.DropCheck;
import dev.retort.op.DropColumn;
import dev.retort.op.DropPrimaryKey;
import dev.retort.op.DropSchema;
import dev.retort.op.DropTable;
import dev.retort.op.Op;
import dev.retort.op.RenameConstraint;
import dev.retort.op.RenameIndex;
import dev.retort.schema.CheckConstraint;
import dev.retort.schema.Column;
import dev.retort.schema.Index;
import dev.retort.schema.Namespace;
import dev.retort.schema.PrimaryKey;
import dev.retort.schema.QualifiedName;
import dev.retort.schema.Schema;
import dev.retort.schema.Table;
import dev.retort.schema.UniqueConstraint;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Named differ cases: each states a current and a target schema and the exact plan expected. */
class DifferTest {
    private static final QualifiedName USERS = QualifiedName.of("users");
    private static final QualifiedName ORDERS = QualifiedName.of("orders");
    private static final Column ID = Column.of("id", "bigint").identityByDefault();
    private static final Column NAME = Column.of("name", "varchar(50)");

    private static Table users(Column... columns) {
        return Table.of(USERS, List.of(columns)).withPrimaryKey(PrimaryKey.of("id"));
    }

    private static Schema schema(Table... tables) {
        return new Schema(List.of(tables));
    }

    private static void assertPlan(Schema current, Schema target, Op... expected) {
        Plan plan = Differ.diff(current, target);
        assertEquals(List.of(expected), plan.upgrade());
        assertTrue(Differ.diff(target, target).isEmpty(), "target against itself");
    }

    @Test
    void aMatchedIndexWhoseMeantNameDiffersIsRenamed() {
        Index byName = Index.on("name");
        Schema current = schema(users(ID, NAME).withIndexes(List.of(byName.named("users_name_idx"))));
        assertPlan(
                current,
                schema(users(ID, NAME).withIndexes(List.of(byName.named("users_by_name")))),
                new RenameIndex(USERS, "users_name_idx", "users_by_name"));
        assertPlan(
                current,
                schema(users(ID, NAME)
                        .withIndexes(List.of(
                                byName.named("idxk3hcwrxp0vtlqfdo4iy8e5na").withImplicitName(true)))));
    }

    @Test
    void aUniqueConstraintWhoseGivenNameDiffersIsRenamedButNotForLetterCaseOrNoName() {
        Schema current =
                schema(users(ID, NAME).withUniques(List.of(new UniqueConstraint("users_name_key", List.of("name")))));
        assertPlan(
                current,
                schema(users(ID, NAME).withUniques(List.of(new UniqueConstraint("users_name_uniq", List.of("name"))))),
                new RenameConstraint(USERS, "users_name_key", "users_name_uniq"));
        assertPlan(
                current,
                schema(users(ID, NAME).withUniques(List.of(new UniqueConstraint("USERS_NAME_KEY", List.of("name"))))));
        assertPlan(current, schema(users(ID, NAME).withUniques(List.of(UniqueConstraint.of("name")))));
    }

    @Test
    void anIndexIsRenamedAfterTheIndexHoldingItsNewNameIsRenamedAway() {
        Index a = Index.on("name");
        Index b = Index.on("id", "name");
        assertPlan(
                schema(users(ID, NAME).withIndexes(List.of(a.named("one"), b.named("two")))),
                schema(users(ID, NAME).withIndexes(List.of(a.named("two"), b.named("three")))),
                new RenameIndex(USERS, "two", "three"),
                new RenameIndex(USERS, "one", "two"));
        assertPlan(
                schema(users(ID, NAME).withIndexes(List.of(a.named("one"), b.named("two")))),
                schema(users(ID, NAME).withIndexes(List.of(a.named("two"), b.named("one")))));
    }

    @Test
    void comparisonHooksDecideBeforeTheBuiltInComparison() {
        Column wide = NAME.withType("varchar(200)");
        ColumnComparison same = (table, database, model) -> ColumnComparison.Verdict.SAME;
        ColumnComparison different = (table, database, model) -> ColumnComparison.Verdict.DIFFERENT;
        ColumnComparison undecided = (table, database, model) -> ColumnComparison.Verdict.UNDECIDED;
        Schema current = schema(users(ID, NAME));
        assertTrue(
                Differ.diff(current, schema(users(ID, wide)), List.of(undecided, same, different))
                        .isEmpty(),
                "first verdict wins");
        assertEquals(
                List.of(new AlterColumn(USERS, NAME, wide)),
                Differ.diff(current, schema(users(ID, wide)), List.of(undecided))
                        .upgrade(),
                "all undecided: the built-in comparison");
        List<Op> forced = Differ.diff(
                        current,
                        current,
                        List.of((table, database, model) -> database.name().equals("name")
                                ? ColumnComparison.Verdict.DIFFERENT
                                : ColumnComparison.Verdict.UNDECIDED))
                .upgrade();
        assertEquals(
                List.of(new AlterColumn(USERS, NAME, NAME, true)),
                forced,
                "different where Retort sees none: set again");
        assertTrue(((AlterColumn) forced.get(0)).typeChanged(), "the type is set again");
        assertEquals(forced.get(0), forced.get(0).reverse());
    }

    @Test
    void aMatchedCheckWhoseNameANewCheckTakesIsDroppedAndAddedUnderItsNewName() {
        CheckConstraint positiveAsX = CheckConstraint.of("price > 0").named("x");
        CheckConstraint positiveAsY = CheckConstraint.of("price > 0").named("y");
        CheckConstraint aboveTenAsX = CheckConstraint.of("price > 10").named("x");
        Table before =
                Table.of(USERS, List.of(ID)).withPrimaryKey(PrimaryKey.of("id")).withChecks(List.of(positiveAsX));
        Table after = Table.of(USERS, List.of(ID))
                .withPrimaryKey(PrimaryKey.of("id"))
                .withChecks(List.of(positiveAsY, aboveTenAsX));
        assertPlan(
                schema(before),
                schema(after),
                new DropCheck(USERS, positiveAsX),
                new AddCheck(USERS, positiveAsY),
                new AddCheck(USERS, aboveTenAsX));
        Table renamedOnly =
                Table.of(USERS, List.of(ID)).withPrimaryKey(PrimaryKey.of("id")).withChecks(List.of(positiveAsY));
        assertPlan(schema(before), schema(renamedOnly));
    }

    @Test
    void aCheckThatBecomesNoInheritIsDroppedAndAddedAgain() {
        CheckConstraint inherited = CheckConstraint.of("price > 0").named("x");
        CheckConstraint notInherited = inherited.noInherit();
        Table before =
                Table.of(USERS, List.of(ID)).withPrimaryKey(PrimaryKey.of("id")).withChecks(List.of(inherited));
        Table after = before.withChecks(List.of(notInherited));
        assertPlan(schema(before), schema(after), new DropCheck(USERS, inherited), new AddCheck(USERS, notInherited));
        assertPlan(schema(after), schema(after));
    }

    @Test
    void aPlanThatWouldDropOrCreateATableInPlaceOfAPartitionIsRefused() {
        Schema plain = schema(users(ID, NAME));
        Schema partitioned = new Schema(List.of(), List.of(), List.of(), Map.of(USERS, "a partition of people"));
        OutsideScopeException drop = assertThrows(OutsideScopeException.class, () -> Differ.diff(plain, partitioned));
        assertEquals(USERS, drop.table());
        assertTrue(drop.drops());
        assertTrue(
                drop.getMessage().startsWith("table users is a partition of people in the target"), drop::getMessage);
        assertFalse(assertThrows(OutsideScopeException.class, () -> Differ.diff(partitioned, plain))
                .drops());
        assertPlan(partitioned, partitioned);
    }

    @Test
    void schemasAreComparedOnlyWhenTheTargetModelsThem() {
        Table orders = Table.of(new QualifiedName("sales", "orders"), List.of(ID));
        Namespace sales =
                Namespace.of("sales").withMembers(List.of(new Namespace.Member("table", "orders", "sales.orders")));
        Schema database = new Schema(List.of(orders)).withNamespaces(List.of(sales));
        assertPlan(database, new Schema(List.of()), new DropTable(orders));
        assertPlan(
                database,
                new Schema(List.of()).withNamespaces(List.of()),
                new DropTable(orders),
                new DropSchema(Namespace.of("sales")));
        assertPlan(Schema.EMPTY, database, new CreateSchema(Namespace.of("sales")), new CreateTable(orders));
        assertPlan(
                database,
                database.withNamespaces(List.of(sales.comment("What we sell"))),
                new AlterSchemaComment("sales", null, "What we sell"));
    }

    @Test
    void aSchemaThatWouldStillHoldWhatRetortLeavesAloneIsNeverDropped() {
        Table orders = Table.of(new QualifiedName("sales", "orders"), List.of(ID));
        Namespace sales = Namespace.of("sales")
                .withMembers(List.of(
                        new Namespace.Member("table", "orders", "sales.orders"),
                        new Namespace.Member("view", "open_orders", "sales.open_orders"),
                        new Namespace.Member("table", "orders_2024", "sales.orders_2024")));
        Schema database = new Schema(List.of(orders)).withNamespaces(List.of(sales));
        NonEmptySchemaException refused = assertThrows(
                NonEmptySchemaException.class,
                () -> Differ.diff(database, new Schema(List.of()).withNamespaces(List.of())));
        assertEquals(
                "schema sales is not in the target, but it holds view sales.open_orders and 1 more, which Retort leaves"
                        + " alone: refusing a plan that would have to drop schema sales",
                refused.getMessage());
        assertEquals(2, refused.members().size());
    }

    @Test
    void aPrimaryKeysGivenNameIsCompared() {
        Table byDefault = users(ID).withPrimaryKey(PrimaryKey.of("id").named("users_pkey"));
        Table named = users(ID).withPrimaryKey(PrimaryKey.of("id").named("pk_users"));
        Table unnamed = users(ID);
        assertPlan(
                new Schema(List.of(byDefault)),
                new Schema(List.of(named)),
                new DropPrimaryKey(USERS, byDefault.primaryKey()),
                new AddPrimaryKey(USERS, named.primaryKey()));
        // a key wanted without a name, or with PostgreSQL's default one, is whatever the database calls it
        assertPlan(new Schema(List.of(named)), new Schema(List.of(unnamed)));
        assertPlan(new Schema(List.of(named)), new Schema(List.of(byDefault)));
    }

    @Test
    void identicalSchemasGiveNoOperations() {
        assertPlan(schema(users(ID, NAME)), schema(users(ID, NAME)));
    }

    @Test
    void columnOrderIsNotAChange() {
        assertPlan(schema(users(ID, NAME, Column.of("a", "text"))), schema(users(Column.of("a", "text"), NAME, ID)));
    }

    @Test
    void tableOnlyInTargetIsCreated() {
        assertPlan(Schema.EMPTY, schema(users(ID, NAME)), new CreateTable(users(ID, NAME)));
    }

    @Test
    void tableOnlyInCurrentIsDroppedWithItsDefinition() {
        assertPlan(schema(users(ID, NAME)), Schema.EMPTY, new DropTable(users(ID, NAME)));
    }

    @Test
    void sameNameInAnotherSchemaIsAnotherTable() {
        Table sales = Table.of(new QualifiedName("sales", "users"), List.of(ID)).withPrimaryKey(PrimaryKey.of("id"));
        assertPlan(schema(users(ID)), schema(users(ID), sales), new CreateTable(sales));
    }

    @Test
    void addedColumnsKeepDeclarationOrderAndDowngradeInReverse() {
        Column a = Column.of("zeta", "text");
        Column b = Column.of("alpha", "text");
        Plan plan = Differ.diff(schema(users(ID)), schema(users(ID, a, b)));
        assertEquals(List.of(new AddColumn(USERS, a), new AddColumn(USERS, b)), plan.upgrade());
        assertEquals(List.of(new DropColumn(USERS, b), new DropColumn(USERS, a)), plan.downgrade());
    }

    @Test
    void droppedColumnCarriesTheDatabaseDefinition() {
        assertPlan(schema(users(ID, NAME)), schema(users(ID)), new DropColumn(USERS, NAME));
    }

    @Test
    void typeChangeIsOneAlterWithBothEnds() {
        assertPlan(
                schema(users(ID, NAME)),
                schema(users(ID, NAME.withType("varchar(100)"))),
                new AlterColumn(USERS, NAME, NAME.withType("varchar(100)")));
    }

    @Test
    void nullabilityChangesBothWays() {
        assertPlan(
                schema(users(ID, NAME)),
                schema(users(ID, NAME.notNull())),
                new AlterColumn(USERS, NAME, NAME.notNull()));
        assertPlan(
                schema(users(ID, NAME.notNull())),
                schema(users(ID, NAME)),
                new AlterColumn(USERS, NAME.notNull(), NAME));
    }

    @Test
    void sameTypeSpelledDifferentlyIsNoChange() {
        assertPlan(
                schema(users(
                        ID, Column.of("n", "character varying(50)"), Column.of("t", "timestamp(6) without time zone"))),
                schema(users(ID, Column.of("n", "varchar(50)"), Column.of("t", "timestamp(6)"))));
    }

    @Test
    void primaryKeyColumnsAreNotNullWhateverWasDeclared() {
        Table silent = Table.of(USERS, List.of(Column.of("id", "bigint"), NAME)).withPrimaryKey(PrimaryKey.of("id"));
        Table explicit = Table.of(USERS, List.of(Column.of("id", "bigint").notNull(), NAME))
                .withPrimaryKey(PrimaryKey.of("id"));
        assertPlan(schema(explicit), schema(silent));
    }

    @Test
    void primaryKeysAreComparedByColumnsNotNames() {
        Table named = Table.of(USERS, List.of(ID, NAME))
                .withPrimaryKey(PrimaryKey.of("id").named("users_pkey"));
        assertPlan(schema(named), schema(users(ID, NAME)));
    }

    @Test
    void primaryKeyColumnChangeDropsTheOldKeyBeforeAndAddsTheNewOneAfter() {
        Column code = Column.of("code", "varchar(10)").notNull();
        Table before = Table.of(USERS, List.of(ID, NAME))
                .withPrimaryKey(PrimaryKey.of("id").named("users_pkey"));
        Table after = Table.of(USERS, List.of(ID, code)).withPrimaryKey(PrimaryKey.of("id", "code"));
        Plan plan = Differ.diff(schema(before), schema(after));
        assertEquals(
                List.of(
                        new DropPrimaryKey(USERS, PrimaryKey.of("id").named("users_pkey")),
                        new AddColumn(USERS, code),
                        new DropColumn(USERS, NAME),
                        new AddPrimaryKey(USERS, PrimaryKey.of("id", "code"))),
                plan.upgrade());
        assertEquals(
                List.of(
                        new DropPrimaryKey(USERS, PrimaryKey.of("id", "code")),
                        new AddColumn(USERS, NAME),
                        new DropColumn(USERS, code),
                        new AddPrimaryKey(USERS, PrimaryKey.of("id").named("users_pkey"))),
                plan.downgrade());
    }

    @Test
    void tableGainsAndLosesItsPrimaryKey() {
        Table keyless = Table.of(USERS, List.of(ID, NAME));
        assertPlan(schema(keyless), schema(users(ID, NAME)), new AddPrimaryKey(USERS, PrimaryKey.of("id")));
        assertPlan(schema(users(ID, NAME)), schema(keyless), new DropPrimaryKey(USERS, PrimaryKey.of("id")));
    }

    @Test
    void identityAddedAndRemovedIsAnAlteration() {
        Column plain = Column.of("id", "bigint").notNull();
        assertPlan(schema(users(plain)), schema(users(ID)), new AlterColumn(USERS, plain, ID));
    }

    @Test
    void newTablesFirstThenChangesPerTableThenDroppedTables() {
        Table orders = Table.of(ORDERS, List.of(ID)).withPrimaryKey(PrimaryKey.of("id"));
        Table extra = Table.of(QualifiedName.of("extra"), List.of(NAME));
        Table item = Table.of(QualifiedName.of("item"), List.of(ID)).withPrimaryKey(PrimaryKey.of("id"));
        Plan plan = Differ.diff(schema(users(ID, NAME), orders, extra), schema(users(ID), orders, item));
        assertEquals(List.of(new CreateTable(item), new DropColumn(USERS, NAME), new DropTable(extra)), plan.upgrade());
        assertEquals(
                List.of(new CreateTable(extra), new AddColumn(USERS, NAME), new DropTable(item)), plan.downgrade());
    }
}
