package dev.retort.adversarial;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.retort.fixtures.db.TestDatabase;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** Applies a script with psql as a user would: no psqlrc, stop at the first error. */
final class Psql {
    private Psql() {}

    /** Runs the script and returns what psql printed; fails the test when psql fails. */
    static String run(TestDatabase db, Path dir, String script) throws IOException, InterruptedException {
        Path file = Files.writeString(dir.resolve("script-" + System.nanoTime() + ".sql"), script, StandardCharsets.UTF_8);
        Process process = new ProcessBuilder("psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", "-d", db.url().substring("jdbc:".length()),
                "-f", file.toString()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, process.exitValue(), () -> "psql failed:\n" + output + "\n--- script\n" + script);
        return output;
    }
}
