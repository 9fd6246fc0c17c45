package dev.retort.cli.startup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.retort.cli.Cli;
import dev.retort.cli.EntityRead;
import dev.retort.cli.ExitCode;
import dev.retort.cli.config.CacheDirectory;
import dev.retort.cli.config.SettingsLoader;
import dev.retort.entities.EntitySource;
import dev.retort.fixtures.db.TestDatabase;
import dev.retort.fixtures.shop.Shop;
import dev.retort.schema.Schema;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The entity read started at the start of {@code check} and {@code revision --autogenerate}: it
 * reads what the command would, and a read of other entities is never used.
 */
class EarlyEntityReadTest {
    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    @TempDir
    Path workDir;

    private EntitySource entities(String config) {
        return SettingsLoader.load(workDir, config, Map.of(), Map.of()).entities(CacheDirectory.of(Map.of()));
    }

    @Test
    void readsTheEntitiesTheCommandReads() {
        Cli cli = new Cli(workDir);
        cli.configure(db, Shop.V1, "snake");
        assertTrue(EarlyEntityRead.startFor("check", workDir, Map.of(), "check"));
        CompletableFuture<Schema> early = EarlyEntityRead.claim(entities(null), "public");
        assertNotNull(early);
        assertEquals(EntityRead.read(entities(null), "public"), early.join());
        assertNull(EarlyEntityRead.claim(entities(null), "public"), "claimed once");
    }

    /** The command takes the read it started: were it to read the entities again, the read left here would show it. */
    @Test
    void theCommandUsesTheReadStartedForIt() throws SQLException {
        db.reset();
        Cli cli = new Cli(workDir);
        cli.configure(db, Shop.V1, "snake");
        Cli.Result revision = cli.run("revision", "--autogenerate", "-m", "create");
        assertEquals(ExitCode.OK, revision.code(), revision::toString);
        assertNull(EarlyEntityRead.claim(entities(null), "public"), "revision --autogenerate claimed the early read");
        assertEquals(ExitCode.OK, cli.run("upgrade", "head").code());
        assertEquals(Cli.CLEAN_CHECK, cli.run("-q", "check"));
        assertNull(EarlyEntityRead.claim(entities(null), "public"), "check claimed the early read");
        Cli.Result json = cli.run("check", "--format", "json");
        assertEquals(ExitCode.OK, json.code(), json::toString);
        assertNull(EarlyEntityRead.claim(entities(null), "public"), "check --format json claimed the early read");
    }

    @Test
    void followsTheConfigurationFileAndOverridesOnTheCommandLine() {
        Cli cli = new Cli(workDir);
        cli.configure(db, Shop.V1, "snake");
        String v1 = cli.read("retort.properties");
        cli.write("other.properties", v1.replace(Shop.V1, Shop.V2));

        EarlyEntityRead.startFor(
                "revision", workDir, Map.of(), "-c", "other.properties", "revision", "--autogenerate", "-m", "x");
        assertNull(EarlyEntityRead.claim(entities(null), "public"), "not the default configuration's entities");
        EarlyEntityRead.startFor(
                "revision", workDir, Map.of(), "--config=other.properties", "revision", "--autogenerate", "-m", "x");
        assertNotNull(EarlyEntityRead.claim(entities("other.properties"), "public"));
        EarlyEntityRead.startFor("check", workDir, Map.of(), "check", "-x", "entities.packages=" + Shop.V2);
        assertNotNull(EarlyEntityRead.claim(entities("other.properties"), "public"));
        EarlyEntityRead.startFor("check", workDir, Map.of(), "-xschemas=sales", "check");
        assertNull(EarlyEntityRead.claim(entities(null), "public"), "read for another default schema");
    }

    @Test
    void onlyForCommandsThatMapEntities() {
        Cli cli = new Cli(workDir);
        cli.configure(db, Shop.V1, "snake");
        for (String[] args :
                new String[][] {{"current"}, {"revision", "-m", "empty"}, {"upgrade", "head"}, {"--help"}}) {
            EarlyEntityRead.startFor(QuickLook.subcommandName(args), workDir, Map.of(), args);
            assertNull(EarlyEntityRead.claim(entities(null), "public"), () -> String.join(" ", args));
        }
    }

    /**
     * {@code -qc FILE} is beyond the quick look at the arguments, which so reads the default
     * configuration's entities (version 2); the command must still compare version 1, as configured.
     */
    @Test
    void aReadOfOtherEntitiesIsNotUsed() throws SQLException {
        db.reset();
        Cli cli = new Cli(workDir);
        cli.configure(db, Shop.V1, "snake");
        Cli.Result create = cli.run("revision", "--autogenerate", "-m", "create");
        assertEquals(ExitCode.OK, create.code(), create::toString);
        assertEquals(ExitCode.OK, cli.run("upgrade", "head").code());
        cli.write("other.properties", cli.read("retort.properties"));
        cli.configure(db, Shop.V2, "snake");

        assertEquals(Cli.CLEAN_CHECK, cli.run("-qc", "other.properties", "check"));
        Cli.Result drift = cli.run("check");
        assertEquals(ExitCode.FOUND, drift.code(), drift::toString);
        assertTrue(drift.out().contains("add table reviews"), drift::toString);
    }
}
