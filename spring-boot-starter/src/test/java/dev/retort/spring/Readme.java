package dev.retort.spring;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The README's "Spring Boot" section and its fenced blocks, for the tests that keep them true. */
final class Readme {
    private Readme() {}

    static Path repository() {
        return Path.of(System.getProperty("retort.repository.root", ".."));
    }

    /** The section from its heading to the next second-level heading. */
    static String springBootSection() throws IOException {
        String readme = Files.readString(repository().resolve("README.md"));
        int start = readme.indexOf("\n## Spring Boot\n");
        if (start < 0) throw new AssertionError("README.md has no \"## Spring Boot\" section");
        int end = readme.indexOf("\n## ", start + 1);
        return readme.substring(start, end < 0 ? readme.length() : end);
    }

    /** The one fenced block of the section in this language, without its fences. */
    static String block(String language) throws IOException {
        String section = springBootSection();
        String fence = "```" + language + "\n";
        int start = section.indexOf(fence);
        if (start < 0 || section.indexOf(fence, start + 1) >= 0) {
            throw new AssertionError("the Spring Boot section should have exactly one " + language + " block");
        }
        int end = section.indexOf("\n```", start + fence.length());
        return section.substring(start + fence.length(), end + 1);
    }

    /** The rows of the section's properties table: each row's cells, trimmed. */
    static List<List<String>> propertyRows() throws IOException {
        List<List<String>> rows = new ArrayList<>();
        for (String line : springBootSection().split("\n")) {
            if (!line.startsWith("| `retort.")) continue;
            List<String> cells = new ArrayList<>();
            for (String cell : line.substring(1, line.length() - 1).split("\\|")) cells.add(cell.trim());
            rows.add(cells);
        }
        return rows;
    }
}
