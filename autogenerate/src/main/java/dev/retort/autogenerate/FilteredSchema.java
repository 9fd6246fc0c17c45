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

    /** The kinds inside a table: a filter that asks about none of them leaves every table as it is. */
    private static final List<ObjectKind> TABLE_PARTS = List.of(
            ObjectKind.COLUMN,
            ObjectKind.INDEX,
            ObjectKind.PRIMARY_KEY,
            ObjectKind.UNIQUE,
            ObjectKind.FOREIGN_KEY,
            ObjectKind.CHECK);

    private final Set<ObjectKind> kinds;

    private FilteredSchema(ObjectFilter filter, Side side) {
        this.filter = filter;
        this.side = side;
        this.kinds = filter.kinds();
    }

    static Schema apply(ObjectFilter filter, Side side, Schema schema) {
        if (filter.kinds().isEmpty()) return schema;
        return new FilteredSchema(filter, side).filter(schema);
    }

    private Schema filter(Schema schema) {
        List<Table> tables = new ArrayList<>();
        boolean inTables = TABLE_PARTS.stream().anyMatch(kinds::contains);
        for (Table table : schema.tables()) {
            if (!asks(ObjectKind.TABLE)
                    || filter.include(ObjectKind.TABLE, table.name().toString(), side, table)) {
                tables.add(inTables ? table(table) : table);
            } else {
                leftOutTables.add(table.name());
            }
        }
        List<Sequence> sequences = schema.sequences().stream()
                .filter(s -> s.ownedBy() == null
                        || !leftOutTables.contains(s.ownerTable())
                                && !leftOutColumns.contains(
                                        s.ownerTable() + "." + s.ownedBy().column()))
                .filter(s -> !asks(ObjectKind.SEQUENCE)
                        || filter.include(ObjectKind.SEQUENCE, s.name().toString(), side, s))
                .toList();
        return schema.with(
                        tables,
                        sequences,
                        schema.enums().stream()
                                .filter(e -> !asks(ObjectKind.ENUM)
                                        || filter.include(
                                                ObjectKind.ENUM, e.name().toString(), side, e))
                                .toList())
                .withTypes(schema.types().stream()
                        .filter(t -> !asks(ObjectKind.TYPE)
                                || filter.include(ObjectKind.TYPE, t.name().toString(), side, t))
                        .toList());
    }

    /** The table with the columns, constraints and indexes the filter includes, and none over a column left out. */
    private Table table(Table table) {
        QualifiedName name = table.name();
        List<Column> columns = new ArrayList<>();
        Set<String> gone = new HashSet<>();
        for (Column column : table.columns()) {
            String columnName = name + "." + column.name();
            if (!asks(ObjectKind.COLUMN) || filter.include(ObjectKind.COLUMN, columnName, side, column)) {
                columns.add(column);
            } else {
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
        return !asks(kind) || filter.include(kind, PostgresSql.name(table, element), side, element);
    }

    /** Whether the filter looks at this kind: the name of an object it does not is never worked out. */
    private boolean asks(ObjectKind kind) {
        return kinds.contains(kind);
    }

    private static List<String> columns(Index index) {
        List<String> columns = new ArrayList<>(index.include());
        for (Index.Key key : index.keys()) if (!key.isExpression()) columns.add(key.column());
        return columns;
    }
}
