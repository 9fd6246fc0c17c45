package dev.retort.schema;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * A unique constraint over columns, in order, and whether nulls count as equal ({@code NULLS NOT
 * DISTINCT}, PostgreSQL 15). Compared by columns and that flag: a null name means "whatever the
 * database called it" (a column-level {@code unique}, or a name Hibernate made up).
 */
public record UniqueConstraint(String name, List<String> columns, boolean nullsNotDistinct) implements TableElement {
    public UniqueConstraint(String name, List<String> columns) {
        this(name, columns, false);
    }

    public UniqueConstraint {
        columns = List.copyOf(requireNonNull(columns, "columns"));
        if (columns.isEmpty()) throw new IllegalArgumentException("unique constraint without columns");
        if (name != null && name.isEmpty()) name = null;
    }

    public static UniqueConstraint of(String... columns) {
        return new UniqueConstraint(null, List.of(columns));
    }

    public UniqueConstraint named(String newName) {
        return new UniqueConstraint(newName, columns, nullsNotDistinct);
    }

    public UniqueConstraint withNullsNotDistinct() {
        return new UniqueConstraint(name, columns, true);
    }

    /** What two unique constraints are compared by. */
    public UniqueConstraint unnamed() {
        return new UniqueConstraint(null, columns, nullsNotDistinct);
    }
}
