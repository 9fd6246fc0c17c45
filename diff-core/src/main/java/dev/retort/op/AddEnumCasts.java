package dev.retort.op;

import static java.util.Objects.requireNonNull;

import dev.retort.schema.EnumType;
import dev.retort.schema.QualifiedName;
import java.util.Set;

/**
 * Creates implicit casts between an enum type and {@code varchar} ({@code WITH INOUT AS IMPLICIT}),
 * after the type exists: what Hibernate's schema export adds beside a named enum.
 */
public record AddEnumCasts(QualifiedName type, Set<EnumType.Cast> casts) implements Op {
    public AddEnumCasts {
        requireNonNull(type, "type");
        casts = Set.copyOf(requireNonNull(casts, "casts"));
        if (casts.isEmpty()) throw new IllegalArgumentException("add casts of " + type + ": no cast");
    }

    @Override
    public QualifiedName table() {
        return type;
    }

    @Override
    public DropEnumCasts reverse() {
        return new DropEnumCasts(type, casts);
    }
}
