package dev.retort.schema;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * A primary key: its columns in key order and, when known, its constraint name.
 *
 * <p>Primary keys are compared by columns only: Hibernate's names are synthetic and never emitted,
 * so the name is carried only to drop the constraint later. A null name means PostgreSQL's default
 * ({@code <table>_pkey}).
 */
public record PrimaryKey(String name, List<String> columns) implements TableElement {
    public PrimaryKey {
        columns = List.copyOf(requireNonNull(columns, "columns"));
        if (columns.isEmpty()) throw new IllegalArgumentException("primary key without columns");
        if (name != null && name.isEmpty()) name = null;
    }

    public static PrimaryKey of(String... columns) {
        return new PrimaryKey(null, List.of(columns));
    }

    public PrimaryKey named(String newName) {
        return new PrimaryKey(newName, columns);
    }

    /** True when both keys cover the same columns in the same order, whatever their names. */
    public boolean sameColumns(PrimaryKey other) {
        return other != null && columns.equals(other.columns);
    }
}
