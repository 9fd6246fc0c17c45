package dev.retort.mariadb;

import static java.util.Objects.requireNonNull;

import dev.retort.schema.QualifiedName;
import dev.retort.schema.Schema;
import java.util.Map;

/**
 * A MariaDB database as Retort reads it: the shared {@link Schema}, which the differ compares, and
 * beside it each table's {@link TableDetails}, what the shared model has no field for.
 */
public record MariaDbCatalog(String database, Schema schema, Map<QualifiedName, TableDetails> details) {
    public MariaDbCatalog {
        requireNonNull(database, "database");
        requireNonNull(schema, "schema");
        details = Map.copyOf(requireNonNull(details, "details"));
    }
}
