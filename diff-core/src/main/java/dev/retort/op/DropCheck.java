package dev.retort.op;

import static java.util.Objects.requireNonNull;

import dev.retort.schema.CheckConstraint;
import dev.retort.schema.QualifiedName;
import java.util.List;

/** Drops a check constraint; carries it so the reverse can add it again. */
public record DropCheck(QualifiedName table, CheckConstraint constraint) implements Op {
    public DropCheck {
        requireNonNull(table, "table");
        requireNonNull(constraint, "constraint");
    }

    @Override
    public AddCheck reverse() {
        return new AddCheck(table, constraint);
    }

    @Override
    public List<Hazard> hazards() {
        return List.of();
    }
}
