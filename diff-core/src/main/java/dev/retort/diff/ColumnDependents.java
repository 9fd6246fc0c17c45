package dev.retort.diff;

import dev.retort.schema.CheckConstraint;
import dev.retort.schema.ForeignKey;
import dev.retort.schema.Index;
import dev.retort.schema.PrimaryKey;
import dev.retort.schema.Table;
import dev.retort.schema.TableElement;
import dev.retort.schema.UniqueConstraint;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A table's keys, checks and indexes split into those that survive when the given columns are
 * dropped and added again, and those PostgreSQL drops with them.
 */
final class ColumnDependents {
    PrimaryKey primaryKey;
    final List<UniqueConstraint> uniques = new ArrayList<>();
    final List<CheckConstraint> checks = new ArrayList<>();
    final List<ForeignKey> foreignKeys = new ArrayList<>();
    final List<Index> indexes = new ArrayList<>();
    final List<TableElement> dropped = new ArrayList<>();

    ColumnDependents(Table table, Set<String> rebuilt) {
        primaryKey = table.primaryKey();
        if (primaryKey != null && uses(primaryKey.columns(), rebuilt)) {
            dropped.add(primaryKey);
            primaryKey = null;
        }
        for (UniqueConstraint unique : table.uniques()) keep(unique, uses(unique.columns(), rebuilt), uniques);
        for (CheckConstraint check : table.checks()) keep(check, mentions(check.expression(), rebuilt), checks);
        for (ForeignKey key : table.foreignKeys()) keep(key, uses(key.columns(), rebuilt), foreignKeys);
        for (Index index : table.indexes()) keep(index, uses(index, rebuilt), indexes);
    }

    private <T extends TableElement> void keep(T element, boolean goes, List<T> kept) {
        if (goes) {
            dropped.add(element);
        } else {
            kept.add(element);
        }
    }

    private static boolean uses(List<String> columns, Set<String> rebuilt) {
        return columns.stream().anyMatch(rebuilt::contains);
    }

    private static boolean uses(Index index, Set<String> rebuilt) {
        return uses(index.include(), rebuilt)
                || mentions(index.where(), rebuilt)
                || index.keys().stream()
                        .anyMatch(key -> rebuilt.contains(key.column())
                                || key.isExpression() && mentions(key.column(), rebuilt));
    }

    /** Whether an expression names one of the columns (as a word, quoted or not; a false match only costs a rebuild). */
    private static boolean mentions(String expression, Set<String> rebuilt) {
        if (expression == null) return false;
        for (String column : rebuilt) {
            if (Pattern.compile("(?<![\\w$])\"?" + Pattern.quote(column) + "\"?(?![\\w$])")
                    .matcher(expression)
                    .find()) return true;
        }
        return false;
    }
}
