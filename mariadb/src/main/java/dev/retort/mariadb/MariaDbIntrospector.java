package dev.retort.mariadb;

import dev.retort.schema.CheckConstraint;
import dev.retort.schema.Column;
import dev.retort.schema.ForeignKey;
import dev.retort.schema.Index;
import dev.retort.schema.PrimaryKey;
import dev.retort.schema.QualifiedName;
import dev.retort.schema.Schema;
import dev.retort.schema.Sequence;
import dev.retort.schema.Table;
import dev.retort.schema.UniqueConstraint;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the tables and sequences of the database a MariaDB connection is in into a {@link MariaDbCatalog}:
 * the shared {@link Schema} and each table's {@link TableDetails}, translated once here from what
 * jOOQ-meta ({@link JooqCatalog}: the tables and views with their comments, the primary and unique keys)
 * and {@code information_schema} ({@link CatalogTables}, {@link CatalogColumns}, {@link CatalogIndexes},
 * {@link CatalogConstraints}, {@link CatalogSequences}) return, one set-based query per kind of object.
 *
 * <p>Views and system-versioned tables are outside the scope, named and never read. The database is
 * the model's default schema: names in it carry no schema; a foreign key to another database names it.
 */
public final class MariaDbIntrospector {
    private MariaDbIntrospector() {}

    /** The catalog of the connection's current database; a server that is not MariaDB is refused ({@link MariaDbServer}). */
    public static MariaDbCatalog read(Connection connection) {
        MariaDbServer.Kind server;
        try {
            server = MariaDbServer.kind(connection);
        } catch (SQLException e) {
            throw MariaDbCatalogException.failed("reading the MariaDB catalog", e);
        }
        String database = currentDatabase(connection);
        try {
            return read(connection, database, server);
        } catch (SQLException e) {
            throw MariaDbCatalogException.failed("reading the MariaDB catalog of database " + database, e);
        } catch (org.jooq.exception.DataAccessException e) {
            SQLException cause = e.getCause(SQLException.class);
            if (cause == null) throw e;
            throw MariaDbCatalogException.failed("reading the MariaDB catalog of database " + database, cause);
        }
    }

    private static String currentDatabase(Connection connection) {
        try (Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("SELECT DATABASE()")) {
            String database = rs.next() ? rs.getString(1) : null;
            if (database == null)
                throw new MariaDbCatalogException(
                        "reading the MariaDB catalog", "the connection is in no database: name one in the URL", null);
            return database;
        } catch (SQLException e) {
            throw MariaDbCatalogException.failed("reading the MariaDB catalog", e);
        }
    }

    private static MariaDbCatalog read(Connection connection, String database, MariaDbServer.Kind server)
            throws SQLException {
        JooqCatalog jooq = JooqCatalog.read(connection, database, server);
        Map<String, CatalogTables.Read> kinds = CatalogTables.read(connection, database);
        Map<String, List<CatalogColumns.Read>> columns = CatalogColumns.read(connection, database, server);
        Map<String, List<CatalogIndexes.Read>> indexes = CatalogIndexes.read(connection, database);
        Map<String, List<ForeignKey>> foreignKeys = CatalogConstraints.foreignKeys(connection, database);
        Map<String, Set<String>> columnNames = new HashMap<>();
        columns.forEach((table, read) -> columnNames.put(
                table, read.stream().map(r -> r.column().name()).collect(java.util.stream.Collectors.toSet())));
        CatalogConstraints.Checks checks = CatalogConstraints.underTheirColumns(
                connection, CatalogConstraints.checks(connection, database, server), columnNames);
        List<Table> tables = new ArrayList<>();
        Map<QualifiedName, TableDetails> details = new LinkedHashMap<>();
        Map<QualifiedName, String> outsideScope = new HashMap<>();
        List<String> sequenceNames = new ArrayList<>();
        for (CatalogTables.Read kind : kinds.values()) {
            QualifiedName name = QualifiedName.of(kind.name());
            switch (kind.type()) {
                case "SEQUENCE" -> sequenceNames.add(kind.name());
                case "BASE TABLE" -> {
                    JooqCatalog.Relation relation = jooq.relations.get(kind.name());
                    tables.add(table(
                            name,
                            relation == null ? null : relation.comment(),
                            kind,
                            columns.getOrDefault(kind.name(), List.of()),
                            jooq.primaryKeys.get(kind.name()),
                            jooq.uniqueKeys.getOrDefault(kind.name(), Map.of()),
                            indexes.getOrDefault(kind.name(), List.of()),
                            foreignKeys.getOrDefault(kind.name(), List.of()),
                            checks.byTable().getOrDefault(kind.name(), List.of())));
                    details.put(
                            name,
                            details(
                                    kind,
                                    columns.getOrDefault(kind.name(), List.of()),
                                    indexes.getOrDefault(kind.name(), List.of()),
                                    checks.columnLevel().getOrDefault(kind.name(), Set.of())));
                }
                case "VIEW", "SYSTEM VIEW" -> outsideScope.put(name, "a view");
                default -> outsideScope.put(name, "a " + kind.type().toLowerCase(java.util.Locale.ROOT) + " table");
            }
        }
        List<Sequence> sequences = CatalogSequences.read(connection, database, sequenceNames);
        return new MariaDbCatalog(database, new Schema(tables, sequences, List.of(), List.of(), outsideScope), details);
    }

