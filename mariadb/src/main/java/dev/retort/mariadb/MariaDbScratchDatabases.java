package dev.retort.mariadb;

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
 * Databases Retort creates on a MariaDB server for a run and drops after it, as PostgreSQL's {@code
 * ScratchDatabases} does: named a prefix and 16 random hexadecimal digits, so that runs on one server never meet.
 *
 * <p>A <em>held</em> scratch database ({@link #createHeld}) is marked as in use by the session that created it:
 * it holds the user lock {@code GET_LOCK(name)}, which MariaDB releases when the session ends or is killed, so that
 * when the process that made it dies without dropping it, the next {@link #sweep} on that server finds the lock free
 * ({@code IS_USED_LOCK}) and drops it. User locks are server-wide, so a run connected to another database of the
 * same server is seen too.
 */
public final class MariaDbScratchDatabases {
    private static final SecureRandom RANDOM = new SecureRandom();

    private MariaDbScratchDatabases() {}

    /**
     * Creates a new database named {@code prefix} and random digits, held by {@code server}'s session until {@link
     * #release} or the session's end, and returns its name.
     */
    public static String createHeld(Connection server, String prefix) throws SQLException {
        String name = newName(prefix);
        if (!take(server, name)) throw new SQLException("the user lock " + name + " is held by another session");
        try (Statement st = server.createStatement()) {
            st.execute("CREATE DATABASE " + MariaDbSql.quoted(name));
        } catch (SQLException e) {
            release(server, name);
            throw e;
        }
        return name;
    }

    /** Drops a held database (nothing when it is gone already) and lets its lock go. */
    public static void release(Connection server, String name) throws SQLException {
        try (Statement st = server.createStatement()) {
            st.execute("DROP DATABASE IF EXISTS " + MariaDbSql.quoted(name));
        }
        try (PreparedStatement unlock = server.prepareStatement("SELECT RELEASE_LOCK(?)")) {
            unlock.setString(1, name);
            unlock.execute();
        }
    }

    /**
     * Drops the databases named {@code prefix} and digits whose lock no session holds (their process was killed), and
     * returns their names; those still held, and those of another shape, are left alone.
     */
    public static List<String> sweep(Connection server, String prefix) throws SQLException {
        checkPrefix(prefix);
        List<String> candidates = new ArrayList<>();
        try (PreparedStatement st =
                server.prepareStatement("SELECT SCHEMA_NAME AS name FROM information_schema.SCHEMATA"
                        + " WHERE LEFT(SCHEMA_NAME, CHAR_LENGTH(?)) = ? ORDER BY SCHEMA_NAME")) {
            st.setString(1, prefix);
            st.setString(2, prefix);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    String name = rs.getString("name");
                    if (name.length() == prefix.length() + 16
                            && name.substring(prefix.length()).matches("[0-9a-f]{16}")) candidates.add(name);
                }
            }
        }
        List<String> dropped = new ArrayList<>();
        for (String name : candidates) {
            if (held(server, name) || !take(server, name)) continue;
            release(server, name);
            dropped.add(name);
        }
        return dropped;
    }

    /** Whether some session on the server holds the database's lock. */
    private static boolean held(Connection server, String name) throws SQLException {
        try (PreparedStatement st = server.prepareStatement("SELECT IS_USED_LOCK(?) AS holder")) {
            st.setString(1, name);
            try (ResultSet rs = st.executeQuery()) {
                return rs.next() && rs.getObject("holder") != null;
            }
        }
    }

    /** Takes the database's lock without waiting; false when another session holds it. */
    private static boolean take(Connection server, String name) throws SQLException {
        try (PreparedStatement lock = server.prepareStatement("SELECT GET_LOCK(?, 0) AS taken")) {
            lock.setString(1, name);
            try (ResultSet rs = lock.executeQuery()) {
                return rs.next() && rs.getInt("taken") == 1;
            }
        }
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
