package dev.retort.runtime.internal;

import static dev.retort.postgres.PostgresSql.quote;

import dev.retort.runtime.DatabaseException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * A new connection for each of the facade's verbs, with the default schema first on its search path
 * while the verb runs; no exception the verb ends with shows a password, nor does any of its causes.
 */
public final class Session {
    /** Opens a connection: a {@code DataSource}'s, or a URL's. */
    @FunctionalInterface
    private interface Source {
        Connection open() throws SQLException;
    }

    /** What a verb does with its connection. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    private final Source source;
    private final Redaction redaction;
    /** The search path while a verb runs, as SQL; null to leave the connection's. */
    private final String searchPath;

    private Session(Source source, Redaction redaction, String defaultSchema) {
        this.source = source;
        this.redaction = redaction;
        this.searchPath = defaultSchema.equals(VersionTable.DEFAULT_SCHEMA) ? null : quote(defaultSchema) + ", public";
    }

    /** Connections from an application's pool, which knows no password to mask. */
    public static Session of(DataSource dataSource, String defaultSchema) {
        return new Session(dataSource::getConnection, Redaction.NONE, defaultSchema);
    }

    /** Connections to a URL, masking its password. */
    public static Session of(UrlConnector connector, String defaultSchema) {
        return new Session(connector::open, connector.redaction(), defaultSchema);
    }

    /** Runs the work on a new connection, which it closes. */
    public <T> T run(Work<T> work) {
        try (Connection connection = source.open()) {
            // on MariaDB the URL's database is the default schema: there is no search path
            return searchPath == null || !RunnerDialect.of(connection).transactionalDdl()
                    ? work.run(connection)
                    : onSearchPath(connection, work);
        } catch (SQLException e) {
            throw new DatabaseException(redaction.text(e.getMessage()), e.getSQLState(), redaction.exception(e));
        } catch (RuntimeException e) {
            throw redaction.unchecked(e);
        }
    }

    /**
     * Runs with the search path switched, then puts it and the autocommit mode back (a pooled
     * connection goes back as it came); when the work failed, a failure to put them back (a lost
     * connection) is added to the work's error rather than taking its place.
     */
    private <T> T onSearchPath(Connection connection, Work<T> work) throws SQLException {
        boolean autoCommit = connection.getAutoCommit();
        String previous = setSearchPath(connection, searchPath);
        T result;
        try {
            result = work.run(connection);
        } catch (SQLException | RuntimeException e) {
            try {
                restore(connection, previous, autoCommit);
            } catch (SQLException | RuntimeException restoring) {
                e.addSuppressed(restoring);
            }
            throw e;
        }
        restore(connection, previous, autoCommit);
        return result;
    }

    private static void restore(Connection connection, String searchPath, boolean autoCommit) throws SQLException {
        setSearchPath(connection, searchPath);
        connection.setAutoCommit(autoCommit);
    }

    /** Sets the session's search path, in autocommit so that it holds (the caller puts both back); returns the one before. */
    private static String setSearchPath(Connection connection, String path) throws SQLException {
        if (!connection.getAutoCommit()) connection.rollback();
        connection.setAutoCommit(true);
        try (PreparedStatement st =
                connection.prepareStatement("SELECT pg_catalog.current_setting('search_path') AS previous,"
                        + " pg_catalog.set_config('search_path', ?, false)")) {
            st.setString(1, path);
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getString("previous");
            }
        }
    }
}
