package dev.retort.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The README's {@code <plugin>} block is the one the sample project of the integration tests builds with. */
class ReadmeSnippetTest {
    static final Path ROOT = Path.of(System.getProperty("retort.repository.root", ".."));

    @Test
    void theReadmesPluginBlockIsTheSampleProjects() throws IOException {
        String readme = Files.readString(ROOT.resolve("README.md"));
        int section = readme.indexOf("\n## Maven plugin\n");
        assertTrue(section >= 0, "README has a Maven plugin section");
        int start = readme.indexOf("```xml\n", section) + "```xml\n".length();
        String snippet = readme.substring(start, readme.indexOf("```", start));

        String pom = Files.readString(ROOT.resolve("maven-plugin/src/it/spring-style/pom.xml"));
        int artifact = pom.indexOf("<artifactId>retort-maven-plugin</artifactId>");
        int from = pom.lastIndexOf("<plugin>", artifact);
        int to = pom.indexOf("</plugin>", artifact) + "</plugin>".length();
        String block = pom.substring(from, to).replace("@project.version@", System.getProperty("retort.version"));

        assertEquals(lines(block), lines(snippet));
    }

    /** The lines without their indentation, which differs between a pom and the README. */
    private static List<String> lines(String xml) {
        return xml.lines().map(String::strip).filter(line -> !line.isEmpty()).toList();
    }
}
