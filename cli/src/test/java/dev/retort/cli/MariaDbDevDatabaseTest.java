package dev.retort.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.retort.fixtures.db.MariaDbTestDatabase;
import dev.retort.fixtures.shop.Shop;
import dev.retort.mariadb.MariaDbScratchDatabases;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The dev database on a MariaDB server, through the real command line, as {@link DevDatabaseTest} on PostgreSQL:
 * {@code check --dev} and {@code revision --autogenerate --dev} on a scratch database the MariaDB runner upgrades to
 * the heads, the stairway ({@code retort test}) with the catalog read by {@code MariaDbIntrospector}, and scratch
 * databases held by a {@code GET_LOCK} of their name, so that one left by a killed run is swept by the next.
 */
class MariaDbDevDatabaseTest {
    @RegisterExtension
    final MariaDbTestDatabase db = server();

    /** The server the test's databases are made on. */
    MariaDbTestDatabase server() {
        return new MariaDbTestDatabase();
    }

    @TempDir
    Path workDir;

    Cli cli;

    /** The scratch databases already on the server when the test began (another checkout's runs). */
    Set<String> before;

    @BeforeEach
    void project() throws SQLException {
        cli = new Cli(workDir);
        before = Set.copyOf(scratchNames());
    }

    /** The database at url, the server's scratch databases made from dev.url (the same server). */
    private void configure(String entities, String... more) {
        List<String> lines = new ArrayList<>(List.of(
                "url = " + db.url(),
                "dev.url = " + db.url(),
                "migrations.dir = migrations",
                "migrations.package = com.example.migrations",
                "safety = simple"));
        if (entities != null) {
            lines.add("entities.packages = " + entities);
            lines.add("entities.classpath = " + Cli.fixturesClasses());
            lines.add("entities.naming = snake");
        }
        lines.addAll(List.of(more));
        cli.write("retort.properties", String.join("\n", lines) + "\n");
    }

    private Cli.Result ok(String... args) {
        Cli.Result result = cli.run(args);
        assertEquals(ExitCode.OK, result.code(), result::toString);
        return result;
    }

    private long scratchDatabases() throws SQLException {
        return scratchNames().stream().filter(name -> !before.contains(name)).count();
    }

    private List<String> scratchNames() throws SQLException {
        return query("SELECT SCHEMA_NAME FROM information_schema.SCHEMATA"
                + " WHERE SCHEMA_NAME LIKE 'retort\\_scratch\\_%'");
    }

