package dev.retort.postgres;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * Databases Retort creates on a server for a run and drops after it: named a prefix and 16 random
 * hexadecimal digits, so that runs on one server never meet, and dropped with {@code FORCE}, so that a
 * connection left open cannot keep one alive.
 *
 * <p>A <em>held</em> scratch database ({@link #createHeld}) is also marked as in use: the connection that
 * created it holds a session-level advisory lock whose two keys are its name's digits, so that when the
 * process that made it dies without dropping it (killed), the lock goes with its connection and the next
 * {@link #sweep} on that server drops it. The server's lock table is read across all its databases, so a
 * run connected to another database of the same server is seen too.
 */
public final class ScratchDatabases {
    private static final SecureRandom RANDOM = new SecureRandom();

    private ScratchDatabases() {}

    /** Creates a new database named {@code prefix} and random digits, and returns its name. */
    public static String create(Connection server, String prefix) throws SQLException {
        String name = newName(prefix);
        try (Statement st = server.createStatement()) {
            st.execute("CREATE DATABASE " + PostgresSql.quote(name));
        }
        return name;
    }

    /** Drops the database, closing the connections still open to it; nothing when it is gone already. */
    public static void drop(Connection server, String name) throws SQLException {
        try (Statement st = server.createStatement()) {
            st.execute("DROP DATABASE IF EXISTS " + PostgresSql.quote(name) + " WITH (FORCE)");
        }
    }

    /**
     * Creates a new database named {@code prefix} and random digits, marked as held by {@code server}'s
     * session until {@link #release} or the session's end, and returns its name.
     */
    public static String createHeld(Connection server, String prefix) throws SQLException {
        String name = newName(prefix);
        try (PreparedStatement lock = server.prepareStatement("SELECT pg_advisory_lock(?, ?)")) {
            bind(lock, name);
            lock.execute();
        }
        try (Statement st = server.createStatement()) {
            st.execute("CREATE DATABASE " + PostgresSql.quote(name));
        } catch (SQLException e) {
            release(server, name);
            throw e;
        }
        return name;
    }

    /** Drops a held database and lets its mark go. */
    public static void release(Connection server, String name) throws SQLException {
        drop(server, name);
        try (PreparedStatement unlock = server.prepareStatement("SELECT pg_advisory_unlock(?, ?)")) {
            bind(unlock, name);
            unlock.execute();
        }
    }

    /**
     * Drops the held databases named {@code prefix} and digits whose session has ended (their process was
     * killed), and returns their names; those still held, and those of another shape, are left alone.
     */
    public static List<String> sweep(Connection server, String prefix) throws SQLException {
        checkPrefix(prefix);
        List<String> candidates = new ArrayList<>();
        try (PreparedStatement st = server.prepareStatement(
                "SELECT datname FROM pg_database WHERE starts_with(datname, ?) ORDER BY datname")) {
            st.setString(1, prefix);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    String name = rs.getString("datname");
                    if (name.length() == prefix.length() + 16
                            && name.substring(prefix.length()).matches("[0-9a-f]{16}")) candidates.add(name);
                }
            }
        }
        List<String> dropped = new ArrayList<>();
        for (String name : candidates) {
            if (held(server, name)) continue;
            try (PreparedStatement lock = server.prepareStatement("SELECT pg_try_advisory_lock(?, ?) AS taken")) {
                bind(lock, name);
                try (ResultSet rs = lock.executeQuery()) {
                    if (!rs.next() || !rs.getBoolean("taken")) continue;
                }
            }
            release(server, name);
            dropped.add(name);
        }
        return dropped;
    }

    /** Whether some session on the server, in any of its databases, holds the database's mark. */
    private static boolean held(Connection server, String name) throws SQLException {
        try (PreparedStatement st = server.prepareStatement("SELECT count(*) AS holders FROM pg_locks"
                + " WHERE locktype = 'advisory' AND classid::bigint = ? AND objid::bigint = ? AND objsubid = 2")) {
            int[] keys = keys(name);
            st.setLong(1, keys[0]);
            st.setLong(2, keys[1]);
            try (ResultSet rs = st.executeQuery()) {
                return rs.next() && rs.getLong("holders") > 0;
            }
        }
    }

    private static void bind(PreparedStatement st, String name) throws SQLException {
        int[] keys = keys(name);
        st.setInt(1, keys[0]);
        st.setInt(2, keys[1]);
    }

    /** The advisory lock's two keys: the name's last 16 digits in two halves, each kept positive. */
    private static int[] keys(String name) {
        String digits = name.substring(name.length() - 16);
        return new int[] {
            (int) (Long.parseLong(digits.substring(0, 8), 16) & 0x7fffffff),
            (int) (Long.parseLong(digits.substring(8), 16) & 0x7fffffff)
        };
    }

    private static String newName(String prefix) {
        checkPrefix(prefix);
        byte[] random = new byte[8];
        RANDOM.nextBytes(random);
        return prefix + HexFormat.of().formatHex(random);
    }

    private static void checkPrefix(String prefix) {
        if (!prefix.matches("[a-z_][a-z0-9_]{0,40}"))
            throw new IllegalArgumentException("not a scratch database prefix: " + prefix);
    }
}
