package dev.retort.adversarial;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.retort.fixtures.db.TestDatabase;
import dev.retort.runtime.MigrationException;
import dev.retort.runtime.MigrationListener;
import dev.retort.runtime.Retort;
import dev.retort.runtime.internal.MigrationSet;
import dev.retort.runtime.internal.Migrator;
import dev.retort.runtime.internal.VersionTable;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A pool that hands out connections with autoCommit=false (Hikari's {@code autoCommit=false}, a
 * Spring setting): waiting for the lock, timing out, and migrating work as with any other connection.
 */
class PooledAutoCommitLockTimeoutTest {
    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    private static final String LOCK =
            "pg_advisory_lock(" + 0x52657472 + ", " + "public.retort_version".hashCode() + ")";

    /** Connections as such a pool gives them. */
    static final class NoAutoCommitDataSource extends PGSimpleDataSource {
        @Override
        public Connection getConnection() throws SQLException {
            Connection connection = super.getConnection();
            connection.setAutoCommit(false);
            return connection;
        }
    }

    NoAutoCommitDataSource dataSource;

    @BeforeEach
    void pool() throws SQLException {
        db.reset();
        dataSource = new NoAutoCommitDataSource();
        dataSource.setUrl(db.url());
    }

    @Test
    void lockTimeoutGivesTheSameMessageAsOnAnyConnection() throws SQLException {
        Retort retort = Retort.configure()
                .dataSource(dataSource)
                .lockTimeout(Duration.ofMillis(300))
                .migrations(PasswordRedactionTest.Nothing.class)
                .load();
        try (Connection blocker = db.connect();
                Statement st = blocker.createStatement()) {
            st.execute("SET application_name = 'long runner'");
            st.execute("SELECT " + LOCK);
            MigrationException e = assertThrows(MigrationException.class, () -> retort.upgrade("head"));
            assertTrue(
                    e.getMessage()
                            .startsWith(
                                    "another runner holds the migration lock for public.retort_version and did not release it "
                                            + "within 300 ms: held by pid " + pid(blocker)
                                            + " (long runner, user postgres"),
                    e.getMessage());
            assertTrue(e.getMessage().endsWith("; set lock.timeout to wait longer"), e.getMessage());
        }
    }

    @Test
    void migratesAndHandsTheConnectionBackWithAutoCommitOff() throws SQLException {
        Retort retort = Retort.configure()
                .dataSource(dataSource)
                .migrations(PasswordRedactionTest.Nothing.class)
                .load();
        assertEquals(Set.of("a00000000001"), retort.upgrade("head").after());
        assertEquals(Set.of("a00000000001"), retort.current());
        Migrator migrator = new Migrator(
                MigrationSet.of(List.of(PasswordRedactionTest.Nothing.class), Class::getName),
                new VersionTable(VersionTable.DEFAULT_NAME));
        try (Connection connection = dataSource.getConnection()) {
            migrator.downgrade(connection, "base");
            assertFalse(connection.getAutoCommit(), "autoCommit off again, as the pool handed it out");
            try (Statement st = connection.createStatement();
                    ResultSet rs = st.executeQuery("SHOW lock_timeout")) {
                rs.next();
                assertEquals("0", rs.getString(1));
            }
        }
        assertEquals(Set.of(), retort.current());
    }

    @Test
    void aTimedOutWaitHandsTheConnectionBackAsItCame() throws SQLException {
        Migrator migrator = new Migrator(
                MigrationSet.of(List.of(PasswordRedactionTest.Nothing.class), Class::getName),
                new VersionTable(VersionTable.DEFAULT_NAME),
                new Migrator.Options(true, Duration.ofMillis(200)),
                new MigrationListener() {});
        try (Connection blocker = db.connect();
                Statement st = blocker.createStatement();
                Connection pooled = dataSource.getConnection()) {
            st.execute("SELECT " + LOCK);
            try (Statement own = pooled.createStatement()) {
                own.execute("SET statement_timeout = '7s'");
                pooled.commit();
            }
            assertThrows(MigrationException.class, () -> migrator.upgrade(pooled, "head"));
            assertFalse(pooled.getAutoCommit());
            try (Statement own = pooled.createStatement();
                    ResultSet rs = own.executeQuery(
                            "SELECT current_setting('statement_timeout'), " + "current_setting('lock_timeout')")) {
                rs.next();
                assertEquals("7s", rs.getString(1));
                assertEquals("0", rs.getString(2));
            }
        }
    }

    private static int pid(Connection connection) throws SQLException {
        try (Statement st = connection.createStatement();
                ResultSet rs = st.executeQuery("SELECT pg_backend_pid()")) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
