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
     * One attribute: its name, its type normalised by {@link Types#normalize}, its collation as
     * SQL after {@code COLLATE} (null for the type's default), and the type's spelling where
     * normalising would change what PostgreSQL stores ({@link Types#storedSpelling}, as a
     * {@link Column} keeps it): {@code timestamp} stays {@code timestamp}, not {@code timestamp(6)}.
     */
    public record Attribute(String name, String type, String collation, String spelling) {
        public Attribute {
            requireNonNull(name, "name");
            String written = requireNonNull(type, "type");
            type = Types.normalize(written);
            if (spelling == null) {
                spelling = Types.storedSpelling(written);
            } else if (!Types.normalize(spelling).equals(type)) {
                throw new IllegalArgumentException(
                        "attribute " + name + ": spelling " + spelling + " is not type " + type);
            }
            if (collation != null && collation.isBlank()) collation = null;
        }

        /** An attribute of the type as written, its stored spelling kept. */
        public Attribute(String name, String type, String collation) {
            this(name, type, collation, null);
        }

        /** An attribute with its type's default collation. */
        public static Attribute of(String name, String type) {
            return new Attribute(name, type, null);
        }

        /** The same attribute with this collation. */
        public Attribute collate(String newCollation) {
            return new Attribute(name, type, newCollation, spelling);
        }

        /** The type as SQL writes it: the spelling, else the normalised type. */
        public String sqlType() {
            return spelling != null ? spelling : type;
        }

        /** Whether the two have the same type and collation, whatever their names and spellings. */
        public boolean sameDefinition(Attribute other) {
            return type.equals(other.type) && Objects.equals(collation, other.collation);
        }

        /** Equal but for how the type is written: what the differ compares attributes by. */
        public boolean sameAs(Attribute other) {
            return name.equals(other.name) && sameDefinition(other);
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

    /** Equal but for how the attributes' types are written: what the differ compares types by. */
    public boolean sameAs(CompositeType other) {
        if (!name.equals(other.name) || attributes.size() != other.attributes.size()) return false;
        for (int i = 0; i < attributes.size(); i++)
            if (!attributes.get(i).sameAs(other.attributes.get(i))) return false;
        return true;
    }

    public Optional<Attribute> attribute(String attributeName) {
        return attributes.stream().filter(a -> a.name().equals(attributeName)).findFirst();
    }

    @Override
    public int compareTo(CompositeType other) {
        return name.compareTo(other.name);
    }
}
