package dev.retort.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.retort.fixtures.db.PgDump;
import dev.retort.fixtures.db.TestDatabase;
import dev.retort.fixtures.widen.Ticket;
import dev.retort.postgres.DualWriteSql;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code revision --autogenerate --expand-contract} of a type change through the real command line
 * on PostgreSQL with rows: the entities' {@code tickets.serial_no} is {@code bigint} (NOT NULL,
 * default 0, in an index with {@code note} and a unique constraint) and {@code integer} in the
 * database (as the old release has it); the two revisions written are compiled, linted, applied
 * one by one while an "old release" writes {@code serial_no}, and downgraded back exactly.
 */
class ExpandContractTypeTest {
    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    @TempDir
    Path dir;

    private static final int ROWS = 40_000;

    @Test
    void aWideningIsWrittenAsAnExpandAndAContractRevisionThatRoundTrip() throws Exception {
        Cli cli = start("ALTER TABLE tickets ALTER COLUMN serial_no TYPE integer");
        String first = db.query("SELECT version_num FROM retort_version").get(0);
        String before = PgDump.schema(db);

        Cli.Result revision = cli.run("revision", "--autogenerate", "--expand-contract", "-m", "wider serial");
        assertEquals(ExitCode.OK, revision.code(), revision::toString);
        Path expand = migration("WiderSerialExpand");
        Path contract = migration("WiderSerialContract");
        String expandId = OnlineProject.revisionId(expand);
        String contractId = OnlineProject.revisionId(contract);
        assertEquals(
                List.of(
                        "Expand/contract type change of tickets.serial_no from integer to bigint through the shadow"
                                + " column serial_no_new (after the contract it is the table's last column)",
                        "Generating " + dir.relativize(expand) + " (expand) ... done",
                        "Generating " + dir.relativize(contract) + " (contract) ... done",
                        "Deploy the expand revision while the old release runs, then upgrade to the contract revision "
                                + contractId + " as you deploy the release that reads the new type."),
                revision.out()
                        .lines()
                        .filter(l -> !l.startsWith("Detected "))
                        .map(l -> l.replace(dir + "/", ""))
                        .toList(),
                revision::toString);
        String expandSource = Files.readString(expand);
        String contractSource = Files.readString(contract);
        assertTrue(expandSource.contains("<p>Expand step of an expand/contract type change"), expandSource);
        assertTrue(contractSource.contains("revises = \"" + expandId + "\""), contractSource);
        // no plain ALTER ... TYPE of the live column in either step
        assertTrue(!expandSource.contains("alterColumn(\"tickets\", column(\"serial_no\""), expandSource);
        assertTrue(expandSource.contains("NEW.\\\"serial_no_new\\\" := NEW.\\\"serial_no\\\";"), expandSource);

        Cli.Result lint = cli.run("lint");
        assertEquals(ExitCode.OK, lint.code(), lint::toString);
        assertTrue(
                lint.out().endsWith("0 errors, 1 warning in 3 revisions.\n")
                        && lint.out().contains("unreviewed-acknowledgement: drops column tickets.serial_no"),
                lint::toString);

        Cli.Result script = cli.run("upgrade", "--sql", first + ":" + contractId);
        assertEquals(ExitCode.OK, script.code(), script::toString);
        for (String form : List.of(
                "ALTER TABLE \"tickets\" ADD COLUMN \"serial_no_new\" bigint;",
                "BEFORE INSERT OR UPDATE ON \"tickets\"",
                "\"serial_no_new\" = \"serial_no\" WHERE ctid >=",
                "CREATE INDEX CONCURRENTLY \"tickets_serial_no_note_idx_new\" ON \"tickets\" (\"serial_no_new\","
                        + " \"note\");",
                "ADD CONSTRAINT \"tickets_serial_no_key_new\" UNIQUE USING INDEX \"tickets_serial_no_key_new\";",
                "VALIDATE CONSTRAINT \"tickets_serial_no_new_nn_check\";",
                "RENAME COLUMN \"serial_no_new\" TO \"serial_no\";",
                "RENAME CONSTRAINT \"tickets_serial_no_key_new\" TO \"tickets_serial_no_key\";"))
            assertTrue(script.out().contains(form), form + " in\n" + script.out());

        Cli.Result up = cli.run("upgrade", expandId);
        assertEquals(ExitCode.OK, up.code(), up::toString);
        assertEquals(
                List.of("0"), db.query("SELECT count(*) FROM tickets WHERE serial_no_new IS DISTINCT FROM serial_no"));
        assertEquals(
                List.of("bigint integer"),
                db.query("SELECT pg_typeof(serial_no_new) || ' ' || pg_typeof(serial_no) FROM tickets LIMIT 1"));
        // the old release writes the old column; the trigger converts into the shadow
        db.execute("INSERT INTO tickets (id, serial_no, note) VALUES (" + (ROWS + 1) + ", 2000000000, 'old')");
        db.execute("INSERT INTO tickets (id, note) VALUES (" + (ROWS + 2) + ", 'default')");
        db.execute("UPDATE tickets SET serial_no = 50000 WHERE id = 1");
        db.execute("UPDATE tickets SET note = 'touched' WHERE id = 2");
        assertEquals(
                List.of("1 50000 50000", "2 2 2", "40001 2000000000 2000000000", "40002 0 0"),
                db.query("SELECT id, serial_no, serial_no_new FROM tickets WHERE id IN (1, 2, " + (ROWS + 1) + ", "
                        + (ROWS + 2) + ") ORDER BY id"));
        assertEquals(
                List.of("tickets_serial_no_new_nn_check true"),
                db.query("SELECT conname || ' ' || convalidated FROM pg_constraint WHERE contype = 'c'"
                        + " AND conrelid = 'tickets'::regclass"));
        String expanded = PgDump.schema(db);

        // the release between the two: the contract revision not shipped yet, check lists what it will do
        Path aside = dir.resolve(contract.getFileName() + ".later");
        Files.move(contract, aside);
        Cli.Result afterExpand = cli.run("check");
        Files.move(aside, contract);
        assertEquals(new Cli.Result(ExitCode.FOUND, """
                        New upgrade operations detected:
                          drop column tickets.serial_no
                            HAZARD data-loss: drops column tickets.serial_no and its data
                          rename column tickets.serial_no_new to serial_no
                          alter column tickets.serial_no: nullable -> NOT NULL
                          drop check tickets "serial_no_new" IS NOT NULL
                          alter column tickets.serial_no: default none -> 0
                          rename index tickets_serial_no_note_idx_new on tickets to tickets_serial_no_note_idx
                          rename constraint tickets_serial_no_key_new on tickets to tickets_serial_no_key
                        """, ""), afterExpand);

        // the release running at the contract, through pgjdbc: its statements server-prepared (5 executions)
        try (Connection autocommit = connect(new Properties());
                Connection transaction = connect(new Properties());
                Connection autosave = connect(autosave())) {
            transaction.setAutoCommit(false);
            autosave.setAutoCommit(false);
            List<PreparedStatement> reads = List.of(read(autocommit), read(transaction), read(autosave));
            for (int i = 0; i < 6; i++) {
                for (PreparedStatement read : reads) assertEquals(Integer.valueOf(5), value(read));
                transaction.commit();
                autosave.commit();
            }
            assertEquals(ExitCode.OK, cli.run("upgrade", "head").code());
            // outside a transaction pgjdbc prepares the statement again and retries it
            assertEquals(Long.valueOf(5), value(reads.get(0)));
            // inside one the statement fails once and takes the transaction with it, unless autosave is on
            SQLException stale = assertThrows(SQLException.class, () -> value(reads.get(1)));
            assertEquals("0A000", stale.getSQLState(), stale::getMessage);
            assertTrue(stale.getMessage().contains("cached plan must not change result type"), stale::getMessage);
            transaction.rollback();
            assertEquals(Long.valueOf(5), value(reads.get(1)));
            assertEquals(Long.valueOf(5), value(reads.get(2)));
            transaction.commit();
            autosave.commit();
        }
        assertEquals(Cli.CLEAN_CHECK, cli.run("check"));
        assertEquals(List.of("0"), db.query("SELECT count(*) FROM pg_proc WHERE proname LIKE 'tickets_%sync'"));
        assertEquals(
                List.of("bigint 40002"),
                db.query("SELECT t, count(*) FROM (SELECT pg_typeof(serial_no)::text AS t FROM tickets) s GROUP BY t"));
        assertEquals(
                List.of("tickets_pkey", "tickets_serial_no_key", "tickets_serial_no_note_idx"),
                db.query("SELECT indexrelid::regclass::text FROM pg_index WHERE indrelid = 'tickets'::regclass"
                        + " ORDER BY 1"));

        Cli.Result down = cli.run("downgrade", expandId);
        assertEquals(ExitCode.OK, down.code(), down::toString);
        assertEquals(columnsAnyOrder(expanded), columnsAnyOrder(PgDump.schema(db)));
        assertEquals(
                List.of("0"), db.query("SELECT count(*) FROM tickets WHERE serial_no_new IS DISTINCT FROM serial_no"));
        db.execute("UPDATE tickets SET serial_no = 60000 WHERE id = 3");
        assertEquals(List.of("60000"), db.query("SELECT serial_no_new FROM tickets WHERE id = 3"));

        assertEquals(ExitCode.OK, cli.run("downgrade", first).code());
        assertEquals(columnsAnyOrder(before), columnsAnyOrder(PgDump.schema(db)));
        assertEquals(List.of("60000"), db.query("SELECT serial_no FROM tickets WHERE id = 3"));
    }

