package dev.retort.op;

import static java.util.Objects.requireNonNull;

import dev.retort.schema.CompositeType;
import dev.retort.schema.QualifiedName;
import java.util.List;

/** Drops a composite type, after the tables that used it; carries it so the reverse can create it again. */
public record DropType(CompositeType type) implements Op {
    public DropType {
        requireNonNull(type, "type");
    }

    @Override
    public QualifiedName table() {
        return type.name();
    }

    @Override
    public CreateType reverse() {
        return new CreateType(type);
    }

    @Override
    public List<Hazard> hazards() {
        return List.of();
    }
}
