package dev.retort.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.retort.fixtures.db.TestDatabase;
import dev.retort.fixtures.shop.Shop;
import dev.retort.postgres.ScratchDatabases;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code check --dev}, {@code revision --autogenerate --dev}, {@code drift} and {@code test} through the real
 * command line, on scratch databases on the test server ({@code dev.url} is the test database).
 */
class DevDatabaseTest {
    @RegisterExtension
    static final TestDatabase live = new TestDatabase();

    @TempDir
    Path workDir;

    Cli cli;

    /** The scratch databases already on the server when the test began. */
    Set<String> before;

    @BeforeEach
    void project() throws SQLException {
        live.resetAllSchemas();
        cli = new Cli(workDir);
        before = Set.copyOf(scratchNames());
    }

    private void configure(String entities, String... more) {
        List<String> lines = new ArrayList<>(List.of(
                "url = " + live.url(),
                "dev.url = " + live.url(),
                "migrations.dir = migrations",
                "migrations.package = com.example.migrations"));
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

    /**
     * The scratch databases on the server now that were not there when the test began: another build's runs on the
     * same server (a second checkout's tests) come and go without touching the count.
     */
    private long scratchDatabases() throws SQLException {
        return scratchNames().stream().filter(name -> !before.contains(name)).count();
    }

    private static List<String> scratchNames() throws SQLException {
        return live.query("SELECT datname FROM pg_database WHERE datname LIKE 'retort\\_scratch\\_%'");
    }

    /** A migration in source form with the given statements up and down (raw SQL, as a hand-written one). */
    private void migration(String id, String revises, String up, String down) {
        cli.write("migrations/R" + id + ".java", """
                package com.example.migrations;
                @dev.retort.runtime.Revision(id = "%s"%s, message = "%s")
                public final class R%s implements dev.retort.runtime.Migration {
                    public void upgrade(dev.retort.runtime.Ops op) { %s }
                    public void downgrade(dev.retort.runtime.Ops op) { %s }
                }
                """.formatted(
                        id, revises == null ? "" : ", revises = \"" + revises + "\"", "revision " + id, id, up, down));
    }

    private static String execute(String... statements) {
        StringBuilder code = new StringBuilder();
        for (String sql : statements) code.append("op.execute(\"").append(sql).append("\"); ");
        return code.toString();
    }

    @Test
    void checkDevListsWhatCheckListsOverTheShopModels() throws SQLException {
        configure(Shop.V1);
        ok("revision", "--autogenerate", "-m", "shop v1");
        ok("upgrade", "head");
        assertEquals(Cli.CLEAN_CHECK, cli.run("check"));
        assertEquals(Cli.CLEAN_CHECK, cli.run("check", "--dev"));

        configure(Shop.V2);
        Cli.Result atHead = cli.run("check");
        assertEquals(ExitCode.FOUND, atHead.code(), atHead::toString);
        assertEquals(atHead, cli.run("check", "--dev"));

        // no url: the scratch database is the default
        cli.write("retort.properties", cli.read("retort.properties").replaceFirst("url = [^\\n]*\\n", ""));
        assertEquals(atHead, cli.run("check"));
        assertEquals(0, scratchDatabases());
    }

    @Test
    void autogenerateOnTheScratchDatabaseWritesTheMigrationOfADatabaseAtHead() throws IOException, SQLException {
        configure(Shop.V1);
        ok("revision", "--autogenerate", "-m", "shop v1");
        configure(Shop.V2);
        Cli.Result behind = cli.run("revision", "--autogenerate", "-m", "shop v2");
        assertEquals(ExitCode.ERROR, behind.code(), behind::toString);
        assertTrue(
                behind.err().endsWith("or 'retort revision --autogenerate --dev' to compare on a scratch database\n"),
                behind::toString);
        ok("revision", "--autogenerate", "--dev", "-m", "shop v2");
        ok("upgrade", "head");
        assertEquals(Cli.CLEAN_CHECK, cli.run("check"));
        try (Stream<Path> files = Files.list(workDir.resolve("migrations"))) {
            assertEquals(2, files.count());
        }
    }

    @TestFactory
    Stream<DynamicTest> checkDevListsWhatCheckListsOverTheChecklistScenarios() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        try (Stream<Path> files = Files.list(ChecklistScenarioTest.SCENARIOS)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".scenario"))
                    .sorted()
                    .toList()) {
                ChecklistScenarioTest.Scenario scenario = ChecklistScenarioTest.Scenario.parse(file);
                if (!scenario.has("entities")
                        || !scenario.section("options").isBlank()
                                && !scenario.section("options").strip().startsWith("schemas:")) continue;
                tests.add(DynamicTest.dynamicTest(scenario.title(), () -> sameOnScratch(scenario)));
            }
        }
        assertTrue(tests.size() >= 8, "entity scenarios found: " + tests.size());
        return tests.stream();
    }

    /** The scenario's database adopted by {@code baseline}, then {@code check} and {@code check --dev} compared. */
    private void sameOnScratch(ChecklistScenarioTest.Scenario scenario) throws Exception {
        live.resetAllSchemas();
        Files.createDirectories(workDir.resolve("migrations"));
        try (Stream<Path> old = Files.list(workDir.resolve("migrations"))) {
            for (Path file : old.toList()) Files.delete(file);
        }
        live.execute(scenario.section("db"));
        String packages = String.join(",", scenario.section("entities").strip().split("\\s+"));
        configure(packages, "schemas = " + String.join(",", scenario.schemas()));
        ok("baseline", "-m", "adopted");
        Cli.Result adopted = cli.run("check");
        assertEquals(scenario.expected().isEmpty() ? ExitCode.OK : ExitCode.FOUND, adopted.code(), adopted::toString);
        Cli.Result onScratch = cli.run("check", "--dev");
        // a dropped check is described by the database's text of it, and PostgreSQL prints a check it was given as
        // IN (...) otherwise than the same check replayed from its printed form; all else is the same
        assertEquals(withoutDroppedChecks(adopted), withoutDroppedChecks(onScratch));

        // the database at head as the migrations build it: exactly the same
        live.resetAllSchemas();
        ok("upgrade", "head");
        assertEquals(cli.run("check"), onScratch);
    }

    private static String withoutDroppedChecks(Cli.Result result) {
        return result.code() + "\n" + result.out().replaceAll("(?m)^  drop check (\\S+) .*$", "  drop check $1")
                + result.err();
    }

    @Test
    void aMigrationFailingOnTheScratchDatabaseIsNamedInOneLine() throws SQLException {
        configure(Shop.V1);
        migration("aaaa00000001", null, execute("CREATE TABLE t (id integer)"), execute("DROP TABLE t"));
        migration("aaaa00000002", "aaaa00000001", execute("ALTER TABLE missing ADD COLUMN x integer"), "");
        long scratchBefore = scratchDatabases();
        Cli.Result result = cli.run("check", "--dev");
        assertEquals(ExitCode.ERROR, result.code(), result::toString);
        assertEquals("", result.out());
        assertEquals(1, result.err().lines().count(), result::toString);
        assertTrue(
                result.err().startsWith("error: on the scratch database (dev.url): revision aaaa00000002"),
                result::toString);
        assertTrue(result.err().contains("relation \"missing\" does not exist"), result::toString);
        assertEquals(scratchBefore, scratchDatabases());
    }

    @Test
    void aScratchDatabaseLeftByAKilledRunIsDroppedByTheNextRun() throws Exception {
        configure(null);
        migration("bbbb00000001", null, execute("SELECT pg_sleep(60)"), "");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process killed = new ProcessBuilder(
                        java, "-cp", System.getProperty("java.class.path"), Main.class.getName(), "test")
                .directory(workDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(workDir.resolve("killed.log").toFile())
                .start();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (activeSleeps() == 0 && System.nanoTime() < deadline) Thread.sleep(100);
            assertNotEquals(0, activeSleeps(), () -> "the migration never started: " + cli.read("killed.log"));
        } finally {
            killed.destroyForcibly(); // SIGKILL: no shutdown hook runs
            killed.waitFor(30, TimeUnit.SECONDS);
        }
        assertEquals(1, scratchDatabases(), "the killed run's scratch database is still there");
        migration("bbbb00000001", null, execute("CREATE TABLE t (id integer)"), execute("DROP TABLE t"));
        ok("test");
        assertEquals(0, scratchDatabases());
    }

    @Test
    void aScratchDatabaseHeldByAnotherRunIsLeftAloneBySweeping() throws Exception {
        configure(null);
        migration("bbbb00000002", null, execute("CREATE TABLE t (id integer)"), execute("DROP TABLE t"));
        try (Connection server = live.connect()) {
            String held = ScratchDatabases.createHeld(server, ScratchDatabase.PREFIX);
            ok("test");
            assertEquals(1, scratchDatabases(), "the other run's scratch database is still there");
            ScratchDatabases.release(server, held);
        }
        assertEquals(0, scratchDatabases());
    }

    private static long activeSleeps() throws SQLException {
        return Long.parseLong(live.query("SELECT count(*) FROM pg_stat_activity WHERE query LIKE '%pg_sleep(60)%'"
                        + " AND datname LIKE 'retort\\_scratch\\_%'")
                .get(0));
    }

    @Test
    void driftFindsAHandAddedColumnIndexAndChangedDefault() throws SQLException {
        configure(null);
        migration(
                "cccc00000001",
                null,
                execute("CREATE TABLE accounts (id integer PRIMARY KEY, name varchar(40) DEFAULT 'nobody')"),
                execute("DROP TABLE accounts"));
        ok("upgrade", "head");
        assertEquals(
                new Cli.Result(
                        ExitCode.OK,
                        "No drift detected: the database is as its revisions (cccc00000001) make it.\n",
                        ""),
                cli.run("drift"));

        live.execute("ALTER TABLE accounts ADD COLUMN note text");
        live.execute("CREATE INDEX accounts_name ON accounts (name)");
        live.execute("ALTER TABLE accounts ALTER COLUMN name SET DEFAULT 'someone'");
        Cli.Result drifted = cli.run("drift");
        assertEquals(
                new Cli.Result(
                        ExitCode.FOUND,
                        String.join(
                                "\n",
                                "Drift detected: the database differs from what its revisions (cccc00000001) make, by:",
                                "  add column accounts.note text",
                                "  alter column accounts.name: default 'nobody'::character varying -> "
                                        + "'someone'::character varying",
                                "  add index accounts (name)",
                                ""),
                        ""),
                drifted);
        assertEquals(0, scratchDatabases());
    }

    @Test
    void driftOnADatabaseBehindHeadComparesWithItsOwnRevisions() throws SQLException {
        configure(null);
        migration("dddd00000001", null, execute("CREATE TABLE a (id integer)"), execute("DROP TABLE a"));
        ok("upgrade", "head");
        migration("dddd00000002", "dddd00000001", execute("CREATE TABLE b (id integer)"), execute("DROP TABLE b"));
        assertEquals(ExitCode.OK, cli.run("drift").code());
    }

    @Test
    void theStairwayPassesOnTheShopHistoryAndChecksTheEntities() throws SQLException {
        configure(Shop.V1);
        ok("revision", "--autogenerate", "-m", "shop v1");
        configure(Shop.V2);
        ok("revision", "--autogenerate", "--dev", "-m", "shop v2");
        assertEquals(
                new Cli.Result(
                        ExitCode.OK,
                        "Stairway passed: 2 revisions up, down and up again.\nNo new upgrade operations detected.\n",
                        ""),
                cli.run("test"));
        assertEquals(0, scratchDatabases());
    }

    @Test
    void forwardOnlyRevisionsAreReportedAndSkipped() {
        configure(null);
        migration("eeee00000001", null, execute("CREATE TABLE a (id integer)"), execute("DROP TABLE a"));
        cli.write("migrations/Reeee00000002.java", """
                package com.example.migrations;
                @dev.retort.runtime.Revision(id = "eeee00000002", revises = "eeee00000001", message = "one way")
                public final class Reeee00000002 implements dev.retort.runtime.Migration {
                    public void upgrade(dev.retort.runtime.Ops op) { op.execute("DROP TABLE a"); }
                    public void downgrade(dev.retort.runtime.Ops op) { throw new UnsupportedOperationException("data is gone"); }
                }
                """);
        Cli.Result result = ok("test");
        assertTrue(
                result.out().startsWith("forward-only, applied and not walked back: revision eeee00000002"),
                result::toString);
        assertTrue(result.out().endsWith("Stairway passed: 1 revisions up, down and up again.\n"), result::toString);
    }

    @Test
    void aDowngradeLeavingAnEnumTypeBehindFailsNamingTheRevision() {
        configure(null);
        migration("ffff00000001", null, execute("CREATE TABLE a (id integer)"), execute("DROP TABLE a"));
        migration(
                "ffff00000002",
                "ffff00000001",
                execute("CREATE TYPE mood AS ENUM ('happy', 'sad')", "ALTER TABLE a ADD COLUMN m mood"),
                execute("ALTER TABLE a DROP COLUMN m"));
        assertEquals(
                new Cli.Result(
                        ExitCode.FOUND,
                        "FAILED revision ffff00000002: its downgrade does not restore the schema its upgrade started"
                                + " from\n  drop enum mood\n",
                        ""),
                cli.run("test"));
    }

    @Test
    void aDowngradeNotRestoringAColumnFailsNamingTheRevision() {
        configure(null);
        migration("abab00000001", null, execute("CREATE TABLE a (id integer, note text)"), execute("DROP TABLE a"));
        migration("abab00000002", "abab00000001", execute("ALTER TABLE a DROP COLUMN note"), "");
        assertEquals(
                new Cli.Result(
                        ExitCode.FOUND,
                        "FAILED revision abab00000002: its downgrade does not restore the schema its upgrade started"
                                + " from\n  add column a.note text\n",
                        ""),
                cli.run("test"));
    }

    @Test
    void aDowngradeNotDroppingAnIndexFailsNamingTheRevisionAndFromSkipsTheOnesBefore() {
        configure(null);
        migration("cdcd00000001", null, execute("CREATE TABLE a (id integer)"), execute("DROP TABLE a"));
        migration("cdcd00000002", "cdcd00000001", execute("CREATE INDEX a_id ON a (id)"), "");
        String failure = "FAILED revision cdcd00000002: its downgrade does not restore the schema its upgrade started"
                + " from\n  drop index a (id)\n";
        assertEquals(new Cli.Result(ExitCode.FOUND, failure, ""), cli.run("test"));
        assertEquals(new Cli.Result(ExitCode.FOUND, failure, ""), cli.run("test", "--from", "cdcd00000002"));
        assertEquals(
                new Cli.Result(ExitCode.OK, "Stairway passed: 1 revisions up, down and up again.\n", ""),
                cli.run("test", "--to", "cdcd00000001"));
    }

    @Test
    void withUrlAndWithoutDevUrlTheErrorSaysHowToProvideOne() {
        cli.write(
                "retort.properties",
                "url = " + live.url() + "\nmigrations.dir = migrations\nmigrations.package = com.example.migrations\n");
        Cli.Result result = cli.run("test");
        assertEquals(ExitCode.ERROR, result.code(), result::toString);
        assertTrue(result.err().startsWith("error: no dev.url configured"), result::toString);
        assertEquals(1, result.err().lines().count(), result::toString);
    }
}
