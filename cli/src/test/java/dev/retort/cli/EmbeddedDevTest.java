package dev.retort.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.retort.fixtures.db.TestDatabase;
import dev.retort.fixtures.shop.Shop;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code dev.url = embedded} (and no {@code url} nor {@code dev.url}) through the real command line: the same
 * operations as on the test server, and no server or run directory left after the command, nor after a
 * SIGKILL once the next run has swept.
 */
class EmbeddedDevTest {
    @RegisterExtension
    static final TestDatabase live = new TestDatabase();

    static final Path RUNS = Path.of(System.getProperty("java.io.tmpdir"));

    @TempDir
    Path workDir;

    Cli cli;

    @BeforeEach
    void project() throws SQLException {
        live.resetAllSchemas();
        cli = new Cli(workDir);
        // the user's cache, as a developer's runs share it: the binaries are unpacked once for all the tests
        cli.environment.remove("XDG_CACHE_HOME");
    }

    private void configure(String devUrl, String entities, String... more) {
        List<String> lines = new ArrayList<>(List.of(
                "url = " + live.url(), "migrations.dir = migrations", "migrations.package = com.example.migrations"));
        if (devUrl != null) lines.add("dev.url = " + devUrl);
        if (entities != null) {
            lines.add("entities.packages = " + entities);
            lines.add("entities.classpath = " + Cli.fixturesClasses());
        }
        lines.addAll(List.of(more));
        cli.write("retort.properties", String.join("\n", lines) + "\n");
    }

    private Cli.Result ok(String... args) {
        Cli.Result result = cli.run(args);
        assertEquals(ExitCode.OK, result.code(), result::toString);
        return result;
    }

    @Test
    void checkDevOnTheEmbeddedServerListsWhatTheTestServerLists() throws Exception {
        configure(live.url(), Shop.V1);
        ok("revision", "--autogenerate", "-m", "shop v1");
        configure(live.url(), Shop.V2);
        Cli.Result onServer = cli.run("check", "--dev");
        assertEquals(ExitCode.FOUND, onServer.code(), onServer::toString);
        List<Path> before = runDirectories();

        configure("embedded", Shop.V2);
        assertEquals(onServer, cli.run("check", "--dev"));
        assertEquals(before, runDirectories(), "the embedded server's run directory is gone");

        // neither url nor dev.url: the embedded server is the default
        cli.write("retort.properties", cli.read("retort.properties").replaceAll("(?m)^(dev\\.)?url = .*\\n", ""));
        assertEquals(onServer, cli.run("check"));
        ok("revision", "--autogenerate", "-m", "shop v2");
        assertEquals(Cli.CLEAN_CHECK, cli.run("check"));
        assertEquals(
                new Cli.Result(
                        ExitCode.OK,
                        "Stairway passed: 2 revisions up, down and up again.\nNo new upgrade operations detected.\n",
                        ""),
                cli.run("test"));
        assertEquals(before, runDirectories());
    }

