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

/** Two developers branch from one head; both branches are applied, then merged. */
class TeamScenarioTest {
    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    @TempDir
    Path workDir;

    Cli cli;

    @BeforeEach
    void project() throws SQLException {
        db.reset();
        cli = new Cli(workDir);
        cli.write("retort.properties", "url = " + db.url() + "\nmigrations.package = team\n");
    }

    /** A migration that creates one table, written as a developer would. */
    private void migration(String className, String id, String revises, String message, String table) {
        cli.write("migrations/" + className + ".java", """
                package team;
                import static dev.retort.runtime.Ops.column;
                @dev.retort.runtime.Revision(id = "%s"%s, message = "%s")
                public final class %s implements dev.retort.runtime.Migration {
                    public void upgrade(dev.retort.runtime.Ops op) { op.createTable("%s", column("id", "integer")); }
                    public void downgrade(dev.retort.runtime.Ops op) { op.dropTable("%s", column("id", "integer")); }
                }
                """.formatted(
                id, revises == null ? "" : ", revises = \"" + revises + "\"", message, className, table, table));
    }

    private Cli.Result ok(String... args) {
        Cli.Result result = cli.run(args);
        assertEquals(ExitCode.OK, result.code(), result::toString);
        return result;
    }

    @Test
    void branchApplyMergeAndBack() {
        migration("Base", "aaaa00000000", null, "accounts", "accounts");
        ok("upgrade", "head");
        migration("Orders", "bbbb00000000", "aaaa00000000", "orders", "orders");
        migration("Invoices", "cccc00000000", "aaaa00000000", "invoices", "invoices");

        assertEquals("bbbb00000000 (head)\ncccc00000000 (head)\n", ok("heads").out());
        Cli.Result single = cli.run("upgrade", "head");
        assertEquals(ExitCode.ERROR, single.code());
        assertEquals(
                "error: the history has several heads (bbbb00000000, cccc00000000): name one, use 'heads' for all of them "
                        + "or LABEL@head for one branch, or join them with 'retort merge -m MESSAGE heads'; 'retort heads' lists them\n",
                single.err());
        Cli.Result revision = cli.run("revision", "-m", "more");
        assertEquals(ExitCode.ERROR, revision.code());
        assertTrue(
                revision.err().contains("pass --head REV (or LABEL@head) to choose the parent, or merge them first"),
                revision::toString);

        ok("upgrade", "heads");
        assertEquals("bbbb00000000 (head)\ncccc00000000 (head)\n", ok("current").out());
        assertEquals(ExitCode.OK, ok("current", "--check-heads").code());

        ok("merge", "-m", "join orders and invoices", "--rev-id", "dddd00000000", "heads");
        Cli.Result notAtHeads = cli.run("current", "--check-heads");
        assertEquals(ExitCode.FOUND, notAtHeads.code());
        assertEquals(
                "the database is not at all heads: it is at bbbb00000000, cccc00000000, the heads are dddd00000000\n",
                notAtHeads.err());
        assertEquals(
                "Running upgrade (bbbb00000000, cccc00000000) -> dddd00000000, join orders and invoices\n",
                ok("upgrade", "head").out());
        assertEquals("dddd00000000 (head) (mergepoint)\n", ok("current").out());

        assertEquals(
                "Running downgrade dddd00000000 -> (bbbb00000000, cccc00000000), join orders and invoices\n",
                ok("downgrade", "-1").out());
        assertEquals("bbbb00000000\ncccc00000000\n", ok("current").out(), "back at two heads");

        assertEquals("""
                (bbbb00000000, cccc00000000) -> dddd00000000 (head) (mergepoint), join orders and invoices
                aaaa00000000 -> cccc00000000, invoices
                aaaa00000000 -> bbbb00000000, orders
                <base> -> aaaa00000000 (branchpoint), accounts
                """, ok("history").out());
        assertEquals("""
                <base> -> aaaa00000000 (branchpoint), accounts
                    -> bbbb00000000, orders
                    -> cccc00000000, invoices
                """, ok("branches").out());
        assertEquals("""
                (bbbb00000000, cccc00000000) -> dddd00000000 (head) (mergepoint), join orders and invoices
                aaaa00000000 -> cccc00000000 (current), invoices
                aaaa00000000 -> bbbb00000000 (current), orders
                <base> -> aaaa00000000 (branchpoint), accounts
                """, ok("history", "-i").out());
        assertEquals("""
                (bbbb00000000, cccc00000000) -> dddd00000000 (head) (mergepoint), join orders and invoices
                aaaa00000000 -> bbbb00000000, orders
                """, ok("history", "-r", "bbbb00000000:heads").out(), "range from a revision up");
        assertEquals("""
                aaaa00000000 -> cccc00000000, invoices
                <base> -> aaaa00000000 (branchpoint), accounts
                """, ok("history", "-r", ":cccc").out(), "range up to a revision");
        assertEquals(
                """
                Rev: dddd00000000 (head) (mergepoint)
                Merges: bbbb00000000, cccc00000000
                Path: migrations/R_dddd00000000_JoinOrdersAndInvoices.java

                    join orders and invoices
                """.replace("R_dddd00000000_", "Rdddd00000000_"),
                ok("show", "dddd").out());
        assertEquals("""
                Rev: aaaa00000000 (branchpoint)
                Parent: <base>
                Branches into: bbbb00000000, cccc00000000
                Path: migrations/Base.java

                    accounts
                """, ok("show", "aaaa00000000").out());

        assertEquals(
                "Running downgrade cccc00000000 -> aaaa00000000, invoices\n",
                ok("downgrade", "cccc00000000-1").out());
        assertEquals("bbbb00000000\n", ok("current").out(), "downgrading one branch removes its head row only");
    }

