package dev.retort.introspector;

import static java.util.Objects.requireNonNull;

import dev.retort.schema.TableName;
import java.util.List;
import java.util.Set;

/**
 * Which part of a database to read: the schemas (the first is the default one, whose tables get no
 * schema in their name) and the tables never to report, such as Retort's own version table.
 */
public record SchemaScope(List<String> schemas, Set<TableName> excluded) {
    public SchemaScope {
        schemas = List.copyOf(requireNonNull(schemas, "schemas"));
        excluded = Set.copyOf(requireNonNull(excluded, "excluded"));
        if (schemas.isEmpty()) throw new IllegalArgumentException("no schemas to read");
    }

    public String defaultSchema() {
        return schemas.get(0);
    }

    /** The name as Retort writes it: without a schema in the default schema. */
    TableName nameOf(String schema, String table) {
        return new TableName(schema.equals(defaultSchema()) ? null : schema, table);
    }
}
