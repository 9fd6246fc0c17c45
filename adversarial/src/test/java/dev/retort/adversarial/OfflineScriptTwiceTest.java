package dev.retort.adversarial;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.retort.cli.Cli;
import dev.retort.cli.ExitCode;
import dev.retort.fixtures.db.Psql;
import dev.retort.fixtures.db.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * An offline script applied twice must stop before its first block runs again: otherwise data
 * migrations re-run and the version table ends up holding a revision and its own ancestor.
 */
class OfflineScriptTwiceTest {
    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    @TempDir
    Path workDir;

    Cli cli;

    @BeforeEach
    void project() throws Exception {
        db.resetAllSchemas();
        cli = new Cli(workDir);
        cli.write("retort.properties", "url = " + db.url() + "\nmigrations.package = adv\n");
        // A is idempotent DDL plus data, B is data only, C is DDL that fails the second time
        Migrations.sql(
                cli,
                "A",
                "a00000000001",
                null,
                "CREATE TABLE IF NOT EXISTS events (name text); INSERT INTO events VALUES ('a')",
                "DROP TABLE events");
        Migrations.sql(
                cli,
                "B",
                "b00000000002",
                "a00000000001",
                "INSERT INTO events VALUES ('b')",
                "DELETE FROM events WHERE name = 'b'");
        Migrations.sql(
                cli,
                "C",
                "c00000000003",
                "b00000000002",
                "ALTER TABLE events ADD COLUMN at timestamptz",
                "ALTER TABLE events DROP COLUMN at");
    }

    @Test
    void upgradeScriptAppliedTwiceAbortsBeforeAnyDataMigrationRunsAgain() throws Exception {
        Cli.Result script = cli.run("upgrade", "--sql", "head");
        assertEquals(ExitCode.OK, script.code(), script::toString);
        assertEquals(0, Psql.apply(db, workDir, script.out()).code());

        Psql.Result again = Psql.apply(db, workDir, script.out());

        assertNotEquals(0, again.code(), again.output());
        assertTrue(
                again.output()
                        .contains(
                                "retort: the version table \"public\".\"retort_version\" is at c00000000003, this block expects base"),
                again.output());
        assertEquals(List.of("a", "b"), db.query("SELECT name FROM events ORDER BY name"));
        assertEquals(List.of("c00000000003"), db.query("SELECT version_num FROM retort_version"));
        assertEquals("c00000000003 (head)\n", cli.run("current").out());
    }

    @Test
    void downgradeScriptAppliedTwiceAbortsBeforeItsFirstBlock() throws Exception {
        assertEquals(ExitCode.OK, cli.run("upgrade", "head").code());
        Cli.Result script = cli.run("downgrade", "--sql", "c00000000003:a00000000001");
        assertEquals(0, Psql.apply(db, workDir, script.out()).code());
        db.execute("INSERT INTO events VALUES ('kept')");

        Psql.Result again = Psql.apply(db, workDir, script.out());

        assertNotEquals(0, again.code(), again.output());
        assertTrue(again.output().contains("is at a00000000001, this block expects c00000000003"), again.output());
        assertEquals(List.of("a", "kept"), db.query("SELECT name FROM events ORDER BY name"));
        assertEquals(List.of("a00000000001"), db.query("SELECT version_num FROM retort_version"));
    }

    @Test
    void scriptFromTheWrongRevisionAborts() throws Exception {
        assertEquals(ExitCode.OK, cli.run("upgrade", "a00000000001").code());
        Cli.Result script = cli.run("upgrade", "--sql", "b00000000002:head");

        Psql.Result wrong = Psql.apply(db, workDir, script.out());

        assertNotEquals(0, wrong.code(), wrong.output());
        assertTrue(wrong.output().contains("is at a00000000001, this block expects b00000000002"), wrong.output());
        assertEquals(List.of("a"), db.query("SELECT name FROM events ORDER BY name"));
    }

    @Test
    void currentUpgradeAndValidateRefuseARevisionHeldWithItsAncestor() throws Exception {
        assertEquals(ExitCode.OK, cli.run("upgrade", "b00000000002").code());
        db.execute("INSERT INTO retort_version VALUES ('a00000000001')");
        String problem =
                "the version table \"public\".\"retort_version\" holds revision a00000000001 together with its descendant"
                        + " b00000000002, as after a script applied twice: check what ran, then repair it with"
                        + " 'retort stamp --purge b00000000002'";

        Cli.Result current = cli.run("current");
        Cli.Result upgrade = cli.run("upgrade", "head");
        Cli.Result validate = cli.run("validate");

        assertEquals(ExitCode.ERROR, current.code(), current::toString);
        assertEquals("error: " + problem + "\n", current.err());
        assertEquals(ExitCode.ERROR, upgrade.code(), upgrade::toString);
        assertEquals("error: " + problem + "\n", upgrade.err());
        assertEquals(ExitCode.FOUND, validate.code(), validate::toString);
        assertEquals("inconsistent: " + problem + "\n", validate.out());
        assertTrue(
                db.query("SELECT 1 FROM information_schema.columns WHERE table_name = 'events' AND column_name = 'at'")
                        .isEmpty(),
                "c did not run");
        assertEquals(ExitCode.OK, cli.run("stamp", "--purge", "b00000000002").code());
        assertEquals("b00000000002\n", cli.run("current").out());
    }

    @Test
    void scriptWithSchemasRunsInTheDefaultSchemaAndCreatesTheVersionTableAfterTheMigrationThatCreatesIt()
            throws Exception {
        cli.write("retort.properties", "url = " + db.url() + "\nmigrations.package = adv\nschemas = sales\n");
        Migrations.sql(
                cli,
                "A",
                "a00000000001",
                null,
                "CREATE SCHEMA sales; CREATE TABLE events (name text);" + " INSERT INTO events VALUES ('a')",
                "DROP SCHEMA sales CASCADE");
        Migrations.sql(
                cli, "B", "b00000000002", "a00000000001", "INSERT INTO events VALUES ('b')", "DELETE FROM events");
        Files.delete(workDir.resolve("migrations/C.java"));
        Cli.Result script = cli.run("upgrade", "--sql", "head");
        assertEquals(ExitCode.OK, script.code(), script::toString);
        assertTrue(script.out().contains("\nSET search_path TO \"sales\", public;\n"), script.out());

        Psql.Result once = Psql.apply(db, workDir, script.out());

        assertEquals(0, once.code(), once.output());
        assertEquals(List.of("b00000000002"), db.query("SELECT version_num FROM sales.retort_version"));
        assertEquals("b00000000002 (head)\n", cli.run("current").out());
        assertNotEquals(0, Psql.apply(db, workDir, script.out()).code());
        assertEquals(List.of("a", "b"), db.query("SELECT name FROM sales.events ORDER BY name"));
    }
}
