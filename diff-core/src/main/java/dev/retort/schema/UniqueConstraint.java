package dev.retort.schema;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * A unique constraint over columns, in order. Compared by columns: a null name means "whatever the
 * database called it" (a column-level {@code unique}, or a name Hibernate made up).
 */
public record UniqueConstraint(String name, List<String> columns) implements TableElement {
    public UniqueConstraint {
        columns = List.copyOf(requireNonNull(columns, "columns"));
        if (columns.isEmpty()) throw new IllegalArgumentException("unique constraint without columns");
        if (name != null && name.isEmpty()) name = null;
    }

    public static UniqueConstraint of(String... columns) {
        return new UniqueConstraint(null, List.of(columns));
    }

    public UniqueConstraint named(String newName) {
        return new UniqueConstraint(newName, columns);
    }
}
