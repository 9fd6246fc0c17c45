package dev.retort.mariadb;

import dev.retort.diff.Plan;
import dev.retort.op.AddForeignKey;
import dev.retort.op.AlterColumn;
import dev.retort.op.DropForeignKey;
import dev.retort.op.DropTable;
import dev.retort.op.Op;
import dev.retort.schema.ForeignKey;
import dev.retort.schema.QualifiedName;
import dev.retort.schema.Schema;
import dev.retort.schema.Table;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A plan's type changes made possible on MariaDB: it refuses to change the type of a column a foreign key uses, at
 * either end, even with {@code foreign_key_checks = 0} (errors 1832 and 1833), so each such key the plan keeps is
 * dropped before the type changes and added again after them, under its name, with the target's definition.
 */
public final class RetypedForeignKeys {
    private RetypedForeignKeys() {}

    /** The plan with those drops and adds, ordered by {@link Plan#of}; the plan itself when no key is in the way. */
    public static Plan of(Plan plan, Schema current, Schema target) {
        Set<Named> retyped = new HashSet<>();
        Set<QualifiedName> droppedTables = new HashSet<>();
        Set<Named> droppedKeys = new HashSet<>();
        for (Op op : plan.upgrade()) {
            if (op instanceof AlterColumn a && a.typeChanged()) retyped.add(new Named(a.table(), a.columnName()));
            if (op instanceof DropTable d) droppedTables.add(d.table());
            if (op instanceof DropForeignKey d)
                droppedKeys.add(new Named(d.table(), d.key().name()));
        }
        if (retyped.isEmpty()) return plan;
        List<Op> around = new ArrayList<>();
        for (Table table : current.tables()) {
            if (droppedTables.contains(table.name())) continue;
            for (ForeignKey key : table.foreignKeys()) {
                if (droppedKeys.contains(new Named(table.name(), key.name()))) continue;
                if (!uses(key, table.name(), retyped)) continue;
                around.add(new DropForeignKey(table.name(), key));
                around.add(new AddForeignKey(table.name(), targetKey(target, table.name(), key)));
            }
        }
        if (around.isEmpty()) return plan;
        List<Op> ops = new ArrayList<>(plan.upgrade());
        ops.addAll(around);
        return Plan.of(ops);
    }

    private static boolean uses(ForeignKey key, QualifiedName table, Set<Named> retyped) {
        for (String column : key.columns()) if (retyped.contains(new Named(table, column))) return true;
        for (String column : key.referencedColumns())
            if (retyped.contains(new Named(key.referencedTable(), column))) return true;
        return false;
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
