package dev.retort.postgres;

import static dev.retort.postgres.CatalogValues.prepare;

import dev.retort.schema.QualifiedName;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The tables of the schemas in scope that are outside Retort's scope: partitions, partitioned
 * tables and inheritance children, each with what it is. They are never compared; a plan that would
 * drop or create a table of the same name is refused.
 */
final class CatalogPartitions {
    /** A partition's parent is its partitioned table; an inheritance child's is its first parent. */
    private static final String OUTSIDE_SCOPE = """
            SELECT n.nspname AS table_schema, c.relname AS table_name, c.relkind AS kind,
                   c.relispartition AS is_partition, pn.nspname AS parent_schema, pc.relname AS parent_name
            FROM pg_class c
            JOIN pg_namespace n ON n.oid = c.relnamespace
            LEFT JOIN pg_inherits i ON i.inhrelid = c.oid AND i.inhseqno = 1
            LEFT JOIN pg_class pc ON pc.oid = i.inhparent
            LEFT JOIN pg_namespace pn ON pn.oid = pc.relnamespace
            WHERE n.nspname = ANY (?) AND c.relkind IN ('r', 'p') AND (c.relkind = 'p' OR i.inhparent IS NOT NULL)
            ORDER BY n.nspname, c.relname
            """;

    private CatalogPartitions() {}

    static Map<QualifiedName, String> read(Connection connection, SchemaScope scope) throws SQLException {
        Map<QualifiedName, String> outside = new LinkedHashMap<>();
        try (PreparedStatement st = prepare(connection, OUTSIDE_SCOPE, scope);
                ResultSet rs = st.executeQuery()) {
            while (rs.next()) {
                QualifiedName table = scope.nameOf(rs.getString("table_schema"), rs.getString("table_name"));
                if (!scope.excluded().contains(table)) outside.put(table, what(rs, scope));
            }
        }
        return outside;
    }

    private static String what(ResultSet rs, SchemaScope scope) throws SQLException {
        String parent = rs.getString("parent_name") == null
                ? null
                : scope.nameOf(rs.getString("parent_schema"), rs.getString("parent_name"))
                        .toString();
        if (rs.getBoolean("is_partition")) return "a partition of " + parent;
        if (parent != null) return "an inheritance child of " + parent;
        return "a partitioned table";
    }
}
