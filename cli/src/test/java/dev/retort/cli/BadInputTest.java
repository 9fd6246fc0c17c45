package dev.retort.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.retort.cli.config.Settings;
import dev.retort.fixtures.db.TestDatabase;
import dev.retort.fixtures.shop.Shop;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Every kind of bad input gives one clear line on stderr and exit 2, and never shows a password. */
class BadInputTest {
    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    private static final String PASSWORD = "Sekr3t-Pa55word";

    @TempDir
    Path workDir;

    Cli cli;

    @BeforeEach
    void project() throws SQLException {
        db.reset();
        cli = new Cli(workDir);
        cli.configure(db, Shop.V1, "snake");
        cli.environment.put("RETORT_PASSWORD", PASSWORD);
    }

    /** Asserts exit 2 and a single stderr line equal to the expected one, with no password anywhere. */
    private static void assertError(String expected, Cli.Result result) {
        assertEquals(ExitCode.ERROR, result.code(), result::toString);
        assertEquals(expected, result.err().stripTrailing(), result::toString);
        assertEquals(1, result.err().lines().count(), result::toString);
        assertFalse(result.out().contains(PASSWORD) || result.err().contains(PASSWORD), "password shown");
    }

    private String revision(String id, String message) {
        Cli.Result r = cli.run("revision", "-m", message, "--rev-id", id);
        assertEquals(ExitCode.OK, r.code(), r::toString);
        return id;
    }

    @Test
    void unknownRevision() {
        revision("a1b2c3d4e5f6", "first");
        assertError("error: no such revision: ffff", cli.run("upgrade", "ffff"));
        assertError("error: no such revision: ffff", cli.run("downgrade", "ffff"));
    }

    @Test
    void ambiguousRevisionPrefix() {
        revision("ab0000000001", "first");
        cli.write("migrations/Other.java", """
                package com.example.migrations;
                @dev.retort.runtime.Revision(id = "ab0000000002", revises = "ab0000000001", message = "second")
                public final class Other implements dev.retort.runtime.Migration {
                    public void upgrade(dev.retort.runtime.Ops op) { }
                    public void downgrade(dev.retort.runtime.Ops op) { }
                }
                """);
        assertError(
                "error: revision prefix ab is ambiguous: matches ab0000000001, ab0000000002", cli.run("upgrade", "ab"));
    }

    @Test
    void unreachableDatabase() {
        cli.environment.remove("RETORT_PASSWORD");
        Cli.Result result = cli.run("--url", "jdbc:postgresql://127.0.0.1:1/nowhere?password=" + PASSWORD, "current");
        assertError(
                "error: cannot connect to jdbc:postgresql://127.0.0.1:1/nowhere?password=***: Connection to 127.0.0.1:1 refused. "
                        + "Check that the hostname and port are correct and that the postmaster is accepting TCP/IP connections.",
                result);
    }

    @Test
    void explicitUserAndPasswordWinOverTheUrlsAndAreNotEchoed() {
        Cli.Result result = cli.run("--user", "retort_no_such_user", "--password", PASSWORD, "current");
        assertEquals(ExitCode.ERROR, result.code(), result::toString);
        assertTrue(result.err().startsWith("error: cannot connect to "), result::toString);
        assertFalse(result.err().contains(PASSWORD));
    }

    @Test
    void missingConfigFile() {
        assertError(
                "error: config file " + workDir.resolve("missing.properties") + " not found",
                cli.run("-c", "missing.properties", "current"));
        cli.environment.put("RETORT_CONFIG", "gone.properties");
        assertError(
                "error: config file " + workDir.resolve("gone.properties") + " not found (from RETORT_CONFIG)",
                cli.run("heads"));
    }

    @Test
    void noConfigurationAtAll() throws IOException {
        Files.delete(workDir.resolve("retort.properties"));
        assertError(
                "error: no url configured (needed to connect to the database): set it in retort.properties "
                        + "(none found; run 'retort init'), in RETORT_URL, or with a flag",
                cli.run("current"));
    }

    @Test
    void entityPackageWithoutEntities() {
        Cli.Result result = cli.run("-x", "entities.packages=dev.retort.fixtures.db", "check");
        assertError(
                "error: no @Entity classes found in packages [dev.retort.fixtures.db] on entities.classpath ["
                        + Cli.fixturesClasses() + "]",
                result);
    }

