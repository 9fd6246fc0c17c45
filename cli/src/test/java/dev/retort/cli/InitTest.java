package dev.retort.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InitTest {
    @TempDir
    Path workDir;

    @Test
    void createsFolderAndCommentedConfig() {
        Cli cli = new Cli(workDir);
        Cli.Result result = cli.run("init", "db/migrations");
        assertEquals(ExitCode.OK, result.code(), result::toString);
        assertEquals(
                "Creating directory " + workDir.resolve("db/migrations") + " ... done\n"
                        + "Generating " + workDir.resolve("retort.properties") + " ... done\n"
                        + "Please edit the database and entity settings in " + workDir.resolve("retort.properties")
                        + " before proceeding.\n",
                result.out());
        assertTrue(Files.isDirectory(workDir.resolve("db/migrations")));
        String config = cli.read("retort.properties");
        assertTrue(config.contains("migrations.dir = db/migrations"), config);
        assertTrue(config.contains("# Keep the password out of this file"), config);
        assertTrue(config.contains("\nurl = jdbc:postgresql://127.0.0.1:5432/app\nuser = app\n"), config);
        assertTrue(!config.contains("5432/postgres"), config);
    }

    @Test
    void neverOverwrites() {
        Cli cli = new Cli(workDir);
        cli.write("retort.properties", "url = mine\n");
        Cli.Result result = cli.run("init");
        assertEquals(ExitCode.ERROR, result.code());
        assertEquals(
                "error: " + workDir.resolve("retort.properties") + " already exists; init never overwrites it\n",
                result.err());
        assertEquals("url = mine\n", cli.read("retort.properties"));
        assertTrue(Files.notExists(workDir.resolve("migrations")));
    }

    @Test
    void refusesANonEmptyFolder() {
        Cli cli = new Cli(workDir);
        cli.write("migrations/Existing.java", "class Existing {}");
        Cli.Result result = cli.run("init");
        assertEquals(ExitCode.ERROR, result.code());
        assertEquals(
                "error: directory " + workDir.resolve("migrations")
                        + " already exists and is not empty; init never overwrites it\n",
                result.err());
        assertTrue(Files.notExists(workDir.resolve("retort.properties")));
    }

    @Test
    void commandsThatNeedNoEntitiesWorkWithoutEntitySettings() {
        Cli cli = new Cli(workDir);
        assertEquals(ExitCode.OK, cli.run("init").code());
        Cli.Result revision = cli.run("revision", "-m", "hand written", "--rev-id", "abc123");
        assertEquals(ExitCode.OK, revision.code(), revision::toString);
        assertTrue(Files.exists(workDir.resolve("migrations/Rabc123_HandWritten.java")));
        assertEquals(
                "<base> -> abc123 (head), hand written\n", cli.run("history").out());
        assertEquals("abc123 (head)\n", cli.run("heads").out());
    }
}
