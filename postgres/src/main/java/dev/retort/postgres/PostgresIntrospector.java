package dev.retort.postgres;

import static dev.retort.postgres.CatalogValues.prepare;
import static dev.retort.postgres.CatalogValues.strings;

import dev.retort.schema.EnumType;
import dev.retort.schema.Index;
import dev.retort.schema.QualifiedName;
import dev.retort.schema.Schema;
import dev.retort.schema.Sequence;
import dev.retort.schema.Table;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the tables, standalone sequences, enum and composite types and the schemas themselves ({@link
 * CatalogNamespaces}) of a live PostgreSQL database into a {@link Schema}, with the tables outside its scope (partitions, partitioned tables, inheritance children: {@link
 * CatalogPartitions}) named, never read.
 *
 * <p>One set-based catalog query per kind of object ({@link CatalogColumns}, {@link CatalogConstraints},
 * {@link CatalogIndexes}, sequences, enum types, {@link CatalogTypes}), never one per table, so reading a thousand tables costs about as
 * much as reading ten.
 */
public final class PostgresIntrospector {
    /**
     * Enum types, their labels in sort order and their implicit {@code WITH INOUT} casts with
     * {@code varchar} (what Hibernate's schema export creates beside a named enum); types that belong
     * to an extension are not the schema's.
     */
    private static final String ENUMS = """
            SELECT n.nspname AS type_schema, t.typname AS type_name,
                   pg_catalog.array_agg(e.enumlabel::text ORDER BY e.enumsortorder) AS labels,
                   EXISTS (SELECT 1 FROM pg_cast c WHERE c.castsource = 'pg_catalog.varchar'::pg_catalog.regtype
                           AND c.casttarget = t.oid AND c.castmethod = 'i' AND c.castcontext = 'i') AS cast_from_varchar,
                   EXISTS (SELECT 1 FROM pg_cast c WHERE c.castsource = t.oid
                           AND c.casttarget = 'pg_catalog.varchar'::pg_catalog.regtype AND c.castmethod = 'i' AND c.castcontext = 'i') AS cast_to_varchar
            FROM pg_type t
            JOIN pg_namespace n ON n.oid = t.typnamespace
            JOIN pg_enum e ON e.enumtypid = t.oid
            WHERE n.nspname = ANY (?)
              AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_catalog.pg_type'::regclass::oid AND d.objid = t.oid AND d.deptype = 'e')
            GROUP BY n.nspname, t.typname, t.oid
            ORDER BY n.nspname, t.typname
            """;

    /** Sequences not owned by an identity or serial column: those belong to their column. */
    private static final String SEQUENCES = """
            SELECT n.nspname AS sequence_schema, c.relname AS sequence_name, s.seqstart AS start_value, s.seqincrement AS increment_by,
                   pg_catalog.format_type(s.seqtypid, NULL) AS sequence_type, s.seqmin AS min_value, s.seqmax AS max_value,
                   s.seqcache AS cache_size, s.seqcycle AS cycles, c.relpersistence = 'u' AS unlogged,
                   owner.relname AS owner_table, owner.attname AS owner_column
            FROM pg_sequence s
            JOIN pg_class c ON c.oid = s.seqrelid
            JOIN pg_namespace n ON n.oid = c.relnamespace
            LEFT JOIN LATERAL (SELECT t.relname, a.attname FROM pg_depend d
                               JOIN pg_class t ON t.oid = d.refobjid
                               JOIN pg_attribute a ON a.attrelid = d.refobjid AND a.attnum = d.refobjsubid
                               WHERE d.classid = 'pg_catalog.pg_class'::regclass::oid AND d.objid = c.oid AND d.refclassid = 'pg_catalog.pg_class'::regclass::oid
                                 AND d.refobjsubid > 0 AND d.deptype = 'a' LIMIT 1) owner ON true
            WHERE n.nspname = ANY (?)
              AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_catalog.pg_class'::regclass::oid AND d.objid = c.oid
                              AND d.refobjsubid > 0 AND d.deptype = 'i')
            ORDER BY n.nspname, c.relname
            """;

    private PostgresIntrospector() {}

