package dev.retort.spring;

import static dev.retort.spring.ShopApp.FIRST;
import static dev.retort.spring.ShopApp.SECOND;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.shop.ShopApplication;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.zaxxer.hikari.HikariDataSource;
import dev.retort.RetortException;
import dev.retort.fixtures.db.TestDatabase;
import dev.retort.runtime.Retort;
import dev.retort.spring.internal.RetortFailureAnalyzer;
import dev.retort.spring.internal.RetortSchemaManagementProvider;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.jdbc.SchemaManagement;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.core.env.Environment;

/** The starter in a real Spring Boot application on PostgreSQL, each test on a fresh database of its own. */
class RetortAutoConfigurationTest {
    @RegisterExtension
    final TestDatabase db = TestDatabase.perTest();

    @RegisterExtension
    final TestDatabase other = TestDatabase.perTest();

    @Test
    void migrationsRunBeforeJpaSoThatARepositoryWorksAtStartUpOnATableOnlyAMigrationCreates() throws Exception {
        try (ConfigurableApplicationContext app = ShopApp.start(db, List.of(ShopApp.ReadAtStartup.class))) {
            // Hibernate validated the schema and the bean read through the repository while the context started
            assertEquals(List.of("Ada ada@example.com"), app.getBean(ShopApp.StartupReader.class).seen);
            assertEquals(List.of(FIRST + " upgrade", SECOND + " upgrade"), history(db));
            assertEquals(List.of(SECOND), db.query("SELECT version_num FROM retort_version"));
            DataSource dataSource = app.getBean(DataSource.class);
            assertEquals(
                    SchemaManagement.MANAGED,
                    app.getBean(RetortSchemaManagementProvider.class).getSchemaManagement(dataSource));
        }
    }

    @Test
    void theSecondStartFindsNothingToDo() throws Exception {
        ShopApp.start(db, List.of()).close();
        try (ConfigurableApplicationContext app = ShopApp.start(db, List.of(ShopApp.ReadAtStartup.class))) {
            assertEquals(List.of("Ada ada@example.com"), app.getBean(ShopApp.StartupReader.class).seen);
        }
        assertEquals(List.of(FIRST + " upgrade", SECOND + " upgrade"), history(db));
    }

    @Test
    void twoInstancesStartingAtOnceApplyEachMigrationOnce() throws Exception {
        // two replicas are two processes (two Spring Boot applications in one JVM share its logging system)
        List<Path> logs = List.of(Files.createTempFile("shop-a", ".log"), Files.createTempFile("shop-b", ".log"));
        List<Process> instances = List.of(ShopApp.startProcess(db, logs.get(0)), ShopApp.startProcess(db, logs.get(1)));
        try {
            for (int i = 0; i < instances.size(); i++) {
                boolean stopped = instances.get(i).waitFor(3, TimeUnit.MINUTES);
                String output = Files.readString(logs.get(i));
                assertTrue(stopped, output);
                assertEquals(0, instances.get(i).exitValue(), output);
                assertTrue(output.contains("seen: [Ada ada@example.com]"), output);
            }
        } finally {
            instances.forEach(Process::destroyForcibly);
            for (Path log : logs) Files.deleteIfExists(log);
        }
        assertEquals(List.of(FIRST + " upgrade", SECOND + " upgrade"), history(db));
        assertEquals(List.of("1"), db.query("SELECT count(*) FROM customers"));
    }

    @Test
    void retortEnabledFalseSkipsTheMigrations() throws Exception {
        try (ConfigurableApplicationContext app =
                ShopApp.start(db, List.of(), "retort.enabled=false", "spring.jpa.hibernate.ddl-auto=none")) {
            assertTrue(app.getBeansOfType(Retort.class).isEmpty());
        }
        assertEquals(List.of("null null"), db.query("SELECT to_regclass('customers'), to_regclass('retort_version')"));
        // and Hibernate's validation, which the first test passes, does fail without the migrations
        Exception failed = assertThrows(Exception.class, () -> ShopApp.start(db, List.of(), "retort.enabled=false"));
        assertTrue(causes(failed).contains("missing table [customers]"), causes(failed));
    }

