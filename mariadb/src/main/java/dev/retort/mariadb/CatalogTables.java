package dev.retort.mariadb;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Each table's type, storage engine and default collation, one {@code information_schema.TABLES}
 * query: jOOQ-meta's {@code TableOptions} carry none of them. The character set is the collation's
 * (every MariaDB collation name starts with its character set's, which holds no underscore).
 */
final class CatalogTables {
    private static final String TABLES = """
            SELECT t.TABLE_NAME AS table_name, t.TABLE_TYPE AS table_type, t.ENGINE AS engine,
                   t.TABLE_COLLATION AS table_collation
            FROM information_schema.TABLES t
            WHERE t.TABLE_SCHEMA = ?
            ORDER BY t.TABLE_NAME
            """;

    /** A table's type ({@code BASE TABLE}, {@code VIEW}, {@code SEQUENCE}, {@code SYSTEM VERSIONED}, ...), engine and collation. */
    record Read(String name, String type, String engine, String collation) {
        String charset() {
            if (collation == null) return null;
            int underscore = collation.indexOf('_');
            return underscore < 0 ? collation : collation.substring(0, underscore);
        }
    }

    private CatalogTables() {}

    static Map<String, Read> read(Connection connection, String database) throws SQLException {
        Map<String, Read> tables = new LinkedHashMap<>();
        try (PreparedStatement statement = connection.prepareStatement(TABLES)) {
            statement.setString(1, database);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    Read table = new Read(
                            rs.getString("table_name"),
                            rs.getString("table_type"),
                            rs.getString("engine"),
                            rs.getString("table_collation"));
                    tables.put(table.name(), table);
                }
            }
        }
        return tables;
    }
}
