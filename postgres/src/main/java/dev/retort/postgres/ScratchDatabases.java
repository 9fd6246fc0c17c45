package dev.retort.postgres;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;

/**
 * Databases Retort creates on a server for a run and drops after it: named a prefix and 16 random
 * hexadecimal digits, so that runs on one server never meet, and dropped with {@code FORCE}, so that a
 * connection left open cannot keep one alive.
 */
public final class ScratchDatabases {
    private static final SecureRandom RANDOM = new SecureRandom();

    private ScratchDatabases() {}

    /** Creates a new database named {@code prefix} and random digits, and returns its name. */
    public static String create(Connection server, String prefix) throws SQLException {
        if (!prefix.matches("[a-z_][a-z0-9_]{0,40}"))
            throw new IllegalArgumentException("not a scratch database prefix: " + prefix);
        byte[] random = new byte[8];
        RANDOM.nextBytes(random);
        String name = prefix + HexFormat.of().formatHex(random);
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
}
