package dev.retort.diff;

import static java.util.Objects.requireNonNull;

import dev.retort.op.AddColumn;
import dev.retort.op.AlterColumn;
import dev.retort.op.DropColumn;
import dev.retort.op.Op;
import dev.retort.op.RenameColumn;
import dev.retort.schema.Column;
import dev.retort.schema.Identity;
import dev.retort.schema.QualifiedName;
import dev.retort.schema.Schema;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A plan split for an expand/contract deployment: the column renames {@link RenameHints} spots on
 * tables that exist (one column dropped, one added with its type), each to be run as a new column
 * kept equal to the old one while both releases of the application run; the type changes that
 * rewrite such a table without losing a value, each run as a shadow column ({@link Retype}); the
 * rest of the plan (identity and generated columns stay plain drops and adds there); and, for each
 * type change left in the rest, why it was not split ({@link #notSplit}).
 */
public record ExpandContract(List<Rename> renames, List<Retype> retypes, List<String> notSplit, Plan rest) {
    public ExpandContract {
        renames = List.copyOf(requireNonNull(renames, "renames"));
        retypes = List.copyOf(requireNonNull(retypes, "retypes"));
        notSplit = List.copyOf(requireNonNull(notSplit, "notSplit"));
        requireNonNull(rest, "rest");
    }

    public ExpandContract(List<Rename> renames, Plan rest) {
        this(renames, List.of(), List.of(), rest);
    }

    /** Whether there is anything to write as two revisions. */
    public boolean splits() {
        return !renames.isEmpty() || !retypes.isEmpty();
    }

    /** A column of {@code table} renamed from {@code from} (as the database has it) to {@code to} (as the entities do). */
    public record Rename(QualifiedName table, Column from, Column to) {
        public Rename {
            requireNonNull(table, "table");
            requireNonNull(from, "from");
            requireNonNull(to, "to");
        }

        /** The new column as the expand step adds it: nullable and without a default, so that the old release's rows get theirs from the copy. */
        public Column added() {
            return to.withNullable(true).withDefault(null);
        }

        /** The expand step's {@code SET NOT NULL} of the new column, after the backfill; none for a nullable one. */
        public List<Op> notNull() {
            if (to.nullable()) return List.of();
            return List.of(new AlterColumn(table, added(), to.withDefault(null)));
        }

        /** The contract step's default of the new column: none when the entities give it none. */
        public List<Op> setDefault() {
            if (to.defaultValue() == null) return List.of();
            return List.of(new AlterColumn(table, to.withDefault(null), to));
        }

        /** The old column as the contract step's downgrade adds it back before copying: nullable, without a default. */
        public Column readded() {
            return from.withNullable(true).withDefault(null);
        }

        /** The contract step's downgrade after the copy: the old column's {@code NOT NULL} and default back. */
        public List<Op> restoreOld() {
            if (from.equals(readded())) return List.of();
            return List.of(new AlterColumn(table, readded(), from));
        }
    }

    /** The plan's renames and what else it does; no renames when it has none. */
    public static ExpandContract of(Plan plan) {
        Map<Op, RenameHints.Hint> hints = RenameHints.of(plan.upgrade());
        Set<Op> taken = Collections.newSetFromMap(new IdentityHashMap<>());
        List<Rename> renames = new ArrayList<>();
        for (Op op : plan.upgrade()) {
            RenameHints.Hint hint = hints.get(op);
            if (!(op instanceof DropColumn drop)
                    || hint == null
                    || !(hint.plainRename() instanceof RenameColumn rename)) continue;
            AddColumn add = plan.upgrade().stream()
                    .filter(o -> o instanceof AddColumn a
                            && a.table().equals(drop.table())
                            && a.column().name().equals(rename.to()))
                    .map(AddColumn.class::cast)
                    .findFirst()
                    .orElseThrow();
            // an identity or generated column is not written by the application: nothing to keep equal
            if (!plain(drop.column()) || !plain(add.column())) continue;
            renames.add(new Rename(drop.table(), drop.column(), add.column()));
            taken.add(drop);
            taken.add(add);
        }
        List<Op> rest =
                plan.upgrade().stream().filter(op -> !taken.contains(op)).toList();
        return new ExpandContract(renames, renames.isEmpty() ? plan : new Plan(rest));
    }

    /**
     * The plan's renames, and its type changes on tables of {@code database} (the schema the plan
     * starts from) that {@link TypeChanges} finds fit for a shadow column; the others stay in the rest.
     */
    public static ExpandContract of(Plan plan, Schema database) {
        ExpandContract renamed = of(plan);
        TypeChanges found = TypeChanges.of(renamed.rest(), database);
        Set<Op> taken = Collections.newSetFromMap(new IdentityHashMap<>());
        taken.addAll(found.split().keySet());
        List<Op> rest = renamed.rest().upgrade().stream()
                .filter(op -> !taken.contains(op))
                .toList();
        return new ExpandContract(
                renamed.renames(),
                List.copyOf(found.split().values()),
                found.refused(),
                found.split().isEmpty() ? renamed.rest() : new Plan(rest));
    }

    private static boolean plain(Column column) {
        return column.identity() == Identity.NONE && column.generated() == null;
    }
}
