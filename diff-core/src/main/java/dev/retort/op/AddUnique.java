package dev.retort.op;

import static java.util.Objects.requireNonNull;

import dev.retort.schema.QualifiedName;
import dev.retort.schema.UniqueConstraint;
import java.util.List;
import java.util.Set;

/**
 * Adds a unique constraint to an existing table; with {@code Option.USING_INDEX}, from the unique
 * index of the constraint's name built before it, so that nothing is built under the lock.
 */
public record AddUnique(QualifiedName table, UniqueConstraint constraint, Set<Option> options) implements Op {
    public AddUnique {
        requireNonNull(table, "table");
        requireNonNull(constraint, "constraint");
        options = Option.check("add unique", options, Set.of(Option.USING_INDEX));
    }

    public AddUnique(QualifiedName table, UniqueConstraint constraint) {
        this(table, constraint, Set.of());
    }

    @Override
    public DropUnique reverse() {
        return new DropUnique(table, constraint, options);
    }

    @Override
    public List<Hazard> hazards() {
        if (options.contains(Option.USING_INDEX)) return List.of();
        return List.of(new Hazard(
                Hazard.Kind.LONG_LOCK,
                "adding unique (" + String.join(", ", constraint.columns()) + ") on " + table
                        + " builds an index under an exclusive lock and fails on duplicates"));
    }
}
