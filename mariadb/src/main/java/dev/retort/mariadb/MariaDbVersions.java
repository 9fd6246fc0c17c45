package dev.retort.mariadb;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Set;
import java.util.TreeSet;

/**
 * The revisions Retort's version table holds in the connection's MariaDB database, for the commands that compare a
 * database at head ({@code check}, {@code revision --autogenerate}); none when the table is not there.
 */
public final class MariaDbVersions {
    private static final String PRESENT = """
            SELECT COUNT(*) AS present FROM information_schema.COLUMNS
            WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = ? AND COLUMN_NAME = 'version_num'
            """;

    private MariaDbVersions() {}

    public static Set<String> applied(Connection connection, String table) {
        Set<String> applied = new TreeSet<>();
        try {
            try (PreparedStatement statement = connection.prepareStatement(PRESENT)) {
                statement.setString(1, table);
                try (ResultSet rs = statement.executeQuery()) {
                    if (!rs.next() || rs.getInt("present") == 0) return applied;
                }
            }
            try (Statement statement = connection.createStatement();
                    ResultSet rs = statement.executeQuery("SELECT version_num FROM " + CatalogSequences.quote(table))) {
                while (rs.next()) applied.add(rs.getString("version_num"));
            }
        } catch (SQLException e) {
            throw MariaDbCatalogException.failed("reading the version table " + table, e);
        }
        return applied;
    }
}
