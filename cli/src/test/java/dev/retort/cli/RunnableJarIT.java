package dev.retort.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.retort.fixtures.db.TestDatabase;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The shaded {@code retort.jar} as its own process: real exit codes, real streams, no stack trace, no log noise. */
class RunnableJarIT {
    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    @TempDir
    Path workDir;

    private record Outcome(int code, String out, String err) {}

    private Outcome run(String... args) throws IOException, InterruptedException {
        Path jar = Path.of(System.getProperty("retort.jar", "target/retort.jar"));
        assertTrue(Files.isRegularFile(jar), "built jar " + jar);
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar",
                jar.toAbsolutePath().toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile());
        builder.environment().put("XDG_CACHE_HOME", workDir.resolve(".cache").toString());
        Process process = builder.start();
        process.getOutputStream().close();
        assertTrue(process.waitFor(120, TimeUnit.SECONDS), "finishes");
        return new Outcome(
                process.exitValue(),
                new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8),
                new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
    }

    @Test
    void exitCodesAndStreams() throws Exception {
        Outcome init = run("init");
        assertEquals(ExitCode.OK, init.code(), init.err());
        Outcome revision = run("revision", "-m", "first", "--rev-id", "abc");
        assertEquals(ExitCode.OK, revision.code(), revision.err());
        assertEquals(new Outcome(ExitCode.OK, "abc (head)\n", ""), run("heads"));
        Outcome error = run("--url", "jdbc:postgresql://127.0.0.1:1/x", "current");
        assertEquals(ExitCode.ERROR, error.code());
        assertEquals("", error.out());
        assertTrue(error.err().startsWith("error: cannot connect to jdbc:postgresql://127.0.0.1:1/x: "), error.err());
        assertEquals(1, error.err().lines().count(), error.err());
        Outcome usage = run("upgrade");
        assertEquals(ExitCode.ERROR, usage.code());
        assertTrue(run("--version").out().startsWith("retort 0.1.0-SNAPSHOT"));
    }

    @Test
    void autogenerateFromTheJarIsQuiet() throws Exception {
        assertEquals(ExitCode.OK, run("init").code());
        Files.writeString(
                workDir.resolve("retort.properties"),
                String.join(
                        "\n",
                        "url = " + db.url(),
                        "entities.packages = dev.retort.fixtures.shop.v1",
                        "entities.classpath = " + Cli.fixturesClasses(),
                        "entities.naming = snake",
                        ""));
        Outcome revision = run("revision", "--autogenerate", "-m", "create");
        assertEquals(ExitCode.OK, revision.code(), revision.err());
        assertEquals("", revision.err(), "no Hibernate or driver log lines");
        assertTrue(revision.out().contains("Detected add table customers"), revision.out());
        Outcome upgrade = run("upgrade", "head");
        assertEquals(ExitCode.OK, upgrade.code(), upgrade.err());
        assertEquals(new Outcome(ExitCode.OK, "No new upgrade operations detected.\n", ""), run("check"));
    }

    @Test
    void theApplicationsOwnHibernateFromTheJar() throws Exception {
        db.reset();
        List<Path> six = LineExport.jars("6.6");
        db.execute(LineExport.createScript(
                six,
                Path.of(Cli.fixturesClasses()),
                "dev.retort.fixtures.boot.lines",
                Map.of(
                        "hibernate.physical_naming_strategy",
                        "org.hibernate.boot.model.naming.CamelCaseToUnderscoresNamingStrategy")));
        Files.writeString(
                workDir.resolve("retort.properties"),
                String.join(
                        "\n",
                        "url = " + db.url(),
                        "entities.packages = dev.retort.fixtures.boot.lines",
                        "entities.classpath = " + Cli.fixturesClasses() + ","
                                + six.stream().map(Path::toString).collect(Collectors.joining(",")),
                        "entities.naming = snake",
                        ""));
        Outcome check = run("check", "-v");
        assertEquals("", check.err(), "no Hibernate log lines");
        assertEquals(ExitCode.OK, check.code(), check.out());
        assertTrue(
                check.out().startsWith("Entities read by Hibernate ORM 6.6.15.Final (the application's: "),
                check.out());
        assertTrue(check.out().endsWith("\nNo new upgrade operations detected.\n"), check.out());
    }
}