    private List<String> query(String sql) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection c = db.connect();
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) rows.add(rs.getString(1));
        }
        return rows;
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
        assertTrue(atHead.out().contains("add table reviews"), atHead::toString);
        assertEquals(atHead, cli.run("check", "--dev"));

        // no url: the scratch database on dev.url's MariaDB server is the one compared
        cli.write("retort.properties", cli.read("retort.properties").replaceFirst("url = [^\\n]*\\n", ""));
        assertEquals(atHead, cli.run("check"));
        Cli.Result json = cli.run("check", "--format", "json");
        assertEquals(ExitCode.FOUND, json.code(), json::toString);
        assertTrue(json.out().contains("\"CREATE TABLE `reviews`"), json::toString);
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

        ok("revision", "--autogenerate", "--dev", "--rev-id", "bbbb00000002", "-m", "shop v2");
        Path generated = single("bbbb00000002");
        String onScratch = withoutCreateDate(Files.readString(generated));
        Files.delete(generated);
        ok("upgrade", "head");
        ok("revision", "--autogenerate", "--rev-id", "bbbb00000002", "-m", "shop v2");
        assertEquals(onScratch, withoutCreateDate(Files.readString(single("bbbb00000002"))));
        assertTrue(onScratch.contains("reviews"), onScratch);

        ok("upgrade", "head");
        assertEquals(Cli.CLEAN_CHECK, cli.run("check"));
        assertEquals(0, scratchDatabases());
    }

    private Path single(String id) throws IOException {
        try (Stream<Path> files = Files.list(workDir.resolve("migrations"))) {
            List<Path> found =
                    files.filter(f -> f.getFileName().toString().contains(id)).toList();
            assertEquals(1, found.size(), found::toString);
            return found.get(0);
        }
    }

    /** The source without the line naming when it was written, the one thing two runs may differ in. */
    private static String withoutCreateDate(String source) {
        return source.replaceAll("(?m)^.*\\d{4}-\\d{2}-\\d{2}[T ]\\d{2}:\\d{2}.*$", "");
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
        assertEquals(List.of(), query("SHOW TABLES"), "the database at url is left alone");
        assertEquals(0, scratchDatabases());
    }

    /**
     * A foreign key added to a table that exists, with no index on its column: MariaDB's {@code ADD FOREIGN KEY}
     * makes one under the key's name, and the downgrade's drop takes it too, so the stairway finds the schema the
     * upgrade started from.
     */
    @Test
    void theStairwayPassesOverAForeignKeyAddedToATableThatExists() throws SQLException {
        configure(null);
        migration(
                "cdcd00000001",
                null,
                execute(
                        "CREATE TABLE owners (id int PRIMARY KEY)",
                        "CREATE TABLE pets (id int PRIMARY KEY, owner_id int)"),
                execute("DROP TABLE pets", "DROP TABLE owners"));
        String key = "dev.retort.runtime.Ops.foreignKey(\"owner_id\").references(\"owners\", \"id\")"
                + ".named(\"pets_owner_fk\")";
        migration(
                "cdcd00000002",
                "cdcd00000001",
                "op.addForeignKey(\"pets\", " + key + ");",
                "op.dropForeignKey(\"pets\", " + key + ");");
        assertEquals(
                new Cli.Result(ExitCode.OK, "Stairway passed: 2 revisions up, down and up again.\n", ""),
                cli.run("test"));
        assertEquals(0, scratchDatabases());
    }

    @Test
    void aDowngradeNotRestoringAColumnFailsNamingTheRevision() throws SQLException {
        configure(null);
        migration(
                "abab00000001",
                null,
                execute("CREATE TABLE a (id integer, note varchar(20))"),
                execute("DROP TABLE a"));
        migration("abab00000002", "abab00000001", execute("ALTER TABLE a DROP COLUMN note"), "");
        assertEquals(
                new Cli.Result(
                        ExitCode.FOUND,
                        "FAILED revision abab00000002: its downgrade does not restore the schema its upgrade started"
                                + " from\n  add column a.note varchar(20)\n",
                        ""),
                cli.run("test"));
        assertEquals(
                new Cli.Result(ExitCode.OK, "Stairway passed: 1 revisions up, down and up again.\n", ""),
                cli.run("test", "--to", "abab00000001"));
        assertEquals(0, scratchDatabases());
    }

    @Test
    void aScratchDatabaseLeftByAKilledRunIsDroppedByTheNextRun() throws Exception {
        configure(null);
        migration("bbbb00000001", null, execute("DO SLEEP(60)"), "");
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

    private long activeSleeps() throws SQLException {
        return Long.parseLong(query("SELECT count(*) FROM information_schema.PROCESSLIST WHERE INFO LIKE"
                        + " '%SLEEP(60)%' AND DB LIKE 'retort\\_scratch\\_%'")
                .get(0));
    }

    @Test
    void aScratchDatabaseHeldByAnotherRunIsLeftAloneBySweeping() throws Exception {
        configure(null);
        migration("bbbb00000002", null, execute("CREATE TABLE t (id integer)"), execute("DROP TABLE t"));
        try (Connection server = db.connect()) {
            String held = MariaDbScratchDatabases.createHeld(server, ScratchDatabase.PREFIX);
            ok("test");
            assertEquals(1, scratchDatabases(), "the other run's scratch database is still there");
            MariaDbScratchDatabases.release(server, held);
        }
        assertEquals(0, scratchDatabases());
    }

    @Test
    void withAMariaDbUrlTheDevDatabaseMustBeAMariaDbServer() {
        cli.write(
                "retort.properties",
                "url = " + db.url() + "\nmigrations.dir = migrations\nmigrations.package = com.example.migrations\n");
        Cli.Result unset = cli.run("test");
        assertEquals(ExitCode.ERROR, unset.code(), unset::toString);
        assertTrue(unset.err().startsWith("error: no dev.url configured"), unset::toString);
        assertEquals(1, unset.err().lines().count(), unset::toString);
        Cli.Result drift = cli.run("drift");
        assertEquals(ExitCode.ERROR, drift.code(), drift::toString);
        assertTrue(drift.err().startsWith("error: no dev.url configured"), drift::toString);
        assertEquals(1, drift.err().lines().count(), drift::toString);

        cli.write("retort.properties", cli.read("retort.properties") + "dev.url = embedded\n");
        Cli.Result embedded = cli.run("check", "--dev");
        assertEquals(ExitCode.ERROR, embedded.code(), embedded::toString);
        assertTrue(
                embedded.err()
                        .startsWith("error: dev.url = embedded: the embedded server is PostgreSQL, and url is a"
                                + " MariaDB database; set dev.url to a MariaDB server"),
                embedded::toString);
        assertEquals(1, embedded.err().lines().count(), embedded::toString);
    }
}
