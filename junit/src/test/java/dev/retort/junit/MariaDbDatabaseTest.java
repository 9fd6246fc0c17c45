package dev.retort.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.retort.fixtures.db.MariaDbTestDatabase;
import dev.retort.mariadb.MariaDbScratchDatabases;
import java.io.PrintWriter;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mariadb.jdbc.MariaDbDataSource;

/**
 * On MariaDB the checks reach their scratch databases through any DataSource of the server, its connections
 * switched to them and back; a scratch database left by a killed run is dropped by the next check, one another run
 * holds is left alone.
 */
class MariaDbDatabaseTest {
    @RegisterExtension
    final MariaDbTestDatabase db = new MariaDbTestDatabase(2);

    @Test
    void theDriversDataSourceReachesEachScratchDatabase() throws SQLException {
        List<String> created = new ArrayList<>();
        checks(RetortDatabase.dataSource(new MariaDbDataSource(db.url())), created)
                .assertDowngradesRestore();
        assertEquals(1, created.size());
        assertFalse(MariaDbContractTest.exists(db, created.get(0)), "dropped");
        assertEquals(0, tableCount(db.name()), "the DataSource's own database untouched");
    }

    @Test
    void aPoolThatIsNotTheDriversReachesThemTooWithoutAFunction() throws SQLException {
        List<String> created = new ArrayList<>();
        checks(RetortDatabase.dataSource(new Pool(new MariaDbDataSource(db.url()))), created)
                .assertUpgradesFromBase();
        assertEquals(1, created.size());
        assertFalse(MariaDbContractTest.exists(db, created.get(0)), "dropped");
        assertEquals(0, tableCount(db.name()), "the pool's own database untouched");
    }

    @Test
    void aSwitchedConnectionGoesBackToItsDatabaseWhenClosed() throws SQLException {
        try (Connection physical = db.connect(0)) {
            DataSource switched = CatalogSwitch.of(new Pool(() -> keptOpen(physical)), db.name(1));
            try (Connection connection = switched.getConnection();
                    Statement st = connection.createStatement();
                    ResultSet rs = st.executeQuery("SELECT DATABASE()")) {
                rs.next();
                assertEquals(db.name(1), rs.getString(1));
            }
            assertFalse(physical.isClosed(), "the pool's connection is the pool's to close");
            assertEquals(db.name(0), physical.getCatalog(), "back to the database it came with");
        }
    }

    @Test
    void aScratchDatabaseLeftByAKilledRunIsDroppedByTheNextCheckAndOneStillHeldIsNot() throws SQLException {
        String leftover;
        try (Connection killed = db.connect()) {
            leftover = MariaDbScratchDatabases.createHeld(killed, RetortChecks.SCRATCH_PREFIX);
        } // the session ends as a killed process's does: its lock goes with it, the database stays
        assertTrue(MariaDbContractTest.exists(db, leftover));
        try (Connection running = db.connect()) {
            String held = MariaDbScratchDatabases.createHeld(running, RetortChecks.SCRATCH_PREFIX);
            List<String> created = new ArrayList<>();
            checks(RetortDatabase.url(db.url(), null, null), created).assertUpgradesFromBase();
            assertFalse(MariaDbContractTest.exists(db, leftover), "swept: " + leftover);
            assertTrue(MariaDbContractTest.exists(db, held), "another run's, still held: " + held);
            assertFalse(MariaDbContractTest.exists(db, created.get(0)), "the check's own dropped");
            MariaDbScratchDatabases.release(running, held);
        }
    }

    @Test
    void aSchemaOtherThanTheDatabasesOwnIsRefusedBeforeAnythingIsCreated() {
        RetortChecks checks = new RetortChecks(
                RetortExtension.configure()
                        .database(RetortDatabase.url(db.url(), null, null))
                        .migrationsPackage("com.example.shop.migrations")
                        .schemas("shop")
                        .settings(),
                name -> {
                    throw new AssertionError("created " + name);
                });
        IllegalStateException e = assertThrows(IllegalStateException.class, checks::assertUpgradesFromBase);
        assertEquals(
                "schemas shop: on MariaDB the checks work in the one database they are given (a scratch one, or the"
                        + " URL's), its default schema; leave schemas unset",
                e.getMessage());
    }

    private static RetortChecks checks(RetortDatabase database, List<String> created) {
        return new RetortChecks(
                RetortExtension.configure()
                        .database(database)
                        .migrationsPackage("com.example.shop.migrations")
                        .entityPackages("com.example.shop.domain")
                        .settings(),
                created::add);
    }

    private int tableCount(String database) throws SQLException {
        try (Connection c = db.connect();
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery(
                        "SELECT count(*) FROM information_schema.TABLES WHERE TABLE_SCHEMA = '" + database + "'")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    /** The connection as a pool hands it out: closing it gives it back, open. */
    private static Connection keptOpen(Connection physical) {
        return (Connection) Proxy.newProxyInstance(
                MariaDbDatabaseTest.class.getClassLoader(),
                new Class<?>[] {Connection.class},
                (proxy, method, args) -> method.getName().equals("close") ? null : method.invoke(physical, args));
    }

    /** Opens a connection. */
    private interface Opener {
        Connection open() throws SQLException;
    }

    /** A pool that is not the driver's DataSource, as HikariCP's is not. */
    private record Pool(Opener opener) implements DataSource {
        Pool(DataSource delegate) {
            this(delegate::getConnection);
        }

        @Override
        public Connection getConnection() throws SQLException {
            return opener.open();
        }

        @Override
        public Connection getConnection(String user, String password) throws SQLException {
            throw new SQLException("not with another user");
        }

        @Override
        public PrintWriter getLogWriter() {
            return null;
        }

        @Override
        public void setLogWriter(PrintWriter out) {}

        @Override
        public void setLoginTimeout(int seconds) {}

        @Override
        public int getLoginTimeout() {
            return 0;
        }

        @Override
        public Logger getParentLogger() {
            return Logger.getGlobal();
        }

        @Override
        public <T> T unwrap(Class<T> type) throws SQLException {
            throw new SQLException("not a wrapper");
        }

        @Override
        public boolean isWrapperFor(Class<?> type) {
            return false;
        }
    }
}
