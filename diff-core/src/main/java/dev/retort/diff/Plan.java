package dev.retort.diff;

import static java.util.Objects.requireNonNull;

import dev.retort.op.AddColumn;
import dev.retort.op.AddPrimaryKey;
import dev.retort.op.AlterColumn;
import dev.retort.op.CreateTable;
import dev.retort.op.DropColumn;
import dev.retort.op.DropPrimaryKey;
import dev.retort.op.DropTable;
import dev.retort.op.Op;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;

/**
 * An ordered list of upgrade operations; the downgrade is the reversed list of reversed operations.
 *
 * <p>{@link #of} puts operations in an order PostgreSQL can execute: new tables first, then each
 * existing table's changes (old primary key dropped before columns change, new key added after),
 * then dropped tables. Sorting is stable, so columns are added in declaration order.
 */
public record Plan(List<Op> upgrade) {
    public static final Plan EMPTY = new Plan(List.of());

    public Plan {
        upgrade = List.copyOf(requireNonNull(upgrade, "upgrade"));
    }

    /** Orders the given operations into an executable plan. */
    public static Plan of(List<Op> ops) {
        List<Op> ordered = new ArrayList<>(ops);
        ordered.sort(Comparator.comparingInt(Plan::phase)
                .thenComparing(Op::table)
                .thenComparingInt(Plan::step));
        return new Plan(ordered);
    }

    public List<Op> downgrade() {
        List<Op> reversed = new ArrayList<>(upgrade.size());
        for (Op op : upgrade) reversed.add(op.reverse());
        Collections.reverse(reversed);
        return List.copyOf(reversed);
    }

    public boolean isEmpty() {
        return upgrade.isEmpty();
    }

    private static int phase(Op op) {
        if (op instanceof CreateTable) return 0;
        if (op instanceof DropTable) return 2;
        return 1;
    }

    /** Order of the changes within one existing table. */
    private static int step(Op op) {
        if (op instanceof DropPrimaryKey) return 0;
        if (op instanceof AddColumn) return 1;
        if (op instanceof AlterColumn) return 2;
        if (op instanceof DropColumn) return 3;
        if (op instanceof AddPrimaryKey) return 4;
        return 0;
    }
}
