package dev.retort.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/** The mariadb (or mysql) command-line client applying a {@code --sql} script as a user does, with {@code --batch}. */
final class MariaDbClient {
    /** What the client did: its exit code (it stops at the first error) and what it printed. */
    record Result(int code, String output) {}

    private MariaDbClient() {}

    /** Runs a script in a database of the test server, its files in {@code workDir}; skipped without a client. */
    static Result run(Path workDir, String database, String script) throws Exception {
        return run(workDir, "jdbc:mariadb://127.0.0.1:3306/", database, script);
    }

    /** The same on the server of {@code url} (its host, port and password). */
    static Result run(Path workDir, String url, String database, String script) throws Exception {
        java.util.regex.Matcher port =
                java.util.regex.Pattern.compile("//([^/:]+):(\\d+)").matcher(url);
        boolean found = port.find();
        String host = found ? port.group(1) : "127.0.0.1";
        String at = found ? port.group(2) : "3306";
        java.util.regex.Matcher password =
                java.util.regex.Pattern.compile("[?&]password=([^&]*)").matcher(url);
        String program = Stream.of("mariadb", "mysql")
                .filter(name -> Stream.of(System.getenv("PATH").split(File.pathSeparator))
                        .anyMatch(dir -> Files.isExecutable(Path.of(dir, name))))
                .findFirst()
                .orElse(null);
        Assumptions.assumeTrue(program != null || "true".equals(System.getenv("CI")), "no mariadb client installed");
        Path file = workDir.resolve("script.sql");
        Files.writeString(file, script);
        Path log = workDir.resolve("client.log");
        ProcessBuilder builder =
                new ProcessBuilder(program, "--batch", "-h", host, "-P", at, "--protocol=TCP", "-u", "root", database);
        // a container's root password through the environment, not the command line
        if (password.find()) builder.environment().put("MYSQL_PWD", password.group(1));
        Process process = builder.redirectInput(file.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        assertTrue(process.waitFor(60, TimeUnit.SECONDS));
        return new Result(process.exitValue(), Files.readString(log));
    }
}
