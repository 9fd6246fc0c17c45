package dev.retort.op;

import static java.util.Objects.requireNonNull;

import dev.retort.schema.QualifiedName;
import dev.retort.schema.UniqueConstraint;
import java.util.List;

/** Drops a unique constraint; carries it so the reverse can add it again. */
public record DropUnique(QualifiedName table, UniqueConstraint constraint) implements Op {
    public DropUnique {
        requireNonNull(table, "table");
        requireNonNull(constraint, "constraint");
    }

    @Override
    public AddUnique reverse() {
        return new AddUnique(table, constraint);
    }

    @Override
    public List<Hazard> hazards() {
        return List.of();
    }
}
