package dev.retort.schema;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * A primary key: its columns in key order and, when known, its constraint name.
 *
 * <p>Primary keys are compared by columns and by the name the wanted key was given ({@link #sameAs}): a
 * null name, or PostgreSQL's default ({@code <table>_pkey}), is whatever the database calls the key, so
 * only a name the mapping or the database chose is compared (and rendered).
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

    /**
     * True when this key is the {@code wanted} one: the same columns in the same order and, when the
     * wanted key was given a name, that name; PostgreSQL's default name for a key of {@code table}
     * counts as none (a renamed table keeps its key's old name).
     */
    public boolean sameAs(PrimaryKey wanted, String table) {
        if (!sameColumns(wanted)) return false;
        String name = given(wanted.name, table);
        return name == null || name.equals(this.name);
    }

    private static String given(String name, String table) {
        return name == null || name.equals(DefaultNames.of(table, "", "pkey")) ? null : name;
    }

    /** True when both keys cover the same columns in the same order, whatever their names. */
    public boolean sameColumns(PrimaryKey other) {
        return other != null && columns.equals(other.columns);
    }
}