    @TestFactory
    Stream<DynamicTest> checkDevOnTheEmbeddedServerListsWhatTheTestServerListsOverTheChecklistScenarios()
            throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        try (Stream<Path> files = Files.list(ChecklistScenarioTest.SCENARIOS)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".scenario"))
                    .sorted()
                    .toList()) {
                ChecklistScenarioTest.Scenario scenario = ChecklistScenarioTest.Scenario.parse(file);
                if (!scenario.has("entities")
                        || !scenario.section("options").isBlank()
                                && !scenario.section("options").strip().startsWith("schemas:")) continue;
                tests.add(DynamicTest.dynamicTest(scenario.title(), () -> sameOnEmbedded(scenario)));
            }
        }
        assertTrue(tests.size() >= 8, "entity scenarios found: " + tests.size());
        return tests.stream();
    }

    /** The scenario's database adopted by {@code baseline}, then {@code check --dev} on both servers compared. */
    private void sameOnEmbedded(ChecklistScenarioTest.Scenario scenario) throws Exception {
        live.resetAllSchemas();
        Files.createDirectories(workDir.resolve("migrations"));
        try (Stream<Path> old = Files.list(workDir.resolve("migrations"))) {
            for (Path file : old.toList()) Files.delete(file);
        }
        live.execute(scenario.section("db"));
        String packages = String.join(",", scenario.section("entities").strip().split("\\s+"));
        String schemas = "schemas = " + String.join(",", scenario.schemas());
        configure(live.url(), packages, schemas);
        ok("baseline", "-m", "adopted");
        Cli.Result onServer = cli.run("check", "--dev");
        configure("embedded", packages, schemas);
        assertEquals(onServer, cli.run("check", "--dev"));
    }

    @Test
    void theServerOfAKilledRunIsStoppedAndDeletedByTheNextRun() throws Exception {
        configure("embedded", null);
        migration("eeee00000001", "SELECT pg_sleep(60)");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process killed = new ProcessBuilder(
                        java, "-cp", System.getProperty("java.class.path"), Main.class.getName(), "test")
                .directory(workDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(workDir.resolve("killed.log").toFile())
                .start();
        Path run;
        long postmaster;
        try {
            run = awaitRunDirectory(killed.pid());
            postmaster = awaitPostmaster(run);
            if (isRoot()) assertEquals(uid("nobody"), Files.getAttribute(Path.of("/proc/" + postmaster), "unix:uid"));
        } finally {
            killed.destroyForcibly(); // SIGKILL: no shutdown hook runs
            killed.waitFor(30, TimeUnit.SECONDS);
        }
        assertTrue(Files.isDirectory(run), "the killed run's server directory is still there");
        assertTrue(ProcessHandle.of(postmaster).map(ProcessHandle::isAlive).orElse(false), "its server still runs");

        migration("eeee00000001", "CREATE TABLE t (id integer)");
        ok("test");
        assertFalse(Files.exists(run), "swept: " + run);
        assertTrue(gone(postmaster), "the killed run's server was stopped");
    }

    @Test
    void theEmbeddedCommandPrintsItsUrlAndKeepsTheServerUntilInterrupted() throws Exception {
        cli.write("retort.properties", "migrations.dir = migrations\n");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process command = new ProcessBuilder(
                        java, "-cp", System.getProperty("java.class.path"), Main.class.getName(), "embedded")
                .directory(workDir.toFile())
                .redirectError(workDir.resolve("embedded.err").toFile())
                .start();
        Path run;
        String url;
        try {
            url = new BufferedReader(new InputStreamReader(command.getInputStream(), StandardCharsets.UTF_8))
                    .readLine();
            assertTrue(
                    url != null && url.matches("jdbc:postgresql://127\\.0\\.0\\.1:[0-9]+/postgres\\?user=postgres"),
                    () -> url + "\n" + cli.read("embedded.err"));
            run = awaitRunDirectory(command.pid());
            try (Connection c = DriverManager.getConnection(url);
                    Statement st = c.createStatement();
                    ResultSet rs = st.executeQuery("SHOW server_version")) {
                assertTrue(rs.next());
                assertEquals("15.19", rs.getString(1));
            }
            assertTrue(command.isAlive(), "the server is kept");
        } finally {
            command.destroy(); // SIGTERM: the shutdown hook stops the server
            command.waitFor(30, TimeUnit.SECONDS);
        }
        assertTrue(
                cli.read("embedded.err")
                        .matches("Embedded PostgreSQL 15\\.19\\.0 on 127\\.0\\.0\\.1:[0-9]+ as \\S+, until"
                                + " interrupted\\.\n"),
                () -> cli.read("embedded.err"));
        assertFalse(Files.exists(run), "its run directory is gone");
        Properties quick = new Properties();
        quick.setProperty("connectTimeout", "2");
        assertThrows(SQLException.class, () -> DriverManager.getConnection(url, quick));
    }

    private void migration(String id, String up) {
        cli.write("migrations/R" + id + ".java", """
                package com.example.migrations;
                @dev.retort.runtime.Revision(id = "%s", message = "revision %s")
                public final class R%s implements dev.retort.runtime.Migration {
                    public void upgrade(dev.retort.runtime.Ops op) { op.execute("%s"); }
                    public void downgrade(dev.retort.runtime.Ops op) { op.execute("DROP TABLE IF EXISTS t"); }
                }
                """.formatted(id, id, id, up));
    }

    /** The run directories of embedded servers now in the temporary directory. */
    static List<Path> runDirectories() throws IOException {
        try (DirectoryStream<Path> runs = Files.newDirectoryStream(RUNS, "retort-embedded-*")) {
            List<Path> all = new ArrayList<>();
            runs.forEach(all::add);
            return all.stream().sorted().toList();
        }
    }

    private Path awaitRunDirectory(long pid) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            for (Path run : runDirectories()) {
                Properties owner = new Properties();
                try (var in = Files.newInputStream(run.resolve("owner"))) {
                    owner.load(in);
                } catch (IOException notYet) {
                    continue;
                }
                if (Long.toString(pid).equals(owner.getProperty("pid"))) return run;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the killed run started no server: " + cli.read("killed.log"));
    }

    private long awaitPostmaster(Path run) throws Exception {
        // a whole second JVM boots an embedded server here: on a loaded 2-core machine that took over 60 s once
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
        while (System.nanoTime() < deadline) {
            // the migration's sleep runs once the server is up and the scratch database made
            if (Files.exists(run.resolve("data/postmaster.pid"))
                    && cli.read("killed.log").isEmpty()) {
                List<String> lines = Files.readAllLines(run.resolve("data/postmaster.pid"));
                if (lines.size() > 7 && lines.get(7).strip().equals("ready")) {
                    Thread.sleep(1000);
                    return Long.parseLong(lines.get(0).strip());
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the killed run's server never came up: " + cli.read("killed.log"));
    }

    static boolean gone(long pid) throws InterruptedException {
        for (int i = 0; i < 50; i++) {
            if (!ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) return true;
            Thread.sleep(100);
        }
        return false;
    }

    static boolean isRoot() throws IOException {
        return ((Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid")) == 0;
    }

    static int uid(String user) throws Exception {
        Process id = new ProcessBuilder("id", "-u", user).start();
        return Integer.parseInt(new String(id.getInputStream().readAllBytes()).strip());
    }
}
