package dev.retort.cli.startup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.retort.cli.Cli;
import dev.retort.cli.ExitCode;
import dev.retort.fixtures.db.MariaDbTestDatabase;
import dev.retort.fixtures.db.TestDatabase;
import dev.retort.fixtures.shop.Shop;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher's class-data archive, on a copy of the built jar: trained on the first run, used by
 * the next for the classes a command loads (picocli's, Retort's, Hibernate's and the driver's; on MariaDB
 * jOOQ-meta's and the MariaDB driver's), and neither made nor used when switched off, with the same output.
 */
class ArchiveIT {
    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    @RegisterExtension
    final MariaDbTestDatabase mariaDb = new MariaDbTestDatabase(2);

    @TempDir
    Path workDir;

    private record Outcome(int code, String out, String err) {}

    private Outcome launch(Path jar, Map<String, String> environment, String... args)
            throws IOException, InterruptedException {
        Path launcher = Path.of(System.getProperty("retort.repository.root", ".."))
                .resolve("retort")
                .toAbsolutePath();
        List<String> command = new ArrayList<>(List.of("bash", launcher.toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile());
        builder.environment().put("XDG_CACHE_HOME", workDir.resolve(".cache").toString());
        builder.environment().put("RETORT_JAR", jar.toString());
        builder.environment().putAll(environment);
        builder.redirectOutput(workDir.resolve("out.log").toFile());
        builder.redirectError(workDir.resolve("err.log").toFile());
        Process process = builder.start();
        process.getOutputStream().close();
        assertTrue(process.waitFor(300, TimeUnit.SECONDS), "finishes");
        return new Outcome(
                process.exitValue(),
                Files.readString(workDir.resolve("out.log"), StandardCharsets.UTF_8),
                Files.readString(workDir.resolve("err.log"), StandardCharsets.UTF_8));
    }

    private Path copyOfTheJar(String directory) throws IOException {
        Path built =
                Path.of(System.getProperty("retort.jar", "target/retort.jar")).toAbsolutePath();
        assertTrue(Files.isRegularFile(built), "built jar " + built);
        Path copy = Files.createDirectories(workDir.resolve(directory)).resolve("retort.jar");
        Files.copy(built, copy);
        return copy;
    }

    @Test
    void trainedOnceThenUsedAndOffWhenSwitchedOff() throws Exception {
        new Cli(workDir).configure(db, Shop.V1, "snake");
        Path jar = copyOfTheJar("on");
        Path archive = jar.resolveSibling("retort.jar.jsa");
        Outcome first = launch(jar, Map.of(), "check");
        assertTrue(Files.isRegularFile(archive), "the training run made " + archive + "; " + first);

        Path loads = workDir.resolve("class-load.log");
        Outcome traced = launch(jar, Map.of("RETORT_JAVA_OPTS", "-Xlog:class+load=info:file=" + loads), "check");
        assertEquals(first, traced);
        List<String> lines = Files.readAllLines(loads);
        for (String name : List.of(
                "picocli.CommandLine",
                "dev.retort.cli.CheckCommand",
                "dev.retort.cli.startup.EarlyEntityRead",
                "org.hibernate.boot.MetadataSources",
                "org.postgresql.core.v3.QueryExecutorImpl")) {
            assertTrue(
                    lines.stream().anyMatch(line -> line.contains("] " + name + " source: shared objects file")),
                    () -> name + " from the archive: "
                            + lines.stream()
                                    .filter(line -> line.contains("] " + name + " "))
                                    .toList());
        }

        Path jsonLoads = workDir.resolve("json-class-load.log");
        Outcome json = launch(
                jar,
                Map.of("RETORT_JAVA_OPTS", "-Xlog:class+load=info:file=" + jsonLoads),
                "check",
                "--format",
                "json");
        assertEquals(ExitCode.FOUND, json.code(), json::toString);
        List<String> jsonLines = Files.readAllLines(jsonLoads);
        for (String name :
                List.of("dev.retort.report.PlanJson", "com.fasterxml.jackson.core.json.WriterBasedJsonGenerator")) {
            assertTrue(
                    jsonLines.stream().anyMatch(line -> line.contains("] " + name + " source: shared objects file")),
                    () -> name + " from the archive: "
                            + jsonLines.stream()
                                    .filter(line -> line.contains("] " + name + " "))
                                    .toList());
        }

        // the MariaDB catalog read: jOOQ-meta's, run by the training against jOOQ's MockConnection, and the driver's
        mariaDb.execute(1, "CREATE TABLE t (id int PRIMARY KEY)");
        Path mariaDbLoads = workDir.resolve("mariadb-class-load.log");
        Outcome diff = launch(
                jar,
                Map.of("RETORT_JAVA_OPTS", "-Xlog:class+load=info:file=" + mariaDbLoads),
                "diff",
                "--from",
                mariaDb.url(0),
                "--to",
                mariaDb.url(1));
        assertEquals(ExitCode.FOUND, diff.code(), diff::toString);
        List<String> mariaDbLines = Files.readAllLines(mariaDbLoads);
        for (String name : List.of(
                "org.jooq.meta.mariadb.MariaDBDatabase",
                "org.jooq.impl.SelectQueryImpl",
                "org.mariadb.jdbc.client.impl.StandardClient")) {
            assertTrue(
                    mariaDbLines.stream().anyMatch(line -> line.contains("] " + name + " source: shared objects file")),
                    () -> name + " from the archive: "
                            + mariaDbLines.stream()
                                    .filter(line -> line.contains("] " + name + " "))
                                    .toList());
        }

        Path offJar = copyOfTheJar("off");
        for (String variable : List.of(StartupSwitch.ARCHIVE.variable(), StartupSwitch.ALL, "RETORT_CDS")) {
            assertEquals(first, launch(offJar, Map.of(variable, "off"), "check"), variable);
            assertFalse(Files.exists(offJar.resolveSibling("retort.jar.jsa")), variable);
        }
        assertEquals(ExitCode.FOUND, first.code(), first::toString);
    }
}
