package dev.retort.junit;

import org.testcontainers.containers.JdbcDatabaseContainer;

/**
 * A Testcontainers PostgreSQL container as the checks' server: its URL, user and password read when a
 * check runs, after the container has started. Needs Testcontainers on the test class path (Retort does
 * not bring it); the container's user may create databases, so each check gets a scratch database.
 */
public final class TestcontainersDatabase {
    private TestcontainersDatabase() {}

    public static RetortDatabase of(JdbcDatabaseContainer<?> container) {
        return RetortDatabase.url(container::getJdbcUrl, container::getUsername, container::getPassword);
    }
}
