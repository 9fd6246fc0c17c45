package dev.retort.diff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.retort.op.AlterColumn;
import dev.retort.op.DropColumn;
import dev.retort.op.Op;
import dev.retort.op.RenameColumn;
import dev.retort.schema.Column;
import dev.retort.schema.PrimaryKey;
import dev.retort.schema.QualifiedName;
import dev.retort.schema.Schema;
import dev.retort.schema.Table;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RenameHintsTest {
    private static final QualifiedName PETS = QualifiedName.of("pets");

    private static Schema pets(Column column) {
        return new Schema(List.of(Table.of(
                        PETS, List.of(Column.of("id", "integer").notNull(), column))
                .withPrimaryKey(PrimaryKey.of("id"))));
    }

    private static RenameHints.Hint hint(Plan plan) {
        return hint(plan.upgrade());
    }

    private static RenameHints.Hint hint(List<Op> ops) {
        Map<Op, RenameHints.Hint> hints = RenameHints.of(ops);
        Op drop = ops.stream().filter(DropColumn.class::isInstance).findFirst().orElseThrow();
        return hints.get(drop);
    }

    @Test
    void aColumnDroppedAndOneAddedWithTheSameTypeIsAPlainRename() {
        RenameHints.Hint hint =
                hint(Differ.diff(pets(Column.of("owner_id", "integer")), pets(Column.of("keeper_id", "integer"))));
        assertEquals(List.of(new RenameColumn(PETS, "owner_id", "keeper_id")), hint.instead());
        assertEquals(hint.instead().get(0), hint.plainRename());
    }

    /** The rename, then the change under the new name: both directions, the narrowing one marked by its own hazard. */
    @Test
    void aWideningTypeChangeIsARenameAndTheChangeAfterIt() {
        Column before = Column.of("owner_id", "integer");
        Column after = Column.of("keeper_id", "bigint").notNull();
        Plan plan = Differ.diff(pets(before), pets(after));
        RenameHints.Hint hint = hint(plan);
        assertEquals(
                "RENAME? pets.owner_id -> keeper_id looks like a rename with a type change (integer -> bigint): to keep"
                        + " the data, replace the addColumn and this dropColumn with",
                hint.sentence());
        assertEquals(
                List.of(
                        new RenameColumn(PETS, "owner_id", "keeper_id"),
                        new AlterColumn(PETS, before.withName("keeper_id"), after)),
                hint.instead());
        assertNull(hint.plainRename(), "expand/contract splits plain renames only");
        RenameHints.Hint back = hint(plan.downgrade());
        assertEquals(
                List.of(
                        new RenameColumn(PETS, "keeper_id", "owner_id"),
                        new AlterColumn(PETS, after.withName("owner_id"), before)),
                back.instead());
    }

    /** A type no value of the other converts to is no rename a reviewer should be pointed at. */
    @Test
    void unrelatedTypesAreNoHint() {
        assertNull(hint(Differ.diff(pets(Column.of("legacy", "boolean")), pets(Column.of("seen_at", "timestamp")))));
        assertNull(hint(Differ.diff(pets(Column.of("code", "varchar(10)")), pets(Column.of("amount", "integer")))));
    }
}
