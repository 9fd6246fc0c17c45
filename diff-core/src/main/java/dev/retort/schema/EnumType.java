package dev.retort.schema;

import static java.util.Objects.requireNonNull;

import java.util.HashSet;
import java.util.List;

/** A PostgreSQL enum type: its name and its labels, in sort order. */
public record EnumType(QualifiedName name, List<String> values) implements Comparable<EnumType> {
    public EnumType {
        requireNonNull(name, "name");
        values = List.copyOf(requireNonNull(values, "values"));
        if (new HashSet<>(values).size() != values.size())
            throw new IllegalArgumentException("enum " + name + ": duplicate labels");
    }

    public static EnumType of(String name, String... values) {
        return new EnumType(new QualifiedName(null, name), List.of(values));
    }

    public EnumType inSchema(String schema) {
        return new EnumType(new QualifiedName(schema, name.name()), values);
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
