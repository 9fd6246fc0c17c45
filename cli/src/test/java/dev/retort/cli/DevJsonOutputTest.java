package dev.retort.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.retort.fixtures.db.TestDatabase;
import java.sql.SQLException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** {@code drift --format json} and {@code test --format json} through the real command line: exact documents, exit codes. */
class DevJsonOutputTest {
    @RegisterExtension
    static final TestDatabase live = new TestDatabase();

    @TempDir
    java.nio.file.Path workDir;

    Cli cli;

    @BeforeEach
    void project() throws SQLException {
        live.resetAllSchemas();
        cli = new Cli(workDir);
        cli.write(
                "retort.properties",
                "url = " + live.url() + "\ndev.url = " + live.url()
                        + "\nmigrations.dir = migrations\nmigrations.package = com.example.migrations\n");
    }

    private void migration(String id, String revises, String up, String down) {
        cli.write("migrations/R" + id + ".java", """
                package com.example.migrations;
                @dev.retort.runtime.Revision(id = "%s"%s, message = "revision %s")
                public final class R%s implements dev.retort.runtime.Migration {
                    public void upgrade(dev.retort.runtime.Ops op) { %s }
                    public void downgrade(dev.retort.runtime.Ops op) { %s }
                }
                """.formatted(
                        id, revises == null ? "" : ", revises = \"" + revises + "\"", id, id, up, down));
    }

    @Test
    void driftListsTheRevisionsAndTheHandMadeChangesWithoutHazards() throws Exception {
        migration(
                "dddd00000001",
                null,
                "op.execute(\"CREATE TABLE accounts (id integer)\");",
                "op.execute(\"DROP TABLE accounts\");");
        assertEquals(ExitCode.OK, cli.run("upgrade", "head").code());
        Cli.Result clean = cli.run("drift", "--format", "json");
        assertEquals(ExitCode.OK, clean.code(), clean::toString);
        assertEquals(JsonOutputTest.MAPPER.readTree("""
                        {"format": "retort/1", "command": "drift", "revisions": ["dddd00000001"], "operations": []}
                        """), JsonOutputTest.document(clean, "drift"));

        live.execute("ALTER TABLE accounts ADD COLUMN note text");
        Cli.Result drifted = cli.run("drift", "--format", "json");
        assertEquals(ExitCode.FOUND, drifted.code(), drifted::toString);
        assertEquals(JsonOutputTest.MAPPER.readTree("""
                        {"format": "retort/1", "command": "drift", "revisions": ["dddd00000001"], "operations": [
                          {"kind": "add-column",
                           "object": {"type": "column", "schema": "public", "table": "accounts", "column": "note"},
                           "hazards": [], "outsideTransaction": false,
                           "sql": ["ALTER TABLE \\"accounts\\" ADD COLUMN \\"note\\" text"]}]}
                        """), JsonOutputTest.document(drifted, "drift"));
    }

    @Test
    void testGivesEachStepAndNoComparisonWithoutEntities() throws Exception {
        migration(
                "ffff00000001", null, "op.execute(\"CREATE TABLE a (id integer)\");", "op.execute(\"DROP TABLE a\");");
        migration(
                "ffff00000002",
                "ffff00000001",
                "op.execute(\"CREATE TABLE b (id integer)\");",
                "op.execute(\"DROP TABLE b\");");
        Cli.Result passed = cli.run("test", "--format", "json");
        assertEquals(ExitCode.OK, passed.code(), passed::toString);
        assertEquals(JsonOutputTest.MAPPER.readTree("""
                        {"format": "retort/1", "command": "test", "passed": true, "steps": [
                          {"revision": "ffff00000001", "outcome": "restored",
                           "message": "revision ffff00000001: up, down and up again", "differences": []},
                          {"revision": "ffff00000002", "outcome": "restored",
                           "message": "revision ffff00000002: up, down and up again", "differences": []}],
                         "operations": null}
                        """), JsonOutputTest.document(passed, "test"));
    }

    @Test
    void testNamesTheStepWhoseDowngradeDoesNotRestoreWithTheDifferences() throws Exception {
        migration(
                "ffff00000001", null, "op.execute(\"CREATE TABLE a (id integer)\");", "op.execute(\"DROP TABLE a\");");
        migration("ffff00000002", "ffff00000001", "op.execute(\"CREATE TYPE mood AS ENUM ('happy', 'sad')\");", "");
        Cli.Result failed = cli.run("test", "--format", "json");
        assertEquals(ExitCode.FOUND, failed.code(), failed::toString);
        JsonNode document = JsonOutputTest.document(failed, "test");
        assertEquals(false, document.get("passed").asBoolean());
        JsonNode last = document.get("steps").get(1);
        assertEquals(JsonOutputTest.MAPPER.readTree("""
                        {"revision": "ffff00000002", "outcome": "not-restored",
                         "message": "revision ffff00000002: its downgrade does not restore the schema its upgrade started from",
                         "differences": [
                           {"kind": "drop-enum", "object": {"type": "enum", "schema": "public", "name": "mood"},
                            "hazards": [], "outsideTransaction": false, "sql": ["DROP TYPE \\"mood\\""]}]}
                        """), last);
        assertEquals(2, document.get("steps").size());
    }

    @Test
    void aFailureIsAnErrorDocument() throws Exception {
        cli.write("retort.properties", "url = " + live.url() + "\nmigrations.dir = migrations\n");
        Cli.Result result = cli.run("test", "--format", "json");
        assertEquals(ExitCode.ERROR, result.code(), result::toString);
        JsonNode document = JsonOutputTest.document(result, "test");
        assertEquals("error: " + document.get("error").asText() + "\n", result.err());
    }
}
