package dev.retort.op;

import static java.util.Objects.requireNonNull;

import dev.retort.schema.PrimaryKey;
import dev.retort.schema.QualifiedName;
import java.util.Set;

/**
 * Drops a table's primary key; carries the key so the reverse can add it again, {@code
 * Option.USING_INDEX} only saying how the reverse adds it.
 */
public record DropPrimaryKey(QualifiedName table, PrimaryKey key, Set<Option> options) implements Op {
    public DropPrimaryKey {
        requireNonNull(table, "table");
        requireNonNull(key, "key");
        options = Option.check("drop primary key", options, Set.of(Option.USING_INDEX));
    }

    public DropPrimaryKey(QualifiedName table, PrimaryKey key) {
        this(table, key, Set.of());
    }

    @Override
    public AddPrimaryKey reverse() {
        return new AddPrimaryKey(table, key, options);
    }
}
