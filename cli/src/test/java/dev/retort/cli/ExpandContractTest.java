package dev.retort.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.retort.fixtures.db.PgDump;
import dev.retort.fixtures.db.TestDatabase;
import dev.retort.fixtures.expand.Customer;
import dev.retort.postgres.DualWriteSql;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code revision --autogenerate --expand-contract} through the real command line on PostgreSQL
 * with rows: the entities' {@code customers.full_name} is {@code name} in the database (renamed by
 * hand, as the old release has it), and the two revisions written are compiled, applied one by
 * one while an "old release" writes {@code name} and a "new release" writes {@code full_name}, and
 * downgraded back to the schema they started from.
 */
class ExpandContractTest {
    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    @TempDir
    Path dir;

    private static final int ROWS = 40_000;

    @Test
    void aRenameIsWrittenAsAnExpandAndAContractRevisionThatRoundTrip() throws Exception {
        Cli cli = start();
        String first = currentRevision();
        String before = PgDump.schema(db);

        Cli.Result revision = cli.run("revision", "--autogenerate", "--expand-contract", "-m", "full name");
        assertEquals(ExitCode.OK, revision.code(), revision::toString);
        Path expand = migration("FullNameExpand");
        Path contract = migration("FullNameContract");
        String expandId = OnlineProject.revisionId(expand);
        String contractId = OnlineProject.revisionId(contract);
        assertEquals(
                List.of(
                        "Expand/contract rename of customers.name to full_name",
                        "Generating " + dir.relativize(expand) + " (expand) ... done",
                        "Generating " + dir.relativize(contract) + " (contract) ... done",
                        "Deploy the expand revision, roll out the release that uses the new column names, then upgrade"
                                + " to the contract revision " + contractId + "."),
                revision.out()
                        .lines()
                        .filter(l -> !l.startsWith("Detected "))
                        .map(l -> l.replace(dir + "/", ""))
                        .toList(),
                revision::toString);
        String expandSource = Files.readString(expand);
        String contractSource = Files.readString(contract);
        assertTrue(expandSource.contains("revises = \"" + first + "\""), expandSource);
        assertTrue(contractSource.contains("revises = \"" + expandId + "\""), contractSource);
        assertTrue(
                expandSource.contains("<p>Expand step of an expand/contract rename: deploy this revision"),
                expandSource);
        assertTrue(contractSource.contains("<p>Contract step of an expand/contract rename"), contractSource);
        assertTrue(
                expandSource.contains("op.addColumn(\"customers\", column(\"full_name\", \"varchar(255)\"));"),
                expandSource);
        // the index the entities put on full_name is built once the column is filled, concurrently
        int copy = expandSource.indexOf("DO $sync$");
        assertTrue(copy > 0 && expandSource.indexOf("a.createIndex(\"customers\",") > copy, expandSource);

        // the copy's DO block is waived for unparsed-sql in the source; the drop is acknowledged as generated drops are
        Cli.Result lint = cli.run("lint");
        assertEquals(ExitCode.OK, lint.code(), lint::toString);
        assertEquals(
                contract.getFileName() + ":29: warning unreviewed-acknowledgement: drops column customers.name and its"
                        + " data: acknowledged with Ops.UNREVIEWED, no reason given\n"
                        + "0 errors, 1 warning in 3 revisions.\n",
                lint.out(),
                lint::toString);
        assertTrue(expandSource.contains(".lintIgnore(\"unparsed-sql\""), expandSource);

        Cli.Result up = cli.run("upgrade", expandId);
        assertEquals(ExitCode.OK, up.code(), up::toString);
        // the copy filled every row, and the trigger keeps the columns equal whichever one a release writes
        assertEquals(List.of("0"), db.query("SELECT count(*) FROM customers WHERE full_name IS DISTINCT FROM name"));
        assertEquals(
                List.of(String.valueOf(ROWS)),
                db.query("SELECT count(*) FROM customers WHERE full_name LIKE 'customer %'"));
        db.execute("INSERT INTO customers (id, name, city) VALUES (" + (ROWS + 1) + ", 'old writer', 'x')");
        db.execute("INSERT INTO customers (id, full_name, city) VALUES (" + (ROWS + 2) + ", 'new writer', 'y')");
        db.execute("INSERT INTO customers (id, city) VALUES (" + (ROWS + 3) + ", 'z')");
        db.execute("UPDATE customers SET name = 'old update' WHERE id = 1");
        db.execute("UPDATE customers SET full_name = 'new update' WHERE id = 2");
        assertEquals(
                List.of("1 old update old update", "2 new update new update"),
                db.query("SELECT id, name, full_name FROM customers WHERE id IN (1, 2) ORDER BY id"));
        assertEquals(
                List.of("old writer old writer", "new writer new writer", "unknown unknown"),
                db.query("SELECT name, full_name FROM customers WHERE id > " + ROWS + " ORDER BY id"));

        // the release between the two: the contract revision not shipped yet, check lists what it will do
        Path aside = dir.resolve(contract.getFileName() + ".later");
        Files.move(contract, aside);
        Cli.Result afterExpand = cli.run("check");
        Files.move(aside, contract);
        assertEquals(new Cli.Result(ExitCode.FOUND, """
                        New upgrade operations detected:
                          alter column customers.full_name: default none -> 'unknown'
                          drop column customers.name
                            HAZARD data-loss: drops column customers.name and its data
                        """, ""), afterExpand);

        assertEquals(ExitCode.OK, cli.run("upgrade", "head").code());
        assertEquals(Cli.CLEAN_CHECK, cli.run("check"));
        assertEquals(List.of("0"), db.query("SELECT count(*) FROM pg_proc WHERE proname LIKE 'customers_%sync'"));

        Cli.Result down = cli.run("downgrade", expandId);
        assertEquals(ExitCode.OK, down.code(), down::toString);
        assertEquals(List.of("0"), db.query("SELECT count(*) FROM customers WHERE full_name IS DISTINCT FROM name"));
        db.execute("INSERT INTO customers (id, full_name, city) VALUES (" + (ROWS + 4) + ", 'after contract', 'y')");
        assertEquals(List.of("after contract"), db.query("SELECT name FROM customers WHERE id = " + (ROWS + 4)));
        assertEquals(ExitCode.OK, cli.run("downgrade", first).code());
        assertEquals(columnsAnyOrder(before), columnsAnyOrder(PgDump.schema(db)));
    }