    @Test
    void aPrimaryKeyTypeChangeStaysOnePlainAlterAndSaysWhy() throws Exception {
        Cli cli = start("ALTER TABLE tickets ALTER COLUMN id TYPE integer");
        Cli.Result revision = cli.run("revision", "--autogenerate", "--expand-contract", "-m", "wider id");
        assertEquals(ExitCode.OK, revision.code(), revision::toString);
        assertTrue(
                revision.out()
                        .contains("Not split: the type change of tickets.id (integer -> bigint) stays one ALTER"
                                + " COLUMN ... TYPE: it is part of the primary key\n"
                                + "No column rename or type change to split; --expand-contract writes one revision"
                                + " as usual.\nGenerating "),
                revision::toString);
        Path written = migration("WiderId");
        assertTrue(
                Files.readString(written)
                        .contains(
                                "op.alterColumn(\"tickets\",\n                column(\"id\", \"integer\").notNull(),\n"
                                        + "                column(\"id\", \"bigint\").notNull());"),
                Files.readString(written));
        assertEquals(ExitCode.OK, cli.run("upgrade", "head").code());
        assertEquals(Cli.CLEAN_CHECK, cli.run("check"));
    }

    /** The entities' schema applied, with rows, then {@code narrow} run by hand: the old release's type. */
    private Cli start(String narrow) throws Exception {
        db.reset();
        Cli cli = new Cli(dir);
        cli.configure(db, Ticket.PACKAGE, "snake");
        Cli.Result create = cli.run("revision", "--autogenerate", "-m", "create");
        assertEquals(ExitCode.OK, create.code(), create::toString);
        assertEquals(ExitCode.OK, cli.run("upgrade", "head").code());
        db.execute("INSERT INTO tickets (id, serial_no, note) SELECT i, i, 'ticket ' || i FROM generate_series(1, "
                + ROWS + ") i");
        db.execute(narrow);
        // more pages than one batch of the copy takes
        assertTrue(Integer.parseInt(
                        db.query("SELECT pg_relation_size('tickets') / 8192").get(0))
                > 2 * DualWriteSql.BATCH_PAGES);
        OnlineProject.online(cli);
        return cli;
    }

