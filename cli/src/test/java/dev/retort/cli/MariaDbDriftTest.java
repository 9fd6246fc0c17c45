package dev.retort.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.retort.fixtures.db.MariaDbTestDatabase;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code retort drift} on MariaDB through the real command line: the migrations replayed on a scratch database on
 * {@code dev.url}'s server, compared with the live database by {@code MariaDbDiff}, so that a column added by hand, an
 * index dropped by hand and an {@code ON UPDATE} removed by hand are all found, and an untouched database is clean.
 */
class MariaDbDriftTest {
    private static final String R1 = "eeee00000001";
    private static final String R2 = "eeee00000002";

    @RegisterExtension
    final MariaDbTestDatabase db = server();

    /** The server the test's databases are made on. */
    MariaDbTestDatabase server() {
        return new MariaDbTestDatabase();
    }

    @TempDir
    Path workDir;

    Cli cli;

    Set<String> before;

    @BeforeEach
    void project() throws SQLException {
        cli = new Cli(workDir);
        before = Set.copyOf(scratchNames());
        cli.write(
                "retort.properties",
                "url = " + db.url() + "\ndev.url = " + db.url()
                        + "\nmigrations.dir = migrations\nmigrations.package = com.example.migrations\n");
        migration(
                R1,
                null,
                "CREATE TABLE accounts (id int PRIMARY KEY, code varchar(10),"
                        + " at timestamp NOT NULL DEFAULT current_timestamp() ON UPDATE current_timestamp(),"
                        + " KEY accounts_code (code))",
                "DROP TABLE accounts");
    }

    private void migration(String id, String revises, String up, String down) {
        cli.write("migrations/R" + id + ".java", """
                package com.example.migrations;
                @dev.retort.runtime.Revision(id = "%s"%s, message = "revision %s")
                public final class R%s implements dev.retort.runtime.Migration {
                    public void upgrade(dev.retort.runtime.Ops op) { op.execute("%s"); }
                    public void downgrade(dev.retort.runtime.Ops op) { op.execute("%s"); }
                }
                """.formatted(
                        id, revises == null ? "" : ", revises = \"" + revises + "\"", id, id, up, down));
    }

    private List<String> scratchNames() throws SQLException {
        List<String> names = new ArrayList<>();
        try (Connection c = db.connect();
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT SCHEMA_NAME FROM information_schema.SCHEMATA"
                        + " WHERE SCHEMA_NAME LIKE 'retort\\_scratch\\_%'")) {
            while (rs.next()) names.add(rs.getString(1));
        }
        return names;
    }

    private long scratchDatabases() throws SQLException {
        return scratchNames().stream().filter(name -> !before.contains(name)).count();
    }

    private void upgrade(String target) {
        Cli.Result up = cli.run("upgrade", target);
        assertEquals(ExitCode.OK, up.code(), up::toString);
    }

    @Test
    void driftFindsAColumnAddedAnIndexDroppedAndAnOnUpdateRemovedByHand() throws SQLException {
        upgrade("head");
        assertEquals(
                new Cli.Result(
                        ExitCode.OK, "No drift detected: the database is as its revisions (" + R1 + ") make it.\n", ""),
                cli.run("drift"));

        db.execute("ALTER TABLE accounts ADD COLUMN note text");
        db.execute("DROP INDEX accounts_code ON accounts");
        db.execute("ALTER TABLE accounts MODIFY at timestamp NOT NULL DEFAULT current_timestamp()");
        assertEquals(
                new Cli.Result(
                        ExitCode.FOUND,
                        String.join(
                                "\n",
                                "Drift detected: the database differs from what its revisions (" + R1 + ") make, by:",
                                "  drop index accounts (code)",
                                "  add column accounts.note text",
                                "  alter column accounts.at: on update current_timestamp() -> none",
                                ""),
                        ""),
                cli.run("drift"));
        assertEquals(0, scratchDatabases());
    }

    @Test
    void driftOnADatabaseBehindHeadReplaysOnlyItsOwnRevisions() {
        upgrade("head");
        migration(R2, R1, "CREATE TABLE b (id int)", "DROP TABLE b");
        assertEquals(
                new Cli.Result(
                        ExitCode.OK, "No drift detected: the database is as its revisions (" + R1 + ") make it.\n", ""),
                cli.run("drift"));
    }

    @Test
    void driftAsJsonCarriesMariaDbSqlAndTheDetailsLines() throws Exception {
        upgrade("head");
        Cli.Result clean = cli.run("drift", "--format", "json");
        assertEquals(ExitCode.OK, clean.code(), clean::toString);
        assertEquals(JsonOutputTest.MAPPER.readTree("""
                        {"format": "retort/1", "command": "drift", "revisions": ["eeee00000001"], "operations": [],
                         "details": []}
                        """), JsonOutputTest.document(clean, "drift"));

        db.execute("ALTER TABLE accounts ADD COLUMN note text");
        db.execute("ALTER TABLE accounts MODIFY at timestamp NOT NULL DEFAULT current_timestamp()");
        Cli.Result drifted = cli.run("drift", "--format", "json");
        assertEquals(ExitCode.FOUND, drifted.code(), drifted::toString);
        JsonNode expected = JsonOutputTest.MAPPER.readTree("""
                {"format": "retort/1", "command": "drift", "revisions": ["eeee00000001"], "operations": [
                  {"kind": "add-column",
                   "object": {"type": "column", "schema": "%s", "table": "accounts", "column": "note"},
                   "hazards": [], "outsideTransaction": false,
                   "sql": ["ALTER TABLE `accounts` ADD COLUMN `note` text NULL"]}],
                 "details": ["alter column accounts.at: on update current_timestamp() -> none"]}
                """.formatted(db.name()));
        assertEquals(expected, JsonOutputTest.document(drifted, "drift"));
    }
}
