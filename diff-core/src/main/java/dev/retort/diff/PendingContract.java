package dev.retort.diff;

import dev.retort.op.AlterColumn;
import dev.retort.op.DropCheck;
import dev.retort.op.DropColumn;
import dev.retort.op.DropIndex;
import dev.retort.op.DropUnique;
import dev.retort.op.Op;
import dev.retort.schema.Column;
import dev.retort.schema.Index;
import dev.retort.schema.Schema;
import dev.retort.schema.Table;
import dev.retort.schema.UniqueConstraint;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A plan from a database in the state an expand/contract type change's expand step leaves ({@link
 * Retype}): beside the column, its shadow {@code <column>_new} of the entities' type, nullable,
 * without a default, with the column's indexes and unique constraints under their temporary names
 * (and, for a {@code NOT NULL} column, the validated check). The comparison alone would drop the
 * shadow and rewrite the column in place; here those operations become the contract step's, so
 * that {@code check} lists what the contract revision does and a new revision does not undo the
 * expand step.
 */
public final class PendingContract {
    private PendingContract() {}

    /** The plan with each pending contract's operations in place of the comparison's; the plan itself when there is none. */
    public static Plan of(Plan plan, Schema database, Schema model) {
        List<Op> ops = new ArrayList<>(plan.upgrade());
        boolean changed = false;
        for (Op op : plan.upgrade()) {
            if (!(op instanceof AlterColumn alter) || !alter.typeChanged()) continue;
            Optional<List<Op>> contract = contract(alter, ops, database, model);
            if (contract.isEmpty()) continue;
            changed = true;
            Set<Op> replaced = Collections.newSetFromMap(new IdentityHashMap<>());
            replaced.addAll(replacedBy(alter, ops, database));
            int at = ops.indexOf(alter);
            List<Op> kept = new ArrayList<>();
            for (int i = 0; i < ops.size(); i++) {
                if (i == at) kept.addAll(contract.get());
                if (!replaced.contains(ops.get(i))) kept.add(ops.get(i));
            }
            ops = kept;
        }
        return changed ? new Plan(ops) : plan;
    }

    private static Optional<List<Op>> contract(AlterColumn alter, List<Op> ops, Schema database, Schema model) {
        Table table = database.table(alter.table()).orElse(null);
        Table wanted = model.table(alter.table()).orElse(null);
        if (table == null || wanted == null) return Optional.empty();
        String column = alter.columnName();
        String shadowName = Retype.shadowName(column);
        Column shadow = table.column(shadowName).orElse(null);
        if (shadow == null || wanted.column(shadowName).isPresent()) return Optional.empty();
        Retype retype = TypeChanges.retype(alter, table);
        if (!retype.shadow().sameAs(shadow.withoutSpelling())
                && !retype.shadow().sameAs(shadow)) return Optional.empty();
        if (!names(retype.indexes().stream().map(i -> Retype.temporaryName(i.name())))
                .equals(names(table.indexes().stream()
                        .filter(i -> TypeChanges.involves(i, shadowName))
                        .map(Index::name)))) return Optional.empty();
        if (!names(retype.uniques().stream().map(u -> Retype.temporaryName(u.name())))
                .equals(names(table.uniques().stream()
                        .filter(u -> u.columns().contains(shadowName))
                        .map(UniqueConstraint::name)))) return Optional.empty();
        if (!alter.to().nullable()
                && table.checks().stream()
                        .noneMatch(c -> c.valid()
                                && Objects.equals(
                                        c.name(), retype.notNullCheck().name()))) return Optional.empty();
        // anything else the plan does to the column or its shadow is left to the comparison
        List<Op> replaced = replacedBy(alter, ops, database);
        for (Op op : ops)
            if (!replaced.contains(op)
                    && op.table().equals(alter.table())
                    && (TypeChanges.touches(op, column) || TypeChanges.touches(op, shadowName)))
                return Optional.empty();
        return Optional.of(retype.contract());
    }

    /** The comparison's operations the contract stands for: the type change, and the shadow's drop with its objects'. */
    private static List<Op> replacedBy(AlterColumn alter, List<Op> ops, Schema database) {
        String shadowName = Retype.shadowName(alter.columnName());
        String check = OnlineForms.notNullCheck(alter.table(), shadowName).name();
        List<Op> replaced = new ArrayList<>();
        for (Op op : ops) {
            if (!op.table().equals(alter.table())) continue;
            if (op == alter
                    || (op instanceof DropColumn d && d.column().name().equals(shadowName))
                    || (op instanceof DropIndex d && TypeChanges.involves(d.index(), shadowName))
                    || (op instanceof DropUnique d && d.constraint().columns().contains(shadowName))
                    || (op instanceof DropCheck d && check.equals(d.constraint().name()))) replaced.add(op);
        }
        return replaced;
    }

    private static Set<String> names(Stream<String> names) {
        return names.map(n -> n == null ? "" : n).collect(Collectors.toSet());
    }
}
