package dev.retort.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.retort.fixtures.db.TestDatabase;
import java.nio.file.Path;
import java.sql.SQLException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code op.acknowledgeDataLoss(reason)} is for the reviewer and lint, not the runner: a drop runs alike with or
 * without it, adding one to an applied migration is no edit, and an empty reason is refused where it is written.
 */
class AcknowledgementTest {
    @RegisterExtension
    static final TestDatabase live = new TestDatabase();

    @TempDir
    Path workDir;

    Cli cli;

    @BeforeEach
    void project() throws SQLException {
        live.resetAllSchemas();
        cli = new Cli(workDir);
        cli.write(
                "retort.properties",
                "url = " + live.url() + "\nmigrations.dir = migrations\nlint.missing-lock-timeout = off\n");
        migration("a1", null, "op.createTable(\"notes\", column(\"id\", \"bigint\"), column(\"body\", \"text\"));");
    }

    private void migration(String id, String revises, String up) {
        cli.write("migrations/R" + id + ".java", LintCommandTest.source(id, revises, "", up, ""));
    }

    @Test
    void theRunnerRunsDropsAlikeAndTheChecksumIgnoresTheAcknowledgement() throws SQLException {
        migration("b2", "a1", "op.dropColumn(\"notes\", column(\"body\", \"text\"));");
        assertEquals(ExitCode.FOUND, cli.run("lint").code());
        assertEquals(ExitCode.OK, cli.run("upgrade", "head").code());
        assertEquals(
                "0",
                live.query("SELECT count(*) FROM information_schema.columns WHERE table_name = 'notes' AND"
                                + " column_name = 'body'")
                        .get(0));
        migration(
                "b2",
                "a1",
                "op.acknowledgeDataLoss(\"body moved to note_bodies\").dropColumn(\"notes\", column(\"body\","
                        + " \"text\"));");
        assertEquals(
                new Cli.Result(ExitCode.OK, "All applied revisions match their migrations.\n", ""),
                cli.run("validate"));
        assertEquals(new Cli.Result(ExitCode.OK, "No lint findings in 2 revisions.\n", ""), cli.run("lint"));
    }

    @Test
    void anEmptyReasonIsRefusedNamingTheRevision() {
        migration("b2", "a1", "op.acknowledgeDataLoss(\" \").dropColumn(\"notes\", column(\"body\", \"text\"));");
        Cli.Result lint = cli.run("lint");
        assertEquals(ExitCode.ERROR, lint.code(), lint::toString);
        assertEquals("", lint.out());
        assertTrue(
                lint.err()
                        .startsWith("error: revision b2: upgrade() of migrations/Rb2.java threw"
                                + " java.lang.IllegalArgumentException: waiving lint rule unacknowledged-data-loss needs"
                                + " a reason"),
                lint::toString);
        assertEquals(1, lint.err().lines().count(), lint::toString);
        Cli.Result upgrade = cli.run("upgrade", "head");
        assertEquals(ExitCode.ERROR, upgrade.code(), upgrade::toString);
        assertTrue(upgrade.err().contains("needs a reason"), upgrade::toString);
    }
}
