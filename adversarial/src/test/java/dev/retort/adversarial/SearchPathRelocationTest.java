package dev.retort.adversarial;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.retort.cli.Cli;
import dev.retort.cli.ExitCode;
import dev.retort.fixtures.db.Psql;
import dev.retort.fixtures.db.TestDatabase;
import dev.retort.runtime.Migration;
import dev.retort.runtime.Ops;
import dev.retort.runtime.Retort;
import dev.retort.runtime.Revision;
import dev.retort.runtime.RunResult;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A schema that appears earlier on the search path (created by a migration) must not hide the
 * version table: the next run would create a second, empty one and apply every migration again.
 */
class SearchPathRelocationTest {
    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    @TempDir
    Path workDir;

    Cli cli;

    @BeforeEach
    void project() throws SQLException {
        db.resetAllSchemas();
        cli = new Cli(workDir);
    }

    private void configure(String... extra) {
        cli.write(
                "retort.properties",
                "url = " + db.url() + "\nmigrations.package = adv\n" + String.join("\n", extra) + "\n");
    }

    private List<String> versionTables() throws SQLException {
        return db.query(
                "SELECT schemaname || '.' || tablename FROM pg_tables WHERE tablename LIKE 'retort_version%' ORDER BY 1");
    }

    private static void ok(Cli.Result result) {
        assertEquals(ExitCode.OK, result.code(), result::toString);
    }

    @Test
    void schemasSalesWhoseSchemaTheFirstMigrationCreates() throws SQLException {
        configure("schemas = sales");
        Migrations.sql(
                cli,
                "A",
                "a00000000001",
                null,
                "CREATE SCHEMA sales; CREATE TABLE customers (name text);" + " INSERT INTO customers VALUES ('first')",
                "DROP TABLE customers; DROP SCHEMA sales");
        ok(cli.run("upgrade", "head"));
        Migrations.sql(
                cli,
                "B",
                "b00000000002",
                "a00000000001",
                "INSERT INTO customers VALUES ('second')",
                "DELETE FROM customers");

        ok(cli.run("upgrade", "head"));

        assertEquals("b00000000002 (head)\n", cli.run("current").out());
        assertEquals(List.of("first", "second"), db.query("SELECT name FROM sales.customers ORDER BY name"));
        assertEquals(List.of("sales.retort_version", "sales.retort_version_history"), versionTables());
    }

    @Test
    void schemaNamedAfterTheConnectingUserCreatedByAMigration() throws SQLException {
        configure();
        Migrations.sql(
                cli,
                "A",
                "a00000000001",
                null,
                "CREATE SCHEMA AUTHORIZATION CURRENT_USER;"
                        + " CREATE TABLE public.events (name text); INSERT INTO public.events VALUES ('a')",
                "DROP TABLE public.events");
        ok(cli.run("upgrade", "head"));
        Migrations.sql(
                cli,
                "B",
                "b00000000002",
                "a00000000001",
                "INSERT INTO public.events VALUES ('b')",
                "DELETE FROM public.events");

        ok(cli.run("upgrade", "head"));

        assertEquals("b00000000002 (head)\n", cli.run("current").out());
        assertEquals(List.of("a", "b"), db.query("SELECT name FROM public.events ORDER BY name"));
        assertEquals(List.of("public.retort_version", "public.retort_version_history"), versionTables());
    }

    @Revision(id = "a00000000001", message = "sales schema")
    public static final class CreateSales implements Migration {
        @Override
        public void upgrade(Ops op) {
            op.execute("CREATE SCHEMA sales");
            op.execute("CREATE TABLE customers (name text)");
            op.execute("INSERT INTO customers VALUES ('first')");
        }

        @Override
        public void downgrade(Ops op) {
            op.execute("DROP SCHEMA sales CASCADE");
        }
    }

    @Revision(id = "b00000000002", revises = "a00000000001", message = "second customer")
    public static final class SecondCustomer implements Migration {
        @Override
        public void upgrade(Ops op) {
            op.execute("INSERT INTO customers VALUES ('second')");
        }

        @Override
        public void downgrade(Ops op) {
            op.execute("DELETE FROM customers WHERE name = 'second'");
        }
    }

