package dev.retort.schema;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * A unique constraint over columns, in order, and whether nulls count as equal ({@code NULLS NOT
 * DISTINCT}, PostgreSQL 15). Compared by columns and that flag: a null name means "whatever the
 * database called it" (a column-level {@code unique}, or a name Hibernate made up). On MariaDB and MySQL, the length
 * of each column's prefix the key holds ({@code UNIQUE KEY (s(5))}; one entry per column, null for a whole column,
 * empty for none), carried where a migration states it (autogenerate writes a dropped key's), not compared.
 */
public record UniqueConstraint(String name, List<String> columns, boolean nullsNotDistinct, List<Integer> prefixes)
        implements TableElement {
    public UniqueConstraint(String name, List<String> columns) {
        this(name, columns, false);
    }

    public UniqueConstraint(String name, List<String> columns, boolean nullsNotDistinct) {
        this(name, columns, nullsNotDistinct, List.of());
    }

    public UniqueConstraint {
        columns = List.copyOf(requireNonNull(columns, "columns"));
        if (columns.isEmpty()) throw new IllegalArgumentException("unique constraint without columns");
        if (name != null && name.isEmpty()) name = null;
        // nulls allowed (a whole column), so no List.copyOf
        prefixes = prefixes == null || prefixes.stream().allMatch(Objects::isNull)
                ? List.of()
                : Collections.unmodifiableList(new ArrayList<>(prefixes));
        if (!prefixes.isEmpty() && prefixes.size() != columns.size())
            throw new IllegalArgumentException("unique constraint " + columns + ": " + prefixes.size()
                    + " prefix lengths for " + columns.size() + " columns");
        for (Integer prefix : prefixes)
            if (prefix != null && prefix < 1)
                throw new IllegalArgumentException(
                        "unique constraint " + columns + ": prefix length " + prefix + " is not positive");
    }

    public static UniqueConstraint of(String... columns) {
        return new UniqueConstraint(null, List.of(columns));
    }

    public UniqueConstraint named(String newName) {
        return new UniqueConstraint(newName, columns, nullsNotDistinct, prefixes);
    }

    public UniqueConstraint withNullsNotDistinct() {
        return new UniqueConstraint(name, columns, true, prefixes);
    }

    /**
     * This key over the first {@code lengths} characters of its columns, one per column in order, null for a whole
     * column ({@code unique("s").prefixes(5)}: {@code UNIQUE KEY (s(5))}; MariaDB, MySQL).
     */
    public UniqueConstraint prefixes(Integer... lengths) {
        return new UniqueConstraint(name, columns, nullsNotDistinct, Arrays.asList(lengths));
    }

    /** What two unique constraints are compared by. */
    public UniqueConstraint unnamed() {
        return new UniqueConstraint(null, columns, nullsNotDistinct, prefixes);
    }
}
