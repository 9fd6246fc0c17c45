package dev.retort.diff;

import dev.retort.op.AlterColumn;
import dev.retort.op.AlterEnum;
import dev.retort.op.Op;
import dev.retort.schema.Column;
import dev.retort.schema.EnumType;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Column defaults that name a label an enum change removes or adds, put where the label exists. A
 * default that names an added label is set after the enum change (its rank already says so); one
 * that names a removed label is changed just before it, so that the downgrade, the reversed list,
 * sets it back once the label is there again. A change that would need both (one label for
 * another), or that changes more than the default, drops the default before and does the rest
 * after.
 */
final class EnumDefaults {
    private EnumDefaults() {}

    /** The differ's operations, with each change away from a removed label that cannot simply move split in two. */
    static List<Op> split(List<Op> ops) {
        List<AlterEnum> changes = changes(ops);
        if (changes.isEmpty()) return ops;
        List<Op> split = new ArrayList<>(ops.size());
        for (Op op : ops) {
            if (op instanceof AlterColumn a
                    && !a.reapply()
                    && naming(a.from(), changes, true) != null
                    && !movable(a, changes)) {
                Column undefaulted = a.from().withDefault(null);
                split.add(new AlterColumn(a.table(), a.from(), undefaulted));
                if (!undefaulted.sameAs(a.to())) split.add(new AlterColumn(a.table(), undefaulted, a.to()));
            } else {
                split.add(op);
            }
        }
        return split;
    }

    /** The ordered plan, with each default change away from a removed label just before its enum change. */
    static List<Op> order(List<Op> ordered) {
        List<AlterEnum> changes = changes(ordered);
        if (changes.isEmpty()) return ordered;
        List<Op> result = new ArrayList<>(ordered);
        for (Op op : ordered) {
            if (!(op instanceof AlterColumn a) || !movable(a, changes)) continue;
            result.remove(op);
            result.add(result.indexOf(naming(a.from(), changes, true)), op);
        }
        return result;
    }

    /** Only the default changes, away from a removed label and to none that is added. */
    private static boolean movable(AlterColumn alter, List<AlterEnum> changes) {
        boolean onlyDefault =
                alter.from().withDefault(alter.to().defaultValue()).equals(alter.to());
        return onlyDefault
                && !alter.reapply()
                && naming(alter.from(), changes, true) != null
                && naming(alter.to(), changes, false) == null;
    }

    private static List<AlterEnum> changes(List<Op> ops) {
        return ops.stream()
                .filter(AlterEnum.class::isInstance)
                .map(AlterEnum.class::cast)
                .toList();
    }

    /** The enum change whose removed (or added) labels the column's default names, if any. */
    private static AlterEnum naming(Column column, List<AlterEnum> changes, boolean removed) {
        String value = column.defaultKey();
        if (value == null) return null;
        for (AlterEnum change : changes) {
            if (!column.type().equals(change.to().name().toString())) continue;
            EnumType without = removed ? change.to() : change.from();
            EnumType with = removed ? change.from() : change.to();
            for (String label : with.values()) {
                if (!without.values().contains(label) && value.contains(literal(label))) return change;
            }
        }
        return null;
    }

    private static String literal(String label) {
        return "'" + Objects.requireNonNull(label).replace("'", "''") + "'";
    }
}
