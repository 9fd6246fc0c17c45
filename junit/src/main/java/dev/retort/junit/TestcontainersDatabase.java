package dev.retort.junit;

import dev.retort.Dialect;
import org.testcontainers.containers.JdbcDatabaseContainer;

/**
 * A Testcontainers PostgreSQL or MariaDB container as the checks' server: its URL, user and password read when a
 * check runs, after the container has started. Needs Testcontainers on the test class path (Retort does not bring
 * it). A PostgreSQL container's user may create databases, so each check gets a scratch database; a MariaDB
 * container's user may only use its own database, so the checks connect as {@code root}, whose password the
 * container sets to the container's password.
 */
public final class TestcontainersDatabase {
    private TestcontainersDatabase() {}

    public static RetortDatabase of(JdbcDatabaseContainer<?> container) {
        return RetortDatabase.url(
                container::getJdbcUrl,
                () -> Dialect.ofUrl(container.getJdbcUrl()) == Dialect.MARIADB ? "root" : container.getUsername(),
                container::getPassword);
    }
}