    @Test
    void withoutARenameOneRevisionIsWrittenAsUsual() throws Exception {
        Cli cli = start();
        db.execute("ALTER TABLE customers RENAME COLUMN name TO full_name; ALTER TABLE customers DROP COLUMN city");
        Cli.Result revision = cli.run("revision", "--autogenerate", "--expand-contract", "-m", "city");
        assertEquals(ExitCode.OK, revision.code(), revision::toString);
        assertTrue(
                revision.out()
                        .contains("No column rename or type change to split; --expand-contract writes one revision as"
                                + " usual.\n"
                                + "Generating "),
                revision::toString);
        migration("City");
        assertEquals(ExitCode.OK, cli.run("upgrade", "head").code());
        assertEquals(Cli.CLEAN_CHECK, cli.run("check"));
    }

    @Test
    void theFlagNeedsAutogenerateAndPostgreSql() throws Exception {
        Cli cli = start();
        Cli.Result revision = cli.run("revision", "--expand-contract", "-m", "by hand");
        assertEquals(new Cli.Result(ExitCode.ERROR, "", "error: --expand-contract needs --autogenerate\n"), revision);
        cli.write(
                "retort.properties",
                cli.read("retort.properties").replaceFirst("url = .*", "url = jdbc:mariadb://127.0.0.1:3306/expand"));
        assertEquals(
                new Cli.Result(
                        ExitCode.ERROR,
                        "",
                        "error: --expand-contract: PostgreSQL only (its trigger and batched copy are PL/pgSQL), not on"
                                + " MariaDB\n"),
                cli.run("revision", "--autogenerate", "--expand-contract", "-m", "rename"));
    }

    private Cli start() throws Exception {
        db.reset();
        Cli cli = new Cli(dir);
        cli.configure(db, Customer.PACKAGE, "snake");
        Cli.Result create = cli.run("revision", "--autogenerate", "-m", "create");
        assertEquals(ExitCode.OK, create.code(), create::toString);
        assertEquals(ExitCode.OK, cli.run("upgrade", "head").code());
        db.execute("INSERT INTO customers (id, full_name, city) SELECT i, 'customer ' || i, 'c' || (i % 10)"
                + " FROM generate_series(1, " + ROWS + ") i");
        // the old release's name for the column
        db.execute("ALTER TABLE customers RENAME COLUMN full_name TO name");
        // more pages than one batch of the copy takes
        assertTrue(Integer.parseInt(
                        db.query("SELECT pg_relation_size('customers') / 8192").get(0))
                > 2 * DualWriteSql.BATCH_PAGES);
        OnlineProject.online(cli);
        return cli;
    }

    private String currentRevision() throws Exception {
        return db.query("SELECT version_num FROM retort_version").get(0);
    }

    private Path migration(String suffix) throws IOException {
        try (Stream<Path> files = Files.list(dir.resolve("migrations"))) {
            List<Path> found = files.filter(f -> f.getFileName().toString().endsWith("_" + suffix + ".java"))
                    .toList();
            assertEquals(1, found.size(), found::toString);
            return found.get(0);
        }
    }

    /**
     * The schema's lines sorted, without the commas that end a column's line: a column dropped and added again
     * comes last in its table, which is all that may differ.
     */
    private static List<String> columnsAnyOrder(String dump) {
        return dump.lines()
                .map(l -> l.endsWith(",") ? l.substring(0, l.length() - 1) : l)
                .sorted()
                .toList();
    }
}
