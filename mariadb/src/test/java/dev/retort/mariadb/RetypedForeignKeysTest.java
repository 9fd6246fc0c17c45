package dev.retort.mariadb;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.retort.diff.Differ;
import dev.retort.diff.Plan;
import dev.retort.op.AddForeignKey;
import dev.retort.op.AlterColumn;
import dev.retort.op.DropForeignKey;
import dev.retort.op.Op;
import dev.retort.schema.Column;
import dev.retort.schema.ForeignKey;
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
}
