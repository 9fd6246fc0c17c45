package dev.retort.schema;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * A table: its name, its columns in physical order, its primary key (null when it has none), its
 * unique constraints, foreign keys, check constraints and indexes (each sorted, so equal tables are
 * equal records), its comment, whether it is unlogged (its persistence; false for a permanent table), and, on
 * MariaDB and MySQL, the engine and default character set a migration states ({@link TableOptions}, not compared).
 *
 * <p>Primary-key columns are NOT NULL in PostgreSQL whatever was declared, so they are normalised
 * to not-null here and a silent model never differs from the catalog. {@link #of} builds a table
 * from the elements of its definition; each wither changes one part.
 */
public record Table(
        QualifiedName name,
        List<Column> columns,
        PrimaryKey primaryKey,
        List<UniqueConstraint> uniques,
        List<ForeignKey> foreignKeys,
        List<CheckConstraint> checks,
        List<Index> indexes,
        String comment,
        boolean unlogged,
        TableOptions options) {
    /** A permanent (logged) table, as entities always are. */
    public Table(
            QualifiedName name,
            List<Column> columns,
            PrimaryKey primaryKey,
            List<UniqueConstraint> uniques,
            List<ForeignKey> foreignKeys,
            List<CheckConstraint> checks,
            List<Index> indexes,
            String comment) {
        this(name, columns, primaryKey, uniques, foreignKeys, checks, indexes, comment, false);
    }

    /** A table with the server's engine and character set: every table but one a MariaDB drop describes. */
    public Table(
            QualifiedName name,
            List<Column> columns,
            PrimaryKey primaryKey,
            List<UniqueConstraint> uniques,
            List<ForeignKey> foreignKeys,
            List<CheckConstraint> checks,
            List<Index> indexes,
            String comment,
            boolean unlogged) {
        this(name, columns, primaryKey, uniques, foreignKeys, checks, indexes, comment, unlogged, TableOptions.NONE);
    }

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
                    throw new IllegalArgumentException(
                            "table " + name + ": primary key column " + key + " is not a column");
                }
            }
            List<Column> normalised = new ArrayList<>(columns.size());
            for (Column column : columns) {
                normalised.add(primaryKey.columns().contains(column.name()) ? column.notNull() : column);
            }
            columns = normalised;
        }
        columns = List.copyOf(columns);
        for (UniqueConstraint unique : requireNonNull(uniques, "uniques"))
            requireColumns(name, names, unique.columns(), "unique constraint");
        for (ForeignKey key : requireNonNull(foreignKeys, "foreignKeys"))
            requireColumns(name, names, key.columns(), "foreign key");
        uniques = sorted(uniques, u -> String.join(",", u.columns()));
        foreignKeys = sorted(foreignKeys, f -> String.join(",", f.columns()) + "->" + f.referencedTable());
        checks = sorted(requireNonNull(checks, "checks"), CheckConstraint::sortKey);
        indexes = sorted(requireNonNull(indexes, "indexes"), i -> i.unnamed().toString());
        if (comment != null && comment.isEmpty()) comment = null;
        if (options == null) options = TableOptions.NONE;
    }

    /**
     * An unmodifiable copy sorted by a key computed once per element (the keys are strings built
     * from the records, too costly to rebuild at every comparison).
     */
    private static <T> List<T> sorted(List<T> elements, Function<T, String> key) {
        if (elements.size() < 2) return List.copyOf(elements);
        List<Map.Entry<String, T>> keyed = new ArrayList<>(elements.size());
        for (T element : elements) keyed.add(Map.entry(key.apply(element), element));
        keyed.sort(Map.Entry.comparingByKey());
        List<T> sorted = new ArrayList<>(elements.size());
        for (Map.Entry<String, T> entry : keyed) sorted.add(entry.getValue());
        return List.copyOf(sorted);
    }

    private static void requireColumns(QualifiedName table, Set<String> names, List<String> columns, String what) {
        for (String column : columns) {
            if (!names.contains(column))
                throw new IllegalArgumentException(
                        "table " + table + ": " + what + " column " + column + " is not a column");
        }
    }

    /**
     * A table from the elements of its definition: columns in order, at most one primary key, and
     * any unique, check and foreign-key constraints, indexes, comment and {@link Unlogged}.
     */
    public static Table of(QualifiedName name, List<? extends TableElement> elements) {
        List<Column> columns = new ArrayList<>();
        List<UniqueConstraint> uniques = new ArrayList<>();
        List<ForeignKey> keys = new ArrayList<>();
        List<CheckConstraint> checks = new ArrayList<>();
        List<Index> indexes = new ArrayList<>();
        String comment = null;
        boolean unlogged = false;
        TableOptions options = TableOptions.NONE;
        PrimaryKey primaryKey = null;
        for (TableElement element : elements) {
            if (element instanceof Column c) {
                columns.add(c);
            } else if (element instanceof PrimaryKey p) {
                if (primaryKey != null) throw new IllegalArgumentException("table " + name + ": two primary keys");
                primaryKey = p;
            } else if (element instanceof UniqueConstraint u) {
                uniques.add(u);
            } else if (element instanceof ForeignKey f) {
                keys.add(f);
            } else if (element instanceof CheckConstraint c) {
                checks.add(c);
            } else if (element instanceof Index i) {
                indexes.add(i);
            } else if (element instanceof TableComment t) {
                comment = t.text();
            } else if (element instanceof Unlogged) {
                unlogged = true;
            } else if (element instanceof TableOptions o) {
                options = o;
            } else {
                throw new AssertionError(element);
            }
        }
        return new Table(name, columns, primaryKey, uniques, keys, checks, indexes, comment, unlogged, options);
    }

    /** The columns, then the primary key, unique constraints and foreign keys: the order a definition lists them in. */
    public List<TableElement> elements() {
        List<TableElement> elements = new ArrayList<>(columns);
        if (primaryKey != null) elements.add(primaryKey);
        elements.addAll(uniques);
        elements.addAll(checks);
        elements.addAll(foreignKeys);
        elements.addAll(indexes);
        if (comment != null) elements.add(new TableComment(comment));
        if (unlogged) elements.add(new Unlogged());
        if (!options.isNone()) elements.add(options);
        return List.copyOf(elements);
    }

    /** This table without its foreign keys and indexes, which are created and dropped as operations of their own. */
    public Table withoutForeignKeysAndIndexes() {
        return withForeignKeys(List.of()).withIndexes(List.of());
    }

    public Table withColumns(List<Column> newColumns) {
        return new Table(
                name, newColumns, primaryKey, uniques, foreignKeys, checks, indexes, comment, unlogged, options);
    }

    /** This table with another primary key; null for none. */
    public Table withPrimaryKey(PrimaryKey newPrimaryKey) {
        return new Table(
                name, columns, newPrimaryKey, uniques, foreignKeys, checks, indexes, comment, unlogged, options);
    }

    public Table withUniques(List<UniqueConstraint> newUniques) {
        return new Table(
                name, columns, primaryKey, newUniques, foreignKeys, checks, indexes, comment, unlogged, options);
    }

    public Table withForeignKeys(List<ForeignKey> newForeignKeys) {
        return new Table(
                name, columns, primaryKey, uniques, newForeignKeys, checks, indexes, comment, unlogged, options);
    }

    /** This table with other check constraints (for example as PostgreSQL prints them back). */
    public Table withChecks(List<CheckConstraint> newChecks) {
        return new Table(
                name, columns, primaryKey, uniques, foreignKeys, newChecks, indexes, comment, unlogged, options);
    }

    public Table withIndexes(List<Index> newIndexes) {
        return new Table(
                name, columns, primaryKey, uniques, foreignKeys, checks, newIndexes, comment, unlogged, options);
    }

    /** This table with another comment; null for none. */
    public Table withComment(String newComment) {
        return new Table(
                name, columns, primaryKey, uniques, foreignKeys, checks, indexes, newComment, unlogged, options);
    }

    /**
     * This table as an unlogged one ({@code CREATE UNLOGGED TABLE}, {@code pg_class.relpersistence = 'u'})
     * or as a permanent one.
     */
    public Table withUnlogged(boolean newUnlogged) {
        return new Table(
                name, columns, primaryKey, uniques, foreignKeys, checks, indexes, comment, newUnlogged, options);
    }

    /** This table with an engine and default character set stated ({@link TableOptions#NONE} for the server's). */
    public Table withOptions(TableOptions newOptions) {
        return new Table(
                name, columns, primaryKey, uniques, foreignKeys, checks, indexes, comment, unlogged, newOptions);
    }

    public Optional<Column> column(String columnName) {
        return columns.stream().filter(c -> c.name().equals(columnName)).findFirst();
    }

    /** This table with its columns sorted by name, for comparisons where physical order is irrelevant. */
    public Table withColumnsByName() {
        List<Column> sorted = new ArrayList<>(columns);
        sorted.sort(Comparator.comparing(Column::name));
        return withColumns(sorted);
    }
}
