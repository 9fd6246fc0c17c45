package dev.retort.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.retort.fixtures.db.TestDatabase;
import dev.retort.fixtures.hostile.HostileText;
import dev.retort.fixtures.shop.Shop;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** {@code --format json} through the real command line on a real database: the documents' exact values, exit codes. */
class JsonOutputTest {
    static final ObjectMapper MAPPER = new ObjectMapper();

    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    @TempDir
    Path workDir;

    Cli cli;

    @BeforeEach
    void project() throws SQLException {
        db.reset();
        cli = new Cli(workDir);
        cli.configure(db, Shop.V1, "snake");
    }

    /** A document, checked for its format and command and for nothing on stdout after it. */
    static JsonNode document(Cli.Result result, String command) throws IOException {
        JsonNode document = MAPPER.readTree(result.out());
        assertEquals("retort/1", document.get("format").asText(), result::toString);
        assertEquals(command, document.get("command").asText(), result::toString);
        assertEquals(MAPPER.writeValueAsString(document), MAPPER.writeValueAsString(MAPPER.readTree(result.out())));
        assertTrue(result.out().endsWith("}\n"), result::toString);
        return document;
    }

    static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(each -> texts.add(each.asText()));
        return texts;
    }

    @Test
    void checkListsTheOperationsWhoseStatementsMakeTheDatabaseMatch() throws Exception {
        assertEquals(
                ExitCode.OK,
                cli.run("revision", "--autogenerate", "-m", "create", "--rev-id", "a1")
                        .code());
        assertEquals(ExitCode.OK, cli.run("upgrade", "head").code());
        Cli.Result clean = cli.run("check", "--format", "json");
        assertEquals(ExitCode.OK, clean.code(), clean::toString);
        assertEquals(
                MAPPER.readTree(
                        "{\"format\": \"retort/1\", \"command\": \"check\", \"operations\": [], \"safety\": \"simple\","
                                + " \"blocks\": [], \"lint\": []}"),
                document(clean, "check"));
        assertEquals("", clean.err());

        cli.configure(db, Shop.V2, "snake");
        Cli.Result text = cli.run("check");
        Cli.Result drift = cli.run("check", "--format", "json");
        assertEquals(ExitCode.FOUND, drift.code(), drift::toString);
        assertEquals("", drift.err());
        JsonNode operations = document(drift, "check").get("operations");
        long listed = text.out()
                .lines()
                .filter(l -> l.startsWith("  ") && !l.startsWith("    "))
                .count();
        assertEquals(listed, operations.size(), "the operations check lists, one for one\n" + text);
        JsonNode dropNotes = null;
        for (JsonNode operation : operations) {
            if (operation.get("kind").asText().equals("drop-column")) dropNotes = operation;
        }
        assertEquals(MAPPER.readTree("""
                        {"kind": "drop-column",
                         "object": {"type": "column", "schema": "public", "table": "orders", "column": "notes"},
                         "hazards": [{"kind": "data-loss", "message": "drops column orders.notes and its data"}],
                         "outsideTransaction": false,
                         "sql": ["ALTER TABLE \\"orders\\" DROP COLUMN \\"notes\\""]}
                        """), dropNotes);
        assertEquals("create-table", operations.get(0).get("kind").asText(), "plan order: new tables first");

        try (Connection connection = db.connect();
                Statement statement = connection.createStatement()) {
            for (JsonNode operation : operations) for (String sql : texts(operation.get("sql"))) statement.execute(sql);
        }
        Cli.Result after = cli.run("check", "--format", "json");
        assertEquals(ExitCode.OK, after.code(), "the statements the document lists are the whole change\n" + after);
        assertEquals(0, document(after, "check").get("operations").size());
    }

    @Test
    void jsonReportWritesTheDocumentBesideTheText() throws Exception {
        Cli.Result text = cli.run("check", "--json-report", "target/retort/check.json");
        assertEquals(ExitCode.FOUND, text.code(), text::toString);
        assertTrue(text.out().startsWith("New upgrade operations detected:\n"), text::toString);
        Cli.Result json = cli.run("check", "--format", "json");
        assertEquals(
                MAPPER.readTree(json.out()),
                MAPPER.readTree(workDir.resolve("target/retort/check.json").toFile()));
    }

    @Test
    void verboseNotesGoToStderrAndStdoutHoldsTheDocumentAlone() throws Exception {
        Cli.Result verbose = cli.run("check", "-v", "--format", "json");
        assertEquals(ExitCode.FOUND, verbose.code(), verbose::toString);
        assertTrue(verbose.err().startsWith("Entities read by Hibernate ORM "), verbose::toString);
        assertTrue(document(verbose, "check").get("operations").size() > 0);
    }

    /** Writes migration ID revising PARENT (or none), creating table T. */
    private void migration(String id, String parent, String table) {
        String revises = parent == null ? "" : ", revises = \"" + parent + "\"";
        cli.write("migrations/M" + id + ".java", """
                package com.example.migrations;
                import static dev.retort.runtime.Ops.column;
                @dev.retort.runtime.Revision(id = "%s"%s, message = "create %s")
                public final class M%s implements dev.retort.runtime.Migration {
                    public void upgrade(dev.retort.runtime.Ops op) {
                        op.createTable("%s", column("id", "integer"));
                    }
                    public void downgrade(dev.retort.runtime.Ops op) {
                        op.dropTable("%s", column("id", "integer"));
                    }
                }
                """.formatted(id, revises, table, id, table, table));
    }

    @Test
    void headsCurrentAndHistory() throws Exception {
        migration("a1", null, "t1");
        migration("b2", "a1", "t2");
        assertEquals(ExitCode.OK, cli.run("upgrade", "a1").code());

        Cli.Result heads = cli.run("heads", "--format", "json");
        assertEquals(ExitCode.OK, heads.code(), heads::toString);
        assertEquals(MAPPER.readTree("""
                        [{"id": "b2", "revises": ["a1"], "branchLabels": [], "dependsOn": [], "message": "create t2",
                          "path": "migrations/Mb2.java", "head": true, "branchPoint": false, "mergePoint": false}]
                        """), document(heads, "heads").get("heads"));

        Cli.Result current = cli.run("current", "--format", "json", "--check-heads");
        assertEquals(ExitCode.FOUND, current.code(), current::toString);
        JsonNode at = document(current, "current");
        assertEquals(List.of("a1"), at.get("current").findValuesAsText("id"));
        assertEquals(List.of("b2"), texts(at.get("heads")));
        assertFalse(at.get("atAllHeads").asBoolean());
        assertTrue(current.err().contains("the database is not at all heads"), current::toString);

        Cli.Result history = cli.run("history", "--format", "json", "-i");
        JsonNode revisions = document(history, "history").get("revisions");
        assertEquals(List.of("b2", "a1"), revisions.findValuesAsText("id"));
        assertEquals(List.of("a1"), texts(document(history, "history").get("current")));
        assertEquals("migrations/Ma1.java", revisions.get(1).get("path").asText());
        assertFalse(document(cli.run("history", "--format", "json"), "history").has("current"));
    }

    /** A message with every hostile text in it, written by {@code revision -m}, read back exactly from the document. */
    @Test
    void hostileMessagesAreExactAndEscaped() throws Exception {
        String message = String.join(" | ", HostileText.ALL);
        Cli.Result revision = cli.run("revision", "-m", message, "--rev-id", "h1");
        assertEquals(ExitCode.OK, revision.code(), revision::toString);
        Cli.Result history = cli.run("history", "--format", "json");
        assertEquals(ExitCode.OK, history.code(), history::toString);
        assertFalse(HostileText.hasRawHidden(history.out()), () -> HostileText.firstRawHidden(history.out()));
        assertEquals(
                message,
                document(history, "history")
                        .get("revisions")
                        .get(0)
                        .get("message")
                        .asText());
    }

    @Test
    void validateNamesEachProblemAndWhatWasAccepted() throws Exception {
        migration("a1", null, "t1");
        assertEquals(ExitCode.OK, cli.run("upgrade", "head").code());
        Cli.Result clean = cli.run("validate", "--format", "json");
        assertEquals(ExitCode.OK, clean.code(), clean::toString);
        assertEquals(0, document(clean, "validate").get("problems").size());

        migration("a1", null, "t1_edited");
        Cli.Result edited = cli.run("validate", "--format", "json");
        assertEquals(ExitCode.FOUND, edited.code(), edited::toString);
        JsonNode problem = document(edited, "validate").get("problems").get(0);
        assertEquals("edited", problem.get("kind").asText());
        assertEquals("a1", problem.get("revision").asText());
        assertEquals(
                "revision a1 (migrations/Ma1.java) was edited after it was applied: it no longer does what ran; "
                        + "undo the edit, or accept it deliberately with 'retort validate --accept a1'",
                problem.get("message").asText());

        Cli.Result accepted = cli.run("validate", "--format", "json", "--accept", "a1");
        assertEquals(ExitCode.OK, accepted.code(), accepted::toString);
        JsonNode document = document(accepted, "validate");
        assertEquals("a1", document.get("accepted").asText());
        assertEquals(0, document.get("problems").size());
        assertEquals("Accepted the current content of revision a1.\n", accepted.err(), "notes go to stderr");
    }

    /** An error is a document with the one-line error, the same line stderr shows, and exit 2; never a stack trace. */
    @Test
    void anErrorIsADocumentToo() throws Exception {
        Cli.Result unreachable =
                cli.run("current", "--format", "json", "--url", "jdbc:postgresql://127.0.0.1:1/nosuch?password=s3cret");
        assertEquals(ExitCode.ERROR, unreachable.code(), unreachable::toString);
        JsonNode document = document(unreachable, "current");
        assertEquals(List.of("format", "command", "error"), fieldNames(document));
        String error = document.get("error").asText();
        assertEquals("error: " + error + "\n", unreachable.err());
        assertFalse(unreachable.out().contains("s3cret"), unreachable::toString);
        assertTrue(error.contains("password=***"), error);

        Cli.Result traced = cli.run("heads", "--format", "json", "--stacktrace", "-c", "no-such.properties");
        assertEquals(ExitCode.ERROR, traced.code(), traced::toString);
        assertEquals(List.of("format", "command", "error"), fieldNames(document(traced, "heads")));
        assertFalse(traced.out().contains("\tat "), "the stack trace goes to stderr only");
    }

    @Test
    void anUnknownFormatIsRefusedInOneLine() {
        assertEquals(
                new Cli.Result(ExitCode.ERROR, "", "error: --format xml: expected text or json\n"),
                cli.run("heads", "--format", "xml"));
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
