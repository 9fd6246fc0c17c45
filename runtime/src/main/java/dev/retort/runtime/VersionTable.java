package dev.retort.runtime;

import static dev.retort.runtime.sql.PostgresSql.literal;
import static dev.retort.runtime.sql.PostgresSql.quote;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Set;
import java.util.TreeSet;

/**
 * The table that records the revisions the database is at: one row per current head, as in
 * Alembic ({@code version_num varchar(32) primary key}).
 */
public final class VersionTable {
    public static final String DEFAULT_NAME = "retort_version";

    private final String name;

    public VersionTable(String name) {
        this.name = name == null || name.isBlank() ? DEFAULT_NAME : name;
    }

    public String name() {
        return name;
    }

    /** The heads the database is at; empty when the table does not exist yet. */
    public Set<String> read(Connection connection) throws SQLException {
        Set<String> heads = new TreeSet<>();
        if (!exists(connection, name)) return heads;
        try (Statement st = connection.createStatement();
             ResultSet rs = st.executeQuery("SELECT version_num FROM " + quote(name))) {
            while (rs.next()) heads.add(rs.getString(1));
        }
        return heads;
    }

    public String createSql() {
        return "CREATE TABLE IF NOT EXISTS " + quote(name) + " (version_num varchar(32) NOT NULL, CONSTRAINT "
                + quote(name + "_pkc") + " PRIMARY KEY (version_num))";
    }

    public String insertSql(String revision) {
        return "INSERT INTO " + quote(name) + " (version_num) VALUES (" + literal(revision) + ")";
    }

    public String deleteSql(String revision) {
        return "DELETE FROM " + quote(name) + " WHERE version_num = " + literal(revision);
    }

    public String deleteAllSql() {
        return "DELETE FROM " + quote(name);
    }

    static boolean exists(Connection connection, String table) throws SQLException {
        try (PreparedStatement st = connection.prepareStatement("SELECT pg_catalog.to_regclass(?) IS NOT NULL")) {
            st.setString(1, quote(table));
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }
}
