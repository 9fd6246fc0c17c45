package dev.retort.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.retort.fixtures.db.TestDatabase;
import java.io.IOException;
import java.io.StringWriter;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
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
 * with the README's {@code junit-platform.properties} (only the server changed to the test server).
 */
class ReadmeSnippetTest {
    private static final Path README =
            Path.of(System.getProperty("retort.repository.root", "..")).resolve("README.md");
    private static final String SECTION = "## Testing migrations with JUnit 5";

    @RegisterExtension
    static final TestDatabase server = new TestDatabase();

    @Test
    void theReadmeTestClassPassesAgainstTheSampleProject(@TempDir Path classes) throws Exception {
        String source = block("```java\n");
        Properties properties = new Properties();
        properties.load(new java.io.StringReader(block("```properties\n")));
        assertEquals("postgres", properties.getProperty(RetortExtension.USER_PARAMETER));
        assertTrue(properties.getProperty(RetortExtension.URL_PARAMETER).startsWith("jdbc:postgresql://"));

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
                    .configurationParameter(RetortExtension.URL_PARAMETER, server.url())
                    .configurationParameter(
                            RetortExtension.USER_PARAMETER, properties.getProperty(RetortExtension.USER_PARAMETER))
                    .execute();
            assertEquals(
                    Map.of(
                            "singleHead", "SUCCESSFUL",
                            "upgradesFromBase", "SUCCESSFUL",
                            "entitiesMatchMigrations", "SUCCESSFUL",
                            "downgradesRestore", "SUCCESSFUL"),
                    RetortContractFailureTest.outcomes(results));
        }
    }

    /** The first fenced block of that kind in the README's JUnit section. */
    private static String block(String fence) throws IOException {
        String readme = Files.readString(README, StandardCharsets.UTF_8);
        int section = readme.indexOf(SECTION);
        assertTrue(section >= 0, "the README has a section " + SECTION);
        int start = readme.indexOf(fence, section) + fence.length();
        return readme.substring(start, readme.indexOf("```\n", start));
    }
}
