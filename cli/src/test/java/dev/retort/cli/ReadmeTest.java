package dev.retort.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.retort.cli.config.Settings;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The README's configuration table names exactly the keys Retort reads. */
class ReadmeTest {
    private static final Path README =
            Path.of(System.getProperty("retort.repository.root", "..")).resolve("README.md");

    /** A row of the table: its first cell holds one or more keys in backquotes. */
    private static final Pattern KEY = Pattern.compile("`([a-z][a-z.-]*)`");

    @Test
    void configurationTableNamesEveryKeyAndNoOther() throws IOException {
        String readme = Files.readString(README, StandardCharsets.UTF_8);
        int start = readme.indexOf("\n## Configuration\n");
        String section = readme.substring(start, readme.indexOf("\n## ", start + 1));
        Set<String> documented = new TreeSet<>();
        for (String line : section.lines().toList()) {
            if (!line.startsWith("| `")) continue;
            Matcher m = KEY.matcher(line.substring(0, line.indexOf(" |", 2)));
            while (m.find()) documented.add(m.group(1));
        }
        assertEquals(new TreeSet<>(Settings.KEYS), documented);
    }
}
