package dev.retort.adversarial;

import static dev.retort.adversarial.SmallHolesTest.assertError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.abort;

import dev.retort.cli.Cli;
import dev.retort.cli.ExitCode;
import dev.retort.fixtures.db.TestDatabase;
import dev.retort.fixtures.shop.Shop;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A folder or a schema Retort may not use gives one line saying what Retort was doing. The tests run
 * as root, so the folders are ones no one can use: a path under a regular file, and sysfs.
 */
class PermissionErrorTest {
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

    @Test
    void migrationsFolderThatCannotBeReadIsNamed() throws IOException {
        Files.writeString(workDir.resolve("a-file"), "");
        Path folder = workDir.resolve("a-file").resolve("migrations");
        assertError(
                "error: reading the migrations folder " + folder + ": not a directory",
                cli.run("-x", "migrations.dir=a-file/migrations", "revision", "-m", "x"));
        assertError(
                "error: reading the migrations folder " + workDir.resolve("a-file") + ": not a directory",
                cli.run("-x", "migrations.dir=a-file", "upgrade", "head"));
    }

    @Test
    void migrationsFolderThatCannotBeCreatedIsNamed() throws IOException {
        Path fresh = Files.createDirectories(workDir.resolve("fresh"));
        Files.writeString(fresh.resolve("a-file"), "");
        assertError(
                "error: cannot create the migrations folder " + fresh.resolve("a-file/sub") + ": not a directory",
                new Cli(fresh).run("init", "a-file/sub"));
        assertEquals(List.of("a-file"), List.of(fresh.toFile().list()), "no retort.properties without its folder");
    }

    @Test
    void migrationFileThatCannotBeWrittenIsNamed() {
        Path sysfs = Path.of("/sys");
        try {
            Files.delete(Files.createFile(sysfs.resolve("retort-probe.java")));
            abort("/sys is writable here");
        } catch (AccessDeniedException expected) {
            // a folder even root cannot write
        } catch (IOException other) {
            abort("/sys is not the usual sysfs here: " + other);
        }
        assertError(
                "error: cannot write /sys/R000000000001_X.java: permission denied",
                cli.run("-x", "migrations.dir=/sys", "revision", "-m", "x", "--rev-id", "000000000001"));
    }

    @Test
    void cacheThatCannotBeWrittenOnlyCostsACompilation() throws IOException {
        Files.writeString(workDir.resolve("a-file"), "");
        cli.environment.put("XDG_CACHE_HOME", workDir.resolve("a-file").toString());
        assertEquals(
                ExitCode.OK,
                cli.run("revision", "-m", "x", "--rev-id", "000000000001").code());
        Cli.Result upgrade = cli.run("upgrade", "head");
        assertEquals(new Cli.Result(ExitCode.OK, "Running upgrade <base> -> 000000000001, x\n", ""), upgrade);
    }

    @Test
    void userWithoutCreateOnTheSchemaIsToldWhatFailed() throws SQLException {
        String role =
                "retort_noddl_" + Long.toHexString(ThreadLocalRandom.current().nextLong() & 0xffffffffL);
        db.execute("CREATE ROLE " + role + " LOGIN");
        try {
            db.execute("REVOKE CREATE ON SCHEMA public FROM PUBLIC; GRANT USAGE ON SCHEMA public TO " + role);
            assertEquals(
                    ExitCode.OK,
                    cli.run("revision", "-m", "x", "--rev-id", "000000000001").code());
            assertError(
                    "error: creating the version table \"public\".\"retort_version\": permission denied for schema public",
                    cli.run("--user", role, "upgrade", "head"));

            assertEquals(ExitCode.OK, cli.run("stamp", "base").code(), "the owner creates the tables");
            db.execute("GRANT SELECT, INSERT, DELETE ON retort_version, retort_version_history TO " + role);
            assertEquals(List.of(), db.query("SELECT version_num FROM retort_version"));
            Cli.Result upgrade = cli.run("--user", role, "upgrade", "head");
            assertEquals(ExitCode.OK, upgrade.code(), "a role without CREATE runs once the tables exist: " + upgrade);
        } finally {
            db.execute("DROP OWNED BY " + role + "; DROP ROLE " + role);
        }
    }
}
