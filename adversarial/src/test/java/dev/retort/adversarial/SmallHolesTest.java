package dev.retort.adversarial;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.retort.cli.Cli;
import dev.retort.cli.ExitCode;
import dev.retort.fixtures.db.TestDatabase;
import dev.retort.fixtures.shop.Shop;
import dev.retort.runtime.internal.Migrator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The smaller holes: each bad id, reference, number or request gives one plain line and exit 2, or is reported. */
class SmallHolesTest {
    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    @TempDir
    Path workDir;

    Cli cli;

    @BeforeEach
    void project() throws SQLException {
        db.reset();
        cli = new Cli(workDir);
        cli.configure(db, Shop.V1, "snake");
    }

    /** Writes {@code migrations/<className>.java}: a migration with the given id and parent (or none) running {@code upgrade}. */
    static void migration(Cli cli, String className, String id, String revises, String upgrade) {
        cli.write("migrations/" + className + ".java", """
                package com.example.migrations;
                @dev.retort.runtime.Revision(id = "%s", revises = {%s}, message = "%s")
                public final class %s implements dev.retort.runtime.Migration {
                    public void upgrade(dev.retort.runtime.Ops op) { %s }
                    public void downgrade(dev.retort.runtime.Ops op) { }
                }
                """.formatted(
                        id.replace("\\", "\\\\").replace("\"", "\\\""),
                        revises == null ? "" : "\"" + revises + "\"",
                        className,
                        className,
                        upgrade));
    }

    static void assertError(String expected, Cli.Result result) {
        assertEquals(ExitCode.ERROR, result.code(), result::toString);
        assertEquals(expected, result.err().stripTrailing(), result::toString);
        assertEquals(1, result.err().lines().count(), result::toString);
    }

    private void twoRevisions() {
        migration(cli, "M1", "000000000001", null, "");
        migration(cli, "M2", "000000000002", "000000000001", "");
    }

    @Test
    void revisionIdsAreValidatedWhenLoaded() {
        String file = "migrations/Bad.java";
        String[][] cases = {
            {"head", "is reserved: head, heads and base are targets"},
            {"base", "is reserved: head, heads and base are targets"},
            {"heads", "is reserved: head, heads and base are targets"},
            {"", "is empty"},
            {"a".repeat(33), "is 33 characters long, at most 32 fit the version table"},
            {"ab-cd", "may only have letters, digits and underscores"},
            {"ab@cd", "may only have letters, digits and underscores"},
            {"ab:cd", "may only have letters, digits and underscores"},
            {"ab+1", "may only have letters, digits and underscores"},
            {"ab cd", "may only have letters, digits and underscores"},
            {"ab,cd", "may only have letters, digits and underscores"},
        };
        for (String[] c : cases) {
            migration(cli, "Bad", c[0], null, "");
            assertError("error: " + file + ": revision id \"" + c[0] + "\" " + c[1], cli.run("heads"));
        }
        migration(cli, "Bad", "a\u001b[2J\u202eb\"c", null, "");
        assertError(
                "error: " + file
                        + ": revision id \"a\\u001b[2J\\u202eb\\\"c\" may only have letters, digits and underscores",
                cli.run("heads"));
        migration(cli, "Bad", "Ab_" + "9".repeat(29), null, "");
        assertEquals(
                ExitCode.OK,
                cli.run("heads").code(),
                "letters of either case, digits and underscores, 32 of them, are an id");
    }

    @Test
    void branchLabelsAreValidatedWhenLoaded() throws IOException {
        for (String[] c : new String[][] {
            {"a@b", "must be a letter followed by letters, digits or underscores"},
            {"x-1", "must be a letter followed by letters, digits or underscores"},
            {"heads", "is reserved: head, heads and base are targets"},
            {"", "must be a letter followed by letters, digits or underscores"}
        }) {
            cli.write("migrations/Labelled.java", """
                    package com.example.migrations;
                    @dev.retort.runtime.Revision(id = "000000000009", message = "m", branchLabels = "%s")
                    public final class Labelled implements dev.retort.runtime.Migration {
                        public void upgrade(dev.retort.runtime.Ops op) { }
                        public void downgrade(dev.retort.runtime.Ops op) { }
                    }
                    """.formatted(c[0]));
            assertError("error: migrations/Labelled.java: branch label \"" + c[0] + "\" " + c[1], cli.run("heads"));
        }
        Files.delete(cli.workDir.resolve("migrations/Labelled.java"));
        assertError(
                "error: --branch-label \"a:b\" must be a letter followed by letters, digits or underscores",
                cli.run("revision", "-m", "x", "--head", "base", "--branch-label", "a:b"));
    }

    @Test
    void revIdFollowsTheSameRuleAsLoading() {
        assertError(
                "error: --rev-id \"head\": is reserved: head, heads and base are targets",
                cli.run("revision", "-m", "x", "--rev-id", "head"));
        assertError(
                "error: --rev-id \"a-b\": may only have letters, digits and underscores",
                cli.run("revision", "-m", "x", "--rev-id", "a-b"));
        assertEquals(
                ExitCode.OK,
                cli.run("revision", "-m", "x", "--rev-id", "Release_1").code());
        assertEquals("Release_1 (head)\n", cli.run("heads").out());
    }

