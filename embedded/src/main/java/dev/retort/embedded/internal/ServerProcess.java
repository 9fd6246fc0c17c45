package dev.retort.embedded.internal;

import dev.retort.embedded.EmbeddedException;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** One of the server's programs ({@code initdb}, {@code pg_ctl}) run to its end as the server's user. */
final class ServerProcess {
    private ServerProcess() {}

    /**
     * Runs the command with its output appended to {@code log}; a non-zero exit or a time-out is an error
     * naming {@code what} with the log's last line (the server's own words, made visible).
     */
    static void run(ServerUser user, List<String> command, Path log, long timeoutSeconds, String what) {
        ProcessBuilder builder = new ProcessBuilder(user.command(command))
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        // the server reads no settings from Retort's environment
        builder.environment().keySet().removeIf(name -> name.startsWith("PG"));
        builder.environment().put("LC_ALL", "C");
        try {
            Process process = builder.start();
            if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new EmbeddedException(
                        "embedded PostgreSQL: " + what + " took more than " + timeoutSeconds + " s; see " + log);
            }
            if (process.exitValue() != 0)
                throw new EmbeddedException("embedded PostgreSQL: " + what + " failed (exit " + process.exitValue()
                        + "): " + lastLine(log));
        } catch (IOException e) {
            throw new EmbeddedException("embedded PostgreSQL: cannot run " + command.get(0) + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EmbeddedException("embedded PostgreSQL: interrupted during " + what, e);
        }
    }

    static String lastLine(Path log) {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.ISO_8859_1).stream()
                    .map(String::strip)
                    .filter(l -> !l.isEmpty())
                    .toList();
            String last = lines.isEmpty() ? "(no output)" : lines.get(lines.size() - 1);
            return last.replaceAll("[^\\x20-\\x7e]", "?");
        } catch (IOException e) {
            return "(no log at " + log + ")";
        }
    }
}
