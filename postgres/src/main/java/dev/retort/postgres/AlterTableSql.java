package dev.retort.postgres;

import dev.retort.op.AddColumn;
import dev.retort.op.AlterColumn;
import dev.retort.op.ColumnChange;
import dev.retort.op.DropColumn;
import dev.retort.schema.QualifiedName;
import java.util.ArrayList;
import java.util.List;

/**
 * A table's column changes as one {@code ALTER TABLE}, so that they take one lock and rewrite the
 * table at most once: every change's type guards first (they read the values before anything
 * changes), then one statement holding every change's actions, then the comments and identity
 * moves that PostgreSQL cannot put in it.
 *
 * <p>Within one statement PostgreSQL runs the actions by kind, not as written: drops (of columns,
 * defaults, expressions, identities, NOT NULL) first, then type changes, added columns, and last
 * the defaults, identities and NOT NULLs that are set; so a default dropped before a type change
 * and set after it keeps that order, whatever the changes' order.
 */
final class AlterTableSql {
    /** What one change contributes: statements before the ALTER TABLE, its actions in it, statements after it. */
    record Parts(List<String> before, List<String> actions, List<String> after) {
        Parts {
            before = List.copyOf(before);
            actions = List.copyOf(actions);
            after = List.copyOf(after);
        }

        static Parts actions(List<String> actions, List<String> after) {
            return new Parts(List.of(), actions, after);
        }
    }

    private AlterTableSql() {}

    /** The statements of one table's column changes, in order; one change gives what it gives alone. */
    static List<String> statements(List<? extends ColumnChange> changes) {
        if (changes.isEmpty()) throw new IllegalArgumentException("no column changes");
        QualifiedName table = changes.get(0).table();
        List<String> before = new ArrayList<>();
        List<String> actions = new ArrayList<>();
        List<String> after = new ArrayList<>();
        for (ColumnChange change : changes) {
            if (!change.table().equals(table))
                throw new IllegalArgumentException(
                        "column changes of " + change.table() + " cannot join those of " + table);
            Parts parts = parts(change);
            before.addAll(parts.before());
            actions.addAll(parts.actions());
            after.addAll(parts.after());
        }
        List<String> statements = new ArrayList<>(before);
        if (!actions.isEmpty()) {
            // one change reads on one line; several, one action a line
            String separator = changes.size() == 1 ? ", " : ",\n    ";
            String start = changes.size() == 1 ? " " : "\n    ";
            statements.add(TableSql.alterTable(table) + start + String.join(separator, actions));
        }
        statements.addAll(after);
        return statements;
    }

    private static Parts parts(ColumnChange change) {
        if (change instanceof AddColumn a) return TableSql.addColumn(a);
        if (change instanceof DropColumn d) return TableSql.dropColumn(d);
        if (change instanceof AlterColumn a) return ColumnSql.alter(a);
        throw new AssertionError(change);
    }
}
