package dev.retort.junit;

import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.testcontainers.mariadb.MariaDBContainer;

/**
 * A MariaDB container configures the checks before it has started (nothing of it is read until a check runs). No
 * build machine has Docker, so the container never starts here: this compiles the README's MariaDB form and shows the
 * URL is read late; that the checks then connect as root is documented, not run.
 */
class TestcontainersDatabaseTest {
    @Test
    void aMariaDbContainerIsReadWhenACheckRunsNotWhenTheExtensionIsBuilt() {
        MariaDBContainer container = new MariaDBContainer("mariadb:10.11");
        RetortExtension.configure()
                .database(TestcontainersDatabase.of(container))
                .migrationsPackage("com.example.shop.migrations")
                .entityPackages("com.example.shop.domain")
                .build();
        // not started: Testcontainers refuses to give its URL, so the extension had not asked for it
        assertThrows(
                IllegalStateException.class,
                () -> TestcontainersDatabase.of(container).given());
    }
}
