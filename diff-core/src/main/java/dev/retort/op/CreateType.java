package dev.retort.op;

import static java.util.Objects.requireNonNull;

import dev.retort.schema.CompositeType;
import dev.retort.schema.QualifiedName;
import java.util.List;

/** Creates a composite type, after the enum types it may use and before the tables that use it. */
public record CreateType(CompositeType type) implements Op {
    public CreateType {
        requireNonNull(type, "type");
    }

    @Override
    public QualifiedName table() {
        return type.name();
    }

    @Override
    public DropType reverse() {
        return new DropType(type);
    }

    @Override
    public List<Hazard> hazards() {
        return List.of();
    }
}
