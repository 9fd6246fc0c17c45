package dev.retort.runtime;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * The PostgreSQL advisory lock that serialises runners of one (configured) version table. Session-level, so a
 * runner that dies loses it with its connection; the connection also asks the server to check for
 * a vanished client every second, so even a statement running when the runner is killed is
 * cancelled promptly and its transaction rolled back.
 */
final class MigrationLock implements AutoCloseable {
    /** First half of the lock key: "Retr". */
    private static final int KEY_SPACE = 0x52657472;

    private final Connection connection;
    private final int key;

    private MigrationLock(Connection connection, int key) {
        this.connection = connection;
        this.key = key;
    }

    /**
     * Takes the lock, waiting at most {@code timeout}; tells {@code waiting} who holds it before
     * waiting.
     */
    static MigrationLock acquire(Connection connection, VersionTable table, Duration timeout, Consumer<String> waiting)
            throws SQLException {
        String versionTable = table.schema() + "." + table.name();
        int key = key(table);
        watchForVanishedClient(connection);
        if (tryLock(connection, key)) return new MigrationLock(connection, key);
        String holder = holder(connection, key);
        waiting.accept(holder);
        String previous = setting(connection, "lock_timeout");
        try (Statement st = connection.createStatement()) {
            st.execute("SET lock_timeout = " + Math.max(1, timeout.toMillis()));
            st.execute("SELECT pg_advisory_lock(" + KEY_SPACE + ", " + key + ")");
        } catch (SQLException e) {
            if (!"55P03".equals(e.getSQLState())) throw e;
            throw new MigrationException("another runner holds the migration lock for " + versionTable + " and did not release it within "
                    + (timeout.toMillis() < 1000 ? timeout.toMillis() + " ms" : timeout.toSeconds() + " s") + ": " + holder(connection, key).replace("pid", "held by pid")
                    + "; set lock.timeout to wait longer");
        } finally {
            try (PreparedStatement st = connection.prepareStatement("SELECT set_config('lock_timeout', ?, false)")) {
                st.setString(1, previous);
                st.execute();
            }
        }
        return new MigrationLock(connection, key);
    }

    /**
     * The second half of the key: the configured table's schema-qualified name, so that every
     * runner of one project, wherever it then finds the table, takes the same lock.
     */
    static int key(VersionTable table) {
        return (table.schema() + "." + table.name()).hashCode();
    }

    @Override
    public void close() throws SQLException {
        try (Statement st = connection.createStatement()) {
            st.execute("SELECT pg_advisory_unlock(" + KEY_SPACE + ", " + key + ")");
        }
    }

    private static boolean tryLock(Connection connection, int key) throws SQLException {
        try (Statement st = connection.createStatement();
             ResultSet rs = st.executeQuery("SELECT pg_try_advisory_lock(" + KEY_SPACE + ", " + key + ")")) {
            rs.next();
            return rs.getBoolean(1);
        }
    }

    /** Who holds the lock: backend pid, application, user, client address and since when. */
    static String holder(Connection connection, int key) throws SQLException {
        String sql = """
                SELECT a.pid, coalesce(nullif(a.application_name, ''), 'unnamed client'), a.usename,
                       coalesce(host(a.client_addr), 'local socket'), to_char(a.backend_start, 'YYYY-MM-DD HH24:MI:SS TZ')
                FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
                WHERE l.locktype = 'advisory' AND l.granted AND l.objsubid = 2
                  AND l.classid::text::bigint = ? AND l.objid::text::bigint = ?
                  AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())
                """;
        try (PreparedStatement st = connection.prepareStatement(sql)) {
            st.setLong(1, Integer.toUnsignedLong(KEY_SPACE));
            st.setLong(2, Integer.toUnsignedLong(key));
            try (ResultSet rs = st.executeQuery()) {
                if (!rs.next()) return "a runner that has just finished";
                return "pid " + rs.getInt(1) + " (" + rs.getString(2) + ", user " + rs.getString(3) + " from " + rs.getString(4)
                        + ", connected since " + rs.getString(5) + ")";
            }
        }
    }

    private static void watchForVanishedClient(Connection connection) throws SQLException {
        if (connection.getMetaData().getDatabaseMajorVersion() < 14) return;
        try (Statement st = connection.createStatement()) {
            st.execute("SET client_connection_check_interval = 1000");
        }
    }

    private static String setting(Connection connection, String name) throws SQLException {
        try (PreparedStatement st = connection.prepareStatement("SELECT current_setting(?)")) {
            st.setString(1, name);
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }
    }
}
