package dev.retort.mariadb;

import dev.retort.diff.Plan;
import dev.retort.op.AddForeignKey;
import dev.retort.op.AddPrimaryKey;
import dev.retort.op.AddUnique;
import dev.retort.op.AlterColumn;
import dev.retort.op.CreateIndex;
import dev.retort.op.DropForeignKey;
import dev.retort.op.DropIndex;
import dev.retort.op.DropPrimaryKey;
import dev.retort.op.DropTable;
import dev.retort.op.DropUnique;
import dev.retort.op.Op;
import dev.retort.op.RenameIndex;
import dev.retort.schema.ForeignKey;
import dev.retort.schema.Index;
import dev.retort.schema.QualifiedName;
import dev.retort.schema.Schema;
import dev.retort.schema.Table;
import dev.retort.schema.UniqueConstraint;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A plan's type changes and index drops made possible on MariaDB: it refuses to change the type (or the collation) of a
 * column a foreign key uses, at either end, even with {@code foreign_key_checks = 0} (errors 1832 and 1833), and to drop the index or
 * primary key a foreign key needs, the one left whose columns start with the key's (error 1553), though the plan's new
 * primary key or index would serve it once made; so each such key the plan keeps is dropped before the type changes
 * and drops and added again after them, under its name, with the target's definition.
 *
 * <p>The index InnoDB made for such a key when it was declared without a name ({@code FOREIGN KEY (owner_id) ...}:
 * index {@code owner_id}, key {@code pets_ibfk_1}) is one the server replaces when a key is added on its columns: the
 * key added again would come with an index named after it ({@code pets_ibfk_1}), in the upgrade and again in the
 * downgrade. Renamed to its own name first ({@code RENAME INDEX owner_id TO owner_id}, instant), it is the table's own
 * index, which the key added again uses: both directions keep its name (found by spring-petclinic's round trip). Where
 * the plan adds a primary key, unique key or index that serves the key, the server would drop that index on its own:
 * the plan drops it instead, and the downgrade creates it again by name, an index of the table's own.
 */
public final class RetypedForeignKeys {
    private RetypedForeignKeys() {}

    /** The plan with those drops and adds, ordered by {@link Plan#of}; the plan itself when no key is in the way. */
    public static Plan of(Plan plan, Schema current, Schema target) {
        return of(plan, current, target, false);
    }

    /**
     * The same for the server: on MySQL ({@code mysql}) also around a column made {@code NOT NULL} that a foreign key
     * uses, when its table's {@code ALTER TABLE} copies the table, which MySQL then refuses (error 1832; alone, in place,
     * it runs).
     */
    public static Plan of(Plan plan, Schema current, Schema target, boolean mysql) {
        return of(plan, current, target, mysql, current);
    }

    /**
     * The same, with the database as read ({@code read}, its InnoDB-made indexes for foreign keys in it, which {@code
     * current} may leave out): each such index of a key dropped and added again is renamed to its own name between.
     */
    public static Plan of(Plan plan, Schema current, Schema target, boolean mysql, Schema read) {
        Set<QualifiedName> copied = new HashSet<>();
        if (mysql) for (Op op : plan.upgrade()) if (ColumnHazards.copiesTable(op, true)) copied.add(op.table());
        Set<Named> retyped = new HashSet<>();
        Set<QualifiedName> droppedTables = new HashSet<>();
        Set<Named> droppedKeys = new HashSet<>();
        Map<QualifiedName, List<List<String>>> droppedIndexes = new HashMap<>();
        for (Op op : plan.upgrade()) {
            if (op instanceof AlterColumn a && (refusedUnderAKey(a) || (a.setsNotNull() && copied.contains(a.table()))))
                retyped.add(new Named(a.table(), a.columnName()));
            if (op instanceof DropTable d) droppedTables.add(d.table());
            if (op instanceof DropForeignKey d)
                droppedKeys.add(new Named(d.table(), d.key().name()));
            if (op instanceof DropIndex d) dropped(droppedIndexes, d.table()).add(columns(d.index()));
            if (op instanceof DropPrimaryKey d)
                dropped(droppedIndexes, d.table()).add(d.key().columns());
            if (op instanceof DropUnique d)
                dropped(droppedIndexes, d.table()).add(d.constraint().columns());
        }
        if (retyped.isEmpty() && droppedIndexes.isEmpty()) return plan;
        List<Op> around = new ArrayList<>();
        for (Table table : current.tables()) {
            if (droppedTables.contains(table.name())) continue;
            for (ForeignKey key : table.foreignKeys()) {
                if (droppedKeys.contains(new Named(table.name(), key.name()))) continue;
                if (!uses(key, table.name(), retyped)
                        && !losesItsIndex(key, table, droppedIndexes.getOrDefault(table.name(), List.of()))) continue;
                around.add(new DropForeignKey(table.name(), key));
                Index made = madeForTheKey(read, table.name(), key, plan);
                // served by a key the plan adds, the index goes, as the server would drop it: the downgrade makes it
                // again under its name, as an index of the table's own; otherwise renamed to its name, it stays
                if (made != null && servedByWhatThePlanAdds(key, table.name(), plan))
                    around.add(new DropIndex(table.name(), made));
                else if (made != null) around.add(new RenameIndex(table.name(), made.name(), made.name()));
                around.add(new AddForeignKey(table.name(), targetKey(target, table.name(), key)));
            }
        }
        if (around.isEmpty()) return plan;
        List<Op> ops = new ArrayList<>(plan.upgrade());
        ops.addAll(around);
        return Plan.of(ops);
    }

    /**
     * Whether MariaDB refuses the change while a foreign key uses the column: a change of its type or its collation (a
     * key joins strings of one collation); a {@code MODIFY} that keeps both (its nullability, default or comment) runs.
     */
    public static boolean refusedUnderAKey(AlterColumn change) {
        return !change.from().type().equalsIgnoreCase(change.to().type()) || change.collationChanged();
    }

    private static boolean uses(ForeignKey key, QualifiedName table, Set<Named> retyped) {
        for (String column : key.columns()) if (retyped.contains(new Named(table, column))) return true;
        for (String column : key.referencedColumns())
            if (retyped.contains(new Named(key.referencedTable(), column))) return true;
        return false;
    }

    /** Whether the plan drops an index that serves the key and leaves the table none that does. */
    private static boolean losesItsIndex(ForeignKey key, Table table, List<List<String>> dropped) {
        if (dropped.stream().noneMatch(columns -> startsWith(columns, key.columns()))) return false;
        List<List<String>> left = new ArrayList<>();
        if (table.primaryKey() != null) left.add(table.primaryKey().columns());
        for (UniqueConstraint unique : table.uniques()) left.add(unique.columns());
        for (Index index : table.indexes()) left.add(columns(index));
        for (List<String> columns : dropped) left.remove(columns);
        return left.stream().noneMatch(columns -> startsWith(columns, key.columns()));
    }

    /**
     * The index InnoDB made for {@code key} when it was declared without a name: plain, on exactly its columns, named
     * after its first column ({@code owner_id}, or {@code owner_id_2} when that was taken); null when the table has
     * none, or the plan drops or renames it.
     */
    private static Index madeForTheKey(Schema read, QualifiedName table, ForeignKey key, Plan plan) {
        Table as = read.table(table).orElse(null);
        if (as == null) return null;
        String first = key.columns().get(0);
        for (Index index : as.indexes()) {
            String name = index.name();
            if (name == null
                    || name.equals(key.name())
                    || index.unique()
                    || !index.method().equals("btree")
                    || !columns(index).equals(key.columns())
                    || index.keys().stream().anyMatch(k -> k.descending() || k.prefix() != null)) continue;
            if (!name.equals(first) && !name.matches(Pattern.quote(first) + "_[0-9]+")) continue;
            for (Op op : plan.upgrade()) {
                if (op instanceof DropIndex d
                        && d.table().equals(table)
                        && name.equals(d.index().name())) return null;
                if (op instanceof RenameIndex r && r.table().equals(table) && name.equals(r.from())) return null;
            }
            return index;
        }
        return null;
    }

    /**
     * Whether the plan adds a primary key, unique key or index to the table whose columns start with the key's: the
     * server drops the index it made for the key when such a key is added (spring-petclinic's {@code vet_specialties},
     * given a primary key {@code (specialty_id, vet_id)}, lost {@code specialty_id}).
     */
    private static boolean servedByWhatThePlanAdds(ForeignKey key, QualifiedName table, Plan plan) {
        for (Op op : plan.upgrade()) {
            if (!op.table().equals(table)) continue;
            List<String> columns = op instanceof AddPrimaryKey a
                    ? a.key().columns()
                    : op instanceof AddUnique a
                            ? a.constraint().columns()
                            : op instanceof CreateIndex c ? columns(c.index()) : null;
            if (columns != null && startsWith(columns, key.columns())) return true;
        }
        return false;
    }

    private static List<List<String>> dropped(Map<QualifiedName, List<List<String>>> indexes, QualifiedName table) {
        return indexes.computeIfAbsent(table, t -> new ArrayList<>());
    }

    private static List<String> columns(Index index) {
        return index.keys().stream().map(Index.Key::column).toList();
    }

    private static boolean startsWith(List<String> columns, List<String> prefix) {
        return columns.size() >= prefix.size()
                && columns.subList(0, prefix.size()).equals(prefix);
    }

    /** The key the target has in its place (matched by everything but its name), named as the database names it. */
    private static ForeignKey targetKey(Schema target, QualifiedName table, ForeignKey key) {
        Table wanted = target.table(table).orElse(null);
        if (wanted != null) {
            for (ForeignKey candidate : wanted.foreignKeys())
                if (candidate.shape().equals(key.shape())) return candidate.named(key.name());
        }
        return key;
    }

    /** A column, or a key, of a table, by name. */
    private record Named(QualifiedName table, String name) {}
}
