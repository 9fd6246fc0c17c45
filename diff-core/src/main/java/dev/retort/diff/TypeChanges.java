package dev.retort.diff;

import dev.retort.op.AddCheck;
import dev.retort.op.AddColumn;
import dev.retort.op.AddForeignKey;
import dev.retort.op.AddPrimaryKey;
import dev.retort.op.AddUnique;
import dev.retort.op.AlterColumn;
import dev.retort.op.CreateIndex;
import dev.retort.op.DropCheck;
import dev.retort.op.DropForeignKey;
import dev.retort.op.DropIndex;
import dev.retort.op.DropPrimaryKey;
import dev.retort.op.DropUnique;
import dev.retort.op.Op;
import dev.retort.schema.CheckConstraint;
import dev.retort.schema.Column;
import dev.retort.schema.ForeignKey;
import dev.retort.schema.Identity;
import dev.retort.schema.Index;
import dev.retort.schema.QualifiedName;
import dev.retort.schema.Schema;
import dev.retort.schema.Table;
import dev.retort.schema.Types;
import dev.retort.schema.UniqueConstraint;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Which of a plan's type changes on existing tables {@code --expand-contract} runs as a shadow
 * column ({@link Retype}), and why each other one stays one {@code ALTER COLUMN ... TYPE}: only a
 * change that rewrites the table and loses no value ({@link Types.Change#WIDENING_REWRITE}), on a
 * plain column that no primary key, foreign key, check, exclusion or expression index involves.
 */
record TypeChanges(Map<Op, Retype> split, List<String> refused) {
    static TypeChanges of(Plan plan, Schema database) {
        Map<Op, Retype> split = new IdentityHashMap<>();
        List<String> refused = new ArrayList<>();
        for (Op op : plan.upgrade()) {
            if (!(op instanceof AlterColumn a) || !a.typeChanged()) continue;
            Table table = database.table(a.table()).orElse(null);
            if (table == null) continue;
            String why = refusal(a, table, database, plan);
            if (why == null) {
                split.put(op, retype(a, table));
            } else {
                refused.add("Not split: the type change of " + a.table() + "." + a.columnName() + " ("
                        + a.from().type() + " -> " + a.to().type() + ") stays one ALTER COLUMN ... TYPE: " + why);
            }
        }
        return new TypeChanges(split, List.copyOf(refused));
    }

    /** The type change as a shadow column, with the table's indexes and unique constraints that involve the column. */
    static Retype retype(AlterColumn a, Table table) {
        String column = a.columnName();
        List<Index> indexes =
                table.indexes().stream().filter(i -> involves(i, column)).toList();
        List<UniqueConstraint> uniques = table.uniques().stream()
                .filter(u -> u.columns().contains(column))
                .toList();
        return new Retype(a.table(), a.from(), a.to(), indexes, uniques);
    }

    /** Why the change stays a plain {@code ALTER}, or null when it can be split. */
    private static String refusal(AlterColumn a, Table table, Schema database, Plan plan) {
        String column = a.columnName();
        Types.Change change = Types.classify(a.from().type(), a.to().type());
        if (change == Types.Change.NONE || change == Types.Change.WIDENING_IN_PLACE)
            return "it changes the catalog only (no rewrite)";
        if (change == Types.Change.LOSSY || a.using() != null)
            return "the conversion may fail on or change a value, and the trigger would run it on every write of the"
                    + " old release";
        if (!plain(a.from()) || !plain(a.to()) || a.rebuilds()) return "an identity or generated column";
        if (takesSequence(a.from()) || takesSequence(a.to())) return "its default takes values from a sequence";
        if (table.primaryKey() != null && table.primaryKey().columns().contains(column))
            return "it is part of the primary key";
        if (table.foreignKeys().stream().anyMatch(k -> k.columns().contains(column)))
            return "it is part of a foreign key";
        if (referenced(database, a.table(), column)) return "a foreign key references it";
        if (table.checks().stream().anyMatch(c -> mentions(c, column)))
            return "a check constraint involves it (its expression is not rewritten to the shadow column)";
        for (Index index : table.indexes()) {
            if (index.name() == null) return "an index on it has no name";
            if (expressionOf(index, column))
                return "index " + index.name() + " involves it in an expression or predicate";
        }
        if (table.uniques().stream().anyMatch(u -> u.columns().contains(column) && u.name() == null))
            return "a unique constraint on it has no name";
        String shadow = Retype.shadowName(column);
        if (table.columns().stream().anyMatch(c -> c.name().equals(shadow))
                || plan.upgrade().stream()
                        .anyMatch(op -> op instanceof AddColumn add
                                && add.table().equals(a.table())
                                && add.column().name().equals(shadow)))
            return "its shadow column's name " + shadow + " is taken";
        Set<String> names = names(database, a.table().schema());
        Retype retype = retype(a, table);
        for (Index index : retype.indexes())
            if (names.contains(Retype.temporaryName(index.name())))
                return "the name " + Retype.temporaryName(index.name()) + " is taken";
        for (UniqueConstraint unique : retype.uniques())
            if (names.contains(Retype.temporaryName(unique.name())))
                return "the name " + Retype.temporaryName(unique.name()) + " is taken";
        for (Op other : plan.upgrade())
            if (other != a && other.table().equals(a.table()) && touches(other, column))
                return "the plan also changes an index or constraint that involves it";
        return null;
    }

    private static boolean plain(Column column) {
        return column.identity() == Identity.NONE && column.generated() == null;
    }

    private static boolean takesSequence(Column column) {
        return column.defaultValue() != null
                && column.defaultValue().expression().toLowerCase(Locale.ROOT).contains("nextval");
    }

    private static boolean referenced(Schema database, QualifiedName table, String column) {
        for (Table other : database.tables())
            for (ForeignKey key : other.foreignKeys())
                if (key.referencedTable().equals(table)
                        && key.referencedColumns().contains(column)) return true;
        return false;
    }

    /** Whether an index involves the column: as a key or a covered column. */
    static boolean involves(Index index, String column) {
        return index.include().contains(column)
                || index.keys().stream().anyMatch(k -> k.column().equals(column));
    }

    /** Whether an operation of the rest is on an index or constraint that involves the column. */
    static boolean touches(Op op, String column) {
        if (op instanceof CreateIndex c) return involves(c.index(), column) || expressionOf(c.index(), column);
        if (op instanceof DropIndex d) return involves(d.index(), column) || expressionOf(d.index(), column);
        if (op instanceof AddUnique u) return u.constraint().columns().contains(column);
        if (op instanceof DropUnique u) return u.constraint().columns().contains(column);
        if (op instanceof AddCheck c) return mentions(c.constraint(), column);
        if (op instanceof DropCheck c) return mentions(c.constraint(), column);
        if (op instanceof AddPrimaryKey p) return p.key().columns().contains(column);
        if (op instanceof DropPrimaryKey p) return p.key().columns().contains(column);
        if (op instanceof AddForeignKey f) return f.key().columns().contains(column);
        if (op instanceof DropForeignKey f) return f.key().columns().contains(column);
        return false;
    }

    private static boolean expressionOf(Index index, String column) {
        return index.keys().stream().anyMatch(k -> k.isExpression() && mentions(k.column(), column))
                || (index.where() != null && mentions(index.where(), column));
    }

    private static boolean mentions(CheckConstraint check, String column) {
        return mentions(check.key(), column) || mentions(check.expression(), column);
    }

    /** Whether SQL text may name the column: any occurrence of the name, case aside (more often than it does). */
    private static boolean mentions(String sql, String column) {
        return sql.toLowerCase(Locale.ROOT).contains(column.toLowerCase(Locale.ROOT));
    }

    /** The names of indexes, constraints and tables in a schema, which a temporary name must not take. */
    private static Set<String> names(Schema database, String schema) {
        Set<String> names = new HashSet<>();
        for (Table table : database.tables()) {
            if (!Objects.equals(table.name().schema(), schema)) continue;
            names.add(table.name().name());
            for (Index index : table.indexes()) if (index.name() != null) names.add(index.name());
            for (UniqueConstraint unique : table.uniques()) if (unique.name() != null) names.add(unique.name());
            if (table.primaryKey() != null && table.primaryKey().name() != null)
                names.add(table.primaryKey().name());
            for (CheckConstraint check : table.checks()) if (check.name() != null) names.add(check.name());
            for (ForeignKey key : table.foreignKeys()) if (key.name() != null) names.add(key.name());
        }
        return names;
    }
}