    @Test
    void anEntityNameLongerThanPostgresKeepsStopsCheckInOneLine() {
        Cli.Result result = cli.run("-x", "entities.packages=dev.retort.fixtures.longname", "check");
        assertError(
                "error: entities: table \"bestellung\": index"
                        + " \"bestellungen_nach_kunde_und_lieferdatum_für_die_übersicht_grö\" is 64 bytes long: PostgreSQL"
                        + " keeps 63 and would cut it to \"bestellungen_nach_kunde_und_lieferdatum_für_die_übersicht_gr\","
                        + " so the database would never match the mapping; give it a name of at most 63 bytes",
                result);
    }

    @Test
    void migrationThatDoesNotCompileNamesFileAndLine() {
        cli.write("migrations/Broken.java", """
                package com.example.migrations;

                public final class Broken {
                    void x() { undefinedCall(); }
                }
                """);
        assertError(
                "error: " + workDir.resolve("migrations/Broken.java") + ":4: error: cannot find symbol",
                cli.run("heads"));
    }

    @Test
    void migrationWhoseSqlFailsKeepsTheLastGoodRevision() {
        revision("aaaaaaaaaaaa", "first");
        cli.write("migrations/Bad.java", """
                package com.example.migrations;
                import static dev.retort.runtime.Ops.column;
                @dev.retort.runtime.Revision(id = "bbbbbbbbbbbb", revises = "aaaaaaaaaaaa", message = "bad")
                public final class Bad implements dev.retort.runtime.Migration {
                    public void upgrade(dev.retort.runtime.Ops op) {
                        op.addColumn("no_such_table", column("x", "integer"));
                    }
                    public void downgrade(dev.retort.runtime.Ops op) { }
                }
                """);
        Cli.Result result = cli.run("upgrade", "head");
        assertEquals(ExitCode.ERROR, result.code(), result::toString);
        assertEquals(
                "Running upgrade <base> -> aaaaaaaaaaaa, first\nRunning upgrade aaaaaaaaaaaa -> bbbbbbbbbbbb, bad\n",
                result.out());
        assertError(
                "error: revision bbbbbbbbbbbb (upgrade): statement 1 failed: ALTER TABLE \"no_such_table\" ADD COLUMN \"x\" integer: "
                        + "ERROR: relation \"no_such_table\" does not exist",
                result);
        assertEquals("aaaaaaaaaaaa\n", cli.run("current").out());
    }

    @Test
    void stackTraceOnlyWhenAskedFor() {
        Cli.Result plain = cli.run("upgrade", "nope");
        assertFalse(plain.err().contains("\tat "), plain::toString);
        Cli.Result traced = cli.run("--stacktrace", "upgrade", "nope");
        assertEquals(ExitCode.ERROR, traced.code());
        assertTrue(traced.err().contains("\tat dev.retort."), traced::toString);
    }

    @Test
    void usageErrors() {
        Cli.Result missing = cli.run("upgrade");
        assertEquals(ExitCode.ERROR, missing.code());
        assertTrue(missing.err().startsWith("error: Missing required parameter: 'TARGET'"), missing::toString);
        assertEquals(ExitCode.ERROR, cli.run("frobnicate").code());
        assertError(
                "error: -x colour: unknown key (known: " + String.join(", ", Settings.KEYS) + ")",
                cli.run("-x", "colour=blue", "heads"));
    }

    @Test
    void aTimeZonePostgresqlWouldMisreadIsAOneLineError() {
        assertError(
                "error: timezone: not a time zone PostgreSQL accepts: \"+02:00\" (use UTC or an IANA name such as"
                        + " Europe/Berlin)",
                cli.run("-x", "timezone=+02:00", "heads"));
        assertError(
                "error: timezone: not a time zone PostgreSQL accepts: \"Mars/Olympus\" (use UTC or an IANA name such"
                        + " as Europe/Berlin)",
                cli.run("-x", "timezone=Mars/Olympus", "upgrade", "head"));
    }

    @Test
    void relativeTargetPastTheEnds() {
        revision("aaaaaaaaaaaa", "first");
        assertError("error: +2 goes past the head: only 1 revision(s) above base", cli.run("upgrade", "+2"));
        assertError("error: -1 goes past base: the database is at base", cli.run("downgrade", "-1"));
    }

    @Test
    void passwordNeverReachesGeneratedFilesOrOutput() throws IOException {
        cli.write("retort.properties", cli.read("retort.properties") + "password = " + PASSWORD + "\n");
        Cli.Result result = cli.run("revision", "--autogenerate", "-m", "create");
        assertEquals(ExitCode.OK, result.code(), result::toString);
        assertFalse(result.out().contains(PASSWORD));
        try (Stream<Path> files = Files.walk(workDir.resolve("migrations"))) {
            for (Path file : files.filter(Files::isRegularFile).toList())
                assertFalse(Files.readString(file).contains(PASSWORD));
        }
    }
}
