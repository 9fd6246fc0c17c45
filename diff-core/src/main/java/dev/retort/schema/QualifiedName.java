package dev.retort.schema;

import static java.util.Objects.requireNonNull;

import java.util.Comparator;

/**
 * The name of a schema-qualified object (a table, a sequence, an enum type) and, when it lives
 * outside the default schema, its schema.
 *
 * <p>A null schema means the default schema (the first configured one); both readers normalise to
 * that, so a table written with and without the default schema's name is the same table.
 */
public record QualifiedName(String schema, String name) implements Comparable<QualifiedName> {
    private static final Comparator<QualifiedName> ORDER = Comparator.comparing(
                    QualifiedName::schema, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(QualifiedName::name);

    public QualifiedName {
        requireNonNull(name, "name");
        if (name.isEmpty()) throw new IllegalArgumentException("empty object name");
        if (schema != null && schema.isEmpty()) throw new IllegalArgumentException("empty schema name");
    }

    public static QualifiedName of(String name) {
        return new QualifiedName(null, name);
    }

    @Override
    public int compareTo(QualifiedName other) {
        return ORDER.compare(this, other);
    }

    @Override
    public String toString() {
        return schema == null ? name : schema + "." + name;
    }
}
