package dev.retort.op;

import static java.util.Objects.requireNonNull;

import dev.retort.schema.CheckConstraint;
import dev.retort.schema.QualifiedName;
import java.util.List;

/** Adds a check constraint to an existing table, {@code NOT VALID} when the check is not valid. */
public record AddCheck(QualifiedName table, CheckConstraint constraint) implements Op {
    public AddCheck {
        requireNonNull(table, "table");
        requireNonNull(constraint, "constraint");
    }

    @Override
    public DropCheck reverse() {
        return new DropCheck(table, constraint);
    }

    @Override
    public List<Hazard> hazards() {
        if (!constraint.valid()) return List.of();
        return List.of(new Hazard(
                Hazard.Kind.LONG_LOCK,
                "adding check " + constraint.expression() + " on " + table
                        + " scans the table under an exclusive lock and fails on rows that violate it"));
    }
}
