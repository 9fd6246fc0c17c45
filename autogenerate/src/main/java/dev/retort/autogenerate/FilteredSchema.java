package dev.retort.autogenerate;

import dev.retort.autogenerate.ObjectFilter.Side;
import dev.retort.postgres.PostgresSql;
import dev.retort.schema.Column;
import dev.retort.schema.Index;
import dev.retort.schema.QualifiedName;
import dev.retort.schema.Schema;
import dev.retort.schema.Sequence;
import dev.retort.schema.Table;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** One side of a comparison with only the objects an {@link ObjectFilter} includes. */
final class FilteredSchema {
    private final ObjectFilter filter;
    private final Side side;
    /** The columns left out, as {@code table.column}, whose sequences go with them. */
    private final Set<String> leftOutColumns = new HashSet<>();

    private final Set<QualifiedName> leftOutTables = new HashSet<>();

    private FilteredSchema(ObjectFilter filter, Side side) {
        this.filter = filter;
        this.side = side;
    }

    static Schema apply(ObjectFilter filter, Side side, Schema schema) {
        if (filter == ObjectFilter.ALL) return schema;
        return new FilteredSchema(filter, side).filter(schema);
    }

    private Schema filter(Schema schema) {
        List<Table> tables = new ArrayList<>();
        for (Table table : schema.tables()) {
            if (filter.include(ObjectKind.TABLE, table.name().toString(), side, table)) tables.add(table(table));
            else leftOutTables.add(table.name());
        }
        List<Sequence> sequences = schema.sequences().stream()
                .filter(s -> s.ownedBy() == null
                        || !leftOutTables.contains(s.ownerTable())
                                && !leftOutColumns.contains(
                                        s.ownerTable() + "." + s.ownedBy().column()))
                .filter(s -> filter.include(ObjectKind.SEQUENCE, s.name().toString(), side, s))
                .toList();
        return schema.with(
                        tables,
                        sequences,
                        schema.enums().stream()
                                .filter(e ->
                                        filter.include(ObjectKind.ENUM, e.name().toString(), side, e))
                                .toList())
                .withTypes(schema.types().stream()
                        .filter(t -> filter.include(ObjectKind.TYPE, t.name().toString(), side, t))
                        .toList());
    }

    /** The table with the columns, constraints and indexes the filter includes, and none over a column left out. */
    private Table table(Table table) {
        QualifiedName name = table.name();
        List<Column> columns = new ArrayList<>();
        Set<String> gone = new HashSet<>();
        for (Column column : table.columns()) {
            String columnName = name + "." + column.name();
            if (filter.include(ObjectKind.COLUMN, columnName, side, column)) columns.add(column);
            else {
                gone.add(column.name());
                leftOutColumns.add(columnName);
            }
        }
        boolean keepsKey = table.primaryKey() != null
                && keeps(
                        ObjectKind.PRIMARY_KEY,
                        name,
                        table.primaryKey(),
                        gone,
                        table.primaryKey().columns());
        // constraints over a column left out go first: a table's constraints must name its columns
        return table.withPrimaryKey(keepsKey ? table.primaryKey() : null)
                .withUniques(table.uniques().stream()
                        .filter(u -> keeps(ObjectKind.UNIQUE, name, u, gone, u.columns()))
                        .toList())
                .withForeignKeys(table.foreignKeys().stream()
                        .filter(f -> keeps(ObjectKind.FOREIGN_KEY, name, f, gone, f.columns()))
                        .toList())
                .withChecks(table.checks().stream()
                        .filter(c -> keeps(ObjectKind.CHECK, name, c, gone, List.of()))
                        .toList())
                .withIndexes(table.indexes().stream()
                        .filter(i -> keeps(ObjectKind.INDEX, name, i, gone, columns(i)))
                        .toList())
                .withColumns(columns);
    }

    private boolean keeps(
            ObjectKind kind, QualifiedName table, Object element, Set<String> gone, Collection<String> over) {
        if (over.stream().anyMatch(gone::contains)) return false;
        return filter.include(kind, PostgresSql.name(table, element), side, element);
    }

    private static List<String> columns(Index index) {
        List<String> columns = new ArrayList<>(index.include());
        for (Index.Key key : index.keys()) if (!key.isExpression()) columns.add(key.column());
        return columns;
    }
}
