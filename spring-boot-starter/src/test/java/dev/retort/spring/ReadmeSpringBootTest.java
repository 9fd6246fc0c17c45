package dev.retort.spring;

import static dev.retort.spring.ShopApp.FIRST;
import static dev.retort.spring.ShopApp.SECOND;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.retort.RetortException;
import dev.retort.fixtures.db.TestDatabase;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.net.URL;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.configurationmetadata.ConfigurationMetadataProperty;
import org.springframework.boot.configurationmetadata.ConfigurationMetadataRepository;
import org.springframework.boot.configurationmetadata.ConfigurationMetadataRepositoryJsonBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The README's Spring Boot section, kept true: its dependency, its properties, its table and its strategy. */
class ReadmeSpringBootTest {
    @RegisterExtension
    final TestDatabase db = TestDatabase.perTest();

    @Test
    void theDependencySnippetNamesTheStarter() throws IOException {
        String snippet = Readme.block("xml");
        String parent = Files.readString(Readme.repository().resolve("pom.xml"));
        String starter = Files.readString(Readme.repository().resolve("spring-boot-starter/pom.xml"));
        assertEquals(first(parent, "groupId"), first(snippet, "groupId"));
        assertEquals(first(parent, "version"), first(snippet, "version"));
        assertEquals(
                "retort-spring-boot-starter",
                starter.lines()
                        .filter(line -> line.startsWith("  <artifactId>"))
                        .map(line -> line.replaceAll(".*<artifactId>(.*)</artifactId>.*", "$1"))
                        .findFirst()
                        .orElseThrow());
        assertEquals("retort-spring-boot-starter", first(snippet, "artifactId"));
    }

    @Test
    void thePropertiesTableIsTheConfigurationMetadata() throws IOException {
        Map<String, String> documented = new TreeMap<>();
        for (List<String> row : Readme.propertyRows()) documented.put(unquote(row.get(0)), unquote(row.get(1)));
        Map<String, String> declared = new TreeMap<>();
        for (ConfigurationMetadataProperty property :
                metadata().getAllProperties().values()) {
            if (property.getId().startsWith("retort."))
                declared.put(property.getId(), spelling(property.getDefaultValue()));
        }
        assertEquals(declared, documented);
        declared.keySet()
                .forEach(id -> assertNotEquals(
                        null, metadata().getAllProperties().get(id).getDescription(), id + " has no description"));
    }

    @Test
    void theApplicationPropertiesSnippetStartsTheShopInItsSchema() throws Exception {
        Properties snippet = new Properties();
        snippet.load(new StringReader(Readme.block("properties")));
        List<String> settings = new ArrayList<>();
        snippet.forEach((key, value) -> settings.add(key + "=" + value));
        settings.add("spring.datasource.url=" + db.url()); // the test's database instead of the README's
        db.execute("CREATE SCHEMA shop"); // as the database's owner would, before the first migration
        try (ConfigurableApplicationContext app =
                ShopApp.start(db, List.of(ShopApp.ReadAtStartup.class), settings.toArray(String[]::new))) {
            assertEquals(List.of("Ada ada@example.com"), app.getBean(ShopApp.StartupReader.class).seen);
            RetortProperties bound = app.getBean(RetortProperties.class);
            assertEquals(Duration.ofMinutes(2), bound.getLockTimeout());
            assertEquals(List.of("shop"), bound.getSchemas());
        }
        assertEquals(List.of(SECOND), db.query("SELECT version_num FROM shop.shop_version"));
        assertEquals(
                List.of(FIRST + " upgrade", SECOND + " upgrade"),
                db.query("SELECT revision, direction FROM shop.shop_version_history ORDER BY id"));
        assertEquals(
                List.of("shop.customers null"),
                db.query("SELECT to_regclass('shop.customers'), to_regclass('public.customers')"));
    }

    @Test
    void theStrategySnippetStopsABehindDatabaseAndLetsAnUpToDateOneStart() throws Exception {
        String source = Files.readString(Readme.repository()
                .resolve("spring-boot-starter/src/test/java/dev/retort/spring/ReadmeSpringBootTest.java"));
        assertTrue(
                squeezed(source).contains(squeezed(Readme.block("java"))), "the README's strategy is UpToDateOnly's");

        Exception failed = assertThrows(
                Exception.class,
                () -> ShopApp.start(db, List.of(UpToDateOnly.class), "spring.jpa.hibernate.ddl-auto=none"));
        assertTrue(
                failed.getMessage().contains("the database is behind the application's migrations"),
                failed.getMessage());
        assertEquals(List.of("null"), db.query("SELECT to_regclass('customers')"));

        ShopApp.start(db, List.of()).close();
        ShopApp.start(db, List.of(UpToDateOnly.class)).close();
    }

    /** The README's strategy, word for word. */
    @Configuration(proxyBeanMethods = false)
    static class UpToDateOnly {
        @Bean
        RetortMigrationStrategy upToDateOnly() {
            return retort -> {
                if (!retort.pending().isEmpty()) {
                    throw new RetortException(
                            "the database is behind the application's migrations: run 'retort upgrade heads'");
                }
            };
        }
    }

    /** The metadata of every jar on the class path, the starter's among them. */
    private static ConfigurationMetadataRepository metadata() {
        try {
            ConfigurationMetadataRepositoryJsonBuilder builder = ConfigurationMetadataRepositoryJsonBuilder.create();
            Enumeration<URL> files = ReadmeSpringBootTest.class
                    .getClassLoader()
                    .getResources("META-INF/spring-configuration-metadata.json");
            while (files.hasMoreElements()) {
                try (InputStream in = files.nextElement().openStream()) {
                    builder.withJsonResource(in);
                }
            }
            return builder.build();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    /** A default as the table writes it: {@code —} for none, lists comma-separated, others as they are. */
    private static String spelling(Object value) {
        if (value == null) return "—";
        if (value instanceof Object[] values) {
            return List.of(values).stream().map(String::valueOf).collect(Collectors.joining(","));
        }
        if (value instanceof Boolean flag) return flag.toString();
        return String.valueOf(value);
    }

    private static String unquote(String cell) {
        return cell.startsWith("`") && cell.endsWith("`") ? cell.substring(1, cell.length() - 1) : cell;
    }

    private static String first(String xml, String element) {
        Matcher m =
                Pattern.compile("<" + element + ">([^<]*)</" + element + ">").matcher(xml);
        if (!m.find()) throw new AssertionError("no <" + element + "> in " + xml);
        return m.group(1);
    }

    /** The text with every run of white space made one space, so that formatting does not matter. */
    private static String squeezed(String text) {
        return text.replaceAll("\\s+", " ")
                .replace("( ", "(")
                .replace(" )", ")")
                .trim();
    }
}
