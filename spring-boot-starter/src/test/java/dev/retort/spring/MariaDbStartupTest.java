package dev.retort.spring;

import static dev.retort.spring.ShopApp.FIRST;
import static dev.retort.spring.ShopApp.SECOND;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.shop.ShopApplication;
import dev.retort.RetortException;
import dev.retort.fixtures.db.MariaDbTestDatabase;
import dev.retort.runtime.HistoryEntry;
import dev.retort.runtime.Retort;
import dev.retort.spring.internal.RetortSchemaManagementProvider;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
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
    final MariaDbTestDatabase db = server();

    /** The server the shop starts on. */
    MariaDbTestDatabase server() {
        return new MariaDbTestDatabase();
    }

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

    /**
     * {@code retort.schemas} has nothing to name on MariaDB (the URL's database is the one schema): start-up stops in
     * one line before anything is created, where before the version table went silently into a new database of that
     * name and the migrations into the URL's.
     */
    @Test
    void retortSchemasIsRefusedInOneLineBeforeAnythingIsCreated() throws Exception {
        String schema = db.name() + "_app";
        String expected = "schemas " + schema + ": a MariaDB URL names its one database, the default schema;"
                + " leave schemas unset";
        PrintStream console = System.out;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
        Exception failed;
        try {
            failed = assertThrows(
                    Exception.class, () -> start("--retort.schemas=" + schema).close());
        } finally {
            System.setOut(console);
            db.execute("DROP DATABASE IF EXISTS `" + schema + "`");
        }
        assertInstanceOf(RetortException.class, rootCause(failed), failed.toString());
        assertEquals(expected, rootCause(failed).getMessage());
        String report = printed.toString(StandardCharsets.UTF_8);
        assertTrue(report.contains("Description:\n\nRetort did not migrate the database: " + expected + "\n"), report);
        assertEquals(0, count("SELECT count(*) FROM information_schema.schemata WHERE schema_name = '" + schema + "'"));
        assertEquals(0, count("SELECT count(*) FROM information_schema.tables WHERE table_schema = DATABASE()"));
    }

    private ConfigurableApplicationContext start(String... more) {
        List<String> args = new ArrayList<>(List.of(
                "--spring.datasource.url=" + db.url(),
                "--spring.jpa.hibernate.ddl-auto=validate",
                "--spring.jpa.open-in-view=false",
                "--retort.migrations-package=" + MIGRATIONS));
        args.addAll(List.of(more));
        return new SpringApplicationBuilder(ShopApplication.class, ShopApp.ReadAtStartup.class)
                .web(WebApplicationType.NONE)
                .run(args.toArray(String[]::new));
    }

    private long count(String sql) throws SQLException {
        try (Connection c = db.connect();
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static Throwable rootCause(Throwable thrown) {
        Throwable t = thrown;
        while (t.getCause() != null) t = t.getCause();
        return t;
    }

    private static String row(HistoryEntry entry) {
        return entry.direction() + " " + entry.revision() + " "
                + (entry.progress() == null ? "done" : entry.progress().status());
    }
}
