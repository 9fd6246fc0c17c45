package dev.retort.op;

import static java.util.Objects.requireNonNull;

import dev.retort.schema.EnumType;
import dev.retort.schema.QualifiedName;
import java.util.List;

/** Creates an enum type, before the tables that use it. */
public record CreateEnum(EnumType type) implements Op {
    public CreateEnum {
        requireNonNull(type, "type");
    }

    @Override
    public QualifiedName table() {
        return type.name();
    }

    @Override
    public DropEnum reverse() {
        return new DropEnum(type);
    }

    @Override
    public List<Hazard> hazards() {
        return List.of();
    }
}