    private static Table table(
            QualifiedName name,
            String comment,
            CatalogTables.Read kind,
            List<CatalogColumns.Read> columns,
            List<String> primaryKey,
            Map<String, List<String>> uniqueKeys,
            List<CatalogIndexes.Read> indexes,
            List<ForeignKey> foreignKeys,
            List<CheckConstraint> checks) {
        List<Column> tableColumns = new ArrayList<>(columns.size());
        for (CatalogColumns.Read read : columns) {
            // a column's collation is the model's only when it is not the table's default
            boolean own = read.collation() != null && !read.collation().equals(kind.collation());
            tableColumns.add(own ? read.column().collate(read.collation()) : read.column());
        }
        List<UniqueConstraint> uniques = new ArrayList<>();
        List<Index> plain = new ArrayList<>();
        for (CatalogIndexes.Read index : indexes) {
            if (index.unique() && uniqueKeys.containsKey(index.name())) {
                uniques.add(new UniqueConstraint(index.name(), uniqueKeys.get(index.name())));
            } else {
                List<Index.Key> keys = index.keys().stream()
                        .map(k -> k.descending() ? Index.Key.of(k.column()).desc() : Index.Key.of(k.column()))
                        .toList();
                plain.add(Index.of(keys)
                        .named(index.name())
                        .withUnique(index.unique())
                        .using(index.type()));
            }
        }
        return new Table(
                name,
                tableColumns,
                primaryKey == null ? null : new PrimaryKey(null, primaryKey),
                uniques,
                foreignKeys,
                checks,
                plain,
                comment);
    }

    private static TableDetails details(
            CatalogTables.Read kind,
            List<CatalogColumns.Read> columns,
            List<CatalogIndexes.Read> indexes,
            Set<String> columnChecks) {
        Map<String, String> onUpdate = new HashMap<>();
        Set<String> virtual = new HashSet<>();
        Set<String> invisible = new HashSet<>();
        Set<String> compressed = new HashSet<>();
        for (CatalogColumns.Read read : columns) {
            if (read.onUpdate() != null) onUpdate.put(read.column().name(), read.onUpdate());
            if (read.virtual()) virtual.add(read.column().name());
            if (read.invisible()) invisible.add(read.column().name());
            if (read.compressed()) compressed.add(read.column().name());
        }
        Map<String, List<Integer>> prefixes = new LinkedHashMap<>();
        for (CatalogIndexes.Read index : indexes) {
            if (index.hasPrefix()) prefixes.put(index.name(), index.prefixes());
        }
        return new TableDetails(
                kind.engine(),
                kind.charset(),
                kind.collation(),
                onUpdate,
                virtual,
                prefixes,
                invisible,
                compressed,
                columnChecks);
    }
}
