package dev.retort.postgres;

import static java.util.Objects.requireNonNull;

import dev.retort.schema.QualifiedName;
import java.util.List;
import java.util.Set;

/**
 * Which part of a database to read: the schemas, the tables never to report (such as Retort's own
 * version table), and the default schema, whose tables get no schema in their name (the first
 * schema read, unless named).
 */
public record SchemaScope(List<String> schemas, Set<QualifiedName> excluded, String defaultSchema) {
    public SchemaScope {
        schemas = List.copyOf(requireNonNull(schemas, "schemas"));
        excluded = Set.copyOf(requireNonNull(excluded, "excluded"));
        if (schemas.isEmpty()) throw new IllegalArgumentException("no schemas to read");
        if (defaultSchema == null) defaultSchema = schemas.get(0);
    }

    public SchemaScope(List<String> schemas, Set<QualifiedName> excluded) {
        this(schemas, excluded, null);
    }

    /** The name as Retort writes it: without a schema in the default schema. */
    QualifiedName nameOf(String schema, String table) {
        return new QualifiedName(schema.equals(defaultSchema) ? null : schema, table);
    }
}
