package dev.retort.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.retort.fixtures.db.MariaDbTestDatabase;
import dev.retort.fixtures.shop.Shop;
import dev.retort.mariadb.MariaDbIntrospector;
import dev.retort.schema.Table;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A new user's journey on MariaDB, through the real command line, as {@link JourneyTest} on PostgreSQL: the shop's
 * entities to a first migration, upgraded, checked clean; the second version of the entities checked, generated,
 * upgraded, downgraded back to exactly the first catalog with the rows kept, upgraded again, and downgraded to
 * base. The migrations are the dialect-neutral classes {@code revision --autogenerate} writes, rendered by
 * {@code MariaDbSql} and run statement by statement.
 */
class MariaDbJourneyTest {
    @RegisterExtension
    final MariaDbTestDatabase db = server();

    /** Whether the type changes under keys run in MariaDB's online form ({@code safety = online}). */
    boolean online() {
        return true;
    }

    /** The server the journeys run on: MariaDB here, MySQL in {@link MySqlJourneyTest}. */
    MariaDbTestDatabase server() {
        return new MariaDbTestDatabase();
    }

    @TempDir
    Path workDir;

    @Test
    void entitiesToMigrationsAndBackAgainOnMariaDb() throws Exception {
        Cli cli = new Cli(workDir);
        Cli.Result init = cli.run("init");
        assertEquals(ExitCode.OK, init.code(), init::toString);

        cli.configure(db.url(), Shop.V1, "snake");
        Cli.Result create = cli.run("revision", "--autogenerate", "-m", "create");
        assertEquals(ExitCode.OK, create.code(), create::toString);
        assertTrue(create.out().contains("Detected add table customers"), create::toString);
        String firstId =
                single(workDir.resolve("migrations")).getFileName().toString().substring(1, 13);

        assertEquals("", cli.run("current").out(), "nothing applied yet");
        Cli.Result up = cli.run("upgrade", "head");
        assertEquals(ExitCode.OK, up.code(), up::toString);
        assertEquals("Running upgrade <base> -> " + firstId + ", create\n", up.out());
        assertEquals(firstId + " (head)\n", cli.run("current").out());
        assertEquals(Cli.CLEAN_CHECK, cli.run("check"));

        List<Table> v1 = catalog();
        insertVersionOneRows();

        cli.configure(db.url(), Shop.V2, "snake");
        Cli.Result drift = cli.run("check");
        assertEquals(ExitCode.FOUND, drift.code(), drift::toString);
        for (String expected : List.of(
                "add table reviews",
                "drop table coupons",
                "add column customers.phone varchar(30)",
                "alter column customers.email: type varchar(200) -> varchar(320)",
                "alter column customers.name: nullable -> NOT NULL",
                "drop column orders.notes",
                "add column products.description varchar(2000)",
                "alter column products.price: type numeric(10,2) -> numeric(12,2)",
                "HAZARD data-loss: drops column orders.notes and its data")) {
            assertTrue(drift.out().contains(expected), () -> "check names " + expected + "\n" + drift);
        }

        Cli.Result second = cli.run("revision", "--autogenerate", "-m", "shop v2");
        assertEquals(ExitCode.OK, second.code(), second::toString);
        Cli.Result up2 = cli.run("upgrade", "head");
        assertEquals(ExitCode.OK, up2.code(), up2::toString);
        assertEquals(Cli.CLEAN_CHECK, cli.run("check"));
        List<Table> v2 = catalog();
        String secondId = cli.run("heads").out().substring(0, 12);
        assertEquals(ExitCode.OK, cli.run("validate").code());

        Cli.Result down = cli.run("downgrade", "-1");
        assertEquals(ExitCode.OK, down.code(), down::toString);
        assertEquals("Running downgrade " + secondId + " -> " + firstId + ", shop v2\n", down.out());
        assertEquals(v1, catalog(), "downgrade -1 gives back exactly the v1 catalog");
        assertEquals(
                List.of("1 ada@example.com Ada", "2 bob@example.com Bob"),
                db.query("SELECT id, email, name FROM customers ORDER BY id"),
                "rows survive where their columns do");
        assertEquals(firstId + "\n", cli.run("current").out(), "no longer at the head");

        assertEquals(ExitCode.OK, cli.run("upgrade", "head").code());
        assertEquals(v2, catalog(), "upgrade head gives back v2");

        Cli.Result base = cli.run("downgrade", "base");
        assertEquals(ExitCode.OK, base.code(), base::toString);
        assertEquals(List.of(), catalog(), "downgrade base leaves no model tables");
        assertEquals("", cli.run("current").out());
        Cli.Result history = cli.run("history", "-i");
        assertEquals(ExitCode.OK, history.code(), history::toString);
    }

