package dev.retort.schema;

import static java.util.Objects.requireNonNull;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A standalone PostgreSQL composite type ({@code CREATE TYPE name AS (...)}), as Hibernate maps a
 * {@code @Struct} embeddable: its name and its attributes in their order, which is the order
 * PostgreSQL reads and writes a value of it in.
 */
public record CompositeType(QualifiedName name, List<Attribute> attributes) implements Comparable<CompositeType> {
    /**
     * One attribute: its name, its type normalised by {@link Types#normalize}, and its collation as
     * SQL after {@code COLLATE} (null for the type's default).
     */
    public record Attribute(String name, String type, String collation) {
        public Attribute {
            requireNonNull(name, "name");
            type = Types.normalize(requireNonNull(type, "type"));
            if (collation != null && collation.isBlank()) collation = null;
        }

        /** An attribute with its type's default collation. */
        public static Attribute of(String name, String type) {
            return new Attribute(name, type, null);
        }

        /** The same attribute with this collation. */
        public Attribute collate(String newCollation) {
            return new Attribute(name, type, newCollation);
        }

        /** Whether the two have the same type and collation, whatever their names. */
        public boolean sameDefinition(Attribute other) {
            return type.equals(other.type) && Objects.equals(collation, other.collation);
        }
    }

    public CompositeType {
        requireNonNull(name, "name");
        attributes = List.copyOf(requireNonNull(attributes, "attributes"));
        if (attributes.isEmpty()) throw new IllegalArgumentException("composite type " + name + ": no attributes");
        HashSet<String> names = new HashSet<>();
        for (Attribute attribute : attributes)
            if (!names.add(attribute.name()))
                throw new IllegalArgumentException(
                        "composite type " + name + ": duplicate attribute " + attribute.name());
    }

    /** A type in the default schema. */
    public static CompositeType of(String name, Attribute... attributes) {
        return new CompositeType(new QualifiedName(null, name), List.of(attributes));
    }

    /** The same type with these attributes. */
    public CompositeType withAttributes(Attribute... newAttributes) {
        return new CompositeType(name, List.of(newAttributes));
    }

    public CompositeType inSchema(String schema) {
        return new CompositeType(new QualifiedName(schema, name.name()), attributes);
    }

    public Optional<Attribute> attribute(String attributeName) {
        return attributes.stream().filter(a -> a.name().equals(attributeName)).findFirst();
    }

    @Override
    public int compareTo(CompositeType other) {
        return name.compareTo(other.name);
    }
}
