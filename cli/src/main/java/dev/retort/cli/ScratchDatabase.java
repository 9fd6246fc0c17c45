package dev.retort.cli;

import dev.retort.Dialect;
import dev.retort.RetortException;
import dev.retort.embedded.EmbeddedPostgres;
import dev.retort.embedded.EmbeddedSettings;
import dev.retort.mariadb.MariaDbScratchDatabases;
import dev.retort.postgres.ScratchDatabases;
import dev.retort.runtime.internal.Redaction;
import dev.retort.runtime.internal.UrlConnector;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;

/**
 * A {@code retort_scratch_*} database this run creates on the {@code dev.url} server and drops when it
 * is closed, when the process is interrupted (a shutdown hook), or, when the process is killed, on the
 * next run's sweep of that server ({@link ScratchDatabases#sweep}, on MariaDB {@link MariaDbScratchDatabases#sweep});
 * on an embedded server ({@code dev.url = embedded}), the server this run started, which goes with it the same ways.
 */
final class ScratchDatabase implements AutoCloseable {
    static final String PREFIX = "retort_scratch_";
    private static final List<String> SCHEMES = List.of("jdbc:postgresql:", "jdbc:mariadb:", "jdbc:mysql:");

    private final UrlConnector server;
    private final Dialect dialect;
    private final Connection serverConnection;
    private final String name;
    private final Thread onExit;
    private final EmbeddedPostgres embedded;
    private boolean dropped;

    private ScratchDatabase(UrlConnector server, Connection serverConnection, String name, EmbeddedPostgres embedded) {
        this.server = server;
        this.dialect = Dialect.ofUrl(server.url());
        this.serverConnection = serverConnection;
        this.name = name;
        this.embedded = embedded;
        this.onExit = new Thread(this::drop, "retort-scratch-drop");
        Runtime.getRuntime().addShutdownHook(onExit);
    }

    /** Sweeps the server's scratch databases left by killed runs, then creates one held by this run. */
    static ScratchDatabase create(String devUrl, Duration connectTimeout) {
        return create(devUrl, connectTimeout, null);
    }

    /**
     * Starts an embedded server (sweeping those of killed runs first) and creates the scratch database on it;
     * closing it stops the server and deletes its files.
     */
    static ScratchDatabase embedded(EmbeddedSettings settings, Duration connectTimeout) {
        EmbeddedPostgres embedded = EmbeddedPostgres.start(settings);
        try {
            return create(embedded.url(), connectTimeout, embedded);
        } catch (RuntimeException e) {
            embedded.close();
            throw e;
        }
    }

    private static ScratchDatabase create(String devUrl, Duration connectTimeout, EmbeddedPostgres embedded) {
        UrlConnector server = new UrlConnector(devUrl, null, null, connectTimeout);
        boolean mariaDb = Dialect.ofUrl(devUrl) == Dialect.MARIADB;
        Connection connection = server.open();
        try {
            String name;
            if (mariaDb) {
                MariaDbScratchDatabases.sweep(connection, PREFIX);
                name = MariaDbScratchDatabases.createHeld(connection, PREFIX);
            } else {
                ScratchDatabases.sweep(connection, PREFIX);
                name = ScratchDatabases.createHeld(connection, PREFIX);
            }
            return new ScratchDatabase(server, connection, name, embedded);
        } catch (SQLException e) {
            close(connection);
            throw new RetortException(
                    "dev.url: cannot create a scratch database on "
                            + server.redaction().text(devUrl)
                            + (mariaDb
                                    ? " (its user needs the CREATE and DROP privileges): "
                                    : " (its user needs CREATEDB): ")
                            + oneLine(server.redaction(), e),
                    e);
        }
    }

    String name() {
        return name;
    }

    /** The URL of the scratch database: {@code dev.url} with the database's name in place of its own. */
    String url() {
        return withDatabase(server.url(), name);
    }

    /** {@code jdbc:postgresql://host:port/database?parameters} (or MariaDB's) with another database. */
    static String withDatabase(String url, String database) {
        String scheme = SCHEMES.stream()
                .filter(url::startsWith)
                .findFirst()
                .orElseThrow(() -> new RetortException("dev.url: not a PostgreSQL or MariaDB JDBC URL"));
        String rest = url.substring(scheme.length());
        int query = rest.indexOf('?');
        String parameters = query < 0 ? "" : rest.substring(query);
        String location = query < 0 ? rest : rest.substring(0, query);
        if (location.startsWith("//")) {
            int slash = location.indexOf('/', 2);
            String hosts = slash < 0 ? location : location.substring(0, slash);
            return scheme + hosts + "/" + database + parameters;
        }
        return scheme + database + parameters;
    }

    /** The database of {@code dev.url}'s server. */
    Dialect dialect() {
        return dialect;
    }

    /** Opens a connection to the scratch database. */
    Connection connect(Duration connectTimeout) {
        return new UrlConnector(url(), null, null, connectTimeout).open();
    }

    @Override
    public void close() {
        try {
            Runtime.getRuntime().removeShutdownHook(onExit);
        } catch (IllegalStateException shuttingDown) {
            // the hook runs, or has run, and drops it
        }
        drop();
    }

    private synchronized void drop() {
        if (dropped) return;
        dropped = true;
        if (embedded != null) {
            // the database goes with the server
            close(serverConnection);
            embedded.close();
            return;
        }
        try {
            if (dialect == Dialect.MARIADB) MariaDbScratchDatabases.release(serverConnection, name);
            else ScratchDatabases.release(serverConnection, name);
        } catch (SQLException e) {
            throw new RetortException(
                    "cannot drop the scratch database " + name + ": " + oneLine(server.redaction(), e), e);
        } finally {
            close(serverConnection);
        }
    }

    private static String oneLine(Redaction redaction, SQLException e) {
        return String.valueOf(redaction.text(e.getMessage())).replaceAll("\\s*\\n\\s*", " ");
    }

    private static void close(Connection connection) {
        try {
            connection.close();
        } catch (SQLException ignored) {
            // the server went away: nothing held is left on it
        }
    }
}
