package dev.retort.op;

import static java.util.Objects.requireNonNull;

import dev.retort.schema.ExclusionConstraint;
import dev.retort.schema.QualifiedName;
import java.util.List;

/** Drops an exclusion constraint (hand-written; autogenerate does not produce it). */
public record DropExclusion(QualifiedName table, ExclusionConstraint constraint) implements Op {
    public DropExclusion {
        requireNonNull(table, "table");
        requireNonNull(constraint, "constraint");
    }

    @Override
    public AddExclusion reverse() {
        return new AddExclusion(table, constraint);
    }

    @Override
    public List<Hazard> hazards() {
        return List.of();
    }
}
