package dev.retort.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.retort.cli.config.Settings;
import dev.retort.lint.Rule;
import dev.retort.report.OperationKinds;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.Command;

/**
 * The README's tables name exactly what Retort has: the configuration keys it reads, the report's operation kinds, a
 * row of exit codes for every command.
 */
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

    /** The text of a README section: from its heading (with the hashes) to the next heading of its level or above. */
    static String section(String heading) throws IOException {
        String readme = Files.readString(README, StandardCharsets.UTF_8);
        int start = readme.indexOf("\n" + heading + "\n");
        int level = heading.indexOf(' ');
        Matcher next = Pattern.compile("\n#{1," + level + "} ").matcher(readme);
        return readme.substring(start, next.find(start + 1) ? next.start() : readme.length());
    }

    @Test
    void theOperationKindsAreTheReportsKinds() throws IOException {
        String row = section("## Machine-readable output")
                .lines()
                .filter(line -> line.startsWith("| `kind` | the operation's stable name"))
                .findFirst()
                .orElseThrow();
        Set<String> documented = new TreeSet<>();
        Matcher m = Pattern.compile("`([a-z-]+)`").matcher(row.substring("| `kind` |".length()));
        while (m.find()) documented.add(m.group(1));
        assertEquals(new TreeSet<>(OperationKinds.all().values()), documented);
    }

    @Test
    void theExitCodesTableHasARowForEveryCommand() throws IOException {
        Set<String> documented = new TreeSet<>();
        for (String line : section("### Exit codes").lines().toList()) {
            if (!line.startsWith("| `")) continue;
            Matcher m = Pattern.compile("`([a-z]+)`").matcher(line.substring(0, line.indexOf(" |", 2)));
            while (m.find()) documented.add(m.group(1));
        }
        Set<String> commands = new TreeSet<>(List.of("help"));
        for (Class<?> subcommand : RetortCommand.SUBCOMMANDS)
            commands.add(subcommand.getAnnotation(Command.class).name());
        assertEquals(commands, documented);
    }

    @Test
    void theLintRulesTableNamesEveryRuleWithItsDefaultSeverity() throws IOException {
        Map<String, String> documented = new TreeMap<>();
        for (String line : section("## Linting migrations").lines().toList()) {
            Matcher m =
                    Pattern.compile("^\\| `([a-z-]+)` \\| (error|warning) \\|").matcher(line);
            if (m.find()) documented.put(m.group(1), m.group(2));
        }
        Map<String, String> rules = new TreeMap<>();
        for (Rule rule : Rule.values())
            rules.put(rule.id(), rule.defaultSeverity().word());
        assertEquals(rules, documented);
    }
}
