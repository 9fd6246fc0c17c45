package dev.retort.mariadb;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The column a column-level check belongs to when its name is no column's: MariaDB names such a check after its
 * column ({@code a int CHECK (a > 0)} is check {@code a}, a json column's {@code json_valid} too) and keeps that name
 * through {@code RENAME COLUMN}, while the check moves with the column ({@code b int CHECK (b > 0)}, still named
 * {@code a}, and dropped by the next {@code MODIFY} of {@code b}). {@code information_schema} does not say which column
 * holds it; the table's {@code SHOW CREATE TABLE} does, the check written in its column's definition. Read only for
 * the tables that have such a check, one statement each.
 */
public final class RenamedColumnChecks {
    private RenamedColumnChecks() {}

    /** The table's {@code CREATE TABLE} as MariaDB prints it. */
    public static String createTable(Connection connection, String table) throws SQLException {
        try (Statement st = connection.createStatement();
                ResultSet rs = st.executeQuery("SHOW CREATE TABLE " + MariaDbSql.quoted(table))) {
            return rs.next() ? rs.getString(2) : "";
        }
    }

    /**
     * The column whose definition in {@code createTable} holds {@code CHECK (clause)} (as {@code
     * information_schema.CHECK_CONSTRAINTS} prints the clause), or null when none does.
     */
    public static String owner(String createTable, String clause) {
        String check = " CHECK (" + clause + ")";
        for (String line : createTable.lines().toList()) {
            String definition = line.strip();
            if (!definition.startsWith("`") || !definition.contains(check)) continue;
            // the column's name: backquoted, a backquote in it doubled
            StringBuilder name = new StringBuilder();
            for (int i = 1; i < definition.length(); i++) {
                char c = definition.charAt(i);
                if (c == '`') {
                    if (i + 1 < definition.length() && definition.charAt(i + 1) == '`') {
                        name.append('`');
                        i++;
                        continue;
                    }
                    return name.toString();
                }
                name.append(c);
            }
        }
        return null;
    }
}
