package dev.retort.op;

import static java.util.Objects.requireNonNull;

import dev.retort.schema.CheckConstraint;
import dev.retort.schema.ForeignKey;
import dev.retort.schema.QualifiedName;
import dev.retort.schema.TableElement;
import java.util.List;

/**
 * Validates a check or foreign key added {@code NOT VALID} ({@code ALTER TABLE ... VALIDATE
 * CONSTRAINT}): the rows are checked under a lock that lets writes through. Carries the constraint,
 * as it is once valid, so the reverse can drop it and add it again {@code NOT VALID}.
 */
public record ValidateConstraint(QualifiedName table, TableElement constraint) implements Op {
    public ValidateConstraint {
        requireNonNull(table, "table");
        constraint = asValid(constraint);
    }

    @Override
    public InvalidateConstraint reverse() {
        return new InvalidateConstraint(table, constraint);
    }

    @Override
    public List<Hazard> hazards() {
        return List.of(new Hazard(
                Hazard.Kind.FAILS_ON_DATA,
                "validating a constraint on " + table
                        + " reads every row (writes go on) and fails on rows that violate it"));
    }

    /** The constraint, a check or a foreign key, in its valid form. */
    static TableElement asValid(TableElement constraint) {
        requireNonNull(constraint, "constraint");
        if (constraint instanceof CheckConstraint check) return check.validated();
        if (constraint instanceof ForeignKey key) return key.validated();
        throw new IllegalArgumentException("only a check or a foreign key is validated, not " + constraint);
    }
}
