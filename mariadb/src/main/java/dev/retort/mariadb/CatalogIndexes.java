package dev.retort.mariadb;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Every index but the primary keys of a database in one {@code information_schema.STATISTICS} query,
 * with what jOOQ-meta's (per-table) index reader loses: the index type ({@code BTREE}, {@code FULLTEXT},
 * {@code SPATIAL}, {@code HASH}), the prefix length of each key column ({@code SUB_PART}) and the sort
 * order ({@code COLLATION} {@code D}, MariaDB 10.8+).
 */
final class CatalogIndexes {
    private static final String INDEXES = """
            SELECT s.TABLE_NAME AS table_name, s.INDEX_NAME AS index_name, s.NON_UNIQUE AS non_unique,
                   s.COLUMN_NAME AS column_name, s.SUB_PART AS sub_part, s.INDEX_TYPE AS index_type,
                   s.COLLATION AS sort_order
            FROM information_schema.STATISTICS s
            WHERE s.TABLE_SCHEMA = ? AND s.INDEX_NAME <> 'PRIMARY'
            ORDER BY s.TABLE_NAME, s.INDEX_NAME, s.SEQ_IN_INDEX
            """;

    /** One key column: its name, prefix length (null for the whole column) and whether it sorts descending. */
    record KeyColumn(String column, Integer prefix, boolean descending) {}

    /** An index as read: its name, uniqueness, type in lower case, and key columns in order. */
    record Read(String name, boolean unique, String type, List<KeyColumn> keys) {
        boolean hasPrefix() {
            return keys.stream().anyMatch(k -> k.prefix() != null);
        }

        List<String> columns() {
            return keys.stream().map(KeyColumn::column).toList();
        }

        List<Integer> prefixes() {
            return keys.stream().map(KeyColumn::prefix).toList();
        }
    }

    private CatalogIndexes() {}

    /** The indexes by table, each table's by index name. */
    static Map<String, List<Read>> read(Connection connection, String database) throws SQLException {
        Map<String, Map<String, Read>> indexes = new LinkedHashMap<>();
        try (PreparedStatement statement = connection.prepareStatement(INDEXES)) {
            statement.setString(1, database);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    String name = rs.getString("index_name");
                    Map<String, Read> named =
                            indexes.computeIfAbsent(rs.getString("table_name"), t -> new LinkedHashMap<>());
                    Read index = named.get(name);
                    if (index == null) {
                        index = new Read(
                                name,
                                rs.getInt("non_unique") == 0,
                                rs.getString("index_type").toLowerCase(Locale.ROOT),
                                new ArrayList<>());
                        named.put(name, index);
                    }
                    Number prefix = (Number) rs.getObject("sub_part");
                    index.keys()
                            .add(new KeyColumn(
                                    rs.getString("column_name"),
                                    prefix == null ? null : prefix.intValue(),
                                    "D".equals(rs.getString("sort_order"))));
                }
            }
        }
        Map<String, List<Read>> byTable = new LinkedHashMap<>();
        indexes.forEach((table, named) -> byTable.put(
                table,
                named.values().stream()
                        .map(r -> new Read(r.name(), r.unique(), r.type(), List.copyOf(r.keys())))
                        .toList()));
        return byTable;
    }
}
