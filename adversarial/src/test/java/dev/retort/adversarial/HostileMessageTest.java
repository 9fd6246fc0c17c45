package dev.retort.adversarial;

import static dev.retort.adversarial.HostileDatabaseTest.assertShowsNothingHidden;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.retort.cli.Cli;
import dev.retort.cli.ExitCode;
import dev.retort.fixtures.db.Psql;
import dev.retort.fixtures.db.TestDatabase;
import dev.retort.fixtures.hostile.HostileText;
import dev.retort.fixtures.shop.Shop;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * One {@code revision -m} per hostile message: the migrations folder keeps compiling, upgrade and
 * its psql script record exactly the messages, and history, show, heads and progress lines show
 * each on its own line with nothing hidden.
 */
class HostileMessageTest {
    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    @RegisterExtension
    static final TestDatabase offline = new TestDatabase();

    @TempDir
    Path workDir;

    @Test
    void everyHostileMessageGivesACompilingRevisionShownOnOneLine() throws Exception {
        db.reset();
        db.execute("CREATE TABLE victim (id int)");
        Cli cli = new Cli(workDir.resolve("project"));
        cli.configure(db, Shop.V1, "snake");
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < HostileText.ALL.size(); i++) {
            String id = String.format("m%011d", i);
            Cli.Result revision = cli.run("revision", "-m", HostileText.ALL.get(i), "--rev-id", id);
            assertEquals(ExitCode.OK, revision.code(), revision::toString);
            assertShowsNothingHidden(revision);
            ids.add(id);
        }

        Cli.Result up = cli.run("upgrade", "head");
        assertEquals(ExitCode.OK, up.code(), up::toString);
        assertShowsNothingHidden(up);
        assertEquals(
                HostileText.ALL.size(),
                up.out().lines().filter(l -> l.startsWith("Running upgrade")).count(),
                up::toString);
        assertEquals(
                up.out().lines().count(),
                up.out().lines().filter(l -> l.startsWith("Running upgrade")).count(),
                up::toString);
        assertEquals(HostileText.ALL, db.query("SELECT message FROM retort_version_history ORDER BY id"));
        assertEquals(List.of("1"), db.query("SELECT count(*) FROM pg_class WHERE relname = 'victim'"));

        Cli.Result history = cli.run("history");
        assertShowsNothingHidden(history);
        assertEquals(HostileText.ALL.size(), history.out().lines().count(), history::toString);
        assertTrue(history.out().contains("\nm00000000007 -> m00000000008, C:\\users\\data\n"), history::toString);
        assertTrue(
                history.out().contains("\nm00000000000 -> m00000000001, lf\\nop.execute(\"DROP TABLE victim\");//\n"),
                history::toString);
        assertTrue(
                history.out().contains("\nm00000000013 -> m00000000014, \\x{1b}[2J\\x{1b}[Hclear\n"),
                history::toString);
        for (String[] command : List.of(
                new String[] {"history", "-v"},
                new String[] {"heads", "-v"},
                new String[] {"branches", "-v"},
                new String[] {"current", "-v"},
                new String[] {"validate"})) {
            assertShowsNothingHidden(cli.run(command));
        }
        for (String id : ids) {
            Cli.Result show = cli.run("show", id);
            assertEquals(ExitCode.OK, show.code(), show::toString);
            assertShowsNothingHidden(show);
        }

        Cli.Result script = cli.run("upgrade", "--sql", "base:head");
        assertEquals(ExitCode.OK, script.code(), script::toString);
        assertShowsNothingHidden(script);
        offline.reset();
        offline.execute("CREATE TABLE victim (id int)");
        Psql.run(offline, workDir, script.out());
        assertEquals(HostileText.ALL, offline.query("SELECT message FROM retort_version_history ORDER BY id"));
        assertEquals(List.of(ids.get(ids.size() - 1)), offline.query("SELECT version_num FROM retort_version"));
        assertEquals(List.of("1"), offline.query("SELECT count(*) FROM pg_class WHERE relname = 'victim'"));
    }

    /** psql ends a {@code --} comment at a carriage return too: the rest of the message must not become a statement. */
    @Test
    void lineBreaksInAMessageEndNoScriptComment() throws Exception {
        Cli cli = new Cli(workDir.resolve("crlf"));
        cli.configure(db, Shop.V1, "snake");
        for (String message : List.of(HostileText.CR, HostileText.CRLF, HostileText.DASHES)) {
            Cli.Result revision = cli.run("revision", "-m", message);
            assertEquals(ExitCode.OK, revision.code(), revision::toString);
        }
        Cli.Result script = cli.run("upgrade", "--sql", "base:head");
        assertEquals(ExitCode.OK, script.code(), script::toString);
        offline.reset();
        offline.execute("CREATE TABLE victim (id int)");
        Psql.run(offline, workDir, script.out());
        assertEquals(List.of("1"), offline.query("SELECT count(*) FROM pg_class WHERE relname = 'victim'"));
    }
}