    /**
     * Entities whose ids and codes change type where foreign keys use them (MariaDB refuses that while a key is
     * there: errors 1832, 1833): an id at both ends, a referenced code alone and a referencing one alone. {@code
     * check} lists each key dropped and added again, the migration runs over rows, checks clean, and its downgrade
     * gives back the first catalog.
     */
    @Test
    void typeChangesOfForeignKeyColumnsOnMariaDb() throws Exception {
        Cli cli = new Cli(workDir);
        assertEquals(ExitCode.OK, cli.run("init").code());
        cli.configure(db.url(), "dev.retort.fixtures.scenarios.retypedkeysv1", "snake");
        assertEquals(
                ExitCode.OK,
                cli.run("revision", "--autogenerate", "-m", "create").code());
        assertEquals(ExitCode.OK, cli.run("upgrade", "head").code());
        assertEquals(Cli.CLEAN_CHECK, cli.run("check"));
        List<Table> v1 = catalog();
        db.execute("INSERT INTO owners (id, code) VALUES (1, 'ann'), (2, 'bo')");
        db.execute("INSERT INTO tags (code) VALUES ('cat')");
        db.execute(
                "INSERT INTO pets (id, owner_id, owner_code, tag_code) VALUES (7, 1, 'bo', 'cat'), (8, 2, NULL, NULL)");

        cli.configure(db.url(), "dev.retort.fixtures.scenarios.retypedkeysv2", "snake");
        Cli.Result check = cli.run("check");
        assertEquals(ExitCode.FOUND, check.code(), check::toString);
        assertEquals(
                Stream.of(
                                "alter column owners.id: type integer -> bigint",
                                "alter column pets.owner_id: type integer -> bigint",
                                "alter column owners.code: type varchar(10) -> varchar(20)",
                                "alter column pets.tag_code: type varchar(10) -> varchar(30)",
                                "drop foreign key pets (owner_id) -> owners (id)",
                                "drop foreign key pets (owner_code) -> owners (code)",
                                "drop foreign key pets (tag_code) -> tags (code)",
                                "add foreign key pets (owner_id) -> owners (id)",
                                "add foreign key pets (owner_code) -> owners (code)",
                                "add foreign key pets (tag_code) -> tags (code)")
                        .sorted()
                        .toList(),
                check.out()
                        .lines()
                        .filter(l -> l.startsWith("  ") && !l.startsWith("    "))
                        .map(String::strip)
                        .filter(l -> !l.startsWith("HAZARD"))
                        .sorted()
                        .toList(),
                check::toString);

        // under safety = online each key is added again in MariaDB's online form: unchecked, then validated
        if (online()) cli.write("retort.properties", cli.read("retort.properties") + "safety = online\n");
        Cli.Result second = cli.run("revision", "--autogenerate", "-m", "wider keys");
        assertEquals(ExitCode.OK, second.code(), second::toString);
        String source = migrationSource(second);
        assertEquals(online() ? 6 : 0, occurrences(source, "Option.NOT_VALID"), source); // three each way
        assertEquals(online() ? 6 : 0, occurrences(source, "validateConstraint"), source);
        Cli.Result up = cli.run("upgrade", "head");
        assertEquals(ExitCode.OK, up.code(), up::toString);
        assertEquals(Cli.CLEAN_CHECK, cli.run("check"));
        assertEquals(
                List.of("7 1 bo cat", "8 2 null null"),
                db.query("SELECT id, owner_id, owner_code, tag_code FROM pets ORDER BY id"));

        Cli.Result down = cli.run("downgrade", "-1");
        assertEquals(ExitCode.OK, down.code(), down::toString);
        assertEquals(v1, catalog(), "downgrade -1 gives back exactly the first catalog");
        assertEquals(ExitCode.OK, cli.run("upgrade", "head").code());
        assertEquals(Cli.CLEAN_CHECK, cli.run("check"));
    }

