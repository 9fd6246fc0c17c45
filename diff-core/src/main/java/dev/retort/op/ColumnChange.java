package dev.retort.op;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * An operation on one column of an existing table: added, dropped or altered. A table's consecutive
 * column changes run together, as one statement that takes one lock and rewrites the table at most
 * once ({@link #runs}); each keeps its own reverse and hazards.
 */
public sealed interface ColumnChange extends Op permits AddColumn, DropColumn, AlterColumn {
    @Override
    ColumnChange reverse();

    /** The operations in order, split into what runs together: consecutive column changes of one table, every other operation alone. */
    static List<List<Op>> runs(List<Op> ops) {
        return runs(ops, op -> false);
    }

    /** As {@link #runs(List)}, with the operations {@code alone} says must stand by themselves kept out of every group. */
    static List<List<Op>> runs(List<Op> ops, Predicate<Op> alone) {
        List<List<Op>> runs = new ArrayList<>();
        List<Op> current = null;
        for (Op op : ops) {
            boolean joins = op instanceof ColumnChange && !alone.test(op);
            if (joins && current != null && current.get(0).table().equals(op.table())) {
                current.add(op);
                continue;
            }
            current = new ArrayList<>(List.of(op));
            runs.add(current);
            if (!joins) current = null;
        }
        return runs.stream().map(List::copyOf).toList();
    }
}
