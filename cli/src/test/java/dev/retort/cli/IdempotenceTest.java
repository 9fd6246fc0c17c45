package dev.retort.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.retort.fixtures.db.TestDatabase;
import dev.retort.fixtures.library.Library;
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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Entities, empty database, autogenerate, upgrade: then nothing is left to detect. */
class IdempotenceTest {
    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    @TempDir
    Path workDir;

    @BeforeEach
    void emptyDatabase() throws SQLException {
        db.reset();
    }

    @Test
    void defaultSchemaOtherThanPublic() throws SQLException {
        db.execute("DROP SCHEMA IF EXISTS app CASCADE; CREATE SCHEMA app");
        Cli cli = new Cli(workDir);
        cli.configure(db, Shop.V2, "snake");
        cli.environment.put("RETORT_SCHEMAS", "app");
        assertEquals(
                ExitCode.OK,
                cli.run("revision", "--autogenerate", "-m", "initial").code());
        Cli.Result up = cli.run("upgrade", "head");
        assertEquals(ExitCode.OK, up.code(), up::toString);
        assertEquals(Cli.CLEAN_CHECK, cli.run("check"));
        try (var c = db.connect();
                var st = c.createStatement();
                var rs = st.executeQuery("SELECT count(*) AS tables FROM pg_tables WHERE schemaname = 'app'")) {
            rs.next();
            assertEquals(
                    7, rs.getInt("tables"), "five shop tables, the version and the history table, all in schema app");
        }
        db.execute("DROP SCHEMA app CASCADE");
    }

    @Test
    void excludedTablesAreNeverReported() throws SQLException {
        Cli cli = new Cli(workDir);
        cli.configure(db, Shop.V1, "snake");
        assertEquals(
                ExitCode.OK,
                cli.run("revision", "--autogenerate", "-m", "initial").code());
        assertEquals(ExitCode.OK, cli.run("upgrade", "head").code());
        db.execute(
                "CREATE TABLE legacy_audit (id integer); CREATE TABLE legacy_log (id integer); CREATE SEQUENCE legacy_seq");
        Cli.Result noticed = cli.run("check");
        assertTrue(
                noticed.out().contains("drop table legacy_audit")
                        && noticed.out().contains("drop sequence legacy_seq"),
                noticed::toString);
        cli.environment.put("RETORT_TABLES_EXCLUDE", "legacy_*");
        assertEquals(Cli.CLEAN_CHECK, cli.run("check"));
        cli.environment.remove("RETORT_TABLES_EXCLUDE");
        cli.environment.put("RETORT_TABLES_INCLUDE", "customers, orders");
        assertEquals(Cli.CLEAN_CHECK, cli.run("check"));
    }

    @ParameterizedTest(name = "{0} with {1} naming")
    @CsvSource({
        Shop.V1 + ",snake",
        Shop.V2 + ",snake",
        Shop.V1 + ",jpa",
        Shop.V2 + ",jpa",
        Library.V1 + ",snake",
        Library.V2 + ",snake",
        Library.V1 + ",jpa",
        Library.V2 + ",jpa",
        "dev.retort.fixtures.mappings,snake",
        "dev.retort.fixtures.mappings,jpa"
    })
    void noFalsePositivesAfterUpgrade(String entities, String naming) throws IOException {
        Cli cli = new Cli(workDir);
        cli.configure(db, entities, naming);
        assertEquals(
                ExitCode.OK,
                cli.run("revision", "--autogenerate", "-m", "initial").code());
        Cli.Result up = cli.run("upgrade", "head");
        assertEquals(ExitCode.OK, up.code(), up::toString);
        Cli.Result check = cli.run("check");
        assertEquals(Cli.CLEAN_CHECK, check);
        Cli.Result again = cli.run("revision", "--autogenerate", "-m", "nothing");
        assertEquals(ExitCode.OK, again.code(), again::toString);
        assertTrue(again.out().contains("No changes in schema detected; no migration written"), again::toString);
        try (Stream<Path> files = Files.list(workDir.resolve("migrations"))) {
            assertEquals(1, files.count(), "no empty migration written");
        }
    }
}
