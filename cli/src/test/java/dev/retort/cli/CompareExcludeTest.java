package dev.retort.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.retort.fixtures.db.TestDatabase;
import dev.retort.fixtures.shop.Shop;
import java.nio.file.Path;
import java.sql.SQLException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** compare.exclude, compare.exclude-tool-tables and check -v through the real command line on a real database. */
class CompareExcludeTest {
    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    @RegisterExtension
    static final TestDatabase empty = new TestDatabase();

    private static final String EXCLUDE = "compare.exclude=index:*_search_idx, table:audit_*";

    @TempDir
    Path dir;

    private Cli cli;

    /** The shop's tables through Retort's own migration, then what only the database has. */
    @BeforeEach
    void shopWithDatabaseOnlyObjects() throws SQLException {
        db.reset();
        cli = new Cli(dir);
        cli.configure(db, Shop.V1, "snake");
        assertEquals(0, cli.run("revision", "--autogenerate", "-m", "create").code());
        assertEquals(0, cli.run("upgrade", "head").code());
        db.execute("CREATE INDEX customers_search_idx ON customers (lower(email));"
                + " CREATE TABLE audit_2024 (id integer);"
                + " CREATE TABLE flyway_schema_history (installed_rank integer PRIMARY KEY)");
    }

    @Test
    void withoutExclusionsTheDatabaseOnlyObjectsButTheToolTablesAreDropped() {
        Cli.Result check = cli.run("check");
        assertEquals(1, check.code(), check::toString);
        assertEquals(
                "New upgrade operations detected:\n"
                        + "  drop index customers ((lower(email::text)))\n"
                        + "  drop table audit_2024\n"
                        + "    HAZARD data-loss: drops table audit_2024 and all its rows\n",
                check.out());
    }

    @Test
    void excludedObjectsAreLeftAloneByCheckRevisionAndDiff() {
        Cli.Result check = cli.run("-x", EXCLUDE, "check");
        assertEquals(0, check.code(), check::toString);
        Cli.Result revision = cli.run("-x", EXCLUDE, "revision", "--autogenerate", "-m", "nothing");
        assertEquals(0, revision.code(), revision::toString);
        assertTrue(revision.out().startsWith("No changes in schema detected"), revision::toString);
        Cli.Result diff = cli.run("-x", EXCLUDE, "diff", "--from", empty.url(), "--to", db.url());
        assertEquals(1, diff.code(), diff::toString);
        assertTrue(diff.out().contains("add table customers"), diff::toString);
        assertTrue(!diff.out().contains("audit_2024") && !diff.out().contains("_search_idx"), diff::toString);
        assertTrue(!diff.out().contains("flyway_schema_history"), diff::toString);
    }

    @Test
    void theToolTablesAreComparedWhenTheKeySaysSo() {
        Cli.Result check = cli.run("-x", EXCLUDE, "-x", "compare.exclude-tool-tables=false", "check");
        assertEquals(1, check.code(), check::toString);
        assertEquals(
                "New upgrade operations detected:\n"
                        + "  drop table flyway_schema_history\n"
                        + "    HAZARD data-loss: drops table flyway_schema_history and all its rows\n",
                check.out());
    }

    @Test
    void verboseCheckNamesTheNamingStrategiesAndWhatIsLeftAlone() {
        Cli.Result check = cli.run("-x", EXCLUDE, "check", "-v");
        assertEquals(0, check.code(), check::toString);
        String[] lines = check.out().split("\n");
        assertEquals(
                "Naming: physical org.hibernate.boot.model.naming.PhysicalNamingStrategySnakeCaseImpl, implicit"
                        + " org.hibernate.boot.model.naming.ImplicitNamingStrategyJpaCompliantImpl",
                lines[1]);
        assertEquals(
                "Left alone: Flyway's and Liquibase's tables (databasechangelog, databasechangeloglock,"
                        + " flyway_schema_history); compare.exclude-tool-tables = false compares them",
                lines[2]);
        assertEquals("Left alone (compare.exclude): index:*_search_idx, table:audit_*", lines[3]);
        assertEquals("No new upgrade operations detected.", lines[4]);
    }

    @Test
    void theNamingPairAndAHibernateSettingAreNamedAsHibernateUsesThem() {
        Cli.Result spring = cli.run("-x", "entities.naming=spring", "check", "-v");
        assertTrue(
                spring.out()
                        .contains(
                                "\nNaming: physical org.hibernate.boot.model.naming.PhysicalNamingStrategySnakeCaseImpl,"
                                        + " implicit dev.retort.entities.SpringImplicitNaming\n"),
                spring::toString);
        Cli.Result setting = cli.run(
                "-x",
                "entities.naming=jpa",
                "-x",
                "entities.properties.hibernate.implicit_naming_strategy=legacy-jpa",
                "check",
                "-v");
        assertTrue(
                setting.out()
                        .contains(
                                "\nNaming: physical org.hibernate.boot.model.naming.PhysicalNamingStrategyStandardImpl,"
                                        + " implicit org.hibernate.boot.model.naming.ImplicitNamingStrategyLegacyJpaImpl\n"),
                setting::toString);
    }

    @Test
    void badEntriesAreOneLineErrorsNamingTheKeyAndTheEntry() {
        Cli.Result glob = cli.run("-x", "compare.exclude=table:audit_*, index:[abc", "check");
        assertEquals(2, glob.code(), glob::toString);
        assertEquals(
                "error: compare.exclude: 'index:[abc': '[' at position 1 of the glob is never closed by ']'\n",
                glob.err());
        Cli.Result kind = cli.run("-x", "compare.exclude=view:audit_*", "check");
        assertEquals(2, kind.code(), kind::toString);
        assertEquals(
                "error: compare.exclude: 'view:audit_*': unknown kind 'view': expected one of table, column, index,"
                        + " primary-key, unique, foreign-key, check, sequence, enum, type, constraint\n",
                kind.err());
        Cli.Result flag = cli.run("-x", "compare.exclude-tool-tables=maybe", "check");
        assertEquals(2, flag.code(), flag::toString);
        assertEquals("error: compare.exclude-tool-tables: expected true or false, got maybe\n", flag.err());
    }
}