    /**
     * Checks an entity declares without a name (Bean Validation's {@code @Min}, an inline {@code check (...)}, as
     * genie's entities on its MySQL schema) added to an existing table: the migration names each as PostgreSQL's
     * renderer does ({@code <table>_<hash>_check}) rather than leave MariaDB to number it, so the downgrade can drop
     * it; upgrade, check clean, downgrade back to the first catalog.
     */
    @Test
    void unnamedChecksAddedToATableAreDroppedAgainByTheDowngrade() throws Exception {
        String entities = "dev.retort.fixtures.boot.inlinechecks";
        db.execute(MariaDbEntityCheckTest.createScript(entities, "snake"));
        // a column's own check goes with its definition (MariaDB has no DROP CONSTRAINT for it)
        db.execute("ALTER TABLE readings MODIFY data integer NOT NULL, MODIFY state varchar(10) DEFAULT 'new'");
        assertEquals(
                List.of(),
                db.query("SELECT CONSTRAINT_NAME FROM information_schema.CHECK_CONSTRAINTS"
                        + " WHERE CONSTRAINT_SCHEMA = DATABASE()"));
        List<Table> unchecked = catalog();
        Cli cli = new Cli(workDir);
        assertEquals(ExitCode.OK, cli.run("init").code());
        cli.configure(db.url(), entities, "snake");
        Cli.Result revision = cli.run("revision", "--autogenerate", "-m", "checks");
        assertEquals(ExitCode.OK, revision.code(), revision::toString);
        assertEquals(2, occurrences(Files.readString(single(workDir.resolve("migrations"))), "op.addCheck("));
        Cli.Result up = cli.run("upgrade", "head");
        assertEquals(ExitCode.OK, up.code(), up::toString);
        assertEquals(Cli.CLEAN_CHECK, cli.run("check"));
        Cli.Result down = cli.run("downgrade", "base");
        assertEquals(ExitCode.OK, down.code(), down::toString);
        assertEquals(unchecked, catalog(), "downgrade base drops the two checks again");
    }

    /**
     * genie's {@code updated} on its MySQL schema: {@code DATETIME(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE
     * CURRENT_TIMESTAMP(6)} where the entity has no default. The migration drops the default and keeps the {@code ON
     * UPDATE}, and MariaDB gives such a column the zero date for a default: that is none, so the upgraded database
     * checks clean.
     */
    @Test
    void aDefaultDroppedFromAColumnKeepingItsOnUpdateChecksClean() throws Exception {
        db.execute(MariaDbEntityCheckTest.createScript(Shop.V1, "snake"));
        db.execute("ALTER TABLE customers MODIFY created_at datetime(6) NOT NULL DEFAULT current_timestamp(6)"
                + " ON UPDATE current_timestamp(6)");
        Cli cli = new Cli(workDir);
        assertEquals(ExitCode.OK, cli.run("init").code());
        cli.configure(db.url(), Shop.V1, "snake");
        Cli.Result check = cli.run("check");
        assertEquals(
                List.of("  alter column customers.created_at: default current_timestamp(6) -> none"),
                check.out().lines().filter(l -> l.startsWith("  a")).toList(),
                check::toString);
        assertEquals(
                ExitCode.OK,
                cli.run("revision", "--autogenerate", "-m", "no default").code());
        Cli.Result up = cli.run("upgrade", "head");
        assertEquals(ExitCode.OK, up.code(), up::toString);
        String column = "SELECT COLUMN_DEFAULT, EXTRA FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE()"
                + " AND TABLE_NAME = 'customers' AND COLUMN_NAME = 'created_at'";
        assertEquals(List.of("'0000-00-00 00:00:00.000000' on update current_timestamp(6)"), db.query(column));
        assertEquals(Cli.CLEAN_CHECK, cli.run("check"));
        assertEquals(ExitCode.OK, cli.run("downgrade", "base").code());
        assertEquals(List.of("current_timestamp(6) on update current_timestamp(6)"), db.query(column));
    }

