package dev.retort.mariadb;

import dev.retort.schema.QualifiedName;
import dev.retort.schema.Sequence;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The sequences of a database ({@code CREATE SEQUENCE}, MariaDB 10.3+), all in one query: MariaDB keeps a
 * sequence's options only in the sequence itself (it is a one-row table), so the query is a {@code UNION
 * ALL} of one {@code SELECT} per sequence, each name quoted. jOOQ-meta reads them one query each, with
 * the names unquoted and the minimum value dropped.
 *
 * <p>MariaDB's defaults differ from PostgreSQL's (a largest value one below {@code bigint}'s, a cache of
 * 1000, 0 for none); the model's bounds are null for the database's default, and no cache is a cache of 1.
 */
final class CatalogSequences {
    private static final long ASCENDING_MAX = Long.MAX_VALUE - 1;
    private static final long DESCENDING_MIN = Long.MIN_VALUE + 1;

    private CatalogSequences() {}

    static List<Sequence> read(Connection connection, String database, List<String> names) throws SQLException {
        if (names.isEmpty()) return List.of();
        StringBuilder sql = new StringBuilder();
        for (String name : names) {
            if (sql.length() > 0) sql.append("\nUNION ALL\n");
            sql.append("SELECT ? AS sequence_name, start_value, minimum_value, maximum_value, increment, cache_size,"
                            + " cycle_option FROM ")
                    .append(quote(database))
                    .append('.')
                    .append(quote(name));
        }
        List<Sequence> sequences = new ArrayList<>(names.size());
        try (PreparedStatement statement = connection.prepareStatement(sql.toString())) {
            for (int i = 0; i < names.size(); i++) statement.setString(i + 1, names.get(i));
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) sequences.add(sequence(rs));
            }
        }
        return sequences;
    }

    private static Sequence sequence(ResultSet rs) throws SQLException {
        // INCREMENT BY 0 follows auto_increment_increment, 1 unless the server is configured otherwise
        long increment = rs.getLong("increment") == 0 ? 1 : rs.getLong("increment");
        long min = rs.getLong("minimum_value");
        long max = rs.getLong("maximum_value");
        boolean ascending = increment > 0;
        Long minValue = ascending ? (min == 1 ? null : min) : (min == DESCENDING_MIN ? null : min);
        Long maxValue = ascending ? (max == ASCENDING_MAX ? null : max) : (max == -1 ? null : max);
        return new Sequence(
                QualifiedName.of(rs.getString("sequence_name")),
                Sequence.DEFAULT_TYPE,
                rs.getLong("start_value"),
                increment,
                minValue,
                maxValue,
                Math.max(1, rs.getLong("cache_size")),
                rs.getInt("cycle_option") != 0,
                null);
    }

    /** An identifier in backticks, each backtick doubled: the only way a name reaches the SQL text. */
    static String quote(String identifier) {
        return "`" + identifier.replace("`", "``") + "`";
    }
}
