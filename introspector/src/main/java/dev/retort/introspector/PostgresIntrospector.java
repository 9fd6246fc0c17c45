package dev.retort.introspector;

import dev.retort.RetortException;
import dev.retort.schema.Column;
import dev.retort.schema.Identity;
import dev.retort.schema.PrimaryKey;
import dev.retort.schema.Schema;
import dev.retort.schema.Table;
import dev.retort.schema.TableName;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the tables of a live PostgreSQL database into a {@link Schema}.
 *
 * <p>One set-based catalog query per kind of object (columns, primary keys), never one per table,
 * so reading a thousand tables costs about as much as reading ten.
 */
public final class PostgresIntrospector {
    private static final String COLUMNS = """
            SELECT n.nspname, c.relname, a.attname, format_type(a.atttypid, a.atttypmod), a.attnotnull, a.attidentity
            FROM pg_class c
            JOIN pg_namespace n ON n.oid = c.relnamespace
            LEFT JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
            WHERE c.relkind IN ('r', 'p') AND NOT c.relispartition AND n.nspname = ANY (?)
            ORDER BY n.nspname, c.relname, a.attnum
            """;

    private static final String PRIMARY_KEYS = """
            SELECT n.nspname, c.relname, con.conname, a.attname
            FROM pg_constraint con
            JOIN pg_class c ON c.oid = con.conrelid
            JOIN pg_namespace n ON n.oid = c.relnamespace
            CROSS JOIN LATERAL unnest(con.conkey) WITH ORDINALITY AS k(attnum, position)
            JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = k.attnum
            WHERE con.contype = 'p' AND n.nspname = ANY (?)
            ORDER BY n.nspname, c.relname, k.position
            """;

    private PostgresIntrospector() {}

    public static Schema read(Connection connection, SchemaScope scope) {
        try {
            Map<TableName, List<Column>> columns = readColumns(connection, scope);
            Map<TableName, PrimaryKey> keys = readPrimaryKeys(connection, scope);
            List<Table> tables = new ArrayList<>(columns.size());
            columns.forEach((name, cols) -> tables.add(new Table(name, cols, keys.get(name))));
            return new Schema(tables);
        } catch (SQLException e) {
            throw new RetortException("reading the catalog of schemas " + scope.schemas() + " failed: " + e.getMessage(), e);
        }
    }

    private static Map<TableName, List<Column>> readColumns(Connection connection, SchemaScope scope) throws SQLException {
        Map<TableName, List<Column>> columns = new LinkedHashMap<>();
        try (PreparedStatement st = prepare(connection, COLUMNS, scope); ResultSet rs = st.executeQuery()) {
            while (rs.next()) {
                TableName table = scope.nameOf(rs.getString(1), rs.getString(2));
                if (scope.excluded().contains(table)) continue;
                List<Column> list = columns.computeIfAbsent(table, t -> new ArrayList<>());
                String name = rs.getString(3);
                if (name == null) continue;
                list.add(new Column(name, rs.getString(4), !rs.getBoolean(5), identity(rs.getString(6))));
            }
        }
        return columns;
    }

    private static Map<TableName, PrimaryKey> readPrimaryKeys(Connection connection, SchemaScope scope) throws SQLException {
        Map<TableName, String> names = new LinkedHashMap<>();
        Map<TableName, List<String>> keyColumns = new LinkedHashMap<>();
        try (PreparedStatement st = prepare(connection, PRIMARY_KEYS, scope); ResultSet rs = st.executeQuery()) {
            while (rs.next()) {
                TableName table = scope.nameOf(rs.getString(1), rs.getString(2));
                names.put(table, rs.getString(3));
                keyColumns.computeIfAbsent(table, t -> new ArrayList<>()).add(rs.getString(4));
            }
        }
        Map<TableName, PrimaryKey> keys = new LinkedHashMap<>();
        keyColumns.forEach((table, cols) -> keys.put(table, new PrimaryKey(names.get(table), cols)));
        return keys;
    }

    private static PreparedStatement prepare(Connection connection, String sql, SchemaScope scope) throws SQLException {
        PreparedStatement st = connection.prepareStatement(sql);
        Array schemas = connection.createArrayOf("text", scope.schemas().toArray());
        st.setArray(1, schemas);
        return st;
    }

    private static Identity identity(String code) {
        if ("a".equals(code)) return Identity.ALWAYS;
        if ("d".equals(code)) return Identity.BY_DEFAULT;
        return Identity.NONE;
    }
}
