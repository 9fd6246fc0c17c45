package dev.retort.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.retort.fixtures.db.TestDatabase;
import dev.retort.fixtures.shop.Shop;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code check --dev} lints the migrations not applied to the database at {@code url}: a pending migration's findings
 * in its output and exit code, an applied one's not; {@code check} at head finds nothing pending.
 */
class CheckLintTest {
    @RegisterExtension
    static final TestDatabase live = new TestDatabase();

    static final ObjectMapper MAPPER = new ObjectMapper();

    @TempDir
    Path workDir;

    Cli cli;

    @BeforeEach
    void project() throws SQLException {
        live.resetAllSchemas();
        cli = new Cli(workDir);
        cli.write(
                "retort.properties",
                String.join(
                        "\n",
                        "url = " + live.url(),
                        "dev.url = " + live.url(),
                        "migrations.dir = migrations",
                        "migrations.package = com.example.migrations",
                        "entities.packages = " + Shop.V1,
                        "entities.classpath = " + Cli.fixturesClasses(),
                        ""));
    }

    private void ok(String... args) {
        Cli.Result result = cli.run(args);
        assertEquals(ExitCode.OK, result.code(), result::toString);
    }

    private void migration(String id, String revises, String up) {
        cli.write("migrations/R" + id + ".java", """
                package com.example.migrations;

                import static dev.retort.runtime.Ops.index;

                @dev.retort.runtime.Revision(id = "%s", revises = "%s", message = "%s")
                public final class R%s implements dev.retort.runtime.Migration {
                    public void upgrade(dev.retort.runtime.Ops op) {
                        %s
                    }

                    public void downgrade(dev.retort.runtime.Ops op) {}
                }
                """.formatted(id, revises, id, id, up));
    }

    @Test
    void checkDevListsTheLintOfThePendingMigrationsOnly() throws Exception {
        ok("revision", "--autogenerate", "-m", "shop v1", "--rev-id", "a1");
        // applied: its unreadable statement is not check's business any more
        migration("b1", "a1", "op.execute(\"DO $$ BEGIN END $$\");");
        ok("upgrade", "head");
        migration(
                "b2",
                "b1",
                "op.createIndex(\"customers\", index(\"name\"));\n        op.dropIndex(\"customers\", index(\"name\"));");
        Cli.Result result = cli.run("check", "--dev");
        assertEquals(new Cli.Result(ExitCode.FOUND, """
                        No new upgrade operations detected.
                        Lint of the pending migrations:
                          Rb2.java:8: error non-concurrent-index: CREATE INDEX on existing table "customers" blocks \
                        writes while it builds; build it CONCURRENTLY in op.autocommit
                          Rb2.java:9: error non-concurrent-index: DROP INDEX on existing table "customers" takes an \
                        ACCESS EXCLUSIVE lock; drop it CONCURRENTLY in op.autocommit
                        """, ""), result);

        Cli.Result json = cli.run("check", "--dev", "--format", "json");
        assertEquals(ExitCode.FOUND, json.code(), json::toString);
        JsonNode document = MAPPER.readTree(json.out());
        assertEquals(0, document.get("operations").size());
        List<String> lint = new ArrayList<>();
        for (JsonNode finding : document.get("lint"))
            lint.add(
                    finding.get("revision").asText() + " " + finding.get("rule").asText() + " "
                            + finding.get("severity").asText() + " "
                            + finding.get("file").asText() + ":"
                            + finding.get("line").asInt());
        assertEquals(
                List.of(
                        "b2 non-concurrent-index error migrations/Rb2.java:8",
                        "b2 non-concurrent-index error migrations/Rb2.java:9"),
                lint);

        // applied, nothing is pending: check --dev is clean again, and so is check at head
        ok("upgrade", "head");
        assertEquals(Cli.CLEAN_CHECK, cli.run("check", "--dev"));
        assertEquals(Cli.CLEAN_CHECK, cli.run("check"));
    }

    @Test
    void warningsAloneLeaveCheckClean() {
        ok("revision", "--autogenerate", "-m", "shop v1", "--rev-id", "a1");
        ok("upgrade", "head");
        migration("b1", "a1", "op.execute(\"DO $$ BEGIN END $$\");");
        Cli.Result result = cli.run("check", "--dev");
        assertEquals(ExitCode.OK, result.code(), result::toString);
        assertEquals(
                "No new upgrade operations detected.\nLint of the pending migrations:\n  Rb1.java:8: warning"
                        + " unparsed-sql: op.execute statement not read: lint does not read the body of a DO block;"
                        + " no rule checked it\n",
                result.out());
    }

    @Test
    void anUnreachableUrlLeavesCheckDevAsItWasWithANote() {
        ok("revision", "--autogenerate", "-m", "shop v1", "--rev-id", "a1");
        migration("b1", "a1", "op.execute(\"DO $$ BEGIN END $$\");");
        String missing = live.url().replaceFirst("/[^/?]+(\\?|$)", "/retort_no_such_database$1");
        Cli.Result result = cli.run("--url", missing, "check", "--dev");
        assertEquals(ExitCode.OK, result.code(), result::toString);
        assertEquals("No new upgrade operations detected.\n", result.out());
        assertTrue(
                result.err().startsWith("note: the migrations not applied at url are not linted: cannot connect to "),
                result::toString);
    }
}
