package dev.retort.mariadb;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jooq.Log;
import org.jooq.Record6;
import org.jooq.Result;
import org.jooq.meta.SchemaDefinition;
import org.jooq.meta.TableDefinition;
import org.jooq.meta.jaxb.SchemaMappingType;
import org.jooq.meta.mariadb.MariaDBDatabase;
import org.jooq.meta.mysql.MySQLDatabase;
import org.jooq.tools.JooqLogger;

/**
 * What jOOQ-meta reads of one MariaDB database, through its set-based queries only: the tables and
 * views with their comments, and the columns of each primary and unique key. Its per-table readers
 * (a table's columns, its indexes, and everything that resolves a key's columns: {@code getPrimaryKey},
 * {@code getForeignKeys}, {@code getCheckConstraints}) issue two queries per table, so they are never
 * called; {@link MariaDbIntrospector} reads the rest from {@code information_schema}.
 */
final class JooqCatalog {
    static {
        // jOOQ prints a banner and tips on first use otherwise, and jOOQ-meta counts what it fetched at INFO on stderr
        System.setProperty("org.jooq.no-logo", "true");
        System.setProperty("org.jooq.no-tips", "true");
        JooqLogger.globalThreshold(Log.Level.WARN);
    }

    /** A table or view: its name, whether it is a view, and its comment (null for none). */
    record Relation(String name, boolean view, String comment) {}

    /** Tables and views by name, in name order. */
    final Map<String, Relation> relations = new LinkedHashMap<>();

    /** Primary-key columns in key order, by table. */
    final Map<String, List<String>> primaryKeys = new LinkedHashMap<>();

    /** Unique keys: columns in key order by key name, by table. */
    final Map<String, Map<String, List<String>>> uniqueKeys = new LinkedHashMap<>();

    static JooqCatalog read(Connection connection, String database, MariaDbServer.Kind server) {
        // jOOQ-meta's MariaDB reader is its MySQL reader with MariaDB's own additions (sequences, ...)
        MySQLDatabase meta = server.mysql() ? new MySQLDatabase() : new MariaDBDatabase();
        meta.setConnection(connection);
        meta.setConfiguredSchemata(List.of(new SchemaMappingType().withInputSchema(database)));
        JooqCatalog catalog = new JooqCatalog();
        SchemaDefinition schema = meta.getSchema(database);
        if (schema != null) {
            for (TableDefinition table : meta.getTables(schema)) {
                String comment = table.getComment();
                catalog.relations.put(
                        table.getName(),
                        new Relation(
                                table.getName(),
                                table.isView(),
                                comment == null || comment.isEmpty() ? null : comment));
            }
        }
        for (Key key : keys(meta.primaryKeys(List.of(database)).fetch())) {
            catalog.primaryKeys
                    .computeIfAbsent(key.table, t -> new ArrayList<>())
                    .add(key.column);
        }
        for (Key key : keys(meta.uniqueKeys(List.of(database)).fetch())) {
            catalog.uniqueKeys
                    .computeIfAbsent(key.table, t -> new LinkedHashMap<>())
                    .computeIfAbsent(key.name, n -> new ArrayList<>())
                    .add(key.column);
        }
        return catalog;
    }

    private record Key(String table, String name, String column) {}

    /** jOOQ-meta's key rows (catalog, schema, table, key, column, position), ordered by table, key and position. */
    private static List<Key> keys(Result<Record6<String, String, String, String, String, Integer>> rows) {
        List<Key> keys = new ArrayList<>(rows.size());
        for (Record6<String, String, String, String, String, Integer> row : rows) {
            keys.add(new Key(row.value3(), row.value4(), row.value5()));
        }
        return keys;
    }
}
