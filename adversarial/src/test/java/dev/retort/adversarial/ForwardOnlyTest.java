package dev.retort.adversarial;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.retort.cli.Cli;
import dev.retort.cli.ExitCode;
import dev.retort.fixtures.db.TestDatabase;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A forward-only chain (never rolled back in production): a migration whose {@code downgrade()}
 * throws, or that is declared forward-only, applies and validates; a downgrade past it refuses
 * before anything runs.
 */
class ForwardOnlyTest {
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
        Migrations.sql(cli, "A", "a00000000001", null, "CREATE TABLE events (name text)", "DROP TABLE events");
        Migrations.write(
                cli,
                "B",
                "b00000000002",
                "a00000000001",
                "",
                "op.execute(\"INSERT INTO events VALUES ('b')\");",
                "throw new UnsupportedOperationException(\"the data cannot be put back\");");
        Migrations.write(
                cli,
                "C",
                "c00000000003",
                "b00000000002",
                ", forwardOnly = true",
                "op.execute(\"UPDATE events SET name = upper(name)\");",
                "throw new AssertionError(\"never called\");");
        Migrations.sql(
                cli,
                "D",
                "d00000000004",
                "c00000000003",
                "ALTER TABLE events ADD COLUMN at timestamptz",
                "ALTER TABLE events DROP COLUMN at");
    }

    private static void ok(Cli.Result result) {
        assertEquals(ExitCode.OK, result.code(), result::toString);
    }

    private void assertAtHeadUntouched() throws Exception {
        assertEquals("d00000000004 (head)\n", cli.run("current").out());
        assertEquals(List.of("B"), db.query("SELECT name FROM events"));
        assertEquals(
                1,
                db.query("SELECT 1 FROM information_schema.columns WHERE table_name = 'events' AND column_name = 'at'")
                        .size());
    }

    @Test
    void upgradeAndValidateWork() throws Exception {
        ok(cli.run("upgrade", "head"));

        assertAtHeadUntouched();
        Cli.Result validate = cli.run("validate");
        assertEquals("All applied revisions match their migrations.\n", validate.out(), validate::toString);
        assertEquals(
                List.of("a00000000001 t", "b00000000002 t", "c00000000003 t", "d00000000004 t"),
                db.query("SELECT revision, length(checksum) = 64 FROM retort_version_history ORDER BY id"));
        ok(cli.run("upgrade", "--sql", "head"));
    }

    @Test
    void checksumCoversTheUpgradeOfAForwardOnlyMigration() throws Exception {
        ok(cli.run("upgrade", "head"));
        Migrations.write(
                cli,
                "C",
                "c00000000003",
                "b00000000002",
                ", forwardOnly = true",
                "op.execute(\"UPDATE events SET name = lower(name)\");",
                "throw new AssertionError(\"never called\");");

        Cli.Result validate = cli.run("validate");

        assertEquals(ExitCode.FOUND, validate.code(), validate::toString);
        assertTrue(validate.out().startsWith("edited: revision c00000000003 "), validate.out());
    }

    @Test
    void downgradePastAForwardOnlyMigrationRefusesBeforeAnythingRuns() throws Exception {
        ok(cli.run("upgrade", "head"));

        Cli.Result declared = cli.run("downgrade", "b00000000002");
        Cli.Result throwing = cli.run("downgrade", "base");

        assertEquals(ExitCode.ERROR, declared.code(), declared::toString);
        assertEquals(
                "error: revision c00000000003 (migrations/C.java) cannot be downgraded:"
                        + " it is declared forward-only; nothing was run\n",
                declared.err());
        assertEquals(ExitCode.ERROR, throwing.code(), throwing::toString);
        assertTrue(throwing.err().startsWith("error: revision c00000000003 "), throwing.err());
        assertAtHeadUntouched();
        Cli.Result stepBack = cli.run("downgrade", "-1");
        ok(stepBack);
        assertEquals("c00000000003\n", cli.run("current").out());
    }

    @Test
    void downgradeSqlPastAForwardOnlyMigrationRefuses() throws Exception {
        Cli.Result declared = cli.run("downgrade", "--sql", "d00000000004:a00000000001");
        Cli.Result throwing = cli.run("downgrade", "--sql", "b00000000002:a00000000001");

        assertEquals(ExitCode.ERROR, declared.code(), declared::toString);
        assertEquals("", declared.out());
        assertTrue(declared.err().startsWith("error: revision c00000000003 "), declared.err());
        assertEquals(ExitCode.ERROR, throwing.code(), throwing::toString);
        assertEquals("", throwing.out());
        assertEquals(
                "error: revision b00000000002 (migrations/B.java) cannot be downgraded: its downgrade()"
                        + " threw java.lang.UnsupportedOperationException: the data cannot be put back; nothing was run\n",
                throwing.err());
        ok(cli.run("downgrade", "--sql", "d00000000004:c00000000003"));
    }
}
