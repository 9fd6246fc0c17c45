package dev.retort.runtime.internal;

import static java.util.Objects.requireNonNull;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.ZoneId;

/**
 * The session {@code TimeZone} migrations run in, so that converting between local and zoned
 * times reads the values in one configured zone rather than the JVM's (which the driver sends).
 * Only {@code UTC} and IANA region names are accepted: PostgreSQL knows them all, and reads a
 * numeric offset such as {@code +02:00} with the POSIX sign, the opposite of ISO's. On MariaDB it is
 * {@code time_zone}: {@code UTC} is set as {@code +00:00}, a region name needs the server's time zone tables.
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
        return PostgresRunner.INSTANCE.timeZoneSql(zone);
    }

    /** Sets the zone for the session and returns the one it had, to {@link #restore}. */
    static String set(Connection connection, RunnerDialect dialect, String zone) throws SQLException {
        return dialect.set(connection, dialect.timeZoneSetting(), dialect.timeZoneValue(zone));
    }

    static void restore(Connection connection, RunnerDialect dialect, String previous) throws SQLException {
        if (!connection.isClosed()) dialect.set(connection, dialect.timeZoneSetting(), previous);
    }
}
