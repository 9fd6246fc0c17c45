package dev.retort.diff;

import dev.retort.op.AddColumn;
import dev.retort.op.AddPrimaryKey;
import dev.retort.op.AlterColumn;
import dev.retort.op.CreateTable;
import dev.retort.op.DropColumn;
import dev.retort.op.DropPrimaryKey;
import dev.retort.op.DropTable;
import dev.retort.op.Op;
import dev.retort.schema.Column;
import dev.retort.schema.PrimaryKey;
import dev.retort.schema.Schema;
import dev.retort.schema.Table;
import dev.retort.schema.TableName;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Computes the operations that turn a current schema (usually the live database) into a target
 * schema (usually the entity model).
 *
 * <p>Comparison goes level by level, the way Alembic's does: at each level what exists only in the
 * target is created, what exists only in the current schema is dropped, and what exists in both is
 * compared one level down. Pure: no I/O, and the returned plan is the whole record of what it
 * decided.
 */
public final class Differ {
    private Differ() {}

    public static Plan diff(Schema current, Schema target) {
        List<Op> ops = new ArrayList<>();
        Map<TableName, Table> currentTables = byName(current.tables(), Table::name);
        Map<TableName, Table> targetTables = byName(target.tables(), Table::name);
        for (Table table : target.tables()) {
            Table existing = currentTables.get(table.name());
            if (existing == null) {
                ops.add(new CreateTable(table));
            } else {
                ops.addAll(diffTable(existing, table));
            }
        }
        for (Table table : current.tables()) {
            if (!targetTables.containsKey(table.name())) ops.add(new DropTable(table));
        }
        return Plan.of(ops);
    }

    static List<Op> diffTable(Table current, Table target) {
        List<Op> ops = new ArrayList<>();
        TableName name = target.name();
        Map<String, Column> currentColumns = byName(current.columns(), Column::name);
        Map<String, Column> targetColumns = byName(target.columns(), Column::name);
        for (Column column : target.columns()) {
            Column existing = currentColumns.get(column.name());
            if (existing == null) {
                ops.add(new AddColumn(name, column));
            } else if (!existing.equals(column)) {
                ops.add(new AlterColumn(name, existing, column));
            }
        }
        for (Column column : current.columns()) {
            if (!targetColumns.containsKey(column.name())) ops.add(new DropColumn(name, column));
        }
        ops.addAll(diffPrimaryKey(name, current.primaryKey(), target.primaryKey()));
        return ops;
    }

    static List<Op> diffPrimaryKey(TableName table, PrimaryKey current, PrimaryKey target) {
        if (current == null && target == null) return List.of();
        if (current != null && current.sameColumns(target)) return List.of();
        List<Op> ops = new ArrayList<>(2);
        Optional.ofNullable(current).ifPresent(key -> ops.add(new DropPrimaryKey(table, key)));
        Optional.ofNullable(target).ifPresent(key -> ops.add(new AddPrimaryKey(table, key)));
        return ops;
    }

    private static <K, V> Map<K, V> byName(List<V> values, Function<V, K> key) {
        return values.stream().collect(Collectors.toMap(key, Function.identity()));
    }
}