    /**
     * Reads the schemas in scope in one read-only, repeatable-read transaction (one snapshot for
     * every query), with the server's JIT compiler off: these queries are estimated expensive and
     * would spend longer compiling than running. pg_catalog comes first in the search path, so that
     * no schema of the database can shadow the catalog or its operators; the session's schemas follow,
     * so that names print as the user sees them. In a caller's transaction the path is put back after.
     */
    public static Schema read(Connection connection, SchemaScope scope) {
        try {
            boolean autoCommit = connection.getAutoCommit();
            int isolation = connection.getTransactionIsolation();
            if (autoCommit) {
                connection.setAutoCommit(false);
                connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            }
            try (Statement st = connection.createStatement()) {
                String callersPath = autoCommit ? null : currentPath(st);
                st.execute("SET LOCAL jit = off;\n" + CatalogPath.CATALOG_FIRST);
                Schema schema = readAll(connection, scope);
                if (callersPath != null) restorePath(connection, callersPath);
                return schema;
            } finally {
                if (autoCommit) {
                    connection.rollback();
                    connection.setAutoCommit(true);
                    connection.setTransactionIsolation(isolation);
                }
            }
        } catch (SQLException e) {
            throw CatalogException.failed("reading the catalog of schemas " + scope.schemas(), e);
        }
    }

    private static String currentPath(Statement st) throws SQLException {
        try (ResultSet rs = st.executeQuery("SELECT pg_catalog.current_setting('search_path') AS path")) {
            rs.next();
            return rs.getString("path");
        }
    }

    private static void restorePath(Connection connection, String path) throws SQLException {
        try (PreparedStatement st =
                connection.prepareStatement("SELECT pg_catalog.set_config('search_path', ?, true)")) {
            st.setString(1, path);
            st.execute();
        }
    }

    private static Schema readAll(Connection connection, SchemaScope scope) throws SQLException {
        Map<QualifiedName, String> outsideScope = CatalogPartitions.read(connection, scope);
        CatalogColumns columns = CatalogColumns.read(connection, scope, outsideScope.keySet());
        CatalogConstraints constraints = CatalogConstraints.read(connection, scope, columns.names());
        Map<QualifiedName, List<Index>> indexes = CatalogIndexes.read(connection, scope, columns.names());
        List<Table> read = new ArrayList<>(columns.columns().size());
        columns.columns()
                .forEach((name, cols) -> read.add(new Table(
                        name,
                        cols,
                        constraints.primaryKeys().get(name),
                        constraints.uniques().getOrDefault(name, List.of()),
                        constraints.foreignKeys().getOrDefault(name, List.of()),
                        constraints.checks().getOrDefault(name, List.of()),
                        indexes.getOrDefault(name, List.of()),
                        columns.comments().get(name),
                        columns.unlogged().contains(name))));
        return new Schema(
                read,
                readSequences(connection, scope, outsideScope.keySet()),
                readEnums(connection, scope),
                CatalogTypes.read(connection, scope),
                outsideScope,
                CatalogNamespaces.read(connection, scope));
    }

    private static List<EnumType> readEnums(Connection connection, SchemaScope scope) throws SQLException {
        List<EnumType> enums = new ArrayList<>();
        try (PreparedStatement st = prepare(connection, ENUMS, scope);
                ResultSet rs = st.executeQuery()) {
            while (rs.next()) {
                QualifiedName name = scope.nameOf(rs.getString("type_schema"), rs.getString("type_name"));
                Set<EnumType.Cast> casts = EnumSet.noneOf(EnumType.Cast.class);
                if (rs.getBoolean("cast_from_varchar")) casts.add(EnumType.Cast.FROM_VARCHAR);
                if (rs.getBoolean("cast_to_varchar")) casts.add(EnumType.Cast.TO_VARCHAR);
                enums.add(new EnumType(name, strings(rs.getArray("labels")), casts));
            }
        }
        return enums;
    }

    private static List<Sequence> readSequences(
            Connection connection, SchemaScope scope, Set<QualifiedName> outsideScope) throws SQLException {
        List<Sequence> sequences = new ArrayList<>();
        try (PreparedStatement st = prepare(connection, SEQUENCES, scope);
                ResultSet rs = st.executeQuery()) {
            while (rs.next()) {
                QualifiedName name = scope.nameOf(rs.getString("sequence_schema"), rs.getString("sequence_name"));
                if (scope.excluded().contains(name)) continue;
                Sequence sequence = new Sequence(
                        name,
                        rs.getString("sequence_type"),
                        rs.getLong("start_value"),
                        rs.getLong("increment_by"),
                        rs.getLong("min_value"),
                        rs.getLong("max_value"),
                        rs.getLong("cache_size"),
                        rs.getBoolean("cycles"),
                        null,
                        rs.getBoolean("unlogged"));
                if (rs.getString("owner_table") != null) {
                    sequence = sequence.ownedBy(rs.getString("owner_table"), rs.getString("owner_column"));
                    if (scope.excluded().contains(sequence.ownerTable())
                            || outsideScope.contains(sequence.ownerTable())) continue;
                }
                sequences.add(sequence);
            }
        }
        return sequences;
    }
}
