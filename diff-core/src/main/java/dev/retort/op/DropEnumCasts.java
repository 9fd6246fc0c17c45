package dev.retort.op;

import static java.util.Objects.requireNonNull;

import dev.retort.schema.EnumType;
import dev.retort.schema.QualifiedName;
import java.util.Set;

/** Drops implicit casts between an enum type and {@code varchar}, before the type is dropped. */
public record DropEnumCasts(QualifiedName type, Set<EnumType.Cast> casts) implements Op {
    public DropEnumCasts {
        requireNonNull(type, "type");
        casts = Set.copyOf(requireNonNull(casts, "casts"));
        if (casts.isEmpty()) throw new IllegalArgumentException("drop casts of " + type + ": no cast");
    }

    @Override
    public QualifiedName table() {
        return type;
    }

    @Override
    public AddEnumCasts reverse() {
        return new AddEnumCasts(type, casts);
    }
}