    @Test
    void autogenerateRefusesWhenTheDatabaseIsNotAtHead() {
        migration("Base", "aaaa00000000", null, "accounts", "accounts");
        cli.write(
                "retort.properties",
                cli.read("retort.properties") + "entities.packages = " + Shop.V1 + "\nentities.classpath = "
                        + Cli.fixturesClasses() + "\n");
        Cli.Result result = cli.run("revision", "--autogenerate", "-m", "too early");
        assertEquals(
                new Cli.Result(
                        ExitCode.ERROR,
                        "",
                        "error: target database is not up to date: it is at base, the migrations' head is "
                                + "aaaa00000000; run 'retort upgrade head' first, or 'retort revision --autogenerate --dev' to compare on a scratch database\n"),
                result);
    }

    @Test
    void labelledBranchesSpliceAndDependencies() {
        migration("Base", "aaaa00000000", null, "accounts", "accounts");
        ok("revision", "-m", "billing starts", "--rev-id", "b1", "--branch-label", "billing");
        ok(
                "revision",
                "-m",
                "audit starts",
                "--rev-id",
                "c1",
                "--head",
                "aaaa00000000",
                "--splice",
                "--branch-label",
                "audit",
                "--depends-on",
                "b1");
        Cli.Result notHead = cli.run("revision", "-m", "x", "--head", "aaaa00000000");
        assertEquals(
                "error: --head aaaa00000000: revision aaaa00000000 is not a head; pass --splice to start a new branch from it\n",
                notHead.err());
        ok("revision", "-m", "billing two", "--rev-id", "b2", "--head", "billing@head");
        assertEquals("b2 (head)\nc1 (audit) (head)\n", ok("heads").out());
        assertEquals(
                "Running upgrade <base> -> aaaa00000000, accounts\nRunning upgrade aaaa00000000 -> b1, billing starts\n"
                        + "Running upgrade aaaa00000000 -> c1, audit starts\n",
                ok("upgrade", "audit@head").out(),
                "its dependency first");
        assertEquals("b1 (billing)\nc1 (audit) (head)\n", ok("current").out());
        assertEquals(
                "Running upgrade b1 -> b2, billing two\n",
                ok("upgrade", "billing@head").out());
        Cli.Result show = ok("show", "audit");
        assertTrue(show.out().contains("Branch names: audit\nAlso depends on: b1\n"), show::toString);
        assertEquals(
                "Running downgrade c1 -> aaaa00000000, audit starts\n",
                ok("downgrade", "audit@-1").out());
        assertEquals("b2 (head)\n", ok("current").out());
    }

    @Test
    void stampAndEdit() throws Exception {
        migration("Base", "aaaa00000000", null, "accounts", "accounts");
        migration("Orders", "bbbb00000000", "aaaa00000000", "orders", "orders");
        db.execute("CREATE TABLE accounts (id integer); CREATE TABLE orders (id integer)");
        assertEquals("Stamped <base> -> bbbb00000000\n", ok("stamp", "head").out());
        assertEquals("bbbb00000000 (head)\n", ok("current").out());
        assertEquals(
                "Running downgrade bbbb00000000 -> aaaa00000000, orders\n",
                ok("downgrade", "-1").out());
        ok("stamp", "base");
        assertEquals("", ok("current").out());
        db.execute("INSERT INTO retort_version VALUES ('feedfacecafe')");
        Cli.Result unknown = cli.run("stamp", "aaaa");
        assertEquals(ExitCode.ERROR, unknown.code());
        assertTrue(
                unknown.err()
                        .startsWith("error: the database is at revision feedfacecafe, which no migration declares"),
                unknown::toString);
        assertEquals(
                "Stamped feedfacecafe -> aaaa00000000\n",
                ok("stamp", "aaaa", "--purge").out());

        Path editor = workDir.resolve("editor.sh");
        cli.write("editor.sh", "#!/bin/sh\necho \"// reviewed\" >> \"$1\"\n");
        assertTrue(editor.toFile().setExecutable(true));
        cli.environment.put("EDITOR", editor.toString());
        ok("edit", "bbbb");
        assertTrue(cli.read("migrations/Orders.java").endsWith("// reviewed\n"));
        cli.environment.remove("EDITOR");
        assertEquals(
                "error: set VISUAL or EDITOR to the editor to open " + workDir.resolve("migrations/Orders.java")
                        + " with\n",
                cli.run("edit", "bbbb").err());
    }
}