    /**
     * A column-level check the entities do not have (as Hibernate writes a column's check: {@code name varchar(..)
     * CHECK (...)}), which no {@code DROP CONSTRAINT} drops on MariaDB (error 1091): the revision rewrites the column as
     * it is, which takes the check, and its downgrade adds the check back.
     */
    @Test
    void aColumnLevelCheckIsDroppedByRewritingItsColumn() throws Exception {
        db.execute(MariaDbEntityCheckTest.createScript(Shop.V1, "snake"));
        String definition = db.query("SELECT concat(COLUMN_TYPE, IF(IS_NULLABLE = 'NO', ' NOT NULL', ' NULL'))"
                        + " FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'customers'"
                        + " AND COLUMN_NAME = 'name'")
                .get(0);
        db.execute("ALTER TABLE customers MODIFY name " + definition + " CHECK (name <> '')");
        Cli cli = new Cli(workDir);
        assertEquals(ExitCode.OK, cli.run("init").code());
        cli.configure(db.url(), Shop.V1, "snake");
        String drop = "  drop check customers `name` <> ''";
        Cli.Result check = cli.run("check");
        assertEquals(
                List.of(
                        "  alter column customers.name: type and default set again as they are (a comparison hook"
                                + " finds a difference, or on MariaDB the column's own check is to go)",
                        drop),
                check.out()
                        .lines()
                        .filter(l -> l.startsWith("  a") || l.startsWith("  d"))
                        .sorted()
                        .toList(),
                check::toString);
        assertEquals(
                ExitCode.OK,
                cli.run("revision", "--autogenerate", "-m", "no check").code());
        Cli.Result up = cli.run("upgrade", "head");
        assertEquals(ExitCode.OK, up.code(), up::toString);
        assertEquals(Cli.CLEAN_CHECK, cli.run("check"));
        Cli.Result down = cli.run("downgrade", "-1");
        assertEquals(ExitCode.OK, down.code(), down::toString);
        String checks = "SELECT concat(LEVEL, ' ', CHECK_CLAUSE) FROM information_schema.CHECK_CONSTRAINTS"
                + " WHERE CONSTRAINT_SCHEMA = DATABASE() AND TABLE_NAME = 'customers'";
        assertEquals(List.of("Table `name` <> ''"), db.query(checks), "the downgrade adds the check back, a table's");
    }

    private String migrationSource(Cli.Result revision) throws IOException {
        try (Stream<Path> files = Files.list(workDir.resolve("migrations"))) {
            Path newest = files.filter(f -> f.toString().endsWith("_WiderKeys.java"))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError(revision));
            return Files.readString(newest);
        }
    }

    private static int occurrences(String text, String part) {
        return text.split(Pattern.quote(part), -1).length - 1;
    }

    private void insertVersionOneRows() throws SQLException {
        db.execute("INSERT INTO customers (email, name, created_at) VALUES ('ada@example.com', 'Ada', now()),"
                + " ('bob@example.com', 'Bob', now())");
        db.execute("INSERT INTO orders (customer_id, placed_at, status, total, notes)"
                + " VALUES (1, now(), 'NEW', 19.90, 'ring twice')");
        db.execute("INSERT INTO coupons (code, discount_percent) VALUES ('WELCOME', 10)");
    }

    /** The model's tables, Retort's own left out, each with its columns by name (a re-added column goes last). */
    private List<Table> catalog() throws SQLException {
        try (Connection c = db.connect()) {
            return MariaDbIntrospector.read(c).schema().tables().stream()
                    .filter(t -> !t.name().name().startsWith("retort_"))
                    .map(Table::withColumnsByName)
                    .toList();
        }
    }

    private static Path single(Path directory) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            List<Path> list = files.toList();
            assertEquals(1, list.size(), list::toString);
            return list.get(0);
        }
    }
}
