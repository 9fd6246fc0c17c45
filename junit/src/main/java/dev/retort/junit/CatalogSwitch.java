package dev.retort.junit;

import java.io.PrintWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * A MariaDB server's DataSource pointed at another of its databases: each connection switched to it with {@code
 * Connection.setCatalog} (MariaDB's {@code USE}) and, when closed, back to the database it came with, so that a
 * pool's connection goes back as it came. On MariaDB a database is a schema: any connection to the server reaches
 * it, whatever DataSource (the driver's, a pool's) gave it.
 */
final class CatalogSwitch implements DataSource {
    private final DataSource server;
    private final String database;

    private CatalogSwitch(DataSource server, String database) {
        this.server = server;
        this.database = database;
    }

    static DataSource of(DataSource server, String database) {
        return new CatalogSwitch(server, database);
    }

    @Override
    public Connection getConnection() throws SQLException {
        return switched(server.getConnection());
    }

    @Override
    public Connection getConnection(String user, String password) throws SQLException {
        return switched(server.getConnection(user, password));
    }

    private Connection switched(Connection connection) throws SQLException {
        String before;
        try {
            before = connection.getCatalog();
            connection.setCatalog(database);
        } catch (SQLException | RuntimeException e) {
            try {
                connection.close();
            } catch (SQLException closing) {
                e.addSuppressed(closing);
            }
            throw e;
        }
        return (Connection) Proxy.newProxyInstance(
                CatalogSwitch.class.getClassLoader(), new Class<?>[] {Connection.class}, (proxy, method, args) -> {
                    // a connection that came without a database keeps this one until it is dropped: MariaDB has no
                    // USE of none
                    if (method.getName().equals("close") && before != null && !connection.isClosed()) {
                        try {
                            connection.setCatalog(before);
                        } finally {
                            connection.close();
                        }
                        return null;
                    }
                    try {
                        return method.invoke(connection, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    @Override
    public PrintWriter getLogWriter() throws SQLException {
        return server.getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) throws SQLException {
        server.setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) throws SQLException {
        server.setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() throws SQLException {
        return server.getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        return server.getParentLogger();
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        if (type.isInstance(this)) return type.cast(this);
        throw new SQLException("not a wrapper of " + type.getName());
    }

    @Override
    public boolean isWrapperFor(Class<?> type) {
        return type.isInstance(this);
    }
}
