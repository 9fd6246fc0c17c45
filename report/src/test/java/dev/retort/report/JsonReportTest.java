package dev.retort.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.retort.VisibleText;
import dev.retort.diff.Plan;
import dev.retort.fixtures.hostile.HostileText;
import dev.retort.op.AddColumn;
import dev.retort.op.CreateIndex;
import dev.retort.op.DropColumn;
import dev.retort.op.Op;
import dev.retort.op.OpSamples;
import dev.retort.op.Option;
import dev.retort.postgres.PostgresSql;
import dev.retort.revision.RevisionGraph;
import dev.retort.revision.RevisionNode;
import dev.retort.runtime.Validation;
import dev.retort.schema.Column;
import dev.retort.schema.Index;
import dev.retort.schema.QualifiedName;
import java.io.IOException;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The documents as text, read back by a JSON parser: exact fields, every operation type, hostile text escaped. */
class JsonReportTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final QualifiedName USERS = QualifiedName.of("users");

    @Test
    void aCheckDocumentInFull() {
        Plan plan = new Plan(List.of(
                new DropColumn(USERS, Column.of("avatar", "bytea")),
                new AddColumn(USERS, Column.of("email", "varchar(100)").notNull()),
                new CreateIndex(new QualifiedName("crm", "people"), Index.on("email"), Set.of(Option.CONCURRENTLY))));
        StringWriter out = new StringWriter();
        JsonReport.check(out, plan, "public");
        assertEquals("""
                {
                  "format": "retort/1",
                  "command": "check",
                  "operations": [
                    {
                      "kind": "drop-column",
                      "object": {
                        "type": "column",
                        "schema": "public",
                        "table": "users",
                        "column": "avatar"
                      },
                      "hazards": [
                        {
                          "kind": "data-loss",
                          "message": "drops column users.avatar and its data"
                        }
                      ],
                      "outsideTransaction": false,
                      "sql": [
                        "ALTER TABLE \\"users\\" DROP COLUMN \\"avatar\\""
                      ]
                    },
                    {
                      "kind": "add-column",
                      "object": {
                        "type": "column",
                        "schema": "public",
                        "table": "users",
                        "column": "email"
                      },
                      "hazards": [
                        {
                          "kind": "fails-on-data",
                          "message": "adds NOT NULL column users.email without a default: fails if the table has rows"
                        }
                      ],
                      "outsideTransaction": false,
                      "sql": [
                        "ALTER TABLE \\"users\\" ADD COLUMN \\"email\\" varchar(100) NOT NULL"
                      ]
                    },
                    {
                      "kind": "create-index",
                      "object": {
                        "type": "index",
                        "schema": "crm",
                        "table": "people",
                        "name": "people_email_idx"
                      },
                      "hazards": [],
                      "outsideTransaction": true,
                      "sql": [
                        "CREATE INDEX CONCURRENTLY \\"people_email_idx\\" ON \\"crm\\".\\"people\\" (\\"email\\")"
                      ]
                    }
                  ],
                  "safety": "simple",
                  "blocks": [
                    {
                      "autocommit": false,
                      "operations": [
                        {
                          "kind": "drop-column",
                          "object": {
                            "type": "column",
                            "schema": "public",
                            "table": "users",
                            "column": "avatar"
                          },
                          "hazards": [
                            {
                              "kind": "data-loss",
                              "message": "drops column users.avatar and its data"
                            }
                          ],
                          "outsideTransaction": false,
                          "sql": [
                            "ALTER TABLE \\"users\\" DROP COLUMN \\"avatar\\""
                          ]
                        },
                        {
                          "kind": "add-column",
                          "object": {
                            "type": "column",
                            "schema": "public",
                            "table": "users",
                            "column": "email"
                          },
                          "hazards": [
                            {
                              "kind": "fails-on-data",
                              "message": "adds NOT NULL column users.email without a default: fails if the table has rows"
                            }
                          ],
                          "outsideTransaction": false,
                          "sql": [
                            "ALTER TABLE \\"users\\" ADD COLUMN \\"email\\" varchar(100) NOT NULL"
                          ]
                        },
                        {
                          "kind": "create-index",
                          "object": {
                            "type": "index",
                            "schema": "crm",
                            "table": "people",
                            "name": "people_email_idx"
                          },
                          "hazards": [],
                          "outsideTransaction": true,
                          "sql": [
                            "CREATE INDEX CONCURRENTLY \\"people_email_idx\\" ON \\"crm\\".\\"people\\" (\\"email\\")"
                          ]
                        }
                      ],
                      "sql": [
                        "ALTER TABLE \\"users\\"\\n    DROP COLUMN \\"avatar\\",\\n    ADD COLUMN \\"email\\" varchar(100) NOT NULL",
                        "CREATE INDEX CONCURRENTLY \\"people_email_idx\\" ON \\"crm\\".\\"people\\" (\\"email\\")"
                      ]
                    }
                  ],
                  "lint": []
                }
                """, out.toString());
    }

    @Test
    void anEmptyPlanHasNoOperations() throws IOException {
        StringWriter out = new StringWriter();
        JsonReport.diff(out, Plan.EMPTY, "public");
        assertEquals(
                "{\n  \"format\": \"retort/1\",\n  \"command\": \"diff\",\n  \"operations\": []\n}\n", out.toString());
    }

    /**
     * Each operation type: its kind, an object in the default schema (or its own; a schema operation's object is the
     * schema), the statements it runs.
     */
    @Test
    void everyOperationTypeIsReported() throws IOException {
        for (Op op : OpSamples.ALL) {
            StringWriter out = new StringWriter();
            JsonReport.check(out, new Plan(List.of(op)), "app");
            JsonNode operation =
                    MAPPER.readTree(out.toString()).get("operations").get(0);
            assertEquals(OperationKinds.of(op), operation.get("kind").asText(), op::toString);
            JsonNode object = operation.get("object");
            String schema = object.get("type").asText().equals("schema")
                    ? op.table().name()
                    : op.table().schema() == null ? "app" : op.table().schema();
            assertEquals(schema, object.get("schema").asText(), op::toString);
            assertTrue(object.has("table") || object.has("name"), op::toString);
            List<String> sql = new ArrayList<>();
            operation.get("sql").forEach(statement -> sql.add(statement.asText()));
            assertEquals(PostgresSql.statements(op), sql, op::toString);
            assertEquals(op.hazards().size(), operation.get("hazards").size(), op::toString);
        }
    }

    @Test
    void revisionsWithTheirPlaceInTheGraph() throws IOException {
        RevisionGraph graph = RevisionGraph.of(List.of(
                RevisionNode.of("a1", List.of()).withMessage("create users").withSource("migrations/V_a1.java"),
                RevisionNode.of("b2", List.of("a1")).withBranchLabels(List.of("cart")),
                RevisionNode.of("c3", List.of("a1")).withDependsOn(List.of("b2")),
                RevisionNode.of("d4", List.of("b2", "c3")).withMessage("merge")));
        StringWriter heads = new StringWriter();
        JsonReport.heads(heads, graph);
        JsonNode head = MAPPER.readTree(heads.toString()).get("heads");
        assertEquals(1, head.size());
        assertEquals(MAPPER.readTree("""
                        {"id": "d4", "revises": ["b2", "c3"], "branchLabels": [], "dependsOn": [], "message": "merge",
                         "path": "d4", "head": true, "branchPoint": false, "mergePoint": true}
                        """), head.get(0));

        StringWriter history = new StringWriter();
        JsonReport.history(history, graph, List.of(graph.node("b2"), graph.node("a1")), Set.of("b2"));
        JsonNode document = MAPPER.readTree(history.toString());
        assertEquals("history", document.get("command").asText());
        assertEquals(MAPPER.readTree("""
                        {"id": "a1", "revises": [], "branchLabels": [], "dependsOn": [], "message": "create users",
                         "path": "migrations/V_a1.java", "head": false, "branchPoint": true, "mergePoint": false}
                        """), document.get("revisions").get(1));
        assertEquals(
                "cart",
                document.get("revisions").get(0).get("branchLabels").get(0).asText());
        assertEquals(MAPPER.readTree("[\"b2\"]"), document.get("current"));

        StringWriter withoutCurrent = new StringWriter();
        JsonReport.history(withoutCurrent, graph, graph.inOrder(), null);
        assertFalse(MAPPER.readTree(withoutCurrent.toString()).has("current"));

        StringWriter current = new StringWriter();
        JsonReport.current(current, graph, Set.of("c3", "b2"));
        JsonNode at = MAPPER.readTree(current.toString());
        assertEquals("b2", at.get("current").get(0).get("id").asText());
        assertEquals("c3", at.get("current").get(1).get("id").asText());
        assertEquals("b2", at.get("current").get(1).get("dependsOn").get(0).asText());
        assertEquals(MAPPER.readTree("[\"d4\"]"), at.get("heads"));
        assertFalse(at.get("atAllHeads").asBoolean());
    }

    @Test
    void validationProblemsAndAnError() throws IOException {
        StringWriter out = new StringWriter();
        JsonReport.validate(
                out,
                new Validation(List.of(new Validation.Problem(Validation.Kind.EDITED, "a1", "revision a1 was edited"))),
                "b2");
        assertEquals(MAPPER.readTree("""
                        {"format": "retort/1", "command": "validate", "accepted": "b2",
                         "problems": [{"kind": "edited", "revision": "a1", "message": "revision a1 was edited"}]}
                        """), MAPPER.readTree(out.toString()));
        StringWriter error = new StringWriter();
        JsonReport.error(error, "current", "cannot connect");
        assertEquals(
                MAPPER.readTree("{\"format\": \"retort/1\", \"command\": \"current\", \"error\": \"cannot connect\"}"),
                MAPPER.readTree(error.toString()));
    }

    /** Names and messages from a database reach the document escaped, and a parser reads back the exact text. */
    @Test
    void hostileTextIsEscapedAndReadBackExactly() throws IOException {
        for (String hostile : HostileText.ALL) {
            StringWriter out = new StringWriter();
            JsonReport.check(
                    out,
                    new Plan(List.of(new AddColumn(new QualifiedName(hostile, hostile), Column.of(hostile, "text")))),
                    "public");
            assertShownSafely(out.toString());
            JsonNode object =
                    MAPPER.readTree(out.toString()).get("operations").get(0).get("object");
            assertEquals(hostile, object.get("schema").asText());
            assertEquals(hostile, object.get("table").asText());
            assertEquals(hostile, object.get("column").asText());

            StringWriter error = new StringWriter();
            JsonReport.error(error, "check", hostile);
            assertShownSafely(error.toString());
            assertEquals(hostile, MAPPER.readTree(error.toString()).get("error").asText());
        }
        StringWriter emoji = new StringWriter();
        JsonReport.error(emoji, "check", "\uD83D\uDE00 café");
        assertTrue(emoji.toString().contains("\"\\uD83D\\uDE00 café\""), emoji::toString);
    }

    /** Only line feeds between fields, and no character a terminal would act on or hide. */
    private static void assertShownSafely(String document) {
        assertFalse(VisibleText.hasHidden(document.replace("\n", "")), () -> VisibleText.of(document, false));
        assertFalse(document.replace("\n", "").codePoints().anyMatch(c -> c == 0x7f), document);
        assertFalse(HostileText.hasRawHidden(document), document);
    }
}
