package dev.retort.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.retort.fixtures.db.Psql;
import dev.retort.fixtures.db.TestDatabase;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Database to database: what turns A into B, printed or as a script; no configuration file needed. */
class DiffCommandTest {
    @RegisterExtension
    static final TestDatabase a = new TestDatabase();

    @RegisterExtension
    static final TestDatabase b = new TestDatabase();

    @TempDir
    Path workDir;

    @Test
    void describesAppliesAndRediffsToNothing() throws Exception {
        a.execute("""
                CREATE SCHEMA audit;
                CREATE TABLE customers (id bigint PRIMARY KEY, email varchar(100) NOT NULL, status text CHECK (status IN ('a', 'b')));
                CREATE TABLE orders (id bigint PRIMARY KEY, customer_id bigint REFERENCES customers, note text);
                CREATE TABLE audit.events (id bigint PRIMARY KEY);
                CREATE SEQUENCE invoice_numbers;
                CREATE VIEW recent AS SELECT id FROM orders;
                """);
        b.execute("""
                CREATE SCHEMA audit;
                CREATE TABLE customers (id bigint PRIMARY KEY, email varchar(200) NOT NULL UNIQUE, status text CHECK (status IN ('a', 'b', 'c')));
                CREATE TABLE orders (id bigint PRIMARY KEY, customer_id bigint REFERENCES customers ON DELETE CASCADE);
                CREATE TABLE audit.events (id bigint PRIMARY KEY, at timestamptz NOT NULL);
                CREATE TABLE audit.logins (id bigint PRIMARY KEY, customer_id bigint REFERENCES public.customers);
                CREATE SEQUENCE invoice_numbers INCREMENT BY 10;
                """);
        Cli cli = new Cli(workDir);
        Cli.Result described = cli.run("diff", "--from", a.url(), "--to", b.url());
        assertEquals(ExitCode.FOUND, described.code(), described::toString);
        for (String expected : new String[] {
            "alter sequence invoice_numbers",
            "add table audit.logins",
            "add column audit.events.at timestamptz(6) NOT NULL",
            "alter column customers.email: type varchar(100) -> varchar(200)",
            "add unique customers (email)",
            "drop column orders.note",
            "add foreign key orders (customer_id) -> customers (id) on delete cascade",
            "add foreign key audit.logins (customer_id) -> customers (id)"
        }) {
            assertTrue(described.out().contains(expected), () -> expected + "\n" + described);
        }
        assertTrue(described.out().contains("add check customers"), described::toString);
        assertTrue(!described.out().contains("recent"), "views are out of scope and never reported");

        Cli.Result script = cli.run("diff", "--from", a.url(), "--to", b.url(), "--sql");
        assertEquals(ExitCode.FOUND, script.code());
        assertTrue(script.out().startsWith("BEGIN;\n") && script.out().endsWith("COMMIT;\n"), script.out());
        Path file = Files.writeString(workDir.resolve("diff.sql"), script.out(), StandardCharsets.UTF_8);
        Psql.load(a, file);
        assertEquals(
                new Cli.Result(ExitCode.OK, "No differences.\n", ""),
                cli.run("diff", "--from", a.url(), "--to", b.url()));
        assertEquals(new Cli.Result(ExitCode.OK, "", ""), cli.run("diff", "--from", a.url(), "--to", b.url(), "--sql"));
    }

    @Test
    void schemaFilters() throws Exception {
        a.execute("DROP SCHEMA IF EXISTS only_a CASCADE; CREATE SCHEMA only_a; CREATE TABLE only_a.t (id integer)");
        Cli cli = new Cli(workDir);
        Cli.Result all = cli.run("diff", "--from", a.url(), "--to", b.url());
        assertTrue(all.out().contains("drop table only_a.t"), all::toString);
        Cli.Result excluded = cli.run("diff", "--from", a.url(), "--to", b.url(), "--exclude-schema", "only_a");
        assertTrue(!excluded.out().contains("only_a"), excluded::toString);
        Cli.Result tableExcluded = cli.run("diff", "--from", a.url(), "--to", b.url(), "--exclude-table", "only_a.*");
        assertTrue(!tableExcluded.out().contains("only_a.t"), tableExcluded::toString);
        Cli.Result tableIncluded = cli.run("diff", "--from", a.url(), "--to", b.url(), "--include-table", "only_*.t");
        assertEquals(
                "drop table only_a.t\n  HAZARD data-loss: drops table only_a.t and all its rows\ndrop schema only_a\n",
                tableIncluded.out());
        Cli.Result publicOnly = cli.run("diff", "--from", a.url(), "--to", b.url(), "--schema", "public");
        assertTrue(!publicOnly.out().contains("only_a") && !publicOnly.out().contains("audit"), publicOnly::toString);
        a.execute("DROP SCHEMA only_a CASCADE");
    }

    @Test
    void unreachableDatabaseIsOneLine() {
        Cli.Result result = new Cli(workDir).run("diff", "--from", "jdbc:postgresql://127.0.0.1:1/x", "--to", b.url());
        assertEquals(ExitCode.ERROR, result.code());
        assertTrue(
                result.err().startsWith("error: cannot connect to jdbc:postgresql://127.0.0.1:1/x: "),
                result::toString);
    }
}
