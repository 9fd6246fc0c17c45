package dev.retort.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.retort.fixtures.db.TestDatabase;
import dev.retort.postgres.ScratchDatabases;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The checks reach their scratch databases through the driver's DataSource, a pool's with a function, or not at all;
 * one left by a killed run is dropped by the next check.
 */
class RetortDatabaseTest {
    @RegisterExtension
    static final TestDatabase server = new TestDatabase();

    @Test
    void theDriversDataSourceIsCopiedToReachEachScratchDatabase() throws SQLException {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setURL(server.url());
        List<String> created = new ArrayList<>();
        checks(RetortDatabase.dataSource(dataSource), created).assertDowngradesRestore();
        assertEquals(1, created.size());
        assertEquals(
                List.of(), server.query("SELECT datname FROM pg_database WHERE datname = '" + created.get(0) + "'"));
        assertEquals(
                List.of(),
                server.query("SELECT tablename FROM pg_tables WHERE schemaname = 'public'"),
                "the server's own database untouched");
    }

    @Test
    void anotherDataSourceNeedsAFunctionToReachADatabaseOfAnotherName() throws SQLException {
        PGSimpleDataSource driver = new PGSimpleDataSource();
        driver.setURL(server.url());
        DataSource pool = new Pool(driver);
        List<String> created = new ArrayList<>();
        IllegalStateException e = assertThrows(
                IllegalStateException.class,
                () -> checks(RetortDatabase.dataSource(pool), created).assertUpgradesFromBase());
        assertEquals(
                "a dev.retort.junit.RetortDatabaseTest$Pool cannot be pointed at a scratch database: give"
                        + " RetortDatabase.dataSource a function from a database name to its DataSource, a JDBC URL,"
                        + " or use the database as it is",
                e.getMessage());
        checks(
                        RetortDatabase.dataSource(pool, name -> {
                            PGSimpleDataSource scratch = new PGSimpleDataSource();
                            scratch.setURL(server.url());
                            scratch.setDatabaseName(name);
                            return new Pool(scratch);
                        }),
                        created)
                .assertUpgradesFromBase();
        assertEquals(2, created.size(), "the failed check's scratch database was created, and dropped: " + created);
        for (String name : created)
            assertEquals(List.of(), server.query("SELECT datname FROM pg_database WHERE datname = '" + name + "'"));
    }

    @Test
    void aScratchDatabaseLeftByAKilledRunIsDroppedByTheNextCheckAndOneStillHeldIsNot() throws SQLException {
        String leftover;
        try (Connection killed = server.connect()) {
            leftover = ScratchDatabases.createHeld(killed, RetortChecks.SCRATCH_PREFIX);
        } // the session ends as a killed process's does: its advisory lock goes with it, the database stays
        assertEquals(List.of(leftover), database(leftover));
        try (Connection running = server.connect()) {
            String held = ScratchDatabases.createHeld(running, RetortChecks.SCRATCH_PREFIX);
            List<String> created = new ArrayList<>();
            checks(RetortDatabase.url(server.url(), null, null), created).assertUpgradesFromBase();
            assertEquals(List.of(), database(leftover), "swept");
            assertEquals(List.of(held), database(held), "another run's, still held");
            assertEquals(List.of(), database(created.get(0)), "the check's own dropped");
            ScratchDatabases.release(running, held);
        }
    }

    private static List<String> database(String name) throws SQLException {
        return server.query("SELECT datname FROM pg_database WHERE datname = '" + name + "'");
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

    /** A pool that is not the driver's DataSource, as HikariCP's is not. */
    private record Pool(DataSource delegate) implements DataSource {
        @Override
        public Connection getConnection() throws SQLException {
            return delegate.getConnection();
        }

        @Override
        public Connection getConnection(String user, String password) throws SQLException {
            return delegate.getConnection(user, password);
        }

        @Override
        public PrintWriter getLogWriter() throws SQLException {
            return delegate.getLogWriter();
        }

        @Override
        public void setLogWriter(PrintWriter out) throws SQLException {
            delegate.setLogWriter(out);
        }

        @Override
        public void setLoginTimeout(int seconds) throws SQLException {
            delegate.setLoginTimeout(seconds);
        }

        @Override
        public int getLoginTimeout() throws SQLException {
            return delegate.getLoginTimeout();
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
