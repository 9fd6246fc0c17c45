package dev.retort.op;

import static java.util.Objects.requireNonNull;

import dev.retort.schema.PrimaryKey;
import dev.retort.schema.QualifiedName;
import java.util.List;

/** Adds a primary key to an existing table. */
public record AddPrimaryKey(QualifiedName table, PrimaryKey key) implements Op {
    public AddPrimaryKey {
        requireNonNull(table, "table");
        requireNonNull(key, "key");
    }

    @Override
    public DropPrimaryKey reverse() {
        return new DropPrimaryKey(table, key);
    }

    @Override
    public List<Hazard> hazards() {
        return List.of(new Hazard(
                Hazard.Kind.LONG_LOCK,
                "adding the primary key of " + table
                        + " builds a unique index under an exclusive lock and fails on duplicates or nulls"));
    }
}
