package dev.retort.op;

import static java.util.Objects.requireNonNull;

import dev.retort.schema.ExclusionConstraint;
import dev.retort.schema.QualifiedName;
import java.util.List;

/** Adds an exclusion constraint (hand-written; autogenerate does not produce it). */
public record AddExclusion(QualifiedName table, ExclusionConstraint constraint) implements Op {
    public AddExclusion {
        requireNonNull(table, "table");
        requireNonNull(constraint, "constraint");
    }

    @Override
    public DropExclusion reverse() {
        return new DropExclusion(table, constraint);
    }

    @Override
    public List<Hazard> hazards() {
        return List.of(new Hazard(
                Hazard.Kind.LONG_LOCK,
                "adding exclusion constraint " + constraint.name() + " on " + table
                        + " builds its index and checks every row under an exclusive lock"));
    }
}
