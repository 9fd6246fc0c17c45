package dev.retort.schema;

import static java.util.Objects.requireNonNull;

import java.util.Comparator;

/**
 * A table's name and, when it lives outside the default schema, its schema.
 *
 * <p>A null schema means the default schema (the first configured one); both readers normalise to
 * that, so a table written with and without the default schema's name is the same table.
 */
public record TableName(String schema, String name) implements Comparable<TableName> {
    private static final Comparator<TableName> ORDER = Comparator.comparing(
                    TableName::schema, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(TableName::name);

    public TableName {
        requireNonNull(name, "name");
        if (name.isEmpty()) throw new IllegalArgumentException("empty table name");
        if (schema != null && schema.isEmpty()) throw new IllegalArgumentException("empty schema name");
    }

    public static TableName of(String name) {
        return new TableName(null, name);
    }

    @Override
    public int compareTo(TableName other) {
        return ORDER.compare(this, other);
    }

    @Override
    public String toString() {
        return schema == null ? name : schema + "." + name;
    }
}
