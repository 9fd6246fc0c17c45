package dev.retort.op;

import static java.util.Objects.requireNonNull;

import dev.retort.schema.QualifiedName;
import dev.retort.schema.UniqueConstraint;
import java.util.List;

/** Adds a unique constraint to an existing table. */
public record AddUnique(QualifiedName table, UniqueConstraint constraint) implements Op {
    public AddUnique {
        requireNonNull(table, "table");
        requireNonNull(constraint, "constraint");
    }

    @Override
    public DropUnique reverse() {
        return new DropUnique(table, constraint);
    }

    @Override
    public List<Hazard> hazards() {
        return List.of(new Hazard(
                Hazard.Kind.LONG_LOCK,
                "adding unique (" + String.join(", ", constraint.columns()) + ") on " + table
                        + " builds an index under an exclusive lock and fails on duplicates"));
    }
}
