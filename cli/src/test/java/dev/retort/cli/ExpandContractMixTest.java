package dev.retort.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.retort.fixtures.db.PgDump;
import dev.retort.fixtures.db.TestDatabase;
import dev.retort.fixtures.expand.Customer;
import dev.retort.fixtures.mix.Parcel;
import dev.retort.fixtures.widen.Ticket;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code revision --autogenerate --expand-contract} of a plan that holds both a rename and a type
 * change, through the real command line on PostgreSQL with rows: on two tables ({@code
 * customers.name} renamed to {@code full_name}, {@code tickets.serial_no} widened from {@code
 * integer} to {@code bigint}), on one table ({@code parcels.tag} to {@code label}, {@code weight}
 * widened), and on one table whose index holds both columns (the widening then not split); each
 * pair of revisions written is compiled, linted, applied step by step while an "old release"
 * writes the old names and types, and downgraded back exactly.
 */
class ExpandContractMixTest {
    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    @TempDir
    Path dir;

    private static final int ROWS = 10_000;

    @Test
    void aRenameAndAWideningAreWrittenAsOnePairOfRevisionsThatRoundTrip() throws Exception {
        Cli cli = start(
                Customer.PACKAGE + "," + Ticket.PACKAGE,
                "ALTER TABLE customers RENAME COLUMN full_name TO name",
                "ALTER TABLE tickets ALTER COLUMN serial_no TYPE integer");
        String first = db.query("SELECT version_num FROM retort_version").get(0);
        String before = PgDump.schema(db);

        Cli.Result revision = cli.run("revision", "--autogenerate", "--expand-contract", "-m", "mixed");
        assertEquals(ExitCode.OK, revision.code(), revision::toString);
        Path expand = migration("MixedExpand");
        Path contract = migration("MixedContract");
        String expandId = OnlineProject.revisionId(expand);
        String contractId = OnlineProject.revisionId(contract);
        assertEquals(
                List.of(
                        "Expand/contract rename of customers.name to full_name",
                        "Expand/contract type change of tickets.serial_no from integer to bigint through the shadow"
                                + " column serial_no_new (after the contract it is the table's last column)",
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
                expandSource.contains("op.addColumn(\"customers\", column(\"full_name\", \"varchar(255)\"));"),
                expandSource);
        assertTrue(expandSource.contains("NEW.\\\"serial_no_new\\\" := NEW.\\\"serial_no\\\";"), expandSource);
        assertTrue(!expandSource.contains("alterColumn(\"tickets\", column(\"serial_no\""), expandSource);

        // the contract's two drops are acknowledged as generated drops are, and nothing else is said
        Cli.Result lint = cli.run("lint");
        assertEquals(ExitCode.OK, lint.code(), lint::toString);
        assertEquals(
                List.of(
                        "warning unreviewed-acknowledgement: drops column customers.name and its data: acknowledged"
                                + " with Ops.UNREVIEWED, no reason given",
                        "warning unreviewed-acknowledgement: drops column tickets.serial_no and its data: acknowledged"
                                + " with Ops.UNREVIEWED, no reason given",
                        "0 errors, 2 warnings in 3 revisions."),
                lint.out()
                        .lines()
                        .map(l -> l.replaceFirst("^" + contract.getFileName() + ":\\d+: ", ""))
                        .toList(),
                lint::toString);

        Cli.Result up = cli.run("upgrade", expandId);
        assertEquals(ExitCode.OK, up.code(), up::toString);
        assertEquals(List.of("0"), db.query("SELECT count(*) FROM customers WHERE full_name IS DISTINCT FROM name"));
        assertEquals(
                List.of("0"), db.query("SELECT count(*) FROM tickets WHERE serial_no_new IS DISTINCT FROM serial_no"));
        // the old release writes the old names and types; the triggers fill the new columns
        db.execute("INSERT INTO customers (id, name, city) VALUES (" + (ROWS + 1) + ", 'old writer', 'x')");
        db.execute("UPDATE customers SET name = 'old update' WHERE id = 1");
        db.execute("INSERT INTO tickets (id, serial_no, note) VALUES (" + (ROWS + 1) + ", 2000000000, 'old')");
        db.execute("UPDATE tickets SET serial_no = 50000 WHERE id = 1");
        assertEquals(
                List.of("1 old update old update", "10001 old writer old writer"),
                db.query("SELECT id, name, full_name FROM customers WHERE id IN (1, " + (ROWS + 1) + ") ORDER BY id"));
        assertEquals(
                List.of("1 50000 50000 bigint", "10001 2000000000 2000000000 bigint"),
                db.query("SELECT id, serial_no, serial_no_new, pg_typeof(serial_no_new) FROM tickets WHERE id IN (1, "
                        + (ROWS + 1) + ") ORDER BY id"));
        String expanded = PgDump.schema(db);

        // the release between the two: the contract revision not shipped yet, check lists exactly what it will do
        Path aside = dir.resolve(contract.getFileName() + ".later");
        Files.move(contract, aside);
        Cli.Result afterExpand = cli.run("check");
        Files.move(aside, contract);
        assertEquals(new Cli.Result(ExitCode.FOUND, """
                        New upgrade operations detected:
                          alter column customers.full_name: default none -> 'unknown'
                          drop column customers.name
                            HAZARD data-loss: drops column customers.name and its data
                          drop column tickets.serial_no
                            HAZARD data-loss: drops column tickets.serial_no and its data
                          rename column tickets.serial_no_new to serial_no
                          alter column tickets.serial_no: nullable -> NOT NULL
                          drop check tickets "serial_no_new" IS NOT NULL
                          alter column tickets.serial_no: default none -> 0
                          rename index tickets_serial_no_note_idx_new on tickets to tickets_serial_no_note_idx
                          rename constraint tickets_serial_no_key_new on tickets to tickets_serial_no_key
                        """, ""), afterExpand);

        assertEquals(ExitCode.OK, cli.run("upgrade", "head").code());
        assertEquals(Cli.CLEAN_CHECK, cli.run("check"));
        assertEquals(List.of("0"), db.query("SELECT count(*) FROM pg_proc WHERE proname LIKE '%sync'"));
        assertEquals(
                List.of("old update 50000 bigint"),
                db.query("SELECT c.full_name || ' ' || t.serial_no || ' ' || pg_typeof(t.serial_no)"
                        + " FROM customers c JOIN tickets t USING (id) WHERE id = 1"));

        Cli.Result down = cli.run("downgrade", expandId);
        assertEquals(ExitCode.OK, down.code(), down::toString);
        assertEquals(columnsAnyOrder(expanded), columnsAnyOrder(PgDump.schema(db)));
        assertEquals(List.of("0"), db.query("SELECT count(*) FROM customers WHERE full_name IS DISTINCT FROM name"));
        assertEquals(
                List.of("0"), db.query("SELECT count(*) FROM tickets WHERE serial_no_new IS DISTINCT FROM serial_no"));

        assertEquals(ExitCode.OK, cli.run("downgrade", first).code());
        assertEquals(columnsAnyOrder(before), columnsAnyOrder(PgDump.schema(db)));
        assertEquals(
                List.of("old update 50000 integer"),
                db.query("SELECT c.name || ' ' || t.serial_no || ' ' || pg_typeof(t.serial_no)"
                        + " FROM customers c JOIN tickets t USING (id) WHERE id = 1"));
    }

    @Test
    void aRenameAndAWideningOfOneTableAreWrittenAsOnePairOfRevisionsThatRoundTrip() throws Exception {
        Cli cli = start(
                Parcel.PACKAGE,
                "ALTER TABLE parcels RENAME COLUMN label TO tag",
                "ALTER TABLE parcels ALTER COLUMN weight TYPE integer");
        String first = db.query("SELECT version_num FROM retort_version").get(0);
        String before = PgDump.schema(db);

        Cli.Result revision = cli.run("revision", "--autogenerate", "--expand-contract", "-m", "parcel");
        assertEquals(ExitCode.OK, revision.code(), revision::toString);
        Path expand = migration("ParcelExpand");
        Path contract = migration("ParcelContract");
        String expandId = OnlineProject.revisionId(expand);
        String contractId = OnlineProject.revisionId(contract);
        assertEquals(
                List.of(
                        "Expand/contract rename of parcels.tag to label",
                        "Expand/contract type change of parcels.weight from integer to bigint through the shadow"
                                + " column weight_new (after the contract it is the table's last column)",
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
        assertTrue(
                expandSource.contains("op.addColumn(\"parcels\", column(\"label\", \"varchar(255)\"));"), expandSource);
        assertTrue(expandSource.contains("NEW.\\\"weight_new\\\" := NEW.\\\"weight\\\";"), expandSource);
        assertTrue(!expandSource.contains("alterColumn(\"parcels\", column(\"weight\""), expandSource);

        Cli.Result lint = cli.run("lint");
        assertEquals(ExitCode.OK, lint.code(), lint::toString);
        assertEquals(
                List.of(
                        "warning unreviewed-acknowledgement: drops column parcels.tag and its data: acknowledged"
                                + " with Ops.UNREVIEWED, no reason given",
                        "warning unreviewed-acknowledgement: drops column parcels.weight and its data: acknowledged"
                                + " with Ops.UNREVIEWED, no reason given",
                        "0 errors, 2 warnings in 3 revisions."),
                lint.out()
                        .lines()
                        .map(l -> l.replaceFirst("^" + contract.getFileName() + ":\\d+: ", ""))
                        .toList(),
                lint::toString);

        Cli.Result up = cli.run("upgrade", expandId);
        assertEquals(ExitCode.OK, up.code(), up::toString);
        assertEquals(
                List.of("0"),
                db.query("SELECT count(*) FROM parcels WHERE label IS DISTINCT FROM tag"
                        + " OR weight_new IS DISTINCT FROM weight"));
        // the old release writes both old columns, in one statement and in two
        db.execute("INSERT INTO parcels (id, weight, tag) VALUES (" + (ROWS + 1) + ", 2000000000, 'old')");
        db.execute("INSERT INTO parcels (id, tag) VALUES (" + (ROWS + 2) + ", 'default weight')");
        db.execute("UPDATE parcels SET weight = 50000, tag = 'old update' WHERE id = 1");
        db.execute("UPDATE parcels SET tag = 'tag only' WHERE id = 2");
        db.execute("UPDATE parcels SET weight = 7 WHERE id = 3");
        assertEquals(
                List.of(
                        "1 50000 50000 old update old update",
                        "2 2 2 tag only tag only",
                        "3 7 7 parcel 3 parcel 3",
                        "10001 2000000000 2000000000 old old",
                        "10002 0 0 default weight default weight"),
                db.query("SELECT id, weight, weight_new, tag, label FROM parcels WHERE id IN (1, 2, 3, " + (ROWS + 1)
                        + ", " + (ROWS + 2) + ") ORDER BY id"));
        String expanded = PgDump.schema(db);

        // the release between the two: the shadow's swap (PendingContract) is listed before the rename's drop
        Path aside = dir.resolve(contract.getFileName() + ".later");
        Files.move(contract, aside);
        Cli.Result afterExpand = cli.run("check");
        Files.move(aside, contract);
        assertEquals(new Cli.Result(ExitCode.FOUND, """
                        New upgrade operations detected:
                          drop column parcels.weight
                            HAZARD data-loss: drops column parcels.weight and its data
                          rename column parcels.weight_new to weight
                          alter column parcels.weight: nullable -> NOT NULL
                          drop check parcels "weight_new" IS NOT NULL
                          alter column parcels.weight: default none -> 0
                          rename index parcels_weight_idx_new on parcels to parcels_weight_idx
                          drop column parcels.tag
                            HAZARD data-loss: drops column parcels.tag and its data
                        """, ""), afterExpand);

        Cli.Result contracted = cli.run("upgrade", "head");
        assertEquals(ExitCode.OK, contracted.code(), contracted::toString);
        assertEquals(Cli.CLEAN_CHECK, cli.run("check"));
        assertEquals(List.of("0"), db.query("SELECT count(*) FROM pg_proc WHERE proname LIKE '%sync'"));
        assertEquals(
                List.of("parcels_label_idx", "parcels_pkey", "parcels_weight_idx"),
                db.query("SELECT indexrelid::regclass::text FROM pg_index WHERE indrelid = 'parcels'::regclass"
                        + " ORDER BY 1"));
        assertEquals(
                List.of("old update 50000 bigint"),
                db.query("SELECT label || ' ' || weight || ' ' || pg_typeof(weight) FROM parcels WHERE id = 1"));

        Cli.Result down = cli.run("downgrade", expandId);
        assertEquals(ExitCode.OK, down.code(), down::toString);
        assertEquals(columnsAnyOrder(expanded), columnsAnyOrder(PgDump.schema(db)));
        assertEquals(
                List.of("0"),
                db.query("SELECT count(*) FROM parcels WHERE label IS DISTINCT FROM tag"
                        + " OR weight_new IS DISTINCT FROM weight"));

        assertEquals(ExitCode.OK, cli.run("downgrade", first).code());
        assertEquals(columnsAnyOrder(before), columnsAnyOrder(PgDump.schema(db)));
        assertEquals(
                List.of("old update 50000 integer"),
                db.query("SELECT tag || ' ' || weight || ' ' || pg_typeof(weight) FROM parcels WHERE id = 1"));
    }

    /**
     * On one table the rename and the widening share an index ({@code serial_no, note}): the plan rebuilds it for
     * the rename, so the widening is not split (README: "a plan that also changes an index or constraint on the
     * column") and stays one plain {@code ALTER} in the expand revision, beside the split rename.
     */
    @Test
    void onOneTableSharingAnIndexTheRenameIsSplitAndTheWideningStaysOnePlainAlter() throws Exception {
        Cli cli = start(
                Ticket.PACKAGE,
                "ALTER TABLE tickets RENAME COLUMN note TO remark",
                "ALTER TABLE tickets ALTER COLUMN serial_no TYPE integer");
        String first = db.query("SELECT version_num FROM retort_version").get(0);
        String before = PgDump.schema(db);

        Cli.Result revision = cli.run("revision", "--autogenerate", "--expand-contract", "-m", "one table");
        assertEquals(ExitCode.OK, revision.code(), revision::toString);
        Path expand = migration("OneTableExpand");
        Path contract = migration("OneTableContract");
        String expandId = OnlineProject.revisionId(expand);
        String contractId = OnlineProject.revisionId(contract);
        assertEquals(
                List.of(
                        "Not split: the type change of tickets.serial_no (integer -> bigint) stays one ALTER COLUMN"
                                + " ... TYPE: the plan also changes an index or constraint that involves it",
                        "Expand/contract rename of tickets.remark to note",
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
        assertTrue(expandSource.contains("op.alterColumn(\"tickets\","), expandSource);
        assertTrue(!expandSource.contains("serial_no_new"), expandSource);
        assertTrue(!contractSource.contains("serial_no"), contractSource);

        // the plain ALTER is what lint is there to catch: the user acknowledges the lock or splits the change by hand
        Cli.Result lint = cli.run("lint");
        assertEquals(ExitCode.FOUND, lint.code(), lint::toString);
        assertEquals(
                List.of(
                        "error rewriting-type-change: type integer -> bigint of \"tickets\".serial_no rewrites existing"
                                + " table \"tickets\" under an ACCESS EXCLUSIVE lock",
                        "warning unreviewed-acknowledgement: drops column tickets.remark and its data: acknowledged"
                                + " with Ops.UNREVIEWED, no reason given",
                        "1 error, 1 warning in 3 revisions."),
                lint.out()
                        .lines()
                        .map(l -> l.replaceFirst(
                                "^(" + expand.getFileName() + "|" + contract.getFileName() + "):\\d+: ", ""))
                        .toList(),
                lint::toString);

        Cli.Result up = cli.run("upgrade", expandId);
        assertEquals(ExitCode.OK, up.code(), up::toString);
        assertEquals(List.of("0"), db.query("SELECT count(*) FROM tickets WHERE note IS DISTINCT FROM remark"));
        db.execute("INSERT INTO tickets (id, serial_no, remark) VALUES (" + (ROWS + 1) + ", 2000000000, 'old')");
        db.execute("UPDATE tickets SET serial_no = 50000, remark = 'old update' WHERE id = 1");
        assertEquals(
                List.of("1 50000 bigint old update old update", "10001 2000000000 bigint old old"),
                db.query("SELECT id, serial_no, pg_typeof(serial_no), remark, note FROM tickets WHERE id IN (1, "
                        + (ROWS + 1) + ") ORDER BY id"));
        String expanded = PgDump.schema(db);

        Path aside = dir.resolve(contract.getFileName() + ".later");
        Files.move(contract, aside);
        Cli.Result afterExpand = cli.run("check");
        Files.move(aside, contract);
        assertEquals(new Cli.Result(ExitCode.FOUND, """
                        New upgrade operations detected:
                          drop column tickets.remark
                            HAZARD data-loss: drops column tickets.remark and its data
                        """, ""), afterExpand);

        Cli.Result contracted = cli.run("upgrade", "head");
        assertEquals(ExitCode.OK, contracted.code(), contracted::toString);
        assertEquals(Cli.CLEAN_CHECK, cli.run("check"));
        assertEquals(
                List.of("tickets_pkey", "tickets_serial_no_key", "tickets_serial_no_note_idx"),
                db.query("SELECT indexrelid::regclass::text FROM pg_index WHERE indrelid = 'tickets'::regclass"
                        + " ORDER BY 1"));

        Cli.Result down = cli.run("downgrade", expandId);
        assertEquals(ExitCode.OK, down.code(), down::toString);
        assertEquals(columnsAnyOrder(expanded), columnsAnyOrder(PgDump.schema(db)));
        assertEquals(ExitCode.OK, cli.run("downgrade", first).code());
        assertEquals(columnsAnyOrder(before), columnsAnyOrder(PgDump.schema(db)));
        assertEquals(
                List.of("old update 50000 integer"),
                db.query("SELECT remark || ' ' || serial_no || ' ' || pg_typeof(serial_no) FROM tickets WHERE id = 1"));
    }

    /** The entities of {@code packages} applied, with rows, then {@code old} run by hand: the old release's schema. */
    private Cli start(String packages, String... old) throws Exception {
        db.reset();
        Cli cli = new Cli(dir);
        cli.configure(db, packages, "snake");
        Cli.Result create = cli.run("revision", "--autogenerate", "-m", "create");
        assertEquals(ExitCode.OK, create.code(), create::toString);
        assertEquals(ExitCode.OK, cli.run("upgrade", "head").code());
        List<String> tables = db.query("SELECT tablename FROM pg_tables WHERE schemaname = 'public'"
                + " AND tablename IN ('customers', 'tickets', 'parcels')");
        if (tables.contains("customers"))
            db.execute("INSERT INTO customers (id, full_name, city) SELECT i, 'customer ' || i, 'c' || (i % 10)"
                    + " FROM generate_series(1, " + ROWS + ") i");
        if (tables.contains("tickets"))
            db.execute("INSERT INTO tickets (id, serial_no, note) SELECT i, i, 'ticket ' || i FROM generate_series(1, "
                    + ROWS + ") i");
        if (tables.contains("parcels"))
            db.execute("INSERT INTO parcels (id, weight, label) SELECT i, i, 'parcel ' || i FROM generate_series(1, "
                    + ROWS + ") i");
        for (String statement : old) db.execute(statement);
        OnlineProject.online(cli);
        return cli;
    }

    private Path migration(String suffix) throws IOException {
        try (Stream<Path> files = Files.list(dir.resolve("migrations"))) {
            List<Path> found = files.filter(f -> f.getFileName().toString().endsWith("_" + suffix + ".java"))
                    .toList();
            assertEquals(1, found.size(), found::toString);
            return found.get(0);
        }
    }

    /** The schema's lines sorted, without the commas that end a column's line: a column added again comes last. */
    private static List<String> columnsAnyOrder(String dump) {
        return dump.lines()
                .map(l -> l.endsWith(",") ? l.substring(0, l.length() - 1) : l)
                .sorted()
                .toList();
    }
}
