package dev.retort.op;

import static java.util.Objects.requireNonNull;

import dev.retort.schema.PrimaryKey;
import dev.retort.schema.QualifiedName;
import java.util.List;
import java.util.Set;

/**
 * Adds a primary key to an existing table; with {@code Option.USING_INDEX}, from the unique index of
 * the key's name built before it, so that nothing is built under the lock.
 */
public record AddPrimaryKey(QualifiedName table, PrimaryKey key, Set<Option> options) implements Op {
    public AddPrimaryKey {
        requireNonNull(table, "table");
        requireNonNull(key, "key");
        options = Option.check("add primary key", options, Set.of(Option.USING_INDEX));
    }

    public AddPrimaryKey(QualifiedName table, PrimaryKey key) {
        this(table, key, Set.of());
    }

    @Override
    public DropPrimaryKey reverse() {
        return new DropPrimaryKey(table, key, options);
    }

    @Override
    public List<Hazard> hazards() {
        if (options.contains(Option.USING_INDEX)) return List.of();
        return List.of(new Hazard(
                Hazard.Kind.LONG_LOCK,
                "adding the primary key of " + table
                        + " builds a unique index under an exclusive lock and fails on duplicates or nulls"));
    }
}
