package dev.retort.runtime.internal;

import dev.retort.runtime.LockException;
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
 * cancelled promptly and its transaction rolled back, and to probe an idle client with TCP
 * keepalive after a minute.
 */
final class MigrationLock implements RunnerDialect.Held {
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
     * waiting. The wait runs without a statement timeout (the role's would cut it short), bounded
     * by {@code lock_timeout} instead; both settings are restored afterwards.
     */
    static MigrationLock acquire(Connection connection, VersionTable table, Duration timeout, Consumer<String> waiting)
            throws SQLException {
        // the configured table's qualified name, so every runner of one project, wherever it then finds the table,
        // takes one lock
        String versionTable = table.schema() + "." + table.name();
        int key = versionTable.hashCode();
        watchForVanishedClient(connection);
        if (tryLock(connection, key)) return new MigrationLock(connection, key);
        String holder = holder(connection, key);
        waiting.accept(holder);
        String previousLockTimeout = setting(connection, "lock_timeout");
        String previousStatementTimeout = setting(connection, "statement_timeout");
        try (Statement st = connection.createStatement()) {
            st.execute("SET lock_timeout = " + Math.max(1, timeout.toMillis()));
            st.execute("SET statement_timeout = 0");
            st.execute("SELECT pg_catalog.pg_advisory_lock(" + KEY_SPACE + ", " + key + ")");
        } catch (SQLException e) {
            if (Failures.connectionLost(e)) {
                throw new LockException(
                        versionTable,
                        null,
                        "lost the connection while waiting for the migration lock for " + versionTable + ": "
                                + Failures.oneLine(e.getMessage()),
                        e);
            }
            // a pooled connection goes back with its own settings, whatever ended the wait
            restore(connection, previousLockTimeout, previousStatementTimeout);
            if (!"55P03".equals(e.getSQLState())) throw e;
            throw timedOut(versionTable, timeout, holder(connection, key));
        }
        restore(connection, previousLockTimeout, previousStatementTimeout);
        return new MigrationLock(connection, key);
    }

    private static LockException timedOut(String versionTable, Duration timeout, String holder) {
        return new LockException(
                versionTable,
                holder,
                "another runner holds the migration lock for " + versionTable + " and did not release it within "
                        + (timeout.toMillis() < 1000 ? timeout.toMillis() + " ms" : timeout.toSeconds() + " s")
                        + ": " + holder.replace("pid", "held by pid")
                        + "; set lock.timeout to wait longer",
                null);
    }

    private static void restore(Connection connection, String lockTimeout, String statementTimeout)
            throws SQLException {
        String sql =
                "SELECT pg_catalog.set_config('lock_timeout', ?, false), pg_catalog.set_config('statement_timeout', ?, false)";
        try (PreparedStatement st = connection.prepareStatement(sql)) {
            st.setString(1, lockTimeout);
            st.setString(2, statementTimeout);
            st.execute();
        }
    }

    @Override
    public void close() throws SQLException {
        try (Statement st = connection.createStatement()) {
            st.execute("SELECT pg_catalog.pg_advisory_unlock(" + KEY_SPACE + ", " + key + ")");
        }
    }

    private static boolean tryLock(Connection connection, int key) throws SQLException {
        try (Statement st = connection.createStatement();
                ResultSet rs = st.executeQuery(
                        "SELECT pg_catalog.pg_try_advisory_lock(" + KEY_SPACE + ", " + key + ") AS locked")) {
            rs.next();
            return rs.getBoolean("locked");
        }
    }

    /** Who holds the lock: backend pid, application, user, client address and since when. */
    static String holder(Connection connection, int key) throws SQLException {
        String sql = """
                SELECT a.pid, coalesce(nullif(a.application_name, ''), 'unnamed client') AS application, a.usename,
                       coalesce(pg_catalog.host(a.client_addr), 'local socket') AS client,
                       pg_catalog.to_char(a.backend_start, 'YYYY-MM-DD HH24:MI:SS TZ') AS since
                FROM pg_catalog.pg_locks l JOIN pg_catalog.pg_stat_activity a ON a.pid = l.pid
                WHERE l.locktype = 'advisory' AND l.granted AND l.objsubid = 2
                  AND l.classid::text::bigint = ? AND l.objid::text::bigint = ?
                  AND l.database = (SELECT oid FROM pg_catalog.pg_database WHERE datname = pg_catalog.current_database())
                """;
        try (PreparedStatement st = connection.prepareStatement(sql)) {
            st.setLong(1, Integer.toUnsignedLong(KEY_SPACE));
            st.setLong(2, Integer.toUnsignedLong(key));
            try (ResultSet rs = st.executeQuery()) {
                if (!rs.next()) return "a runner that has just finished";
                return "pid " + rs.getInt("pid") + " (" + rs.getString("application") + ", user "
                        + rs.getString("usename") + " from " + rs.getString("client") + ", connected since "
                        + rs.getString("since") + ")";
            }
        }
    }

    /**
     * Makes the server notice a runner that vanished: during a statement by checking every second,
     * between statements by TCP keepalive after a minute of silence (the system default waits two
     * hours, all that time holding the lock). Keepalive settings are ignored on Unix sockets.
     */
    private static void watchForVanishedClient(Connection connection) throws SQLException {
        try (Statement st = connection.createStatement()) {
            st.execute("SET tcp_keepalives_idle = 60");
            st.execute("SET tcp_keepalives_interval = 10");
            st.execute("SET tcp_keepalives_count = 6");
            if (connection.getMetaData().getDatabaseMajorVersion() >= 14)
                st.execute("SET client_connection_check_interval = 1000");
        }
    }

    private static String setting(Connection connection, String name) throws SQLException {
        try (PreparedStatement st = connection.prepareStatement("SELECT pg_catalog.current_setting(?) AS setting")) {
            st.setString(1, name);
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getString("setting");
            }
        }
    }
}
