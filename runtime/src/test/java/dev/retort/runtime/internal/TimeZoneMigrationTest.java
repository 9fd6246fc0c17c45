package dev.retort.runtime.internal;

import static dev.retort.runtime.Ops.column;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.retort.fixtures.db.TestDatabase;
import dev.retort.runtime.Migration;
import dev.retort.runtime.MigrationListener;
import dev.retort.runtime.Ops;
import dev.retort.runtime.Retort;
import dev.retort.runtime.Revision;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A {@code timestamp -> timestamptz} migration reads the values in the configured zone (UTC by
 * default), not in the zone of the session it was handed, which the driver takes from the JVM.
 */
class TimeZoneMigrationTest {
    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    @Revision(id = "aaaa20000001", message = "zone t.at")
    public static final class Zone implements Migration {
        @Override
        public void upgrade(Ops op) {
            op.alterColumn("t", column("at", "timestamp(6)"), column("at", "timestamptz(6)"));
        }

        @Override
        public void downgrade(Ops op) {
            op.alterColumn("t", column("at", "timestamptz(6)"), column("at", "timestamp(6)"));
        }
    }

    @BeforeEach
    void localTimes() throws SQLException {
        db.reset();
        db.execute("CREATE TABLE t (id integer PRIMARY KEY, at timestamp(6))");
        db.execute("INSERT INTO t VALUES (1, '2024-01-01 12:00:00'), (2, '2024-07-01 23:30:00.5')");
    }

    @Test
    void aNewYorkSessionConvertsAsUtcByDefaultAndGetsItsZoneBack() throws SQLException {
        // 2024-01-01 12:00 UTC and 2024-07-01 23:30:00.5 UTC, as seconds since the epoch
        List<String> utc = List.of("1704110400.000000", "1719876600.500000");
        try (Connection c = newYorkSession()) {
            migrator(Migrator.Options.DEFAULTS).upgrade(c, "head");
            assertEquals("America/New_York", zone(c), "the session's own zone is restored");
        }
        assertEquals(utc, instants());
        try (Connection c = newYorkSession()) {
            migrator(Migrator.Options.DEFAULTS).downgrade(c, "base");
        }
        assertEquals(
                List.of("2024-01-01 12:00:00", "2024-07-01 23:30:00.5"),
                db.query("SELECT at::text FROM t ORDER BY id"),
                "the downgrade reads them back in UTC");
    }

    @Test
    void theConfiguredZoneIsTheOneTheValuesAreReadIn() throws SQLException {
        try (Connection c = newYorkSession()) {
            migrator(new Migrator.Options(true, Duration.ofMinutes(1), "Asia/Tokyo"))
                    .upgrade(c, "head");
        }
        // nine hours earlier than the same wall-clock time in UTC
        assertEquals(List.of("1704078000.000000", "1719844200.500000"), instants());
    }

    @Test
    void offlineScriptsSetTheZoneFirstAndABadZoneIsRefused() throws SQLException {
        String script = migrator(Migrator.Options.DEFAULTS).upgradeScript(Set.of(), "head");
        assertTrue(script.contains("\nSET TIME ZONE 'UTC';\n"), script);
        assertTrue(script.indexOf("SET TIME ZONE") < script.indexOf("ALTER TABLE"), "before any migration: " + script);
        var e = assertThrows(
                IllegalArgumentException.class, () -> Retort.configure().timeZone("+02:00"));
        assertEquals(
                "not a time zone PostgreSQL accepts: \"+02:00\" (use UTC or an IANA name such as Europe/Berlin)",
                e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Retort.configure().timeZone("Mars/Olympus"));
    }

    /** What the driver opens for a JVM running under TZ=America/New_York. */
    private static Connection newYorkSession() throws SQLException {
        Connection c = db.connect();
        try (Statement st = c.createStatement()) {
            st.execute("SET TIME ZONE 'America/New_York'");
        }
        return c;
    }

    private static String zone(Connection c) throws SQLException {
        try (Statement st = c.createStatement();
                var rs = st.executeQuery("SHOW TimeZone")) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static List<String> instants() throws SQLException {
        return db.query("SELECT extract(epoch FROM at)::numeric(20,6)::text FROM t ORDER BY id");
    }

    private static Migrator migrator(Migrator.Options options) {
        return new Migrator(
                MigrationSet.of(List.of(Zone.class), Class::getSimpleName),
                new VersionTable(null),
                options,
                new MigrationListener() {});
    }
}
