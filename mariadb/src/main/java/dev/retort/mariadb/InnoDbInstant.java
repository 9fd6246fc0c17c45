package dev.retort.mariadb;

import java.util.Set;

/**
 * Two things MariaDB 10.11's InnoDB decides about a column, shared by the hazards ({@link MariaDbHazards}) and lint's
 * MariaDB rules: which defaults it fills row by row, copying the table, when it adds a column, and which {@code
 * varchar} widening it makes without copying it. Each is proved on the server by {@code MariaDbHazardsTest} and
 * {@code MariaDbLintFactsTest}.
 */
public final class InnoDbInstant {
    /**
     * The functions a default calls that InnoDB evaluates for each row of an added column, copying the table
     * ({@code ALGORITHM=COPY, LOCK=SHARED}); {@code rand()}, {@code current_timestamp()} and constants it stores once.
     */
    public static final Set<String> ROW_BY_ROW_DEFAULTS =
            Set.of("uuid", "uuid_short", "sys_guid", "sysdate", "nextval");

    private InnoDbInstant() {}

    /**
     * Whether widening a {@code varchar} of {@code from} to {@code to} characters of {@code bytes} bytes each keeps
     * its values' length bytes, so that InnoDB changes it in place: one byte holds a length up to 255 bytes, and a
     * column whose longest value is 128-255 bytes needs a second one once it can hold more than 255.
     */
    public static boolean keepsLengthBytes(long from, long to, int bytes) {
        long before = from * bytes;
        return !(before >= 128 && before <= 255 && to * bytes > 255);
    }

    /**
     * MySQL's rule for the same: it widens a {@code varchar} in place (not instantly), also under a foreign key, while
     * its longest value stays on the same side of 255 bytes; across it, it copies the table, and refuses the change
     * under a key (error 1832). {@code MySqlHazardsTest} and {@code MySqlLintFactsTest} prove it on MySQL.
     */
    public static boolean mySqlKeepsLengthBytes(long from, long to, int bytes) {
        return (from * bytes <= 255) == (to * bytes <= 255);
    }
}
