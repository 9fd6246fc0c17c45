package dev.retort.adversarial;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.retort.fixtures.db.TestDatabase;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** Applies an offline script with psql as the README says: {@code psql -X -v ON_ERROR_STOP=1 -f FILE}. */
final class Psql {
    /** The exit code and everything psql printed. */
    record Result(int code, String output) {}

    private Psql() {}

    static Result apply(TestDatabase db, Path directory, String script) throws IOException, InterruptedException {
        Path file = Files.writeString(
                directory.resolve("script-" + System.nanoTime() + ".sql"), script, StandardCharsets.UTF_8);
        Process process = new ProcessBuilder(
                        "psql",
                        "-X",
                        "-q",
                        "-v",
                        "ON_ERROR_STOP=1",
                        "-d",
                        db.url().substring("jdbc:".length()),
                        "-f",
                        file.toString())
                .redirectErrorStream(true)
                .start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("psql did not finish within 60 s");
        }
        return new Result(process.exitValue(), output);
    }

    /** Runs the script and returns what psql printed; fails the test when psql fails. */
    static String run(TestDatabase db, Path directory, String script) throws IOException, InterruptedException {
        Result result = apply(db, directory, script);
        assertEquals(0, result.code(), () -> "psql failed:\n" + result.output() + "\n--- script\n" + script);
        return result.output();
    }
}
