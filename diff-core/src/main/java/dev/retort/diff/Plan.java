package dev.retort.diff;

import static java.util.Objects.requireNonNull;

import dev.retort.op.AddCheck;
import dev.retort.op.AddColumn;
import dev.retort.op.AddForeignKey;
import dev.retort.op.AddPrimaryKey;
import dev.retort.op.AddUnique;
import dev.retort.op.AlterColumn;
import dev.retort.op.AlterEnum;
import dev.retort.op.AlterSequence;
import dev.retort.op.AlterSequenceOwner;
import dev.retort.op.CreateEnum;
import dev.retort.op.CreateIndex;
import dev.retort.op.CreateSequence;
import dev.retort.op.CreateTable;
import dev.retort.op.DropCheck;
import dev.retort.op.DropColumn;
import dev.retort.op.DropEnum;
import dev.retort.op.DropForeignKey;
import dev.retort.op.DropIndex;
import dev.retort.op.DropPrimaryKey;
import dev.retort.op.DropSequence;
import dev.retort.op.DropTable;
import dev.retort.op.DropUnique;
import dev.retort.op.Hazard;
import dev.retort.op.Op;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;

/**
 * An ordered list of upgrade operations; the downgrade is the reversed list of reversed operations.
 *
 * <p>{@link #of} puts operations in an order PostgreSQL can execute: foreign keys that go are
 * dropped and sequences released from their owning columns first; then sequences and enum types are created or changed; new tables are created; each existing
 * table changes (old unique constraints and primary key dropped before columns change, new ones
 * added after); tables that go are dropped; foreign keys are added, and sequences given their owning columns, once every table and key they
 * need exists (so cycles need no special case); sequences and enum types that go are dropped last. Sorting is
 * stable, so columns are added in declaration order.
 */
public record Plan(List<Op> upgrade) {
    public static final Plan EMPTY = new Plan(List.of());

    public Plan {
        upgrade = List.copyOf(requireNonNull(upgrade, "upgrade"));
    }

    /** Orders the given operations into an executable plan. */
    public static Plan of(List<Op> ops) {
        List<Op> ordered = new ArrayList<>(ops);
        ordered.sort(
                Comparator.comparingInt(Plan::phase).thenComparing(Op::table).thenComparingInt(Plan::step));
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

    /**
     * The hazards of an operation among the operations it runs with: a foreign key or index added to
     * a table that the same list creates locks nothing that holds rows, so it is not marked.
     */
    public static List<Hazard> hazards(Op op, List<Op> context) {
        boolean onNewTable = (op instanceof AddForeignKey || op instanceof CreateIndex)
                && context.stream()
                        .anyMatch(other ->
                                other instanceof CreateTable c && c.table().equals(op.table()));
        if (onNewTable) return List.of();
        return op.hazards();
    }

    private static int phase(Op op) {
        if (op instanceof DropForeignKey) return 0;
        if (op instanceof AlterSequenceOwner o) return o.claims() ? 5 : 0;
        if (op instanceof CreateSequence
                || op instanceof AlterSequence
                || op instanceof CreateEnum
                || op instanceof AlterEnum) return 1;
        if (op instanceof CreateTable) return 2;
        if (op instanceof DropTable) return 4;
        if (op instanceof AddForeignKey) return 5;
        if (op instanceof DropSequence || op instanceof DropEnum) return 6;
        return 3;
    }

    /** Order of the changes within one existing table. */
    private static int step(Op op) {
        if (op instanceof DropUnique || op instanceof DropCheck || op instanceof DropIndex) return 0;
        if (op instanceof DropPrimaryKey) return 1;
        if (op instanceof AddColumn) return 2;
        if (op instanceof AlterColumn) return 3;
        if (op instanceof DropColumn) return 4;
        if (op instanceof AddPrimaryKey) return 5;
        if (op instanceof AddUnique) return 6;
        if (op instanceof AddCheck) return 7;
        if (op instanceof CreateIndex) return 8;
        return 0;
    }
}