    @Test
    void runtimeApiWithSchemas() throws SQLException {
        Retort first = Retort.configure()
                .url(db.url(), null, null)
                .schemas("sales")
                .migrations(CreateSales.class)
                .load();
        assertEquals(1, first.upgrade("head").applied().size());
        Retort second = Retort.configure()
                .url(db.url(), null, null)
                .schemas("sales")
                .migrations(CreateSales.class, SecondCustomer.class)
                .load();

        RunResult result = second.upgrade("head");

        assertEquals(
                List.of("b00000000002"),
                result.applied().stream().map(s -> s.revision().id()).toList());
        assertEquals(List.of("first", "second"), db.query("SELECT name FROM sales.customers ORDER BY name"));
        assertEquals(List.of("sales.retort_version", "sales.retort_version_history"), versionTables());
        Retort elsewhere = Retort.configure()
                .url(db.url(), null, null)
                .schemas("sales")
                .versionSchema("ops")
                .migrations(CreateSales.class, SecondCustomer.class)
                .load();
        assertEquals(
                Set.of("b00000000002"), elsewhere.current(), "the table found in sales is used, none created in ops");
    }

    @Test
    void versionTableAlreadyElsewhereIsUsed() throws SQLException {
        configure();
        Migrations.sql(
                cli,
                "A",
                "a00000000001",
                null,
                "CREATE TABLE public.events (name text); INSERT INTO public.events VALUES ('a')",
                "DROP TABLE public.events");
        ok(cli.run("upgrade", "head"));
        db.execute("CREATE SCHEMA sales");
        configure("schemas = sales");
        Migrations.sql(
                cli,
                "B",
                "b00000000002",
                "a00000000001",
                "INSERT INTO public.events VALUES ('b')",
                "DELETE FROM public.events");

        ok(cli.run("upgrade", "head"));

        assertEquals("b00000000002 (head)\n", cli.run("current").out());
        assertEquals(List.of("a", "b"), db.query("SELECT name FROM public.events ORDER BY name"));
        assertEquals(List.of("public.retort_version", "public.retort_version_history"), versionTables());
        assertTrue(cli.run("current", "-v")
                .out()
                .startsWith("Version table: \"public\".\"retort_version\"\nRev: b00000000002 (head)\n"));
        Cli.Result validate = cli.run("validate");
        assertEquals("All applied revisions match their migrations.\n", validate.out(), validate::toString);
    }

    @Test
    void offlineScriptStopsWhenTheVersionTableIsElsewhere() throws Exception {
        configure();
        Migrations.sql(
                cli,
                "A",
                "a00000000001",
                null,
                "CREATE TABLE public.events (name text); INSERT INTO public.events VALUES ('a')",
                "DROP TABLE public.events");
        ok(cli.run("upgrade", "head"));
        db.execute("CREATE SCHEMA sales");
        configure("schemas = sales");
        Cli.Result script = cli.run("upgrade", "--sql", "head");
        ok(script);

        Psql.Result applied = Psql.apply(db, workDir, script.out());

        assertTrue(applied.code() != 0, applied::output);
        assertTrue(
                applied.output()
                        .contains(
                                "retort: this script keeps its versions in \"sales\".\"retort_version\", and the database"
                                        + " has its version table at public.retort_version"),
                applied.output());
        assertEquals(List.of("a"), db.query("SELECT name FROM public.events"));
        Psql.Result stamped = Psql.apply(
                db, workDir, cli.run("stamp", "--sql", "a00000000001").out());
        assertTrue(
                stamped.code() != 0 && stamped.output().contains("retort: this script keeps its versions in"),
                stamped::output);
        assertEquals(List.of("public.retort_version", "public.retort_version_history"), versionTables());
    }

    @Test
    void twoVersionTablesAreAnErrorNamingBoth() throws SQLException {
        configure("schemas = sales");
        Migrations.sql(
                cli, "A", "a00000000001", null, "CREATE TABLE public.events (name text)", "DROP TABLE public.events");
        db.execute("CREATE SCHEMA sales; CREATE TABLE public.retort_version (version_num varchar(32) PRIMARY KEY);"
                + " INSERT INTO public.retort_version VALUES ('a00000000001');"
                + " CREATE TABLE sales.retort_version (version_num varchar(32) PRIMARY KEY)");
        String error =
                "error: two version tables, \"sales\".\"retort_version\" and \"public\".\"retort_version\": keep the one that"
                        + " records the database's revision and drop the other (with its _history table), or set version.schema to the one to use\n";

        for (String command : List.of("current", "upgrade", "validate")) {
            Cli.Result result = command.equals("upgrade") ? cli.run("upgrade", "head") : cli.run(command);
            assertEquals(ExitCode.ERROR, result.code(), result::toString);
            assertEquals(error, result.err(), command);
        }
        assertEquals(List.of("a00000000001"), db.query("SELECT version_num FROM public.retort_version"));
        assertEquals(List.of(), db.query("SELECT version_num FROM sales.retort_version"));
        assertTrue(
                db.query("SELECT 1 FROM pg_tables WHERE tablename = 'events'").isEmpty(), "nothing ran");
    }
}
