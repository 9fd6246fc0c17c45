package dev.retort.schema;

import static java.util.Objects.requireNonNull;

import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A PostgreSQL enum type: its name, its labels in sort order, and the implicit casts between it and
 * {@code varchar} that exist for it ({@code CREATE CAST (varchar AS type) WITH INOUT AS IMPLICIT} and
 * back), which Hibernate's schema export creates beside every named enum it maps.
 */
public record EnumType(QualifiedName name, List<String> values, Set<Cast> casts) implements Comparable<EnumType> {
    /** An implicit {@code WITH INOUT} cast between the type and {@code varchar}. */
    public enum Cast {
        /** {@code CREATE CAST (varchar AS type) WITH INOUT AS IMPLICIT} */
        FROM_VARCHAR,
        /** {@code CREATE CAST (type AS varchar) WITH INOUT AS IMPLICIT} */
        TO_VARCHAR
    }

    public EnumType {
        requireNonNull(name, "name");
        values = List.copyOf(requireNonNull(values, "values"));
        casts = Set.copyOf(requireNonNull(casts, "casts"));
        if (new HashSet<>(values).size() != values.size())
            throw new IllegalArgumentException("enum " + name + ": duplicate labels");
    }

    /** A type without casts. */
    public static EnumType of(QualifiedName name, List<String> values) {
        return new EnumType(name, values, Set.of());
    }

    /** A type in the default schema, without casts. */
    public static EnumType of(String name, String... values) {
        return of(new QualifiedName(null, name), List.of(values));
    }

    public EnumType inSchema(String schema) {
        return new EnumType(new QualifiedName(schema, name.name()), values, casts);
    }

    /** The same type with these casts. */
    public EnumType withCasts(Set<Cast> newCasts) {
        return new EnumType(name, values, newCasts);
    }

    /** The same type with both casts, as Hibernate creates them. */
    public EnumType withVarcharCasts() {
        return withCasts(EnumSet.allOf(Cast.class));
    }

    /** Whether the two have the same labels in the same order, whatever their casts. */
    public boolean sameLabels(EnumType other) {
        return values.equals(other.values);
    }

    /** Whether {@code other} only adds labels to this one, keeping the order of the ones it has. */
    public boolean onlyAddsTo(EnumType other) {
        List<String> kept = other.values.stream().filter(values::contains).toList();
        return other.values.containsAll(values) && kept.equals(values);
    }

    @Override
    public int compareTo(EnumType other) {
        return name.compareTo(other.name);
    }
}