    @Test
    void malformedEnvironmentReferenceIsAConfigurationError() {
        Path file = workDir.resolve("retort.properties");
        cli.environment.put("SCHEMA", "public");
        String[][] cases = {
            {"${env:SCHEMA", "has no closing }"},
            {"${env:}", "needs a name of letters, digits and underscores, not starting with a digit"},
            {"${env:1X}", "needs a name of letters, digits and underscores, not starting with a digit"},
            {"${env:SCHEMA}${env:A-B}", "needs a name of letters, digits and underscores, not starting with a digit"},
            {"${env:SCH EMA}", "needs a name of letters, digits and underscores, not starting with a digit"},
        };
        for (String[] c : cases) {
            cli.configure(db, Shop.V1, "snake");
            cli.write("retort.properties", cli.read("retort.properties") + "schemas = " + c[0] + "\n");
            assertError("error: " + file + ": schemas: malformed ${env:NAME} reference: it " + c[1], cli.run("heads"));
        }
        cli.configure(db, Shop.V1, "snake");
        cli.environment.put("RETORT_SCHEMAS", "${env:SCHEMA");
        assertError("error: RETORT_SCHEMAS: malformed ${env:NAME} reference: it has no closing }", cli.run("heads"));
    }

    @Test
    void hugeRelativeStepsArePlainErrors() {
        twoRevisions();
        assertError(
                "error: relative step +99999999999999999999 is too large (at most 2147483647)",
                cli.run("upgrade", "+99999999999999999999"));
        assertError(
                "error: relative step 000000000001+99999999999999999999 is too large (at most 2147483647)",
                cli.run("upgrade", "000000000001+99999999999999999999"));
        assertEquals(ExitCode.OK, cli.run("upgrade", "head").code());
        assertError(
                "error: relative step -9999999999999999999 is too large (at most 2147483647)",
                cli.run("downgrade", "-9999999999999999999"));
    }

    @Test
    void hugeLockTimeoutIsAPlainError() {
        twoRevisions();
        cli.environment.put("RETORT_LOCK_TIMEOUT", "99999999999999");
        assertError(
                "error: lock.timeout: 99999999999999 is out of range: expected 0 to 2147483 seconds",
                cli.run("upgrade", "head"));
        cli.environment.put("RETORT_LOCK_TIMEOUT", "99999999999999999999");
        assertError(
                "error: lock.timeout: expected a whole number of seconds, got 99999999999999999999",
                cli.run("upgrade", "head"));
        // the runner's own options refuse it too, with the one range check the runtime API's builder uses
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class, () -> new Migrator.Options(true, Duration.ofSeconds(Long.MAX_VALUE)));
        assertEquals("lock timeout out of range (0 to 2147483 s): " + Long.MAX_VALUE + " s", e.getMessage());
    }

    @Test
    void validateReportsStampedRevisionsAsUnverifiable() {
        twoRevisions();
        assertEquals(ExitCode.OK, cli.run("stamp", "head").code());
        Cli.Result result = cli.run("validate");
        assertEquals(
                new Cli.Result(
                        ExitCode.FOUND,
                        unverifiable("000000000001", "M1", "no row")
                                + unverifiable("000000000002", "M2", "no checksum"),
                        ""),
                result);
        assertEquals(
                new Cli.Result(
                        ExitCode.FOUND,
                        "Accepted the current content of revision 000000000001.\n"
                                + unverifiable("000000000002", "M2", "no checksum"),
                        ""),
                cli.run("validate", "--accept", "000000000001"));
        assertEquals(
                ExitCode.OK, cli.run("validate", "--accept", "000000000002").code());
        assertEquals(
                new Cli.Result(ExitCode.OK, "All applied revisions match their migrations.\n", ""),
                cli.run("validate"));
    }

    @Test
    void validateReportsAppliedRevisionsWithoutHistoryAsUnverifiable() throws SQLException {
        twoRevisions();
        assertEquals(ExitCode.OK, cli.run("upgrade", "+1").code());
        db.execute("DELETE FROM retort_version_history");
        assertEquals(
                new Cli.Result(ExitCode.FOUND, unverifiable("000000000001", "M1", "no row"), ""), cli.run("validate"));
        assertEquals(ExitCode.OK, cli.run("upgrade", "head").code(), "an unverifiable revision does not stop runs");
    }

    private static String unverifiable(String id, String className, String lacking) {
        return "unverifiable: revision " + id + " (migrations/" + className + ".java) is applied, and the history has "
                + lacking
                + " for it (stamped, or recorded by another tool), so an edit cannot be detected; record its current content "
                + "with 'retort validate --accept " + id + "'\n";
    }

    @Test
    void acceptRefusesARevisionThatIsNotApplied() throws SQLException {
        twoRevisions();
        assertEquals(ExitCode.OK, cli.run("upgrade", "+1").code());
        assertError(
                "error: cannot accept revision 000000000002: it is not applied (the database is at 000000000001); "
                        + "only an applied revision's edit can be accepted",
                cli.run("validate", "--accept", "000000000002"));
        assertTrue(
                db.query("SELECT direction FROM retort_version_history WHERE direction = 'accept'")
                        .isEmpty(),
                "nothing recorded");
        assertEquals(
                ExitCode.OK, cli.run("validate", "--accept", "000000000001").code());
    }
}
