package dev.retort.spring;

import static dev.retort.spring.ShopApp.FIRST;
import static dev.retort.spring.ShopApp.SECOND;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.example.shop.ShopApplication;
import dev.retort.fixtures.db.MariaDbTestDatabase;
import dev.retort.runtime.HistoryEntry;
import dev.retort.runtime.Retort;
import dev.retort.spring.internal.RetortSchemaManagementProvider;
import java.util.List;
import java.util.Set;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.jdbc.SchemaManagement;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The sample shop started with a MariaDB DataSource (Spring Boot's own pool on {@code spring.datasource.url}): the
 * starter's {@code Retort} bean takes the MariaDB runner from the connection, the migrations run before JPA, whose
 * validation and repository then find their table, and a second start finds nothing to do.
 */
class MariaDbStartupTest {
    private static final String MIGRATIONS = "com.example.mariadbshop.migrations";

    @RegisterExtension
    final MariaDbTestDatabase db = new MariaDbTestDatabase();

    @Test
    void theShopStartsOnMariaDbWithItsMigrationsRunBeforeJpa() {
        for (int start = 1; start <= 2; start++) {
            try (ConfigurableApplicationContext app = start()) {
                assertEquals(List.of("Ada ada@example.com"), app.getBean(ShopApp.StartupReader.class).seen);
                Retort retort = app.getBean(Retort.class);
                assertEquals(Set.of(SECOND), retort.current());
                assertEquals(
                        List.of("upgrade " + FIRST + " done", "upgrade " + SECOND + " done"),
                        retort.history().stream().map(MariaDbStartupTest::row).toList(),
                        "start " + start);
                assertEquals(
                        SchemaManagement.MANAGED,
                        app.getBean(RetortSchemaManagementProvider.class)
                                .getSchemaManagement(app.getBean(DataSource.class)));
            }
        }
    }

    private ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(ShopApplication.class, ShopApp.ReadAtStartup.class)
                .web(WebApplicationType.NONE)
                .run(
                        "--spring.datasource.url=" + db.url(),
                        "--spring.jpa.hibernate.ddl-auto=validate",
                        "--spring.jpa.open-in-view=false",
                        "--retort.migrations-package=" + MIGRATIONS);
    }

    private static String row(HistoryEntry entry) {
        return entry.direction() + " " + entry.revision() + " "
                + (entry.progress() == null ? "done" : entry.progress().status());
    }
}
