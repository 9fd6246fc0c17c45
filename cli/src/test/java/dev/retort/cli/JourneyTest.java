package dev.retort.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.retort.fixtures.db.TestDatabase;
import dev.retort.fixtures.shop.Shop;
import dev.retort.postgres.PostgresIntrospector;
import dev.retort.postgres.SchemaScope;
import dev.retort.schema.QualifiedName;
import dev.retort.schema.Schema;
import dev.retort.schema.Table;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** A new user's journey through the real command line, against a real database. */
class JourneyTest {
    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    @TempDir
    Path workDir;

    @Test
    void entitiesToMigrationsAndBackAgain() throws Exception {
        Cli cli = new Cli(workDir);
        Cli.Result init = cli.run("init");
        assertEquals(ExitCode.OK, init.code(), init::toString);
        assertTrue(Files.isDirectory(workDir.resolve("migrations")));
        assertTrue(cli.read("retort.properties").contains("migrations.dir = migrations"));

        cli.configure(db, Shop.V1, "snake");
        Cli.Result create = cli.run("revision", "--autogenerate", "-m", "create");
        assertEquals(ExitCode.OK, create.code(), create::toString);
        assertTrue(create.out().contains("Detected add table customers"), create::toString);
        Path first = single(workDir.resolve("migrations"));
        assertTrue(create.out().contains("Generating " + first + " ... done"), create::toString);
        String firstId = first.getFileName().toString().substring(1, 13);

        assertEquals("", cli.run("current").out(), "nothing applied yet");
        Cli.Result up = cli.run("upgrade", "head");
        assertEquals(ExitCode.OK, up.code(), up::toString);
        assertEquals("Running upgrade <base> -> " + firstId + ", create\n", up.out());
        assertEquals(firstId + " (head)\n", cli.run("current").out());
        Cli.Result clean = cli.run("check");
        assertEquals(Cli.CLEAN_CHECK, clean);

        Schema v1 = catalog();
        insertVersionOneRows();

        cli.configure(db, Shop.V2, "snake");
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
        assertEquals(ExitCode.OK, cli.run("check").code());
        Schema v2 = catalog();
        String secondId = cli.run("heads").out().substring(0, 12);
        assertEquals(
                List.of(secondId + " (head)", "<base> -> " + firstId + ", create"),
                List.of(
                        cli.run("heads").out().strip(),
                        cli.run("history").out().lines().toList().get(1)));
        assertEquals(
                firstId + " -> " + secondId + " (head), shop v2",
                cli.run("history").out().lines().findFirst().orElseThrow());

        Cli.Result down = cli.run("downgrade", "-1");
        assertEquals(ExitCode.OK, down.code(), down::toString);
        assertEquals("Running downgrade " + secondId + " -> " + firstId + ", shop v2\n", down.out());
        assertEquals(byColumnName(v1), byColumnName(catalog()), "downgrade -1 gives back exactly the v1 schema");
        assertEquals(
                List.of("1 ada@example.com Ada", "2 bob@example.com Bob"),
                db.query("SELECT id, email, name FROM customers ORDER BY id"),
                "rows survive where their columns do");
        assertEquals(List.of("1 1 NEW 19.90"), db.query("SELECT id, customer_id, status, total FROM orders"));
        assertEquals(
                firstId + "\n", cli.run("-c", "retort.properties", "current").out(), "no longer at the head");

        assertEquals(ExitCode.OK, cli.run("upgrade", "head").code());
        assertEquals(byColumnName(v2), byColumnName(catalog()), "upgrade head gives back v2");
        assertEquals(
                List.of("1 ada@example.com Ada", "2 bob@example.com Bob"),
                db.query("SELECT id, email, name FROM customers ORDER BY id"));

        Cli.Result base = cli.run("downgrade", "base");
        assertEquals(ExitCode.OK, base.code(), base::toString);
        assertEquals(List.of(), catalog().tables(), "downgrade base leaves no model tables");
        assertEquals("", cli.run("current").out());
    }

    private void insertVersionOneRows() throws SQLException {
        try (Connection c = db.connect();
                Statement st = c.createStatement()) {
            st.execute("INSERT INTO customers (email, name, created_at) VALUES ('ada@example.com', 'Ada', now()), "
                    + "('bob@example.com', 'Bob', now())");
            st.execute(
                    "INSERT INTO orders (customer_id, placed_at, status, total, notes) VALUES (1, now(), 'NEW', 19.90, 'ring twice')");
            st.execute("INSERT INTO coupons (code, discount_percent) VALUES ('WELCOME', 10)");
        }
    }

    private static Schema catalog() throws SQLException {
        try (Connection c = db.connect()) {
            return PostgresIntrospector.read(
                    c,
                    new SchemaScope(
                            List.of("public"),
                            Set.of(QualifiedName.of("retort_version"), QualifiedName.of("retort_version_history"))));
        }
    }

    /** The schema with column order ignored (a re-added column goes last) but everything else, key names included, kept. */
    private static List<Table> byColumnName(Schema schema) {
        return schema.tables().stream().map(Table::withColumnsByName).toList();
    }

    private static Path single(Path directory) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            List<Path> list = files.toList();
            assertEquals(1, list.size(), list::toString);
            return list.get(0);
        }
    }
}
