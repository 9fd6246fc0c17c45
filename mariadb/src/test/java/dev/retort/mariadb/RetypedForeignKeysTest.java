package dev.retort.mariadb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.retort.diff.Differ;
import dev.retort.diff.Plan;
import dev.retort.op.AddForeignKey;
import dev.retort.op.AlterColumn;
import dev.retort.op.DropForeignKey;
import dev.retort.op.DropIndex;
import dev.retort.op.Op;
import dev.retort.op.RenameIndex;
import dev.retort.schema.Column;
import dev.retort.schema.ForeignKey;
import dev.retort.schema.Index;
import dev.retort.schema.PrimaryKey;
import dev.retort.schema.QualifiedName;
import dev.retort.schema.Schema;
import dev.retort.schema.Table;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which foreign keys a MariaDB plan drops and adds again around its type changes, and where; no server needed. */
class RetypedForeignKeysTest {
    private static final QualifiedName P = QualifiedName.of("p");
    private static final QualifiedName C = QualifiedName.of("c");
    private static final ForeignKey KEY =
            ForeignKey.Columns.of("p_id").references("p", "id").named("c_p");

    private static Schema schema(String parentId, String childId, ForeignKey key) {
        Table p = Table.of(P, List.of(Column.of("id", parentId).notNull(), PrimaryKey.of("id")));
        Table c = Table.of(C, List.of(Column.of("id", "integer").notNull(), Column.of("p_id", childId), key));
        return new Schema(List.of(p, c));
    }

    private static Plan plan(Schema current, Schema target) {
        return RetypedForeignKeys.of(Differ.diff(current, target), current, target);
    }

    @Test
    void aKeyIsDroppedFirstAndAddedLastWhenEitherEndChangesType() {
        for (String[] types : new String[][] {{"bigint", "bigint"}, {"bigint", "integer"}, {"integer", "bigint"}}) {
            Schema current = schema("integer", "integer", KEY);
            Plan plan = plan(current, schema(types[0], types[1], KEY));
            List<Op> upgrade = plan.upgrade();
            assertEquals(new DropForeignKey(C, KEY), upgrade.get(0), upgrade::toString);
            assertEquals(new AddForeignKey(C, KEY), upgrade.get(upgrade.size() - 1), upgrade::toString);
            assertEquals(
                    1,
                    upgrade.stream().filter(op -> op instanceof DropForeignKey).count(),
                    upgrade::toString);
            assertEquals(new DropForeignKey(C, KEY), plan.downgrade().get(0), plan.downgrade()::toString);
        }
    }

    @Test
    void theKeyIsAddedUnderTheDatabasesNameWithTheTargetsDefinition() {
        ForeignKey renamed = KEY.named("fk_other");
        Plan plan = plan(schema("integer", "integer", KEY), schema("bigint", "bigint", renamed));
        assertEquals(
                new AddForeignKey(C, KEY), plan.upgrade().get(plan.upgrade().size() - 1), plan::toString);
    }

    @Test
    void aPlanWithoutTypeChangesUnderAKeyIsLeftAsItIs() {
        Schema current = schema("integer", "integer", KEY);
        Table c = current.table(C).orElseThrow();
        Table nullable = c.withColumns(List.of(
                Column.of("id", "integer").notNull(),
                Column.of("p_id", "integer").notNull()));
        Schema target = new Schema(List.of(current.table(P).orElseThrow(), nullable));
        Plan diff = Differ.diff(current, target);
        assertEquals(
                List.of(AlterColumn.class),
                diff.upgrade().stream().map(Object::getClass).toList());
        assertEquals(diff, RetypedForeignKeys.of(diff, current, target));
    }

    @Test
    void aKeyThePlanDropsItselfIsNotDroppedTwice() {
        ForeignKey cascading = KEY.onDelete(ForeignKey.Action.CASCADE);
        Plan plan = plan(schema("integer", "integer", KEY), schema("bigint", "bigint", cascading));
        assertEquals(
                List.of(new DropForeignKey(C, KEY)),
                plan.upgrade().stream()
                        .filter(op -> op instanceof DropForeignKey)
                        .toList(),
                plan::toString);
        assertEquals(
                List.of(new AddForeignKey(C, cascading)),
                plan.upgrade().stream()
                        .filter(op -> op instanceof AddForeignKey)
                        .toList(),
                plan::toString);
    }

    /** A key declared without a name, as the server named it, and the index it made for it, named after the column. */
    private static final ForeignKey UNNAMED =
            ForeignKey.Columns.of("p_id").references("p", "id").named("c_ibfk_1");

    private static final Index MADE = Index.on("p_id").named("p_id");

    /** {@code schema(...)} with the index the server made for the unnamed key, as the catalog reads it. */
    private static Schema read(Schema schema) {
        Table c = schema.table(C).orElseThrow();
        return new Schema(List.of(schema.table(P).orElseThrow(), c.withIndexes(List.of(MADE))));
    }

    @Test
    void theIndexTheServerMadeForAnUnnamedKeyIsRenamedToItsNameBetweenTheDropAndTheAdd() {
        Schema current = schema("integer", "integer", UNNAMED);
        Schema target = schema("bigint", "bigint", UNNAMED);
        Plan plan = RetypedForeignKeys.of(Differ.diff(current, target), current, target, false, read(current));
        RenameIndex keep = new RenameIndex(C, "p_id", "p_id");
        for (List<Op> ops : List.of(plan.upgrade(), plan.downgrade())) {
            int rename = ops.indexOf(keep);
            assertTrue(rename > ops.indexOf(new DropForeignKey(C, UNNAMED)), ops::toString);
            assertTrue(rename < ops.indexOf(new AddForeignKey(C, UNNAMED)), ops::toString);
        }
        // a key named by its author (its index named after it) needs none
        Schema author = schema("integer", "integer", KEY);
        Table c = author.table(C)
                .orElseThrow()
                .withIndexes(List.of(Index.on("p_id").named("c_p")));
        Schema authorRead = new Schema(List.of(author.table(P).orElseThrow(), c));
        Schema authorTarget = schema("bigint", "bigint", KEY);
        Plan named = RetypedForeignKeys.of(Differ.diff(author, authorTarget), author, authorTarget, false, authorRead);
        assertTrue(named.upgrade().stream().noneMatch(op -> op instanceof RenameIndex), named::toString);
    }

    @Test
    void anIndexTheServerMadeThatTheNewPrimaryKeyServesIsDroppedAndMadeAgainByTheDowngrade() {
        Schema current = schema("integer", "integer", UNNAMED);
        Table keyed = schema("bigint", "bigint", UNNAMED)
                .table(C)
                .orElseThrow()
                .withColumns(List.of(
                        Column.of("id", "integer").notNull(),
                        Column.of("p_id", "bigint").notNull()))
                .withPrimaryKey(PrimaryKey.of("p_id", "id"));
        Schema target =
                new Schema(List.of(schema("bigint", "bigint", UNNAMED).table(P).orElseThrow(), keyed));
        Plan plan = RetypedForeignKeys.of(Differ.diff(current, target), current, target, false, read(current));
        DropIndex drop = new DropIndex(C, MADE);
        assertTrue(plan.upgrade().contains(drop), plan::toString);
        assertTrue(plan.upgrade().stream().noneMatch(op -> op instanceof RenameIndex), plan::toString);
        List<Op> downgrade = plan.downgrade();
        assertTrue(
                downgrade.indexOf(drop.reverse()) >= 0
                        && downgrade.indexOf(drop.reverse()) < downgrade.indexOf(new AddForeignKey(C, UNNAMED)),
                downgrade::toString);
    }
}
