package dev.retort.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.testcontainers.mariadb.MariaDBContainer;

/**
 * A MariaDB container as the checks' server. It configures the checks before it has started (nothing of it is read
 * until a check runs); where a Docker engine exists, the four checks run on scratch databases of a started
 * {@code mariadb:10.11} container, as root. The build machines have none (a {@code docker} client, no daemon), so
 * there that test is skipped, saying why.
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

    @Test
    @EnabledIf(
            value = "dev.retort.fixtures.db.Containers#dockerAvailable",
            disabledReason = "no Docker engine for Testcontainers (docker info finds no daemon): the MariaDB container"
                    + " path runs only where one is")
    void theChecksRunOnScratchDatabasesOfAStartedMariaDbContainer() {
        try (MariaDBContainer container = new MariaDBContainer("mariadb:10.11")) {
            container.start();
            List<String> created = new ArrayList<>();
            RetortChecks checks = new RetortChecks(
                    RetortExtension.configure()
                            .database(TestcontainersDatabase.of(container))
                            .migrationsPackage("com.example.shop.migrations")
                            .entityPackages("com.example.shop.domain")
                            .settings(),
                    created::add);
            checks.assertSingleHead();
            checks.assertUpgradesFromBase();
            checks.assertEntitiesMatchMigrations();
            checks.assertDowngradesRestore();
            assertEquals(3, created.size(), "a scratch database for each check that needs one: " + created);
            for (String name : created) assertTrue(name.matches("retort_test_[0-9a-f]{16}"), name);
        }
    }
}
