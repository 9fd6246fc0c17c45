package dev.retort.schema;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A table: its name, its columns in physical order, and its primary key (null when it has none).
 *
 * <p>Primary-key columns are NOT NULL in PostgreSQL whatever was declared, so they are normalised
 * to not-null here and a silent model never differs from the catalog.
 */
public record Table(TableName name, List<Column> columns, PrimaryKey primaryKey) {
    public Table {
        requireNonNull(name, "name");
        Set<String> names = new HashSet<>();
        for (Column column : requireNonNull(columns, "columns")) {
            if (!names.add(column.name())) {
                throw new IllegalArgumentException("table " + name + ": duplicate column " + column.name());
            }
        }
        if (primaryKey != null) {
            for (String key : primaryKey.columns()) {
                if (!names.contains(key)) {
                    throw new IllegalArgumentException("table " + name + ": primary key column " + key + " is not a column");
                }
            }
            List<Column> normalised = new ArrayList<>(columns.size());
            for (Column column : columns) {
                normalised.add(primaryKey.columns().contains(column.name()) ? column.notNull() : column);
            }
            columns = normalised;
        }
        columns = List.copyOf(columns);
    }

    /** Builds a table from DSL-style elements: columns in order, and at most one primary key. */
    public static Table of(TableName name, List<? extends TableElement> elements) {
        List<Column> columns = new ArrayList<>();
        PrimaryKey primaryKey = null;
        for (TableElement element : elements) {
            if (element instanceof Column c) {
                columns.add(c);
            } else if (element instanceof PrimaryKey p) {
                if (primaryKey != null) throw new IllegalArgumentException("table " + name + ": two primary keys");
                primaryKey = p;
            }
        }
        return new Table(name, columns, primaryKey);
    }

    /** The columns followed by the primary key, the order in which a definition lists them. */
    public List<TableElement> elements() {
        List<TableElement> elements = new ArrayList<>(columns);
        if (primaryKey != null) elements.add(primaryKey);
        return List.copyOf(elements);
    }

    public Optional<Column> column(String columnName) {
        return columns.stream().filter(c -> c.name().equals(columnName)).findFirst();
    }

    /** This table with its columns sorted by name, for comparisons where physical order is irrelevant. */
    public Table withColumnsByName() {
        List<Column> sorted = new ArrayList<>(columns);
        sorted.sort(Comparator.comparing(Column::name));
        return new Table(name, sorted, primaryKey);
    }
}
