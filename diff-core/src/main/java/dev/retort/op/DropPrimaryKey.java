package dev.retort.op;

import static java.util.Objects.requireNonNull;

import dev.retort.schema.PrimaryKey;
import dev.retort.schema.QualifiedName;

/** Drops a table's primary key; carries the key so the reverse can add it again. */
public record DropPrimaryKey(QualifiedName table, PrimaryKey key) implements Op {
    public DropPrimaryKey {
        requireNonNull(table, "table");
        requireNonNull(key, "key");
    }

    @Override
    public AddPrimaryKey reverse() {
        return new AddPrimaryKey(table, key);
    }
}
