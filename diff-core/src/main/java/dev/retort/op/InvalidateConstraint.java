package dev.retort.op;

import static java.util.Objects.requireNonNull;

import dev.retort.schema.QualifiedName;
import dev.retort.schema.TableElement;
import java.util.List;

/**
 * Makes a valid check or foreign key {@code NOT VALID} again, the reverse of {@link
 * ValidateConstraint}: PostgreSQL has no statement for it, so the constraint is dropped and added
 * again {@code NOT VALID} (no row is read). Carries the constraint as it is valid.
 */
public record InvalidateConstraint(QualifiedName table, TableElement constraint) implements Op {
    public InvalidateConstraint {
        requireNonNull(table, "table");
        constraint = ValidateConstraint.asValid(constraint);
    }

    @Override
    public ValidateConstraint reverse() {
        return new ValidateConstraint(table, constraint);
    }

    @Override
    public List<Hazard> hazards() {
        return List.of();
    }
}
