package dev.retort.op;

import static java.util.Objects.requireNonNull;

import dev.retort.schema.EnumType;
import dev.retort.schema.QualifiedName;
import java.util.List;

/** Drops an enum type, after the tables that used it; carries it so the reverse can create it again. */
public record DropEnum(EnumType type) implements Op {
    public DropEnum {
        requireNonNull(type, "type");
    }

    @Override
    public QualifiedName table() {
        return type.name();
    }

    @Override
    public CreateEnum reverse() {
        return new CreateEnum(type);
    }

    @Override
    public List<Hazard> hazards() {
        return List.of();
    }
}
