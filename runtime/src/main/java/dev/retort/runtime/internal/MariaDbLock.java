package dev.retort.runtime.internal;

import dev.retort.mariadb.MariaDbServer;
import dev.retort.runtime.LockException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * The MariaDB lock that serialises runners of one (configured) version table: a named user lock ({@code
 * GET_LOCK}), held by the connection, so a runner whose session ends or is killed loses it with its connection.
 */
final class MariaDbLock implements RunnerDialect.Held {
    /** MariaDB's longest lock name. */
    private static final int MAX_NAME = 64;

    private final Connection connection;
    private final String name;

    private MariaDbLock(Connection connection, String name) {
        this.connection = connection;
        this.name = name;
    }

    /** Takes the lock, waiting at most {@code timeout} (without a statement time limit); tells {@code waiting} who holds it first. */
    static MariaDbLock acquire(Connection connection, VersionTable table, Duration timeout, Consumer<String> waiting)
            throws SQLException {
        String versionTable = table.schema() + "." + table.name();
        String name = lockName(versionTable);
        if (getLock(connection, name, Duration.ZERO)) return new MariaDbLock(connection, name);
        waiting.accept(holder(connection, name));
        boolean locked;
        try {
            locked = getLock(connection, name, timeout);
        } catch (SQLException e) {
            if (!Failures.connectionLost(e)) throw e;
            throw new LockException(
                    versionTable,
                    null,
                    "lost the connection while waiting for the migration lock for " + versionTable + ": "
                            + Failures.oneLine(e.getMessage()),
                    e);
        }
        if (locked) return new MariaDbLock(connection, name);
        String holder = holder(connection, name);
        throw new LockException(
                versionTable,
                holder,
                "another runner holds the migration lock for " + versionTable + " and did not release it within "
                        + (timeout.toMillis() < 1000 ? timeout.toMillis() + " ms" : timeout.toSeconds() + " s")
                        + ": held by " + holder + "; set lock.timeout to wait longer",
                null);
    }

    /** {@code retort:} and the table's name, or past MariaDB's 64 characters its SHA-256's first 40 hex digits. */
    static String lockName(String versionTable) {
        String name = "retort:" + versionTable;
        if (name.length() <= MAX_NAME) return name;
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(versionTable.getBytes(StandardCharsets.UTF_8));
            return "retort:" + HexFormat.of().formatHex(digest).substring(0, 40);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code GET_LOCK} with the wait in seconds (fractions allowed), free of the session's statement time limit. */
    private static boolean getLock(Connection connection, String name, Duration timeout) throws SQLException {
        String seconds = timeout.toMillis() / 1000 + "." + String.format("%03d", timeout.toMillis() % 1000);
        // MySQL has no SET STATEMENT; its max_execution_time, which limits a SELECT, is lifted by a hint
        String free = MariaDbServer.isMySql(connection)
                ? "SELECT /*+ MAX_EXECUTION_TIME(0) */ GET_LOCK(?, "
                : "SET STATEMENT max_statement_time = 0 FOR SELECT GET_LOCK(?, ";
        try (PreparedStatement st = connection.prepareStatement(free + seconds + ") AS locked")) {
            st.setString(1, name);
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getInt("locked") == 1;
            }
        }
    }

    /** Who holds the lock: connection id, user, client address, what it is doing and for how long. */
    static String holder(Connection connection, String name) throws SQLException {
        String sql = "SELECT p.ID AS id, p.USER AS user_name, p.HOST AS client, p.COMMAND AS command, p.TIME AS seconds"
                + " FROM information_schema.PROCESSLIST p WHERE p.ID = IS_USED_LOCK(?)";
        try (PreparedStatement st = connection.prepareStatement(sql)) {
            st.setString(1, name);
            try (ResultSet rs = st.executeQuery()) {
                if (!rs.next()) return "a runner that has just finished";
                return "connection " + rs.getLong("id") + " (user " + rs.getString("user_name") + " from "
                        + rs.getString("client") + ", "
                        + rs.getString("command").toLowerCase(Locale.ROOT)
                        + " for " + rs.getLong("seconds") + " s)";
            }
        }
    }

    @Override
    public void close() throws SQLException {
        try (PreparedStatement st = connection.prepareStatement("SELECT RELEASE_LOCK(?)")) {
            st.setString(1, name);
            st.execute();
        }
    }
}
