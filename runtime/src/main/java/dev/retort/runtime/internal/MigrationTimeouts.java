package dev.retort.runtime.internal;

import static java.util.Objects.requireNonNull;

import dev.retort.runtime.Retort;
import dev.retort.runtime.Timeouts;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code lock_timeout} and {@code statement_timeout} a migration's statements run under: set with
 * {@code SET LOCAL} at the start of each of its transactions, and around each statement of an autocommit
 * block for the session, online and in offline scripts alike. They are never part of the rendered SQL, so
 * they leave checksums alone.
 *
 * @param ddl how long a statement may wait for a lock; zero for ever
 * @param statement how long a statement may run; zero for ever, null to leave the session's own setting
 */
public record MigrationTimeouts(Duration ddl, Duration statement) {
    /** Five seconds of waiting for a lock, the session's own statement timeout. */
    public static final MigrationTimeouts DEFAULT = new MigrationTimeouts(Duration.ofSeconds(5), null);

    public MigrationTimeouts {
        check("ddl timeout", requireNonNull(ddl, "ddl"));
        if (statement != null) check("statement timeout", statement);
    }

    private static void check(String what, Duration timeout) {
        if (timeout.isNegative() || timeout.compareTo(Retort.MAX_LOCK_TIMEOUT) > 0) {
            throw new IllegalArgumentException(what + " out of range (0 to " + Retort.MAX_LOCK_TIMEOUT.toSeconds()
                    + " s): " + timeout.toSeconds() + " s");
        }
    }

    /** These, with what a migration's {@link Timeouts} annotation overrides; {@code null} overrides nothing. */
    public MigrationTimeouts over(Timeouts override) {
        if (override == null) return this;
        return new MigrationTimeouts(
                override.ddl() == Timeouts.CONFIGURED ? ddl : Duration.ofSeconds(override.ddl()),
                override.statement() == Timeouts.CONFIGURED ? statement : Duration.ofSeconds(override.statement()));
    }

    /**
     * The statements that start a migration's transaction; {@code undoStatement}: an earlier migration in
     * the same transaction set a statement timeout that this one, having none, must not inherit.
     */
    List<String> local(boolean undoStatement) {
        List<String> sql = new ArrayList<>();
        sql.add("SET LOCAL lock_timeout = " + value(ddl));
        if (statement != null) sql.add("SET LOCAL statement_timeout = " + value(statement));
        else if (undoStatement) sql.add("SET LOCAL statement_timeout TO DEFAULT");
        return sql;
    }

    /** The session settings an autocommit statement runs under, by name, restored after it. */
    Map<String, String> session() {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("lock_timeout", millis(ddl));
        if (statement != null) settings.put("statement_timeout", millis(statement));
        return settings;
    }

    /** A timeout as a quoted PostgreSQL interval: {@code '5s'}, {@code '250ms'}, {@code '0'}. */
    static String value(Duration timeout) {
        return "'" + millis(timeout) + "'";
    }

    /** Whole milliseconds, a nonzero timeout of less than one rounded up to one (0 would mean no limit). */
    private static String millis(Duration timeout) {
        if (timeout.isZero()) return "0";
        long ms = Math.max(1, timeout.toMillis());
        return ms % 1000 == 0 ? ms / 1000 + "s" : ms + "ms";
    }

    /** A timeout as messages say it: {@code 5 s}, {@code 250 ms}. */
    static String words(Duration timeout) {
        long ms = timeout.toMillis();
        return ms % 1000 == 0 ? ms / 1000 + " s" : ms + " ms";
    }
}
