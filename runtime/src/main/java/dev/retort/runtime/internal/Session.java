package dev.retort.runtime.internal;

import static dev.retort.postgres.PostgresSql.quote;

import dev.retort.Dialect;
import dev.retort.runtime.DatabaseException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import javax.sql.DataSource;

/**
 * A new connection for each of the facade's verbs, with the default schema first on its search path
 * while the verb runs (on MariaDB, which has none, schemas are refused); no exception the verb ends with
 * shows a password, nor does any of its causes.
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
    /** The configured schemas, the default one first; empty for {@code public}. */
    private final List<String> schemas;
    /** The search path while a verb runs, as SQL; null to leave the connection's. */
    private final String searchPath;

    private Session(Source source, Redaction redaction, List<String> schemas) {
        this.source = source;
        this.redaction = redaction;
        this.schemas = List.copyOf(schemas);
        String defaultSchema = schemas.isEmpty() ? VersionTable.DEFAULT_SCHEMA : schemas.get(0);
        this.searchPath = defaultSchema.equals(VersionTable.DEFAULT_SCHEMA) ? null : quote(defaultSchema) + ", public";
    }

    /** Connections from an application's pool, which knows no password to mask. */
    public static Session of(DataSource dataSource, List<String> schemas) {
        return new Session(dataSource::getConnection, Redaction.NONE, schemas);
    }

    /** Connections to a URL, masking its password. */
    public static Session of(UrlConnector connector, List<String> schemas) {
        return new Session(connector::open, connector.redaction(), schemas);
    }

    /**
     * Refuses, before anything connects, schemas that the database offline scripts are written for (or a URL names)
     * cannot give a migration; a DataSource's database is known at its first connection, where {@link #run} refuses
     * them.
     */
    public static void requireSchemas(Dialect dialect, List<String> schemas) {
        RunnerDialect.of(dialect).requireSchemas(schemas);
    }

    /** Runs the work on a new connection, which it closes. */
    public <T> T run(Work<T> work) {
        try (Connection connection = source.open()) {
            RunnerDialect dialect = RunnerDialect.of(connection);
            dialect.requireSchemas(schemas);
            return searchPath == null || !dialect.transactionalDdl()
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
