package dev.retort.op;

import static java.util.Objects.requireNonNull;

import dev.retort.schema.QualifiedName;
import dev.retort.schema.UniqueConstraint;
import java.util.List;
import java.util.Set;

/**
 * Drops a unique constraint (and its index); carries it so the reverse can add it again, {@code
 * Option.USING_INDEX} only saying how the reverse adds it.
 */
public record DropUnique(QualifiedName table, UniqueConstraint constraint, Set<Option> options) implements Op {
    public DropUnique {
        requireNonNull(table, "table");
        requireNonNull(constraint, "constraint");
        options = Option.check("drop unique", options, Set.of(Option.USING_INDEX));
    }

    public DropUnique(QualifiedName table, UniqueConstraint constraint) {
        this(table, constraint, Set.of());
    }

    @Override
    public AddUnique reverse() {
        return new AddUnique(table, constraint, options);
    }

    @Override
    public List<Hazard> hazards() {
        return List.of();
    }
}
