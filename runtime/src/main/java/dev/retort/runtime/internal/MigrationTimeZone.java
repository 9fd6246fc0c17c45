package dev.retort.runtime.internal;

import static dev.retort.postgres.PostgresSql.literal;
import static java.util.Objects.requireNonNull;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.ZoneId;

/**
 * The session {@code TimeZone} migrations run in, so that converting between local and zoned
 * times reads the values in one configured zone rather than the JVM's (which the driver sends).
 * Only {@code UTC} and IANA region names are accepted: PostgreSQL knows them all, and reads a
 * numeric offset such as {@code +02:00} with the POSIX sign, the opposite of ISO's.
 */
public final class MigrationTimeZone {
    public static final String DEFAULT = "UTC";

    private MigrationTimeZone() {}

    /** The zone, or IllegalArgumentException naming it. */
    public static String check(String zone) {
        requireNonNull(zone, "zone");
        if (!zone.equals(DEFAULT)
                && !(zone.contains("/") && ZoneId.getAvailableZoneIds().contains(zone))) {
            throw new IllegalArgumentException("not a time zone PostgreSQL accepts: \"" + zone
                    + "\" (use UTC or an IANA name such as Europe/Berlin)");
        }
        return zone;
    }

    /** The statement an offline script starts with. */
    public static String sql(String zone) {
        return "SET TIME ZONE " + literal(zone);
    }

    /** Sets the zone for the session and returns the one it had, to {@link #restore}. */
    static String set(Connection connection, String zone) throws SQLException {
        return config(connection, zone);
    }

    static void restore(Connection connection, String previous) throws SQLException {
        if (!connection.isClosed()) config(connection, previous);
    }

    private static String config(Connection connection, String zone) throws SQLException {
        try (PreparedStatement st = connection.prepareStatement(
                "SELECT pg_catalog.current_setting('TimeZone') AS previous, pg_catalog.set_config('TimeZone', ?, false)")) {
            st.setString(1, zone);
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getString("previous");
            }
        }
    }
}
