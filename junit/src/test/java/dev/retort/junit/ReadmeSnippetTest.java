package dev.retort.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.retort.fixtures.db.MariaDbTestDatabase;
import dev.retort.fixtures.db.TestDatabase;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;

/**
 * The README's JUnit snippets are what a project writes: its test class is compiled from the README
 * as it stands and run through the JUnit Platform against the sample project's entities and migrations,
 * with the README's {@code junit-platform.properties} (only the server changed to the test server), on PostgreSQL
 * and on MariaDB.
 */
class ReadmeSnippetTest {
    private static final Path README =
            Path.of(System.getProperty("retort.repository.root", "..")).resolve("README.md");
    private static final String SECTION = "## Testing migrations with JUnit 5";

    @RegisterExtension
    static final TestDatabase server = new TestDatabase();

    @RegisterExtension
    final MariaDbTestDatabase mariaDb = new MariaDbTestDatabase();

    @Test
    void theReadmeTestClassPassesAgainstTheSampleProject(@TempDir Path classes) throws Exception {
        Properties properties = properties(block("```properties\n", 0));
        assertEquals("postgres", properties.getProperty(RetortExtension.USER_PARAMETER));
        assertTrue(properties.getProperty(RetortExtension.URL_PARAMETER).startsWith("jdbc:postgresql://"));
        assertEquals(
                Map.of(
                        "singleHead", "SUCCESSFUL",
                        "upgradesFromBase", "SUCCESSFUL",
                        "entitiesMatchMigrations", "SUCCESSFUL",
                        "downgradesRestore", "SUCCESSFUL"),
                runReadmeClass(
                        classes,
                        Map.of(
                                RetortExtension.URL_PARAMETER,
                                server.url(),
                                RetortExtension.USER_PARAMETER,
                                properties.getProperty(RetortExtension.USER_PARAMETER))));
    }

    /**
     * The README's MariaDB properties name the local server as the MariaDB tests' default does, and the same class
     * passes there (on the server {@code RETORT_TEST_MARIADB_URL} names, when one is set).
     */
    @Test
    void theReadmeTestClassPassesOnMariaDbWithTheReadmesUrl(@TempDir Path classes) throws Exception {
        Properties properties = properties(block("```properties\n", 1));
        String url = properties.getProperty(RetortExtension.URL_PARAMETER);
        assertEquals(MariaDbTestDatabase.DEFAULT_URL, url);
        assertEquals(Set.of(RetortExtension.URL_PARAMETER), properties.stringPropertyNames());
        assertEquals(
                Map.of(
                        "singleHead", "SUCCESSFUL",
                        "upgradesFromBase", "SUCCESSFUL",
                        "entitiesMatchMigrations", "SUCCESSFUL",
                        "downgradesRestore", "SUCCESSFUL"),
                runReadmeClass(classes, Map.of(RetortExtension.URL_PARAMETER, mariaDb.url())));
    }

    /** The README's test class compiled as it stands, run through the JUnit Platform with those parameters. */
    private Map<String, String> runReadmeClass(Path classes, Map<String, String> parameters) throws Exception {
        String source = block("```java\n", 0);
        Path file = classes.resolve("com/example/shop/MigrationsTest.java");
        Files.createDirectories(file.getParent());
        Files.writeString(file, source, StandardCharsets.UTF_8);
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        StringWriter errors = new StringWriter();
        List<String> options =
                List.of("-d", classes.toString(), "-proc:none", "-classpath", System.getProperty("java.class.path"));
        boolean compiled = compiler.getTask(
                        errors,
                        null,
                        null,
                        options,
                        null,
                        compiler.getStandardFileManager(null, null, null).getJavaFileObjects(file.toFile()))
                .call();
        assertTrue(compiled, () -> errors + "\n" + source);

        try (URLClassLoader loader = new URLClassLoader(
                new URL[] {classes.toUri().toURL()}, getClass().getClassLoader())) {
            Class<?> test = loader.loadClass("com.example.shop.MigrationsTest");
            EngineExecutionResults results = EngineTestKit.engine("junit-jupiter")
                    .selectors(selectClass(test))
                    .configurationParameters(parameters)
                    .execute();
            return RetortContractFailureTest.outcomes(results);
        }
    }

    private static Properties properties(String text) throws IOException {
        Properties properties = new Properties();
        properties.load(new StringReader(text));
        return properties;
    }

    /** The fenced block of that kind in the README's JUnit section, counting from 0. */
    private static String block(String fence, int index) throws IOException {
        String readme = Files.readString(README, StandardCharsets.UTF_8);
        int section = readme.indexOf(SECTION);
        assertTrue(section >= 0, "the README has a section " + SECTION);
        int end = readme.indexOf("\n## ", section + SECTION.length());
        int start = section;
        for (int i = 0; i <= index; i++) {
            start = readme.indexOf(fence, start);
            assertTrue(start >= 0 && start < end, "the README's JUnit section has " + (index + 1) + " " + fence);
            start += fence.length();
        }
        return readme.substring(start, readme.indexOf("```\n", start));
    }
}