    private static Connection connect(Properties properties) throws SQLException {
        return DriverManager.getConnection(db.url(), properties);
    }

    private static Properties autosave() {
        Properties properties = new Properties();
        properties.setProperty("autosave", "conservative");
        return properties;
    }

    private static PreparedStatement read(Connection connection) throws SQLException {
        PreparedStatement read = connection.prepareStatement("SELECT serial_no FROM tickets WHERE id = ?");
        read.setInt(1, 5);
        return read;
    }

    private static Object value(PreparedStatement read) throws SQLException {
        try (ResultSet row = read.executeQuery()) {
            assertTrue(row.next());
            return row.getObject(1);
        }
    }

    private Path migration(String suffix) throws IOException {
        try (Stream<Path> files = Files.list(dir.resolve("migrations"))) {
            List<Path> found = files.filter(f -> f.getFileName().toString().endsWith("_" + suffix + ".java"))
                    .toList();
            assertEquals(1, found.size(), found::toString);
            return found.get(0);
        }
    }

    /** The schema's lines sorted, without the commas that end a column's line: the swapped column comes last. */
    private static List<String> columnsAnyOrder(String dump) {
        return dump.lines()
                .map(l -> l.endsWith(",") ? l.substring(0, l.length() - 1) : l)
                .sorted()
                .toList();
    }
}