    @Test
    void theActuatorEndpointAnswersOverHttpWithCurrentPendingAndHistory() throws Exception {
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(ShopApplication.class)
                .web(WebApplicationType.SERVLET)
                .run(
                        "--spring.datasource.url=" + db.url(),
                        "--retort.migrations-package=" + ShopApp.MIGRATIONS,
                        "--retort.target=" + FIRST,
                        "--server.port=0",
                        "--management.endpoints.web.exposure.include=retort")) {
            String port = app.getEnvironment().getProperty("local.server.port");
            HttpResponse<String> response = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/retort"))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            assertEquals(200, response.statusCode(), response.body());
            JsonMapper json = JsonMapper.builder().build();
            JsonNode body = json.readTree(response.body());
            assertEquals(List.of(FIRST), texts(body.get("current")));
            JsonNode pending = body.get("pending");
            assertEquals(1, pending.size(), response.body());
            assertEquals(SECOND, pending.get(0).get("revision").asText());
            assertEquals(List.of(FIRST), texts(pending.get(0).get("revises")));
            assertEquals("add customer email", pending.get(0).get("message").asText());
            JsonNode history = body.get("history");
            assertEquals(1, history.size(), response.body());
            assertEquals(FIRST, history.get(0).get("revision").asText());
            assertEquals("upgrade", history.get(0).get("direction").asText());
            // the README's example has the same fields
            JsonNode documented = json.readTree(Readme.block("json"));
            assertEquals(names(documented), names(body));
            assertEquals(names(documented.get("pending").get(0)), names(pending.get(0)));
            assertEquals(names(documented.get("history").get(0)), names(history.get(0)));
        }
    }

    @Test
    void aMigrationStrategyBeanRunsInsteadOfTheDefault() throws Exception {
        try (ConfigurableApplicationContext app =
                ShopApp.start(db, List.of(FirstOnly.class), "spring.jpa.hibernate.ddl-auto=none")) {
            assertEquals(List.of(FIRST, SECOND), app.getBean(FirstOnly.class).pendingSeen);
        }
        // the default would have gone on to the heads
        assertEquals(List.of(FIRST), db.query("SELECT version_num FROM retort_version"));
        assertEquals(List.of(FIRST + " upgrade"), history(db));
    }

    @Test
    void aRetortDataSourceBeanIsTheOneMigrated() throws Exception {
        try (ConfigurableApplicationContext app = ShopApp.start(
                db,
                List.of(TwoDataSources.class),
                "spring.jpa.hibernate.ddl-auto=none",
                "test.migration-url=" + other.url())) {
            RetortSchemaManagementProvider provider = app.getBean(RetortSchemaManagementProvider.class);
            assertEquals(
                    SchemaManagement.MANAGED,
                    provider.getSchemaManagement(app.getBean("migrationDataSource", DataSource.class)));
            assertEquals(SchemaManagement.UNMANAGED, provider.getSchemaManagement(app.getBean(DataSource.class)));
        }
        assertEquals(List.of(FIRST + " upgrade", SECOND + " upgrade"), history(other));
        assertEquals(List.of("null"), db.query("SELECT to_regclass('customers')"));
    }

    @Test
    void retortUrlIsADedicatedMigrationConnection() throws Exception {
        try (ConfigurableApplicationContext app = ShopApp.start(
                db,
                List.of(),
                "spring.jpa.hibernate.ddl-auto=none",
                "retort.url=" + other.url(),
                "retort.user=postgres")) {
            assertEquals(
                    SchemaManagement.UNMANAGED,
                    app.getBean(RetortSchemaManagementProvider.class)
                            .getSchemaManagement(app.getBean(DataSource.class)));
        }
        assertEquals(List.of(FIRST + " upgrade", SECOND + " upgrade"), history(other));
        assertEquals(List.of("null"), db.query("SELECT to_regclass('customers')"));
    }

    @Test
    void withoutAMigrationsPackageStartUpFailsSayingWhichPropertyToSet() {
        Exception failed =
                assertThrows(Exception.class, () -> ShopApp.start(db, List.of(), "retort.migrations-package="));
        assertTrue(
                causes(failed)
                        .contains("retort.migrations-package is not set: name the package that holds the application's"
                                + " migration classes, or set retort.enabled=false"),
                causes(failed));
    }

    @Test
    void aMigrationBlockedByAnotherSessionsLockFailsStartUpWithinRetortLockDdlTimeout() throws Exception {
        ShopApp.start(db, List.of(), "retort.target=" + FIRST, "spring.jpa.hibernate.ddl-auto=none")
                .close();
        try (Connection blocker = db.connect()) {
            blocker.setAutoCommit(false);
            try (Statement st = blocker.createStatement()) {
                st.execute("SELECT count(*) FROM customers");
            }
            Exception failed = assertThrows(
                    Exception.class,
                    () -> ShopApp.start(
                            db, List.of(), "retort.lock.ddl-timeout=1s", "spring.jpa.hibernate.ddl-auto=none"));
            assertTrue(
                    causes(failed).contains("revision " + SECOND + " (upgrade): statement 1 failed: ALTER TABLE"),
                    causes(failed));
            assertTrue(
                    causes(failed)
                            .contains("canceling statement due to lock timeout; it waited 1 s (lock.ddl-timeout) for a"
                                    + " lock another session holds"),
                    causes(failed));
            blocker.rollback();
        }
        assertEquals(List.of(FIRST), db.query("SELECT version_num FROM retort_version"));
        ShopApp.start(db, List.of(), "retort.lock.ddl-timeout=1s").close();
        assertEquals(List.of(SECOND), db.query("SELECT version_num FROM retort_version"));
    }

    @Test
    void anEditedAppliedMigrationStopsStartUpBeforeAnythingRuns() throws Exception {
        ShopApp.start(db, List.of(), "retort.target=" + FIRST, "spring.jpa.hibernate.ddl-auto=none")
                .close();
        db.execute("UPDATE retort_version_history SET checksum = 'edited'");
        Exception failed = assertThrows(Exception.class, () -> ShopApp.start(db, List.of()));
        assertTrue(causes(failed).contains(FIRST), causes(failed));
        assertEquals(List.of(FIRST + " upgrade"), history(db));
        assertFalse(db.query("SELECT column_name FROM information_schema.columns WHERE table_name = 'customers'")
                .contains("email"));
    }

    @Test
    void validateOnMigrateRefusesARevisionNoMigrationDeclaresAnyMoreAndFalseLetsTheUpgradeRun() throws Exception {
        ShopApp.start(db, List.of(), "retort.target=" + FIRST, "spring.jpa.hibernate.ddl-auto=none")
                .close();
        // a revision applied once (its migration since deleted) that the version table no longer names
        db.execute("INSERT INTO retort_version_history (revision, direction, applied_by, duration_ms)"
                + " VALUES ('0dd000000000', 'upgrade', 'someone', 1)");
        String expected = "retort.validate-on-migrate: revision 0dd000000000 was applied, and no migration declares"
                + " it any more; nothing was run";
        PrintStream console = System.out;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
        Exception failed;
        try {
            failed = assertThrows(Exception.class, () -> ShopApp.start(db, List.of()));
        } finally {
            System.setOut(console);
        }
        assertTrue(causes(failed).contains(expected), causes(failed));
        // Spring Boot's failure report, as the terminal shows it
        String report = printed.toString(StandardCharsets.UTF_8);
        assertTrue(report.contains("Description:\n\nRetort did not migrate the database: " + expected + "\n"), report);
        assertEquals(List.of(FIRST), db.query("SELECT version_num FROM retort_version"));

        ShopApp.start(db, List.of(), "retort.validate-on-migrate=false").close();
        assertEquals(List.of(SECOND), db.query("SELECT version_num FROM retort_version"));
    }

    @Test
    void theFailureReportSpellsOutHiddenCharactersOfAMessage() {
        // (that Spring Boot uses it at all the validate-on-migrate test shows: the report it prints is this one's)
        FailureAnalysis analysis =
                new RetortFailureAnalyzer().analyze(new RetortException("server said \u001b[2Jgone\nfake line"));
        assertEquals(
                "Retort did not migrate the database: server said \\x{1b}[2Jgone\\nfake line",
                analysis.getDescription());
    }

    /** Upgrades to the first revision only, after noting what was pending. */
    @Configuration(proxyBeanMethods = false)
    static class FirstOnly {
        final List<String> pendingSeen = new ArrayList<>();

        @Bean
        RetortMigrationStrategy firstOnly() {
            return retort -> {
                retort.pending().forEach(node -> pendingSeen.add(node.id()));
                retort.upgrade(FIRST);
            };
        }
    }

    /** The application's pool on {@code db}, and a second one, on {@code other}, for Retort. */
    @Configuration(proxyBeanMethods = false)
    static class TwoDataSources {
        @Bean
        @Primary
        DataSource dataSource(Environment env) {
            return pool(env.getProperty("spring.datasource.url"));
        }

        @Bean
        @RetortDataSource
        DataSource migrationDataSource(Environment env) {
            return pool(env.getProperty("test.migration-url"));
        }

        private static DataSource pool(String url) {
            HikariDataSource pool = new HikariDataSource();
            pool.setJdbcUrl(url);
            return pool;
        }
    }

    private static List<String> history(TestDatabase database) throws Exception {
        return database.query("SELECT revision, direction FROM retort_version_history ORDER BY id");
    }

    private static List<String> names(JsonNode object) {
        return object.properties().stream().map(Map.Entry::getKey).toList();
    }

    private static List<String> texts(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(node -> values.add(node.asText()));
        return values;
    }

    /** The messages of an exception and its causes, one a line. */
    private static String causes(Throwable thrown) {
        StringBuilder messages = new StringBuilder();
        for (Throwable t = thrown; t != null; t = t.getCause())
            messages.append(t.getMessage()).append('\n');
        return messages.toString();
    }
}
